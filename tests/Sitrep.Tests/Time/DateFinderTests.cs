using Sitrep.Time;

namespace Sitrep.Tests.Time;

public sealed class DateFinderTests
{
    [Theory]
    [InlineData("The ceasefire began on March 31, 2020, in Velmora.", "March 31, 2020", 2020, 3, 31, false)]
    [InlineData("The ceasefire began on 31 March 2020 in Velmora.", "31 March 2020", 2020, 3, 31, false)]
    [InlineData("Officials met on Jan. 3 to sign the accord.", "Jan. 3", null, 1, 3, false)]
    [InlineData("The strike was called off on Tuesday, March 31 after talks.", "Tuesday, March 31", null, 3, 31, true)]
    [InlineData("The decree (dated 2020-03-31) was published late.", "2020-03-31", 2020, 3, 31, false)]
    [InlineData("Fireworks are planned for the 4th of July in Tarvis.", "the 4th of July", null, 7, 4, false)]
    [InlineData("Voting ended on Sept. 12, 2019 without incident.", "Sept. 12, 2019", 2019, 9, 12, false)]
    [InlineData("The dam burst on May 5 near Dravno.", "May 5", null, 5, 5, false)]
    [InlineData("Troops arrived on the 2nd of February, 2021 at dawn.", "the 2nd of February, 2021", 2021, 2, 2, false)]
    public void A_written_date_is_found_with_its_parts_and_exact_range(string text, string written, int? year, int month, int day, bool weekday)
    {
        var mention = Assert.Single(DateFinder.Find(text));

        Assert.Equal(written, mention.Range.Slice(text).ToString());
        Assert.Equal(text.IndexOf(written, StringComparison.Ordinal), mention.Range.Start);
        Assert.Equal(year, mention.Year);
        Assert.Equal(month, mention.Month);
        Assert.Equal(day, mention.Day);
        Assert.Equal(weekday, mention.HasWeekday);
    }

    [Fact]
    public void Several_dates_are_found_in_text_order()
    {
        const string text = "Talks opened on 2021-04-02, stalled on April 9 and ended on 12 April 2021.";

        var found = DateFinder.Find(text);

        Assert.Equal(["2021-04-02", "April 9", "12 April 2021"], found.Select(m => m.Range.Slice(text).ToString()));
        Assert.Equal([2, 9, 12], found.Select(m => m.Day));
    }

    [Theory]
    [InlineData("Each household may 5 times a year ask for a permit.")]
    [InlineData("Officials said they may 12 days from now reconsider.")]
    [InlineData("The column of 5,000 troops crossed the border.")]
    [InlineData("Only 2,019 ballots were counted in Tarvis.")]
    [InlineData("The convoy travelled March 32 kilometres, a typo.")]
    [InlineData("Exports in March 12 percent below the previous year.")]
    public void Words_and_numbers_that_are_not_dates_are_passed_over(string noDate)
    {
        // The one real date after the phrase is the only one found.
        var text = noDate + " The decision came on June 2.";

        var mention = Assert.Single(DateFinder.Find(text));

        Assert.Equal("June 2", mention.Range.Slice(text).ToString());
        Assert.Null(mention.Year);
    }

    [Fact]
    public void A_year_before_a_month_name_is_not_read_as_a_day()
    {
        const string text = "Organisers of the 2019 May Day parade in Velmora met again on June 2.";

        var mention = Assert.Single(DateFinder.Find(text));

        Assert.Equal("June 2", mention.Range.Slice(text).ToString());
    }

    [Theory]
    [InlineData("Turnout in 2019, the year of the flood, was low.", new[] { 2019 })]
    [InlineData("Output rose from 1998 to 2021.", new[] { 1998, 2021 })]
    [InlineData("The column of 5,000 troops crossed the border in 2017.", new[] { 2017 })]
    [InlineData("Fines of $2015 were paid by each trader in 2017.", new[] { 2017 })]
    [InlineData("Prices rose 2020% in the worst month of 2017.", new[] { 2017 })]
    [InlineData("A budget of 2019,5 million crowns was approved in 2017.", new[] { 2017 })]
    [InlineData("In 2017, 2,000 troops and 1,950 police were deployed.", new[] { 2017 })]
    public void Years_finds_the_years_a_text_names_and_not_other_numbers(string text, int[] years)
    {
        Assert.Equal(years, DateFinder.Years(text));
    }

    [Fact]
    public void A_yearless_date_resolves_against_the_anchor_year()
    {
        var mention = Assert.Single(DateFinder.Find("Schools reopened on February 29 in Dravno."));

        Assert.Equal(new DateOnly(2020, 2, 29), mention.Resolve(2020));
        Assert.Null(mention.Resolve(2021));
        Assert.Null(mention.Resolve(null));
    }

    [Fact]
    public void A_dated_mention_keeps_its_own_year_whatever_the_anchor()
    {
        var mention = Assert.Single(DateFinder.Find("The bridge opened on June 1, 2018."));

        Assert.Equal(new DateOnly(2018, 6, 1), mention.Resolve(2023));
    }
}

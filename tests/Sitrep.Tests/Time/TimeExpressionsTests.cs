using Sitrep.Text;
using Sitrep.Time;

namespace Sitrep.Tests.Time;

public sealed class TimeExpressionsTests
{
    private static IReadOnlyList<TimeExpression> Find(string text, string? published = "2021-06-15") => TimeExpressions.Find(text, published);

    [Theory]
    [InlineData("The ceasefire began on March 31, 2020, in Velmora.", "March 31, 2020", "2020-03-31")]
    [InlineData("The ceasefire began on 31 March 2020 in Velmora.", "31 March 2020", "2020-03-31")]
    [InlineData("Officials met on Jan. 3 to sign the accord.", "Jan. 3", "2021-01-03")]
    [InlineData("The strike was called off on Tuesday, March 30 after talks.", "Tuesday, March 30", "2021-03-30")]
    [InlineData("The decree (dated 2020-03-31) was published late.", "2020-03-31", "2020-03-31")]
    [InlineData("Fireworks were set off on the 4th of April in Tarvis.", "the 4th of April", "2021-04-04")]
    [InlineData("Voting ended on Sept. 12, 2019 without incident.", "Sept. 12, 2019", "2019-09-12")]
    [InlineData("The dam burst on May 5 near Dravno.", "May 5", "2021-05-05")]
    [InlineData("Troops arrived on the 2nd of February, 2021 at dawn.", "the 2nd of February, 2021", "2021-02-02")]
    public void A_written_date_is_found_with_its_exact_range_and_value(string text, string written, string value)
    {
        var time = Assert.Single(Find(text));

        Assert.Equal(written, time.Text(text));
        Assert.Equal(text.IndexOf(written, StringComparison.Ordinal), time.Start);
        Assert.Equal(TimexType.Date, time.Type);
        Assert.Equal(value, time.Value);
    }

    [Fact]
    public void Several_dates_are_found_in_text_order()
    {
        const string text = "Talks opened on 2021-04-02, stalled on April 9 and ended on 12 April 2021.";

        var found = Find(text);

        Assert.Equal(["2021-04-02", "April 9", "12 April 2021"], found.Select(t => t.Text(text)));
        Assert.Equal(["2021-04-02", "2021-04-09", "2021-04-12"], found.Select(t => t.Value));
    }

    [Theory]
    [InlineData("Each household may 5 times a year ask for a permit.")]
    [InlineData("Officials said they may 12 days from now reconsider.")]
    [InlineData("The column of 5,000 troops crossed the border.")]
    [InlineData("Only 2,019 ballots were counted in Tarvis.")]
    [InlineData("The convoy travelled March 32 kilometres, a typo.")]
    [InlineData("Exports in March 12 percent below the previous year.")]
    [InlineData("The resolution 2231 vote was held in the council.")]
    public void Numbers_that_are_not_dates_are_passed_over(string noDate)
    {
        // No day is read from the phrase; the real date after it is found.
        var text = noDate + " The decision came on June 2.";

        var found = Find(text);

        Assert.DoesNotContain(found, t => t.Start < noDate.Length && t.Day is { Month: 3 or 5 });
        Assert.Contains(found, t => t.Text(text) == "June 2" && t.Value == "2021-06-02");
    }

    [Fact]
    public void A_year_before_a_month_name_is_not_read_as_a_day()
    {
        const string text = "Organisers of the 2019 May Day parade in Velmora met again on June 2.";

        var found = Find(text);

        Assert.DoesNotContain(found, t => t.Text(text).StartsWith("19 May", StringComparison.Ordinal));
        Assert.Contains(found, t => t.Text(text) == "June 2" && t.Value == "2021-06-02");
    }

    [Theory]
    [InlineData("Fines of $2015 were paid by each trader.")]
    [InlineData("Prices rose 2020% in the worst month.")]
    [InlineData("In all, 2,000 troops and 1,950 police were deployed.")]
    public void Money_percentages_and_counts_are_not_years(string text)
    {
        Assert.DoesNotContain(Find(text), t => t.Value.Length == 4 && char.IsDigit(t.Value[0]));
    }

    [Fact]
    public void Without_a_publication_date_a_yearless_date_keeps_an_unknown_year()
    {
        const string text = "Schools reopened on February 29 in Dravno.";

        var time = Assert.Single(Find(text, published: null));

        Assert.Equal("XXXX-02-29", time.Value);
        Assert.Equal(TimeAnchor.None, time.Anchor);
    }

    [Fact]
    public void A_dated_mention_keeps_its_own_year_whatever_the_publication_date()
    {
        var time = Assert.Single(Find("The bridge opened on June 1, 2018.", "2023-05-01"));

        Assert.Equal("2018-06-01", time.Value);
        Assert.Equal(TimeAnchor.None, time.Anchor);
    }

    [Fact]
    public void A_relative_date_inside_a_quote_is_read_against_the_quote_s_date()
    {
        const string text = "The minister said on Monday: \"We met them yesterday and will meet again next week.\" The talks resume today.";
        var tokens = Tokenizer.Tokenize(text);
        var sentences = SentenceSplitter.Split(text, tokens);
        int open = text.IndexOf('"', StringComparison.Ordinal) + 1;
        int close = text.LastIndexOf('"');

        var found = TimeExpressions.Find(text, tokens, sentences, "2021-06-18", [(open, close, "2021-06-14")]);

        Assert.Equal("2021-06-13", found.Single(t => t.Text(text) == "yesterday").Value);
        Assert.Equal(TimeAnchor.Text, found.Single(t => t.Text(text) == "yesterday").Anchor);
        Assert.Equal("2021-W25", found.Single(t => t.Text(text) == "next week").Value);
        Assert.Equal("2021-06-18", found.Single(t => t.Text(text) == "today").Value);
        Assert.Equal(TimeAnchor.Published, found.Single(t => t.Text(text) == "today").Anchor);
    }

    [Fact]
    public void Offsets_are_utf16_units_of_the_text()
    {
        const string text = "Relief 🚑 convoys left on 3 March 2021.";

        var time = Assert.Single(Find(text));

        Assert.Equal("3 March 2021", text.Substring(time.Start, time.End - time.Start));
    }

    [Fact]
    public void An_empty_text_has_no_times()
    {
        Assert.Empty(TimeExpressions.Find("", [], [], "2021-06-15"));
    }

    [Fact]
    public void A_long_text_is_read_whole()
    {
        var text = string.Concat(Enumerable.Repeat("On Friday 3 March the envoy left. ", 3000));

        var found = Find(text);

        Assert.Equal(3000, found.Count);
        Assert.All(found, t => Assert.Equal("Friday 3 March", t.Text(text)));
    }
}

using Sitrep.Time;

namespace Sitrep.Tests.Metadata;

public sealed class PublicationDateTests
{
    [Fact]
    public void The_latest_date_reported_wins()
    {
        const string text = "Fighting broke out near Tarvis on March 3, 2021. By March 9, 2021 the town had fallen, "
            + "and residents recalled the shelling of January 5, 2021.";

        Assert.Equal("2021-03-09", PublicationDate.Infer([text]));
    }

    [Fact]
    public void A_yearless_date_takes_the_latest_year_the_text_names()
    {
        const string text = "The agreement was signed on January 14, 2021 in Velmora. Negotiators met again on March 3 to review it.";

        Assert.Equal("2021-03-03", PublicationDate.Infer([text]));
    }

    [Fact]
    public void A_bare_year_alone_does_not_date_an_article_but_anchors_a_day_written_with_it()
    {
        const string yearOnly = "The mine, closed since 2019, has not been repaired.";
        const string withDay = "The mine, closed since 2019, reopened on June 8 after repairs.";

        Assert.Null(PublicationDate.Infer([yearOnly]));
        Assert.Equal("2019-06-08", PublicationDate.Infer([withDay]));
    }

    [Fact]
    public void A_yearless_day_before_a_month_reported_as_past_gives_no_date()
    {
        // "March 4" borrows 2022 from the treaty, but the text reports November 2023 as past: the
        // article is from 2024 or later and which year the day is in is not said.
        const string text = "The treaty of 2022 still stands. Prices have risen since November 2023, the ministry said on March 4.";
        const string plain = "The treaty of 2022 still stands. The ministry said on March 4 that prices had risen.";

        Assert.Null(PublicationDate.Infer([text]));
        Assert.Equal("2022-03-04", PublicationDate.Infer([plain]));
    }

    [Fact]
    public void A_date_in_the_future_of_the_article_is_ignored()
    {
        const string text = "The ceasefire held on April 2, 2022 across the province. Talks will resume on April 20 in Dravno.";

        Assert.Equal("2022-04-02", PublicationDate.Infer([text]));
    }

    [Fact]
    public void A_deadline_is_ignored()
    {
        const string text = "Workers returned on Monday, May 9, 2022. The company has until June 30 to pay the arrears.";

        Assert.Equal("2022-05-09", PublicationDate.Infer([text]));
    }

    [Fact]
    public void Dates_in_captions_count_too()
    {
        Assert.Equal("2021-05-04", PublicationDate.Infer(["The harbor flooded on May 1, 2021.", "Volunteers clear debris on May 4, 2021."]));
    }

    [Fact]
    public void A_text_without_dates_gives_none_until_a_caption_dates_it()
    {
        const string body = "Residents of Tarvis spent the night in shelters as the river rose.";

        Assert.Null(PublicationDate.Infer([body]));
        Assert.Equal("2021-07-14", PublicationDate.Infer([body, "A family waits at a shelter in Tarvis, July 14, 2021."]));
    }

    [Fact]
    public void A_yearless_date_in_a_text_that_names_no_year_gives_none_until_a_year_is_named()
    {
        const string body = "Negotiators met again on March 3 to review the accord.";

        Assert.Null(PublicationDate.Infer([body]));
        Assert.Equal("2020-03-03", PublicationDate.Infer([body + " The accord was first drafted in 2020."]));
    }

    [Fact]
    public void A_date_beyond_next_year_is_not_a_publication_date()
    {
        const string text = "The lease was signed on May 1, 2020. A clerk wrote March 3, 2090 on the form by mistake.";

        Assert.Equal("2020-05-01", PublicationDate.Infer([text], currentYear: 2024));
    }

    [Theory]
    [InlineData("2016-09-20", "2016-09-20")]
    [InlineData(" 2016-09-20 ", "2016-09-20")]
    [InlineData("2016/09/20", "2016-09-20")]
    [InlineData("20160920", "2016-09-20")]
    [InlineData("2020-03-31T10:15:00+02:00", "2020-03-31T08:15:00Z")]
    [InlineData("2020-03-31T10:15:00Z", "2020-03-31T10:15:00Z")]
    [InlineData("2020-03-31T01:15:00+02:00", "2020-03-30T23:15:00Z")]
    [InlineData("Tue, 31 Mar 2020 10:00:00 GMT", "2020-03-31T10:00:00Z")]
    [InlineData("March 31, 2020", "2020-03-31")]
    [InlineData("31 March 2020", "2020-03-31")]
    public void A_stated_date_is_normalized_to_iso(string stated, string expected)
    {
        Assert.Equal(expected, PublicationDate.Normalize(stated));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("sometime last spring")]
    [InlineData("n/a")]
    public void A_stated_date_that_is_not_a_date_normalizes_to_null(string? stated)
    {
        Assert.Null(PublicationDate.Normalize(stated));
        Assert.Equal("2016-09-20", PublicationDate.Normalize(stated + " 2016-09-20"));
    }
}

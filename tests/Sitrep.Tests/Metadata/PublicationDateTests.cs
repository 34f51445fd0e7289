using Sitrep.Time;

namespace Sitrep.Tests.Metadata;

public sealed class PublicationDateTests
{
    [Fact]
    public void A_published_line_dates_the_article()
    {
        const string text = "Published March 9, 2021\n\nFighting broke out near Tarvis on March 3, 2021, "
            + "and residents recalled the shelling of January 5, 2021.";

        Assert.Equal("2021-03-09", PublicationDate.Infer([text]));
    }

    [Fact]
    public void A_dateline_dates_the_article()
    {
        const string text = "March 9, 2021 - Fighting broke out near Tarvis on March 3, 2021, the ministry said.";

        Assert.Equal("2021-03-09", PublicationDate.Infer([text]));
    }

    [Fact]
    public void A_day_the_story_merely_recalls_does_not_date_it()
    {
        // The article could be from any later day or year: null, not a guess.
        const string text = "Fighting broke out near Tarvis on March 3, 2021. By March 9, 2021 the town had fallen.";

        Assert.Null(PublicationDate.Infer([text]));
    }

    [Fact]
    public void A_weekday_ties_a_day_to_the_week_of_the_news()
    {
        const string text = "Workers returned on Monday, May 9, 2022, after a strike that began in 2021.";

        Assert.Equal("2022-05-09", PublicationDate.Infer([text]));
    }

    [Fact]
    public void A_weekday_that_does_not_fit_the_date_gives_none()
    {
        // May 9, 2022 was a Monday.
        Assert.Null(PublicationDate.Infer(["Workers returned on Friday, May 9, 2022."]));
    }

    [Fact]
    public void A_yearless_date_borrows_a_year_only_when_its_weekday_confirms_it()
    {
        const string plain = "The accord was signed in 2020. Negotiators met again on March 3 to review it.";
        const string withWeekday = "The accord was signed in 2020. Negotiators met again on Tuesday, March 3, to review it.";
        const string wrongWeekday = "The accord was signed in 2020. Negotiators met again on Thursday, March 3, to review it.";

        Assert.Null(PublicationDate.Infer([plain]));
        Assert.Equal("2020-03-03", PublicationDate.Infer([withWeekday]));
        Assert.Null(PublicationDate.Infer([wrongWeekday]));
    }

    [Fact]
    public void A_bare_year_alone_does_not_date_an_article()
    {
        Assert.Null(PublicationDate.Infer(["The mine, closed since 2019, has not been repaired."]));
    }

    [Fact]
    public void A_date_used_as_a_name_is_not_a_publication_date()
    {
        Assert.Null(PublicationDate.Infer(["Twenty years after 9/11, the memorial drew thousands of visitors."]));
        Assert.Null(PublicationDate.Infer(["The Sept. 11, 2001, attacks changed a generation."]));
        Assert.Null(PublicationDate.Infer(["Officials said a Sept. 11-style attack was unlikely this Saturday."]));
    }

    [Fact]
    public void A_historical_year_or_an_anniversary_is_not_a_publication_date()
    {
        Assert.Null(PublicationDate.Infer(["Juneteenth marks June 19, 1865, when enslaved people in Galveston learned they were free."]));
        Assert.Null(PublicationDate.Infer(["The law, passed in 1865, is still on the books."]));
        Assert.Null(PublicationDate.Infer(["Crowds gathered on the anniversary of Saturday, April 24, 1915, in Yerevan."]));
        // A day written with a weekday but before a year the text reports as past is history.
        Assert.Null(PublicationDate.Infer(["On Tuesday, March 3, 2020, the mine closed. It reopened in 2023 after repairs."]));
    }

    [Fact]
    public void A_date_in_the_future_of_the_article_is_ignored()
    {
        const string text = "The ceasefire held on Saturday, April 2, 2022 across the province. Talks will resume on April 20, 2022 in Dravno.";

        Assert.Equal("2022-04-02", PublicationDate.Infer([text]));
    }

    [Fact]
    public void A_deadline_is_ignored()
    {
        const string text = "Workers returned on Monday, May 9, 2022. The company has until June 30, 2022 to pay the arrears.";

        Assert.Equal("2022-05-09", PublicationDate.Infer([text]));
    }

    [Fact]
    public void A_text_without_dates_gives_none_until_a_caption_dates_it()
    {
        const string body = "Residents of Tarvis spent the night in shelters as the river rose.";

        Assert.Null(PublicationDate.Infer([body]));
        Assert.Equal("2021-07-14", PublicationDate.Infer([body, "A family waits at a shelter in Tarvis on Wednesday, July 14, 2021."]));
    }

    [Fact]
    public void An_address_that_writes_a_day_dates_the_page()
    {
        Assert.Equal("2020-03-31", PublicationDate.UrlDay("https://example.com/2020/03/31/harbor-vote/"));
        Assert.Equal("2018-07-20", PublicationDate.UrlDay("https://example.com/news/2018-07-20-1408/harbor-vote"));
        // No day, an impossible one, one only of a year and month, or one in the future: none.
        Assert.Null(PublicationDate.UrlDay("https://example.com/story/505353-harbor-vote"));
        Assert.Null(PublicationDate.UrlDay("https://example.com/2020/13/45/harbor-vote"));
        Assert.Null(PublicationDate.UrlDay("https://example.com/2020/03/harbor-vote"));
        Assert.Null(PublicationDate.UrlDay("https://example.com/2090/01/01/harbor-vote"));
        Assert.Null(PublicationDate.UrlDay(null));
    }

    [Fact]
    public void A_date_beyond_the_current_year_is_not_a_publication_date()
    {
        const string text = "Published May 1, 2020\n\nA clerk wrote Tuesday, March 3, 2090 on the form by mistake.";

        Assert.Equal("2020-05-01", PublicationDate.Infer([text], currentYear: 2024));
    }

    [Theory]
    [InlineData("2016-09-20", "2016-09-20")]
    [InlineData(" 2016-09-20 ", "2016-09-20")]
    [InlineData("2016/09/20", "2016-09-20")]
    [InlineData("20160920", "2016-09-20")]
    [InlineData("2020-03-31T10:15:00+02:00", "2020-03-31T10:15:00+02:00")]
    [InlineData("2020-03-31T10:15:00Z", "2020-03-31T10:15:00Z")]
    [InlineData("2020-03-31T10:15:00+00:00", "2020-03-31T10:15:00Z")]
    // An offset is kept: the day is the one the outlet published on where it is (in UTC this one would be March 30).
    [InlineData("2020-03-31T01:15:00+02:00", "2020-03-31T01:15:00+02:00")]
    [InlineData("2025-06-25T20:57:54.303966-0400", "2025-06-25T20:57:54-04:00")]
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

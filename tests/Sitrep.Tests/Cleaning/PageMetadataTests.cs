using Sitrep.Cleaning.Html;

namespace Sitrep.Tests.Cleaning;

/// <summary>
/// The page metadata an HTML page states in its markup conventions (JSON-LD graphs, card labels,
/// the byline and date lines under the headline), on invented pages.
/// </summary>
public sealed class PageMetadataTests
{
    private const string Body =
        "<p>The harbour board voted on Tuesday to close the old pier for repairs that will take most of the year, its chair said.</p>"
        + "<p>Fishing boats will use the north quay in the meantime, and the ferry keeps its usual timetable, the board said in a statement.</p>"
        + "<p>Residents asked at the meeting whether the cafe on the pier would reopen; the board said it hoped so but could not promise it.</p>";

    private static Sitrep.Pipeline.PageHints Hints(string head, string header = "") =>
        new HtmlCleaner().Clean($"<html><head>{head}</head><body><article><h1>Old Pier Closes for Repairs</h1>{header}{Body}</article></body></html>").Hints;

    [Fact]
    public void A_placeholder_date_in_json_ld_names_no_day_and_the_next_source_gives_it()
    {
        // An unset timestamp ("0001-01-01T00:00:00Z", Go's zero time) once became the publication day, and a date
        // counted back from it ("recently": the month before) stopped the whole batch's JSON.
        const string ld = """
            <link rel="canonical" href="https://harbour.example/news/2024/06/12/old-pier-closes/">
            <script type="application/ld+json">{"@context":"http://schema.org","@type":"NewsArticle","headline":"Old Pier Closes for Repairs",
              "dateModified":"0001-01-01T00:00:00Z","datePublished":"0001-01-01T00:00:00Z"}</script>
            """;

        var hints = Hints(ld);

        Assert.Equal("2024-06-12", Sitrep.Time.PublicationDate.Normalize(hints.PrintedDate));
        Assert.Null(Sitrep.Time.PublicationDate.Normalize("0001-01-01T00:00:00Z"));
        Assert.Null(Sitrep.Time.PublicationDate.Normalize("0001-01-01"));
        Assert.Equal("1066-10-14", Sitrep.Time.PublicationDate.Normalize("1066-10-14"));
        // A stated day in the future is a mistake in the data (an article about 2050 dated 2050): no day.
        var nextYear = DateTime.UtcNow.Year + 1;
        Assert.Null(Sitrep.Time.PublicationDate.Normalize("2050-09-30"));
        Assert.Null(Sitrep.Time.PublicationDate.Normalize($"{nextYear}-06-01T08:00:00Z"));
        Assert.Null(Sitrep.Time.PublicationDate.Normalize($"June 1, {nextYear}"));
        var today = DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(today, Sitrep.Time.PublicationDate.Normalize(today));
    }

    [Fact]
    public void The_day_printed_under_the_headline_wins_over_a_later_stated_day()
    {
        // The content system restamped the page when it was saved again; the reader is shown the earlier day.
        const string ld = """
            <script type="application/ld+json">{"@context":"http://schema.org","@type":"BlogPosting","headline":"Old Pier Closes for Repairs",
              "datePublished":"2025-09-04T10:12:00Z","dateModified":"2025-09-04T10:12:00Z"}</script>
            """;

        var hints = Hints(ld, """<div class="post-meta"><span>Published</span> <span>March 3, 2021</span></div>""");

        Assert.Equal("2021-03-03", Sitrep.Time.PublicationDate.Normalize(hints.PrintedDate));
    }

    [Fact]
    public void An_unmarked_date_line_under_the_headline_wins_over_a_later_meta_tag()
    {
        var hints = Hints("""<meta property="article:published_time" content="2024-11-20T08:00:00+00:00">""", "<p>June 2, 2022</p>");

        Assert.Equal("2022-06-02", Sitrep.Time.PublicationDate.Normalize(hints.PrintedDate));
    }

    [Theory]
    // A later printed day is an update or the outlet's own day: the stated day stays.
    [InlineData("""<div class="post-meta"><span>June 14, 2024</span></div>""")]
    // An updated day is never the publication.
    [InlineData("""<div class="post-meta"><span>Updated</span> <span>March 3, 2021</span></div>""")]
    // A date after the article has begun is a related story's or a comment's.
    [InlineData("""<p>A paragraph of prose that opens the article before any date line is printed, as many blogs have it on the page.</p><p>The harbour master added that the pier had been closed once before, in the storm year, and that it had reopened within the month.</p><div class="entry-date">March 3, 2021</div>""")]
    // A day before is the outlet's day beside a stamp in UTC, not an earlier publication.
    [InlineData("<p>June 11, 2024</p>")]
    // The time element states its day: the text "03/06/2024" is the same day written day first, not March 6.
    [InlineData("""<div class="entry-date"><time datetime="2024-06-12">12/06/2024</time></div>""")]
    // A label just before the day makes it a later one.
    [InlineData("""<div class="info"><div>Page updated:</div><div class="date">March 3, 2021</div></div>""")]
    public void The_stated_day_stays_when_the_header_prints_no_earlier_publication_day(string header)
    {
        var hints = Hints("""<meta property="article:published_time" content="2024-06-12T09:30:00+00:00">""", header);

        Assert.Equal("2024-06-12T09:30:00Z", Sitrep.Time.PublicationDate.Normalize(hints.PrintedDate));
    }

    [Fact]
    public void A_by_line_with_a_linked_name_ends_with_the_link()
    {
        // The name is the link after "By"; the button run on into the same line is no part of it.
        var hints = Hints("", """<p>By <a href="/staff/12">Jane Roe</a> &nbsp; <a href="/print/12" class="btn">View In Print Edition</a></p>""");

        Assert.Equal("Jane Roe", hints.Byline);
    }

    [Fact]
    public void Two_linked_names_joined_by_and_are_not_cut_at_the_first()
    {
        var hints = Hints("", """<p>By <a href="/staff/12">Jane Roe</a> and <a href="/staff/31">Tom Poe</a></p>""");

        Assert.NotEqual("Jane Roe", hints.Byline);
    }

    [Fact]
    public void A_graphs_article_node_gives_the_author_even_after_a_web_page_node_and_through_an_id_reference()
    {
        const string ld = """
            <script type="application/ld+json">{"@context":"https://schema.org","@graph":[
              {"@type":"WebPage","@id":"https://harbour.example/pier#page","name":"Old Pier Closes for Repairs","datePublished":"2024-05-02T09:00:00+00:00"},
              {"@type":"Person","@id":"https://harbour.example/#/person/1","name":"Mirela Ostrand"},
              {"@type":"BlogPosting","headline":"Old Pier Closes for Repairs","author":{"@id":"https://harbour.example/#/person/1"},"datePublished":"2024-05-02T09:00:00+00:00"}]}</script>
            """;

        var hints = Hints(ld);

        Assert.Equal("Mirela Ostrand", hints.Byline);
    }

    [Fact]
    public void The_card_labelled_written_by_names_the_author_and_a_link_in_the_author_tag_does_not()
    {
        var hints = Hints("""
            <meta property="article:author" content="https://social.example/harbourpaper">
            <meta name="twitter:label1" content="Written by"><meta name="twitter:data1" content="Tobin Lark">
            <meta name="twitter:label2" content="Est. reading time"><meta name="twitter:data2" content="3 minutes">
            """);

        Assert.Equal("Tobin Lark", hints.Byline);
    }

    [Theory]
    [InlineData("By Tobin Lark", "Tobin Lark")]
    [InlineData("Written by: Tobin Lark", "Tobin Lark")]
    [InlineData("Author: Tobin Lark", "Tobin Lark")]
    [InlineData("Tobin Lark, Harbour Weekly", "Tobin Lark")]
    public void A_stated_byline_loses_its_lead_in_and_the_outlet_it_ends_with(string stated, string expected)
    {
        var hints = Hints($"""<meta name="author" content="{stated}"><meta property="og:site_name" content="Harbour Weekly">""");

        Assert.Equal(expected, hints.Byline);
    }

    [Theory]
    [InlineData("desk@harbour.example")]
    [InlineData("262588213843476")]
    [InlineData("admin")]
    [InlineData("page.head.author")]
    public void An_address_a_number_or_a_template_key_is_no_byline(string stated)
    {
        Assert.Null(Hints($"""<meta name="author" content="{stated}">""").Byline);
    }

    [Fact]
    public void The_site_named_as_author_gives_way_to_the_person_under_the_headline()
    {
        var hints = Hints(
            """<meta property="og:site_name" content="Harbour Weekly"><meta name="author" content="Harbour Weekly">""",
            """<div class="post-author">By Mirela Ostrand • June 12, 2024</div>""");

        Assert.Equal("Mirela Ostrand", hints.Byline);
        Assert.Equal("2024-06-12", Sitrep.Time.PublicationDate.Normalize(hints.PrintedDate));
    }

    [Fact]
    public void The_site_named_as_author_stays_when_no_person_is_named()
    {
        var hints = Hints("""<meta property="og:site_name" content="Harbour Weekly"><meta name="author" content="Harbour Weekly">""");

        Assert.Equal("Harbour Weekly", hints.Byline);
    }

    [Fact]
    public void A_name_and_a_date_in_separate_elements_of_the_byline_stay_apart()
    {
        var hints = Hints("", """<div class="author-and-date"><span>Tobin Lark</span><span>Dec 17, 2024</span></div>""");

        Assert.Equal("Tobin Lark", hints.Byline);
        Assert.Equal("2024-12-17", Sitrep.Time.PublicationDate.Normalize(hints.PrintedDate));
    }

    [Fact]
    public void A_reviewer_is_not_the_author()
    {
        var hints = Hints("", """
            <div class="byline-block"><span>Reviewed by </span><a class="author-link" href="/r/1">Tobin Lark</a></div>
            """);

        Assert.Null(hints.Byline);
    }

    [Fact]
    public void A_published_meta_tag_in_words_dates_the_page()
    {
        var hints = Hints("""<meta name="published" content="July 17, 2025">""");

        Assert.Equal("2025-07-17", Sitrep.Time.PublicationDate.Normalize(hints.PrintedDate));
    }
}

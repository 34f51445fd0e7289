using Sitrep.Ingest.Feeds;
using Sitrep.Pipeline;

namespace Sitrep.Tests.Feeds;

public sealed class FeedRejectionTests
{
    private const string MisnestedFeed = """
        <rss version="2.0">
          <channel>
            <title>Quay Notes</title>
            <item>
              <title>Broken</title>
              <link>https://quaynotes.example/broken</link>
            </itme>
          </channel>
        </rss>
        """;

    [Fact]
    public void Html_page_is_not_a_feed()
    {
        const string html = """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>The Harbor Ledger</title></head>
            <body><p>Welcome aboard<br></p></body></html>
            """;

        var e = Assert.Throws<InputRejectedException>(() => FeedReader.Parse(html, new Uri("https://harborledger.example/")));

        Assert.Equal("not an RSS or Atom feed (root element <html>)", e.Message);
    }

    [Fact]
    public void Other_xml_document_is_not_a_feed()
    {
        const string sitemap = """
            <?xml version="1.0" encoding="UTF-8"?>
            <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>https://harborledger.example/</loc></url></urlset>
            """;

        var e = Assert.Throws<InputRejectedException>(() => FeedReader.Parse(sitemap, null));

        Assert.Equal("not an RSS or Atom feed (root element <urlset>)", e.Message);
    }

    [Fact]
    public void Malformed_xml_reports_its_line()
    {
        var e = Assert.Throws<InputRejectedException>(() => FeedReader.Parse(MisnestedFeed, null));

        Assert.StartsWith("malformed XML at line 7: ", e.Message, StringComparison.Ordinal);
        Assert.Contains("itme", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Malformed_xml_line_counts_leading_blank_lines()
    {
        var e = Assert.Throws<InputRejectedException>(() => FeedReader.Parse("\n\n" + MisnestedFeed, null));

        Assert.StartsWith("malformed XML at line 9: ", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_is_malformed_xml_at_line_1()
    {
        var e = Assert.Throws<InputRejectedException>(() => FeedReader.Parse("""{"version": "https://jsonfeed.org/version/1.1", "items": []}""", null));

        Assert.StartsWith("malformed XML at line 1: ", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Truncated_feed_is_malformed()
    {
        const string truncated = """
            <rss version="2.0">
              <channel>
                <title>Quay Notes</title>
                <item><title>Cut off
            """;

        var e = Assert.Throws<InputRejectedException>(() => FeedReader.Parse(truncated, null));

        Assert.StartsWith("malformed XML at line ", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" \n\t ")]
    [InlineData("\uFEFF")]
    public void Empty_text_is_rejected_as_empty(string text)
    {
        var e = Assert.Throws<InputRejectedException>(() => FeedReader.Parse(text, null));

        Assert.Equal("empty feed document", e.Message);
    }
}

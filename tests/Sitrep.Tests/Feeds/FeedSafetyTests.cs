using System.Diagnostics;
using System.Text;
using Sitrep.Ingest.Feeds;
using Sitrep.Pipeline;

namespace Sitrep.Tests.Feeds;

/// <summary>Feeds are untrusted: no DTD entity may be expanded or fetched, whatever the document declares.</summary>
public sealed class FeedSafetyTests
{
    private const string SecretMarker = "root:x:0:0:leaked-file-content";

    [Fact]
    public void External_entity_for_etc_passwd_is_never_read()
    {
        const string xml = """
            <?xml version="1.0"?>
            <!DOCTYPE rss [
              <!ENTITY xxe SYSTEM "file:///etc/passwd">
            ]>
            <rss version="2.0">
              <channel>
                <title>&xxe;</title>
                <item><title>Harbour news</title><link>https://quaynotes.example/a</link></item>
              </channel>
            </rss>
            """;

        string everything = Outcome(() => FeedReader.Parse(xml, null));

        Assert.DoesNotContain("root:", everything, StringComparison.Ordinal);
        Assert.StartsWith("rejected: malformed XML at line 7:", everything, StringComparison.Ordinal);
    }

    [Fact]
    public void External_entity_for_a_file_that_exists_is_never_read()
    {
        // A file written here, so the test proves the point on machines without /etc/passwd too.
        using var secret = new SecretFile(SecretMarker);
        string xml = $$"""
            <?xml version="1.0"?>
            <!DOCTYPE feed [ <!ENTITY xxe SYSTEM "{{secret.Uri}}"> ]>
            <feed xmlns="http://www.w3.org/2005/Atom">
              <entry><title>Leak: &xxe;</title><link href="https://fjordside.example/leak"/></entry>
            </feed>
            """;

        string everything = Outcome(() => FeedReader.Parse(xml, null));

        Assert.DoesNotContain("root:", everything, StringComparison.Ordinal);
        Assert.DoesNotContain("leaked-file-content", everything, StringComparison.Ordinal);
        Assert.StartsWith("rejected: malformed XML at line 4:", everything, StringComparison.Ordinal);
    }

    [Fact]
    public void External_entity_in_an_attribute_is_never_read()
    {
        using var secret = new SecretFile(SecretMarker);
        string xml = $$"""
            <!DOCTYPE feed [ <!ENTITY xxe SYSTEM "{{secret.Uri}}"> ]>
            <feed xmlns="http://www.w3.org/2005/Atom">
              <entry><title>Attr</title><link href="https://fjordside.example/&xxe;"/></entry>
            </feed>
            """;

        string everything = Outcome(() => FeedReader.Parse(xml, null));

        Assert.DoesNotContain("leaked-file-content", everything, StringComparison.Ordinal);
        Assert.StartsWith("rejected: malformed XML at line 3:", everything, StringComparison.Ordinal);
    }

    [Fact]
    public void External_dtd_and_parameter_entities_are_skipped_and_the_feed_is_still_read()
    {
        using var secret = new SecretFile(SecretMarker);
        string xml = $$"""
            <?xml version="1.0"?>
            <!DOCTYPE rss SYSTEM "{{secret.Uri}}" [
              <!ENTITY % remote SYSTEM "{{secret.Uri}}">
              %remote;
            ]>
            <rss version="2.0"><channel><title>Quay Notes</title>
              <item><title>Pilot boats</title><link>https://quaynotes.example/pilots</link></item>
            </channel></rss>
            """;

        Feed feed = FeedReader.Parse(xml, null);

        Assert.Equal("Quay Notes", feed.Title);
        Assert.Equal("https://quaynotes.example/pilots", Assert.Single(feed.Items).Link);
        Assert.DoesNotContain("leaked-file-content", Describe(feed), StringComparison.Ordinal);
    }

    [Fact]
    public void External_entity_named_like_an_html_entity_is_read_as_the_html_character_not_the_file()
    {
        using var secret = new SecretFile(SecretMarker);
        string xml = $$"""
            <!DOCTYPE rss [ <!ENTITY nbsp SYSTEM "{{secret.Uri}}"> ]>
            <rss version="2.0"><channel><title>Quay&nbsp;Notes</title>
              <item><title>Pilot boats</title><link>https://quaynotes.example/pilots</link></item>
            </channel></rss>
            """;

        Feed feed = FeedReader.Parse(xml, null);

        Assert.Equal("Quay\u00a0Notes", feed.Title);
        Assert.DoesNotContain("leaked-file-content", Describe(feed), StringComparison.Ordinal);
    }

    [Fact]
    public void Billion_laughs_is_rejected_quickly_without_expanding()
    {
        const string xml = """
            <?xml version="1.0"?>
            <!DOCTYPE rss [
              <!ENTITY lol "lol">
              <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
              <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
              <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
              <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
              <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
              <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
              <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
              <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
              <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
            ]>
            <rss version="2.0"><channel><title>&lol9;</title>
              <item><title>Laughs</title><link>https://quaynotes.example/laughs</link><description>&lol9;</description></item>
            </channel></rss>
            """;

        var clock = Stopwatch.StartNew();
        string everything = Outcome(() => FeedReader.Parse(xml, null));
        clock.Stop();

        Assert.StartsWith("rejected: malformed XML at line 14:", everything, StringComparison.Ordinal);
        Assert.DoesNotContain("lollol", everything, StringComparison.Ordinal);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
    }

    [Fact]
    public void Quadratic_blowup_with_one_large_entity_is_rejected()
    {
        string big = new('x', 50_000);
        var xml = new StringBuilder();
        xml.Append("<!DOCTYPE rss [<!ENTITY big \"").Append(big).Append("\">]>\n");
        xml.Append("<rss version=\"2.0\"><channel><title>");
        for (int i = 0; i < 10_000; i++)
            xml.Append("&big;");
        xml.Append("</title></channel></rss>");

        var e = Assert.Throws<InputRejectedException>(() => FeedReader.Parse(xml.ToString(), null));

        Assert.StartsWith("malformed XML at line 2:", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Document_over_the_size_cap_is_rejected_before_parsing()
    {
        string huge = new(' ', FeedReader.MaxDocumentCharacters + 1);

        var e = Assert.Throws<InputRejectedException>(() => FeedReader.Parse(huge, null));

        Assert.StartsWith("feed too large", e.Message, StringComparison.Ordinal);
    }

    /// <summary>Everything a caller could see: the parsed feed, or the rejection's message.</summary>
    private static string Outcome(Func<Feed> parse)
    {
        try
        {
            return "parsed: " + Describe(parse());
        }
        catch (InputRejectedException e)
        {
            return "rejected: " + e.Message + " | " + e.InnerException?.Message;
        }
    }

    private static string Describe(Feed feed)
    {
        var sb = new StringBuilder();
        sb.Append(feed.Title).Append('|').Append(feed.Link).Append('|');
        foreach (FeedItem item in feed.Items)
            sb.Append(item).Append('|');
        foreach (FeedItemError error in feed.Errors)
            sb.Append(error).Append('|');
        return sb.ToString();
    }
}

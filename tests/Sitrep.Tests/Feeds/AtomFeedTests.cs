using Sitrep.Ingest.Feeds;

namespace Sitrep.Tests.Feeds;

public sealed class AtomFeedTests
{
    private const string GazetteFeed = """
        <?xml version="1.0" encoding="utf-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://northwind-gazette.example/">
          <title>Northwind Gazette</title>
          <link rel="self" href="https://northwind-gazette.example/atom.xml"/>
          <link rel="alternate" type="text/html" href="/"/>
          <id>tag:northwind-gazette.example,2025:feed</id>
          <updated>2025-03-05T09:00:00Z</updated>
          <author><name>Northwind Desk</name></author>
          <entry>
            <title>Tidal barrier closes for the spring surge</title>
            <link rel="self" href="/atom/entries/17"/>
            <link rel="alternate" type="text/html" href="stories/tidal-barrier"/>
            <id>tag:northwind-gazette.example,2025:17</id>
            <published>2025-03-04T18:20:00+01:00</published>
            <updated>2025-03-05T07:00:00+01:00</updated>
            <author><name>Sefa Morrow</name></author>
            <author><name>Kit Halvard</name></author>
            <summary>The barrier was closed overnight.</summary>
            <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Engineers <em>closed</em> the barrier at 02:00.</p><p>Traffic &amp; shipping waited.</p></div></content>
          </entry>
          <entry>
            <title>Ferry timetable changes</title>
            <link rel="enclosure" type="audio/mpeg" href="https://cdn.northwind-gazette.example/audio/timetable.mp3"/>
            <link href="https://northwind-gazette.example/stories/timetable"/>
            <id>tag:northwind-gazette.example,2025:18</id>
            <updated>2025-03-05T08:00:00Z</updated>
            <content type="html">&lt;p&gt;Sailings move &lt;strong&gt;ten minutes&lt;/strong&gt; later.&lt;/p&gt;</content>
          </entry>
        </feed>
        """;

    [Fact]
    public void Feed_title_and_alternate_link_are_read_and_self_is_ignored()
    {
        Feed feed = FeedReader.Parse(GazetteFeed, null);

        Assert.Equal("Northwind Gazette", feed.Title);
        Assert.Equal("https://northwind-gazette.example/", feed.Link);
    }

    [Fact]
    public void Alternate_link_is_chosen_over_self_and_resolved_against_xml_base()
    {
        Feed feed = FeedReader.Parse(GazetteFeed, null);

        Assert.Equal("https://northwind-gazette.example/stories/tidal-barrier", feed.Items[0].Link);
    }

    [Fact]
    public void Link_without_rel_is_chosen_over_an_enclosure()
    {
        Feed feed = FeedReader.Parse(GazetteFeed, null);

        Assert.Equal("https://northwind-gazette.example/stories/timetable", feed.Items[1].Link);
    }

    [Fact]
    public void Xhtml_content_is_its_inner_markup_without_the_wrapping_div_or_namespace()
    {
        Feed feed = FeedReader.Parse(GazetteFeed, null);

        Assert.Equal("<p>Engineers <em>closed</em> the barrier at 02:00.</p><p>Traffic &amp; shipping waited.</p>", feed.Items[0].ContentHtml);
    }

    [Fact]
    public void Html_content_is_the_unescaped_markup()
    {
        Feed feed = FeedReader.Parse(GazetteFeed, null);

        Assert.Equal("<p>Sailings move <strong>ten minutes</strong> later.</p>", feed.Items[1].ContentHtml);
    }

    [Fact]
    public void Entry_fields_are_read()
    {
        FeedItem item = FeedReader.Parse(GazetteFeed, null).Items[0];

        Assert.Equal("Tidal barrier closes for the spring surge", item.Title);
        Assert.Equal("tag:northwind-gazette.example,2025:17", item.Id);
        Assert.Equal("2025-03-04T18:20:00+01:00", item.Published);
        Assert.Equal("Sefa Morrow, Kit Halvard", item.Author);
        Assert.Equal("The barrier was closed overnight.", item.Summary);
    }

    [Fact]
    public void Entry_without_published_uses_updated_and_inherits_the_feed_author()
    {
        FeedItem item = FeedReader.Parse(GazetteFeed, null).Items[1];

        Assert.Equal("2025-03-05T08:00:00Z", item.Published);
        Assert.Equal("Northwind Desk", item.Author);
        Assert.Null(item.Summary);
    }

    [Fact]
    public void Relative_links_are_resolved_against_the_base_url_when_there_is_no_xml_base()
    {
        const string xml = """
            <feed xmlns="http://www.w3.org/2005/Atom">
              <title>Fjordside Weekly</title>
              <link href="/"/>
              <entry><title>Net mending contest</title><link href="/2025/nets"/><id>fw-1</id></entry>
              <entry><title>Boathouse fire</title><link href="boathouse"/><id>fw-2</id></entry>
            </feed>
            """;

        Feed feed = FeedReader.Parse(xml, new Uri("https://fjordside.example/feeds/atom"));

        Assert.Equal("https://fjordside.example/", feed.Link);
        Assert.Equal(["https://fjordside.example/2025/nets", "https://fjordside.example/feeds/boathouse"], feed.Items.Select(i => i.Link));
    }

    [Fact]
    public void Relative_xml_base_on_an_entry_is_resolved_against_the_outer_base()
    {
        const string xml = """
            <feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://fjordside.example/weekly/">
              <entry xml:base="2025/03/"><title>Herring season</title><link href="herring"/><id>fw-3</id></entry>
              <entry xml:base="https://archive.fjordside.example/"><title>Old quay</title><link href="old-quay"/><id>fw-4</id></entry>
            </feed>
            """;

        Feed feed = FeedReader.Parse(xml, new Uri("https://elsewhere.example/atom"));

        Assert.Equal(["https://fjordside.example/weekly/2025/03/herring", "https://archive.fjordside.example/old-quay"], feed.Items.Select(i => i.Link));
    }

    [Fact]
    public void Entry_with_only_a_self_link_uses_an_http_id_as_its_link()
    {
        const string xml = """
            <feed xmlns="http://www.w3.org/2005/Atom">
              <entry>
                <title>Seal pup rescued</title>
                <link rel="self" href="https://fjordside.example/atom/entry/9"/>
                <id>https://fjordside.example/2025/seal-pup</id>
              </entry>
            </feed>
            """;

        Assert.Equal("https://fjordside.example/2025/seal-pup", Assert.Single(FeedReader.Parse(xml, null).Items).Link);
    }

    [Fact]
    public void Entry_with_a_tag_id_and_no_link_or_content_is_an_error()
    {
        const string xml = """
            <feed xmlns="http://www.w3.org/2005/Atom">
              <entry><title>Kept</title><id>tag:fjordside.example,2025:1</id><summary>Harbour dues are unchanged.</summary></entry>
              <entry><title>Dropped</title><link rel="self" href="https://fjordside.example/atom/entry/2"/><id>tag:fjordside.example,2025:2</id></entry>
            </feed>
            """;

        Feed feed = FeedReader.Parse(xml, null);

        FeedItem kept = Assert.Single(feed.Items);
        Assert.Null(kept.Link);
        Assert.Equal("Harbour dues are unchanged.", kept.Summary);
        Assert.Equal(new FeedItemError(1, "no link and no content"), Assert.Single(feed.Errors));
    }

    [Fact]
    public void Text_content_is_encoded_as_html_and_html_titles_are_read_as_text()
    {
        const string xml = """
            <feed xmlns="http://www.w3.org/2005/Atom">
              <entry>
                <title type="html">Salt &amp;amp; pepper &lt;b&gt;shortage&lt;/b&gt;</title>
                <link href="https://fjordside.example/salt"/>
                <content type="text">Tides &amp; winds &lt;rise&gt;</content>
              </entry>
            </feed>
            """;

        FeedItem item = Assert.Single(FeedReader.Parse(xml, null).Items);

        Assert.Equal("Salt & pepper shortage", item.Title);
        Assert.Equal("Tides &amp; winds &lt;rise&gt;", item.ContentHtml);
    }

    [Fact]
    public void Xhtml_keeps_spaces_between_elements_and_writes_empty_elements_as_html()
    {
        const string xml = """
            <feed xmlns="http://www.w3.org/2005/Atom">
              <entry>
                <title>Lock gates</title>
                <link href="https://fjordside.example/lock-gates"/>
                <summary type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><b>Upper</b> <i>lower</i></div></summary>
                <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>First<br/>second</p><p></p><img src="gates.jpg" alt="Gates"/></div></content>
              </entry>
            </feed>
            """;

        FeedItem item = Assert.Single(FeedReader.Parse(xml, null).Items);

        Assert.Equal("<b>Upper</b> <i>lower</i>", item.Summary);
        Assert.Equal("<p>First<br />second</p><p></p><img src=\"gates.jpg\" alt=\"Gates\" />", item.ContentHtml);
    }

    [Fact]
    public void Out_of_line_content_is_not_content()
    {
        const string xml = """
            <feed xmlns="http://www.w3.org/2005/Atom">
              <entry><title>Video only</title><id>tag:fjordside.example,2025:v</id><content type="video/mp4" src="https://cdn.fjordside.example/v.mp4"/></entry>
            </feed>
            """;

        Feed feed = FeedReader.Parse(xml, null);

        Assert.Empty(feed.Items);
        Assert.Equal(new FeedItemError(0, "no link and no content"), Assert.Single(feed.Errors));
    }
}

using Sitrep.Ingest.Feeds;

namespace Sitrep.Tests.Feeds;

public sealed class RssFeedTests
{
    private static readonly Uri LedgerFeedUrl = new("https://harborledger.example/feeds/main.xml");

    private const string ThreeItemFeed = """
        <?xml version="1.0" encoding="utf-8"?>
        <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
          <channel>
            <title>The Harbor Ledger</title>
            <link>https://harborledger.example/</link>
            <description>News from the Velmora waterfront</description>
            <item>
              <title>Ferry fares rise for the first time in a decade</title>
              <link>https://harborledger.example/news/ferry-fares</link>
              <guid isPermaLink="false">hl-2041</guid>
              <pubDate>Tue, 04 Mar 2025 08:15:00 +0000</pubDate>
              <author>desk@harborledger.example (Mara Quill)</author>
              <description>Fares on the Velmora ferry go up in April.</description>
              <content:encoded><![CDATA[<p>The <b>Velmora</b> ferry authority raised fares by 8%.</p>]]></content:encoded>
            </item>
            <item>
              <title>Council delays vote on pier lighting</title>
              <link>https://harborledger.example/news/pier-lighting</link>
              <dc:creator>Ines Tarrow</dc:creator>
              <dc:creator>Pavel Osk</dc:creator>
              <description><![CDATA[The vote moves to <i>next month</i>.]]></description>
            </item>
            <item>
              <title>Untitled wire placeholder</title>
            </item>
          </channel>
        </rss>
        """;

    [Fact]
    public void Channel_title_and_link_are_read()
    {
        Feed feed = FeedReader.Parse(ThreeItemFeed, LedgerFeedUrl);

        Assert.Equal("The Harbor Ledger", feed.Title);
        Assert.Equal("https://harborledger.example/", feed.Link);
    }

    [Fact]
    public void Item_with_full_content_has_every_field()
    {
        Feed feed = FeedReader.Parse(ThreeItemFeed, LedgerFeedUrl);

        Assert.Equal(
            new FeedItem(
                "Ferry fares rise for the first time in a decade",
                "https://harborledger.example/news/ferry-fares",
                "hl-2041",
                "Tue, 04 Mar 2025 08:15:00 +0000",
                "Mara Quill",
                "Fares on the Velmora ferry go up in April.",
                "<p>The <b>Velmora</b> ferry authority raised fares by 8%.</p>"),
            feed.Items[0]);
    }

    [Fact]
    public void Item_with_summary_only_has_null_content_and_joined_dc_creators()
    {
        Feed feed = FeedReader.Parse(ThreeItemFeed, LedgerFeedUrl);

        Assert.Equal(
            new FeedItem(
                "Council delays vote on pier lighting",
                "https://harborledger.example/news/pier-lighting",
                null,
                null,
                "Ines Tarrow, Pavel Osk",
                "The vote moves to <i>next month</i>.",
                null),
            feed.Items[1]);
    }

    [Fact]
    public void Item_with_neither_link_nor_content_is_an_error_and_the_others_still_come_through()
    {
        Feed feed = FeedReader.Parse(ThreeItemFeed, LedgerFeedUrl);

        Assert.Equal(2, feed.Items.Count);
        FeedItemError error = Assert.Single(feed.Errors);
        Assert.Equal(2, error.Index);
        Assert.Equal("no link and no content", error.Reason);
    }

    [Fact]
    public void Guid_is_the_link_when_there_is_no_link_and_it_is_a_permalink()
    {
        const string xml = """
            <rss version="2.0"><channel><title>Quay Notes</title>
              <item><title>Tugboat parade</title><guid>https://quaynotes.example/2025/tugboat-parade</guid></item>
              <item><title>Crane repairs</title><guid isPermaLink="true">https://quaynotes.example/2025/crane-repairs</guid></item>
            </channel></rss>
            """;

        Feed feed = FeedReader.Parse(xml, null);

        Assert.Equal(["https://quaynotes.example/2025/tugboat-parade", "https://quaynotes.example/2025/crane-repairs"], feed.Items.Select(i => i.Link));
        Assert.Equal("https://quaynotes.example/2025/tugboat-parade", feed.Items[0].Id);
        Assert.Empty(feed.Errors);
    }

    [Fact]
    public void Guid_marked_not_a_permalink_is_never_the_link()
    {
        const string xml = """
            <rss version="2.0"><channel><title>Quay Notes</title>
              <item><title>Buoy count</title><guid isPermaLink="false">https://quaynotes.example/internal/77</guid><description>Forty buoys were counted.</description></item>
              <item><title>Bare guid</title><guid isPermaLink="FALSE">https://quaynotes.example/internal/78</guid></item>
            </channel></rss>
            """;

        Feed feed = FeedReader.Parse(xml, null);

        FeedItem item = Assert.Single(feed.Items);
        Assert.Null(item.Link);
        Assert.Equal("https://quaynotes.example/internal/77", item.Id);
        Assert.Equal("Forty buoys were counted.", item.Summary);
        Assert.Equal(new FeedItemError(1, "no link and no content"), Assert.Single(feed.Errors));
    }

    [Fact]
    public void Guid_that_is_not_a_url_is_an_id_and_not_a_link()
    {
        const string xml = """
            <rss version="2.0"><channel>
              <item><title>Dredging schedule</title><guid>qn-5512</guid><description>Dredging starts Monday.</description></item>
            </channel></rss>
            """;

        FeedItem item = Assert.Single(FeedReader.Parse(xml, new Uri("https://quaynotes.example/rss")).Items);

        Assert.Null(item.Link);
        Assert.Equal("qn-5512", item.Id);
    }

    [Fact]
    public void Relative_item_link_is_resolved_against_the_base_url()
    {
        const string xml = """
            <rss version="2.0"><channel><title>The Harbor Ledger</title>
              <item><title>Lighthouse reopens</title><link>/news/lighthouse-reopens</link></item>
              <item><title>Tide tables</title><link>../tides/march.html</link></item>
            </channel></rss>
            """;

        Feed feed = FeedReader.Parse(xml, LedgerFeedUrl);

        Assert.Equal(["https://harborledger.example/news/lighthouse-reopens", "https://harborledger.example/tides/march.html"], feed.Items.Select(i => i.Link));
    }

    [Fact]
    public void Relative_item_link_falls_back_to_the_channel_link_when_there_is_no_base_url()
    {
        const string xml = """
            <rss version="2.0"><channel><title>The Harbor Ledger</title><link>https://harborledger.example/</link>
              <item><title>Lighthouse reopens</title><link>news/lighthouse-reopens</link></item>
            </channel></rss>
            """;

        FeedItem item = Assert.Single(FeedReader.Parse(xml, null).Items);

        Assert.Equal("https://harborledger.example/news/lighthouse-reopens", item.Link);
    }

    [Fact]
    public void Relative_item_link_is_resolved_against_xml_base()
    {
        const string xml = """
            <rss version="2.0" xml:base="https://mirror.harborledger.example/archive/"><channel><title>The Harbor Ledger</title>
              <item><title>Lighthouse reopens</title><link>2025/lighthouse</link></item>
            </channel></rss>
            """;

        FeedItem item = Assert.Single(FeedReader.Parse(xml, LedgerFeedUrl).Items);

        Assert.Equal("https://mirror.harborledger.example/archive/2025/lighthouse", item.Link);
    }

    [Fact]
    public void Relative_link_with_nothing_to_resolve_against_is_an_error()
    {
        const string xml = """
            <rss version="2.0"><channel><title>Quay Notes</title>
              <item><title>Orphan</title><link>/news/orphan</link><description>Text.</description></item>
            </channel></rss>
            """;

        Feed feed = FeedReader.Parse(xml, null);

        Assert.Empty(feed.Items);
        FeedItemError error = Assert.Single(feed.Errors);
        Assert.Equal(0, error.Index);
        Assert.Contains("not an absolute http(s) URL", error.Reason, StringComparison.Ordinal);
        Assert.Contains("/news/orphan", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Non_http_links_are_errors_by_index()
    {
        const string xml = """
            <rss version="2.0"><channel><title>Quay Notes</title>
              <item><title>Good</title><link>http://quaynotes.example/good</link></item>
              <item><title>Script</title><link>javascript:alert(1)</link><description>x</description></item>
              <item><title>Mail</title><link>mailto:tips@quaynotes.example</link><description>y</description></item>
            </channel></rss>
            """;

        Feed feed = FeedReader.Parse(xml, new Uri("https://quaynotes.example/rss"));

        Assert.Equal("http://quaynotes.example/good", Assert.Single(feed.Items).Link);
        Assert.Equal([1, 2], feed.Errors.Select(e => e.Index));
        Assert.Equal("link is not an absolute http(s) URL: javascript:alert(1)", feed.Errors[0].Reason);
        Assert.Equal("link is not an absolute http(s) URL: mailto:tips@quaynotes.example", feed.Errors[1].Reason);
    }

    [Fact]
    public void Missing_optional_fields_are_null_and_white_space_is_trimmed()
    {
        const string xml = """
            <rss version="2.0"><channel>
              <item>
                <title>
                   Storm warning
                   for the outer harbour
                </title>
                <link>
                  https://quaynotes.example/storm
                </link>
                <description>   </description>
              </item>
            </channel></rss>
            """;

        Feed feed = FeedReader.Parse(xml, null);

        Assert.Null(feed.Title);
        Assert.Null(feed.Link);
        Assert.Equal(new FeedItem("Storm warning for the outer harbour", "https://quaynotes.example/storm", null, null, null, null, null), Assert.Single(feed.Items));
    }

    [Fact]
    public void Html_named_entities_outside_cdata_are_read_as_characters()
    {
        const string xml = """
            <rss version="2.0"><channel><title>Caf&eacute; Harbour</title>
              <item><title>Fish&nbsp;market opens</title><link>https://cafeharbour.example/fish</link>
                <description><![CDATA[Prices &nbsp;stay]]> &amp; hold</description></item>
            </channel></rss>
            """;

        Feed feed = FeedReader.Parse(xml, null);

        Assert.Equal("Caf\u00e9 Harbour", feed.Title);
        Assert.Equal("Fish\u00a0market opens", feed.Items[0].Title);
        Assert.Equal("Prices &nbsp;stay & hold", feed.Items[0].Summary);
    }

    [Fact]
    public void Byte_order_mark_leading_white_space_and_stray_control_characters_are_tolerated()
    {
        string xml = "\uFEFF\n\n  <?xml version=\"1.0\"?>\n<rss version=\"2.0\"><channel><title>Quay\u000B Notes</title>"
            + "<item><title>Pilot boats</title><link>https://quaynotes.example/pilots</link></item></channel></rss>";

        Feed feed = FeedReader.Parse(xml, null);

        Assert.Equal("Quay Notes", feed.Title);
        Assert.Equal("https://quaynotes.example/pilots", Assert.Single(feed.Items).Link);
    }

    [Fact]
    public void Rss_1_rdf_items_beside_the_channel_are_read()
    {
        const string xml = """
            <?xml version="1.0"?>
            <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
              <channel rdf:about="https://saltmarsh-courier.example/">
                <title>Saltmarsh Courier</title>
                <link>https://saltmarsh-courier.example/</link>
              </channel>
              <item rdf:about="https://saltmarsh-courier.example/heron-count">
                <title>Heron count doubles</title>
                <link>https://saltmarsh-courier.example/heron-count</link>
                <description>Volunteers counted 212 herons.</description>
                <dc:creator>Odile Brannock</dc:creator>
                <dc:date>2025-02-11T06:30:00Z</dc:date>
              </item>
            </rdf:RDF>
            """;

        Feed feed = FeedReader.Parse(xml, null);

        Assert.Equal("Saltmarsh Courier", feed.Title);
        Assert.Equal("https://saltmarsh-courier.example/", feed.Link);
        Assert.Equal(
            new FeedItem(
                "Heron count doubles",
                "https://saltmarsh-courier.example/heron-count",
                "https://saltmarsh-courier.example/heron-count",
                "2025-02-11T06:30:00Z",
                "Odile Brannock",
                "Volunteers counted 212 herons.",
                null),
            Assert.Single(feed.Items));
    }

    [Fact]
    public void Rss_author_and_dc_creator_together_are_joined_without_duplicates()
    {
        const string xml = """
            <rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel>
              <item><title>Joint byline</title><link>https://quaynotes.example/joint</link>
                <author>Lotte Vane</author><dc:creator>Lotte Vane</dc:creator><dc:creator>Ruben Ashgrove</dc:creator></item>
            </channel></rss>
            """;

        Assert.Equal("Lotte Vane, Ruben Ashgrove", Assert.Single(FeedReader.Parse(xml, null).Items).Author);
    }
}

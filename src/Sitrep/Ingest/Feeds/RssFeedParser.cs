using System.Xml.Linq;

namespace Sitrep.Ingest.Feeds;

/// <summary>RSS 2.0 / 0.9x (elements in no namespace) and RSS 1.0 / 0.90 (RDF, elements in the RSS namespace).</summary>
internal static class RssFeedParser
{
    private static readonly XNamespace Rss10 = "http://purl.org/rss/1.0/";
    private static readonly XNamespace Rss090 = "http://my.netscape.com/rdf/simple/0.9/";
    private static readonly XNamespace Rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
    private static readonly XNamespace Content = "http://purl.org/rss/1.0/modules/content/";
    private static readonly XNamespace Dc = "http://purl.org/dc/elements/1.1/";
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    public static Feed Parse(XElement root, Uri? baseUrl)
    {
        XElement? channel = Child(root, "channel");
        Uri? channelLink = null;
        if (channel is not null && FeedText.Clean(Child(channel, "link")?.Value) is { } rawChannelLink)
            channelLink = FeedUris.Resolve(rawChannelLink, FeedUris.BaseFor(channel, baseUrl)) is { } u && FeedUris.IsHttp(u) ? u : null;

        // Without a fetch URL, relative item links are most plausibly relative to the site the channel names.
        Uri? documentBase = baseUrl ?? channelLink;

        // RSS 2.0 nests items in <channel>; RDF puts them beside it, and some RSS 2.0 generators do the same.
        IEnumerable<XElement> itemElements = (channel?.Elements() ?? [])
            .Concat(root.Elements())
            .Where(e => IsRss(e.Name, "item"));

        var collector = new FeedItemCollector();
        foreach (XElement item in itemElements)
            AddItem(collector, item, documentBase);

        return collector.ToFeed(FeedText.Line(Child(channel, "title")?.Value), channelLink?.AbsoluteUri);
    }

    private static void AddItem(FeedItemCollector collector, XElement item, Uri? documentBase)
    {
        XElement? linkElement = Child(item, "link");
        string? rawLink = FeedText.Clean(linkElement?.Value);
        Uri? linkBase = FeedUris.BaseFor(linkElement ?? item, documentBase);

        XElement? guid = Child(item, "guid");
        string? guidText = FeedText.Clean(guid?.Value);
        string? id = guidText ?? FeedText.Clean(item.Attribute(Rdf + "about")?.Value);

        string? fallback = null;
        if (rawLink is null)
        {
            // RSS 2.0: a guid is a permalink unless isPermaLink="false".
            bool guidIsPermalink = !string.Equals(guid?.Attribute("isPermaLink")?.Value.Trim(), "false", StringComparison.OrdinalIgnoreCase);
            fallback = guidIsPermalink && FeedUris.AbsoluteHttp(guidText) is not null ? guidText : null;
            // Some feeds give the link only as atom:link.
            if (fallback is null && item.Elements(Atom + "link").FirstOrDefault(IsAlternateAtomLink) is { } atomLink)
            {
                rawLink = FeedText.Clean(atomLink.Attribute("href")?.Value);
                linkBase = FeedUris.BaseFor(atomLink, documentBase);
            }
        }

        string? author = FeedText.JoinNames(item.Elements()
            .Where(e => IsRss(e.Name, "author") || e.Name == Dc + "creator")
            .Select(e => FeedText.RssAuthorName(e.Value)));

        string? published = FeedText.Clean(Child(item, "pubDate")?.Value) ?? FeedText.Clean(item.Element(Dc + "date")?.Value);

        var feedItem = new FeedItem(
            Title: FeedText.Line(Child(item, "title")?.Value),
            Link: null,
            Id: id,
            Published: published,
            Author: author,
            Summary: FeedText.Clean(Child(item, "description")?.Value),
            ContentHtml: FeedText.Clean(item.Element(Content + "encoded")?.Value));
        collector.Add(feedItem, rawLink, linkBase, fallback);
    }

    private static bool IsAlternateAtomLink(XElement link)
    {
        string? rel = link.Attribute("rel")?.Value.Trim();
        return string.IsNullOrEmpty(rel) || rel == "alternate";
    }

    private static XElement? Child(XElement? parent, string localName) =>
        parent?.Elements().FirstOrDefault(e => IsRss(e.Name, localName));

    private static bool IsRss(XName name, string localName) =>
        name.LocalName == localName && (name.Namespace == XNamespace.None || name.Namespace == Rss10 || name.Namespace == Rss090);
}

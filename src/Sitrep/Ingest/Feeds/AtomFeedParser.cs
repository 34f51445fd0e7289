using System.Net;
using System.Xml.Linq;

namespace Sitrep.Ingest.Feeds;

/// <summary>Atom 1.0, and 0.3 or namespace-less Atom as far as they share its element names.</summary>
internal static class AtomFeedParser
{
    private static readonly XNamespace Xhtml = "http://www.w3.org/1999/xhtml";

    public static Feed Parse(XElement root, Uri? baseUrl)
    {
        // Elements are looked up in the root's own namespace so 0.3 and namespace-less feeds read the same way.
        XNamespace ns = root.Name.Namespace;

        Uri? feedLink = null;
        if (ChooseLink(root, ns) is { } feedLinkElement)
        {
            Uri? resolved = FeedUris.Resolve(feedLinkElement.Attribute("href")?.Value, FeedUris.BaseFor(feedLinkElement, baseUrl));
            feedLink = resolved is not null && FeedUris.IsHttp(resolved) ? resolved : null;
        }

        // Atom: an entry without its own author inherits the feed's.
        string? feedAuthors = AuthorNames(root, ns);

        var collector = new FeedItemCollector();
        foreach (XElement entry in root.Elements(ns + "entry"))
            AddEntry(collector, entry, ns, baseUrl, feedAuthors);

        return collector.ToFeed(TextConstruct(root.Element(ns + "title")), feedLink?.AbsoluteUri);
    }

    private static void AddEntry(FeedItemCollector collector, XElement entry, XNamespace ns, Uri? baseUrl, string? feedAuthors)
    {
        XElement? linkElement = ChooseLink(entry, ns);
        string? rawLink = FeedText.Clean(linkElement?.Attribute("href")?.Value);
        Uri? linkBase = FeedUris.BaseFor(linkElement ?? entry, baseUrl);
        string? id = FeedText.Clean(entry.Element(ns + "id")?.Value);

        string? author = AuthorNames(entry, ns)
            ?? (entry.Element(ns + "source") is { } source ? AuthorNames(source, ns) : null)
            ?? feedAuthors;

        string? published = FirstText(entry, ns, "published", "updated", "issued", "modified", "created");

        var item = new FeedItem(
            Title: TextConstruct(entry.Element(ns + "title")),
            Link: null,
            Id: id,
            Published: published,
            Author: author,
            Summary: MarkupConstruct(entry.Element(ns + "summary")),
            ContentHtml: Content(entry.Element(ns + "content")));
        // Many feeds use the article URL as the Atom id; a tag: or urn: id never passes as a link.
        collector.Add(item, rawLink, linkBase, id);
    }

    /// <summary>
    /// The entry's page: rel="alternate" or no rel (which means alternate), an HTML type preferred.
    /// rel="self" (the feed document), "enclosure" (media) and others are never the article.
    /// </summary>
    private static XElement? ChooseLink(XElement parent, XNamespace ns)
    {
        XElement[] alternates = parent.Elements(ns + "link").Where(IsAlternate).ToArray();
        return alternates.FirstOrDefault(l => l.Attribute("type")?.Value is not { } type || type.Contains("html", StringComparison.OrdinalIgnoreCase))
            ?? alternates.FirstOrDefault();
    }

    private static bool IsAlternate(XElement link)
    {
        string? rel = link.Attribute("rel")?.Value.Trim();
        return string.IsNullOrEmpty(rel)
            || rel == "alternate"
            || rel == "http://www.iana.org/assignments/relation/alternate";
    }

    private static string? AuthorNames(XElement parent, XNamespace ns) =>
        FeedText.JoinNames(parent.Elements(ns + "author").Select(a => a.Element(ns + "name")?.Value));

    private static string? FirstText(XElement entry, XNamespace ns, params string[] names)
    {
        foreach (string name in names)
        {
            if (FeedText.Clean(entry.Element(ns + name)?.Value) is { } text)
                return text;
        }
        return null;
    }

    /// <summary>A title as plain text whatever its declared type, since a title is shown as text.</summary>
    private static string? TextConstruct(XElement? element) => element is null
        ? null
        : ContentType(element) switch
        {
            AtomContentType.Html => FeedText.PlainFromHtml(element.Value),
            _ => FeedText.Line(element.Value),
        };

    /// <summary>A summary as the feed wrote it: text and escaped HTML as their value, XHTML as its inner markup.</summary>
    private static string? MarkupConstruct(XElement? element) => element is null
        ? null
        : ContentType(element) == AtomContentType.Xhtml ? XhtmlMarkup.InnerMarkup(element) : FeedText.Clean(element.Value);

    /// <summary>
    /// Content as HTML. Plain text is HTML-encoded so ContentHtml is always markup; out-of-line content (src)
    /// and binary media types carry nothing readable here.
    /// </summary>
    private static string? Content(XElement? element)
    {
        if (element is null || element.Attribute("src") is not null)
            return null;
        return ContentType(element) switch
        {
            AtomContentType.Xhtml => XhtmlMarkup.InnerMarkup(element),
            AtomContentType.Html => FeedText.Clean(element.Value),
            AtomContentType.Text => FeedText.Clean(element.Value) is { } text ? WebUtility.HtmlEncode(text) : null,
            _ => null,
        };
    }

    private static AtomContentType ContentType(XElement element)
    {
        string type = element.Attribute("type")?.Value.Trim() ?? "text";
        if (type.Length == 0 || type.Equals("text", StringComparison.OrdinalIgnoreCase))
            return AtomContentType.Text;
        if (type.Equals("html", StringComparison.OrdinalIgnoreCase) || type.Equals("text/html", StringComparison.OrdinalIgnoreCase))
            return AtomContentType.Html;
        if (type.Equals("xhtml", StringComparison.OrdinalIgnoreCase) || type.Equals("application/xhtml+xml", StringComparison.OrdinalIgnoreCase))
        {
            // Atom 0.3 marks escaped XHTML with mode="escaped"; it is then a string of markup like html.
            return element.Attribute("mode")?.Value == "escaped" ? AtomContentType.Html : AtomContentType.Xhtml;
        }
        if (type.StartsWith("text/", StringComparison.OrdinalIgnoreCase))
            return AtomContentType.Text;
        return AtomContentType.Other;
    }
}

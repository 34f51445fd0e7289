using System.Text;
using System.Xml.Linq;

namespace Sitrep.Ingest.Feeds;

/// <summary>
/// Turns inline XHTML (Atom type="xhtml") into an HTML string. The XHTML namespace is dropped, otherwise every
/// top-level element would carry an xmlns attribute that HTML consumers neither need nor expect.
/// </summary>
internal static class XhtmlMarkup
{
    private static readonly XNamespace Xhtml = "http://www.w3.org/1999/xhtml";

    private static readonly HashSet<string> VoidElements = new(StringComparer.OrdinalIgnoreCase)
    {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr",
    };

    /// <summary>The markup inside the container, without the wrapping xhtml:div Atom requires.</summary>
    public static string? InnerMarkup(XElement container)
    {
        IEnumerable<XNode> nodes = container.Nodes();
        XElement[] elements = container.Elements().ToArray();
        bool onlyWhiteSpaceText = container.Nodes().OfType<XText>().All(t => string.IsNullOrWhiteSpace(t.Value));
        if (elements.Length == 1 && elements[0].Name == Xhtml + "div" && onlyWhiteSpaceText)
            nodes = elements[0].Nodes();

        var sb = new StringBuilder();
        foreach (XNode node in nodes)
        {
            if (ToHtml(node) is { } converted)
                sb.Append(converted.ToString(SaveOptions.DisableFormatting));
        }
        return FeedText.Clean(sb.ToString());
    }

    private static XNode? ToHtml(XNode node) => node switch
    {
        XElement e => ToHtml(e),
        // CDATA is plain text in HTML; written as CDATA it would be a bogus comment.
        XText t => new XText(t.Value),
        _ => null,
    };

    private static XElement ToHtml(XElement element)
    {
        XName name = element.Name.Namespace == Xhtml ? XName.Get(element.Name.LocalName) : element.Name;
        var copy = new XElement(name, element.Attributes().Where(a => !a.IsNamespaceDeclaration).Select(a => new XAttribute(a)));
        foreach (XNode child in element.Nodes())
        {
            if (ToHtml(child) is { } converted)
                copy.Add(converted);
        }
        // An empty non-void element would serialise as <p />, which HTML reads as an unclosed start tag.
        if (!copy.Nodes().Any() && !VoidElements.Contains(name.LocalName))
            copy.Add(string.Empty);
        return copy;
    }
}

using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Sitrep.Ingest.Feeds;

/// <summary>Link resolution for feeds: xml:base chains, relative links, and the http(s)-only rule.</summary>
internal static partial class FeedUris
{
    private static readonly XName XmlBase = XNamespace.Xml + "base";

    /// <summary>
    /// Resolves a link against a base. A scheme is detected explicitly instead of asking Uri whether the text is
    /// absolute, because on Unix Uri reads "/news/story" as an absolute file path rather than a relative link.
    /// </summary>
    public static Uri? Resolve(string? raw, Uri? baseUri)
    {
        string? text = raw?.Trim();
        if (string.IsNullOrEmpty(text))
            return null;
        if (SchemePrefix().IsMatch(text))
            return Uri.TryCreate(text, UriKind.Absolute, out Uri? absolute) ? absolute : null;
        if (baseUri is null || !baseUri.IsAbsoluteUri)
            return null;
        if (!Uri.TryCreate(text, UriKind.Relative, out Uri? relative))
            return null;
        return Uri.TryCreate(baseUri, relative, out Uri? resolved) ? resolved : null;
    }

    /// <summary>The text as an http(s) URL when it already is one; used for guid/id fallbacks, which are not resolved
    /// because a relative guid ("12345") is an identifier, not a path.</summary>
    public static Uri? AbsoluteHttp(string? raw) => Resolve(raw, null) is { } uri && IsHttp(uri) ? uri : null;

    public static bool IsHttp(Uri uri) =>
        uri.IsAbsoluteUri && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);

    /// <summary>The base in effect at an element: the document base with every xml:base from the root down applied.</summary>
    public static Uri? BaseFor(XElement element, Uri? documentBase)
    {
        Uri? current = documentBase;
        foreach (XElement e in element.AncestorsAndSelf().Reverse())
        {
            string? value = e.Attribute(XmlBase)?.Value;
            if (string.IsNullOrWhiteSpace(value))
                continue;
            // An xml:base that cannot be resolved (relative with nothing to resolve against) leaves the base as it was.
            if (Resolve(value, current) is { } resolved)
                current = resolved;
        }
        return current;
    }

    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9+.\-]*:", RegexOptions.CultureInvariant, RegexTimeouts.Milliseconds)]
    private static partial Regex SchemePrefix();
}

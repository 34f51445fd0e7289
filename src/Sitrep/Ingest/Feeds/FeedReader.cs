using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;
using Sitrep.Pipeline;

namespace Sitrep.Ingest.Feeds;

/// <summary>
/// Reads RSS 2.0 (and 0.9x), RSS 1.0 / RDF and Atom 1.0 (and 0.3) feeds from text already decoded.
/// Feeds are untrusted input, so the XML reader never processes a DTD, never resolves anything
/// external and caps both entity expansion and document size.
/// </summary>
public static partial class FeedReader
{
    /// <summary>Feeds are small; anything past this is not a feed we want to hold in memory as a tree.</summary>
    internal const int MaxDocumentCharacters = 50_000_000;

    /// <summary>How much of the text <see cref="LooksLikeFeed"/> looks at.</summary>
    private const int SniffWindow = 1024;

    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";
    private static readonly XNamespace Atom03 = "http://purl.org/atom/ns#";
    private static readonly XNamespace Rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";

    /// <summary>
    /// Parses a feed. Entries that cannot be used (no link and no content, or a link that is not an absolute
    /// http(s) URL once resolved) are reported in <see cref="Feed.Errors"/> while the others come through.
    /// </summary>
    /// <param name="xml">The feed text.</param>
    /// <param name="baseUrl">The URL the feed was fetched from, used to resolve relative links; may be null.</param>
    /// <exception cref="InputRejectedException">The text is empty, too large, not well-formed XML, or not a feed.</exception>
    public static Feed Parse(string xml, Uri? baseUrl)
    {
        ArgumentNullException.ThrowIfNull(xml);
        if (xml.Length > MaxDocumentCharacters)
            throw new InputRejectedException(string.Create(CultureInfo.InvariantCulture, $"feed too large ({xml.Length} characters; the limit is {MaxDocumentCharacters})"));
        if (baseUrl is { IsAbsoluteUri: false })
            baseUrl = null;

        (string text, int skippedLines) = Prepare(xml);
        if (text.Length == 0)
            throw new InputRejectedException("empty feed document");

        XElement root;
        FeedKind kind;
        try
        {
            using var reader = XmlReader.Create(new StringReader(text), CreateSettings());
            if (reader.MoveToContent() != XmlNodeType.Element)
                throw new InputRejectedException(string.Create(CultureInfo.InvariantCulture, $"malformed XML at line {ReportedLine(reader, skippedLines)}: no root element"));

            // The root is checked before the rest is read: an HTML page is rarely well-formed XML, and
            // "this is HTML, not a feed" is the reason a user can act on, not the parse error further down.
            kind = Classify(reader.LocalName, reader.NamespaceURI);
            if (kind == FeedKind.None)
                throw new InputRejectedException($"not an RSS or Atom feed (root element <{reader.Name}>)");

            // ReadFrom stops at the root's end tag, so junk some servers append after the feed is ignored.
            root = (XElement)XNode.ReadFrom(reader);
        }
        catch (XmlException e)
        {
            int line = e.LineNumber > 0 ? e.LineNumber + skippedLines : 1 + skippedLines;
            throw new InputRejectedException(string.Create(CultureInfo.InvariantCulture, $"malformed XML at line {line}: {WithoutPosition(e.Message)}"), e);
        }

        return kind == FeedKind.Atom ? AtomFeedParser.Parse(root, baseUrl) : RssFeedParser.Parse(root, baseUrl);
    }

    /// <summary>
    /// A cheap sniff of the first kilobyte: true when, after a BOM, white space, the XML declaration,
    /// processing instructions, comments and a DOCTYPE, the root element is &lt;rss&gt;, &lt;feed&gt; or &lt;rdf:RDF&gt;.
    /// </summary>
    public static bool LooksLikeFeed(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        ReadOnlySpan<char> s = text.AsSpan(0, Math.Min(text.Length, SniffWindow));
        if (s.Length > 0 && s[0] == '\uFEFF')
            s = s[1..];

        while (true)
        {
            s = s.TrimStart();
            int end;
            if (s.StartsWith("<?", StringComparison.Ordinal))
                end = IndexAfter(s, "?>");
            else if (s.StartsWith("<!--", StringComparison.Ordinal))
                end = IndexAfter(s, "-->");
            else if (s.StartsWith("<!DOCTYPE", StringComparison.OrdinalIgnoreCase))
                end = DoctypeEnd(s);
            else
                break;
            if (end < 0)
                return false;
            s = s[end..];
        }

        if (s.Length < 2 || s[0] != '<')
            return false;
        int nameEnd = s[1..].IndexOfAny(" \t\r\n/>");
        if (nameEnd < 0)
            return false;
        ReadOnlySpan<char> name = s.Slice(1, nameEnd);
        int colon = name.IndexOf(':');
        ReadOnlySpan<char> local = colon >= 0 ? name[(colon + 1)..] : name;
        return name.SequenceEqual("rss") || local.SequenceEqual("feed") || (colon > 0 && local.SequenceEqual("RDF"));
    }

    /// <summary>
    /// DtdProcessing.Ignore rather than Prohibit: old RSS 0.91 feeds still carry a Netscape DOCTYPE and
    /// Prohibit would reject them outright, while Ignore skips the DTD entirely, so no entity it declares is
    /// ever defined, expanded or fetched: a reference to one (XXE, billion laughs) is an undeclared-entity
    /// error. The resolver, entity and size caps are defence in depth should that ever change.
    /// </summary>
    private static XmlReaderSettings CreateSettings() => new()
    {
        DtdProcessing = DtdProcessing.Ignore,
        XmlResolver = null,
        MaxCharactersFromEntities = 1024,
        MaxCharactersInDocument = MaxDocumentCharacters,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        IgnoreWhitespace = false,
        CloseInput = true,
    };

    private static FeedKind Classify(string localName, string namespaceUri)
    {
        if (localName == "rss")
            return FeedKind.Rss;
        if (localName == "RDF" && namespaceUri == Rdf.NamespaceName)
            return FeedKind.Rss;
        // Atom without its namespace is wrong but seen in the wild; 0.3 shares the element names that matter.
        if (localName == "feed" && (namespaceUri == Atom.NamespaceName || namespaceUri == Atom03.NamespaceName || namespaceUri.Length == 0))
            return FeedKind.Atom;
        return FeedKind.None;
    }

    /// <summary>
    /// Repairs what sloppy feeds get wrong without changing line numbers (so error positions still point at
    /// the input), and returns how many lines the removed leading white space held.
    /// </summary>
    private static (string Text, int SkippedLines) Prepare(string xml)
    {
        int start = 0;
        if (xml.Length > 0 && xml[0] == '\uFEFF')
            start = 1;
        int skippedLines = 0;
        // White space before the XML declaration is a fatal error for XmlReader but common after templating.
        while (start < xml.Length && char.IsWhiteSpace(xml[start]))
        {
            if (xml[start] == '\n')
                skippedLines++;
            start++;
        }
        string text = xml[start..];
        text = RemoveInvalidCharacters(text);
        if (text.Contains('&', StringComparison.Ordinal))
            text = HtmlEntityOrCData().Replace(text, ReplaceHtmlEntity);
        return (text, skippedLines);
    }

    /// <summary>Stray control characters (pasted from word processors) would otherwise make the whole feed unreadable.</summary>
    private static string RemoveInvalidCharacters(string text)
    {
        int first = text.AsSpan().IndexOfAnyInRange('\0', '\u001F');
        bool hasNonCharacters = text.AsSpan().IndexOfAny('\uFFFE', '\uFFFF') >= 0;
        if (first < 0 && !hasNonCharacters)
            return text;
        var sb = new StringBuilder(text.Length);
        foreach (char c in text)
        {
            bool invalid = (c < '\u0020' && c is not ('\t' or '\n' or '\r')) || c is '\uFFFE' or '\uFFFF';
            if (!invalid)
                sb.Append(c);
        }
        return sb.ToString();
    }

    /// <summary>
    /// HTML named entities (&amp;nbsp;, &amp;eacute;) written into feeds without CDATA are undeclared in XML and
    /// fatal; they become numeric references. Only names HTML defines are touched, so a name a DTD would have
    /// declared (an XXE or billion-laughs entity) is left alone and stays an undeclared-entity error.
    /// CDATA sections are matched first and returned unchanged because entities mean nothing inside them.
    /// </summary>
    private static string ReplaceHtmlEntity(Match match)
    {
        Group name = match.Groups["name"];
        if (!name.Success || name.Value is "amp" or "lt" or "gt" or "quot" or "apos")
            return match.Value;
        string decoded = WebUtility.HtmlDecode(match.Value);
        if (decoded == match.Value || decoded.Length != 1)
            return match.Value;
        return string.Create(CultureInfo.InvariantCulture, $"&#{(int)decoded[0]};");
    }

    private static int ReportedLine(XmlReader reader, int skippedLines) =>
        (reader is IXmlLineInfo info && info.HasLineInfo() ? info.LineNumber : 1) + skippedLines;

    /// <summary>XmlException messages end in "Line n, position m." which would contradict the adjusted line number.</summary>
    private static string WithoutPosition(string message) => TrailingPosition().Replace(message, string.Empty).TrimEnd();

    private static int IndexAfter(ReadOnlySpan<char> s, string terminator)
    {
        int i = s.IndexOf(terminator, StringComparison.Ordinal);
        return i < 0 ? -1 : i + terminator.Length;
    }

    /// <summary>End of a DOCTYPE, skipping an internal subset in brackets, which holds '&gt;' of its own.</summary>
    private static int DoctypeEnd(ReadOnlySpan<char> s)
    {
        int close = s.IndexOf('>');
        int open = s.IndexOf('[');
        if (open >= 0 && (close < 0 || open < close))
        {
            int subsetEnd = s.IndexOf(']');
            if (subsetEnd < 0)
                return -1;
            int after = s[subsetEnd..].IndexOf('>');
            return after < 0 ? -1 : subsetEnd + after + 1;
        }
        return close < 0 ? -1 : close + 1;
    }

    [GeneratedRegex(@"<!\[CDATA\[.*?\]\]>|&(?<name>[A-Za-z][A-Za-z0-9]{1,31});", RegexOptions.Singleline | RegexOptions.CultureInvariant, RegexTimeouts.Milliseconds)]
    private static partial Regex HtmlEntityOrCData();

    [GeneratedRegex(@"\s*Line \d+, position \d+\.\s*$", RegexOptions.CultureInvariant, RegexTimeouts.Milliseconds)]
    private static partial Regex TrailingPosition();
}

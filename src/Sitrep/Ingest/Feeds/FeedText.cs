using System.Net;
using System.Text.RegularExpressions;

namespace Sitrep.Ingest.Feeds;

/// <summary>Text clean-up shared by the RSS and Atom parsers.</summary>
internal static partial class FeedText
{
    /// <summary>Trimmed text, or null when nothing is left, so a missing field and an empty one look the same.</summary>
    public static string? Clean(string? value)
    {
        string? trimmed = value?.Trim();
        return string.IsNullOrEmpty(trimmed) ? null : trimmed;
    }

    /// <summary>
    /// Titles and names are single-line values; feeds wrap them across lines and indent them. Only ASCII white
    /// space is collapsed: a no-break space is a character the feed chose, not layout.
    /// </summary>
    public static string? Line(string? value)
    {
        string? cleaned = Clean(value);
        return cleaned is null ? null : WhiteSpaceRun().Replace(cleaned, " ");
    }

    /// <summary>Text of an HTML fragment, for title fields that are declared as HTML.</summary>
    public static string? PlainFromHtml(string? html)
    {
        if (html is null)
            return null;
        return Line(WebUtility.HtmlDecode(Tag().Replace(html, string.Empty)));
    }

    /// <summary>Distinct names in first-seen order, joined with ", ".</summary>
    public static string? JoinNames(IEnumerable<string?> names)
    {
        var seen = new List<string>();
        foreach (string? name in names)
        {
            string? line = Line(name);
            if (line is not null && !seen.Contains(line, StringComparer.Ordinal))
                seen.Add(line);
        }
        return seen.Count == 0 ? null : string.Join(", ", seen);
    }

    /// <summary>RSS &lt;author&gt; is meant to be "email (Name)"; the name is what a byline wants.</summary>
    public static string? RssAuthorName(string? value)
    {
        string? cleaned = Clean(value);
        if (cleaned is null)
            return null;
        Match m = EmailWithName().Match(cleaned);
        return m.Success ? m.Groups["name"].Value : cleaned;
    }

    [GeneratedRegex(@"[ \t\r\n]+", RegexOptions.CultureInvariant, RegexTimeouts.Milliseconds)]
    private static partial Regex WhiteSpaceRun();

    [GeneratedRegex(@"<[^>]*>", RegexOptions.CultureInvariant, RegexTimeouts.Milliseconds)]
    private static partial Regex Tag();

    [GeneratedRegex(@"^\S+@\S+\s*\(\s*(?<name>[^()]+?)\s*\)$", RegexOptions.CultureInvariant, RegexTimeouts.Milliseconds)]
    private static partial Regex EmailWithName();
}

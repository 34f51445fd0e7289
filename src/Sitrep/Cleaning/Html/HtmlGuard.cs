using Sitrep.Pipeline;

namespace Sitrep.Cleaning.Html;

/// <summary>
/// Limits on a page before it is parsed. Size is checked first on every path. Depth: the fast
/// path's <see cref="HtmlTreeBuilder"/> refuses a page as soon as its open elements pass
/// <see cref="MaxDepth"/>; AngleSharp's tree construction is superlinear in nesting depth (minutes
/// on a page nested 100,000 deep), so before it a linear scan measures an upper bound of the depth
/// and refuses with a reason.
/// </summary>
internal static class HtmlGuard
{
    public const int MaxChars = 16 * 1024 * 1024;
    public const int MaxDepth = 1500;

    private static readonly HashSet<string> VoidElements = new(StringComparer.OrdinalIgnoreCase)
    {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr", "basefont", "bgsound", "frame", "keygen",
    };

    /// <summary>Size and depth, for AngleSharp: its cost grows faster than the page with depth.</summary>
    public static void Check(string html)
    {
        CheckSize(html);
        int depth = MaxOpenDepth(html);
        if (depth > MaxDepth)
            throw TooDeep(depth);
    }

    /// <summary>Size alone, for <see cref="HtmlTreeBuilder"/>, which refuses depth itself as it meets it (<see cref="TooDeep"/>).</summary>
    public static void CheckSize(string html)
    {
        ArgumentNullException.ThrowIfNull(html);
        if (html.Length > MaxChars)
            throw new InputRejectedException($"HTML too large ({html.Length / (1024 * 1024)} M characters; the limit is {MaxChars / (1024 * 1024)} M)");
    }

    public static InputRejectedException TooDeep(int depth) =>
        new($"HTML nested {depth:N0}+ elements deep (the limit is {MaxDepth:N0}); not a readable page");

    /// <summary>An upper bound of the element depth: open tags minus close tags, void elements and self-closed tags aside.</summary>
    internal static int MaxOpenDepth(string html)
    {
        int depth = 0, max = 0, i = 0;
        while ((i = html.IndexOf('<', i)) >= 0 && i + 1 < html.Length)
        {
            char next = html[i + 1];
            if (next == '!')
            {
                int end = string.CompareOrdinal(html, i, "<!--", 0, 4) == 0 ? html.IndexOf("-->", i + 4, StringComparison.Ordinal) : html.IndexOf('>', i);
                i = end < 0 ? html.Length : end + 1;
                continue;
            }
            bool closing = next == '/';
            int nameStart = closing ? i + 2 : i + 1;
            int j = nameStart;
            while (j < html.Length && (char.IsLetterOrDigit(html[j]) || html[j] == '-'))
                j++;
            if (j == nameStart)
            {
                i++;
                continue;
            }
            var name = html.AsSpan(nameStart, j - nameStart);
            int close = html.IndexOf('>', j);
            if (close < 0)
                break;
            bool selfClosed = html[close - 1] == '/';
            if (closing)
                depth = Math.Max(0, depth - 1);
            else if (!selfClosed && !IsVoid(name))
            {
                depth++;
                if (depth > max)
                {
                    max = depth;
                    if (max > MaxDepth)
                        return max;
                }
                if (name.Equals("script", StringComparison.OrdinalIgnoreCase) || name.Equals("style", StringComparison.OrdinalIgnoreCase))
                {
                    int end = html.IndexOf("</" + name.ToString(), close, StringComparison.OrdinalIgnoreCase);
                    close = end < 0 ? html.Length - 1 : end - 1;
                }
            }
            i = close + 1;
        }
        return max;
    }

    private static bool IsVoid(ReadOnlySpan<char> name)
    {
        foreach (var v in VoidElements)
        {
            if (name.Equals(v, StringComparison.OrdinalIgnoreCase))
                return true;
        }
        return false;
    }
}

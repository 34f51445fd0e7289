using AngleSharp.Dom;
using AngleSharp.Html;

namespace Sitrep.Cleaning.Html;

/// <summary>
/// Finds where each character of the page's text nodes stands in the HTML source, the way
/// Lucene's CorrectOffset keeps a filtered stream tied to its input: text nodes are walked in
/// document order while a pointer walks the source, skipping markup and decoding entities.
/// Where the parser reordered content (misnested tables), it resynchronises by searching ahead.
/// Used when a page is read with AngleSharp (<see cref="AngleSharpTreeReader"/>); the fast path's
/// tree knows its offsets from the start.
/// </summary>
internal sealed class HtmlSourceAligner
{
    private readonly string _raw;
    private readonly Dictionary<IText, int[]> _offsets = new(ReferenceEqualityComparer.Instance);

    private HtmlSourceAligner(string raw) => _raw = raw;

    /// <summary>Source offsets of the characters of <paramref name="wanted"/> text nodes, or of all but script and style text when null (-1 where unknown).</summary>
    public static Dictionary<IText, int[]> Align(string raw, INode root, IReadOnlySet<IText>? wanted)
    {
        var aligner = new HtmlSourceAligner(raw);
        int pointer = 0;
        foreach (var node in root.GetDescendants())
        {
            if (node is not IText text || IsSkippedContainer(text.ParentElement))
                continue;
            var offsets = wanted is null || wanted.Contains(text) ? new int[text.Data.Length] : null;
            pointer = aligner.AlignNode(text.Data, pointer, offsets);
            if (offsets is not null)
                aligner._offsets[text] = offsets;
        }
        return aligner._offsets;
    }

    private static bool IsSkippedContainer(IElement? e) =>
        e is not null && (e.LocalName is "script" or "style");

    private int AlignNode(string data, int r, int[]? offsets)
    {
        int d = 0;
        while (d < data.Length)
        {
            if (r >= _raw.Length)
            {
                Fill(offsets, d, -1);
                return r;
            }
            char c = data[d];
            char rc = _raw[r];
            if (rc == c && c != '&')
            {
                Set(offsets, d++, r++);
                continue;
            }
            if (c == '\n' && rc == '\r')
            {
                Set(offsets, d++, r);
                r += r + 1 < _raw.Length && _raw[r + 1] == '\n' ? 2 : 1;
                continue;
            }
            if (rc == '&' && TryEntity(r, out var decoded, out int length) && string.CompareOrdinal(data, d, decoded, 0, decoded.Length) == 0)
            {
                for (int k = 0; k < decoded.Length; k++)
                    Set(offsets, d++, r);
                r += length;
                continue;
            }
            if (rc == '&' && c == '&')
            {
                Set(offsets, d++, r++);
                continue;
            }
            if (rc == '<')
            {
                int after = SkipMarkup(r);
                if (after > r)
                {
                    r = after;
                    continue;
                }
            }
            if (c == '\u00a0' && rc == '&')
            {
                Set(offsets, d++, r++);
                continue;
            }
            // Lost: the parser moved text, or the source has bytes the parser dropped. Search ahead.
            int found = Resync(data, d, r);
            if (found < 0)
            {
                Fill(offsets, d, -1);
                return r;
            }
            r = found;
        }
        return r;
    }

    private int Resync(string data, int d, int r)
    {
        int probe = Math.Min(12, data.Length - d);
        if (probe < 4)
        {
            // Too short to search for safely: skip one source character and keep matching.
            return r + 1 < _raw.Length ? r + 1 : -1;
        }
        int limit = Math.Min(_raw.Length - r, 4096);
        int at = _raw.IndexOf(data.Substring(d, probe), r, limit, StringComparison.Ordinal);
        return at;
    }

    /// <summary>Skips a tag, comment, doctype or processing instruction starting at <paramref name="r"/>; returns <paramref name="r"/> if it is none.</summary>
    private int SkipMarkup(int r)
    {
        if (r + 1 >= _raw.Length)
            return r;
        char next = _raw[r + 1];
        if (next == '!')
        {
            if (string.CompareOrdinal(_raw, r, "<!--", 0, 4) == 0)
            {
                int end = _raw.IndexOf("-->", r + 4, StringComparison.Ordinal);
                return end < 0 ? _raw.Length : end + 3;
            }
            int gt = _raw.IndexOf('>', r);
            return gt < 0 ? _raw.Length : gt + 1;
        }
        if (next == '?')
        {
            int gt = _raw.IndexOf('>', r);
            return gt < 0 ? _raw.Length : gt + 1;
        }
        bool closing = next == '/';
        int nameStart = closing ? r + 2 : r + 1;
        if (nameStart >= _raw.Length || !char.IsAsciiLetter(_raw[nameStart]))
            return r;
        int i = nameStart;
        while (i < _raw.Length && (char.IsAsciiLetterOrDigit(_raw[i]) || _raw[i] == '-'))
            i++;
        var name = _raw.AsSpan(nameStart, i - nameStart);
        char quote = '\0';
        for (; i < _raw.Length; i++)
        {
            char ch = _raw[i];
            if (quote != '\0')
            {
                if (ch == quote)
                    quote = '\0';
            }
            else if (ch is '"' or '\'')
            {
                quote = ch;
            }
            else if (ch == '>')
            {
                break;
            }
        }
        int after = Math.Min(i + 1, _raw.Length);
        if (!closing && (name.Equals("script", StringComparison.OrdinalIgnoreCase) || name.Equals("style", StringComparison.OrdinalIgnoreCase)))
        {
            int end = _raw.IndexOf("</" + name.ToString(), after, StringComparison.OrdinalIgnoreCase);
            if (end >= 0)
            {
                int gt = _raw.IndexOf('>', end);
                return gt < 0 ? _raw.Length : gt + 1;
            }
            return _raw.Length;
        }
        return after;
    }

    private bool TryEntity(int r, out string decoded, out int length)
    {
        decoded = "";
        length = 0;
        int max = Math.Min(_raw.Length, r + 40);
        if (r + 2 < max && _raw[r + 1] == '#')
        {
            bool hex = _raw[r + 2] is 'x' or 'X';
            int i = r + (hex ? 3 : 2), start = i, value = 0;
            while (i < max && (hex ? char.IsAsciiHexDigit(_raw[i]) : char.IsAsciiDigit(_raw[i])))
            {
                value = value * (hex ? 16 : 10) + HexValue(_raw[i]);
                if (value > 0x10FFFF)
                    return false;
                i++;
            }
            if (i == start)
                return false;
            if (i < _raw.Length && _raw[i] == ';')
                i++;
            decoded = value is 0 or (>= 0xD800 and <= 0xDFFF) ? "\uFFFD" : char.ConvertFromUtf32(value);
            length = i - r;
            return decoded.Length > 0;
        }
        int j = r + 1;
        while (j < max && char.IsAsciiLetterOrDigit(_raw[j]))
            j++;
        // Longest name first: "&notit;" is "¬it;" in legacy parsing, "&not;" is "¬".
        for (int end = j; end > r + 1; end--)
        {
            bool semicolon = end < _raw.Length && _raw[end] == ';';
            var name = _raw.Substring(r + 1, end - r - 1) + (semicolon ? ";" : "");
            var symbol = HtmlEntityProvider.Resolver.GetSymbol(name);
            if (symbol is not null)
            {
                decoded = symbol;
                length = end - r + (semicolon ? 1 : 0);
                return true;
            }
            if (semicolon)
            {
                symbol = HtmlEntityProvider.Resolver.GetSymbol(name[..^1]);
                if (symbol is not null)
                {
                    decoded = symbol;
                    length = end - r;
                    return true;
                }
            }
        }
        return false;
    }

    private static int HexValue(char c) => c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;

    private static void Set(int[]? offsets, int d, int r)
    {
        if (offsets is not null)
            offsets[d] = r;
    }

    private static void Fill(int[]? offsets, int from, int value)
    {
        if (offsets is not null)
            Array.Fill(offsets, value, from, offsets.Length - from);
    }
}

using System.Collections.Concurrent;
using System.Text;
using AngleSharp.Html;

namespace Sitrep.Cleaning.Html;

/// <summary>
/// Decodes character references as HTML's tokenizer does: named ones from AngleSharp's entity table
/// (the longest name that matches; the legacy names also without a semicolon, except inside an
/// attribute before a letter, digit or '='), decimal and hexadecimal ones with the Windows-1252
/// remapping of 0x80–0x9F. A page names the same few entities over and over, so resolved names are
/// cached: AngleSharp's lookup of a name costs far more than a dictionary hit.
/// </summary>
internal static class HtmlCharacterReferences
{
    /// <summary>The longest entity name, with its semicolon ("CounterClockwiseContourIntegral;").</summary>
    private const int MaxNameLength = 32;

    /// <summary>The longest legacy name, those a page may write without a semicolon ("frac12", "middot").</summary>
    private const int MaxLegacyLength = 6;

    /// <summary>Enough for every name a corpus uses; a page that invents names cannot grow it without bound.</summary>
    private const int MaxCached = 4096;

    private static readonly ConcurrentDictionary<string, string?> Cache = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, string?>.AlternateLookup<ReadOnlySpan<char>> CacheBySpan = Cache.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>What HTML makes of the C1 controls 0x80–0x9F written as numbers: the Windows-1252 characters (0 where it keeps the number).</summary>
    private static readonly char[] Windows1252 =
    [
        '\u20AC', '\0', '\u201A', '\u0192', '\u201E', '\u2026', '\u2020', '\u2021', '\u02C6', '\u2030', '\u0160', '\u2039', '\u0152', '\0', '\u017D', '\0',
        '\0', '\u2018', '\u2019', '\u201C', '\u201D', '\u2022', '\u2013', '\u2014', '\u02DC', '\u2122', '\u0161', '\u203A', '\u0153', '\0', '\u017E', '\u0178',
    ];

    /// <summary>
    /// Decodes the reference that starts at <paramref name="text"/>[0] (an '&amp;') into
    /// <paramref name="output"/> (room for 2); returns how many characters it wrote, 0 when the
    /// '&amp;' starts no reference, and sets <paramref name="consumed"/> to its length in the source.
    /// </summary>
    public static int Decode(ReadOnlySpan<char> text, bool inAttribute, Span<char> output, out int consumed)
    {
        consumed = 0;
        if (text.Length < 2)
            return 0;
        if (text[1] == '#')
            return DecodeNumber(text, output, out consumed);
        int run = 1;
        while (run < text.Length && run <= MaxNameLength && char.IsAsciiLetterOrDigit(text[run]))
            run++;
        int nameLength = run - 1;
        if (nameLength == 0)
            return 0;
        if (run < text.Length && text[run] == ';')
        {
            var symbol = Lookup(text.Slice(1, nameLength + 1));
            if (symbol is not null)
            {
                consumed = run + 1;
                return Copy(symbol, output);
            }
        }
        for (int length = Math.Min(nameLength, MaxLegacyLength); length >= 2; length--)
        {
            var symbol = Lookup(text.Slice(1, length));
            if (symbol is null)
                continue;
            int after = 1 + length;
            if (inAttribute && after < text.Length && (char.IsAsciiLetterOrDigit(text[after]) || text[after] == '='))
                return 0; // "?a=1&copy=2" in a URL stays as written
            consumed = after;
            return Copy(symbol, output);
        }
        return 0;
    }

    /// <summary>An attribute value with its references decoded and its line breaks normalised.</summary>
    public static string DecodeAttribute(ReadOnlySpan<char> raw)
    {
        var sb = new StringBuilder(raw.Length);
        Span<char> decoded = stackalloc char[2];
        for (int i = 0; i < raw.Length;)
        {
            char c = raw[i];
            if (c == '&')
            {
                int written = Decode(raw[i..], inAttribute: true, decoded, out int consumed);
                if (written > 0)
                {
                    sb.Append(decoded[..written]);
                    i += consumed;
                    continue;
                }
            }
            else if (c == '\r')
            {
                sb.Append('\n');
                i += i + 1 < raw.Length && raw[i + 1] == '\n' ? 2 : 1;
                continue;
            }
            sb.Append(c);
            i++;
        }
        return sb.ToString();
    }

    private static int DecodeNumber(ReadOnlySpan<char> text, Span<char> output, out int consumed)
    {
        consumed = 0;
        bool hex = text.Length > 2 && text[2] is 'x' or 'X';
        int i = hex ? 3 : 2, start = i;
        long value = 0;
        while (i < text.Length && (hex ? char.IsAsciiHexDigit(text[i]) : char.IsAsciiDigit(text[i])))
        {
            if (value <= 0x10FFFF)
                value = value * (hex ? 16 : 10) + (text[i] <= '9' ? text[i] - '0' : (text[i] | 0x20) - 'a' + 10);
            i++;
        }
        if (i == start)
            return 0;
        if (i < text.Length && text[i] == ';')
            i++;
        consumed = i;
        if (value is 0 or > 0x10FFFF or (>= 0xD800 and <= 0xDFFF))
        {
            output[0] = '\uFFFD';
            return 1;
        }
        if (value is >= 0x80 and <= 0x9F && Windows1252[value - 0x80] != '\0')
        {
            output[0] = Windows1252[value - 0x80];
            return 1;
        }
        return new Rune((int)value).EncodeToUtf16(output);
    }

    private static string? Lookup(ReadOnlySpan<char> name)
    {
        if (CacheBySpan.TryGetValue(name, out var symbol))
            return symbol;
        var key = name.ToString();
        symbol = HtmlEntityProvider.Resolver.GetSymbol(key);
        if (Cache.Count < MaxCached)
            Cache.TryAdd(key, symbol);
        return symbol;
    }

    private static int Copy(string symbol, Span<char> output)
    {
        symbol.AsSpan().CopyTo(output);
        return symbol.Length;
    }
}

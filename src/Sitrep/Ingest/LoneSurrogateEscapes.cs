using System.Globalization;
using System.Text;

namespace Sitrep.Ingest;

/// <summary>
/// Replaces the JSON escapes of unpaired UTF-16 surrogates (<c>\ud800</c> not followed by a low half,
/// a low half alone) with <c>\ufffd</c>. JSON allows them; System.Text.Json cannot make a string of them.
/// </summary>
internal static class LoneSurrogateEscapes
{
    public static string Replace(string line, out int count)
    {
        count = 0;
        var result = new StringBuilder(line.Length);
        int i = 0;
        while (i < line.Length)
        {
            char c = line[i];
            if (c != '\\' || i + 1 >= line.Length)
            {
                result.Append(c);
                i++;
                continue;
            }
            if (line[i + 1] != 'u' || Escape(line, i) is not { } unit)
            {
                // Any other escape, "\\" included, is copied whole so its second character is never read as the start of one.
                result.Append(line, i, 2);
                i += 2;
                continue;
            }
            if (char.IsHighSurrogate(unit) && Escape(line, i + 6) is { } low && char.IsLowSurrogate(low))
            {
                result.Append(line, i, 12);
                i += 12;
                continue;
            }
            if (char.IsSurrogate(unit))
            {
                result.Append("\\ufffd");
                count++;
            }
            else
            {
                result.Append(line, i, 6);
            }
            i += 6;
        }
        return result.ToString();
    }

    /// <summary>The UTF-16 unit of the <c>\uXXXX</c> escape at <paramref name="at"/>, or null.</summary>
    private static char? Escape(string line, int at)
    {
        if (at + 6 > line.Length || line[at] != '\\' || line[at + 1] != 'u')
            return null;
        return ushort.TryParse(line.AsSpan(at + 2, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var unit) ? (char)unit : null;
    }
}

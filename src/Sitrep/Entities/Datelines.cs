using System.Text.RegularExpressions;
using Sitrep.Text;

namespace Sitrep.Entities;

/// <summary>
/// A wire dateline opens a paragraph with the place in capitals, perhaps its region and the date, and
/// the agency in brackets before a dash: "WASHINGTON (Reuters) -", "TRENTON, N.J. (AP) —",
/// "BELLAMAR, 4 March (XYZ) —". The convention is fixed, the tagger's reading of it is not (capitals
/// before a bracket look like an organisation to a model trained on other datelines), so the place is
/// made a place and the agency a name wherever the dateline stands. Without an agency ("DRAVIK, Upper
/// Marren —") the capitals are a place only where the article also names it in ordinary letters, so a
/// shouted heading ("BREAKING NEWS —") is not taken for one.
/// </summary>
internal static partial class Datelines
{
    [GeneratedRegex(@"^(?<place>\p{Lu}[\p{Lu}.'’\- ]{1,40}?)(?:,\s*(?<region>\p{Lu}[\p{L}.'’\- ]{0,30}?))?(?:,\s*(?<date>\d{1,2}\s+\p{Lu}\p{Ll}+\.?|\p{Lu}\p{Ll}+\.?\s+\d{1,2}(?:,\s*\d{4})?))?(?:\s*\((?<agency>\p{Lu}[\p{L}&.'’\- ]{0,30})\))?\s*[-–—]",
        RegexOptions.Multiline | RegexOptions.NonBacktracking)]
    private static partial Regex Dateline();

    /// <summary>The mentions with each dateline's place(s) as LOC and its agency as ORG, replacing what overlapped them.</summary>
    public static List<EntityMention> Apply(string text, Token[] tokens, List<EntityMention> mentions)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(tokens);
        ArgumentNullException.ThrowIfNull(mentions);
        List<EntityMention>? added = null;
        foreach (Match m in Dateline().Matches(text))
        {
            if (!IsDateline(m, text))
                continue;
            foreach (var (group, type) in (ReadOnlySpan<(string, string)>)[("place", EntityTypes.Location), ("region", EntityTypes.Location), ("agency", EntityTypes.Organization)])
            {
                var g = m.Groups[group];
                if (!g.Success || g.Length == 0)
                    continue;
                if (Span(tokens, g.Index, g.Index + g.Value.TrimEnd().Length) is { } span)
                    (added ??= []).Add(new EntityMention(tokens[span.First].Start, tokens[span.Last].End, type, span.First, span.Last - span.First + 1));
            }
        }
        if (added is null)
            return mentions;
        return [.. mentions.Where(x => !added.Any(a => a.Start < x.End && x.Start < a.End)).Concat(added).OrderBy(x => x.Start)];
    }

    /// <summary>Whether a name starting at <paramref name="start"/> is the agency of a dateline (a publisher, not a second name of the place).</summary>
    public static bool IsAgency(string text, int start)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (start <= 0 || start > text.Length || text[start - 1] != '(')
            return false;
        int lineStart = text.LastIndexOf('\n', start - 1) + 1;
        var m = Dateline().Match(text.Substring(lineStart, Math.Min(text.Length - lineStart, 120)));
        return m.Success && m.Index == 0 && m.Groups["agency"].Success && IsDateline(m, text) && lineStart + m.Groups["agency"].Index == start;
    }

    /// <summary>"UN (United Nations) -" opens a paragraph the same way, but the bracket spells out the name before it.</summary>
    private static bool DefinesAcronym(Match m)
    {
        var letters = string.Concat(m.Groups["place"].Value.Where(char.IsLetter));
        var initials = string.Concat(m.Groups["agency"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(w => w[0]).Where(char.IsUpper));
        return letters.Length >= 2 && string.Equals(letters, initials, StringComparison.Ordinal);
    }

    /// <summary>A bracket that spells out the place is no agency; without an agency the place has to be named elsewhere in ordinary letters.</summary>
    private static bool IsDateline(Match m, string text)
    {
        if (!m.Success || (m.Groups["agency"].Success && DefinesAcronym(m)))
            return false;
        if (m.Groups["agency"].Success)
            return true;
        var place = m.Groups["place"].Value.Trim();
        if (place.Length < 3 || !place.Any(char.IsLetter))
            return false;
        var ordinary = string.Join(' ', place.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(w => w[0] + w[1..].ToLowerInvariant()));
        return text.Contains(ordinary, StringComparison.Ordinal);
    }

    /// <summary>The first and last token inside [start, end), or null where no token starts and ends there.</summary>
    private static (int First, int Last)? Span(Token[] tokens, int start, int end)
    {
        int first = Array.FindIndex(tokens, t => t.Start >= start);
        if (first < 0 || tokens[first].Start != start)
            return null;
        int last = first;
        while (last + 1 < tokens.Length && tokens[last + 1].End <= end)
            last++;
        return tokens[last].End == end ? (first, last) : null;
    }
}

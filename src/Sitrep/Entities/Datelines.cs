using System.Text.RegularExpressions;
using Sitrep.Text;

namespace Sitrep.Entities;

/// <summary>
/// A wire dateline opens a paragraph with the place in capitals and the agency in brackets before a
/// dash: "WASHINGTON (Reuters) -", "TRENTON, N.J. (AP) —". The convention is fixed, the tagger's reading
/// of it is not (capitals before a bracket look like an organisation to a model trained on other
/// datelines), so the place is made a place and the agency a name wherever the dateline stands.
/// </summary>
public static partial class Datelines
{
    [GeneratedRegex(@"^(?<place>\p{Lu}[\p{Lu}.'’\- ]{1,40}?)(?:,\s*(?<region>\p{Lu}[\p{L}.'’\- ]{0,30}?))?\s*\((?<agency>\p{Lu}[\p{L}&.'’\- ]{0,30})\)\s*[-–—]", RegexOptions.Multiline)]
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
            if (DefinesAcronym(m))
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
        var m = Dateline().Match(text, lineStart, Math.Min(text.Length - lineStart, 120));
        return IsDateline(m) && m.Index == lineStart && m.Groups["agency"].Index == start;
    }

    /// <summary>"UN (United Nations) -" opens a paragraph the same way, but the bracket spells out the name before it.</summary>
    private static bool DefinesAcronym(Match m)
    {
        var letters = string.Concat(m.Groups["place"].Value.Where(char.IsLetter));
        var initials = string.Concat(m.Groups["agency"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(w => w[0]).Where(char.IsUpper));
        return letters.Length >= 2 && string.Equals(letters, initials, StringComparison.Ordinal);
    }

    private static bool IsDateline(Match m) => m.Success && !DefinesAcronym(m);

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

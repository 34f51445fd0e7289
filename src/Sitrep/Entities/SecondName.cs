using System.Text.RegularExpressions;
using Sitrep.Documents;

namespace Sitrep.Entities;

/// <summary>Finds where a mention is a second name of the mention before it; used for types (<see cref="EntityStage"/>) and for coreference.</summary>
internal static partial class SecondName
{
    [GeneratedRegex(@"\b(known|referred\s+to)\s+as\s+(the\s+)?$|\b(called|dubbed|named)\s+(the\s+)?$", RegexOptions.IgnoreCase, RegexTimeouts.Milliseconds)]
    private static partial Regex KnownAs();

    /// <summary>What opens a bracket of other spellings: "(also transliterated", "(also spelled", "(or written as". Bounded by the short span it reads; a timeout all the same, as on all article text.</summary>
    [GeneratedRegex(@"^\(\s*(also\s+|or\s+|sometimes\s+)?(transliterated|spelled|spelt|written|romani[sz]ed|rendered)(\s+as)?$", RegexOptions.IgnoreCase, matchTimeoutMilliseconds: 1000)]
    private static partial Regex OtherSpellingOpens();

    /// <summary>The same, before the first of a list: "(also transliterated Kolwar or" — the name after "or" is one more spelling.</summary>
    [GeneratedRegex(@"\(\s*(also\s+|or\s+|sometimes\s+)?(transliterated|spelled|spelt|written|romani[sz]ed|rendered)(\s+as)?\s+$", RegexOptions.IgnoreCase | RegexOptions.RightToLeft, matchTimeoutMilliseconds: 1000)]
    private static partial Regex OtherSpellingBefore();

    [GeneratedRegex(@"^\s*[-–—:]", RegexOptions.None, RegexTimeouts.Milliseconds)]
    private static partial Regex DashAfter();

    /// <summary>Whether <paramref name="second"/>, the mention after <paramref name="first"/>, names it again, and how.</summary>
    public static SecondNameKind Of(string text, Mention first, Mention second)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (second.Start < first.End)
            return SecondNameKind.None;
        var between = text.AsSpan(first.End, second.Start - first.End).Trim();
        if (between is "(" or "(the" && second.End < text.Length && text[second.End] == ')')
        {
            // "TRENTON, N.J. (Reuters) -": the agency of a dateline reports from the place, it is not its name.
            // "Washington (CNN) The White House…": a known outlet in the bracket is the dateline's agency too.
            // "those living in New York (Wall Street)": a street standing for an industry names the trade the place is
            // known for, not the place again; joining the two made one article file every New York under Wall Street.
            var inside = text.AsSpan(second.Start, second.End - second.Start);
            return DashAfter().IsMatch(text.AsSpan(second.End + 1, Math.Min(4, text.Length - second.End - 1)))
                || TypeRefiner.IsKnownOutlet(inside, EntityTypes.Organization, null) || TypeRefiner.IsSectorMetonym(inside)
                ? SecondNameKind.None : SecondNameKind.Bracketed;
        }
        if (OtherSpellingOpens().IsMatch(between))
            return SecondNameKind.Spelling;
        if (between is "or" or "," && OtherSpellingBefore().IsMatch(text.AsSpan(Math.Max(0, first.Start - 40), first.Start - Math.Max(0, first.Start - 40))))
            return SecondNameKind.Spelling;
        return between is "or" && KnownAs().IsMatch(text.AsSpan(0, first.Start)) ? SecondNameKind.Alias : SecondNameKind.None;
    }
}

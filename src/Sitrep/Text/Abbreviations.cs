using System.Collections.Frozen;
using Sitrep.Lexicons;

namespace Sitrep.Text;

/// <summary>
/// Abbreviations that end in a full stop without ending a sentence: titles, ranks, months, and
/// the like, as news English writes them (<c>resources/lexicons/abbreviations.tsv</c>). Dotted
/// capitals (U.S., P.M.F.) and initials are recognised by shape and need no list.
/// </summary>
internal static class Abbreviations
{
    private static readonly Lexicon List = Lexicon.Get("abbreviations");

    /// <summary>The list's hash, for the version of the tokens stage.</summary>
    public static string Hash => Lexicon.HashOf("abbreviations");

    /// <summary>Without the final full stop; any case. The dotted ones ("u.s") are found by shape and not in it.</summary>
    public static readonly FrozenSet<string> Known = List.All.Except(List.Tagged("dotted"), StringComparer.OrdinalIgnoreCase).Except(List.Tagged("state"), StringComparer.OrdinalIgnoreCase).ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>Abbreviations that may also end a sentence ("… in the U.S. The next day …").</summary>
    public static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> MayEndSentence = List.Tagged("may-end").GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>U.S. states as AP shortens them ("Mass.", "N.H."): they end a sentence before a capitalised word that is no shortened title. Only the splitter reads them: "Mass" and its full stop stay two tokens.</summary>
    public static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> State = List.Tagged("state").GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Shortened only when written with a capital ("Wed.", "Sun."): "wed", "sun" are words.</summary>
    public static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Capitalised = List.Tagged("capitalised").GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Shortened only before a number ("No. 5"): "No." alone is the word no.</summary>
    public static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> BeforeNumber = List.Tagged("before-number").GetAlternateLookup<ReadOnlySpan<char>>();
}

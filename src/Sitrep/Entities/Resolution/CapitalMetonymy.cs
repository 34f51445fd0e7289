using System.Collections.Frozen;
using System.Text.RegularExpressions;

namespace Sitrep.Entities.Resolution;

/// <summary>
/// Whether a capital's name stands for its government ("Washington warned", "Tehran's reaction",
/// "talks between Baghdad and Erbil") or is the city ("in Baghdad", "flights to Tehran"). Decided by
/// the words around it: a preposition of place before it makes it the city; a verb after it, a
/// possessive that is not of a part of the city, or a preposition of relations makes it the state.
/// </summary>
public static partial class CapitalMetonymy
{
    private static readonly FrozenSet<string> RelationPrepositions = FrozenSet.ToFrozenSet(
        ["between", "against", "by", "with"], StringComparer.OrdinalIgnoreCase);

    /// <summary>Conjunctions that open a clause: what follows is its subject ("As Baghdad and …", "while Washington …").</summary>
    private static readonly FrozenSet<string> ClauseOpeners = FrozenSet.ToFrozenSet(
        ["as", "while", "when", "whereas", "because", "since", "although", "though", "unless", "if"], StringComparer.OrdinalIgnoreCase);

    /// <summary>Auxiliaries and the adverbs that stand between them and a verb (closed classes; verbs of saying come from resources/lexicons/verbs.tsv).</summary>
    private static readonly FrozenSet<string> Auxiliaries = FrozenSet.ToFrozenSet(
        ["has", "have", "had", "is", "are", "was", "were", "will", "would", "could", "should", "may", "might", "must", "can", "cannot", "does", "did", "do",
         "also", "still", "now", "then", "again", "never", "already"],
        StringComparer.OrdinalIgnoreCase);

    [GeneratedRegex(@"[\p{L}\p{N}'’-]+|[^\s\p{L}\p{N}]", RegexOptions.None, RegexTimeouts.Milliseconds)]
    private static partial Regex Word();

    public static bool StandsForGovernment(string text, int start, int end)
    {
        ArgumentNullException.ThrowIfNull(text);
        var before = Words(text.AsSpan(Math.Max(0, start - 40), start - Math.Max(0, start - 40)).ToString());
        var after = Words(text.AsSpan(end, Math.Min(60, text.Length - end)).ToString());
        bool possessive = text.AsSpan(start, end - start).EndsWith("'s", StringComparison.Ordinal)
            || text.AsSpan(start, end - start).EndsWith("’s", StringComparison.Ordinal);
        if (!possessive && after.Count > 0 && after[0] is "'s" or "’s" or "'" or "’")
        {
            possessive = true;
            after.RemoveAt(0);
        }
        string previous = before.Count > 0 ? before[^1] : "";
        // "between Baghdad and Erbil" / "and": the word before the first of the pair decides.
        if (previous is "and" or "or" && before.Count >= 3 && char.IsUpper(before[^2][0]))
            previous = before.Count >= 3 ? before[^3] : "";
        string beforePrevious = before.Count >= 2 ? before[^2] : "";
        if (previous is "to" or "of" && EntityLexicons.ActorRelations.Contains(beforePrevious))
            return true;
        if (EntityLexicons.VerbsWithActorObjects.Contains(previous) || ClauseOpeners.Contains(previous))
            return true;
        if (EntityLexicons.PlaceCues.Contains(previous))
            return false;
        if (possessive)
            return after.Count == 0 || !EntityLexicons.CityParts.Contains(after[0]);
        if (RelationPrepositions.Contains(previous))
            return true;
        // Skip a coordinated second name: "Baghdad and Washington warn", or what the capital has: "Tehran and its militias are".
        int i = 0;
        if (i + 1 < after.Count && after[i] is "and" or "or" && char.IsUpper(after[i + 1][0]))
            i += 2;
        else if (i + 2 < after.Count && after[i] is "and" && after[i + 1] is "its" or "their")
            i += 3;
        if (i >= after.Count)
            return false;
        var next = after[i];
        if (Auxiliaries.Contains(next) || EntityLexicons.VerbsOfSayingAndWanting.Contains(next))
            return true;
        // A finite verb: lower case and inflected ("warned", "warns", "accuses").
        return next.Length > 3 && char.IsLower(next[0])
            && (next.EndsWith("ed", StringComparison.Ordinal) || (next.EndsWith('s') && !next.EndsWith("ss", StringComparison.Ordinal)));
    }

    private static List<string> Words(string s)
    {
        var words = new List<string>();
        foreach (Match m in Word().Matches(s))
            words.Add(m.Value);
        return words;
    }
}

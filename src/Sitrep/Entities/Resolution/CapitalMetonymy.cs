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
    private static readonly FrozenSet<string> PlacePrepositions = FrozenSet.ToFrozenSet(
        ["in", "at", "to", "from", "into", "near", "outside", "inside", "around", "across", "toward", "towards", "via", "through", "over", "of",
         "within", "throughout", "visit", "visited", "visiting", "arrived", "left", "reached", "flew", "returned", "north", "south", "east", "west",
         "central", "downtown", "entered", "fled", "leaving", "above", "beyond", "outskirts", "streets"],
        StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenSet<string> RelationPrepositions = FrozenSet.ToFrozenSet(
        ["between", "against", "by", "with"], StringComparer.OrdinalIgnoreCase);

    /// <summary>Words before "to" or "of" that make what follows an actor: "loyal to Tehran", "the encouragement of Tehran".</summary>
    private static readonly FrozenSet<string> RelationalWords = FrozenSet.ToFrozenSet(
        ["loyal", "close", "allied", "aligned", "linked", "tied", "hostile", "friendly", "opposed", "allegiance", "answerable", "beholden",
         "subservient", "message", "appeal", "letter", "envoy", "ambassador", "encouragement", "support", "backing", "policy", "policies",
         "position", "stance", "reaction", "response", "demands", "demand", "pressure", "orders", "behest", "influence", "proxies", "proxy",
         "allies", "ally", "ambitions", "interests", "role", "decision", "leadership", "relations", "threats", "warnings", "strategy",
         "approval", "request", "interference", "consent", "blessing", "instructions", "wishes", "objections", "opposition", "enemies"],
        StringComparer.OrdinalIgnoreCase);

    /// <summary>Verbs whose object is someone who can be warned, blamed or drawn in: "warning Washington against the move".</summary>
    private static readonly FrozenSet<string> ActorObjectVerbs = FrozenSet.ToFrozenSet(
        ["warn", "warns", "warned", "warning", "caution", "cautioned", "cautioning", "urge", "urged", "urging", "accuse", "accused", "accusing",
         "blame", "blamed", "blaming", "told", "tell", "telling", "press", "pressed", "pressing", "pressured", "pressure", "push", "pushed",
         "pushing", "drag", "dragged", "threaten", "threatened", "threatening", "condemn", "condemned", "criticized", "criticised",
         "asked", "ask", "asking", "launched", "forced", "force", "provoke", "provoked", "draw", "drew", "drawn", "lure", "lured",
         "persuade", "persuaded", "convince", "convinced", "sanction", "sanctioned", "defy", "defied", "challenge", "challenged", "trust",
         "trusted", "help", "helped", "support", "supported", "backed", "back", "oppose", "opposed", "reassure", "reassured", "informed",
         "notified", "lobby", "lobbied", "embarrass", "embarrassed", "punish", "punished", "deter", "deterred"],
        StringComparer.OrdinalIgnoreCase);

    /// <summary>Conjunctions that open a clause: what follows is its subject ("As Baghdad and …", "while Washington …").</summary>
    private static readonly FrozenSet<string> ClauseOpeners = FrozenSet.ToFrozenSet(
        ["as", "while", "when", "whereas", "because", "since", "although", "though", "unless", "if"], StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenSet<string> Auxiliaries = FrozenSet.ToFrozenSet(
        ["has", "have", "had", "is", "was", "will", "would", "could", "should", "may", "might", "must", "can", "cannot", "does", "did", "do",
         "also", "still", "now", "then", "again", "never", "already", "wants", "want", "say", "says", "said"],
        StringComparer.OrdinalIgnoreCase);

    /// <summary>Parts and people of a city: "Baghdad's streets", "Tehran's mayor" are the city.</summary>
    private static readonly FrozenSet<string> CityParts = FrozenSet.ToFrozenSet(
        ["streets", "street", "neighborhood", "neighbourhood", "neighborhoods", "neighbourhoods", "district", "districts", "airport", "suburbs",
         "outskirts", "residents", "centre", "center", "mayor", "governor", "municipality", "hospital", "hospitals", "hotel", "hotels",
         "skyline", "traffic", "air", "population", "people", "university", "old", "city", "green", "international", "main", "northern",
         "southern", "eastern", "western", "central", "metro", "subway", "bazaar", "market", "markets", "square", "stock", "citizens"],
        StringComparer.OrdinalIgnoreCase);

    [GeneratedRegex(@"[\p{L}\p{N}'’-]+|[^\s\p{L}\p{N}]")]
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
        if (previous is "to" or "of" && RelationalWords.Contains(beforePrevious))
            return true;
        if (ActorObjectVerbs.Contains(previous) || ClauseOpeners.Contains(previous))
            return true;
        if (PlacePrepositions.Contains(previous))
            return false;
        if (possessive)
            return after.Count == 0 || !CityParts.Contains(after[0]);
        if (RelationPrepositions.Contains(previous))
            return true;
        // Skip a coordinated second name: "Baghdad and Washington warn".
        int i = 0;
        if (i + 1 < after.Count && after[i] is "and" or "or" && char.IsUpper(after[i + 1][0]))
            i += 2;
        if (i >= after.Count)
            return false;
        var next = after[i];
        if (Auxiliaries.Contains(next))
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

using System.Collections.Frozen;
using Sitrep.Lexicons;

namespace Sitrep.Entities;

/// <summary>
/// Programmes, laws and treaties the tagger read as organisations ("DACA", "CHIP", "NAFTA", "Deferred Action for
/// Childhood Arrivals"): a name is MISC, at every occurrence in the article and in its bracketed or "or"-joined second
/// name, where one occurrence has what only a programme or a law has beside it — a programme noun or the people a
/// programme serves right after it ("the DACA program", "TPS recipients"), a programme noun and "called" / "known as"
/// right before it ("the program, called Deferred Action for Childhood Arrivals"), or a verb whose object is a law
/// or treaty ("repeal the AUMF", "renegotiating NAFTA"). An organisation's programme is not its name, so a name with an
/// organisation's head word ("Department", "Association"), one the actor dictionaries know as an organisation (CIA, FBI),
/// one a cue already typed, and "a/an X program" ("a CIA program", one of the organisation's) keep their type; so does
/// "the X program office" (an office of the organisation). The words are resources/lexicons/programme-nouns.tsv.
/// </summary>
internal static class ProgrammeEvidence
{
    private static Lexicon Words => Lexicon.Get("programme-nouns");

    private static readonly PhraseSet After = Words.PhrasesTagged("after");
    private static readonly PhraseSet Units = Words.PhrasesTagged("unit");
    private static readonly PhraseSet Kinds = Words.PhrasesTagged("kind");
    private static readonly PhraseSet Verbs = Words.PhrasesTagged("verb");
    private static readonly PhraseSet Members = Words.PhrasesTagged("member");

    /// <summary>Words in lower case that may follow the head of a verb's object ("repeal NAFTA and …", "ratify New START before …").</summary>
    private static readonly FrozenSet<string> ObjectEnds = new[]
    {
        "and", "or", "but", "in", "on", "by", "with", "as", "to", "that", "which", "before", "after", "because", "without", "for", "from",
        "this", "last", "next", "if", "when", "while", "so", "altogether", "entirely", "outright", "immediately",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <param name="inPlaceList">For each mention, whether every token of it is in the country or city lists ("the Paris agreement" names the city).</param>
    public static void Apply(string text, List<Mention> mentions, IReadOnlyList<bool> inPlaceList, Actors.ActorTable actors)
    {
        HashSet<string>? programmes = null;
        for (int i = 0; i < mentions.Count; i++)
        {
            var m = mentions[i];
            if (!Retypable(m, inPlaceList[i], text, actors))
                continue;
            if (NounAfter(text, m) || CalledBefore(text, m.Start) || (VerbBefore(text, m.Start) && HeadOfObject(text, m.End)))
                (programmes ??= new HashSet<string>(StringComparer.Ordinal)).Add(Key(m.Text(text)));
        }
        if (programmes is null)
            return;
        // What only an organisation has beside one occurrence ("IRS agents", "HUD secretary"), or a person's type at one,
        // outweighs a programme's cue: "the IRS program" is the agency's, "repealing Obama regulations" no programme.
        for (int i = 0; i < mentions.Count; i++)
        {
            var m = mentions[i];
            if (programmes.Count > 0 && (m.Type == "PERSON" || MemberAfter(text, m.End)))
                programmes.Remove(Key(m.Text(text)));
        }
        if (programmes.Count == 0)
            return;
        // "Deferred Action for Childhood Arrivals (DACA)", "…, or DACA,": the second name of a programme is the programme's.
        for (int i = 1; i < mentions.Count; i++)
        {
            var first = mentions[i - 1];
            var second = mentions[i];
            string a = Key(first.Text(text)), b = Key(second.Text(text));
            if (programmes.Contains(a) == programmes.Contains(b) || !SecondNameOf(text, first, second))
                continue;
            // Only a name that could be retyped joins ("the Environmental Protection Agency (EPA) program" keeps EPA an organisation).
            if (programmes.Contains(a) ? Retypable(second, inPlaceList[i], text, actors) : Retypable(first, inPlaceList[i - 1], text, actors))
                programmes.Add(programmes.Contains(a) ? b : a);
        }
        for (int i = 0; i < mentions.Count; i++)
        {
            var m = mentions[i];
            if (m.Type != "PERSON" && programmes.Contains(Key(m.Text(text))) && (m.Type == "MISC" || Retypable(m, inPlaceList[i], text, actors)))
                mentions[i] = m with { Type = "MISC", Cued = true };
        }
    }

    private static string Key(string name) => name.Replace(".", "", StringComparison.Ordinal);

    /// <summary>
    /// An organisation only the tagger guessed (no cue typed it, no organisation head word, no organisation of the actor
    /// dictionaries), or a place no place list knows.
    /// </summary>
    private static bool Retypable(Mention m, bool inPlaceList, string text, Actors.ActorTable actors)
    {
        if (m.Type is not ("ORG" or "GPE" or "LOC") || m.Cued || (m.Type != "ORG" && inPlaceList))
            return false;
        var name = text.AsSpan(m.Start, m.End - m.Start);
        return !TypeRefiner.HasOrganisationHead(name) && actors.Of(name) is not { Type: "ORG" or "GPE" };
    }

    private static bool SecondNameOf(string text, Mention first, Mention second)
    {
        if (SecondName.Of(text, first, second) != SecondNameKind.None)
            return true;
        // "Deferred Action for Childhood Arrivals, or DACA, program".
        if (second.Start < first.End)
            return false;
        var between = text.AsSpan(first.End, second.Start - first.End).Trim();
        return between is ", or" && second.End < text.Length && text[second.End] is ',' or ')';
    }

    /// <summary>
    /// "the DACA program", "DACA recipients", "the Renewable Fuel Standard (RFS) program", "…, or DACA, program": a
    /// programme noun in lower case after the name, its bracketed acronym or a comma; not "a CIA program" (one of an
    /// organisation's) nor "the HUD program office".
    /// </summary>
    private static bool NounAfter(string text, Mention m)
    {
        int i = m.End;
        // A bracketed second name: "(RFS)".
        if (i + 1 < text.Length && text[i] == ' ' && text[i + 1] == '(')
        {
            int close = text.IndexOf(')', i + 2, Math.Min(16, text.Length - i - 2));
            if (close < 0)
                return false;
            i = close + 1;
        }
        if (i < text.Length && text[i] == ',')
            i++;
        if (i >= text.Length || text[i] != ' ')
            return false;
        i++;
        int length = After.MatchAt(text, i);
        if (length == 0 || !char.IsLower(text[i]))
            return false;
        if (IndefiniteBefore(text, m.Start))
            return false;
        int next = i + length;
        // "the Governance Studies program at the Brookings Institution": a unit of an organisation.
        if (TypeRefiner.UnitAt(text, next))
            return false;
        while (next < text.Length && text[next] == ' ')
            next++;
        return Units.MatchAt(text, next) == 0;
    }

    /// <summary>"IRS agents", "HUD's secretary": an organisation's member or part right after the name or its possessive.</summary>
    private static bool MemberAfter(string text, int end)
    {
        int i = end;
        if (i + 1 < text.Length && text[i] is '\'' or '’' && text[i + 1] == 's')
            i += 2;
        else if (i < text.Length && text[i] is '\'' or '’')
            i++;
        if (i >= text.Length || text[i] != ' ')
            return false;
        i++;
        return i < text.Length && char.IsLower(text[i]) && Members.MatchAt(text, i) > 0;
    }

    /// <summary>The name heads the verb's object: a stop, a comma, a bracket or a word of <see cref="ObjectEnds"/> after it, not a noun it modifies ("repealing Obama regulations", "Obama-era").</summary>
    private static bool HeadOfObject(string text, int end)
    {
        if (end >= text.Length)
            return true;
        if (text[end] != ' ')
            return text[end] is '.' or ',' or ';' or ':' or ')' or '"' or '”' or '’' && !(text[end] == '’' && end + 1 < text.Length && text[end + 1] == 's');
        int w = end + 1;
        int e = w;
        while (e < text.Length && char.IsLetter(text[e]))
            e++;
        return e > w && (!char.IsLower(text[w]) || ObjectEnds.Contains(text[w..e]));
    }

    /// <summary>"a" or "an" right before the name.</summary>
    private static bool IndefiniteBefore(string text, int start)
    {
        var before = text.AsSpan(0, start).TrimEnd();
        return before.EndsWith(" a", StringComparison.OrdinalIgnoreCase) || before.EndsWith(" an", StringComparison.OrdinalIgnoreCase)
            || before is "a" or "an" or "A" or "An";
    }

    /// <summary>"the program, called X", "an immigration program known as X", "a law dubbed “X”": a programme noun in lower case and a word of naming right before the name.</summary>
    private static bool CalledBefore(string text, int start)
    {
        var before = text.AsSpan(0, start).TrimEnd();
        if (before.Length > 0 && before[^1] is '"' or '“' or '‘')
            before = before[..^1].TrimEnd();
        if (before.EndsWith(" the", StringComparison.Ordinal))
            before = before[..^4].TrimEnd();
        ReadOnlySpan<char> rest = default;
        foreach (var naming in (ReadOnlySpan<string>)[" called", " known as", " dubbed", " named"])
        {
            if (before.EndsWith(naming, StringComparison.Ordinal))
            {
                rest = before[..^naming.Length].TrimEnd().TrimEnd(',');
                break;
            }
        }
        if (rest.IsEmpty)
            return false;
        int noun = Kinds.MatchEndingAt(rest, rest.Length);
        return noun >= 0 && char.IsLower(rest[noun]);
    }

    /// <summary>"repeal the AUMF", "renegotiating NAFTA", "the ratification of New START": a verb (or its noun and "of") whose object is a law or treaty, in lower case, right before the name or its "the".</summary>
    private static bool VerbBefore(string text, int start)
    {
        var before = text.AsSpan(0, start).TrimEnd();
        if (before.EndsWith(" the", StringComparison.Ordinal))
            before = before[..^4].TrimEnd();
        int verb = Verbs.MatchEndingAt(before, before.Length);
        return verb >= 0 && char.IsLower(before[verb]);
    }
}

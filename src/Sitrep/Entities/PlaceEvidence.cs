using Sitrep.Entities.Resolution;

namespace Sitrep.Entities;

/// <summary>
/// What an article says of a name that it is a place, read over all its occurrences: a preposition of
/// place before it ("in Upper Marren", "near Hollin Ford"), a noun of place around it ("Upper Marren
/// province", "the town of Hollin Ford", "Korveth's foreign ministry"), a nationality word formed
/// from it ("Korvethi", "Valdorian"), or "and" joining a one-word name read as a person's to a place. A name the tagger took for a person or left a plain name is a
/// GPE when the article says so and never gives it a title or a "who"; an organisation or another name
/// only on a noun of place or a nationality word ("in Congress", "in English" are no places). Names the tagger does not know, such as
/// small towns, are where its guesses go wrong most.
/// </summary>
internal static class PlaceEvidence
{
    /// <summary>Prepositions of place before a name (a closed class).</summary>
    private static readonly HashSet<string> Prepositions = new(StringComparer.OrdinalIgnoreCase)
    {
        "in", "near", "outside", "inside", "into", "across", "throughout", "towards", "toward", "around", "within",
    };


    /// <summary>Endings of nationality words (a closed class of English suffixes): Valdoria → Valdorian, Korveth → Korvethi, Iran → Iranian, China → Chinese.</summary>
    private static readonly string[] DemonymEndings = ["n", "an", "ian", "i", "ese", "ish", "ean"];

    /// <param name="inPlaceList">For each mention, whether every token of it is in the country or city lists (null: unknown, none).</param>
    public static void Apply(string text, List<Mention> mentions, Actors.ActorTable? actors = null, IReadOnlyList<bool>? inPlaceList = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(mentions);
        if (mentions.Count == 0)
            return;
        var keys = new string[mentions.Count];
        var rented = System.Buffers.ArrayPool<int>.Shared.Rent(2 * mentions.Count);
        try
        {
            Apply(text, mentions, keys, rented.AsSpan(0, mentions.Count), rented.AsSpan(mentions.Count, mentions.Count), actors, inPlaceList);
        }
        finally
        {
            System.Buffers.ArrayPool<int>.Shared.Return(rented);
        }
    }

    private static void Apply(string text, List<Mention> mentions, string[] keys, Span<int> sameName, Span<int> last, Actors.ActorTable? actors, IReadOnlyList<bool>? inPlaceList)
    {
        // Each name's first mention by its key, the others chained from it through sameName[] (a list was made for
        // every name); keys looked up by span and written on the stack where they can be, so that a name seen
        // before takes the key string the table holds (a string of the name and one of its key were made for every mention).
        var byKey = new Dictionary<string, int>(StringComparer.Ordinal);
        var lookup = byKey.GetAlternateLookup<ReadOnlySpan<char>>();
        Span<char> buffer = stackalloc char[256];
        for (int i = 0; i < mentions.Count; i++)
        {
            sameName[i] = -1;
            var name = text.AsSpan(mentions[i].Start, mentions[i].End - mentions[i].Start);
            ReadOnlySpan<char> key = NameKeys.TryExact(name, buffer, out int written) ? buffer[..written] : NameKeys.Exact(name.ToString());
            if (key.Length == 0)
            {
                keys[i] = "";
                continue;
            }
            if (lookup.TryGetValue(key, out var known, out int first))
            {
                keys[i] = known;
                sameName[last[first]] = i;
                last[first] = i;
            }
            else
            {
                keys[i] = key.ToString();
                byKey[keys[i]] = i;
                last[i] = i;
            }
        }
        var weak = new Dictionary<string, int>(StringComparer.Ordinal);
        var strong = new Dictionary<string, int>(StringComparer.Ordinal);
        // "Kim's government", "Joe's Senate career": an institution after a possessive; of a person's name it is the
        // person's, so it is a place cue only for a name the article gives no person (counted apart from the nouns of place).
        var institution = new Dictionary<string, int>(StringComparer.Ordinal);
        var person = new HashSet<string>(StringComparer.Ordinal);
        HashSet<string>? articled = null;
        // The names a preposition stands right before, with no article between ("in Jackson", not "in the Jackson probe").
        HashSet<string>? bare = null;
        // The names whose nouns of place follow their possessive ("Korveth's capital"; counted in strong too).
        Dictionary<string, int>? possessive = null;
        for (int i = 0; i < mentions.Count; i++)
        {
            var m = mentions[i];
            if (keys[i].Length == 0)
                continue;
            // The words around the name read in place (four strings were made for every mention).
            var (previousAt, beforePreviousAt) = WordsBefore(text, m.Start);
            var (nextAt, afterNextAt) = WordsAfter(text, m.End);
            var previous = Word(text, previousAt);
            var beforePrevious = Word(text, beforePreviousAt);
            var next = nextAt.Length < 0 ? "'s".AsSpan() : Word(text, nextAt);
            var afterNext = Word(text, afterNextAt);
            if (EntityLexicons.IsTitleWord(previous) && previous.Length > 0 && char.IsUpper(previous[0]) || (next is "," && afterNext is "who" or "whose"))
                person.Add(keys[i]);
            // "in the Ford administration": a preposition before an office holder's term says nothing of a place.
            bool afterArticle = AfterArticle(text, m.Start);
            if (PrepositionLookup.Contains(previous) && next is not ("'s" or "’s") && !TypeRefiner.BeforeOfficeTerm(text, m.End))
            {
                weak[keys[i]] = weak.GetValueOrDefault(keys[i]) + 1;
                if (!afterArticle)
                    (bare ??= new HashSet<string>(StringComparer.Ordinal)).Add(keys[i]);
            }
            // "in the Jim Crow South": a name after an article is no person's name written in full.
            if (afterArticle)
                (articled ??= new HashSet<string>(StringComparer.Ordinal)).Add(keys[i]);
            if (EntityLexicons.PlaceNouns.Contains(next) || (previous is "of" && EntityLexicons.PlaceNouns.Contains(beforePrevious)))
                strong[keys[i]] = strong.GetValueOrDefault(keys[i]) + 1;
            else if (next is "'s" or "’s" && EntityLexicons.PlaceNouns.Contains(afterNext))
            {
                strong[keys[i]] = strong.GetValueOrDefault(keys[i]) + 1;
                (possessive ??= new Dictionary<string, int>(StringComparer.Ordinal))[keys[i]] = possessive.GetValueOrDefault(keys[i]) + 1;
            }
            else if (next is "'s" or "’s" && EntityLexicons.Institutions.MatchAt(text, SkipPossessive(text, m.End)) > 0)
                institution[keys[i]] = institution.GetValueOrDefault(keys[i]) + 1;
        }
        // "Kern, San Bernardino and Inyo counties": the names of a list joined by commas and a last "and"/"or" before a
        // plural noun of place are each such a place, not only the last one the noun follows.
        for (int i = mentions.Count - 1; i > 0; i--)
        {
            var (nextAt, _) = WordsAfter(text, mentions[i].End);
            if (nextAt.Length < 2 || keys[i].Length == 0)
                continue;
            var next = Word(text, nextAt);
            if (next[^1] != 's' || !EntityLexicons.PlaceNouns.Contains(next))
                continue;
            int j = i;
            while (j > 0 && keys[j - 1].Length > 0 && mentions[j - 1].End <= mentions[j].Start
                && ListGap(text.AsSpan(mentions[j - 1].End, mentions[j].Start - mentions[j - 1].End).Trim(), last: j == i))
                j--;
            for (int k = j; k < i; k++)
                strong[keys[k]] = strong.GetValueOrDefault(keys[k]) + 1;
        }
        // A nationality word formed from a name: the name is a place, and the word itself is none ("Valdorian border").
        var demonyms = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (key, first) in byKey)
        {
            if (key.Contains(' ', StringComparison.Ordinal) || mentions[first].Type is not ("MISC" or "GPE"))
                continue;
            foreach (var (place, _) in byKey)
            {
                if (place != key && IsDemonymOf(key, place))
                {
                    strong[place] = strong.GetValueOrDefault(place) + 1;
                    demonyms.Add(key);
                }
            }
        }
        // "Korveth and Valdoria": a one-word name the tagger took for a person, joined by "and" to a place.
        HashSet<string>? joined = null;
        for (int i = 0; i + 1 < mentions.Count; i++)
        {
            var between = text.AsSpan(mentions[i].End, Math.Max(0, mentions[i + 1].Start - mentions[i].End)).Trim();
            if (between is not ("and" or "or"))
                continue;
            foreach (var (a, b) in (ReadOnlySpan<(int, int)>)[(i, i + 1), (i + 1, i)])
            {
                if (mentions[a].Type == "PERSON" && !keys[a].Contains(' ', StringComparison.Ordinal) && mentions[b].Type == "GPE")
                    (joined ??= new HashSet<string>(StringComparer.Ordinal)).Add(keys[a]);
            }
        }
        // The surnames of the people named in full: "Paul" beside "Ron Paul" is the man, whatever an "and" beside it reads
        // like ("an RNC committeewoman from Maine and Paul supporter"); a preposition or a noun of place still makes a place
        // ("Andrew Jackson … in Jackson").
        var surnames = PersonOccurrences.SurnamesOfPeople(text, mentions, NameKeys.Exact);
        // "Joe Biden … Joe's Senate career", "In James and Hunter's tenure" beside "James Biden", "Kim Jong Un … Kim's
        // government": the first word of a person named in full is that person's name, and neither a preposition nor an
        // institution after it makes it a place.
        var givenNames = PersonOccurrences.FirstNamesOfPeople(text, mentions, NameKeys.Exact);
        foreach (var (key, first) in byKey)
        {
            // "the ACLU's Supreme Court brief": an acronym the actor dictionaries list as an organisation stays one, whatever its
            // possessive reads like (a word such as "Soviet" is listed too, and "former Soviet republic" says a place).
            // "GOP state house dominance": a party's abbreviation is the party, whatever noun of place follows it.
            if (TypeRefiner.IsPartyAbbreviation(text.AsSpan(mentions[first].Start, mentions[first].End - mentions[first].Start)))
                continue;
            if (person.Contains(key) || demonyms.Contains(key) || (Acronyms.IsAcronym(text.AsSpan(mentions[first].Start, mentions[first].End - mentions[first].Start)) && actors?.OfKey(key) is { Type: "ORG" }))
                continue;
            var type = mentions[first].Type;
            // "a Republican state", "Democratic districts": an adjective of a party or creed before a noun of place is no place's name.
            if (type is "MISC" or "ORG" && IsCommonAdjective(key))
                continue;
            bool given = givenNames?.Contains(key) == true;
            bool named = given || surnames?.Contains(key) == true || key.Contains(' ', StringComparison.Ordinal);
            bool place = type switch
            {
                // "a sunken cost in Donald Trump", "faith in Julia Pierson": a preposition alone makes no place of a person the
                // tagger read whole, a given name and a surname, never after "the" ("in Santa Barbara": a town the lists know still is one).
                // "Robert Mueller … in the Mueller investigation": the surname of a person named in full, after a preposition
                // and an article, names the thing the noun after it says ("investigation"), no place; "Andrew Jackson … in
                // Jackson", the preposition right before the name, still makes one.
                // "Hillary Clinton … Clinton's state campaign": a person has a state, a district, a country of their own, so a
                // noun of place after the possessive of the surname of a person named in full makes no place of it.
                "PERSON" => (strong.ContainsKey(key) && !(surnames?.Contains(key) == true && !given && !key.Contains(' ', StringComparison.Ordinal)
                        && possessive?.GetValueOrDefault(key) == strong[key]))
                    || (weak.ContainsKey(key) && !given && !(inPlaceList?[first] != true && articled?.Contains(key) != true && OpensWithGivenName(text.AsSpan(mentions[first].Start, mentions[first].End - mentions[first].Start)))
                        && (bare?.Contains(key) == true || surnames?.Contains(key) != true))
                    || (institution.ContainsKey(key) && !named)
                    || (joined?.Contains(key) == true && surnames?.Contains(key) != true && !given),
                // "in English", "in Islam": a plain name needs a noun of place, as an organisation does ("in Congress").
                "MISC" or "ORG" => strong.ContainsKey(key) || institution.ContainsKey(key),
                _ => false,
            };
            if (!place)
                continue;
            // A noun of place is a cue for the type across articles; a preposition alone ("in Title VII") is not.
            bool strongCue = strong.ContainsKey(key);
            for (int i = first; i >= 0; i = sameName[i])
                mentions[i] = mentions[i] with { Type = "GPE", Cued = strongCue };
        }
    }

    /// <summary>"the" (any case) is the word right before <paramref name="start"/>.</summary>
    private static bool AfterArticle(string text, int start)
    {
        var before = text.AsSpan(0, start).TrimEnd();
        return before.EndsWith("the", StringComparison.OrdinalIgnoreCase) && (before.Length == 3 || !char.IsLetter(before[^4]));
    }

    /// <summary>
    /// Two to four words, the first a given name of the name files ("Donald Trump", "Kelly Ayotte"; not "Santa Barbara"):
    /// a name given to both sexes says a person as well as one given to one sex does.
    /// </summary>
    internal static bool OpensWithGivenName(ReadOnlySpan<char> name)
    {
        int space = name.IndexOf(' ');
        if (space <= 0 || name.Count(' ') > 3 || space > 32)
            return false;
        Span<char> lower = stackalloc char[space];
        name[..space].ToLowerInvariant(lower);
        return PersonGenders.IsGivenName(lower);
    }

    /// <summary>
    /// A common English word (english-words.tsv, not one of its proper nouns) with an adjective's or a party's ending
    /// ("republican", "democratic"): the tagger's adjective, not a place's name, whatever noun of place follows it; a
    /// noun of place with such an ending is none ("our Republic").
    /// </summary>
    private static bool IsCommonAdjective(string key) =>
        !key.Contains(' ', StringComparison.Ordinal) && EntityLexicons.EnglishWords.Contains(key)
        && !EntityLexicons.EnglishNames.Contains(key) && TypeRefiner.AdjectiveEnding(key) && !EntityLexicons.PlaceNouns.Contains(key);

    /// <summary>The one-word place names (exact keys) that <paramref name="word"/> could be the nationality word of: Lisorian → lisoria, Korvethi → korveth.</summary>
    public static IEnumerable<string> PlacesOfDemonym(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var forms = word.EndsWith('s') ? new[] { word, word[..^1] } : [word];
        foreach (var form in forms)
        {
            foreach (var e in DemonymEndings)
            {
                if (form.Length <= e.Length + 2 || !form.EndsWith(e, StringComparison.Ordinal))
                    continue;
                var stem = form[..^e.Length];
                foreach (var place in new[] { stem, stem + "a", stem + "e", stem + "o", stem + "y" })
                {
                    if (IsDemonymOf(word, place) && seen.Add(place))
                        yield return place;
                }
            }
        }
    }

    /// <summary>Whether <paramref name="word"/> is a nationality word formed from the one-word name <paramref name="place"/> (both exact keys).</summary>
    public static bool IsDemonymOf(string word, string place)
    {
        if (place.Length < 3 || word.Length <= place.Length - 1 || place.Contains(' ', StringComparison.Ordinal) || word[0] != place[0])
            return false;
        foreach (var stem in (ReadOnlySpan<string>)[place, place[^1] is 'a' or 'e' or 'o' or 'y' ? place[..^1] : place])
        {
            if (!word.StartsWith(stem, StringComparison.Ordinal))
                continue;
            var ending = word.AsSpan(stem.Length);
            foreach (var e in DemonymEndings)
            {
                if (ending.SequenceEqual(e) || (ending.Length == e.Length + 1 && ending.StartsWith(e) && ending[^1] == 's'))
                    return true;
            }
        }
        return false;
    }

    /// <summary>What parts two names of a list: "and", "or" (a comma before them or not) before its last name, a comma before the others.</summary>
    private static bool ListGap(ReadOnlySpan<char> gap, bool last) =>
        last ? gap is "and" or "or" or ", and" or ", or" : gap is ",";

    private static int SkipPossessive(string text, int end)
    {
        int i = end;
        if (i + 1 < text.Length && text[i] is '\'' or '’' && text[i + 1] == 's')
            i += 2;
        while (i < text.Length && char.IsWhiteSpace(text[i]))
            i++;
        return i;
    }

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> PrepositionLookup = Prepositions.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>A word found by <see cref="WordsBefore"/> or <see cref="WordsAfter"/>, read in place.</summary>
    private static ReadOnlySpan<char> Word(string text, (int Start, int Length) at) => text.AsSpan(at.Start, at.Length);

    /// <summary>Where the two words before <paramref name="start"/> are (empty where there is none).</summary>
    private static ((int Start, int Length) Previous, (int Start, int Length) BeforePrevious) WordsBefore(string text, int start)
    {
        int i = start;
        Span<(int Start, int Length)> words = [(0, 0), (0, 0)];
        for (int k = 0; k < 2; k++)
        {
            while (i > 0 && text[i - 1] is ' ' or '\t')
                i--;
            int end = i;
            while (i > 0 && (char.IsLetter(text[i - 1]) || text[i - 1] == '.'))
                i--;
            words[k] = (i, end - i);
            // "in the Serin": the article does not part the preposition from the name.
            if (k == 0 && text.AsSpan(i, end - i).Equals("the", StringComparison.OrdinalIgnoreCase))
                k--;
            if (i == end)
                break;
        }
        return (words[0], words[1]);
    }

    /// <summary>Where the two words after <paramref name="end"/> are; the first's length is -1 for a possessive "'s" (read as "'s").</summary>
    private static ((int Start, int Length) Next, (int Start, int Length) AfterNext) WordsAfter(string text, int end)
    {
        int i = end;
        (int Start, int Length) next;
        if (i + 1 < text.Length && text[i] is '\'' or '’' && text[i + 1] == 's')
        {
            next = (i, -1);
            i += 2;
        }
        else
        {
            while (i < text.Length && text[i] is ' ' or '\t')
                i++;
            int s = i;
            if (i < text.Length && !char.IsLetter(text[i]))
                i++;
            else
            {
                while (i < text.Length && char.IsLetter(text[i]))
                    i++;
            }
            next = (s, i - s);
        }
        while (i < text.Length && text[i] is ' ' or '\t')
            i++;
        int a = i;
        while (i < text.Length && char.IsLetter(text[i]))
            i++;
        return (next, (a, i - a));
    }
}

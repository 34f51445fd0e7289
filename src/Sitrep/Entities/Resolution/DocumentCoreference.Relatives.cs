
namespace Sitrep.Entities.Resolution;

internal static partial class DocumentCoreference
{
    /// <summary>
    /// Relatives who share a surname ("Bill Clinton" and "Hillary Clinton", "Barack" and "Michelle Obama"): which of
    /// them each surname alone names, where that mention says so itself. A gendered honorific or title right before it
    /// ("Mrs. Clinton", "Mr Obama", "Congresswoman X") picks the one person of that gender, by the given name
    /// (<see cref="PersonGenders.GivenNames"/>) or a gendered title the article gives the full name; a title right before
    /// it ("President Clinton", "Sen. Clinton") or "administration"/"presidency" after it (a president's) picks the
    /// one person the article gives that title. Evidence that points two ways, or to two people, picks no one: the mention is then grouped
    /// with the other surnames alone, as before. Returns, for each mention, the full name's mention it is, or -1.
    /// </summary>
    private static int[] RelativesByEvidence(string text, IReadOnlyList<Mention> mentions, string[] surface, string[][] words, string[][] core, string[] types, string?[] country)
    {
        int n = core.Length;
        var chosen = new int[n];
        Array.Fill(chosen, -1);
        // The people named in full, by surname: each person (a distinct name) with its first mention.
        Dictionary<string, List<int>>? bySurname = null;
        for (int i = 0; i < n; i++)
        {
            if (!IsFullName(surface[i], core[i], types[i]))
                continue;
            bySurname ??= new Dictionary<string, List<int>>(StringComparer.Ordinal);
            if (!bySurname.TryGetValue(core[i][^1], out var people))
                bySurname[core[i][^1]] = people = [];
            if (!people.Exists(j => core[j].AsSpan().SequenceEqual(core[i])))
                people.Add(i);
        }
        if (bySurname is null)
            return chosen;
        Dictionary<int, (PersonGender Gender, HashSet<string> Titles)>? known = null;
        for (int i = 0; i < n; i++)
        {
            if (country[i] is not null || types[i] is "MEDIA" or "FACILITY" || core[i].Length != 1 || words[i].Length != 1
                || !bySurname.TryGetValue(core[i][0], out var people) || people.Count < 2)
                continue;
            if (surface[i].Contains('.', StringComparison.Ordinal) || (IsAcronymLike(surface[i]) && surface[i].Length <= 4))
                continue;
            known ??= KnownPeople(text, mentions, bySurname, core, types);
            var m = mentions[i];
            var (gender, title) = WordBefore(text, m.Start);
            if (title is null && WordAfter(text, m.End) is "administration" or "presidency")
                title = "president";
            int byGender = gender == PersonGender.Unknown ? -2 : OneOfGender(people, known, gender);
            int byTitle = title is null ? -2 : OneWithTitle(people, known, title);
            int pick = (byGender, byTitle) switch
            {
                (-2, -2) => -1,
                (-2, var t) => t,
                (var g, -2) => g,
                var (g, t) => g == t ? g : -1,
            };
            chosen[i] = pick < 0 ? -1 : pick;
        }
        return chosen;
    }

    /// <summary>A person named with a given name and a surname: not a party tag ("R-Ohio"), not a surname with its particle ("Bin Laden"), and not one written word ("Rawlings-Blake").</summary>
    private static bool IsFullName(string surface, string[] core, string type) =>
        type == Person && core.Length >= 2 && !IsPartyTag(surface) && !EntityLexicons.PersonParticles.Contains(core[0])
        && surface.AsSpan().IndexOfAny(' ', '\u00A0') >= 0;

    /// <summary>Each person named in full (its first mention): the gender its given name or a gendered title gives it, and the titles the article gives it (lower case, no period).</summary>
    private static Dictionary<int, (PersonGender, HashSet<string>)> KnownPeople(string text, IReadOnlyList<Mention> mentions, Dictionary<string, List<int>> bySurname, string[][] core, string[] types)
    {
        var known = new Dictionary<int, (PersonGender, HashSet<string>)>();
        foreach (var people in bySurname.Values)
        {
            if (people.Count < 2)
                continue;
            foreach (int p in people)
            {
                // The gender the name gives: a gendered title the tagger ran into it, else its given name past other titles ("President Donald Trump").
                var gender = PersonGenders.OfName(core[p]);
                var titles = new HashSet<string>(StringComparer.Ordinal);
                for (int i = 0; i < core.Length; i++)
                {
                    if (types[i] != Person || !core[i].AsSpan().SequenceEqual(core[p]))
                        continue;
                    var (before, title) = WordBefore(text, mentions[i].Start);
                    if (gender == PersonGender.Unknown)
                        gender = before;
                    if (title is not null)
                        titles.Add(title);
                    foreach (var role in RoleFinder.Find(text, mentions[i].Start, mentions[i].End))
                    {
                        foreach (var w in NameKeys.Words(role))
                            titles.Add(w);
                    }
                }
                known[p] = (gender, titles);
            }
        }
        return known;
    }

    /// <summary>
    /// The one person of <paramref name="people"/> of that gender while every other one is known to be of the other;
    /// where the article names one of them by a given name the name files do not list (Barack) and the others are all
    /// of the other gender, that one ("Mr. Obama" beside Michelle Obama); else -1.
    /// </summary>
    private static int OneOfGender(List<int> people, Dictionary<int, (PersonGender Gender, HashSet<string> Titles)> known, PersonGender gender)
    {
        int found = -1;
        foreach (int p in people)
        {
            var g = known[p].Gender;
            if (g == gender || g == PersonGender.Unknown)
            {
                if (found >= 0)
                    return -1;
                found = p;
            }
        }
        return found;
    }

    /// <summary>The one person of <paramref name="people"/> the article gives that title; else -1.</summary>
    private static int OneWithTitle(List<int> people, Dictionary<int, (PersonGender Gender, HashSet<string> Titles)> known, string title)
    {
        int found = -1;
        foreach (int p in people)
        {
            if (!known[p].Titles.Contains(title))
                continue;
            if (found >= 0)
                return -1;
            found = p;
        }
        return found;
    }

    /// <summary>
    /// The capitalised word right before a name (a period after it allowed: "Mrs.", "Sen."): the gender it tells when it
    /// is a gendered honorific or title ("Mrs", "Congresswoman"), else the word as a title (lower case, no period), when
    /// it is not the first word of a sentence.
    /// </summary>
    private static (PersonGender Gender, string? Title) WordBefore(string text, int start)
    {
        int e = start;
        while (e > 0 && text[e - 1] == ' ')
            e--;
        if (e == start)
            return (PersonGender.Unknown, null);
        if (e > 0 && text[e - 1] == '.')
            e--;
        int s = e;
        while (s > 0 && char.IsLetter(text[s - 1]))
            s--;
        if (s == e || !char.IsUpper(text[s]) || e - s > 20)
            return (PersonGender.Unknown, null);
        var word = text[s..e].ToLowerInvariant();
        if (PersonGenders.Nouns.TryGetValue(word, out var entry))
            return (entry.Gender, null);
        // Only a title ("President", "Sen.", "Gov."): any capitalised word before a name ("WATCHED Bush") is none.
        if (!EntityLexicons.IsTitleWord(word))
            return (PersonGender.Unknown, null);
        // A sentence's first word ("But Clinton") is no title.
        int p = s;
        while (p > 0 && text[p - 1] is ' ' or '"' or '“' or '‘' or '\'')
            p--;
        bool opens = p == 0 || text[p - 1] is '.' or '!' or '?' or '\n' or ':';
        return (PersonGender.Unknown, opens ? null : word);
    }

    /// <summary>The word right after a name (a possessive "'s" allowed before it), lower case, or null.</summary>
    private static string? WordAfter(string text, int end)
    {
        int s = end;
        while (s < text.Length && text[s] == ' ')
            s++;
        if (s == end)
            return null;
        int e = s;
        while (e < text.Length && char.IsLetter(text[e]))
            e++;
        return e > s ? text[s..e].ToLowerInvariant() : null;
    }
}

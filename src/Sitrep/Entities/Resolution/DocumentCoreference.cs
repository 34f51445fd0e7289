using System.Text.RegularExpressions;
using Sitrep.Documents;
using Sitrep.Entities.Actors;
using Sitrep.Text;

namespace Sitrep.Entities.Resolution;

/// <summary>
/// Groups an article's mentions into the things they name. Within one article a surname is the
/// person introduced by full name, an acronym is the organisation it abbreviates or is defined for
/// in brackets, a translation in brackets is the name before it, "the Guards" is the Revolutionary
/// Guards named earlier, "U.S." and "America" are one country, and a capital standing for its
/// government is that country. Pure: the same mentions give the same groups.
/// </summary>
internal static partial class DocumentCoreference
{
    private const string Person = "PERSON";

    public static (Mention[] Mentions, DocumentEntity[] Entities) Resolve(string text, IReadOnlyList<Mention> mentions, CountryTable countries) =>
        Resolve(text, mentions, countries, ActorTable.Default);

    /// <param name="actors">The actor dictionaries: alias groups backed by evidence, and sectors and countries.</param>
    public static (Mention[] Mentions, DocumentEntity[] Entities) Resolve(string text, IReadOnlyList<Mention> mentions, CountryTable countries, ActorTable actors)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(mentions);
        ArgumentNullException.ThrowIfNull(countries);
        ArgumentNullException.ThrowIfNull(actors);
        int n = mentions.Count;
        var surface = new string[n];
        var words = new string[n][];
        var core = new string[n][];
        var country = new string?[n];
        var types = new string[n];
        var demonym = new bool[n];
        // The first mention spelled the same way and of the same kind (a person or not): most names recur, and
        // their words, core, country and keys are made once per spelling, not for every mention of it.
        var same = new int[n];
        var named = new string?[n];
        var capital = new string?[n];
        var nation = new string?[n];
        var exact = new string?[n];
        var spelled = new Dictionary<string, int>(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
        var spelledPerson = new Dictionary<string, int>(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
        for (int i = 0; i < n; i++)
        {
            types[i] = mentions[i].Type;
            var written = WithoutPossessive(text.AsSpan(mentions[i].Start, mentions[i].End - mentions[i].Start));
            var firsts = types[i] == Person ? spelledPerson : spelled;
            if (firsts.TryGetValue(written, out int r))
            {
                same[i] = r;
                surface[i] = surface[r];
                words[i] = words[r];
                core[i] = core[r];
            }
            else
            {
                same[i] = r = i;
                surface[i] = written.ToString();
                firsts[surface[i]] = i;
                words[i] = NameKeys.Words(surface[i]);
                core[i] = types[i] == Person ? NameKeys.PersonCore(surface[i], words[i]) : NameKeys.WithoutArticles(words[i]);
                if (types[i] != Person)
                    (exact[i], named[i], capital[i], nation[i]) = CountryNames(surface[i], words[i].Length, countries);
            }
            if (types[i] is not (Person or "MEDIA"))
                country[i] = named[r] ?? (types[i] is "GPE" or "LOC" && capital[r] is { } capitalOf && CapitalMetonymy.StandsForGovernment(text, mentions[i].Start, mentions[i].End) ? capitalOf : null);
            // "Iraqi", "Americans": a nationality word stands for its country, flagged, never an entity of its own.
            if (country[i] is null && types[i] is not (Person or "MEDIA" or "FACILITY") && nation[r] is { } code)
            {
                country[i] = code;
                demonym[i] = true;
            }
        }
        CodesWithoutEvidence(surface, country, countries);
        var usState = StatesNamedLikeCountries(surface, types, same, capital, country, demonym, countries);
        OfficialNames(exact, same, types, country, countries);

        var sets = new DisjointSets(n);
        var firstOfCountry = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < n; i++)
        {
            if (country[i] is { } c)
            {
                if (firstOfCountry.TryGetValue(c, out int f))
                    sets.Union(f, i);
                else
                    firstOfCountry[c] = i;
            }
        }

        LinkDemonymsOfPlaces(words, types, country, demonym, sets);
        LinkNamesGivenTwice(text, mentions, types, country, sets);
        LinkActorAliases(words, types, country, sets, countries, actors);
        LinkAcronyms(surface, words, types, country, same, sets, countries, actors);
        // Which of two relatives sharing a surname each surname alone names, where the mention says so ("Mrs. Clinton").
        var relative = RelativesByEvidence(text, mentions, surface, words, core, types, country);
        LinkSameNames(words, types, country, same, sets, relative);
        var person = LinkSurnames(surface, core, types, country, same, sets, relative);
        LinkShortForms(core, types, country, same, sets);
        LinkTransliterations(words, core, types, country, same, sets);

        // Clusters in text order of their first mention.
        var clusterOf = new int[n];
        var roots = new List<int>();
        var rootIndex = new Dictionary<int, int>();
        for (int i = 0; i < n; i++)
        {
            int r = sets.Find(i);
            if (!rootIndex.TryGetValue(r, out int k))
            {
                rootIndex[r] = k = roots.Count;
                roots.Add(r);
            }
            clusterOf[i] = k;
        }
        var members = new List<int>[roots.Count];
        for (int k = 0; k < roots.Count; k++)
            members[k] = [];
        for (int i = 0; i < n; i++)
            members[clusterOf[i]].Add(i);

        var entities = new DocumentEntity[roots.Count];
        var linked = new Mention[n];
        for (int k = 0; k < roots.Count; k++)
        {
            var m = members[k];
            // Loops, not queries: this runs for every entity of every article.
            string? code = null;
            bool anyPerson = false;
            int best = m[0];
            var own = new List<int>(m.Count);
            var aliases = new List<string>();
            foreach (int i in m)
            {
                code ??= country[i];
                anyPerson |= person[i];
                if (!demonym[i] && (demonym[best] || core[i].Length > core[best].Length))
                    best = i;
                // A nationality word is no name of its country: it links, but is not filed or listed as one.
                if (!demonym[i])
                {
                    own.Add(i);
                    if (!aliases.Contains(surface[i]))
                        aliases.Add(surface[i]);
                }
            }
            string type = code is not null ? "GPE" : anyPerson ? Person : types[best];
            string name = code is not null ? countries.CommonName(code) : surface[best];
            var roles = new List<string>();
            if (type == Person)
            {
                foreach (int i in m)
                    RoleFinder.Find(text, mentions[i].Start, mentions[i].End, roles, distinct: true);
            }
            var (sector, nationality) = Affiliations.Of(text, mentions, own, type, code, roles, aliases, countries, actors);
            // A state that shares its name with a country, not read as the country: the United States' where the article names
            // other states ("Georgia" beside "Ohio"), else no one's (the actor dictionaries' entry is the country's).
            for (int j = 0; j < m.Count && code is null && usState is not null; j++)
            {
                if (usState[m[j]] != 0)
                {
                    nationality = usState[m[j]] == 1 ? "USA" : null;
                    break;
                }
            }
            // Evidence for the type beside the tagger's guess: a country named, a person's title or role, or a
            // mention of this type whose type a cue in the text gave or confirmed.
            bool cued = code is not null || (type == Person && roles.Count > 0);
            for (int j = 0; j < m.Count && !cued; j++)
                cued = mentions[m[j]].Cued && types[m[j]] == type;
            entities[k] = new DocumentEntity(name, type, code, aliases, roles) { Sector = sector, Nationality = nationality, TypeCued = cued };
            foreach (int i in m)
                linked[i] = mentions[i] with { Type = type, Entity = k, Demonym = demonym[i], Cued = false };
        }
        return (linked, entities);
    }

    /// <summary>
    /// What a name that is not a person's says of a country, by its spelling alone: the country it names (two- and
    /// three-letter names, "US", "UK", only when written as capitals), else the country whose capital it is
    /// (which it stands for only where <see cref="CapitalMetonymy"/> says so), and the country of a one-word
    /// nationality word ("Iraqi"). Asked once per spelling.
    /// </summary>
    private static (string Key, string? Country, string? Capital, string? Nation) CountryNames(string surface, int words, CountryTable countries)
    {
        var key = NameKeys.Exact(surface);
        string? nation = words == 1 ? countries.CountryOfDemonymKey(key) : null;
        // AP's abbreviation of a U.S. state with its full stop ("N.C.", "S.D.") is the state, not the country of
        // that ISO code (New Caledonia's NC, Sudan's SD): abbreviations.tsv, tag state.
        if (IsStateAbbreviation(surface))
            return (key, null, null, nation);
        if (countries.CountryOfKey(key) is { } code)
            return (key, NameKeys.Letters(surface) > 3 || AllLettersUpper(surface) ? code : null, null, nation);
        return (key, null, countries.CapitalOfKey(key), nation);
    }

    /// <summary>Whether the name is AP's abbreviation of a U.S. state with its full stop: "N.C.", "Mass.", "Ga." (abbreviations.tsv, tag state).</summary>
    internal static bool IsStateAbbreviation(string name) =>
        name.Length > 2 && name[^1] == '.' && char.IsUpper(name[0]) && Abbreviations.State.Contains(name.AsSpan(0, name.Length - 1));

    /// <summary>
    /// A U.S. state's name that is also a country's ("Georgia"): the country only where the article's other places say
    /// so — it names the country's capital, or at least three other countries and more than twice as many as other U.S.
    /// states ("Ukraine, Georgia and Kyrgyzstan", a list of the world's countries). Otherwise no country: the state
    /// where the article names another state (its name, us-states.tsv, or AP's abbreviation), else nothing (measured on
    /// two samples of 3,000 allsides articles: 13 of 262 articles with "Georgia" mean the country). Returns, for each
    /// mention, 1 where it is such a state read as the state, 2 where it is read as neither (null when the article has none).
    /// </summary>
    private static byte[]? StatesNamedLikeCountries(string[] surface, string[] types, int[] same, string?[] capital, string?[] country, bool[] demonym, CountryTable countries)
    {
        byte[]? state = null;
        HashSet<string>? weighed = null;
        for (int i = 0; i < surface.Length; i++)
        {
            if (country[i] is not { } code || demonym[i] || types[i] is Person || !EntityLexicons.UsStates.Contains(surface[i]) || EntityLexicons.UsTerritories.Contains(surface[i]))
                continue;
            // The article's evidence, once per such name: a name kept as the country is not weighed again at its next mention.
            if (!(weighed ??= new HashSet<string>(StringComparer.Ordinal)).Add(surface[i]))
                continue;
            var states = new HashSet<string>(StringComparer.Ordinal);
            var others = new HashSet<string>(StringComparer.Ordinal);
            bool capitalNamed = false;
            for (int j = 0; j < surface.Length; j++)
            {
                if (types[j] is Person)
                    continue;
                capitalNamed |= capital[same[j]] == code;
                if (country[j] is { } other)
                {
                    if (!demonym[j] && other != code && other != "USA")
                        others.Add(other);
                }
                else if (IsStateAbbreviation(surface[j]) || (EntityLexicons.UsStates.Contains(surface[j]) && capital[same[j]] is null))
                    states.Add(surface[j]);
            }
            if (capitalNamed || (others.Count >= 3 && others.Count > 2 * states.Count))
                continue;
            for (int j = i; j < surface.Length; j++)
            {
                if (country[j] == code && !demonym[j] && surface[j] == surface[i])
                {
                    country[j] = null;
                    (state ??= new byte[surface.Length])[j] = states.Count > 0 ? (byte)1 : (byte)2;
                }
            }
        }
        return state;
    }

    private static bool AllLettersUpper(string s)
    {
        foreach (char c in s)
        {
            if (char.IsLetter(c) && !char.IsUpper(c))
                return false;
        }
        return true;
    }

    /// <summary>
    /// A country's two-letter code ("CA", "IL", "DE", "N.C.") is far more often a US state, a party tag or
    /// another abbreviation ("IQ", "ID", "IS") in the news: it stands for the country only when it is
    /// the initials of the country's name ("US", "U.K.", "NZ") or the article names that country in
    /// some other way (its name, capital or nationality word).
    /// </summary>
    private static void CodesWithoutEvidence(string[] surface, string?[] country, CountryTable countries)
    {
        for (int i = 0; i < surface.Length; i++)
        {
            if (country[i] is not { } code || NameKeys.Letters(surface[i]) > 2)
                continue;
            var letters = string.Concat(NameKeys.Words(surface[i]));
            var initials = string.Concat(NameKeys.Words(countries.CommonName(code)).Select(w => w[0]));
            if (letters == initials)
                continue;
            bool named = false;
            for (int j = 0; j < surface.Length && !named; j++)
                named = j != i && country[j] == code && NameKeys.Letters(surface[j]) > 2;
            if (!named)
                country[i] = null;
        }
    }

    /// <summary>
    /// "The Islamic Republic" is Iran where the article names Iran and no other Islamic republic: a name
    /// that opens a country's official name ("Islamic Republic of Iran") is the country the article
    /// names, or the only country so called.
    /// </summary>
    /// <param name="exact">The <see cref="NameKeys.Exact"/> key of each first mention of a spelling that is not a person's (<paramref name="same"/>).</param>
    private static void OfficialNames(string?[] exact, int[] same, string[] types, string?[] country, CountryTable countries)
    {
        HashSet<string>? named = null;
        for (int i = 0; i < types.Length; i++)
        {
            if (country[i] is not null || types[i] is Person or "MEDIA" or "FACILITY" || countries.CountriesOfficiallyCalledKey(exact[same[i]]!) is not { Count: > 0 } candidates)
                continue;
            named ??= [.. country.OfType<string>()];
            var inArticle = candidates.Where(named.Contains).ToList();
            country[i] = inArticle.Count == 1 ? inArticle[0] : candidates.Count == 1 ? candidates[0] : null;
        }
    }

    /// <summary>
    /// "Valdorian" beside "Valdoria": a nationality word formed from a place the article names (one no
    /// country table knows) stands for that place, flagged like a known country's demonym.
    /// </summary>
    private static void LinkDemonymsOfPlaces(string[][] words, string[] types, string?[] country, bool[] demonym, DisjointSets sets)
    {
        Dictionary<string, int>? places = null;
        for (int i = 0; i < words.Length; i++)
        {
            if (types[i] is "GPE" or "LOC" && country[i] is null && words[i].Length == 1)
                (places ??= new Dictionary<string, int>(StringComparer.Ordinal)).TryAdd(words[i][0], i);
        }
        if (places is null)
            return;
        for (int i = 0; i < words.Length; i++)
        {
            if (country[i] is not null || words[i].Length != 1 || types[i] is not ("MISC" or "GPE" or "LOC"))
                continue;
            foreach (var (place, j) in places)
            {
                if (place != words[i][0] && PlaceEvidence.IsDemonymOf(words[i][0], place))
                {
                    sets.Union(j, i);
                    demonym[i] = true;
                    types[i] = types[j];
                    break;
                }
            }
        }
    }

    /// <summary>
    /// Names of one actor by the actor dictionaries' alias groups, which hold only pairs that an acronym
    /// or a transliteration supports ("ISIS", "the Islamic State"): one entity in the article.
    /// </summary>
    private static void LinkActorAliases(string[][] words, string[] types, string?[] country, DisjointSets sets, CountryTable countries, ActorTable actors)
    {
        Dictionary<string, int>? first = null;
        for (int i = 0; i < words.Length; i++)
        {
            if (country[i] is not null || types[i] is Person or "GPE" or "LOC" or "FACILITY" || ActorGroup(words[i], countries, actors) is not { } group)
                continue;
            first ??= new Dictionary<string, int>(StringComparer.Ordinal);
            if (first.TryGetValue(group, out int f))
                sets.Union(f, i);
            else
                first[group] = i;
        }
    }

    /// <summary>The actor dictionaries' alias group of a name, also without a leading nationality ("US Department of Defense").</summary>
    internal static string? ActorGroup(string[] words, CountryTable countries, ActorTable actors)
    {
        if (words.Length == 0)
            return null;
        if (actors.OfKey(string.Join(' ', words)) is { Group: { } group })
            return group;
        // Without a nationality word in front only where the actor is that country's (or nobody's): the
        // "Australian Department of Defense" is not the US one the dictionaries list as "Department of Defense".
        return words.Length >= 3 && countries.IsNationality(words[0]) && actors.OfKey(string.Join(' ', words[1..])) is { Group: { } inner } info
            && (info.Country is null || (countries.CountryOfDemonym(words[0]) ?? countries.CountryOf(words[0])) is not { } own || own == info.Country) ? inner : null;
    }

    /// <summary>"Name (Other Name)" and "known as X or Y": two names of one thing.</summary>
    private static void LinkNamesGivenTwice(string text, IReadOnlyList<Mention> mentions, string[] types, string?[] country, DisjointSets sets)
    {
        for (int i = 1; i < mentions.Count; i++)
        {
            var a = mentions[i - 1];
            var b = mentions[i];
            var kind = SecondName.Of(text, a, b);
            if (kind == SecondNameKind.None || country[i - 1] is not null || country[i] is not null)
                continue;
            // "Rastin Kolvar (also transliterated Kolwar or Kolvár)": the text says these are spellings of one name.
            if (kind == SecondNameKind.Spelling)
            {
                sets.Union(i - 1, i);
                continue;
            }
            bool alias = kind == SecondNameKind.Alias;
            // "BAGHDAD (Reuters)": a place and the outlet reporting from it are not one thing; nor are
            // a person and the party and state after their name ("Tom Baker (R-N.J.)").
            if ((types[i - 1] == "MEDIA") != (types[i] == "MEDIA") || (types[i - 1] == Person) != (types[i] == Person)
                || IsPlace(types[i - 1]) != IsPlace(types[i]) || IsShouted(a.Text(text)) || PartyTag().IsMatch(b.Text(text)))
                continue;
            // An acronym in brackets has to abbreviate the name before it: "European Union (EU)", not "Gwen Moore (WI)".
            var inside = b.Text(text);
            if (IsAcronymLike(inside) && !NameKeys.Abbreviates(inside, NameKeys.Words(a.Text(text))))
                continue;
            // Two people are one only when both are written in full ("Stormy Daniels (Stephanie Clifford)"),
            // never in a list ("not named Rubio or Bush").
            if (types[i] == Person && (alias || a.Text(text).IndexOf(' ', StringComparison.Ordinal) < 0 || b.Text(text).IndexOf(' ', StringComparison.Ordinal) < 0))
                continue;
            sets.Union(i - 1, i);
        }
    }

    private static bool IsAcronymLike(string s) => NameKeys.Letters(s) is >= 2 and <= 6 && !NameKeys.HasLower(s) && !s.Contains(' ', StringComparison.Ordinal);

    /// <summary>What follows a legislator's name in brackets: party and state ("R-S.C.", "D-N.Y.") or a state ("N.Y.", "Ky.").</summary>
    [GeneratedRegex(@"^([RDI]-|[A-Z][A-Za-z]?\.([A-Z]\.?)?$|[A-Z][a-z]{1,4}\.$)", RegexOptions.None, RegexTimeouts.Milliseconds)]
    private static partial Regex PartyTag();

    private static bool IsPlace(string type) => type is "GPE" or "LOC";

    /// <summary>A dateline is written in capitals ("WASHINGTON (AP)"); a name in brackets after it is the source, not another name.</summary>
    private static bool IsShouted(string name) => name.Any(char.IsLetter) && !name.Any(char.IsLower) && name.Count(char.IsLetter) > 4;

    /// <summary>A party tag after a legislator's name ("R-Ohio", "D-N.Y.", "R-N.C."): neither a name nor an acronym of anything named nearby.</summary>
    internal static bool IsPartyTag(string s) => s.Length > 2 && s[0] is 'R' or 'D' or 'I' && s[1] == '-';

    private static void LinkAcronyms(string[] surface, string[][] words, string[] types, string?[] country, int[] same, DisjointSets sets, CountryTable countries, ActorTable actors)
    {
        int n = surface.Length;
        // Each acronym mention's key, and each name's initials, made once (they were made again for every pair).
        var keys = new string?[n];
        HashSet<string>?[]? initials = null;
        bool[]? initialsMade = null;
        Func<string, bool> nationality = countries.IsNationality;
        // The names each acronym (by its letters) spells in the article.
        Dictionary<string, List<int>>? spelled = null;
        for (int i = 0; i < n; i++)
        {
            if (!IsAcronymMention(surface[i], types[i], country[i]))
                continue;
            // A place's initials ("N.D.") spell places, other initials other names.
            var letters = keys[i] = AcronymKey(surface[i], types[i]);
            spelled ??= new Dictionary<string, List<int>>(StringComparer.Ordinal);
            if (spelled.ContainsKey(letters))
                continue;
            var names = new List<int>();
            var joined = letters[2..];
            var meanings = AcronymMeanings.Of(surface[i], joined, actors);
            for (int j = 0; j < n; j++)
            {
                if (types[j] == Person || country[j] is not null || words[j].Length < 2 || IsPlace(types[i]) != IsPlace(types[j]) || IsPartyTag(surface[j]))
                    continue;
                // Unasked, the acronym has to spell the whole name, a nationality word in front aside
                // ("PMF", the "Iraqi Popular Mobilization Forces"); "IRS" is not the "Lutheran Immigration
                // and Refugee Service", nor "PAC" the "Conservative Political Action Conference"; initials
                // in the name are spelled whole ("U.N." is not the "U.S. Navy").
                initials ??= new HashSet<string>?[n];
                initialsMade ??= new bool[n];
                int r = same[j];
                if (!initialsMade[r])
                {
                    initials[r] = NameKeys.InitialsIn(surface[r]);
                    initialsMade[r] = true;
                }
                // An acronym the dictionaries list with a meaning of their own ("UN", the United Nations) is, unasked,
                // that meaning: the "University of Nevada" that "U.N." also spells is another thing. A name they list
                // too, or one sharing most of the meaning's words, is still spelled by it.
                if (NameKeys.Abbreviates(surface[i], words[j], nationality, initials[r], joined)
                    && (meanings is null || actors.OfKey(string.Join(' ', words[j])) is not null || AcronymMeanings.Means(meanings, surface[j])))
                    names.Add(j);
            }
            spelled[letters] = names;
        }
        if (spelled is null)
            return;
        foreach (var (letters, names) in spelled)
        {
            if (names.Count == 0)
                continue;
            // An acronym that spells two names of unlike words ("E.U.": the European Union and a European
            // University) names either; unasked, it is left to itself.
            var content = names.Select(j => NameKeys.ContentWords(surface[j])).ToList();
            bool ambiguous = false;
            for (int a = 1; a < content.Count && !ambiguous; a++)
                ambiguous = !NameKeys.ShareMostWords(content[0], content[a]);
            if (ambiguous)
                continue;
            for (int i = 0; i < n; i++)
            {
                if (keys[i] == letters)
                {
                    // The nearest of the names it spells.
                    int match = names.MinBy(j => Math.Abs(j - i));
                    sets.Union(i, match);
                }
            }
        }
    }

    private static string AcronymKey(string surface, string type) => (IsPlace(type) ? "L:" : "O:") + string.Concat(NameKeys.Words(surface));

    private static bool IsAcronymMention(string surface, string type, string? country) =>
        country is null && type != Person && !surface.Contains(' ', StringComparison.Ordinal) && surface.Count(char.IsUpper) >= 2 && !IsPartyTag(surface);

    /// <param name="same">The first mention of each mention's spelling (and kind): a spelling's key is made once.</param>
    /// <param name="relative">The full name's mention a surname alone names by its own evidence (<see cref="RelativesByEvidence"/>), or -1: such a surname is not grouped with the others.</param>
    private static void LinkSameNames(string[][] words, string[] types, string?[] country, int[] same, DisjointSets sets, int[] relative)
    {
        var first = new Dictionary<string, int>(StringComparer.Ordinal);
        var keys = new string?[words.Length];
        for (int i = 0; i < words.Length; i++)
        {
            if (country[i] is not null || words[i].Length == 0 || relative[i] >= 0)
                continue;
            var key = keys[same[i]] ??= Joined(types[i] == Person ? "P:" : "N:", words[i]);
            if (first.TryGetValue(key, out int f))
                sets.Union(f, i);
            else
                first[key] = i;
        }
    }

    /// <summary>
    /// A surname alone, or a shorter form of a full name, is the person with that surname named
    /// nearest before it (or, failing that, after it); a given name alone read as a person is the one
    /// person named in full with it. Returns which mentions are people.
    /// </summary>
    private static bool[] LinkSurnames(string[] surface, string[][] core, string[] types, string?[] country, int[] same, DisjointSets sets, int[] relative)
    {
        int n = core.Length;
        var person = new bool[n];
        // Each full name's loose words joined once per spelling, when a shorter name is found in it (they were joined for every pair).
        var looseOf = new string?[n];
        var full = new List<int>();
        for (int i = 0; i < n; i++)
        {
            // "R-Ohio" read as a person is no one's full name: "Ohio" is not its surname.
            // "Bin Laden" is the surname of Osama bin Laden, not a full name of its own.
            // "Rawlings-Blake" alone is a double-barrelled surname, not a full name: one written word is never a full name.
            if (IsFullName(surface[i], core[i], types[i]))
            {
                full.Add(i);
                person[i] = true;
            }
        }
        // "David S. Kris … David Kris": one person written with and without a middle initial.
        var plain = FullNamesWithoutInitials(core, full, sets);
        JoinMiddleNames(core, full, sets);
        for (int i = 0; i < n; i++)
        {
            if (country[i] is not null || types[i] is "MEDIA" or "FACILITY" || core[i].Length == 0 || person[i])
                continue;
            if (relative[i] >= 0)
            {
                sets.Union(i, relative[i]);
                person[i] = true;
                continue;
            }
            if (core[i].Length > 1 && types[i] != Person)
                continue;
            // "U.N." is not the Un of Kim Jong Un.
            if (surface[i].Contains('.', StringComparison.Ordinal) || (IsAcronymLike(surface[i]) && surface[i].Length <= 4))
                continue;
            int chosen = -1;
            string? named = null;
            bool ambiguous = false;
            foreach (int j in full)
            {
                if (core[j].Length <= core[i].Length || core[j][^1] != core[i][^1] || !IsSubsequence(core[i], core[j]))
                    continue;
                // "Clinton" in an article about Bill and Hillary Clinton is either; it is left to itself.
                var loose = looseOf[same[j]] ??= NameKeys.LooseKey("", plain[j] ?? core[j]);
                ambiguous |= named is not null && named != loose;
                named ??= loose;
                if (j < i || chosen < 0)
                    chosen = j;
            }
            if (ambiguous)
                chosen = -1;
            // "Steve" in an interview with Steve Inskeep: a given name alone, read as a person, is the one
            // person of the article named in full with it, and nobody's where two share it.
            else if (chosen < 0 && types[i] == Person && core[i].Length == 1)
                chosen = OnlyGivenName(core, full, i);
            if (chosen >= 0)
            {
                sets.Union(i, chosen);
                person[i] = true;
            }
            else if (types[i] == Person)
            {
                person[i] = true;
            }
        }
        return person;
    }

    /// <summary>
    /// Full names that are one name but for one-letter initials ("David S. Kris", "David Kris") are one person, where the
    /// article writes at most one set of initials for that name: "George H. W. Bush" and "George W. Bush" are two men, and
    /// "George Bush" beside both is either. Returns each such full name's words without its initials (null for the others),
    /// the form the surname links compare, so that "Kris" alone is no longer read as two people's.
    /// </summary>
    private static string[]?[] FullNamesWithoutInitials(string[][] core, List<int> full, DisjointSets sets)
    {
        var plain = new string[]?[core.Length];
        Dictionary<string, (int First, string? Initials, bool Two, List<int> Members)>? groups = null;
        foreach (int j in full)
        {
            var words = core[j];
            var kept = new List<string>(words.Length);
            var initials = new List<string>();
            foreach (var w in words)
                (w.Length == 1 ? initials : kept).Add(w);
            if (kept.Count < 2)
                continue;
            var key = string.Join(' ', kept);
            var own = string.Join(' ', initials);
            groups ??= new Dictionary<string, (int, string?, bool, List<int>)>(StringComparer.Ordinal);
            if (!groups.TryGetValue(key, out var g))
                g = (j, null, false, []);
            if (own.Length > 0)
            {
                g.Two |= g.Initials is not null && g.Initials != own;
                g.Initials ??= own;
            }
            g.Members.Add(j);
            groups[key] = g;
        }
        if (groups is null)
            return plain;
        foreach (var (key, g) in groups)
        {
            // Only names that differ by their initials: a group of one spelling is left as the other links make it.
            if (g.Two || g.Initials is null || g.Members.All(j => core[j].Length == core[g.First].Length))
                continue;
            var words = key.Split(' ');
            foreach (int j in g.Members)
            {
                plain[j] = words;
                sets.Union(g.First, j);
            }
        }
        return plain;
    }

    /// <summary>
    /// The one full name of the article that opens with the given name <c>core[i][0]</c>, or -1 (none, or two people's).
    /// A full name written once with a middle name and once without ("Hillary Rodham Clinton", "Hillary Clinton") is one person's.
    /// </summary>
    private static int OnlyGivenName(string[][] core, List<int> full, int i)
    {
        int chosen = -1;
        foreach (int j in full)
        {
            if (core[j].Length < 2 || !string.Equals(core[j][0], core[i][0], StringComparison.Ordinal))
                continue;
            if (chosen >= 0 && !core[j].AsSpan().SequenceEqual(core[chosen]) && !WithMiddleNames(core[j], core[chosen]) && !WithMiddleNames(core[chosen], core[j]))
                return -1;
            if (chosen < 0)
                chosen = j;
        }
        return chosen;
    }

    /// <summary>
    /// "Lorna Whitcombe Reyes … Lorna Reyes": a full name and the same name with middle names are one person, where the
    /// article writes only one longer form of it ("Lorna Whitcombe Reyes" and "Lorna Diaz Reyes" beside "Lorna Reyes" leave it alone).
    /// </summary>
    private static void JoinMiddleNames(string[][] core, List<int> full, DisjointSets sets)
    {
        foreach (int s in full)
        {
            int longer = -1;
            bool two = false;
            foreach (int l in full)
            {
                if (!WithMiddleNames(core[l], core[s]))
                    continue;
                two |= longer >= 0 && !core[l].AsSpan().SequenceEqual(core[longer]);
                if (longer < 0)
                    longer = l;
            }
            if (longer >= 0 && !two)
                sets.Union(s, longer);
        }
    }

    /// <summary>
    /// <paramref name="longer"/> is <paramref name="shorter"/> with middle names added: the same given name and surname, and
    /// words of three letters or more between them ("Hillary Rodham Clinton" for "Hillary Clinton"). Initials added are no proof:
    /// "George H. W. Bush" and "George W. Bush" are two men (<see cref="FullNamesWithoutInitials"/>).
    /// </summary>
    private static bool WithMiddleNames(string[] longer, string[] shorter) =>
        longer.Length > shorter.Length && shorter.Length >= 2 && longer[0] == shorter[0] && longer[^1] == shorter[^1]
        && IsSubsequence(shorter, longer) && Array.TrueForAll(longer[1..^1], w => w.Length >= 3) && Array.TrueForAll(shorter, w => w.Length >= 2);

    /// <summary>"The Revolutionary Guards", "the Guards" for the Islamic Revolutionary Guard Corps; "Tasnim" for the Tasnim news agency; "the Post" for the Washington Post (an outlet's title word alone, where one outlet of the article ends in it).</summary>
    private static void LinkShortForms(string[][] core, string[] types, string?[] country, int[] same, DisjointSets sets)
    {
        int n = core.Length;
        // Each name's words joined only when it is found to be a longer form (every name's were joined up front),
        // and whether the short name ends in a head noun asked once, not for every other name.
        var joined = new string?[n];
        // Each name's words without kind words, made once per spelling for the names of outlets and sites compared.
        var kindless = new string[]?[n];
        // The names that can be either (no country, no person, some words), in text order, and each one's type as a
        // small number: the pairs were read from every mention with the type strings compared each time.
        var names = new int[n];
        var kind = new byte[n];
        int count = 0;
        for (int i = 0; i < n; i++)
        {
            if (country[i] is not null || types[i] == Person || core[i].Length == 0)
                continue;
            names[count++] = i;
            kind[i] = types[i] switch { "ORG" => Org, "MEDIA" => Media, "FACILITY" => Facility, _ => 0 };
        }
        foreach (int i in names.AsSpan(0, count))
        {
            bool endsInHead = EntityLexicons.OrganisationHeads.Contains(core[i][^1]);
            int chosen = -1;
            string? longer = null;
            bool ambiguous = false;
            foreach (int j in names.AsSpan(0, count))
            {
                if (j == i || core[j].Length < core[i].Length)
                    continue;
                // A name ending in a head noun inside a longer one, not at its start ("the Guards", but not the
                // Senate of the "Senate Judiciary Committee"), or a name of two words
                // or more that ends a longer one the tagger ran a word into ("Fighters of Jaysh al-Nasr").
                bool shortForm = core[j].Length > core[i].Length && kind[j] is Org or Media
                    && ((endsInHead && IndexOfSequence(core[j], core[i]) > 0)
                        || (core[i].Length >= 2 && kind[i] is Org or Media && IndexOfSequence(core[j], core[i]) == core[j].Length - core[i].Length));
                // "the Post", "the Times" after the Washington Post: an outlet's title word alone is that outlet.
                shortForm |= core[i].Length == 1 && core[j].Length > 1 && kind[j] == Media && kind[i] is Org or Media
                    && IndexOfSequence(core[j], core[i]) == core[j].Length - 1 && EntityLexicons.PublisherNameEnds.EndsWith(core[i][0]);
                bool sameCore = kind[i] == kind[j] && kind[i] is Media or Facility
                    && SameCore(kindless[same[i]] ??= WithoutKindWords(core[i]), kindless[same[j]] ??= WithoutKindWords(core[j]));
                if (!shortForm && !sameCore)
                    continue;
                // "the Party" after the Democratic Party and the Republican Party is neither for certain.
                var key = joined[same[j]] ??= string.Join(' ', core[j]);
                ambiguous |= longer is not null && longer != key;
                longer ??= key;
                if (j < i || chosen < 0)
                    chosen = j;
            }
            if (chosen >= 0 && !ambiguous)
                sets.Union(i, chosen);
        }
    }

    private const byte Org = 1, Media = 2, Facility = 3;

    /// <summary>
    /// "Qasem Soleimani" and "Qassem Soleimani" in one article: one person spelled two ways. A person's
    /// names written without an Arabic article must also be spelled alike word by word
    /// (<see cref="NameKeys.SurnamesAlike"/>): Tim Kaine and Tom Kean, in one article about
    /// senators, share a skeleton and are two people. Other names keep each word's vowel runs
    /// (<see cref="NameKeys.VowelRunsAlike"/>): ABC News and BBC News are two outlets.
    /// </summary>
    private static void LinkTransliterations(string[][] words, string[][] core, string[] types, string?[] country, int[] same, DisjointSets sets)
    {
        var first = new Dictionary<string, int>(StringComparer.Ordinal);
        var keys = new string?[core.Length];
        for (int i = 0; i < core.Length; i++)
        {
            // Initials are not transliterated: "R-La" and "R-Ill" share a skeleton, not a name.
            if (country[i] is not null || core[i].Length < 2 || (types[i] != Person && Array.Exists(core[i], w => w.Length == 1)))
                continue;
            var key = keys[same[i]] ??= NameKeys.LooseKey(types[i] == Person ? "P:" : "N:", core[i]);
            if (first.TryGetValue(key, out int f))
            {
                bool arabic = words[i].Length > core[i].Length || words[f].Length > core[f].Length;
                // Two mentions of one spelling are alike.
                if (same[f] == same[i] || arabic || WordsAlike(core[f], core[i], types[i] == Person ? NameKeys.SurnamesAlike : NameKeys.VowelRunsAlike))
                    sets.Union(f, i);
            }
            else
            {
                first[key] = i;
            }
        }
    }

    /// <summary>The words joined by spaces after <paramref name="prefix"/>, made as one string.</summary>
    private static string Joined(string prefix, string[] words)
    {
        int length = prefix.Length + Math.Max(0, words.Length - 1);
        foreach (var w in words)
            length += w.Length;
        return string.Create(length, (prefix, words), static (span, state) =>
        {
            state.prefix.CopyTo(span);
            int at = state.prefix.Length;
            for (int k = 0; k < state.words.Length; k++)
            {
                if (k > 0)
                    span[at++] = ' ';
                state.words[k].CopyTo(span[at..]);
                at += state.words[k].Length;
            }
        });
    }

    private static bool WordsAlike(string[] a, string[] b, Func<string, string, bool> alike)
    {
        if (a.Length != b.Length)
            return false;
        for (int w = 0; w < a.Length; w++)
        {
            if (!alike(a[w], b[w]))
                return false;
        }
        return true;
    }

    /// <summary>Two names' words without their kind words (<see cref="WithoutKindWords"/>) are the same and not none.</summary>
    private static bool SameCore(string[] a, string[] b) => a.Length > 0 && a.AsSpan().SequenceEqual(b);

    /// <summary>The words of a name without those that say what kind of outlet or site it is ("news", "agency", "base"): "Tasnim news agency" is Tasnim.</summary>
    internal static string[] WithoutKindWords(string[] words) => Array.FindAll(words, w => !EntityLexicons.KindWords.Contains(w));

    private static bool IsSubsequence(string[] shorter, string[] longer)
    {
        int j = 0;
        foreach (var w in longer)
        {
            if (j < shorter.Length && shorter[j] == w)
                j++;
        }
        return j == shorter.Length;
    }

    private static int IndexOfSequence(string[] longer, string[] shorter)
    {
        for (int s = 0; s + shorter.Length <= longer.Length; s++)
        {
            bool all = true;
            for (int k = 0; k < shorter.Length && all; k++)
                all = longer[s + k] == shorter[k] || Singular(longer[s + k]).SequenceEqual(Singular(shorter[k]));
            if (all)
                return s;
        }
        return -1;
    }

    private static ReadOnlySpan<char> Singular(string w) => w.Length > 3 && w.EndsWith('s') ? w.AsSpan(0, w.Length - 1) : w.AsSpan();

    private static ReadOnlySpan<char> WithoutPossessive(ReadOnlySpan<char> s) =>
        s.EndsWith("'s", StringComparison.Ordinal) || s.EndsWith("’s", StringComparison.Ordinal) ? s[..^2] : s;
}

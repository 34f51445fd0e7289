namespace Sitrep.Entities.Resolution;

/// <summary>
/// The keys a document's entity is filed and looked up under. Strong keys say "same name": the
/// country code, the exact spelling of a name of two words or more, a one-word name with its type.
/// Loose keys (transliteration skeletons) and surnames only propose candidates for
/// <see cref="EntityResolver"/> to check.
/// </summary>
public sealed record ResolutionKeys(IReadOnlyList<string> Strong, IReadOnlyList<string> Bridging, IReadOnlyList<string> Loose, IReadOnlyList<string> Surnames, IReadOnlyList<string> LooseSurnames, IReadOnlyList<string> LookupOnly)
{
    /// <summary>Strong keys as specific as a full name: full names, countries, and acronyms the entity's own full name spells out (IRGC).</summary>
    public IReadOnlyList<string> Specific { get; init; } = [];

    /// <summary>
    /// A person's middle names as the store files them: "mx:john kennedy" (a middle is known) and
    /// "mx:john kennedy:n" (which). Never looked up for a vote; they tell <see cref="EntityResolver"/>
    /// that a "John Kennedy" filed with the middle N is not John F. Kennedy.
    /// </summary>
    public IReadOnlyList<string> Middles { get; init; } = [];

    /// <summary>
    /// Full-name keys of the article's short forms of a longer name it also gives the thing ("Supreme
    /// Court" beside "Wisconsin Supreme Court"): they only propose, like a one-word name, and the thing
    /// is neither filed nor merged under them. A longer name that adds a qualifier to a short one is
    /// another body unless the store already knows the longer name as that thing.
    /// </summary>
    public IReadOnlyList<string> ShortForms { get; init; } = [];

    /// <summary>
    /// "ae:" keys of the acronyms the entity's own full names spell out here ("ae:afp" beside "Agence
    /// France-Presse"), and one for each content word of the name spelled out ("ae:afp:agence"): filed,
    /// never looked up for a vote. <see cref="EntityResolver"/> files "ae2:afp" once a second article
    /// spells it out with a word of the first. They tell <see cref="EntityResolver"/> that an
    /// acronym the store knows the meaning of is another thing in an article that spells it otherwise.
    /// </summary>
    public IReadOnlyList<string> Explained { get; init; } = [];

    public IEnumerable<string> All => Strong.Concat(Loose).Concat(Surnames).Concat(LooseSurnames);

    /// <summary>
    /// The keys the entity is filed under. A thing with a full name is not filed under the one-word
    /// names it also went by ("the Senate" for the Senate Judiciary Committee), except its own acronym:
    /// otherwise every committee would answer to "Senate".
    /// </summary>
    public IEnumerable<string> Filed
    {
        get
        {
            // Made as a list in one pass (every spelling's facts copy it; the chain of iterators cost more than the keys).
            bool fullName = AnyStartsWith(Strong, "x:");
            var filed = new List<string>(Strong.Count + Loose.Count + Surnames.Count + LooseSurnames.Count + Middles.Count + Explained.Count);
            AddFiled(filed, Strong, fullName);
            AddFiled(filed, Loose, fullName);
            AddFiled(filed, Surnames, fullName);
            AddFiled(filed, LooseSurnames, fullName);
            filed.AddRange(Middles);
            filed.AddRange(Explained);
            return filed;
        }
    }

    /// <summary>The keys of <paramref name="keys"/> that are filed, in order (<see cref="Filed"/>).</summary>
    private void AddFiled(List<string> filed, IReadOnlyList<string> keys, bool fullName)
    {
        foreach (var k in keys)
        {
            if ((!fullName || !(k.StartsWith("x1:", StringComparison.Ordinal) || k.StartsWith("l1:", StringComparison.Ordinal)) || Specific.Contains(k)) && !ShortForms.Contains(k))
                filed.Add(k);
        }
    }

    /// <summary>Whether one of <paramref name="keys"/> opens with <paramref name="prefix"/> (ordinal): "x:" marks a full name's strong key, "l:" a loose one's.</summary>
    internal static bool AnyStartsWith(IReadOnlyList<string> keys, string prefix)
    {
        foreach (var k in keys)
        {
            if (k.StartsWith(prefix, StringComparison.Ordinal))
                return true;
        }
        return false;
    }

    public bool HasFullName => Strong.Count > 0 || Loose.Count > 0;

    /// <summary>
    /// The keys that say which thing this is, for a user's block: its full names (and country) when it
    /// has any, else every key. A one-word name or surname the user split off an entity ("Marwick" is
    /// someone else) does not take with it the articles that name the entity in full ("Lena Marwick …
    /// Marwick"), now or after re-analysis.
    /// </summary>
    public IEnumerable<string> Identifying
    {
        get
        {
            var full = Strong.Where(k => k.StartsWith("x:", StringComparison.Ordinal) || k.StartsWith("c:", StringComparison.Ordinal)).ToList();
            return full.Count > 0 ? full : All;
        }
    }

    /// <param name="countries">Tells nationality words, so "Iraqi Popular Mobilization Forces" also looks for the "Popular Mobilization Forces".</param>
    public static ResolutionKeys For(DocumentEntity entity, CountryTable countries) => For(entity, countries, Actors.ActorTable.Default);

    /// <param name="actors">Alias groups of the actor dictionaries that an acronym or a transliteration supports: "ISIS" and "the Islamic State" share a key.</param>
    public static ResolutionKeys For(DocumentEntity entity, CountryTable countries, Actors.ActorTable actors)
    {
        ArgumentNullException.ThrowIfNull(entity);
        ArgumentNullException.ThrowIfNull(countries);
        ArgumentNullException.ThrowIfNull(actors);
        return For(entity, countries, actors, WordsOfNames(entity));
    }

    /// <summary>The <see cref="NameKeys.Words"/> of the entity's name, then of each alias in order.</summary>
    internal static string[][] WordsOfNames(DocumentEntity entity)
    {
        var words = new string[entity.Aliases.Count + 1][];
        words[0] = NameKeys.Words(entity.Name);
        for (int i = 0; i < entity.Aliases.Count; i++)
            words[i + 1] = NameKeys.Words(entity.Aliases[i]);
        return words;
    }

    /// <summary>The entity's name, then each alias in order.</summary>
    private static string NameAt(DocumentEntity entity, int k) => k == 0 ? entity.Name : entity.Aliases[k - 1];

    /// <summary>Whether the one word <paramref name="word"/> opens another, longer name of the person and is not its surname.</summary>
    private static bool IsGivenNameOf(string word, DocumentEntity entity, string[][] nameWords, int self)
    {
        for (int k = 0; k < nameWords.Length; k++)
        {
            if (k == self)
                continue;
            var core = NameKeys.PersonCore(NameAt(entity, k), nameWords[k]);
            if (core.Length >= 2 && core[0] == word && core[^1] != word)
                return true;
        }
        return false;
    }

    /// <param name="nameWords">The words of each name (<see cref="WordsOfNames"/>): each name's words were made up to five times.</param>
    internal static ResolutionKeys For(DocumentEntity entity, CountryTable countries, Actors.ActorTable actors, string[][] nameWords)
    {
        var lookupOnly = new List<string>();
        var strong = new List<string>();
        var bridging = new List<string>();
        var loose = new List<string>();
        var surnames = new List<string>();
        var looseSurnames = new List<string>();
        if (entity.Country is { } code)
        {
            strong.Add("c:" + code);
            return new ResolutionKeys(strong, strong, [], [], [], []) { Specific = strong };
        }
        bool person = entity.Type == "PERSON";
        var shortForms = person ? [] : ShortFormKeys(nameWords, countries);
        if (entity.Type is "MEDIA" or "FACILITY")
            AddKindShortForms(shortForms, nameWords, entity.Type == "MEDIA" ? "m:" : "f:");
        for (int k = 0; k < nameWords.Length; k++)
        {
            var alias = NameAt(entity, k);
            var words = nameWords[k];
            var core = person ? NameKeys.PersonCore(alias, words) : NameKeys.WithoutArticles(words);
            if (core.Length == 0)
                continue;
            // An outlet's or base's kind noun is not part of its name for the loose key either: "Ain al-Asad base" is Ein al-Asad.
            var skeletons = NameKeys.LooseWords(entity.Type is "MEDIA" or "FACILITY" && DocumentCoreference.WithoutKindWords(core) is { Length: > 0 } named ? named : core).ToArray();
            if (entity.Type is "MEDIA" or "FACILITY" && DocumentCoreference.WithoutKindWords(core) is { Length: > 0 } kind && kind.Length < core.Length)
                Add(strong, (entity.Type == "MEDIA" ? "m:" : "f:") + string.Join(' ', kind));
            else if (entity.Type is "MEDIA" or "FACILITY")
                Add(strong, (entity.Type == "MEDIA" ? "m:" : "f:") + string.Join(' ', core));
            // A party tag read as a person ("R-Utah") has no surname: "Utah" alone is not it.
            if (person && DocumentCoreference.IsPartyTag(alias))
                continue;
            // "Steve", an interview's given name for Steve Inskeep, is no surname: filing it as one would give
            // him every Steve of later articles.
            if (person && core.Length == 1 && IsGivenNameOf(core[0], entity, nameWords, k))
                continue;
            if (person)
            {
                Add(surnames, "s:" + core[^1]);
                if (skeletons.Length > 0 && skeletons[^1].Length >= 2)
                    Add(looseSurnames, "ls:" + skeletons[^1]);
                if (core.Length >= 2)
                {
                    Add(strong, "x:" + string.Join(' ', core));
                    Add(bridging, "x:" + string.Join(' ', core));
                    // A given name with the surname: "Hillary Rodham Clinton" is also filed as "Hillary
                    // Clinton" and "Rodham Clinton", "Mohammad Javad Zarif" as "Javad Zarif"; "Abu" and
                    // "bin" are not given names ("Abu Bakr al-Baghdadi" is not "Abu al-Baghdadi").
                    if (core.Length >= 3)
                    {
                        foreach (var given in core[..^1].Where(w => w.Length > 1 && !NotGivenNames.Contains(w)))
                            Add(strong, "x:" + given + " " + core[^1]);
                    }
                    if (skeletons.Length >= 2)
                        Add(loose, "l:" + string.Join(' ', skeletons));
                }
            }
            else if (core.Length >= 2)
            {
                // Only looked up, never filed: the Iraqi and the Iranian Red Crescent both contain a "Red Crescent".
                // Not when the next word names a country too: the "Iran-Iraq War" is not the Iraq War (a
                // two-letter word is rather a particle, "de" of "Mr. de Blasio", than a country's code).
                if (core.Length >= 3 && countries.IsNationality(core[0]) && !(core[1].Length > 2 && countries.IsNationality(core[1])))
                    Add(lookupOnly, "x:" + string.Join(' ', core[1..]));
                Add(strong, "x:" + string.Join(' ', core));
                Add(bridging, "x:" + string.Join(' ', core));
                // An acronym is not transliterated: ABC News and BBC News share a skeleton, not a name.
                // Nor are initials: "R-La" and "R-Ill", "D-Mass" and "D-Miss" share a skeleton, not a name.
                // Nor is a short form of the thing's longer name: its skeleton would find the short name's owner.
                if (skeletons.Length >= 2 && !HasAcronym(alias) && Array.TrueForAll(core, w => w.Length > 1) && !shortForms.Contains("x:" + string.Join(' ', core)))
                    Add(loose, "l:" + string.Join(' ', skeletons));
            }
            else
            {
                // A one-word name never joins two entities: "SENATE" shouted is as ambiguous as "Senate".
                Add(strong, "x1:" + Class(entity.Type) + ":" + core[0] + (IsWordAbbreviation(alias) ? "~" : ""));
                // A one-word skeleton is loose enough to meet strangers ("House", "Hus"): four consonants, or
                // a transliterated Arabic name with its article ("al-Qaeda", k-d), where spellings do vary.
                bool arabic = words.Length > core.Length;
                if (skeletons.Length == 1 && skeletons[0].Length >= (arabic ? 2 : 4))
                    Add(loose, "l1:" + Class(entity.Type) + ":" + skeletons[0]);
            }
        }
        if (!person && entity.Type is not ("GPE" or "LOC" or "FACILITY"))
        {
            foreach (var words in nameWords)
            {
                if (DocumentCoreference.ActorGroup(words, countries, actors) is { } group)
                    Add(strong, "a:" + group);
            }
        }
        var middles = new List<string>();
        if (person)
        {
            for (int k = 0; k < nameWords.Length; k++)
            {
                var core = NameKeys.PersonCore(NameAt(entity, k), nameWords[k]);
                if (NameKeys.MiddleInitials(core) is { Length: > 0 } initials)
                {
                    Add(middles, MiddleKey(core));
                    Add(middles, MiddleKey(core) + ":" + initials);
                }
            }
        }
        var specific = strong.Concat(lookupOnly).Where(k => !k.StartsWith("x1:", StringComparison.Ordinal) && !shortForms.Contains(k)).ToList();
        bridging.RemoveAll(shortForms.Contains);
        var fullNames = new List<(string Name, string[] Words, HashSet<string>? Initials)>();
        for (int k = 1; k < nameWords.Length; k++)
        {
            if (nameWords[k].Length >= 2)
                fullNames.Add((NameAt(entity, k), nameWords[k], NameKeys.InitialsIn(NameAt(entity, k))));
        }
        var explained = new List<string>();
        for (int k = 1; k < nameWords.Length; k++)
        {
            var alias = NameAt(entity, k);
            if (alias.Contains(' ', StringComparison.Ordinal))
                continue;
            var key = "x1:" + Class(entity.Type) + ":" + string.Concat(nameWords[k]);
            foreach (var full in fullNames.Where(f => NameKeys.Abbreviates(alias, f.Words, null, f.Initials)))
            {
                Add(specific, key);
                Add(explained, ExplainedKey(key));
                // The words it was spelled out with: another article's spelling of the same name shares most of them.
                foreach (var word in NameKeys.ContentWords(full.Name))
                    Add(explained, ExplainedKey(key) + ":" + word);
            }
        }
        return new ResolutionKeys(strong, bridging, loose, surnames, looseSurnames, lookupOnly) { Specific = specific, Middles = middles, ShortForms = shortForms, Explained = explained };
    }

    /// <summary>
    /// The "x:" keys of names of two words or more that sit whole inside a longer name of the same
    /// entity ("Supreme Court" in "Wisconsin Supreme Court", "Judiciary Committee" in "House Judiciary
    /// Committee"), unless what the longer name adds is only a country's name or code ("U.S. Supreme
    /// Court" is the Supreme Court the news means by default). The article's own shorthand, not a name
    /// the thing is known by elsewhere.
    /// </summary>
    private static List<string> ShortFormKeys(string[][] nameWords, CountryTable countries)
    {
        var result = new List<string>();
        var cores = new List<string[]>(nameWords.Length);
        foreach (var words in nameWords)
        {
            if (NameKeys.WithoutArticles(words) is { Length: >= 2 } core)
                cores.Add(core);
        }
        foreach (var shorter in cores)
        {
            foreach (var longer in cores)
            {
                if (longer.Length <= shorter.Length || IndexOf(longer, shorter, plural: !longer.Any(w => w is "and" or "&")) is not (var at and >= 0))
                    continue;
                var added = longer[..at].Concat(longer[(at + shorter.Length)..]).ToArray();
                if (countries.CountryOf(string.Join(' ', added)) is not null)
                    continue;
                Add(result, "x:" + string.Join(' ', shorter));
                break;
            }
        }
        return result;
    }

    /// <summary>
    /// The "m:" (outlet) or "f:" (site) keys of one-word names (kind words aside) that are a word of a longer
    /// name of the same entity: "the Times" beside the "Washington Times", "the Post" beside the "Jerusalem Post".
    /// The article's shorthand is the head word that many outlets share, not a name of this one: filed and weighed
    /// as a full name, it made every later "X Times" that an article also called "the Times" the first Times the
    /// store knew (the Washington and Tampa Bay Times under the New York Times). It only proposes, like a one-word name.
    /// </summary>
    private static void AddKindShortForms(List<string> shortForms, string[][] nameWords, string prefix)
    {
        var kindless = new List<string[]>(nameWords.Length);
        foreach (var words in nameWords)
        {
            if (NameKeys.WithoutArticles(words) is { Length: > 0 } core && DocumentCoreference.WithoutKindWords(core) is { Length: > 0 } named)
                kindless.Add(named);
        }
        foreach (var shorter in kindless)
        {
            foreach (var longer in kindless)
            {
                // One word only: a longer name inside a still longer one ("Washington Post" in the tagger's
                // "Editorial Board, Washington Post") is a name of its own.
                if (shorter.Length == 1 && longer.Length > 1 && IndexOf(longer, shorter, plural: false) >= 0)
                {
                    Add(shortForms, prefix + string.Join(' ', shorter));
                    break;
                }
            }
        }
    }

    /// <param name="plural">Whether a word may stand for its plural: not in "Education and Justice Departments", which names two.</param>
    private static int IndexOf(string[] longer, string[] shorter, bool plural)
    {
        for (int s = 0; s + shorter.Length <= longer.Length; s++)
        {
            bool same = true;
            for (int w = 0; w < shorter.Length && same; w++)
                same = plural ? SameWord(longer[s + w], shorter[w]) : longer[s + w] == shorter[w];
            if (same)
                return s;
        }
        return -1;
    }

    /// <summary>The "ae:" key of an acronym's "x1:" key: the acronym alone, whatever the type class ("x1:O:afp" → "ae:afp").</summary>
    internal static string ExplainedKey(string acronymKey) => "ae:" + acronymKey[(acronymKey.IndexOf(':', 3) + 1)..];

    /// <summary>One word, or it and its plural: "National Guard" is the short form of the "Bolivarian National Guards".</summary>
    private static bool SameWord(string a, string b) =>
        a == b || (a.Length == b.Length + 1 && a[^1] == 's' && a.StartsWith(b, StringComparison.Ordinal))
        || (b.Length == a.Length + 1 && b[^1] == 's' && b.StartsWith(a, StringComparison.Ordinal));

    /// <summary>The key under which a person's middle names are filed: their first name and surname.</summary>
    internal static string MiddleKey(IReadOnlyList<string> core) => "mx:" + core[0] + " " + core[^1];

    /// <summary>
    /// A two-letter name written as an abbreviated word ("Va.", "Md.", "La.": a state in the news's
    /// own style), not as initials ("V.A.", "M.D.", "LA"): the two are other things, so they are filed
    /// apart even though they spell the same letters.
    /// </summary>
    internal static bool IsWordAbbreviation(string alias)
    {
        int letters = 0, lower = 0;
        foreach (char c in alias)
        {
            if (char.IsLetter(c))
                letters++;
            if (char.IsLower(c))
                lower++;
        }
        return letters == 2 && char.IsUpper(alias.TrimStart()[0]) && lower == letters - 1;
    }

    /// <summary>Whether a name has a word written in capitals ("ABC News", "BBC Radio").</summary>
    private static bool HasAcronym(string name)
    {
        foreach (var word in name.Split([' ', '-', '/'], StringSplitOptions.RemoveEmptyEntries))
        {
            if (word.Count(char.IsLetter) >= 2 && !word.Any(char.IsLower))
                return true;
        }
        return false;
    }

    private static readonly HashSet<string> NotGivenNames = new(StringComparer.Ordinal) { "abu", "bin", "ibn", "bint", "umm", "abd", "abdul", "van", "von", "de", "da", "del", "la", "le" };

    /// <summary>Types that are often confused for one another share a class: a name typed ORG in one article and MEDIA in another is still one.</summary>
    public static string Class(string type) => type switch
    {
        "ORG" or "MEDIA" => "O",
        "GPE" or "LOC" or "FACILITY" => "L",
        "PERSON" => "P",
        _ => "M",
    };

    private static void Add(List<string> list, string key)
    {
        // The list's own test (ordinal for strings): the query with a comparer enumerated it through an allocated enumerator.
        if (!list.Contains(key))
            list.Add(key);
    }
}

namespace Sitrep.Entities.Resolution;

/// <summary>
/// What <see cref="EntityResolver"/> needs of a document entity that depends only on its spelling (name,
/// type, country and aliases) and the tables: its keys and the words and tests its rules ask of those
/// names again and again (each candidate a look-up brings asks them anew). Made once per spelling, on
/// the analysing threads when they get there first (<see cref="SpellingFactsCache"/>), so the one thread
/// that stores and resolves only looks them up. Never changed once made.
/// </summary>
internal sealed class SpellingFacts
{
    public SpellingFacts(DocumentEntity entity, CountryTable countries, Actors.ActorTable actors)
    {
        // Loops rather than chains of iterators, and each name's words made once: made for every spelling not met
        // lately (most of a document's).
        var nameWords = ResolutionKeys.WordsOfNames(entity);
        Keys = ResolutionKeys.For(entity, countries, actors, nameWords);
        Filed = [.. Keys.Filed];
        Identifying = [.. Keys.Identifying];
        var looked = new string[Keys.Strong.Count + Keys.LookupOnly.Count];
        for (int i = 0; i < Keys.Strong.Count; i++)
            looked[i] = Keys.Strong[i];
        for (int i = 0; i < Keys.LookupOnly.Count; i++)
            looked[Keys.Strong.Count + i] = Keys.LookupOnly[i];
        Looked = looked;
        StrongFullName = ResolutionKeys.AnyStartsWith(Keys.Strong, "x:");
        HasFullName = StrongFullName || ResolutionKeys.AnyStartsWith(Keys.Loose, "l:");
        NameWords = NameKeys.WithoutArticles(nameWords[0]);
        bool arabic = NameKeys.HasArabicArticle(entity.Name, nameWords[0]);
        for (int i = 0; i < entity.Aliases.Count && !arabic; i++)
            arabic = NameKeys.HasArabicArticle(entity.Aliases[i], nameWords[i + 1]);
        ArabicArticle = arabic;
        OwnFullName = HasOwnFullName(entity, nameWords, countries);
        if (entity.Type == "PERSON")
        {
            var cores = new string[entity.Aliases.Count + 1][];
            cores[0] = NameKeys.PersonCore(entity.Name, nameWords[0]);
            for (int i = 0; i < entity.Aliases.Count; i++)
                cores[i + 1] = NameKeys.PersonCore(entity.Aliases[i], nameWords[i + 1]);
            PersonCores = cores;
            PersonExact = new HashSet<string>(cores.Length, StringComparer.Ordinal);
            foreach (var core in cores)
                PersonExact.Add("x:" + string.Join(' ', core));
        }
    }

    public ResolutionKeys Keys { get; }

    /// <summary><see cref="ResolutionKeys.Filed"/>, in its order.</summary>
    public string[] Filed { get; }

    /// <summary><see cref="ResolutionKeys.Identifying"/>, in its order.</summary>
    public string[] Identifying { get; }

    /// <summary>The keys looked up for a vote: the strong ones, then those only looked up.</summary>
    public string[] Looked { get; }

    /// <summary>Whether a strong key is a full name ("x:").</summary>
    public bool StrongFullName { get; }

    /// <summary>A name of two words or more (an exact or a transliteration key of one).</summary>
    public bool HasFullName { get; }

    /// <summary>The words of the entity's name without Arabic articles.</summary>
    public string[] NameWords { get; }

    /// <summary>Whether one of its names has an Arabic article ("al-Zurufi").</summary>
    public bool ArabicArticle { get; }

    /// <summary>
    /// Whether a thing other than a person has a name of two words or more that is not just a country's
    /// name or nationality word before a one-word name ("U.S. Congress", "Iraqi Parliament").
    /// </summary>
    public bool OwnFullName { get; }

    /// <summary>A person's names as <see cref="NameKeys.PersonCore"/> cuts them, the name first, then the aliases; empty for other types.</summary>
    public string[][] PersonCores { get; } = [];

    /// <summary>The full-name keys of what a person's article calls them, as written (not the given name with the surname derived from them); null for other types.</summary>
    public HashSet<string>? PersonExact { get; }

    private static bool HasOwnFullName(DocumentEntity entity, string[][] nameWords, CountryTable countries)
    {
        if (entity.Type == "PERSON")
            return false;
        foreach (var words in nameWords)
        {
            var core = NameKeys.WithoutArticles(words);
            if (core.Length >= 3 || (core.Length == 2 && !countries.IsNationality(core[0])))
                return true;
        }
        return false;
    }
}

/// <summary>
/// <see cref="SpellingFacts"/> by spelling, shared by the analysing threads (which make them right after
/// coreference, <see cref="Prepare"/>) and the resolver on the storing thread (which makes what it does
/// not find). Two generations of at most <see cref="MaxSpellings"/> spellings each: the spellings that
/// recur (the same people and bodies named the same way in thousands of articles) stay, and what the
/// analysing threads made for the batches still to be stored is not thrown away by a clear. One cache
/// per pair of tables (a test may give the resolver its own country table).
/// </summary>
internal sealed class SpellingFactsCache
{
    /// <summary>Spellings per generation: about 2 KB each, so the two cost at most about 40 MB.</summary>
    internal const int MaxSpellings = 10_000;

    private readonly Lock _lock = new();
    private Dictionary<DocumentEntity, SpellingFacts> _current = new(SpellingComparer.Instance);
    private Dictionary<DocumentEntity, SpellingFacts> _previous = new(SpellingComparer.Instance);
    private int _made;

    /// <summary>How many spellings' facts this cache has made (ahead or on demand): lets tests tell facts found from facts made again.</summary>
    internal int Made => Volatile.Read(ref _made);

    private SpellingFactsCache(CountryTable countries, Actors.ActorTable actors)
    {
        Countries = countries;
        Actors = actors;
    }

    public CountryTable Countries { get; }

    public Actors.ActorTable Actors { get; }

    private static readonly Lock Shared = new();
    private static readonly List<SpellingFactsCache> Caches = [];

    /// <summary>The cache for these tables (the same instance for the same two tables).</summary>
    public static SpellingFactsCache For(CountryTable countries, Actors.ActorTable actors)
    {
        lock (Shared)
        {
            foreach (var cache in Caches)
            {
                if (ReferenceEquals(cache.Countries, countries) && ReferenceEquals(cache.Actors, actors))
                    return cache;
            }
            // Tests build tables of their own: keep only the latest few pairs.
            if (Caches.Count >= 4)
                Caches.RemoveAt(0);
            var made = new SpellingFactsCache(countries, actors);
            Caches.Add(made);
            return made;
        }
    }

    /// <summary>The facts of the entity's spelling, made now if no thread has made them yet.</summary>
    public SpellingFacts Of(DocumentEntity entity)
    {
        lock (_lock)
        {
            if (_current.TryGetValue(entity, out var facts))
                return facts;
            if (_previous.TryGetValue(entity, out facts))
            {
                Add(entity, facts);
                return facts;
            }
        }
        // Made outside the lock (the analysing threads make many at once); two threads may make the same
        // spelling's facts, which are equal, and either is kept.
        var made = new SpellingFacts(entity, Countries, Actors);
        Interlocked.Increment(ref _made);
        lock (_lock)
        {
            if (_current.TryGetValue(entity, out var facts))
                return facts;
            Add(entity, made);
        }
        return made;
    }

    /// <summary>Makes the facts of a document's entities ahead of resolution (on an analysing thread).</summary>
    public void Prepare(IReadOnlyList<DocumentEntity> entities)
    {
        foreach (var entity in entities)
            Of(entity);
    }

    private void Add(DocumentEntity entity, SpellingFacts facts)
    {
        if (_current.Count >= MaxSpellings)
        {
            _previous = _current;
            _current = new Dictionary<DocumentEntity, SpellingFacts>(SpellingComparer.Instance);
        }
        _current[entity] = facts;
    }

    /// <summary>Two document entities are spelled alike when their name, type, country and aliases are the same (ordinal): all that their keys depend on.</summary>
    private sealed class SpellingComparer : IEqualityComparer<DocumentEntity>
    {
        public static readonly SpellingComparer Instance = new();

        public bool Equals(DocumentEntity? x, DocumentEntity? y)
        {
            if (ReferenceEquals(x, y))
                return true;
            if (x is null || y is null || !string.Equals(x.Name, y.Name, StringComparison.Ordinal) || !string.Equals(x.Type, y.Type, StringComparison.Ordinal)
                || !string.Equals(x.Country, y.Country, StringComparison.Ordinal) || x.Aliases.Count != y.Aliases.Count)
                return false;
            for (int i = 0; i < x.Aliases.Count; i++)
            {
                if (!string.Equals(x.Aliases[i], y.Aliases[i], StringComparison.Ordinal))
                    return false;
            }
            return true;
        }

        public int GetHashCode(DocumentEntity obj)
        {
            var hash = new HashCode();
            hash.Add(obj.Name, StringComparer.Ordinal);
            hash.Add(obj.Type, StringComparer.Ordinal);
            hash.Add(obj.Country, StringComparer.Ordinal);
            foreach (var alias in obj.Aliases)
                hash.Add(alias, StringComparer.Ordinal);
            return hash.ToHashCode();
        }
    }
}

namespace Sitrep.Entities.Resolution;

/// <summary>
/// The cross-document stage: files each stored document's entities under one entity per real-world
/// referent, incrementally, by key look-ups in the store (never by comparing with every entity).
/// <list type="bullet">
/// <item>A strong key (country, exact full name, a given name with the surname, one-word name of the
/// same type) links at once, full names weighing more than one-word names; a thing with a full name
/// nobody knows is new even if a one-word name it goes by is known. A document entity whose full
/// names point at two stored entities shows they are one, and they merge.</item>
/// <item>A loose key (the transliteration skeleton of a full name, or of a one-word name of four
/// consonants or with an Arabic article) links: a full name is specific enough that its skeleton is too.</item>
/// <item>A surname alone goes to the person with that surname whose company in other articles is most
/// like this one's; a surname matched only loosely (Zurfi, Zarif) needs that company to agree.</item>
/// </list>
/// Ids are the store's and never change when unrelated articles arrive.
/// </summary>
public sealed class EntityResolver : Pipeline.ICrossDocumentStage
{
    private const int MaxBridgingNames = 3;

    /// <summary>
    /// A run's cache of key look-ups holds at most this many keys; then it starts afresh. Since merges no longer
    /// empty it, it reaches this bound: at 400,000 keys the whole corpus peaked at 1,031,400-1,033,692 KiB (over the
    /// 1 GB the CLI is held to), at 100,000 at 952,928-955,652 KiB (docs/speed-notes.md, 2026-12-06).
    /// </summary>
    private const int MaxCachedKeys = 100_000;

    /// <summary>
    /// Key look-ups, kept across the documents of a run: famous names are asked for in thousands of
    /// articles. Only this resolver writes keys while it runs, and it updates the cache with every key
    /// it files; a merge moves the absorbed entity's keys to the kept one (<see cref="MergeInto"/>), a rolled-back
    /// document clears it.
    /// </summary>
    private readonly Dictionary<string, IReadOnlyList<long>> _lookups = new(StringComparer.Ordinal);

    /// <summary>
    /// The company each candidate keeps (entity, documents of its sample naming it) and the number of
    /// documents sampled, asked once per run: it changes slowly, and popular surnames are asked for again and again.
    /// </summary>
    private readonly Dictionary<long, Company> _context = [];

    /// <summary>
    /// A candidate's company (<see cref="IEntityIndex.Context"/>): each entity's place in the order the index gave them and
    /// its count there, and the number of documents sampled. The article's company (a few dozen entities) is looked up in
    /// it, where every entity of the candidate's fifty documents (often a thousand) was looked up in the article's; the
    /// places put what matched back in the index's order, so the sums are made in the same order as before.
    /// </summary>
    private sealed record Company(Dictionary<long, int> Places, long[] Entities, int[] Counts, int Sampled);

    /// <summary>How many of a candidate's documents its company is read from.</summary>
    private const int ContextDocuments = 50;

    /// <summary>Entities merged while the current document was resolved: an earlier entity of the document may have been linked to the one absorbed.</summary>
    private readonly Dictionary<long, long> _absorbedInto = [];

    /// <summary>Entity types, read once per run: the company check asks for many. Votes retype entities, so the cache lives for one run only.</summary>
    private readonly Dictionary<long, string> _types = [];

    /// <summary>
    /// Keys and name tests made per spelling of an entity (<see cref="SpellingFacts"/>), shared with the
    /// analysing threads, which make them for each document right after coreference.
    /// </summary>
    private readonly SpellingFactsCache _spellings;

    private readonly IEntityIndex _index;
    private readonly CountryTable _countries;
    private readonly Actors.ActorTable _actors;

    public EntityResolver(IEntityIndex index)
        : this(index, CountryTable.Default)
    {
    }

    public EntityResolver(IEntityIndex index, CountryTable countries)
        : this(index, countries, Actors.ActorTable.Default)
    {
    }

    public EntityResolver(IEntityIndex index, CountryTable countries, Actors.ActorTable actors)
    {
        _index = index ?? throw new ArgumentNullException(nameof(index));
        _countries = countries ?? throw new ArgumentNullException(nameof(countries));
        _actors = actors ?? throw new ArgumentNullException(nameof(actors));
        _spellings = SpellingFactsCache.For(_countries, _actors);
    }

    public string Name => "entity-resolution";

    public IReadOnlyList<string> DependsOn => [];

    /// <summary>
    /// Resolves the documents stored, updated or reanalysed since the last run, and forgets the links
    /// of deleted ones, 256 changes per transaction (the cursor moves with them). A document whose
    /// resolution fails keeps none of it, is reported, and is tried again when it changes.
    /// </summary>
    public IReadOnlyList<Ingest.InputFailure> Update(Pipeline.IChangeCursor changes, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(changes);
        var failures = new List<Ingest.InputFailure>();
        // Company and types are read afresh each run: other runs may have changed them.
        _context.Clear();
        _types.Clear();
        while (true)
        {
            cancellation.ThrowIfCancellationRequested();
            var batch = changes.Next(256);
            if (batch.Count == 0)
                return failures;
            changes.Commit(batch[^1].Position, () =>
            {
                foreach (var change in Pipeline.ChangeBatch.LatestPerDocument(batch))
                {
                    if (!change.Touches(EntityLayers.DocumentEntities.Name))
                        continue;
                    try
                    {
                        _index.AllOrNothing(() =>
                        {
                            var entities = change.Kind == Pipeline.ChangeKind.Deleted ? null : _index.DocumentEntities(change.DocumentId);
                            if (entities is null)
                                Forget(_index.Unlink(change.DocumentId));
                            else
                                Resolve(new PendingDocument(change.DocumentId, entities));
                        });
                    }
#pragma warning disable CA1031 // One document's failure must not stop the others; it is reported with its reason.
                    catch (Exception e)
#pragma warning restore CA1031
                    {
                        failures.Add(new Ingest.InputFailure(change.DocumentId, $"entity resolution failed: {e.GetType().Name}: {e.Message}"));
                        // Its writes were rolled back: what was cached of them may describe entities that
                        // never existed (SQLite can hand the same row id out again).
                        _types.Clear();
                        _context.Clear();
                        _lookups.Clear();
                    }
                }
            });
        }
    }

    /// <summary>The run's writes were rolled back as a whole: the key look-ups kept across runs may name entities that no longer exist.</summary>
    public void RolledBack()
    {
        _lookups.Clear();
        _types.Clear();
        _context.Clear();
        _absorbedInto.Clear();
    }

    public void Resolve(PendingDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (_lookups.Count > MaxCachedKeys)
            _lookups.Clear();
        _absorbedInto.Clear();
        Forget(_index.Unlink(document.Id));
        var entities = document.Entities;
        var keys = new SpellingFacts[entities.Count];
        for (int i = 0; i < entities.Count; i++)
            keys[i] = _spellings.Of(entities[i]);
        var resolved = new long[entities.Count];

        // First what names itself unambiguously; those then are the company the rest are judged by.
        for (int i = 0; i < entities.Count; i++)
        {
            resolved[i] = ResolveAsKnownPerson(entities[i], keys[i]);
            if (resolved[i] == 0)
                resolved[i] = ResolveByName(entities[i], keys[i]);
        }
        for (int i = 0; i < entities.Count; i++)
        {
            while (_absorbedInto.TryGetValue(resolved[i], out var kept))
                resolved[i] = kept;
        }
        var company = new HashSet<long>(resolved.Where(id => id > 0));
        var givenNames = GivenNamesAlone(entities, keys);
        for (int i = 0; i < entities.Count; i++)
        {
            if (resolved[i] == 0)
                resolved[i] = ResolveBySurname(entities[i], keys[i], company, givenNames);
            if (resolved[i] == 0)
                resolved[i] = ResolveAsKnownPlace(entities[i], keys[i]);
            if (resolved[i] == 0)
                resolved[i] = ResolveAsDemonymOfKnownPlace(entities[i], keys[i]);
            if (resolved[i] == 0)
                resolved[i] = _index.Create(entities[i].Name, entities[i].Type);
            // Only the keys not filed under it already: most are, once an entity is known.
            long id = resolved[i];
            // A full name already filed under another entity is not filed under this one too: the next
            // article naming it would bridge the two ("Bill/Hillary Clinton" read as one name carries both
            // "Bill Clinton" and "Hillary Clinton"). Merging is left to articles that name one thing two ways.
            var added = new List<string>();
            foreach (var k in keys[i].Filed)
            {
                if (!(_lookups.TryGetValue(k, out var ids) && Contains(ids, id)) && !_index.IsBlocked(k, id)
                    && !(k.StartsWith("x:", StringComparison.Ordinal) && AnyOther(LookUp(k), id)))
                    added.Add(k);
            }
            // An acronym spelled out with a word another article spelled it out with: its meaning is
            // confirmed ("ae2:"), and only a confirmed meaning keeps other articles' meanings apart.
            foreach (var k in keys[i].Keys.Explained)
            {
                int colon = k.IndexOf(':', 3);
                if (colon > 0 && Contains(LookUp(k), id) && "ae2:" + k[3..colon] is var confirmed && !added.Contains(confirmed) && !Contains(LookUp(confirmed), id))
                    added.Add(confirmed);
            }
            if (added.Count > 0)
                _index.AddKeys(id, added);
            foreach (var k in added)
            {
                if (_lookups.TryGetValue(k, out var ids))
                    _lookups[k] = [.. ids, id];
            }
            _index.Link(document.Id, i, resolved[i], entities[i].Type, entities[i].Sector, entities[i].Nationality, TypeVotes(entities[i]));
            AbsorbGuessesOfPlace(entities[i], keys[i], resolved[i]);
            // Its vote may have changed its type.
            _types.Remove(resolved[i]);
        }
    }

    /// <summary>
    /// How much an article's type weighs in the entity's type: <see cref="CuedTypeVotes"/> where the article gives evidence
    /// for it (<see cref="DocumentEntity.TypeCued"/>), one where the tagger only guessed. One article with a cue
    /// ("the data firm Cambridge Analytica") outweighs three that guessed a place or a person, not a broad majority.
    /// </summary>
    public static int TypeVotes(DocumentEntity entity)
    {
        ArgumentNullException.ThrowIfNull(entity);
        return entity.TypeCued ? CuedTypeVotes : 1;
    }

    internal const int CuedTypeVotes = 4;

    /// <summary>Entities whose votes changed: their cached types may be wrong now.</summary>
    private void Forget(IReadOnlyCollection<long> entities)
    {
        foreach (var id in entities)
            _types.Remove(id);
    }

    private long ResolveByName(DocumentEntity entity, SpellingFacts facts)
    {
        var keys = facts.Keys;
        var votes = new Dictionary<long, int>();
        bool fullName = false;
        // A person's name with its middle left out ("George Bush" from "George H. W. Bush") is only
        // looked up for others whose middle agrees: the father is not the son.
        var exact = facts.PersonExact;
        foreach (var key in facts.Looked)
        {
            foreach (var id in LookUp(key))
            {
                if (!Blocked(facts, id) && (exact is null || exact.Contains(key) || !key.StartsWith("x:", StringComparison.Ordinal) || !MiddleNamesDiffer(facts, id))
                    && !(key.StartsWith("x1:", StringComparison.Ordinal) && keys.Specific.Contains(key) && (AcronymOfAnotherName(entity, id) || ExplainedOtherwise(entity, keys, key, id)))
                    && !(keys.LookupOnly.Contains(key) && !keys.Strong.Contains(key) && OfAnotherCountry(entity, key, id)))
                {
                    int weight = keys.Specific.Contains(key) ? 3 : 1;
                    votes[id] = votes.GetValueOrDefault(id) + weight;
                    fullName |= weight > 1;
                }
            }
        }
        // A thing with a full name of its own that no one knows is new, even if a one-word name it also
        // goes by is known: the "Kentucky Senate", called "the Senate" in its article, is not the Senate.
        if (votes.Count > 0 && !fullName && facts.StrongFullName)
            votes.Clear();
        if (votes.Count > 0)
        {
            long best = Best(votes);
            // Full names of this one thing that were filed under different entities: they are one. Only
            // when the full names themselves point at two entities, and only for a document entity with
            // few names, because one wrong grouping inside an article must not fuse large entities for good.
            if (keys.Bridging.Count <= MaxBridgingNames)
            {
                var named = new SortedSet<long>();
                foreach (var key in keys.Bridging)
                {
                    foreach (var id in LookUp(key))
                    {
                        if (!Blocked(facts, id))
                            named.Add(id);
                    }
                }
                if (named.Count >= 2)
                {
                    long kept = named.Min;
                    foreach (var absorbed in named.Where(id => id != kept).ToList())
                    {
                        MergeInto(kept, absorbed);
                        _absorbedInto[absorbed] = kept;
                    }
                    best = kept;
                }
            }
            return best;
        }
        bool ownFullName = facts.OwnFullName;
        foreach (var key in keys.Loose)
        {
            // The skeleton of a one-word name it also goes by is no way round that rule either: the
            // "Library of Congress", called "Congress" in its article, is not Congress, nor the
            // "New Jersey State Assembly" the Assembly. The "U.S. Congress" still is.
            if (ownFullName && key.StartsWith("l1:", StringComparison.Ordinal))
                continue;
            foreach (var id in LookUp(key))
            {
                // A full name shares its skeleton with others' (John Kerry, John Carey; ABC News, BBC News): a person's first
                // name and surname have to be spelled as a transliteration would change them, another name's words keep their vowel runs.
                // A name with an Arabic article keeps the skeleton's freedom: its vowels are anyone's guess (Zurfi/Zurufi).
                if (!Blocked(facts, id) && (facts.ArabicArticle || NameKeys.HasArabicArticle(_index.Get(id).Name)
                    || (entity.Type == "PERSON" ? SpelledLikeNameOf(facts, id) : WordsLooselyAlike(entity, id))))
                    votes[id] = votes.GetValueOrDefault(id) + 1;
            }
        }
        return votes.Count > 0 ? Best(votes) : 0;
    }

    /// <summary>
    /// The one-word names an article gives people ("Hillary", "Bill"): a first name said alone. Not a
    /// surname of someone the article names in full ("Trump" beside "Donald Trump").
    /// </summary>
    private static HashSet<string> GivenNamesAlone(IReadOnlyList<DocumentEntity> entities, SpellingFacts[] facts)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        var surnames = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < entities.Count; i++)
        {
            if (entities[i].Type != "PERSON")
                continue;
            // The name first, then the aliases (SpellingFacts.PersonCores).
            var cores = facts[i].PersonCores;
            foreach (var core in cores)
            {
                if (core is { Length: >= 2 } full)
                    surnames.Add(full[^1]);
            }
            if (cores.All(c => c.Length == 1) && cores[0] is [var word])
                names.Add(word);
        }
        names.ExceptWith(surnames);
        return names;
    }

    /// <summary>
    /// The person a surname alone names in this article, when the article says so: the one candidate
    /// it names in full (resolved among its other entities), or else the one whose first name it uses
    /// alone ("Clinton … Hillary"). Null when none or several.
    /// </summary>
    private long NamedInArticle(List<long> candidates, HashSet<long> company, HashSet<string> givenNames)
    {
        long found = 0;
        foreach (var id in candidates)
        {
            if (!company.Contains(id))
                continue;
            if (found != 0)
                return 0;
            found = id;
        }
        if (found != 0 || givenNames.Count == 0)
            return found;
        foreach (var id in candidates)
        {
            // A person's name: a first name, perhaps a middle one, and the surname (not a run of names the tagger glued together).
            if (NameKeys.PersonCore(_index.Get(id).Name) is not { Length: 2 or 3 } words || !givenNames.Contains(words[0]))
                continue;
            if (found != 0)
                return 0;
            found = id;
        }
        return found;
    }

    private long ResolveBySurname(DocumentEntity entity, SpellingFacts facts, HashSet<long> company, HashSet<string> givenNames)
    {
        var keys = facts.Keys;
        if (entity.Type != "PERSON" || keys.HasFullName)
            return 0;
        foreach (var (group, minimumShared) in new[] { (keys.Surnames, 0), (keys.LooseSurnames, 2) })
        {
            var candidates = new List<long>();
            foreach (var key in group)
            {
                foreach (var id in LookUp(key))
                {
                    if (!candidates.Contains(id) && TypeOf(id) == "PERSON" && !Blocked(facts, id)
                        && (minimumShared == 0 || SpelledLikeSurnameOf(facts, id)))
                        candidates.Add(id);
                }
            }
            // A surname stored alone, because an article that named no one in full came first, is the
            // person named in full with it whom every later article would have been given.
            if (minimumShared == 0 && candidates.Count > 1 && AbsorbSurnamesAlone(candidates) is var absorbing and not 0)
                return absorbing;
            // One person with that surname: nothing to weigh.
            if (candidates.Count == 1 && minimumShared == 0)
                return candidates[0];
            // The article itself says which: it names one of them in full, or by first name alone.
            if (minimumShared == 0 && candidates.Count > 1 && NamedInArticle(candidates, company, givenNames) is var named and not 0)
                return named;
            long best = 0;
            double bestScore = double.NegativeInfinity;
            foreach (var id in candidates)
            {
                // The candidate's company that the article keeps (none read when the article has no company),
                // counted against the minimum and then weighed.
                var shared = company.Count == 0 ? null : SharedPlaces(ContextOf(id), company);
                if ((shared?.Count ?? 0) < minimumShared)
                    continue;
                // How well known the candidate is, and how much of its usual company the article keeps:
                // each shared entity counts for the share of the candidate's documents naming it. A mere
                // count of shared entities let a president's wife, whose company is much like his, take
                // "Trump" from him in articles that never name her (the White House, Congress and a
                // foreign leader are somewhere in any fifty of her articles too), and every article she
                // took made her company more like his. A share only rises where the company is hers:
                // the general the Quds Force is named with in most of his articles keeps "Soleimani"
                // from a better-known wrestler it is never named with.
                double score = (shared is null ? 0 : Affinity(ContextOf(id), shared)) + Math.Log(1 + _index.Get(id).Documents);
                if (score > bestScore || (score == bestScore && id < best))
                    (best, bestScore) = (id, score);
            }
            if (best != 0)
                return best;
        }
        return 0;
    }

    /// <summary>
    /// Among the people of one surname, those stored under the surname alone (no article that named them
    /// gave a first name) and those named in full: when one person named in full is known in
    /// <see cref="KnownPersonArticles"/> articles or more, in at least as many as each surname alone and in
    /// three times as many as any other person named in full with it, the surnames alone were that person,
    /// read before the full name was known, and join it; a surname alone then goes to that person ("Trump"
    /// to Donald Trump, not to a "Trump" of its own). A person named in one or two articles takes nothing:
    /// "Kim" of a Korean leader is not the Tony Kim of another article. Returns the person, or 0 when
    /// nothing is that clear.
    /// </summary>
    private long AbsorbSurnamesAlone(List<long> candidates)
    {
        var alone = new List<long>();
        long person = 0;
        int most = 0, second = 0;
        foreach (var id in candidates)
        {
            var stored = _index.Get(id);
            if (NameKeys.PersonCore(stored.Name).Length == 1)
            {
                alone.Add(id);
                continue;
            }
            if (stored.Documents > most)
            {
                second = most;
                most = stored.Documents;
                person = id;
            }
            else
            {
                second = Math.Max(second, stored.Documents);
            }
        }
        if (alone.Count == 0 || person == 0 || second * 3 > most || most < KnownPersonArticles)
            return 0;
        foreach (var id in alone)
        {
            if (_index.Get(id).Documents > most)
                return 0;
        }
        foreach (var id in alone)
        {
            MergeInto(person, id);
            _absorbedInto[id] = person;
        }
        _types.Remove(person);
        return person;
    }

    /// <summary>
    /// A nationality word alone ("the Lisorian capital", "Lisorian officials"), in an article that names
    /// no place it comes from, is the one place the store knows by the name it is formed from: one
    /// country is one entity. Countries of the country table are linked by
    /// their code before this; this is for places it does not list.
    /// </summary>
    private long ResolveAsDemonymOfKnownPlace(DocumentEntity entity, SpellingFacts facts)
    {
        if (entity.Type is not ("GPE" or "MISC") || facts.HasFullName || entity.Roles.Count > 0)
            return 0;
        var words = facts.NameWords;
        if (words.Length != 1 || words[0].Length < 5)
            return 0;
        long found = 0;
        foreach (var place in PlaceEvidence.PlacesOfDemonym(words[0]))
        {
            foreach (var id in LookUp("x1:L:" + place))
            {
                if (id == found || Blocked(facts, id) || TypeOf(id) != "GPE")
                    continue;
                if (found != 0)
                    return 0;
                found = id;
            }
        }
        return found;
    }

    /// <summary>
    /// A surname alone that shares only a skeleton with a stored person's must still be spelled like it
    /// (<see cref="NameKeys.SpelledAlike"/>): Hagan and Hogan, Kerry and Cory share a skeleton and the
    /// company of one country's politics, and are different people; a town named Dravik is not a guard
    /// named Dravec.
    /// </summary>
    private bool SpelledLikeSurnameOf(SpellingFacts facts, long id) => SpelledLikeSurnameOf(facts, id, NameKeys.SpelledAlike);

    /// <summary>
    /// A person's full name matched only by its skeleton: the surname and the first name must both be
    /// spelled as a transliteration would change them (<see cref="NameKeys.SurnamesAlike"/>). The
    /// skeleton alone joined Tim Kaine and Tom Kean, Ron Klain and Aaron Klein, Michelle Malkin and
    /// Michael Milken.
    /// </summary>
    private bool SpelledLikeNameOf(SpellingFacts facts, long id)
    {
        var stored = NameKeys.PersonCore(_index.Get(id).Name);
        if (stored.Length == 0)
            return false;
        foreach (var words in facts.PersonCores)
        {
            if (words.Length == 0 || !NameKeys.SurnamesAlike(words[^1], stored[^1]))
                continue;
            if (words.Length < 2 || stored.Length < 2 || NameKeys.SurnamesAlike(words[0], stored[0]))
                return true;
        }
        return false;
    }

    /// <summary>
    /// Another kind of name matched only by its skeleton: where the stored name has the same skeleton,
    /// each word keeps its consonants and its count of vowel runs, so ABC News is not BBC News while
    /// Kataib Hezbollah is Kataeb Hizballah, and a word differs from another only where one of the two
    /// is not an English word (resources/lexicons/english-words.tsv).
    /// </summary>
    private bool WordsLooselyAlike(DocumentEntity entity, long id)
    {
        var stored = NameKeys.WithoutArticles(NameKeys.Words(_index.Get(id).Name));
        var storedSkeleton = NameKeys.LooseWords(stored).ToArray();
        bool compared = false;
        foreach (var alias in entity.Aliases.Prepend(entity.Name))
        {
            var words = NameKeys.WithoutArticles(NameKeys.Words(alias));
            if (words.Length != stored.Length || !NameKeys.LooseWords(words).SequenceEqual(storedSkeleton))
                continue;
            compared = true;
            bool alike = true;
            for (int w = 0; w < words.Length && alike; w++)
            {
                // Two different words of the English dictionary are two words, not two hands spelling one
                // name: London is not Linden, the National Grid not the National Guard, Alexandria not Alexander.
                alike = NameKeys.VowelRunsAlike(words[w], stored[w])
                    && !(words[w] != stored[w] && NameKeys.IsEnglishWord(words[w]) && NameKeys.IsEnglishWord(stored[w]));
            }
            if (alike)
                return true;
        }
        // A stored name of another skeleton (the entity is filed under more names than it is shown by): nothing to compare.
        return !compared;
    }

    /// <summary>
    /// Whether an acronym this article spells out ("Public Policy Polling (PPP)") is, in the store, the
    /// acronym of a thing with another full name (the Paycheck Protection Program): their full names
    /// share at most half of their words, so the acronym alone does not join them (Advanced Placement
    /// and the Associated Press, Bureau of Land Management and Black Lives Matter, Emerson University
    /// and the European Union). A stored entity shown by its acronym alone cannot be compared.
    /// </summary>
    private bool AcronymOfAnotherName(DocumentEntity entity, long id)
    {
        var stored = NameKeys.ContentWords(_index.Get(id).Name);
        if (stored.Count < 2)
            return false;
        bool compared = false;
        foreach (var alias in entity.Aliases.Prepend(entity.Name))
        {
            var words = NameKeys.ContentWords(alias);
            if (words.Count < 2)
                continue;
            compared = true;
            int shared = words.Count(stored.Contains);
            if (shared * 2 > Math.Min(words.Count, stored.Count))
                return false;
        }
        return compared;
    }

    /// <summary>
    /// Whether a name looked up without its nationality word ("Egyptian air force" as "air force") found
    /// a body whose articles say it belongs to another country (the US Air Force): the Egyptian air
    /// force is not it. The Iraqi Popular Mobilization Forces still find the Popular Mobilization Forces,
    /// which their articles place in Iraq, and a body with no country said keeps the look-up.
    /// </summary>
    private bool OfAnotherCountry(DocumentEntity entity, string key, long id)
    {
        if (_index is not IEntityDirectory directory || directory.Affiliation(id).Country is not { } stored)
            return false;
        var rest = key["x:".Length..];
        foreach (var alias in entity.Aliases.Prepend(entity.Name))
        {
            var core = NameKeys.WithoutArticles(NameKeys.Words(alias));
            if (core.Length >= 3 && string.Join(' ', core[1..]) == rest
                && (_countries.CountryOfDemonym(core[0]) ?? _countries.CountryOf(core[0])) is { } own && own != stored)
                return true;
        }
        return false;
    }

    /// <summary>
    /// Whether an acronym this article spells out ("Americans for Prosperity (AFP)") found a stored entity
    /// that other articles spelled out with another full name (Agence France-Presse): none of this
    /// article's full names finds it, yet the store knows it as the acronym of something, spelled out so
    /// in two articles at least (<see cref="ResolutionKeys.Explained"/>; one article's odd expansion, the
    /// "Paradigm Accelerated Curriculum (PAC)", does not keep out the Political Action Committee). An acronym's known meaning is kept; the article's own is
    /// another thing. An entity whose acronym no article has spelled out is joined as before.
    /// </summary>
    private bool ExplainedOtherwise(DocumentEntity entity, ResolutionKeys keys, string key, long id)
    {
        var explained = ResolutionKeys.ExplainedKey(key);
        if (!LookUp("ae2:" + explained[3..]).Contains(id))
            return false;
        foreach (var full in keys.Strong)
        {
            if (full.StartsWith("x:", StringComparison.Ordinal) && !keys.ShortForms.Contains(full) && LookUp(full).Contains(id))
                return false;
        }
        // A spelling of the same name ("Department Homeland Security", "Centers for Disease Controls")
        // shares most of the words the store's articles spelled the acronym out with.
        bool compared = false;
        foreach (var alias in entity.Aliases.Prepend(entity.Name))
        {
            var words = NameKeys.ContentWords(alias);
            if (words.Count < 2)
                continue;
            compared = true;
            int shared = words.Count(w => LookUp(explained + ":" + w).Contains(id));
            if (shared * 2 > words.Count)
                return false;
        }
        return compared;
    }

    private bool MiddleNamesDiffer(SpellingFacts facts, long id)
    {
        var stored = NameKeys.PersonCore(_index.Get(id).Name);
        foreach (var core in facts.PersonCores)
        {
            if (NameKeys.MiddleNamesDiffer(core, stored))
                return true;
            // Shown without a middle, but filed with another one: "Paul S. Ryan" is not the Paul Ryan
            // articles call Paul D. Ryan, "John F. Kennedy" not the one called John Neely Kennedy.
            if (stored.Length == 2 && NameKeys.MiddleInitials(core) is { Length: > 0 } initials
                && LookUp(ResolutionKeys.MiddleKey(core)).Contains(id)
                && !LookUp(ResolutionKeys.MiddleKey(core) + ":" + initials).Contains(id))
                return true;
        }
        return false;
    }

    private bool SpelledLikeSurnameOf(SpellingFacts facts, long id, Func<string, string, bool> alike)
    {
        var stored = NameKeys.PersonCore(_index.Get(id).Name);
        if (stored.Length == 0)
            return false;
        foreach (var words in facts.PersonCores)
        {
            if (words.Length > 0 && alike(words[^1], stored[^1]))
                return true;
        }
        return false;
    }

    /// <summary>
    /// A one-word name an article typed a person, organisation or plain name, that resolved to nothing of
    /// its kind, is the place of that name when the store knows exactly one, named in two articles or
    /// more: the tagger's guess on a name it does not know ("let Korveth prove it") is outvoted by the
    /// articles that say it is a place. A person with a role, or any full name, is left alone.
    /// </summary>
    private long ResolveAsKnownPlace(DocumentEntity entity, SpellingFacts facts)
    {
        if (entity.Type is "GPE" or "LOC" or "FACILITY" or "MEDIA" || facts.HasFullName || entity.Roles.Count > 0)
            return 0;
        var words = facts.NameWords;
        if (words.Length != 1)
            return 0;
        long found = 0;
        foreach (var id in LookUp("x1:L:" + words[0]))
        {
            if (Blocked(facts, id) || TypeOf(id) != "GPE" || _index.Get(id).Documents < 2)
                continue;
            if (found != 0)
                return 0;
            found = id;
        }
        return found;
    }

    /// <summary>
    /// A one-word name an article typed a place, that is no country or capital, is the person of that
    /// surname when the store knows one such person far better than any place of the name: named in
    /// <see cref="KnownPersonArticles"/> articles or more, in three times as many as any other person of
    /// the surname and as any place of the name. The tagger reads "the Obama administration" and "the
    /// Trump campaign" as places, and an article that never names the person in full keeps that type for
    /// every "Obama". A full name, a nationality or a name the store knows as a place as well is left alone
    /// ("Washington", "Jackson").
    /// </summary>
    private long ResolveAsKnownPerson(DocumentEntity entity, SpellingFacts facts)
    {
        if (entity.Type != "GPE" || facts.HasFullName || entity.Roles.Count > 0)
            return 0;
        var words = facts.NameWords;
        if (words.Length != 1 || _countries.CountryOf(entity.Name) is not null || _countries.CapitalOf(entity.Name) is not null || _countries.IsNationality(entity.Name))
            return 0;
        long person = 0;
        int most = 0, second = 0;
        foreach (var id in LookUp("s:" + words[0]))
        {
            if (Blocked(facts, id) || TypeOf(id) != "PERSON")
                continue;
            int documents = _index.Get(id).Documents;
            if (documents > most)
            {
                second = most;
                most = documents;
                person = id;
            }
            else
            {
                second = Math.Max(second, documents);
            }
        }
        if (person == 0 || most < KnownPersonArticles || second * 3 > most)
            return 0;
        foreach (var id in LookUp("x1:L:" + words[0]))
        {
            if (TypeOf(id) is "GPE" or "LOC" or "FACILITY" && _index.Get(id).Documents * 3 > most)
                return 0;
        }
        return person;
    }

    /// <summary>How many articles must name a person before a one-word place of the surname is taken for them.</summary>
    private const int KnownPersonArticles = 5;

    /// <summary>
    /// The other way round: when a one-word place is named in three articles or more, an entity of the
    /// same word that one earlier article alone typed a person, organisation or plain name (a name of
    /// one word, no full name) was the tagger's guess at the place, and joins it.
    /// </summary>
    private void AbsorbGuessesOfPlace(DocumentEntity entity, SpellingFacts facts, long id)
    {
        if (entity.Type != "GPE" || entity.Country is not null || facts.HasFullName)
            return;
        var words = facts.NameWords;
        if (words.Length != 1 || TypeOf(id) != "GPE" || _index.Get(id).Documents < 3)
            return;
        // A person is filed under the surname, other kinds under the one word with their type class.
        foreach (var key in (ReadOnlySpan<string>)["s:" + words[0], "x1:O:" + words[0], "x1:M:" + words[0]])
        {
            foreach (var other in LookUp(key).ToList())
            {
                if (other == id || Blocked(facts, other) || TypeOf(other) is "GPE" or "LOC" or "FACILITY")
                    continue;
                var stored = _index.Get(other);
                if (stored.Documents != 1 || NameKeys.WithoutArticles(NameKeys.Words(stored.Name)).Length != 1)
                    continue;
                // "a Stanford student" in the one earlier article is the university, not the town three later articles name.
                if (stored.Type == "ORG" && EntityLexicons.UniversityNames.Contains(stored.Name))
                    continue;
                MergeInto(id, other);
                _absorbedInto[other] = id;
                _types.Remove(id);
            }
        }
    }

    /// <summary>
    /// Merges two entities and keeps the key look-ups in step: the store moves the absorbed entity's keys to the kept one,
    /// so a cached look-up of one of those keys loses the absorbed id and gains the kept one (at the end, as a key filed
    /// here is added: every use of a look-up weighs its ids by votes, scores or membership with ties broken by id, never
    /// by their order). Forgetting every look-up instead, at each of the ~150 merges of 10,000 articles, read the keys of
    /// the articles that followed again. When the index cannot list the keys, the look-ups are forgotten as before.
    /// </summary>
    private void MergeInto(long kept, long absorbed)
    {
        IReadOnlyList<string>? moved = _lookups.Count == 0 || kept == absorbed ? [] : _index.KeysOf(absorbed);
        _index.Merge(kept, absorbed);
        if (moved is null)
        {
            _lookups.Clear();
            return;
        }
        foreach (var key in moved)
        {
            if (!_lookups.TryGetValue(key, out var ids) || !Contains(ids, absorbed))
                continue;
            var now = new List<long>(ids.Count);
            foreach (var id in ids)
            {
                if (id != absorbed)
                    now.Add(id);
            }
            if (!now.Contains(kept))
                now.Add(kept);
            _lookups[key] = now;
        }
    }

    private Company ContextOf(long id)
    {
        if (!_context.TryGetValue(id, out var context))
        {
            var read = _index.Context(id, ContextDocuments);
            var places = new Dictionary<long, int>(read.Count);
            var entities = new long[read.Count];
            var counts = new int[read.Count];
            int at = 0;
            foreach (var (entity, count) in read)
            {
                places[entity] = at;
                entities[at] = entity;
                counts[at++] = count;
            }
            _context[id] = context = new Company(places, entities, counts, Math.Min(_index.Get(id).Documents, ContextDocuments));
        }
        return context;
    }

    /// <summary>
    /// The places in <paramref name="context"/> of the entities of the article's company (not places) that the candidate's
    /// sampled documents name, in the index's order: the same entities, in the same order, as going through the
    /// candidate's company and keeping those in the article's.
    /// </summary>
    private List<int> SharedPlaces(Company context, HashSet<long> company)
    {
        var shared = new List<int>();
        if (company.Count <= context.Entities.Length)
        {
            foreach (var other in company)
            {
                if (context.Places.TryGetValue(other, out int at) && TypeOf(other) != "GPE")
                    shared.Add(at);
            }
            shared.Sort();
        }
        else
        {
            for (int at = 0; at < context.Entities.Length; at++)
            {
                if (company.Contains(context.Entities[at]) && TypeOf(context.Entities[at]) != "GPE")
                    shared.Add(at);
            }
        }
        return shared;
    }

    /// <summary>
    /// The entities of the article's company (not places), each counted for the share of the candidate's
    /// sampled documents that name it; one document more than were sampled is counted, so that a single
    /// document does not make all its company the candidate's whole company.
    /// </summary>
    /// <param name="context">The candidate's company.</param>
    /// <param name="shared">Its places that the article's company keeps (<see cref="SharedPlaces"/>).</param>
    private static double Affinity(Company context, List<int> shared)
    {
        int sampled = context.Sampled;
        double affinity = 0;
        foreach (int at in shared)
            affinity += (double)Math.Min(context.Counts[at], sampled) / (sampled + 1);
        return affinity;
    }

    /// <summary>
    /// Whether the user said one of the document entity's names is not <paramref name="id"/>
    /// (<c>sitrep entities split</c>): then none of its names links it there, so a split holds when the
    /// documents are analysed again, also for a name of one word beside a full name.
    /// </summary>
    private bool Blocked(SpellingFacts facts, long id)
    {
        foreach (var key in facts.Identifying)
        {
            if (_index.IsBlocked(key, id))
                return true;
        }
        return false;
    }

    private IReadOnlyList<long> LookUp(string key)
    {
        if (!_lookups.TryGetValue(key, out var ids))
            _lookups[key] = ids = _index.Lookup(key);
        return ids;
    }

    private string TypeOf(long id)
    {
        if (!_types.TryGetValue(id, out var type))
            _types[id] = type = _index.Get(id).Type;
        return type;
    }

    private static bool Contains(IReadOnlyList<long> ids, long id)
    {
        for (int i = 0; i < ids.Count; i++)
        {
            if (ids[i] == id)
                return true;
        }
        return false;
    }

    private static bool AnyOther(IReadOnlyList<long> ids, long id)
    {
        for (int i = 0; i < ids.Count; i++)
        {
            if (ids[i] != id)
                return true;
        }
        return false;
    }

    private static long Best(Dictionary<long, int> votes)
    {
        long best = 0;
        int most = -1;
        foreach (var (id, count) in votes)
        {
            if (count > most || (count == most && id < best))
                (best, most) = (id, count);
        }
        return best;
    }
}

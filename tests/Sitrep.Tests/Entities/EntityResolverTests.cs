using Sitrep.Entities.Resolution;
using Sitrep.Tests.TestSupport;
using Sitrep.Tests.Ingest;

namespace Sitrep.Tests.Entities;

/// <summary>The cross-document resolver against an in-memory index, so the rules are tested apart from SQLite.</summary>
public sealed class EntityResolverTests
{
    [Fact]
    public void A_document_whose_resolution_fails_is_reported_keeps_nothing_and_the_others_go_on()
    {
        var index = new MemoryIndex { FailOn = "bad" };
        index.Add("a", new DocumentEntity("Lena Marwick", "PERSON", null, ["Lena Marwick"], []));
        index.Add("bad", new DocumentEntity("Tomas Brandt", "PERSON", null, ["Tomas Brandt"], []));
        index.Add("c", new DocumentEntity("Lena Marwick", "PERSON", null, ["Lena Marwick", "Marwick"], []));

        var failures = Resolve(index);

        var failure = Assert.Single(failures);
        Assert.Equal("bad", failure.Source);
        Assert.Contains("entity resolution failed", failure.Reason, StringComparison.Ordinal);
        Assert.Equal(index.Feed.Head, index.Feed.Position("entity-resolution"));
        Assert.DoesNotContain(index.Links.Keys, k => k.Document == "bad");
        Assert.Equal(index.Links[("a", 0)], index.Links[("c", 0)]);
    }

    [Fact]
    public void A_surname_alone_goes_to_the_person_whose_company_it_keeps()
    {
        var index = new MemoryIndex();
        index.Add("general", new DocumentEntity("Qassem Soleimani", "PERSON", null, ["Qassem Soleimani"], []), new DocumentEntity("Quds Force", "ORG", null, ["Quds Force"], []));
        index.Add("wrestler", new DocumentEntity("Mansour Soleimani", "PERSON", null, ["Mansour Soleimani"], []), new DocumentEntity("Tabriz", "GPE", null, ["Tabriz"], []));
        index.Add("wrestler2", new DocumentEntity("Mansour Soleimani", "PERSON", null, ["Mansour Soleimani"], []));
        index.Add("posters", new DocumentEntity("Soleimani", "PERSON", null, ["Soleimani"], []), new DocumentEntity("Quds Force", "ORG", null, ["Quds Force"], []));

        Assert.Empty(Resolve(index));

        Assert.NotEqual(index.Links[("general", 0)], index.Links[("wrestler", 0)]);
        // The better-known wrestler loses to the general the Quds Force keeps company with.
        Assert.Equal(index.Links[("general", 0)], index.Links[("posters", 0)]);
    }

    [Fact]
    public void A_presidents_surname_alone_stays_his_though_his_wife_keeps_much_the_same_company()
    {
        var index = new MemoryIndex();
        DocumentEntity Org(string name) => new(name, "ORG", null, [name], []);
        DocumentEntity Person(string name, params string[] roles) => new(name, "PERSON", null, [name], roles);
        // He is named in full in six articles, all with the senate, two with the palace; she in three,
        // all with the palace and her children's fund, one with the senate, two with a fashion council.
        for (int i = 0; i < 6; i++)
            index.Add($"president{i}", Person("Aldric Vantor", "President"), Org("Lisorian Senate"), i < 2 ? Org("Marlowe Palace") : Org($"Trade Board {i}"));
        for (int i = 0; i < 3; i++)
            index.Add($"wife{i}", Person("Selene Vantor", "First Lady"), Org("Marlowe Palace"), Org("Harbor Children's Fund"), i == 0 ? Org("Lisorian Senate") : Org("Lisorian Fashion Council"));
        // Articles that call him by his surname alone, in company both keep (more of hers by count).
        index.Add("palace-senate", Person("Vantor", "President"), Org("Marlowe Palace"), Org("Lisorian Senate"), Org("Lisorian Fashion Council"));
        index.Add("palace-senate2", Person("Vantor", "President"), Org("Marlowe Palace"), Org("Lisorian Senate"), Org("Lisorian Fashion Council"));
        // An article in the company only she keeps.
        index.Add("gala", Person("Vantor"), Org("Harbor Children's Fund"), Org("Lisorian Fashion Council"));

        Assert.Empty(Resolve(index));

        long president = index.Links[("president0", 0)], wife = index.Links[("wife0", 0)];
        Assert.NotEqual(president, wife);
        Assert.All(Enumerable.Range(1, 5), i => Assert.Equal(president, index.Links[($"president{i}", 0)]));
        Assert.All(Enumerable.Range(1, 2), i => Assert.Equal(wife, index.Links[($"wife{i}", 0)]));
        Assert.Equal(president, index.Links[("palace-senate", 0)]);
        Assert.Equal(president, index.Links[("palace-senate2", 0)]);
        // Company still decides where it is hers.
        Assert.Equal(wife, index.Links[("gala", 0)]);
    }

    [Fact]
    public void A_surname_alone_spelled_differently_joins_only_a_transliteration_of_it()
    {
        var index = new MemoryIndex();
        DocumentEntity Company(string name) => new(name, "ORG", null, [name], []);
        index.Add("senate", new DocumentEntity("Kay Hagan", "PERSON", null, ["Kay Hagan"], []), Company("Senate Armed Services Committee"), Company("Democratic Party"));
        index.Add("wrestling", new DocumentEntity("Hogan", "PERSON", null, ["Hogan"], []), Company("Senate Armed Services Committee"), Company("Democratic Party"));
        index.Add("militia", new DocumentEntity("Rastin Kolvar", "PERSON", null, ["Rastin Kolvar"], []), Company("Kestrel Brigades"), Company("Korvethi National Guard"));
        index.Add("agency", new DocumentEntity("Kolwar", "PERSON", null, ["Kolwar"], []), Company("Kestrel Brigades"), Company("Korvethi National Guard"));

        Assert.Empty(Resolve(index));

        // Hogan is not Hagan, however alike their company; Kolwar is Kolvar written by another hand.
        Assert.NotEqual(index.Links[("senate", 0)], index.Links[("wrestling", 0)]);
        Assert.Equal(index.Links[("militia", 0)], index.Links[("agency", 0)]);
    }

    [Fact]
    public void An_article_naming_one_thing_two_ways_joins_the_entities_earlier_articles_made()
    {
        var index = new MemoryIndex();
        index.Add("arabic", new DocumentEntity("Jaysh al-Nasr", "ORG", null, ["Jaysh al-Nasr"], []));
        index.Add("english", new DocumentEntity("Army of Victory", "ORG", null, ["Army of Victory"], []));
        index.Add("both", new DocumentEntity("Jaysh al-Nasr", "ORG", null, ["Jaysh al-Nasr", "Army of Victory"], []));

        Resolve(index);

        long arabic = index.Links[("arabic", 0)], english = index.Links[("english", 0)];
        Assert.Equal(Math.Min(arabic, english), index.Get(english).Id);
        Assert.Equal(index.Get(arabic).Id, index.Get(english).Id);
    }

    [Fact]
    public void A_name_run_together_from_two_people_does_not_later_fuse_them()
    {
        // "Tomas/Ilse Velder" read as one name: its given-name keys are Tomas's and Ilse's full names.
        // Filing both under the entity it joins would let the next "Ilse Velder" bridge the two.
        var index = new MemoryIndex();
        index.Add("tomas", new DocumentEntity("Tomas Velder", "PERSON", null, ["Tomas Velder"], []));
        index.Add("ilse", new DocumentEntity("Ilse Velder", "PERSON", null, ["Ilse Velder"], []));
        index.Add("both", new DocumentEntity("Tomas Ilse Velder", "PERSON", null, ["Tomas Ilse Velder"], []));
        index.Add("ilse2", new DocumentEntity("Ilse Velder", "PERSON", null, ["Ilse Velder"], []));
        index.Add("tomas2", new DocumentEntity("Tomas Velder", "PERSON", null, ["Tomas Velder"], []));

        Assert.Empty(Resolve(index));

        long tomas = index.Get(index.Links[("tomas", 0)]).Id, ilse = index.Get(index.Links[("ilse", 0)]).Id;
        Assert.NotEqual(tomas, ilse);
        Assert.Equal(ilse, index.Get(index.Links[("ilse2", 0)]).Id);
        Assert.Equal(tomas, index.Get(index.Links[("tomas2", 0)]).Id);
    }

    [Fact]
    public void A_one_word_name_shared_with_another_entity_does_not_fuse_two_full_names()
    {
        var index = new MemoryIndex();
        index.Add("a", new DocumentEntity("Senate Majority", "ORG", null, ["Senate Majority", "Senate"], []));
        index.Add("b", new DocumentEntity("Senate Judiciary Committee", "ORG", null, ["Senate Judiciary Committee"], []));
        index.Add("c", new DocumentEntity("Senate Judiciary Committee", "ORG", null, ["Senate Judiciary Committee", "Senate"], []));

        Resolve(index);

        Assert.NotEqual(index.Get(index.Links[("a", 0)]).Id, index.Get(index.Links[("b", 0)]).Id);
        Assert.Equal(index.Get(index.Links[("b", 0)]).Id, index.Get(index.Links[("c", 0)]).Id);
    }

    [Fact]
    public void A_one_word_name_goes_to_the_thing_of_that_name_not_to_longer_names_that_used_it()
    {
        var index = new MemoryIndex();
        index.Add("a", new DocumentEntity("Senate Judiciary Committee", "ORG", null, ["Senate Judiciary Committee", "Senate"], []));
        index.Add("b", new DocumentEntity("Senate", "ORG", null, ["Senate"], []));
        index.Add("c", new DocumentEntity("Kentucky Senate", "ORG", null, ["Kentucky Senate", "Senate"], []));
        index.Add("d", new DocumentEntity("Senate", "ORG", null, ["Senate"], []));

        Resolve(index);

        Assert.NotEqual(index.Links[("a", 0)], index.Links[("b", 0)]);
        Assert.NotEqual(index.Links[("c", 0)], index.Links[("b", 0)]);
        Assert.Equal(index.Links[("b", 0)], index.Links[("d", 0)]);
    }

    [Fact]
    public void A_full_name_with_a_middle_name_and_the_same_without_it_are_one_person()
    {
        var index = new MemoryIndex();
        index.Add("a", new DocumentEntity("Mohammad Javad Zarif", "PERSON", null, ["Mohammad Javad Zarif", "Zarif"], []));
        index.Add("b", new DocumentEntity("Javad Zarif", "PERSON", null, ["Javad Zarif"], []));
        index.Add("c", new DocumentEntity("Abu Bakr al-Baghdadi", "PERSON", null, ["Abu Bakr al-Baghdadi"], []));
        index.Add("d", new DocumentEntity("Abu Omar al-Baghdadi", "PERSON", null, ["Abu Omar al-Baghdadi"], []));

        Resolve(index);

        Assert.Equal(index.Links[("a", 0)], index.Links[("b", 0)]);
        Assert.NotEqual(index.Links[("c", 0)], index.Links[("d", 0)]);
    }

    [Fact]
    public void An_entity_of_the_article_linked_before_a_merge_follows_the_merge()
    {
        var index = new MemoryIndex();
        index.Add("english", new DocumentEntity("Army of Victory", "ORG", null, ["Army of Victory"], []));
        index.Add("arabic", new DocumentEntity("Jaysh al-Nasr", "ORG", null, ["Jaysh al-Nasr"], []));
        index.Add("both",
            new DocumentEntity("Jaysh al-Nasr", "ORG", null, ["Jaysh al-Nasr"], []),
            new DocumentEntity("Jaysh al-Nasr", "ORG", null, ["Jaysh al-Nasr", "Army of Victory"], []));

        Resolve(index);

        Assert.Equal(index.Links[("english", 0)], index.Links[("both", 1)]);
        Assert.Equal(index.Links[("both", 1)], index.Links[("both", 0)]);
    }

    [Fact]
    public void Names_spelled_alike_but_given_other_aliases_keep_their_own_keys_when_made_ahead_on_the_analysing_threads()
    {
        // The coreference stage makes each spelling's keys ahead (SpellingFactsCache); "the Senate" of one
        // article and the Kentucky Senate another calls "the Senate" share a name but not their keys.
        var senate = new DocumentEntity("Senate", "ORG", null, ["Senate"], []);
        var kentucky = new DocumentEntity("Senate", "ORG", null, ["Senate", "Kentucky Senate"], []);
        // A country table of the test's own: the cache for it is this test's alone, so what it made can be counted.
        var countries = CountryTable.Parse(new StringReader(File.ReadAllText(Path.Combine(RepoPaths.Root, "resources", "geo", "countries.tsv"))));
        var cache = SpellingFactsCache.For(countries, Sitrep.Entities.Actors.ActorTable.Default);
        cache.Prepare([senate, kentucky]);
        // Made ahead, one spelling each: the other aliases make them two spellings.
        Assert.Equal(2, cache.Made);
        Assert.Equal(ResolutionKeys.For(kentucky, countries).All, cache.Of(kentucky).Keys.All);
        Assert.Equal(ResolutionKeys.For(senate, countries).All, cache.Of(new DocumentEntity("Senate", "ORG", null, ["Senate"], ["chamber"])).Keys.All);
        Assert.Equal(2, cache.Made);
        var index = new MemoryIndex();
        index.Add("washington", senate);
        index.Add("frankfort", kentucky);
        index.Add("washington2", new DocumentEntity("Senate", "ORG", null, ["Senate"], []));

        Assert.Empty(new EntityResolver(index, countries).Update(index.Feed.Cursor("entity-resolution", []), TestContext.Current.CancellationToken));
        // The resolver found the facts made ahead and made none again.
        Assert.Equal(2, cache.Made);

        Assert.NotEqual(index.Links[("washington", 0)], index.Links[("frankfort", 0)]);
        Assert.Equal(index.Links[("washington", 0)], index.Links[("washington2", 0)]);
    }

    [Fact]
    public void Two_papers_an_article_each_shortens_to_their_shared_head_word_stay_two()
    {
        var index = new MemoryIndex();
        DocumentEntity Paper(params string[] names) => new(names[0], "MEDIA", null, names, []);
        index.Add("harbor", Paper("Harbor City Ledger", "Ledger"));
        index.Add("millbrook", Paper("Millbrook Ledger", "Ledger"));
        index.Add("harbor2", Paper("Harbor City Ledger"));
        index.Add("millbrook2", Paper("Millbrook Ledger", "Ledger"));

        Assert.Empty(Resolve(index));

        // "the Ledger" is each article's shorthand, not a name either paper is known by elsewhere.
        Assert.NotEqual(index.Links[("harbor", 0)], index.Links[("millbrook", 0)]);
        Assert.Equal(index.Links[("harbor", 0)], index.Links[("harbor2", 0)]);
        Assert.Equal(index.Links[("millbrook", 0)], index.Links[("millbrook2", 0)]);
    }

    private static IReadOnlyList<Sitrep.Ingest.InputFailure> Resolve(MemoryIndex index) =>
        new EntityResolver(index).Update(index.Feed.Cursor("entity-resolution", []), TestContext.Current.CancellationToken);

    private sealed class MemoryIndex : IEntityIndex
    {
        private readonly Dictionary<string, IReadOnlyList<DocumentEntity>> _documents = new(StringComparer.Ordinal);
        private readonly Dictionary<string, HashSet<long>> _keys = new(StringComparer.Ordinal);
        private readonly Dictionary<long, (string Name, string Type)> _entities = [];
        private readonly Dictionary<long, long> _mergedInto = [];
        private Dictionary<(string, int), long>? _snapshot;

        public string? FailOn { get; init; }

        public Dictionary<(string Document, int Local), long> Links { get; private set; } = [];

        public InMemoryDocumentStore.MemoryFeed Feed { get; } = new();

        public void Add(string id, params DocumentEntity[] entities)
        {
            _documents[id] = entities;
            Feed.Append(id, Sitrep.Pipeline.ChangeKind.Stored, null, null);
        }

        public IReadOnlyList<DocumentEntity>? DocumentEntities(string documentId) => _documents.GetValueOrDefault(documentId);

        public void InTransaction(Action work) => work();

        public void AllOrNothing(Action work)
        {
            _snapshot = new Dictionary<(string, int), long>(Links);
            try
            {
                work();
            }
            catch
            {
                Links = _snapshot;
                throw;
            }
        }

        public IReadOnlyList<long> Lookup(string key) => _keys.TryGetValue(key, out var ids) ? [.. ids.Select(Resolve).Distinct().Order()] : [];

        public StoredEntity Get(long id)
        {
            id = Resolve(id);
            return new StoredEntity(id, _entities[id].Name, _entities[id].Type, Links.Where(l => l.Value == id).Select(l => l.Key.Document).Distinct().Count());
        }

        public IReadOnlyDictionary<long, int> Context(long id, int documents)
        {
            var docs = Links.Where(l => l.Value == id).Select(l => l.Key.Document).Distinct().Take(documents).ToHashSet();
            return Links.Where(l => docs.Contains(l.Key.Document) && l.Value != id).GroupBy(l => l.Value).ToDictionary(g => g.Key, g => g.Count());
        }

        public bool IsBlocked(string key, long id) => false;

        public long Create(string name, string type)
        {
            long id = _entities.Count + 1;
            _entities[id] = (name, type);
            return id;
        }

        public void AddKeys(long id, IEnumerable<string> keys)
        {
            foreach (var key in keys)
            {
                if (!_keys.TryGetValue(key, out var set))
                    _keys[key] = set = [];
                set.Add(id);
            }
        }

        public IReadOnlyCollection<long> Unlink(string documentId)
        {
            var keys = Links.Keys.Where(k => k.Document == documentId).ToList();
            var entities = keys.Select(k => Links[k]).Distinct().ToList();
            foreach (var k in keys)
                Links.Remove(k);
            return entities;
        }

        public void Link(string documentId, int local, long id, string type)
        {
            if (documentId == FailOn)
                throw new InvalidOperationException("disk full");
            Links[(documentId, local)] = id;
        }

        public void Merge(long kept, long absorbed)
        {
            _mergedInto[absorbed] = kept;
            foreach (var k in Links.Where(l => l.Value == absorbed).Select(l => l.Key).ToList())
                Links[k] = kept;
        }

        private long Resolve(long id)
        {
            while (_mergedInto.TryGetValue(id, out var into))
                id = into;
            return id;
        }
    }
}

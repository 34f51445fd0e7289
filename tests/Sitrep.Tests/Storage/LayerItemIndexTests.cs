using System.Text.Json;
using Microsoft.Data.Sqlite;
using Sitrep.Contradictions;
using Sitrep.Documents;
using Sitrep.Engine;
using Sitrep.Events;
using Sitrep.Ingest;
using Sitrep.Pipeline;
using Sitrep.Quotes;
using Sitrep.Storage;
using Sitrep.Tests.TestSupport;

namespace Sitrep.Tests.Storage;

/// <summary>
/// The store's index of layer items (schema versions 18-19): <c>sitrep events</c>, <c>sitrep quotes</c> and
/// <c>sitrep citations</c> read it instead of decoding every article, and must list exactly what reading every
/// article lists, kept current as articles are stored again, replaced and deleted, and built for the articles a
/// store held before it had the index.
/// </summary>
public sealed class LayerItemIndexTests
{
    private static readonly string[] Articles =
    [
        Record("https://ledger.example/raid", "2025-03-05", "Police arrested three men in Verona on Monday. The mayor said the city would hold a vigil. Rebels threatened to attack the airport."),
        Record("https://ledger.example/border", "2025-03-04", "Soldiers shelled the village of Harn on 2 March 2025. The army did not attack the town of Ostrel. Korveth accused Dravia of shelling the border post."),
        Record("https://ledger.example/talks", "2025-04-11", "Korveth and Dravia met in Geneva on Thursday. Dravia promised to withdraw its troops from Harn. Police detained two protesters outside the hall."),
        Record("https://ledger.example/undated", null, "Korveth denied that its soldiers attacked the convoy. Rebels kidnapped a Dravian engineer near Ostrel."),
    ];

    /// <summary>Speech from two outlets: named and nominal speakers, a pronoun, a tweet, news agencies and outlets cited, a thought.</summary>
    private static readonly string[] Speech =
    [
        Record("https://ledger.example/warning", "2025-03-05", "Korveth's foreign minister Arlen Vask warned on Tuesday that any attack on the port would be answered. \"We will not stand idle while our ships are seized,\" Vask told the Tasnim news agency. A spokesman for the army said the troops were ready to defend the coast. Vask later tweeted that the talks were over."),
        Record("https://coastpost.example/border", "2025-03-06", "According to Reuters, Dravia moved two brigades to the border on Wednesday. \"This is a provocation and we will answer it,\" said Mira Dalen, Dravia's defence minister, in a statement carried by the Tasnim news agency. Analysts believe the crisis will deepen before the summit. The Harbor Ledger reported that Vask had offered to resign.", "Coast Post"),
        Record("https://ledger.example/peace", null, "Arlen Vask said on Thursday that Korveth wants peace with its neighbour. \"We have no quarrel with the people of Dravia,\" he said at a news conference in Ostrel. Officials in Ostrel said the border was calm, the Coast Post reported."),
    ];

    private static string Record(string url, string? date, string text, string outlet = "Harbor Ledger")
    {
        var record = new Dictionary<string, string> { ["url"] = url, ["outlet"] = outlet, ["text"] = text };
        if (date is not null)
            record["published"] = date;
        return JsonSerializer.Serialize(record);
    }

    private static SitrepEngine Analyze(TempDir dir, IEnumerable<string> lines, string name = "news.jsonl")
    {
        var engine = SitrepEngine.Open(codecs => StoreFactory.Open(dir.File("s.db"), codecs), EngineOptions.Default);
        using var inputs = engine.OpenInputs([dir.Write(name, string.Join("\n", lines) + "\n")]);
        engine.Analyze(inputs, cancellation: TestContext.Current.CancellationToken);
        return engine;
    }

    /// <summary>Queries a user makes: everything, by type, status, day range, actor by name and by id, and ones that find nothing.</summary>
    private static IEnumerable<EventQuery> Queries(IDocumentStore store)
    {
        yield return new EventQuery();
        yield return new EventQuery(Type: "ASSAULT");
        yield return new EventQuery(Type: "assault");
        yield return new EventQuery(Type: "ARREST");
        yield return new EventQuery(Status: EventStatus.Denied);
        yield return new EventQuery(From: new DateOnly(2025, 3, 1), To: new DateOnly(2025, 3, 3));
        yield return new EventQuery(From: new DateOnly(2025, 4, 1));
        yield return new EventQuery(Actor: "korveth");
        yield return new EventQuery(Actor: "Dravia", Type: "ASSAULT");
        yield return new EventQuery(Actor: "Nobody Atall");
        yield return new EventQuery(Type: "NO-SUCH-TYPE");
        foreach (var e in StoredEvents.Find(new ScanOnly(store), new EventQuery()).Where(e => e.ActorId is not null).Select(e => e.ActorId).Distinct().Take(3))
            yield return new EventQuery(Actor: e);
    }

    private static List<(string Document, string Id, string Type)> Listed(EventListing listing) =>
        [.. listing.Events.Select(e => (e.Document, e.Id, e.Event.Type))];

    private static void AssertIndexListsWhatAScanLists(IDocumentStore store)
    {
        var index = store.Feature<ILayerItemIndex>();
        Assert.NotNull(index);
        Assert.True(index.Covers(EventsFeature.Events.Name));
        var scan = new ScanOnly(store);
        foreach (var query in Queries(store))
        {
            foreach (var limit in new[] { 1, 2, 5, 1000 })
            {
                var expected = StoredEvents.Find(scan, query, limit);
                // Through a store that refuses to read every article: the listing must come off the index.
                var actual = StoredEvents.Find(new IndexOnly(store), query, limit);
                Assert.Equal(expected.Total, actual.Total);
                Assert.Equal(Listed(expected), Listed(actual));
            }
        }
    }

    [Fact]
    public void The_index_lists_the_same_events_in_the_same_order_as_reading_every_article()
    {
        using var dir = new TempDir();
        using var engine = Analyze(dir, Articles);
        var all = StoredEvents.Find(engine.Store, new EventQuery());
        Assert.True(all.Count >= 8, $"{all.Count} events");

        AssertIndexListsWhatAScanLists(engine.Store);

        // What a user sees: the shelling is an ASSAULT, the arrests are not; the denied attack is listed as denied only.
        var assaults = StoredEvents.Find(engine.Store, new EventQuery(Type: "ASSAULT"));
        Assert.Contains(assaults, e => e.Cue == "shelled");
        Assert.DoesNotContain(assaults, e => e.Cue is "arrested" or "detained");
        var denied = StoredEvents.Find(engine.Store, new EventQuery(Status: EventStatus.Denied));
        Assert.All(denied, e => Assert.Equal(EventStatus.Denied, e.Event.Status));
        Assert.DoesNotContain(denied, e => e.Cue == "shelled");
        // March 1-3 holds the shelling of 2 March and the arrests of Monday 3 March, nothing from April.
        var early = StoredEvents.Find(engine.Store, new EventQuery(From: new DateOnly(2025, 3, 1), To: new DateOnly(2025, 3, 3)));
        Assert.Contains(early, e => e.Cue == "shelled");
        Assert.DoesNotContain(early, e => e.Cue is "met" or "detained");
    }

    [Fact]
    public void An_article_stored_again_with_new_text_replaces_its_items_and_a_deleted_one_takes_them_away()
    {
        using var dir = new TempDir();
        using (var engine = Analyze(dir, Articles))
            Assert.Contains(StoredEvents.Find(engine.Store, new EventQuery(Type: "ASSAULT")), e => e.Cue == "shelled");

        // The border article is corrected: no shelling, a meeting instead.
        var corrected = Articles.Select(a => a.Contains("ledger.example/border", StringComparison.Ordinal)
            ? Record("https://ledger.example/border", "2025-03-04", "Generals of Korveth and Dravia met at the border on 2 March 2025.")
            : a).ToList();
        using (var engine = Analyze(dir, corrected, "corrected.jsonl"))
        {
            Assert.DoesNotContain(StoredEvents.Find(engine.Store, new EventQuery(Type: "ASSAULT")), e => e.Cue == "shelled");
            AssertIndexListsWhatAScanLists(engine.Store);

            var talks = engine.Store.Ids().Single(id => engine.Store.Load(id)!.Source.EndsWith("/talks", StringComparison.Ordinal));
            Assert.Contains(StoredEvents.Find(engine.Store, new EventQuery()), e => e.Document == talks);
            Assert.True(engine.Delete(talks).Deleted);
            Assert.DoesNotContain(StoredEvents.Find(engine.Store, new EventQuery()), e => e.Document == talks);
            AssertIndexListsWhatAScanLists(engine.Store);
        }

        using var raw = new SqliteConnection($"Data Source={dir.File("s.db")};Pooling=False");
        raw.Open();
        using var command = raw.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM layer_items WHERE doc NOT IN (SELECT seq FROM documents)";
        Assert.Equal(0L, command.ExecuteScalar());
        command.CommandText = "SELECT COUNT(*) FROM layer_item_parts WHERE doc NOT IN (SELECT seq FROM documents)";
        Assert.Equal(0L, command.ExecuteScalar());
    }

    [Fact]
    public void Articles_stored_before_the_index_are_indexed_when_the_store_is_next_opened()
    {
        using var dir = new TempDir();
        int events;
        using (var engine = Analyze(dir, Articles))
            events = StoredEvents.Find(engine.Store, new EventQuery()).Count;

        // As a store of schema version 17 left them: events stored, no items indexed.
        using (var raw = new SqliteConnection($"Data Source={dir.File("s.db")};Pooling=False"))
        {
            raw.Open();
            using var command = raw.CreateCommand();
            command.CommandText = "DELETE FROM layer_items; DELETE FROM layer_item_parts; DELETE FROM layer_items_done;";
            command.ExecuteNonQuery();
        }
        using (var store = SqliteDocumentStore.Open(dir.File("s.db"), new Dictionary<string, ILayerCodec>()))
        {
            // A store opened without the events' codec cannot index them, and says so.
            Assert.False(store.Feature<ILayerItemIndex>()!.Covers(EventsFeature.Events.Name));
        }

        using var reopened = SitrepEngine.Open(codecs => StoreFactory.Open(dir.File("s.db"), codecs), EngineOptions.Default);
        Assert.True(reopened.Store.Feature<ILayerItemIndex>()!.Covers(EventsFeature.Events.Name));
        Assert.Equal(events, reopened.Store.Feature<ILayerItemIndex>()!.Find(new LayerItemQuery(EventsFeature.Events.Name), 1).Total);
        AssertIndexListsWhatAScanLists(reopened.Store);
        Assert.True(reopened.Store.Feature<ILayerItemIndex>()!.Covers(QuotesFeature.Quotes.Name));
    }

    [Fact]
    public void A_version_17_store_gains_the_index_and_a_new_store_covers_its_layers_at_once()
    {
        using var dir = new TempDir();
        SqliteDocumentStore.CreateAtVersion(dir.File("v17.db"), 17);
        using (var store = SqliteDocumentStore.Open(dir.File("v17.db"), TestPipelines.Full.Codecs))
        {
            Assert.Equal(StoreSchema.LatestVersion, store.SchemaVersion);
            Assert.True(store.Feature<ILayerItemIndex>()!.Covers(EventsFeature.Events.Name));
            Assert.True(store.Feature<ILayerItemIndex>()!.Covers(QuotesFeature.Quotes.Name));
            // Only layers whose codec gives items are indexed.
            Assert.False(store.Feature<ILayerItemIndex>()!.Covers("times"));
        }
    }

    /// <summary>Quote listings a user asks for: by a speaker's or a source's name (stored, the article's own, the words as written), by id, by kind, and ones that find nothing.</summary>
    private static IEnumerable<QuoteQuery> QuoteQueries(IDocumentStore store)
    {
        yield return new QuoteQuery(Speaker: "vask");
        yield return new QuoteQuery(Speaker: "Mira Dalen");
        yield return new QuoteQuery(Speaker: "spokesman");
        yield return new QuoteQuery(Speaker: "officials");
        yield return new QuoteQuery(Speaker: "Nobody Atall");
        yield return new QuoteQuery(Cited: "tasnim");
        yield return new QuoteQuery(Cited: "Twitter");
        yield return new QuoteQuery(Cited: "Reuters");
        yield return new QuoteQuery(Cited: "Nowhere Gazette");
        yield return new QuoteQuery(Speaker: "Vask", Cited: "Tasnim");
        yield return new QuoteQuery { Attribution = QuoteAttribution.Thought };
        yield return new QuoteQuery(Speaker: "Vask") { Attribution = QuoteAttribution.Speech };
        yield return new QuoteQuery(Speaker: "E999999");
        var all = new ScanOnly(store).Ids().SelectMany(id => StoredQuotes.Of(store.Load(id)!, store)).ToList();
        foreach (var id in all.Select(q => q.SpeakerId).OfType<string>().Distinct().Take(4))
            yield return new QuoteQuery(Speaker: id);
        foreach (var id in all.Select(q => q.CitedId).OfType<string>().Distinct().Take(2))
            yield return new QuoteQuery(Cited: id);
    }

    private static void AssertQuoteListingsAreTheScans(IDocumentStore store)
    {
        Assert.True(store.Feature<ILayerItemIndex>()!.Covers(QuotesFeature.Quotes.Name));
        var scan = new ScanOnly(store);
        foreach (var query in QuoteQueries(store))
        {
            var expected = StoredQuotes.Find(scan, query).Select(q => (q.Document, q.Index, q.Speaker, q.CitedName)).ToList();
            // Through a store that refuses to read every article: the listing must come off the index.
            var actual = StoredQuotes.Find(new IndexOnly(store), query).Select(q => (q.Document, q.Index, q.Speaker, q.CitedName)).ToList();
            Assert.True(expected.SequenceEqual(actual), $"{query}: scan {expected.Count}, index {actual.Count}");
        }
        Assert.Equal(Citations.Of(scan), Citations.Of(new IndexOnly(store)));
    }

    [Fact]
    public void The_index_lists_the_same_quotes_and_citations_as_reading_every_article()
    {
        using var dir = new TempDir();
        using var engine = Analyze(dir, Speech);
        AssertQuoteListingsAreTheScans(engine.Store);

        // What a user sees: the agency's words are found by its name, the army's spokesman by his words as written,
        // a name nobody bears finds nothing; and the Coast Post is listed as citing Tasnim.
        var tasnim = StoredQuotes.Find(engine.Store, new QuoteQuery(Cited: "Tasnim")).ToList();
        Assert.Contains(tasnim, q => q.Words.Contains("stand idle", StringComparison.Ordinal));
        Assert.DoesNotContain(tasnim, q => q.Words.Contains("no quarrel", StringComparison.Ordinal));
        Assert.Contains(StoredQuotes.Find(engine.Store, new QuoteQuery(Speaker: "spokesman")), q => q.Words.Contains("troops were ready", StringComparison.Ordinal));
        Assert.Empty(StoredQuotes.Find(engine.Store, new QuoteQuery(Speaker: "Nobody Atall")));
        var citations = Citations.Of(engine.Store);
        Assert.Contains(citations, c => c.Outlet == "Coast Post" && c.Cites.Contains("Tasnim", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(citations, c => c.Outlet == c.Cites);

        // A corrected article's quotes replace the old ones; a deleted article's quotes and sources go.
        var corrected = Speech.Select(a => a.Contains("coastpost.example/border", StringComparison.Ordinal)
            ? Record("https://coastpost.example/border", "2025-03-06", "Dravia moved two brigades to the border on Wednesday, its defence ministry said.", "Coast Post")
            : a).ToList();
        using var again = Analyze(dir, corrected, "corrected.jsonl");
        Assert.DoesNotContain(StoredQuotes.Find(again.Store, new QuoteQuery(Cited: "Tasnim")), q => q.Words.Contains("provocation", StringComparison.Ordinal));
        AssertQuoteListingsAreTheScans(again.Store);
        var warning = again.Store.Ids().Single(id => again.Store.Load(id)!.Source.EndsWith("/warning", StringComparison.Ordinal));
        Assert.True(again.Delete(warning).Deleted);
        Assert.Empty(StoredQuotes.Find(again.Store, new QuoteQuery(Cited: "Tasnim")));
        AssertQuoteListingsAreTheScans(again.Store);
    }

    [Fact]
    public void Opening_an_older_store_says_it_is_upgraded_before_the_wait_and_a_current_one_says_nothing()
    {
        using var dir = new TempDir();
        var db = dir.File("v17.db");
        SqliteDocumentStore.CreateAtVersion(db, 17);

        var (code, first) = CliRunner.Run("quotes", "--cited", "Tasnim", "--db", db);
        var (_, second) = CliRunner.Run("quotes", "--cited", "Tasnim", "--db", db);

        Assert.Equal(0, code);
        Assert.Contains($"upgrading the store {db} from schema version 17 to {StoreSchema.LatestVersion}", first, StringComparison.Ordinal);
        Assert.Contains("indexed once", first, StringComparison.Ordinal);
        Assert.DoesNotContain("upgrading", second, StringComparison.Ordinal);
        Assert.Null(StoreFactory.UpgradeNotice(dir.File("missing.db")));
    }

    /// <summary>The store without its index of items: listings read every article, as they did before the index.</summary>
    private sealed class ScanOnly(IDocumentStore inner) : Restricted(inner, index: false);

    /// <summary>The store that refuses to read every article: a listing that falls back to the scan fails.</summary>
    private sealed class IndexOnly(IDocumentStore inner) : Restricted(inner, index: true);

    /// <summary>The store with either its index of items hidden or its whole-store reads refused.</summary>
    private abstract class Restricted(IDocumentStore inner, bool index) : IDocumentStore
    {
        public string Location => inner.Location;

        public IChangeFeed Changes => inner.Changes;

        public string? FindBySourceAndHash(string source, string contentHash) => inner.FindBySourceAndHash(source, contentHash);

        public IReadOnlyList<StoreOutcome> SaveBatch(IReadOnlyList<Document> documents) => inner.SaveBatch(documents);

        public IReadOnlyList<StoreOutcome> SaveReanalysed(IReadOnlyList<Reanalysis> documents) => inner.SaveReanalysed(documents);

        public Document? Load(string id) => inner.Load(id);

        public Document? Load(string id, IReadOnlySet<string> layers) => inner.Load(id, layers);

        public IEnumerable<Document> LoadAll() => index ? throw new InvalidOperationException("read every article") : inner.LoadAll();

        public IEnumerable<Document> LoadAll(IReadOnlySet<string> layers) => index ? throw new InvalidOperationException("read every article") : inner.LoadAll(layers);

        public IReadOnlyList<string> Ids() => inner.Ids();

        public IReadOnlyDictionary<string, string>? StagesOf(string id) => inner.StagesOf(id);

        public int Count() => inner.Count();

        public bool Delete(string id) => inner.Delete(id);

        public IDocumentLookup OpenLookup() => inner.OpenLookup();

        public T? Feature<T>()
            where T : class => !index && typeof(T) == typeof(ILayerItemIndex) ? null : inner.Feature<T>();

        public void Dispose()
        {
        }
    }
}

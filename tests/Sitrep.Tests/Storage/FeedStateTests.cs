using Microsoft.Data.Sqlite;
using Sitrep.Ingest;
using Sitrep.Storage;
using Sitrep.Tests.TestSupport;

namespace Sitrep.Tests.Storage;

/// <summary>A feed's validators survive between runs, and a store made by schema version 1 is upgraded in place.</summary>
public sealed class FeedStateTests
{
    [Fact]
    public void Feed_validators_are_kept_across_openings_and_replaced_on_the_next_poll()
    {
        using var dir = new TempDir();
        var db = dir.File("s.db");
        using (var store = SqliteDocumentStore.Open(db, Sitrep.Tests.TestSupport.TestPipelines.Full.Codecs))
        {
            Assert.Null(store.GetFeedState("https://ledger.example/feed.xml"));
            store.SaveFeedState("https://ledger.example/feed.xml", new FeedState("\"v1\"", "Tue, 18 Mar 2025 10:00:00 GMT"));
        }
        using (var store = SqliteDocumentStore.Open(db, Sitrep.Tests.TestSupport.TestPipelines.Full.Codecs))
        {
            Assert.Equal(new FeedState("\"v1\"", "Tue, 18 Mar 2025 10:00:00 GMT"), store.GetFeedState("https://ledger.example/feed.xml"));
            store.SaveFeedState("https://ledger.example/feed.xml", new FeedState("\"v2\"", null));
            Assert.Equal(new FeedState("\"v2\"", null), store.GetFeedState("https://ledger.example/feed.xml"));
            Assert.Null(store.GetFeedState("https://other.example/rss"));
        }
    }

    [Fact]
    public void A_version_1_store_is_migrated_and_keeps_its_documents()
    {
        using var dir = new TempDir();
        var db = dir.File("old.db");
        SqliteDocumentStore.CreateAtVersion(db, 1);
        using (var raw = new SqliteConnection($"Data Source={db};Pooling=False"))
        {
            raw.Open();
            using var insert = raw.CreateCommand();
            insert.CommandText = """
                INSERT INTO documents (id, seq, source, format, raw_text, text, offset_map, published_inferred, stated,
                    removed, captions, notes, content_hash, text_hash, pipeline_version, stored_at)
                VALUES ('a', 1, '/articles/a.txt', 'PlainText', 'Ferries ran on reduced timetables on Thursday.',
                    'Ferries ran on reduced timetables on Thursday.', '[[0,0,46]]', 0, '{}', '[]', '[]',
                    '["decoded as windows-1252"]', 'h', 't', 'clean+language+metadata@1', '2025-01-01T00:00:00Z');
                """;
            insert.ExecuteNonQuery();
        }

        using var upgraded = SqliteDocumentStore.Open(db, Sitrep.Tests.TestSupport.TestPipelines.Full.Codecs);
        Assert.Equal(Sitrep.Storage.StoreSchema.LatestVersion, upgraded.SchemaVersion);
        Assert.Equal(StoreSchema.LatestVersion - 1, upgraded.MigrationsApplied);
        Assert.Equal(["decoded as windows-1252"], upgraded.Load("a")!.InputNotes);
        Assert.Empty(upgraded.Load("a")!.StageNotes);
        Assert.Equal("Ferries ran on reduced timetables on Thursday.", upgraded.Load("a")!.Text);
        upgraded.SaveFeedState("https://ledger.example/feed.xml", new FeedState("\"v1\"", null));
    }
}

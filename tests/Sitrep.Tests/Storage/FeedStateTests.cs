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
        using (var store = SqliteDocumentStore.Open(db))
        {
            Assert.Null(store.GetFeedState("https://ledger.example/feed.xml"));
            store.SaveFeedState("https://ledger.example/feed.xml", new FeedState("\"v1\"", "Tue, 18 Mar 2025 10:00:00 GMT"));
        }
        using (var store = SqliteDocumentStore.Open(db))
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
        using (var store = SqliteDocumentStore.Open(db))
            store.Save(TestDocuments.Plain("/articles/a.txt", "a", "Ferries ran on reduced timetables on Thursday."));
        using (var raw = new SqliteConnection($"Data Source={db};Pooling=False"))
        {
            raw.Open();
            using var drop = raw.CreateCommand();
            drop.CommandText = """
                DROP TABLE feeds; ALTER TABLE documents DROP COLUMN mentions; ALTER TABLE documents DROP COLUMN entities;
                DROP TABLE entities; DROP TABLE entity_keys; DROP TABLE entity_links; DROP TABLE entity_blocks;
                DROP TABLE entity_corrections; DROP TABLE entity_pending; DROP TABLE entity_types; PRAGMA user_version = 1;
                """;
            drop.ExecuteNonQuery();
        }

        using var upgraded = SqliteDocumentStore.Open(db);
        Assert.Equal(5, upgraded.SchemaVersion);
        Assert.Equal(4, upgraded.MigrationsApplied);
        Assert.Equal("Ferries ran on reduced timetables on Thursday.", upgraded.Load("a")!.Text);
        upgraded.SaveFeedState("https://ledger.example/feed.xml", new FeedState("\"v1\"", null));
    }
}

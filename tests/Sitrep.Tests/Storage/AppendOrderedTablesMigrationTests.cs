using Microsoft.Data.Sqlite;
using Sitrep.Storage;
using Sitrep.Tests.TestSupport;

namespace Sitrep.Tests.Storage;

/// <summary>
/// Schema v14 rebuilt the layers and framing tallies as tables whose rows are appended in store order, with a
/// unique index on their keys, and dropped an index no query used: a v13 store keeps every row and reads as before.
/// </summary>
public sealed class AppendOrderedTablesMigrationTests
{
    [Fact]
    public void A_version_13_store_keeps_its_layers_and_tallies_and_a_key_still_holds_one_row()
    {
        using var dir = new TempDir();
        var db = dir.File("v13.db");
        SqliteDocumentStore.CreateAtVersion(db, 13);
        using (var raw = new SqliteConnection($"Data Source={db};Pooling=False"))
        {
            raw.Open();
            using var insert = raw.CreateCommand();
            insert.CommandText = """
                INSERT INTO documents (id, seq, source, format, raw_text, text, offset_map, published_inferred, stated,
                    removed, captions, notes, content_hash, text_hash, pipeline_version, stored_at)
                VALUES
                    ('zed', 1, 'zed.txt', 'PlainText', 'Lenz closed.', 'Lenz closed.', '[[0,0,12]]', 0, '{}', '[]', '[]', '[]', 'h1', 't1', 'p@1', '2025-01-01T00:00:00Z'),
                    ('abc', 2, 'abc.txt', 'PlainText', 'Orlan opened.', 'Orlan opened.', '[[0,0,13]]', 0, '{}', '[]', '[]', '[]', 'h2', 't2', 'p@1', '2025-01-01T00:00:00Z');
                INSERT INTO document_layers (document, layer, data) VALUES
                    ('zed', 'zz-unknown', '{"z":1}'), ('zed', 'aa-unknown', '{"a":1}'), ('abc', 'aa-unknown', '{"a":2}');
                INSERT INTO framing_documents (document, story, tally) VALUES ('zed', 7, '{}'), ('abc', 7, '{}'), ('mid', 8, '{}');
                """;
            insert.ExecuteNonQuery();
        }

        // The tallies as version 16 left them (version 17 drops them all to be tallied again from the change feed).
        SqliteDocumentStore.MigrateRaw(db, 13, 16);
        using (var raw = new SqliteConnection($"Data Source={db};Pooling=False"))
        {
            raw.Open();
            using var read = raw.CreateCommand();
            read.CommandText = "SELECT document FROM framing_documents WHERE story = 7 ORDER BY document";
            var tallied = new List<string>();
            using (var reader = read.ExecuteReader())
            {
                while (reader.Read())
                    tallied.Add(reader.GetString(0));
            }
            Assert.Equal(["abc", "zed"], tallied);
            read.CommandText = "SELECT story FROM framing_documents WHERE document = 'mid'";
            Assert.Equal(8L, read.ExecuteScalar());
        }

        using var store = SqliteDocumentStore.Open(db, TestPipelines.Full.Codecs);

        Assert.Equal(StoreSchema.LatestVersion, store.SchemaVersion);
        // Layers no codec reads stay stored, each under its document and name.
        Assert.Equal("""{"z":1}""", store.LayerData("zed", "zz-unknown"));
        Assert.Equal("""{"a":1}""", store.LayerData("zed", "aa-unknown"));
        Assert.Equal("""{"a":2}""", store.LayerData("abc", "aa-unknown"));
        Assert.Null(store.LayerData("abc", "zz-unknown"));
        var framing = store.Feature<SqliteStoryFraming>()!;
        Assert.Empty(framing.TalliedDocuments(7));
        Assert.Null(framing.TallyStory("mid"));

        using var check = new SqliteConnection($"Data Source={db};Pooling=False");
        check.Open();
        using var command = check.CreateCommand();
        // A second row for a document's layer is refused, as the old primary key refused it.
        command.CommandText = "INSERT INTO document_layers (document, layer, data) VALUES ('zed', 'aa-unknown', '{}')";
        var ex = Assert.Throws<SqliteException>(() => command.ExecuteNonQuery());
        Assert.Equal(SQLitePCL.raw.SQLITE_CONSTRAINT, ex.SqliteErrorCode);
        command.CommandText = "SELECT COUNT(*) FROM sqlite_schema WHERE name IN ('documents_content_hash', 'document_layers_v14', 'framing_documents_v14')";
        Assert.Equal(0L, command.ExecuteScalar());
    }

    [Fact]
    public void A_version_16_store_tallies_every_article_again_from_the_start_of_the_change_feed()
    {
        // Version 17: framing's voices count words said only, so every stored tally and story's framing is made again.
        using var dir = new TempDir();
        var db = dir.File("v16.db");
        SqliteDocumentStore.CreateAtVersion(db, 16);
        using (var raw = new SqliteConnection($"Data Source={db};Pooling=False"))
        {
            raw.Open();
            using var insert = raw.CreateCommand();
            insert.CommandText = """
                INSERT INTO framing_documents (document, story, tally) VALUES ('a', 1, '{}');
                INSERT INTO story_framing (story, outlet, articles, news, opinion, analysis, unknown, actors, terms, voices)
                    VALUES (1, 'Outlet', 1, 1, 0, 0, 0, '[]', '[]', '[]');
                INSERT INTO feed_positions (consumer, position) VALUES ('story-framing', 5), ('stories', 5);
                """;
            insert.ExecuteNonQuery();
        }

        using (var store = SqliteDocumentStore.Open(db, TestPipelines.Full.Codecs))
            Assert.Equal(StoreSchema.LatestVersion, store.SchemaVersion);

        using var check = new SqliteConnection($"Data Source={db};Pooling=False");
        check.Open();
        using var command = check.CreateCommand();
        command.CommandText = "SELECT (SELECT COUNT(*) FROM framing_documents) + (SELECT COUNT(*) FROM story_framing)";
        Assert.Equal(0L, command.ExecuteScalar());
        // Framing reads the feed from its start again; the other stages keep their place.
        command.CommandText = "SELECT COUNT(*) FROM feed_positions WHERE consumer = 'story-framing'";
        Assert.Equal(0L, command.ExecuteScalar());
        command.CommandText = "SELECT position FROM feed_positions WHERE consumer = 'stories'";
        Assert.Equal(5L, command.ExecuteScalar());
    }

    [Fact]
    public void A_tally_saved_again_replaces_its_row_and_moves_with_its_story()
    {
        using var dir = new TempDir();
        using var store = SqliteDocumentStore.Open(dir.File("s.db"), TestPipelines.Full.Codecs);
        var framing = store.Feature<SqliteStoryFraming>()!;
        using var raw = new SqliteConnection($"Data Source={dir.File("s.db")};Pooling=False");
        raw.Open();
        using var insert = raw.CreateCommand();
        insert.CommandText = "INSERT OR REPLACE INTO framing_documents (document, story, tally) VALUES ('a', 1, '{}'), ('b', 1, '{}'), ('a', 2, '{}')";
        insert.ExecuteNonQuery();

        Assert.Equal(["b"], framing.TalliedDocuments(1));
        Assert.Equal(["a"], framing.TalliedDocuments(2));
        Assert.Equal(2, framing.TallyStory("a"));
    }
}

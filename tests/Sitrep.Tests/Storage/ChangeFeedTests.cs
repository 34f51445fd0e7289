using Microsoft.Data.Sqlite;
using Sitrep.Entities;
using Sitrep.Pipeline;
using Sitrep.Storage;
using Sitrep.Tests.TestSupport;

namespace Sitrep.Tests.Storage;

/// <summary>The store's change feed: what cross-document stages read to catch up, and the v5 store's pending documents moved onto it.</summary>
public sealed class ChangeFeedTests
{
    [Fact]
    public void Saving_updating_reanalysing_and_deleting_are_changes_in_order()
    {
        using var dir = new TempDir();
        using var store = SqliteDocumentStore.Open(dir.File("s.db"), TestPipelines.Full.Codecs);
        store.Save(TestDocuments.Plain("a.txt", "a", "Alpha."));
        store.Save(TestDocuments.Plain("b.txt", "b", "Beta."));
        store.Save(TestDocuments.Plain("a.txt", "a", "Alpha."));
        store.Save(TestDocuments.Plain("a.txt", "a", "Alpha, corrected."));
        store.SaveReanalysed([new Reanalysis(TestDocuments.Plain("b.txt", "b", "Beta."), ["mentions"])]);
        store.Delete("b");

        var changes = store.Changes.Cursor("reader", []).Next(10);

        Assert.Equal(
            [("a", ChangeKind.Stored), ("b", ChangeKind.Stored), ("a", ChangeKind.Updated), ("b", ChangeKind.Reanalysed), ("b", ChangeKind.Deleted)],
            changes.Select(c => (c.DocumentId, c.Kind)));
        Assert.Equal(["mentions"], changes[3].Layers);
        Assert.Null(changes[0].Layers);
        Assert.Equal([1L, 2, 3, 4, 5], changes.Select(c => c.Position));
    }

    [Fact]
    public void A_cursor_moves_only_with_its_commit_and_never_passes_what_it_depends_on()
    {
        using var dir = new TempDir();
        using var store = SqliteDocumentStore.Open(dir.File("s.db"), TestPipelines.Full.Codecs);
        foreach (var name in (string[])["a", "b", "c"])
            store.Save(TestDocuments.Plain(name + ".txt", name, name + "."));
        var first = store.Changes.Cursor("first", []);
        var second = store.Changes.Cursor("second", ["first"]);

        Assert.Empty(second.Next(10));
        var two = first.Next(2);
        Assert.Equal(["a", "b"], two.Select(c => c.DocumentId));
        Assert.Equal(["a", "b"], first.Next(2).Select(c => c.DocumentId));
        first.Commit(two[^1].Position, () => { });

        Assert.Equal(["c"], first.Next(10).Select(c => c.DocumentId));
        Assert.Equal(["a", "b"], second.Next(10).Select(c => c.DocumentId));
        Assert.Equal(2, store.Changes.Position("first"));
        Assert.Equal(0, store.Changes.Position("second"));
    }

    [Fact]
    public void A_commit_that_throws_keeps_neither_its_writes_nor_the_new_position()
    {
        using var dir = new TempDir();
        using var store = SqliteDocumentStore.Open(dir.File("s.db"), TestPipelines.Full.Codecs);
        store.Save(TestDocuments.Plain("a.txt", "a", "Alpha."));
        var cursor = store.Changes.Cursor("reader", []);
        var batch = cursor.Next(10);

        Assert.ThrowsAny<Exception>(() => cursor.Commit(batch[^1].Position, () =>
        {
            cursor.Append("a", ChangeKind.Reanalysed, ["mentions"]);
            throw new InvalidOperationException("disk full");
        }));

        Assert.Equal(0, store.Changes.Position("reader"));
        Assert.Equal(1, store.Changes.Head);
    }

    [Fact]
    public void A_consumer_does_not_read_its_own_changes_but_others_do()
    {
        using var dir = new TempDir();
        using var store = SqliteDocumentStore.Open(dir.File("s.db"), TestPipelines.Full.Codecs);
        store.Save(TestDocuments.Plain("a.txt", "a", "Alpha."));
        var writer = store.Changes.Cursor("writer", []);
        var batch = writer.Next(10);
        writer.Commit(batch[^1].Position, () => writer.Append("a", ChangeKind.Reanalysed, ["stories"]));

        Assert.Empty(writer.Next(10));
        Assert.Equal(2, store.Changes.Position("writer"));
        var other = store.Changes.Cursor("other", []).Next(10);
        Assert.Equal([ChangeKind.Stored, ChangeKind.Reanalysed], other.Select(c => c.Kind));
        Assert.Equal("writer", other[1].By);
    }

    [Fact]
    public void A_version_5_store_keeps_its_mentions_and_entities_as_layers_and_its_pending_documents_on_the_feed()
    {
        using var dir = new TempDir();
        var db = dir.File("v5.db");
        SqliteDocumentStore.CreateAtVersion(db, 5);
        using (var raw = new SqliteConnection($"Data Source={db};Pooling=False"))
        {
            raw.Open();
            using var insert = raw.CreateCommand();
            insert.CommandText = """
                INSERT INTO documents (id, seq, source, format, raw_text, text, offset_map, published_inferred, stated,
                    removed, captions, notes, content_hash, text_hash, pipeline_version, stored_at, mentions, entities)
                VALUES
                    ('old', 1, 'old.txt', 'PlainText', 'Ilse Marakova spoke.', 'Ilse Marakova spoke.', '[[0,0,20]]', 0, '{}', '[]', '[]', '[]', 'h1', 't1',
                     'clean+language+metadata+tokens+entities+coreference@1', '2025-01-01T00:00:00Z', '[[0,13,"PERSON",0]]',
                     '[{"name":"Ilse Marakova","type":"PERSON","aliases":["Ilse Marakova"]}]'),
                    ('new', 2, 'new.txt', 'PlainText', 'Lenz closed.', 'Lenz closed.', '[[0,0,12]]', 0, '{}', '[]', '[]', '["decoded as windows-1252"]', 'h2', 't2',
                     'clean+language+metadata+tokens+entities+coreference@1', '2025-01-01T00:00:00Z', '[[0,4,"GPE",0]]',
                     '[{"name":"Lenz","type":"GPE","aliases":["Lenz"]}]'),
                    ('plain', 3, 'plain.txt', 'PlainText', 'No names.', 'No names.', '[[0,0,9]]', 0, '{}', '[]', '[]', '[]', 'h3', 't3',
                     'clean+language+metadata@1', '2025-01-01T00:00:00Z', '[]', '[]');
                INSERT INTO entity_pending (document) VALUES ('new');
                """;
            insert.ExecuteNonQuery();
        }

        using var store = SqliteDocumentStore.Open(db, TestPipelines.Full.Codecs);

        Assert.Equal(Sitrep.Storage.StoreSchema.LatestVersion, store.SchemaVersion);
        Assert.Equal("Ilse Marakova", store.Load("old")!.Entities()[0].Name);
        Assert.Equal("Lenz", store.Load("new")!.Mentions()[0].Text("Lenz closed."));
        Assert.False(store.Load("plain")!.Layers.Has(EntityLayers.Mentions));
        Assert.Equal(["decoded as windows-1252"], store.Load("new")!.InputNotes);
        // Analysed by an old pipeline whose stage versions nobody recorded: behind for every stage.
        Assert.True(TestPipelines.Full.IsBehind(store.StagesOf("old")!));
        // Every document is on the feed; entity resolution has read the resolved ones and finds the pending one next.
        Assert.Equal(3, store.Changes.Head);
        Assert.Equal(["new"], store.Changes.Cursor("entity-resolution", []).Next(10).Select(c => c.DocumentId));
        Assert.Equal(["old", "plain", "new"], store.Changes.Cursor("stories", []).Next(10).Select(c => c.DocumentId));
    }

    [Fact]
    public void A_document_changed_twice_in_one_batch_is_handled_once_as_it_is_now()
    {
        DocumentChange Change(long position, string id, ChangeKind kind) => new(position, id, kind, null, null);
        var batch = new[] { Change(1, "a", ChangeKind.Stored), Change(2, "b", ChangeKind.Stored), Change(3, "a", ChangeKind.Deleted), Change(4, "c", ChangeKind.Stored) };

        var latest = ChangeBatch.LatestPerDocument(batch);

        // "a" is handled at its deletion, after "b", and never at its first save.
        Assert.Equal([(2L, "b"), (3L, "a"), (4L, "c")], latest.Select(c => (c.Position, c.DocumentId)));
        Assert.DoesNotContain(latest, c => c.DocumentId == "a" && c.Kind == ChangeKind.Stored);
    }
}

using System.Security.Cryptography;
using System.Text;
using Sitrep.Ingest;
using Sitrep.Storage;
using Xunit;

namespace Sitrep.Tests.Storage;

public sealed class SqliteDocumentStoreSaveTests : IDisposable
{
    private readonly TempStorePath _file = new();

    public void Dispose() => _file.Dispose();

    [Fact]
    public void The_same_source_with_the_same_content_is_not_stored_again()
    {
        using var store = SqliteDocumentStore.Open(_file.Path, Sitrep.Tests.TestSupport.TestPipelines.Full.Codecs);
        store.Save(TestDocuments.Plain("feeds/a.txt", "a", "First body.", contentHash: "h1"));

        // Another id and body but the same source and content hash: the stored row wins.
        var outcome = store.Save(TestDocuments.Plain("feeds/a.txt", "renamed", "Reanalysed body.", contentHash: "h1"));

        Assert.Equal(new StoreOutcome(StoreStatus.AlreadyStored, "a", null), outcome);
        Assert.Equal(1, store.Count());
        Assert.Equal("First body.", store.Load("a")!.Text);
        Assert.Null(store.Load("renamed"));
    }

    [Fact]
    public void The_same_source_with_new_content_replaces_its_row_under_the_old_id()
    {
        using var store = SqliteDocumentStore.Open(_file.Path, Sitrep.Tests.TestSupport.TestPipelines.Full.Codecs);
        store.Save(TestDocuments.Plain("feeds/a.txt", "a", "Old body.", contentHash: "h1", pipelineVersion: "1"));

        var outcome = store.Save(TestDocuments.Plain("feeds/a.txt", "a-new", "New body.", contentHash: "h2", pipelineVersion: "2"));

        Assert.Equal(new StoreOutcome(StoreStatus.Updated, "a", null), outcome);
        Assert.Equal(1, store.Count());
        var doc = store.Load("a");
        Assert.NotNull(doc);
        Assert.Equal("New body.", doc.Text);
        Assert.Equal("h2", doc.ContentHash);
        Assert.Equal("2", doc.PipelineVersion);
        Assert.Null(store.Load("a-new"));
    }

    [Fact]
    public void A_body_seen_before_from_another_source_points_at_the_earliest_copy()
    {
        using var store = SqliteDocumentStore.Open(_file.Path, Sitrep.Tests.TestSupport.TestPipelines.Full.Codecs);
        var first = store.Save(TestDocuments.Plain("wire/1.txt", "wire-1", "Syndicated story."));
        var second = store.Save(TestDocuments.Plain("paper/1.txt", "paper-1", "Syndicated story."));
        var third = store.Save(TestDocuments.Plain("blog/1.txt", "blog-1", "Syndicated story."));
        var other = store.Save(TestDocuments.Plain("blog/2.txt", "blog-2", "Another story."));

        Assert.Null(first.DuplicateOf);
        Assert.Equal("wire-1", second.DuplicateOf);
        Assert.Equal("wire-1", third.DuplicateOf);
        Assert.Null(other.DuplicateOf);
        Assert.Equal("wire-1", store.Load("blog-1")!.DuplicateOf);
        Assert.Null(store.Load("wire-1")!.DuplicateOf);
    }

    [Fact]
    public void Empty_bodies_are_not_duplicates_of_each_other()
    {
        using var store = SqliteDocumentStore.Open(_file.Path, Sitrep.Tests.TestSupport.TestPipelines.Full.Codecs);
        store.Save(TestDocuments.Plain("a.txt", "a", "", contentHash: "ha"));

        var outcome = store.Save(TestDocuments.Plain("b.txt", "b", "", contentHash: "hb"));

        Assert.Equal(new StoreOutcome(StoreStatus.Stored, "b", null), outcome);
    }

    [Fact]
    public void An_id_held_by_another_source_gets_a_suffix_from_the_source_hash()
    {
        using var store = SqliteDocumentStore.Open(_file.Path, Sitrep.Tests.TestSupport.TestPipelines.Full.Codecs);
        store.Save(TestDocuments.Plain("desk-a/story.txt", "story", "Story from desk A."));

        var outcome = store.Save(TestDocuments.Plain("desk-b/story.txt", "story", "Story from desk B."));

        var expectedId = "story~" + Sha256Hex("desk-b/story.txt")[..8];
        Assert.Equal(new StoreOutcome(StoreStatus.Stored, expectedId, null), outcome);
        Assert.Equal("Story from desk A.", store.Load("story")!.Text);
        Assert.Equal("Story from desk B.", store.Load(expectedId)!.Text);
    }

    [Fact]
    public void When_the_suffixed_id_is_also_taken_a_counter_follows()
    {
        using var store = SqliteDocumentStore.Open(_file.Path, Sitrep.Tests.TestSupport.TestPipelines.Full.Codecs);
        var suffixed = "story~" + Sha256Hex("desk-c/story.txt")[..8];
        store.Save(TestDocuments.Plain("desk-x/odd.txt", suffixed, "Odd one."));
        store.Save(TestDocuments.Plain("desk-a/story.txt", "story", "Story from desk A."));

        var outcome = store.Save(TestDocuments.Plain("desk-c/story.txt", "story", "Story from desk C."));

        Assert.Equal(suffixed + "~2", outcome.Id);
        Assert.Equal("Story from desk C.", store.Load(suffixed + "~2")!.Text);
    }

    [Fact]
    public void Within_a_batch_earlier_documents_count_as_stored()
    {
        using var store = SqliteDocumentStore.Open(_file.Path, Sitrep.Tests.TestSupport.TestPipelines.Full.Codecs);

        var outcomes = store.SaveBatch(
        [
            TestDocuments.Plain("a.txt", "a", "Shared body.", contentHash: "h1"),
            TestDocuments.Plain("a.txt", "a", "Shared body.", contentHash: "h1"),
            TestDocuments.Plain("b.txt", "b", "Shared body.", contentHash: "h2"),
            TestDocuments.Plain("c.txt", "a", "Own body.", contentHash: "h3"),
            TestDocuments.Plain("a.txt", "a", "Changed body.", contentHash: "h4"),
        ]);

        Assert.Equal(
            [
                new StoreOutcome(StoreStatus.Stored, "a", null),
                new StoreOutcome(StoreStatus.AlreadyStored, "a", null),
                new StoreOutcome(StoreStatus.Stored, "b", "a"),
                new StoreOutcome(StoreStatus.Stored, "a~" + Sha256Hex("c.txt")[..8], null),
                new StoreOutcome(StoreStatus.Updated, "a", null),
            ],
            outcomes);
        Assert.Equal(3, store.Count());
        // "a" no longer has the shared body, so "b" is now the earliest copy of it.
        Assert.Null(store.Load("b")!.DuplicateOf);
    }

    [Fact]
    public void Updating_a_body_moves_the_duplicate_links_of_both_bodies()
    {
        using var store = SqliteDocumentStore.Open(_file.Path, Sitrep.Tests.TestSupport.TestPipelines.Full.Codecs);
        store.Save(TestDocuments.Plain("1.txt", "one", "Body X."));
        store.Save(TestDocuments.Plain("2.txt", "two", "Body X."));
        store.Save(TestDocuments.Plain("3.txt", "three", "Body X."));
        store.Save(TestDocuments.Plain("4.txt", "four", "Body Y."));

        // "one", stored first, now carries body Y: it is the earliest copy of Y and no longer of X.
        var outcome = store.Save(TestDocuments.Plain("1.txt", "one", "Body Y."));

        Assert.Equal(new StoreOutcome(StoreStatus.Updated, "one", null), outcome);
        Assert.Null(store.Load("two")!.DuplicateOf);
        Assert.Equal("two", store.Load("three")!.DuplicateOf);
        Assert.Equal("one", store.Load("four")!.DuplicateOf);
        Assert.Equal(["one", "two", "three", "four"], store.LoadAll().Select(d => d.Id));
    }

    [Fact]
    public void An_update_to_a_later_copy_of_a_body_points_it_at_the_earlier_one()
    {
        using var store = SqliteDocumentStore.Open(_file.Path, Sitrep.Tests.TestSupport.TestPipelines.Full.Codecs);
        store.Save(TestDocuments.Plain("1.txt", "one", "Body X."));
        store.Save(TestDocuments.Plain("2.txt", "two", "Body Y."));

        var outcome = store.Save(TestDocuments.Plain("2.txt", "two", "Body X."));

        Assert.Equal(new StoreOutcome(StoreStatus.Updated, "two", "one"), outcome);
        Assert.Equal("one", store.Load("two")!.DuplicateOf);
    }

    [Fact]
    public void An_update_that_keeps_the_body_keeps_its_duplicate_link()
    {
        using var store = SqliteDocumentStore.Open(_file.Path, Sitrep.Tests.TestSupport.TestPipelines.Full.Codecs);
        store.Save(TestDocuments.Plain("1.txt", "one", "Body X."));
        store.Save(TestDocuments.Plain("2.txt", "two", "Body X."));

        // New raw content (say, new stated metadata) that cleans to the same body.
        var outcome = store.Save(TestDocuments.Plain("2.txt", "two", "Body X.", contentHash: "new raw"));

        Assert.Equal(new StoreOutcome(StoreStatus.Updated, "two", "one"), outcome);
        Assert.Equal("one", store.Load("two")!.DuplicateOf);
        Assert.Equal("new raw", store.Load("two")!.ContentHash);
    }

    [Fact]
    public void After_SaveBatch_returns_another_connection_sees_every_row()
    {
        var docs = Enumerable.Range(0, 300)
            .Select(i => TestDocuments.Plain($"batch/{i}.txt", $"doc-{i}", $"Body number {i}."))
            .ToList();
        using var store = SqliteDocumentStore.Open(_file.Path, Sitrep.Tests.TestSupport.TestPipelines.Full.Codecs);

        store.SaveBatch(docs);

        // The writer stays open: what the reader sees was committed, not merely cached.
        using var reader = SqliteDocumentStore.Open(_file.Path, Sitrep.Tests.TestSupport.TestPipelines.Full.Codecs);
        Assert.Equal(300, reader.Count());
        Assert.Equal("Body number 299.", reader.Load("doc-299")!.Text);
        using var raw = _file.OpenRaw(Microsoft.Data.Sqlite.SqliteOpenMode.ReadOnly);
        using var command = raw.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM documents";
        Assert.Equal(300L, command.ExecuteScalar());
    }

    [Fact]
    public void A_batch_that_fails_midway_leaves_nothing_behind()
    {
        using var store = SqliteDocumentStore.Open(_file.Path, Sitrep.Tests.TestSupport.TestPipelines.Full.Codecs);
        store.Save(TestDocuments.Plain("before.txt", "before", "Stored earlier."));

        Assert.Throws<ArgumentException>(() => store.SaveBatch(
        [
            TestDocuments.Plain("a.txt", "a", "First of the batch."),
            TestDocuments.Plain("before.txt", "before", "Would update.", contentHash: "changed"),
            null!,
            TestDocuments.Plain("c.txt", "c", "Never reached."),
        ]));

        Assert.Equal(1, store.Count());
        Assert.Null(store.Load("a"));
        Assert.Equal("Stored earlier.", store.Load("before")!.Text);
        // The store is still usable after the rollback.
        Assert.Equal(StoreStatus.Stored, store.Save(TestDocuments.Plain("a.txt", "a", "First of the batch.")).Status);
    }

    [Fact]
    public void LoadAll_returns_documents_in_the_order_they_were_first_stored()
    {
        using var store = SqliteDocumentStore.Open(_file.Path, Sitrep.Tests.TestSupport.TestPipelines.Full.Codecs);
        store.Save(TestDocuments.Plain("z.txt", "z", "Zed."));
        store.Save(TestDocuments.Plain("a.txt", "a", "Ay."));
        store.Save(TestDocuments.Plain("m.txt", "m", "Em."));

        Assert.Equal(["z", "a", "m"], store.LoadAll().Select(d => d.Id));
        Assert.Equal(["Zed.", "Ay.", "Em."], store.LoadAll().Select(d => d.Text));
    }

    [Fact]
    public void The_stages_that_analysed_a_document_are_kept_with_their_versions()
    {
        using var store = SqliteDocumentStore.Open(_file.Path, Sitrep.Tests.TestSupport.TestPipelines.Full.Codecs);
        store.Save(TestDocuments.Plain("1.txt", "one", "One.") with { Stages = new Dictionary<string, string> { ["clean"] = "1", ["metadata"] = "2" } });
        store.Save(TestDocuments.Plain("2.txt", "two", "Two."));

        Assert.Equal(new Dictionary<string, string> { ["clean"] = "1", ["metadata"] = "2" }, store.StagesOf("one"));
        Assert.Empty(store.StagesOf("two")!);
        Assert.Null(store.StagesOf("three"));
        Assert.Equal(["one", "two"], store.Ids());
    }

    [Fact]
    public void FindBySourceAndHash_finds_only_the_exact_source_and_content()
    {
        using var store = SqliteDocumentStore.Open(_file.Path, Sitrep.Tests.TestSupport.TestPipelines.Full.Codecs);
        store.Save(TestDocuments.Plain("a.txt", "a", "Body.", contentHash: "h1"));

        Assert.Equal("a", store.FindBySourceAndHash("a.txt", "h1"));
        Assert.Null(store.FindBySourceAndHash("a.txt", "h2"));
        Assert.Null(store.FindBySourceAndHash("b.txt", "h1"));
    }

    private static string Sha256Hex(string text) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}

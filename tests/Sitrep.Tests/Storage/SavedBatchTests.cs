using Sitrep.Documents;
using Sitrep.Entities;
using Sitrep.Entities.Resolution;
using Sitrep.Ingest;
using Sitrep.Storage;
using Sitrep.Tests.TestSupport;

namespace Sitrep.Tests.Storage;

/// <summary>
/// The cross-document stages read the batch just stored from memory (encoded by the analysing
/// threads, decoded as a load would): what they read must be what the store holds, and another
/// process's change to a stored document must not be hidden by the copy kept.
/// </summary>
public sealed class SavedBatchTests
{
    private const string Text = "Officials in Dravik said on Monday that Mara Velan, the port minister, would meet the Harbour Workers Union.\n\nVelan told reporters the strike would end.";

    private static readonly IReadOnlySet<string> Layers = new HashSet<string>(StringComparer.Ordinal) { EntityLayers.Mentions.Name, EntityLayers.DocumentEntities.Name };

    [Fact]
    public void A_document_read_right_after_its_batch_is_what_another_connection_reads()
    {
        using var path = new TempStorePath();
        using var store = SqliteDocumentStore.Open(path.Path, TestPipelines.Full.Codecs);
        var analysed = TestPipelines.Full.Analyze(new ArticleInput("src-port", "port", InputFormat.PlainText, Text, StatedMetadata.None, []));
        Assert.NotEmpty(analysed.Mentions());
        store.Prepare(analysed);
        var id = store.SaveBatch([analysed])[0].Id;

        var kept = store.Load(id, Layers)!;
        using var other = SqliteDocumentStore.Open(path.Path, TestPipelines.Full.Codecs);
        var read = other.Load(id, Layers)!;
        Assert.Equal(read.Text, kept.Text);
        Assert.Equal(read.Metadata, kept.Metadata);
        Assert.Equal(EntityLayers.WriteMentions(read.Mentions()), EntityLayers.WriteMentions(kept.Mentions()));
        Assert.Equal(EntityLayers.WriteEntities(read.Entities()), EntityLayers.WriteEntities(kept.Entities()));
        Assert.Equal(EntityLayers.WriteEntities(other.Entities.DocumentEntities(id)!), EntityLayers.WriteEntities(store.Entities.DocumentEntities(id)!));
    }

    [Fact]
    public void Every_document_read_with_some_layers_has_those_and_not_the_others_in_store_order()
    {
        using var path = new TempStorePath();
        using var store = SqliteDocumentStore.Open(path.Path, TestPipelines.Full.Codecs);
        var first = TestPipelines.Full.Analyze(new ArticleInput("src-port", "port", InputFormat.PlainText, Text, StatedMetadata.None, []));
        var second = TestPipelines.Full.Analyze(new ArticleInput("src-dock", "dock", InputFormat.PlainText, Text.Replace("Monday", "Tuesday", StringComparison.Ordinal), StatedMetadata.None, []));
        Assert.NotNull(first.Layers.Get(Sitrep.Quotes.QuotesFeature.Quotes));
        store.Prepare(first);
        store.Prepare(second);
        store.SaveBatch([first, second]);

        var read = store.LoadAll(Layers).ToList();
        Assert.Equal(["port", "dock"], read.Select(d => d.Id));
        foreach (var document in read)
        {
            Assert.NotEmpty(document.Mentions());
            Assert.NotEmpty(document.Entities());
            // Asked for names only: the quotes and times stay undecoded.
            Assert.Null(document.Layers.Get(Sitrep.Quotes.QuotesFeature.Quotes));
            Assert.Null(document.Layers.Get(Sitrep.Time.TimesFeature.Times));
        }
        Assert.NotNull(store.LoadAll().First().Layers.Get(Sitrep.Quotes.QuotesFeature.Quotes));
    }

    [Fact]
    public void Another_process_deleting_the_document_is_seen_and_not_the_copy_kept()
    {
        using var path = new TempStorePath();
        using var store = SqliteDocumentStore.Open(path.Path, TestPipelines.Full.Codecs);
        var analysed = TestPipelines.Full.Analyze(new ArticleInput("src-port", "port", InputFormat.PlainText, Text, StatedMetadata.None, []));
        store.Prepare(analysed);
        var id = store.SaveBatch([analysed])[0].Id;

        using (var other = SqliteDocumentStore.Open(path.Path, TestPipelines.Full.Codecs))
            Assert.True(other.Delete(id));
        Assert.Null(store.Load(id, Layers));
        Assert.Null(store.Entities.DocumentEntities(id));
    }

    [Fact]
    public void A_batch_and_its_stages_in_one_transaction_keep_nothing_when_a_stage_throws_and_the_batch_stores_whole_next_time()
    {
        using var path = new TempStorePath();
        var analysed = TestPipelines.Full.Analyze(new ArticleInput("src-port", "port", InputFormat.PlainText, Text, StatedMetadata.None, []));
        using (var store = SqliteDocumentStore.Open(path.Path, TestPipelines.Full.Codecs))
        {
            store.Prepare(analysed);
            Assert.Throws<InvalidOperationException>(() => store.InOneTransaction(() =>
            {
                store.SaveBatch([analysed]);
                throw new InvalidOperationException("a stage broke");
            }));
            // Neither the document nor its change on the feed, nor the copy kept for the stages.
            Assert.Equal(0, store.Count());
            Assert.Equal(0, store.Changes.Head);
            Assert.Null(store.Load(analysed.Id, Layers));

            var stages = TestPipelines.Full.CrossDocument.Select(c => c.Create(store)).ToList();
            store.InOneTransaction(() =>
            {
                Assert.Equal(StoreStatus.Stored, store.SaveBatch([analysed])[0].Status);
                foreach (var stage in stages)
                    Assert.Empty(stage.Update(store.Changes.Cursor(stage.Name, stage.DependsOn), CancellationToken.None));
            });
        }

        // What another connection reads once it committed: the document, the entities resolved from it, every stage caught up.
        using (var other = SqliteDocumentStore.Open(path.Path, TestPipelines.Full.Codecs))
        {
            Assert.Equal(1, other.Count());
            Assert.All(TestPipelines.Full.CrossDocument, c => Assert.Equal(other.Changes.Head, other.Changes.Position(c.Name)));
        }
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={path.Path};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM entity_links l JOIN entities e ON e.id = l.entity WHERE e.name LIKE '%Velan%'";
        Assert.True(Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) > 0, "the entity the document names was not resolved");
    }

    [Fact]
    public void A_batch_is_let_go_once_its_transaction_is_over_and_reads_come_from_the_store()
    {
        using var path = new TempStorePath();
        using var store = SqliteDocumentStore.Open(path.Path, TestPipelines.Full.Codecs);
        var stages = TestPipelines.Full.CrossDocument.Select(c => c.Create(store)).ToList();
        var (kept, id, mentions) = SaveInOneTransaction(store, stages);

        // Nothing of the store holds the analysed document once the batch and its stages committed: a run
        // keeps one batch in memory, not the one stored beside the one being analysed.
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        Assert.False(kept.IsAlive, "the store still holds the analysed layers of a committed batch");
        var read = store.Load(id, Layers)!;
        Assert.Equal(mentions, EntityLayers.WriteMentions(read.Mentions()));
        Assert.NotEmpty(store.Entities.DocumentEntities(id)!);
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static (WeakReference Kept, string Id, string Mentions) SaveInOneTransaction(SqliteDocumentStore store, List<Sitrep.Pipeline.ICrossDocumentStage> stages)
    {
        var analysed = TestPipelines.Full.Analyze(new ArticleInput("src-port", "port", InputFormat.PlainText, Text, StatedMetadata.None, []));
        store.Prepare(analysed);
        string id = "";
        store.InOneTransaction(() =>
        {
            id = store.SaveBatch([analysed])[0].Id;
            foreach (var stage in stages)
                Assert.Empty(stage.Update(store.Changes.Cursor(stage.Name, stage.DependsOn), CancellationToken.None));
        });
        // The analysed layers are what the copy kept for the stages shares with the document.
        return (new WeakReference(analysed.Layers), id, EntityLayers.WriteMentions(analysed.Mentions()));
    }
}

using Sitrep.Documents;
using Sitrep.Ingest;
using Sitrep.Storage;
using Xunit;

namespace Sitrep.Tests.Storage;

/// <summary>
/// A batch's cross-document work runs first without the savepoint each document is otherwise kept in (each copies every
/// page it first changes: about a tenth of a whole-corpus run's processor time). Only when a document fails is the batch
/// rolled back and run again with them, so what is stored is what the savepoints would have kept.
/// </summary>
public sealed class SavepointsLeftOutTests : IDisposable
{
    private readonly TempStorePath _file = new();

    public void Dispose() => _file.Dispose();

    /// <summary>An entity with a key of its name, written as a cross-document stage writes.</summary>
    internal static void Name(SqliteDocumentStore store, string name) => store.Entities.AddKeys(store.Entities.Create(name, "PERSON"), ["t:" + name]);

    internal static bool Named(SqliteDocumentStore store, string name) => store.Entities.Lookup("t:" + name).Count > 0;

    [Fact]
    public void A_batch_in_which_no_document_fails_runs_once_and_opens_no_savepoint()
    {
        using var store = SqliteDocumentStore.Open(_file.Path, TestSupport.TestPipelines.Full.Codecs);
        int runs = 0, rolledBack = 0;

        store.InOneTransaction(
            () =>
            {
                runs++;
                store.SaveBatch([TestDocuments.Plain("a.txt", "a", "Ferries run again on the northern route."), TestDocuments.Plain("b.txt", "b", "The harbour reopened on Monday.")]);
                foreach (var name in (string[])["Lena Marwick", "Tomas Brandt"])
                    store.Entities.AllOrNothing(() => Name(store, name));
            },
            () => rolledBack++);

        Assert.Equal(1, runs);
        Assert.Equal(0, rolledBack);
        Assert.Equal(0, store.SavepointsOpened);
        Assert.Equal(2, store.Count());
        Assert.Equal([true, false, true], ((string[])["Lena Marwick", "Half Written", "Tomas Brandt"]).Select(n => Named(store, n)));
    }

    [Fact]
    public void A_document_that_fails_keeps_none_of_its_writes_and_the_others_keep_theirs()
    {
        using var store = SqliteDocumentStore.Open(_file.Path, TestSupport.TestPipelines.Full.Codecs);
        int runs = 0, rolledBack = 0;
        var failures = new List<string>();

        store.InOneTransaction(
            () =>
            {
                runs++;
                failures.Clear();
                store.SaveBatch([TestDocuments.Plain("a.txt", "a", "Ferries run again on the northern route."), TestDocuments.Plain("b.txt", "b", "The harbour reopened on Monday.")]);
                foreach (var name in (string[])["Lena Marwick", "Half Written", "Tomas Brandt"])
                {
                    try
                    {
                        store.Entities.AllOrNothing(() =>
                        {
                            Name(store, name);
                            if (name == "Half Written")
                                throw new InvalidOperationException("the ledger is corrupt");
                        });
                    }
                    catch (InvalidOperationException e)
                    {
                        // As a cross-document stage does: the document is reported and the others go on.
                        failures.Add(e.Message);
                    }
                }
            },
            () => rolledBack++);

        // Run without savepoints, rolled back once a document failed, then run again with them.
        Assert.Equal(2, runs);
        Assert.Equal(1, rolledBack);
        Assert.Equal(["the ledger is corrupt"], failures);
        Assert.Equal(3, store.SavepointsOpened);
        Assert.Equal(2, store.Count());
        Assert.Equal([true, false, true], ((string[])["Lena Marwick", "Half Written", "Tomas Brandt"]).Select(n => Named(store, n)));
    }

    [Fact]
    public void Whatever_escapes_after_a_failure_without_savepoint_is_run_again_with_them()
    {
        using var store = SqliteDocumentStore.Open(_file.Path, TestSupport.TestPipelines.Full.Codecs);
        int runs = 0;

        store.InOneTransaction(
            () =>
            {
                runs++;
                try
                {
                    store.Entities.AllOrNothing(() =>
                    {
                        Name(store, "Half Written");
                        throw new InvalidOperationException("the ledger is corrupt");
                    });
                }
                catch (InvalidOperationException)
                {
                }
                // Without its savepoint the failed document's row is still there: later work that trips over it
                // must not fail the batch, which runs again with the savepoints (where the row is gone).
                if (Named(store, "Half Written"))
                    throw new InvalidOperationException("a leftover of the failed document");
                store.Entities.AllOrNothing(() => Name(store, "Lena Marwick"));
            },
            () => { });

        Assert.Equal(2, runs);
        Assert.Equal([true, false], ((string[])["Lena Marwick", "Half Written"]).Select(n => Named(store, n)));
    }

    [Fact]
    public void A_failure_that_owes_nothing_to_a_missing_savepoint_escapes_and_keeps_nothing()
    {
        using var store = SqliteDocumentStore.Open(_file.Path, TestSupport.TestPipelines.Full.Codecs);
        int runs = 0, rolledBack = 0;

        Assert.Throws<InvalidOperationException>(() => store.InOneTransaction(
            () =>
            {
                runs++;
                store.SaveBatch([TestDocuments.Plain("a.txt", "a", "Ferries run again on the northern route.")]);
                throw new InvalidOperationException("the disk went away");
            },
            () => rolledBack++));

        Assert.Equal(1, runs);
        Assert.Equal(0, rolledBack);
        Assert.Equal(0, store.Count());
    }
}

/// <summary>The same through analyze's batches: a cross-document stage that fails on one article reports it once, and forgets what it cached of the run rolled back.</summary>
public sealed class SavepointsLeftOutBatchTests : IDisposable
{
    private readonly TempStorePath _file = new();

    public void Dispose() => _file.Dispose();

    [Fact]
    public void A_stage_failing_on_one_article_reports_it_once_and_keeps_the_others_writes()
    {
        using var store = SqliteDocumentStore.Open(_file.Path, TestSupport.TestPipelines.Full.Codecs);
        var stage = new NamingStage(store);
        var pipeline = new Sitrep.Pipeline.PipelineBuilder().Use(new Sitrep.Cleaning.CleaningStage()).Build();
        var items = new[] { "The ferry runs again.", "FAIL the harbour is shut.", "The bridge reopened." }
            .Select((text, i) => InputItem.Of(new ArticleInput($"in/{i}.txt", $"doc-{i}", InputFormat.PlainText, text, StatedMetadata.None, [])))
            .ToList();

        var summary = new BatchAnalyzer(pipeline, store, batchSize: 8, parallelism: 1, crossDocument: [stage]).Run(items, null, TestContext.Current.CancellationToken);

        Assert.Equal(3, summary.Stored);
        var failure = Assert.Single(summary.Failures);
        Assert.Equal("doc-1", failure.Source);
        Assert.Equal(1, stage.RolledBackCount);
        // The failed article's entity was written before it failed and is gone; the others' stay.
        Assert.Equal([true, false, true], ((string[])["named doc-0", "named doc-1", "named doc-2"]).Select(n => SavepointsLeftOutTests.Named(store, n)));
        // What the stage cached in the run rolled back was forgotten: it holds only what the store holds.
        Assert.Equal(["doc-0", "doc-2"], stage.Cached.Order(StringComparer.Ordinal));
    }

    /// <summary>Writes one entity per stored article inside the index's all-or-nothing, and fails after writing on an article that says FAIL.</summary>
    private sealed class NamingStage(SqliteDocumentStore store) : Sitrep.Pipeline.ICrossDocumentStage
    {
        public HashSet<string> Cached { get; } = new(StringComparer.Ordinal);

        public int RolledBackCount { get; private set; }

        public string Name => "naming";

        public IReadOnlyList<string> DependsOn => [];

        public IReadOnlyList<InputFailure> Update(Sitrep.Pipeline.IChangeCursor changes, CancellationToken cancellation)
        {
            var failures = new List<InputFailure>();
            while (changes.Next(16) is { Count: > 0 } batch)
            {
                changes.Commit(batch[^1].Position, () =>
                {
                    foreach (var change in batch)
                    {
                        try
                        {
                            store.Entities.AllOrNothing(() =>
                            {
                                SavepointsLeftOutTests.Name(store, "named " + change.DocumentId);
                                if (store.Load(change.DocumentId)!.Text.StartsWith("FAIL", StringComparison.Ordinal))
                                    throw new InvalidOperationException("cannot name it");
                                Cached.Add(change.DocumentId);
                            });
                        }
                        catch (InvalidOperationException e)
                        {
                            failures.Add(new InputFailure(change.DocumentId, e.Message));
                        }
                    }
                });
            }
            return failures;
        }

        public void RolledBack()
        {
            RolledBackCount++;
            Cached.Clear();
        }
    }
}

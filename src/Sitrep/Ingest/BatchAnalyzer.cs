using System.Diagnostics;
using Sitrep.Documents;
using Sitrep.Pipeline;

namespace Sitrep.Ingest;

/// <summary>
/// Runs inputs through the pipeline into a store: reads in order, analyses a batch in parallel,
/// stores the batch in input order in one transaction, so the result does not depend on thread
/// timing and nothing reported as stored can be lost. One bad input is reported and skipped.
/// </summary>
public sealed class BatchAnalyzer
{
    private readonly DocumentPipeline _pipeline;
    private readonly IDocumentStore _store;
    private readonly int _batchSize;
    private readonly int _parallelism;
    private readonly IReadOnlyList<ICrossDocumentStage> _crossDocument;

    public BatchAnalyzer(DocumentPipeline pipeline, IDocumentStore store, int batchSize = 256, int? parallelism = null, IReadOnlyList<ICrossDocumentStage>? crossDocument = null)
    {
        _crossDocument = crossDocument ?? [];
        _pipeline = pipeline ?? throw new ArgumentNullException(nameof(pipeline));
        _store = store ?? throw new ArgumentNullException(nameof(store));
        _batchSize = Math.Max(1, batchSize);
        _parallelism = parallelism ?? Environment.ProcessorCount;
    }

    public BatchSummary Run(IEnumerable<InputItem> items, IProgress<BatchProgress>? progress = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(items);
        var summary = new BatchSummary();
        var clock = Stopwatch.StartNew();
        var batch = new List<InputItem>(_batchSize);
        foreach (var item in items)
        {
            cancellation.ThrowIfCancellationRequested();
            batch.Add(item);
            if (batch.Count == _batchSize)
            {
                RunBatch(batch, summary);
                batch.Clear();
                progress?.Report(new BatchProgress(summary.Read, summary.Failed, summary.Read / Math.Max(clock.Elapsed.TotalSeconds, 1e-3)));
            }
        }
        if (batch.Count > 0)
            RunBatch(batch, summary);
        summary.Elapsed = clock.Elapsed;
        progress?.Report(new BatchProgress(summary.Read, summary.Failed, summary.Read / Math.Max(clock.Elapsed.TotalSeconds, 1e-3)));
        return summary;
    }

    private void RunBatch(List<InputItem> batch, BatchSummary summary)
    {
        var results = new (Document? Document, string? StoredId, InputFailure? Failure)[batch.Count];
        for (int i = 0; i < batch.Count; i++)
        {
            if (batch[i].Failure is { } failure)
                results[i] = (null, null, failure);
            else if (batch[i].UnchangedSource is not null)
                continue;
            else if (_store.FindBySourceAndHash(batch[i].Article!.Source, batch[i].Article!.ContentHash) is { } stored)
                results[i] = (null, stored.Id, null);
        }

        Parallel.For(0, batch.Count, new ParallelOptions { MaxDegreeOfParallelism = _parallelism }, i =>
        {
            if (results[i].Failure is not null || results[i].StoredId is not null || batch[i].UnchangedSource is not null)
                return;
            var input = batch[i].Article!;
            try
            {
                results[i] = (_pipeline.Analyze(input), null, null);
            }
            catch (InputRejectedException e)
            {
                results[i] = (null, null, new InputFailure(input.Source, e.Message));
            }
#pragma warning disable CA1031 // One article's bug must not stop a batch; it is reported with its reason.
            catch (Exception e)
#pragma warning restore CA1031
            {
                results[i] = (null, null, new InputFailure(input.Source, $"analysis failed: {e.GetType().Name}: {e.Message}"));
            }
        });

        var toStore = new List<Document>();
        foreach (var r in results)
        {
            if (r.Document is not null)
                toStore.Add(r.Document);
        }
        var outcomes = toStore.Count > 0 ? _store.SaveBatch(toStore) : [];
        // Cross-document stages catch up after each batch, in store order, so their results do not
        // depend on thread timing; what a crash leaves undone they find pending next time.
        foreach (var stage in _crossDocument)
            summary.Failures.AddRange(stage.Update());
        int next = 0;
        for (int i = 0; i < results.Length; i++)
        {
            var r = results[i];
            summary.Read++;
            if (batch[i].UnchangedSource is not null)
            {
                summary.Unchanged++;
                continue;
            }
            if (r.Failure is not null)
            {
                summary.Failures.Add(r.Failure);
                continue;
            }
            if (r.StoredId is not null)
            {
                summary.AlreadyStored++;
                summary.DocumentIds.Add(r.StoredId);
                continue;
            }
            var outcome = outcomes[next++];
            switch (outcome.Status)
            {
                case StoreStatus.Stored:
                    summary.Stored++;
                    break;
                case StoreStatus.Updated:
                    summary.Updated++;
                    break;
                default:
                    summary.AlreadyStored++;
                    break;
            }
            if (outcome.DuplicateOf is not null && outcome.Status != StoreStatus.AlreadyStored)
                summary.Duplicates++;
            summary.DocumentIds.Add(outcome.Id);
        }
    }
}

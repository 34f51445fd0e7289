using System.Diagnostics;
using System.Threading.Channels;
using Sitrep.Documents;
using Sitrep.Pipeline;

namespace Sitrep.Ingest;

/// <summary>
/// Runs inputs through the pipeline into a store, three things at once: one thread reads the next
/// batch, every core analyses the current one, and one thread stores the batch before it and lets
/// the cross-document stages catch up. Batches are stored in input order, each in one transaction,
/// so the result does not depend on thread timing and nothing reported as stored can be lost. One
/// bad input is reported and skipped; a stage that fails on one document leaves it stored with a note.
/// </summary>
public sealed class BatchAnalyzer
{
    /// <summary>Batches read ahead of the one being analysed: enough to keep the cores busy, few enough to keep memory flat.</summary>
    private const int ReadAhead = 2;

    /// <summary>
    /// A batch is cut when its raw text reaches this many characters (64 MB), however few articles it
    /// holds: with the batches read ahead and being stored, memory stays bounded when every record of a
    /// dump is near the size limit.
    /// </summary>
    private const long MaxBatchChars = 32L * 1024 * 1024;

    private readonly DocumentPipeline _pipeline;
    private readonly IDocumentStore _store;
    private readonly int _batchSize;
    private readonly int _parallelism;
    private readonly IReadOnlyList<ICrossDocumentStage> _crossDocument;
    private readonly Lock _storeGate;

    /// <summary>
    /// The cores the analysing threads and the storing thread share: the storing thread (store and
    /// cross-document stages, which only one thread can run) takes one before the analysing threads
    /// take another, so that it never waits behind them for a core; the others analyse meanwhile.
    /// Without it three threads shared two cores, the storing thread fell behind, and the analysing
    /// threads then waited for it with a core idle.
    /// </summary>
    private readonly CoreGate? _cores;

    /// <param name="pipeline">The per-document stages.</param>
    /// <param name="store">Where documents go; used from one thread at a time, under <paramref name="storeGate"/>.</param>
    /// <param name="batchSize">Documents per transaction.</param>
    /// <param name="parallelism">Threads that analyse (default: one per core).</param>
    /// <param name="crossDocument">Cross-document stages, in the order they run after each stored batch.</param>
    /// <param name="storeGate">Held while the store is used: the reading thread may need the store too (feed validators).</param>
    public BatchAnalyzer(DocumentPipeline pipeline, IDocumentStore store, int batchSize = 256, int? parallelism = null, IReadOnlyList<ICrossDocumentStage>? crossDocument = null, Lock? storeGate = null)
    {
        _pipeline = pipeline ?? throw new ArgumentNullException(nameof(pipeline));
        _store = store ?? throw new ArgumentNullException(nameof(store));
        _batchSize = Math.Max(1, batchSize);
        _parallelism = parallelism ?? Environment.ProcessorCount;
        _crossDocument = crossDocument ?? [];
        _storeGate = storeGate ?? new Lock();
        // With one analysing thread, storing runs beside it as before, on a core of its own.
        _cores = _parallelism >= 2 ? new CoreGate(_parallelism) : null;
    }

    public BatchSummary Run(IEnumerable<InputItem> items, IProgress<BatchProgress>? progress = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(items);
        var summary = new BatchSummary();
        var clock = Stopwatch.StartNew();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        var batches = Channel.CreateBounded<List<InputItem>>(new BoundedChannelOptions(ReadAhead) { SingleReader = true, SingleWriter = true });
        var reader = Task.Run(() => Read(items, batches.Writer, stop.Token), CancellationToken.None);
        IDocumentLookup lookup;
        lock (_storeGate)
            lookup = _store.OpenLookup();
        var committing = Task.CompletedTask;
        try
        {
            using (lookup)
            {
                while (batches.Reader.WaitToReadAsync(stop.Token).AsTask().GetAwaiter().GetResult())
                {
                    while (batches.Reader.TryRead(out var batch))
                    {
                        var results = Analyze(batch, lookup);
                        // The batch before must be stored first: batches are stored in input order.
                        if (!committing.IsCompleted)
                        {
                            long waitStart = Stopwatch.GetTimestamp();
                            ((IAsyncResult)committing).AsyncWaitHandle.WaitOne();
                            summary.AnalysisWaited += Stopwatch.GetElapsedTime(waitStart);
                        }
                        committing.GetAwaiter().GetResult();
                        committing = Task.Run(() => Commit(batch, results, summary, progress, clock), CancellationToken.None);
                    }
                }
                committing.GetAwaiter().GetResult();
                reader.GetAwaiter().GetResult();
            }
        }
        catch
        {
            // Stop reading and let the batch being stored finish (or fail) before the caller goes on.
            stop.Cancel();
            try
            {
                Task.WaitAll(committing, reader);
            }
#pragma warning disable CA1031 // The first failure is the one reported; the others followed from it.
            catch
#pragma warning restore CA1031
            {
            }
            throw;
        }
        summary.Elapsed = clock.Elapsed;
        return summary;
    }

    private async Task Read(IEnumerable<InputItem> items, ChannelWriter<List<InputItem>> writer, CancellationToken cancellation)
    {
        try
        {
            var batch = new List<InputItem>(_batchSize);
            long chars = 0;
            foreach (var item in items)
            {
                cancellation.ThrowIfCancellationRequested();
                batch.Add(item);
                chars += item.Article?.RawText.Length ?? 0;
                if (batch.Count == _batchSize || chars >= MaxBatchChars)
                {
                    await writer.WriteAsync(batch, cancellation).ConfigureAwait(false);
                    batch = new List<InputItem>(_batchSize);
                    chars = 0;
                }
            }
            if (batch.Count > 0)
                await writer.WriteAsync(batch, cancellation).ConfigureAwait(false);
            writer.Complete();
        }
        catch (Exception e)
        {
            writer.Complete(e);
            throw;
        }
    }

    private (Document? Document, string? StoredId, InputFailure? Failure)[] Analyze(List<InputItem> batch, IDocumentLookup lookup)
    {
        var results = new (Document? Document, string? StoredId, InputFailure? Failure)[batch.Count];
        for (int i = 0; i < batch.Count; i++)
        {
            if (batch[i].Failure is { } failure)
                results[i] = (null, null, failure);
            else if (batch[i].UnchangedSource is not null)
                continue;
            else if (lookup.FindBySourceAndHash(batch[i].Article!.Source, batch[i].Article!.ContentHash) is { } stored)
                results[i] = (null, stored, null);
        }

        Parallel.For(0, batch.Count, new ParallelOptions { MaxDegreeOfParallelism = _parallelism }, i =>
        {
            if (results[i].Failure is not null || results[i].StoredId is not null || batch[i].UnchangedSource is not null)
                return;
            var input = batch[i].Article!;
            _cores?.Enter(storing: false);
            try
            {
                var document = _pipeline.Analyze(input);
                // Encoding the layers for the store here, on every core, spares the one thread that stores.
                _store.Prepare(document);
                foreach (var stage in _crossDocument)
                    stage.Prepare(document);
                results[i] = (document, null, null);
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
            finally
            {
                _cores?.Exit();
            }
        });
        return results;
    }

    private void Commit(List<InputItem> batch, (Document? Document, string? StoredId, InputFailure? Failure)[] results, BatchSummary summary, IProgress<BatchProgress>? progress, Stopwatch clock)
    {
        var toStore = new List<Document>();
        foreach (var r in results)
        {
            if (r.Document is not null)
                toStore.Add(r.Document);
        }
        IReadOnlyList<StoreOutcome> outcomes;
        _cores?.Enter(storing: true);
        long busyStart = Stopwatch.GetTimestamp();
        var processorStart = ThreadClock.Now();
        try
        {
            lock (_storeGate)
            {
                IReadOnlyList<StoreOutcome> saved = [];
                var failures = new List<InputFailure>();
                // The batch and what the cross-document stages make of it commit together (one write of the
                // pages every step touches); the stages catch up after each batch, in store order, so their
                // results do not depend on thread timing; what a crash leaves undone they find on the change
                // feed next time.
                // First without the savepoint each stage keeps each document in (a tenth of the processor time
                // of a whole-corpus run); run again with them only if a document failed (IDocumentStore).
                _store.InOneTransaction(
                    () =>
                    {
                        failures.Clear();
                        saved = toStore.Count > 0 ? _store.SaveBatch(toStore) : [];
                        foreach (var stage in _crossDocument)
                            failures.AddRange(stage.Update(_store.Changes.Cursor(stage.Name, stage.DependsOn), CancellationToken.None));
                    },
                    () =>
                    {
                        foreach (var stage in _crossDocument)
                            stage.RolledBack();
                    });
                outcomes = saved;
                summary.Failures.AddRange(failures);
            }
        }
        finally
        {
            summary.StoringProcessor += ThreadClock.Now() - processorStart;
            summary.StoringBusy += Stopwatch.GetElapsedTime(busyStart);
            _cores?.Exit();
        }
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
            if (outcome.Status != StoreStatus.AlreadyStored)
            {
                if (outcome.DuplicateOf is not null)
                    summary.Duplicates++;
                foreach (var note in r.Document!.StageNotes)
                {
                    if (note.Contains(": failed: ", StringComparison.Ordinal))
                        summary.StageFailures.Add(new InputFailure(r.Document.Source, note));
                }
            }
            summary.DocumentIds.Add(outcome.Id);
        }
        progress?.Report(new BatchProgress(summary.Read, summary.Failed, summary.Read / Math.Max(clock.Elapsed.TotalSeconds, 1e-3)));
        // The batch is stored: its inputs and analysed documents are let go now, not when the next batch's commit
        // replaces this one's task (which holds them), so they do not live on beside the next batch being analysed.
        Array.Clear(results);
        batch.Clear();
    }
}

/// <summary>A count of cores in use; the storing thread goes first when it and an analysing thread both wait.</summary>
internal sealed class CoreGate(int cores)
{
    // A monitor (not a Lock): the threads wait on it.
    private readonly object _lock = new();
    private int _busy;
    private int _storingWaits;

    public void Enter(bool storing)
    {
        lock (_lock)
        {
            if (storing)
                _storingWaits++;
            while (_busy >= cores || (!storing && _storingWaits > 0))
                Monitor.Wait(_lock);
            if (storing)
                _storingWaits--;
            _busy++;
        }
    }

    public void Exit()
    {
        lock (_lock)
        {
            _busy--;
            Monitor.PulseAll(_lock);
        }
    }
}

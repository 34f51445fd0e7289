using System.Diagnostics;
using Sitrep.Analysis;
using Sitrep.Documents;
using Sitrep.Ingest;
using Sitrep.Ingest.Web;
using Sitrep.Pipeline;

namespace Sitrep.Engine;

/// <summary>
/// The one façade hosts call (the CLI, the benchmark, the tests, later a server): it composes the
/// store, the fetcher, the pipeline of the selected features, the batch loop and the cross-document
/// stages. Hosts parse arguments and render results; everything else happens here.
/// </summary>
/// <remarks>One operation at a time; the engine owns the store and disposes it.</remarks>
public sealed class SitrepEngine : IDisposable
{
    private readonly Lock _storeGate = new();
    private readonly EngineOptions _options;
    private readonly Lazy<WebFetcher> _fetcher;
    private IReadOnlyList<ICrossDocumentStage>? _crossDocument;

    private SitrepEngine(IDocumentStore store, DocumentPipeline full, DocumentPipeline pipeline, EngineOptions options)
    {
        Store = store;
        Full = full;
        Pipeline = pipeline;
        _options = options;
        _fetcher = new Lazy<WebFetcher>(() => new WebFetcher(options.Fetch));
    }

    /// <summary>The store; the engine disposes it.</summary>
    public IDocumentStore Store { get; }

    /// <summary>The stages being run: the selected features and what they build on.</summary>
    public DocumentPipeline Pipeline { get; }

    /// <summary>Every feature the engine knows: how layers are stored, the analysis JSON, what reanalysis keeps up to date.</summary>
    public DocumentPipeline Full { get; }

    /// <summary>
    /// Builds the pipelines, then opens the store with every feature's layer codecs.
    /// </summary>
    /// <param name="openStore">Opens the store, given the codecs of every feature's stored layers.</param>
    /// <param name="options">Features, selection and limits; <see cref="EngineOptions.Default"/> when null.</param>
    /// <exception cref="ArgumentException">A selected stage name that is no feature.</exception>
    public static SitrepEngine Open(Func<IReadOnlyDictionary<string, ILayerCodec>, IDocumentStore> openStore, EngineOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(openStore);
        options ??= EngineOptions.Default;
        var full = ReferenceEquals(options.Features, Features.All) ? Features.Default : Features.Build(options.Features, null);
        var pipeline = options.Stages is null ? full : Features.Build(options.Features, options.Stages);
        var store = openStore(full.Codecs);
        return new SitrepEngine(store, full, pipeline, options);
    }

    /// <summary>Expands inputs (files, folders, URLs) into articles, lazily; the set says how many files it names.</summary>
    public InputResolver OpenInputs(IEnumerable<string> inputs) =>
        new(inputs, _fetcher.Value, Store is IFeedStateStore feeds ? new GatedFeedStates(feeds, _storeGate) : null);

    /// <summary>Analyses and stores every input, then brings the cross-document stages up to date.</summary>
    public BatchSummary Analyze(InputResolver inputs, IProgress<BatchProgress>? progress = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        return Analyze(inputs.Items(), progress, cancellation);
    }

    /// <summary>Analyses and stores the items (articles, and failures to report), then brings the cross-document stages up to date.</summary>
    public BatchSummary Analyze(IEnumerable<InputItem> items, IProgress<BatchProgress>? progress = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(items);
        var analyzer = new BatchAnalyzer(Pipeline, Store, _options.BatchSize, _options.Parallelism, CrossDocumentStages(), _storeGate);
        return analyzer.Run(items, progress, cancellation);
    }

    /// <summary>How many of the stored documents named are behind the pipeline being run (a stage missing or at another version).</summary>
    public int CountBehind(IEnumerable<string> ids)
    {
        ArgumentNullException.ThrowIfNull(ids);
        lock (_storeGate)
        {
            int behind = 0;
            foreach (var id in ids.Distinct(StringComparer.Ordinal))
            {
                if (Store.StagesOf(id) is { } stages && Pipeline.IsBehind(stages))
                    behind++;
            }
            return behind;
        }
    }

    /// <summary>
    /// Brings stored documents up to the pipeline being run, from the raw input kept with each: runs
    /// only the stages missing or at another version (with <paramref name="all"/>, every stage of every
    /// document) and never drops a layer a document has. A document that fails is reported and kept.
    /// </summary>
    public ReanalysisSummary Reanalyze(bool all = false, IProgress<BatchProgress>? progress = null, CancellationToken cancellation = default)
    {
        var summary = new ReanalysisSummary();
        var clock = Stopwatch.StartNew();
        var scope = Pipeline.Stages.Select(s => s.Name).ToHashSet(StringComparer.Ordinal);
        IReadOnlyList<string> ids;
        lock (_storeGate)
            ids = Store.Ids();
        progress?.Report(new BatchProgress(0, 0, 0) { Phase = $"checking {ids.Count:N0} documents" });
        var committing = Task.CompletedTask;
        foreach (var chunk in ids.Chunk(_options.BatchSize))
        {
            cancellation.ThrowIfCancellationRequested();
            var documents = new Document?[chunk.Length];
            lock (_storeGate)
            {
                for (int i = 0; i < chunk.Length; i++)
                    documents[i] = Store.StagesOf(chunk[i]) is { } stages && (all || Full.IsBehind(stages, scope)) ? Store.Load(chunk[i]) : null;
            }
            var results = new Reanalysis?[chunk.Length];
            var failures = new InputFailure?[chunk.Length];
            Parallel.For(0, chunk.Length, new ParallelOptions { MaxDegreeOfParallelism = _options.Parallelism ?? Environment.ProcessorCount }, i =>
            {
                if (documents[i] is not { } stored)
                    return;
                try
                {
                    results[i] = all ? Full.ReanalyzeAll(stored, scope) : Full.Reanalyze(stored, scope);
                }
#pragma warning disable CA1031 // One document's failure must not stop the others; it is reported and kept as it was.
                catch (Exception e)
#pragma warning restore CA1031
                {
                    failures[i] = new InputFailure(stored.Source, $"reanalysis failed: {e.GetType().Name}: {e.Message}");
                }
            });
            committing.GetAwaiter().GetResult();
            committing = Task.Run(
                () =>
                {
                    var done = results.Where(r => r is not null).Select(r => r!).ToList();
                    lock (_storeGate)
                    {
                        var stageFailures = new List<InputFailure>();
                        // As analyze does: the batch and what the cross-document stages make of it in one transaction.
                        Store.InOneTransaction(
                            () =>
                            {
                                stageFailures.Clear();
                                Store.SaveReanalysed(done);
                                foreach (var stage in CrossDocumentStages())
                                    stageFailures.AddRange(stage.Update(Store.Changes.Cursor(stage.Name, stage.DependsOn), cancellation));
                            },
                            () =>
                            {
                                foreach (var stage in CrossDocumentStages())
                                    stage.RolledBack();
                            });
                        summary.Failures.AddRange(stageFailures);
                    }
                    summary.Checked += chunk.Length;
                    summary.Analysed += done.Count;
                    summary.UpToDate += chunk.Length - done.Count - failures.Count(f => f is not null);
                    summary.Failures.AddRange(failures.Where(f => f is not null).Select(f => f!));
                    foreach (var r in done)
                    {
                        foreach (var note in r.Document.StageNotes.Where(n => n.Contains(": failed: ", StringComparison.Ordinal)))
                            summary.StageFailures.Add(new InputFailure(r.Document.Source, note));
                    }
                    progress?.Report(new BatchProgress(summary.Checked, summary.Failures.Count, summary.Checked / Math.Max(clock.Elapsed.TotalSeconds, 1e-3)));
                },
                CancellationToken.None);
        }
        committing.GetAwaiter().GetResult();
        progress?.Report(new BatchProgress(summary.Checked, summary.Failures.Count, summary.Checked / Math.Max(clock.Elapsed.TotalSeconds, 1e-3)) { Phase = "bringing the cross-document stages up to date" });
        lock (_storeGate)
        {
            // Whatever the feed holds (a correction, an earlier crash), the cross-document stages catch up.
            foreach (var stage in CrossDocumentStages())
                summary.Failures.AddRange(stage.Update(Store.Changes.Cursor(stage.Name, stage.DependsOn), cancellation));
        }
        summary.Elapsed = clock.Elapsed;
        return summary;
    }

    /// <summary>Brings the cross-document stages of the pipeline being run up to date with the store.</summary>
    public IReadOnlyList<InputFailure> CatchUp(CancellationToken cancellation = default)
    {
        var failures = new List<InputFailure>();
        lock (_storeGate)
        {
            foreach (var stage in CrossDocumentStages())
                failures.AddRange(stage.Update(Store.Changes.Cursor(stage.Name, stage.DependsOn), cancellation));
        }
        return failures;
    }

    /// <summary>Loads a stored document with every layer the engine's features know.</summary>
    public Document? Load(string id)
    {
        lock (_storeGate)
            return Store.Load(id);
    }

    /// <summary>Writes the analysis JSON (the contract) of the stored documents named, in the order named, each once.</summary>
    public void WriteAnalysisJson(Stream output, IEnumerable<string> ids)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(ids);
        lock (_storeGate)
        {
            var documents = ids.Distinct(StringComparer.Ordinal).Select(Store.Load).Where(d => d is not null).Select(d => d!);
            AnalysisJsonWriter.Write(output, documents, Full.JsonParts, Store);
        }
    }

    /// <summary>
    /// Writes every stored document as JSONL (one analysis document per line), in store order, streamed,
    /// then one line with the top-level fields (the entities the documents name); returns how many documents.
    /// </summary>
    public int Export(Stream output)
    {
        ArgumentNullException.ThrowIfNull(output);
        lock (_storeGate)
            return AnalysisJsonWriter.WriteLines(output, Store.LoadAll(), Full.JsonParts, Store, topLevel: true);
    }

    /// <summary>The tables of the CSV export: the documents, then each feature's (mentions, entities, …).</summary>
    public IReadOnlyList<IExportTable> ExportTables => CsvExport.All(Full.Tables);

    /// <summary>Writes the tables named (every one when null) as CSV, each to the writer <paramref name="open"/> gives; returns how many documents were read.</summary>
    /// <exception cref="ArgumentException">A table name that is no table.</exception>
    public int ExportCsv(Func<IExportTable, TextWriter> open, IReadOnlyCollection<string>? tables = null)
    {
        ArgumentNullException.ThrowIfNull(open);
        var all = ExportTables;
        if (tables is not null && tables.FirstOrDefault(t => !all.Any(a => a.Name == t)) is { } unknown)
            throw new ArgumentException($"no table '{unknown}'; the tables are {string.Join(", ", all.Select(a => a.Name))}");
        var chosen = tables is null ? all : [.. all.Where(a => tables.Contains(a.Name))];
        lock (_storeGate)
            return CsvExport.Write(chosen, open, Store.LoadAll(), Store);
    }

    /// <summary>Lists, full-text search and counts over the stored documents; null when the store keeps none.</summary>
    public IDocumentCatalog? Catalog => Store.Feature<IDocumentCatalog>();

    /// <summary>What each feature shows of a stored document (its entities, later its quotes and events).</summary>
    public IReadOnlyList<ViewTable> DocumentViews(Document document)
    {
        ArgumentNullException.ThrowIfNull(document);
        lock (_storeGate)
            return [.. Full.Views.SelectMany(v => v.Document(document, Store))];
    }

    /// <summary>What each feature adds to the statistics of the store (entities by type, …).</summary>
    public IReadOnlyList<ViewTable> StatisticsViews()
    {
        lock (_storeGate)
            return [.. Full.Views.SelectMany(v => v.Statistics(Store))];
    }

    /// <summary>
    /// Deletes a stored document and its layers, then lets the cross-document stages catch up, so what
    /// they built from it (entity links and counts) goes with it. False when there was no such document.
    /// </summary>
    public (bool Deleted, IReadOnlyList<InputFailure> Failures) Delete(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        bool deleted;
        lock (_storeGate)
            deleted = Store.Delete(id);
        return (deleted, deleted ? CatchUp() : []);
    }

    /// <summary>
    /// Runs the pipeline once on a short text, not stored, so that every model a stage loads on first
    /// use (the tagger, the language models) is loaded now: a host can say "loading model" meanwhile.
    /// </summary>
    public void Warm()
    {
        const string Text = "Officials in the capital said on Monday that talks would resume next week.\n\nThe minister told reporters the border would stay open.";
        Pipeline.Analyze(new ArticleInput("warm-up", "warm-up", InputFormat.PlainText, Text, StatedMetadata.None, []));
    }

    public void Dispose()
    {
        if (_fetcher.IsValueCreated)
            _fetcher.Value.Dispose();
        Store.Dispose();
    }

    /// <summary>The cross-document stages of the features being run, made once per engine so their caches last across batches.</summary>
    private IReadOnlyList<ICrossDocumentStage> CrossDocumentStages() =>
        _crossDocument ??= [.. Pipeline.CrossDocument.Select(r => r.Create(Store))];

    /// <summary>Feed validators through the store, under the lock that keeps the store to one thread.</summary>
    private sealed class GatedFeedStates(IFeedStateStore inner, Lock gate) : IFeedStateStore
    {
        public FeedState? GetFeedState(string url)
        {
            lock (gate)
                return inner.GetFeedState(url);
        }

        public void SaveFeedState(string url, FeedState state)
        {
            lock (gate)
                inner.SaveFeedState(url, state);
        }
    }
}

using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Globalization;
using System.Text.RegularExpressions;
using Sitrep.Analysis;
using Sitrep.Documents;

namespace Sitrep.Pipeline;

/// <summary>
/// An immutable, thread-safe chain of per-document stages, made by <see cref="PipelineBuilder"/>,
/// with what its features register beside the stages: layer codecs, parts of the analysis JSON and
/// cross-document stages. <see cref="Analyze"/> and <see cref="Reanalyze"/> may be called from any
/// number of threads at once.
/// </summary>
/// <remarks>
/// A stage that throws never loses the document: it keeps the layers made before, gets a note naming
/// the stage, and the stage is not recorded as having run, so the document stays behind until a
/// reanalysis succeeds. Only <see cref="InputRejectedException"/> (the input cannot be an article)
/// rejects the input.
/// </remarks>
public sealed class DocumentPipeline
{
    private readonly ImmutableArray<StageContract> _contracts;
    private readonly FrozenDictionary<string, int> _producerOf;
    private readonly FrozenDictionary<string, Layer> _layers;

    /// <summary>
    /// Each stage's version, read once: a stage's version hashes its resources (SHA-256 over their hashes,
    /// the language stage its library's assembly name), which cost about 0.3% of `sitrep analyze`'s
    /// processor time when read again for every document.
    /// </summary>
    private readonly string[] _versions;

    internal DocumentPipeline(
        ImmutableArray<IDocumentStage> stages,
        IReadOnlyDictionary<string, ILayerCodec> codecs,
        ImmutableArray<IAnalysisJsonPart> json,
        ImmutableArray<CrossDocumentRegistration> crossDocument,
        ImmutableArray<IPipelineFeature> features)
    {
        Stages = stages;
        _contracts = [.. stages.Select(s => new StageContract(s))];
        Codecs = codecs.ToFrozenDictionary(StringComparer.Ordinal);
        JsonParts = json;
        CrossDocument = crossDocument;
        Features = features;
        var producers = new Dictionary<string, int>(StringComparer.Ordinal);
        var layers = new Dictionary<string, Layer>(StringComparer.Ordinal);
        for (int i = 0; i < stages.Length; i++)
        {
            foreach (var layer in stages[i].Produces)
            {
                producers[layer.Name] = i;
                layers[layer.Name] = layer;
            }
        }
        _producerOf = producers.ToFrozenDictionary(StringComparer.Ordinal);
        _layers = layers.ToFrozenDictionary(StringComparer.Ordinal);
        _versions = [.. stages.Select(s => s.Version)];
        StageVersions = stages.ToFrozenDictionary(s => s.Name, s => s.Version, StringComparer.Ordinal);
        Version = Summarize(StageVersions);
    }

    public ImmutableArray<IDocumentStage> Stages { get; }

    /// <summary>How each stored feature layer is written and read, by layer name.</summary>
    public IReadOnlyDictionary<string, ILayerCodec> Codecs { get; }

    public ImmutableArray<IAnalysisJsonPart> JsonParts { get; }

    public ImmutableArray<CrossDocumentRegistration> CrossDocument { get; }

    public ImmutableArray<IPipelineFeature> Features { get; }

    /// <summary>The features' tables of the CSV export, in the order they were registered.</summary>
    public ImmutableArray<IExportTable> Tables { get; init; } = [];

    /// <summary>What the features show of a document and of the store.</summary>
    public ImmutableArray<IFeatureView> Views { get; init; } = [];

    /// <summary>Each stage's version, by stage name.</summary>
    public IReadOnlyDictionary<string, string> StageVersions { get; }

    /// <summary>A short digest of every stage's name and version, for display (what counts is each stage's own version).</summary>
    public string Version { get; }

    /// <summary>The layers the stages produce, by name.</summary>
    public IReadOnlyDictionary<string, Layer> Layers => _layers;

    /// <summary>Runs every stage. Throws <see cref="InputRejectedException"/> for input that cannot be an article.</summary>
    public Document Analyze(ArticleInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var context = new DocumentContext(input);
        var ran = Run(context, null);
        // Every stage ran at this pipeline's versions: the digest and the frozen table are the ones made once.
        bool all = ran.Count == Stages.Length;
        return Finish(context, input, all ? StageVersions : ran, keptNotes: [], all ? Version : null);
    }

    /// <summary>Whether a document analysed by <paramref name="stages"/> misses a stage of this pipeline or had one at another version.</summary>
    public bool IsBehind(IReadOnlyDictionary<string, string> stages) => IsBehind(stages, null);

    /// <summary>
    /// Whether a document analysed by <paramref name="stages"/> has a stage at another version than this
    /// pipeline's, or misses one of the stages in <paramref name="scope"/> (null: every stage).
    /// </summary>
    public bool IsBehind(IReadOnlyDictionary<string, string> stages, IReadOnlySet<string>? scope)
    {
        ArgumentNullException.ThrowIfNull(stages);
        for (int i = 0; i < Stages.Length; i++)
        {
            var stage = Stages[i];
            if (stages.TryGetValue(stage.Name, out var version))
            {
                if (version != _versions[i])
                    return true;
            }
            else if (scope is null || scope.Contains(stage.Name))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>
    /// Brings a stored document up to this pipeline: runs the stages it misses or had at another
    /// version, the stages that build on those, and the stages whose passing layers (tokens) they
    /// need; every other layer is taken from <paramref name="stored"/>, so nothing is dropped.
    /// Returns null when the document is up to date.
    /// </summary>
    /// <param name="stored">The stored document.</param>
    /// <param name="scope">
    /// Stage names to consider besides the ones the document already has (null: every stage of this
    /// pipeline). A stage the document has is always kept up to date, so a layer it holds never goes stale.
    /// </param>
    public Reanalysis? Reanalyze(Document stored, IReadOnlySet<string>? scope = null)
    {
        ArgumentNullException.ThrowIfNull(stored);
        var needed = Plan(stored, scope, force: false);
        return needed is null ? null : RunPlan(stored, needed);
    }

    /// <summary>Analyses the stored document again from its raw input with every stage (<c>reanalyze --all</c>).</summary>
    public Reanalysis ReanalyzeAll(Document stored, IReadOnlySet<string>? scope = null)
    {
        ArgumentNullException.ThrowIfNull(stored);
        return RunPlan(stored, Plan(stored, scope, force: true)!);
    }

    private Reanalysis RunPlan(Document stored, bool[] needed)
    {
        var input = stored.ToInput();
        var context = new DocumentContext(input);
        var rerun = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < Stages.Length; i++)
        {
            if (needed[i])
                rerun.Add(Stages[i].Name);
        }
        // What the stages that do not run made stays as it was stored.
        if (!IsProducedBy(CoreLayers.Body.Name, needed))
            context.Restore(CoreLayers.Body.Name, stored.Body);
        if (!IsProducedBy(CoreLayers.Metadata.Name, needed))
            context.Restore(CoreLayers.Metadata.Name, stored.Metadata);
        foreach (var name in stored.Layers.Names)
        {
            if (!IsProducedBy(name, needed))
                context.Restore(name, stored.Layers[name]!);
        }
        var ran = Run(context, needed);
        var stages = stored.Stages.Where(kv => !rerun.Contains(kv.Key)).Concat(ran).ToDictionary(StringComparer.Ordinal);
        var kept = stored.StageNotes.Where(n => !rerun.Contains(NoteStage(n))).ToList();
        var document = Finish(context, input, stages, kept) with { DuplicateOf = stored.DuplicateOf };
        var remade = new List<string>();
        for (int i = 0; i < Stages.Length; i++)
        {
            if (needed[i])
                remade.AddRange(Stages[i].Produces.Where(l => !l.Transient).Select(l => l.Name));
        }
        return new Reanalysis(document, remade);
    }

    /// <summary>Which stages must run to bring <paramref name="stored"/> up to date, or null when none.</summary>
    private bool[]? Plan(Document stored, IReadOnlySet<string>? scope, bool force)
    {
        var has = stored.Stages;
        var outdated = new bool[Stages.Length];
        bool any = false;
        for (int i = 0; i < Stages.Length; i++)
        {
            var stage = Stages[i];
            bool known = has.TryGetValue(stage.Name, out var version);
            if (!known && scope is not null && !scope.Contains(stage.Name))
                continue;
            outdated[i] = force
                || !known || version != _versions[i]
                || stage.Requires.Any(l => _producerOf.TryGetValue(l.Name, out var p) && outdated[p])
                || stage.Produces.Any(l => !l.Transient && !Stored(stored, l.Name));
            any |= outdated[i];
        }
        if (!any)
            return null;
        // Stages that are up to date run again only to make the passing layers (tokens, page hints)
        // a running stage needs, or a layer the store lacks.
        var needed = (bool[])outdated.Clone();
        for (int i = Stages.Length - 1; i >= 0; i--)
        {
            if (!needed[i])
                continue;
            foreach (var layer in Stages[i].Requires)
            {
                if (_producerOf.TryGetValue(layer.Name, out var p) && !needed[p] && (layer.Transient || !Stored(stored, layer.Name)))
                    needed[p] = true;
            }
        }
        return needed;
    }

    private static bool Stored(Document stored, string layer) =>
        layer == CoreLayers.Body.Name || layer == CoreLayers.Metadata.Name || stored.Layers.Has(layer);

    private bool IsProducedBy(string layer, bool[] needed) => _producerOf.TryGetValue(layer, out var p) && needed[p];

    /// <summary>Runs the stages (all, or those <paramref name="only"/> marks) in order; returns the name and version of each that succeeded.</summary>
    private Dictionary<string, string> Run(DocumentContext context, bool[]? only)
    {
        var ran = new Dictionary<string, string>(StringComparer.Ordinal);
        for (int i = 0; i < Stages.Length; i++)
        {
            if (only is not null && !only[i])
                continue;
            var stage = Stages[i];
            var contract = _contracts[i];
            var absent = FirstMissing(stage.Requires, context);
            if (absent is not null)
            {
                context.Note(stage.Name, $"skipped: layer '{absent.Name}' is missing");
                continue;
            }
            context.Enter(contract);
            try
            {
                ProcessRetryingTimeout(stage, context);
                var unwritten = FirstMissing(stage.Produces, context);
                if (unwritten is not null)
                    throw new LayerAccessException($"stage '{stage.Name}' did not write layer '{unwritten.Name}', which it declares in Produces");
                ran[stage.Name] = _versions[i];
            }
            catch (InputRejectedException)
            {
                throw;
            }
#pragma warning disable CA1031 // One stage's bug must not lose the document: it keeps what the stages before made, with a note.
            catch (Exception e)
#pragma warning restore CA1031
            {
                foreach (var layer in stage.Produces)
                    context.Forget(layer.Name);
                context.Note(stage.Name, $"failed: {e.GetType().Name}: {e.Message}");
            }
            finally
            {
                context.Leave();
            }
        }
        return ran;
    }

    /// <summary>
    /// Runs a stage; when one of its regexes gives up (<see cref="RegexTimeouts"/>), runs it once more from the
    /// start. The time-out is wall-clock time, so on a loaded machine an ordinary article can pass it once
    /// (seen at load average 75-100 on two cores: one article's layer lost in one run and not the next), and
    /// a document's analysis must not depend on the machine's load. Stages are pure functions of the layers
    /// before them, so a second run writes what one undisturbed run would have; what the first run wrote is
    /// forgotten first, its notes too. A text that makes a pattern run away times out twice and fails as before, after twice
    /// the time-out.
    /// </summary>
    private static void ProcessRetryingTimeout(IDocumentStage stage, DocumentContext context)
    {
        int notes = context.NoteCount;
        try
        {
            stage.Process(context);
        }
        catch (RegexMatchTimeoutException)
        {
            foreach (var layer in stage.Produces)
                context.Forget(layer.Name);
            context.ForgetNotesFrom(notes);
            stage.Process(context);
        }
    }

    /// <summary>The first of <paramref name="layers"/> the context lacks, or null: a loop, where a lambda over the context was allocated twice a stage a document.</summary>
    private static Layer? FirstMissing(IReadOnlyList<Layer> layers, DocumentContext context)
    {
        for (int i = 0; i < layers.Count; i++)
        {
            if (!context.Has(layers[i]))
                return layers[i];
        }
        return null;
    }

    private static Document Finish(DocumentContext context, ArticleInput input, IReadOnlyDictionary<string, string> stages, IReadOnlyList<string> keptNotes,
        string? pipelineVersion = null)
    {
        var body = context.Layers.TryGetValue(CoreLayers.Body.Name, out var b) ? (CleanedBody)b : CleanedBody.Empty;
        var metadata = context.Layers.TryGetValue(CoreLayers.Metadata.Name, out var m) ? (DocumentMetadata)m : new DocumentMetadata();
        var features = new List<KeyValuePair<string, object>>();
        foreach (var (name, value) in context.Layers)
        {
            if (name != CoreLayers.Body.Name && name != CoreLayers.Metadata.Name && !IsTransient(context, name))
                features.Add(new(name, value));
        }
        return new Document
        {
            Id = input.Id,
            Source = input.Source,
            Format = input.Format,
            RawText = input.RawText,
            Text = body.Text,
            Map = body.Map,
            Removed = body.Removed,
            Captions = body.Captions,
            Metadata = metadata,
            Stated = input.Stated,
            Layers = LayerSet.From(features),
            Stages = stages as FrozenDictionary<string, string> ?? stages.ToFrozenDictionary(StringComparer.Ordinal),
            InputNotes = input.Notes,
            StageNotes = [.. keptNotes, .. context.Notes],
            ContentHash = input.ContentHash,
            PipelineVersion = pipelineVersion ?? Summarize(stages),
        };
    }

    private static bool IsTransient(DocumentContext context, string name) => context.TransientNames.Contains(name);

    /// <summary>The stage a stage note belongs to ("entities: failed: …" belongs to "entities").</summary>
    internal static string NoteStage(string note)
    {
        int colon = note.IndexOf(": ", StringComparison.Ordinal);
        return colon < 0 ? "" : note[..colon];
    }

    /// <summary>A 12-hex-digit digest of stage names and versions, in ordinal order of name.</summary>
    public static string Summarize(IReadOnlyDictionary<string, string> stages)
    {
        ArgumentNullException.ThrowIfNull(stages);
        var text = string.Join(";", stages.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => kv.Key + "@" + kv.Value));
        return Hashing.Hex(text, 12).ToString(CultureInfo.InvariantCulture);
    }
}

/// <summary>A stored document brought up to date, and the stored layers that were made again (the change feed says which).</summary>
public sealed record Reanalysis(Document Document, IReadOnlyList<string> RemadeLayers);

using Sitrep.Analysis;

namespace Sitrep.Pipeline;

/// <summary>
/// Composes features and stages into an immutable <see cref="DocumentPipeline"/> (the Markdig
/// pattern). <see cref="Build"/> checks the whole: each stage finds what it requires among what the
/// stages before it produce, each layer has one producer, and each stored layer has a codec.
/// </summary>
public sealed class PipelineBuilder
{
    private readonly List<IDocumentStage> _stages = [];
    private readonly List<ILayerCodec> _codecs = [];
    private readonly List<IAnalysisJsonPart> _json = [];
    private readonly List<CrossDocumentRegistration> _crossDocument = [];
    private readonly List<IPipelineFeature> _features = [];
    private readonly List<IExportTable> _tables = [];
    private readonly List<IFeatureView> _views = [];

    /// <summary>Adds a stage after those added so far.</summary>
    public PipelineBuilder Use(IDocumentStage stage)
    {
        ArgumentNullException.ThrowIfNull(stage);
        _stages.Add(stage);
        return this;
    }

    /// <summary>Adds the stage <paramref name="create"/> makes unless a stage of that name is there already (shared prerequisites such as tokens).</summary>
    public PipelineBuilder UseOnce(string name, Func<IDocumentStage> create)
    {
        ArgumentNullException.ThrowIfNull(create);
        if (!_stages.Any(s => s.Name == name))
            Use(create());
        return this;
    }

    /// <summary>Says how a stored layer is written to and read from the store.</summary>
    public PipelineBuilder UseCodec<T>(Layer<T> layer, Func<T, string> write, Func<string, T> read)
        where T : class
    {
        _codecs.Add(new LayerCodec<T>(layer, write, read));
        return this;
    }

    /// <summary>Says how a stored layer is written and read, and which of its items the store indexes for listings (<see cref="LayerItem"/>).</summary>
    public PipelineBuilder UseCodec<T>(Layer<T> layer, Func<T, string> write, Func<string, T> read, Func<T, Documents.Document, IReadOnlyList<LayerItem>> items)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(items);
        _codecs.Add(new LayerCodec<T>(layer, write, read, items));
        return this;
    }

    /// <summary>Adds a part of the analysis JSON; parts write in the order they were added.</summary>
    public PipelineBuilder UseJson(IAnalysisJsonPart part)
    {
        ArgumentNullException.ThrowIfNull(part);
        _json.Add(part);
        return this;
    }

    /// <summary>Adds a table to the CSV export; tables are written in the order they were added.</summary>
    public PipelineBuilder UseTable(IExportTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        _tables.Add(table);
        return this;
    }

    /// <summary>Adds what the feature shows of a document and of the store to the pages people read.</summary>
    public PipelineBuilder UseView(IFeatureView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        _views.Add(view);
        return this;
    }

    /// <summary>Adds a cross-document stage, made for each store it runs over.</summary>
    public PipelineBuilder UseCrossDocument(string name, Func<Ingest.IDocumentStore, ICrossDocumentStage> create)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(create);
        _crossDocument.Add(new CrossDocumentRegistration(name, create));
        return this;
    }

    /// <summary>Registers <paramref name="feature"/> unless a feature of that name is registered already.</summary>
    public PipelineBuilder UseFeature(IPipelineFeature feature)
    {
        ArgumentNullException.ThrowIfNull(feature);
        if (HasFeature(feature.Name))
            return this;
        // Listed before it registers, so a feature that registers its prerequisites cannot loop.
        _features.Add(feature);
        feature.Register(this);
        return this;
    }

    public bool HasFeature(string name) => _features.Any(f => f.Name == name);

    public DocumentPipeline Build()
    {
        var stageNames = new HashSet<string>(StringComparer.Ordinal);
        var layers = new Dictionary<string, Layer>(StringComparer.Ordinal);
        var producers = new Dictionary<string, IDocumentStage>(StringComparer.Ordinal);
        foreach (var stage in _stages)
        {
            if (!stageNames.Add(stage.Name))
                throw new InvalidOperationException($"two stages are named '{stage.Name}'");
            if (string.IsNullOrWhiteSpace(stage.Version))
                throw new InvalidOperationException($"stage '{stage.Name}' has no version");
            foreach (var layer in stage.Requires.Concat(stage.Produces))
                Known(layers, layer);
            var missing = stage.Requires.Where(l => !producers.ContainsKey(l.Name)).Select(l => l.Name).ToList();
            if (missing.Count > 0)
                throw new InvalidOperationException($"stage '{stage.Name}' requires {string.Join(", ", missing)}, which no earlier stage produces");
            foreach (var layer in stage.Produces)
            {
                if (producers.TryGetValue(layer.Name, out var other))
                    throw new InvalidOperationException($"layer '{layer.Name}' is produced by both '{other.Name}' and '{stage.Name}'; a layer is written once");
                producers[layer.Name] = stage;
            }
        }
        var codecs = new Dictionary<string, ILayerCodec>(StringComparer.Ordinal);
        foreach (var codec in _codecs)
        {
            Known(layers, codec.Layer);
            if (!codecs.TryAdd(codec.Layer.Name, codec))
                throw new InvalidOperationException($"layer '{codec.Layer.Name}' has two codecs");
        }
        foreach (var (name, stage) in producers)
        {
            var layer = layers[name];
            if (!layer.Transient && !CoreLayers.IsCore(layer) && !codecs.ContainsKey(name))
                throw new InvalidOperationException($"stage '{stage.Name}' produces layer '{name}', which is stored but has no codec (UseCodec)");
        }
        var crossNames = new HashSet<string>(StringComparer.Ordinal);
        foreach (var registration in _crossDocument)
        {
            if (!crossNames.Add(registration.Name))
                throw new InvalidOperationException($"two cross-document stages are named '{registration.Name}'");
        }
        var tableNames = new HashSet<string>(StringComparer.Ordinal);
        foreach (var table in _tables)
        {
            if (!tableNames.Add(table.Name))
                throw new InvalidOperationException($"two export tables are named '{table.Name}'");
        }
        return new DocumentPipeline([.. _stages], codecs, [.. _json], [.. _crossDocument], [.. _features]) { Tables = [.. _tables], Views = [.. _views] };
    }

    private static void Known(Dictionary<string, Layer> layers, Layer layer)
    {
        if (layers.TryGetValue(layer.Name, out var known))
        {
            if (!ReferenceEquals(known, layer))
                throw new InvalidOperationException($"two different layers are named '{layer.Name}'");
            return;
        }
        layers[layer.Name] = layer;
    }
}

/// <summary>A cross-document stage as registered: its name and how to make it over a store.</summary>
public sealed record CrossDocumentRegistration(string Name, Func<Ingest.IDocumentStore, ICrossDocumentStage> Create);

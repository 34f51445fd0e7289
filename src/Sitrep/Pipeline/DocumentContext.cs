using Sitrep.Documents;

namespace Sitrep.Pipeline;

/// <summary>
/// The per-document state stages read and add to: the input and the layers written so far. One per
/// document, never shared between threads. While a stage runs, the context lets it read only the
/// layers it requires and write, once each, only the layers it produces.
/// </summary>
public sealed class DocumentContext
{
    private readonly Dictionary<string, object> _layers = new(StringComparer.Ordinal);
    private readonly List<string> _notes = [];
    private readonly HashSet<string> _transient = new(StringComparer.Ordinal);
    private StageContract? _running;

    public DocumentContext(ArticleInput input) => Input = input ?? throw new ArgumentNullException(nameof(input));

    /// <summary>The article as received; every stage may read it.</summary>
    public ArticleInput Input { get; }

    /// <summary>The cleaned body text (the <see cref="CoreLayers.Body"/> layer's text).</summary>
    public string Text => Get(CoreLayers.Body).Text;

    /// <summary>What stages noted about this document ("entities: not English, no names tagged"), in order.</summary>
    public IReadOnlyList<string> Notes => _notes;

    /// <summary>The layer's value; throws when the running stage did not require it or it is missing.</summary>
    public T Get<T>(Layer<T> layer)
        where T : class =>
        TryGet(layer) ?? throw new LayerAccessException($"layer '{layer.Name}' is missing{(_running is null ? "" : $" for stage '{_running.Name}'")}");

    /// <summary>The layer's value or null when it is missing; throws when the running stage did not require it.</summary>
    public T? TryGet<T>(Layer<T> layer)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(layer);
        if (_running is { } stage && !stage.MayRead(layer.Name))
            throw new LayerAccessException($"stage '{stage.Name}' read layer '{layer.Name}', which it does not declare in Requires");
        if (!_layers.TryGetValue(layer.Name, out var value))
            return null;
        return value as T ?? throw new LayerAccessException($"layer '{layer.Name}' holds a {value.GetType().Name}, not a {typeof(T).Name}");
    }

    public bool Has(Layer layer)
    {
        ArgumentNullException.ThrowIfNull(layer);
        return _layers.ContainsKey(layer.Name);
    }

    /// <summary>Writes the layer, once; throws when the running stage does not produce it or it is written already.</summary>
    public void Set<T>(Layer<T> layer, T value)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(layer);
        ArgumentNullException.ThrowIfNull(value);
        if (_running is { } stage && !stage.MayWrite(layer.Name))
            throw new LayerAccessException($"stage '{stage.Name}' wrote layer '{layer.Name}', which it does not declare in Produces");
        if (!_layers.TryAdd(layer.Name, value))
            throw new LayerAccessException($"layer '{layer.Name}' is written twice{(_running is null ? "" : $" (by stage '{_running.Name}')")}; a layer is written once");
        if (layer.Transient)
            _transient.Add(layer.Name);
    }

    /// <summary>
    /// Records a note about this document, kept with it and shown in the analysis JSON, under the
    /// running stage's name ("entities: not English; no names tagged"), so a reanalysis that runs the
    /// stage again replaces its notes and keeps the others.
    /// </summary>
    public void Note(string note)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(note);
        Note(_running?.Name ?? "analysis", note);
    }

    internal void Note(string stage, string note) => _notes.Add(stage + ": " + note);

    internal IReadOnlySet<string> TransientNames => _transient;

    /// <summary>How many notes the document has, so a stage run again can take back the notes of its first run.</summary>
    internal int NoteCount => _notes.Count;

    internal void ForgetNotesFrom(int count) => _notes.RemoveRange(count, _notes.Count - count);

    /// <summary>Puts a stored layer back before analysis resumes (reanalysis of the stages that are behind).</summary>
    internal void Restore(string name, object value)
    {
        if (!_layers.TryAdd(name, value))
            throw new LayerAccessException($"layer '{name}' is restored twice");
    }

    internal IReadOnlyDictionary<string, object> Layers => _layers;

    internal void Enter(StageContract stage) => _running = stage;

    internal void Leave() => _running = null;

    internal void Forget(string name)
    {
        _layers.Remove(name);
        _transient.Remove(name);
    }
}

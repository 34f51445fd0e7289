namespace Sitrep.Pipeline;

/// <summary>
/// How a stored layer is written to and read back from the store: a JSON text the feature defines.
/// <see cref="Read"/> of what <see cref="Write"/> wrote must equal the value written, field by field: the
/// store hands the cross-document stages the analysed layers of the batch it just stored instead of
/// decoding them again (LayerCodecRoundTripTests checks every stored layer on real articles).
/// </summary>
public interface ILayerCodec
{
    Layer Layer { get; }

    string Write(object value);

    object Read(string data);

    /// <summary>
    /// The items of the layer the store indexes (<see cref="LayerItem"/>); none unless the feature says. The document
    /// gives the text and the other layers the items' names are read from (its own entities' names).
    /// </summary>
    IReadOnlyList<LayerItem> Items(object value, Documents.Document document) => [];

    /// <summary>Whether <see cref="Items"/> gives any: the store indexes only such layers.</summary>
    bool HasItems => false;
}

/// <summary>A typed <see cref="ILayerCodec"/> made of two functions.</summary>
public sealed class LayerCodec<T> : ILayerCodec
    where T : class
{
    private readonly Func<T, string> _write;
    private readonly Func<string, T> _read;
    private readonly Func<T, Documents.Document, IReadOnlyList<LayerItem>>? _items;

    public LayerCodec(Layer<T> layer, Func<T, string> write, Func<string, T> read)
        : this(layer, write, read, null)
    {
    }

    /// <param name="items">The layer's items the store indexes for listings over a whole store; null for none.</param>
    public LayerCodec(Layer<T> layer, Func<T, string> write, Func<string, T> read, Func<T, Documents.Document, IReadOnlyList<LayerItem>>? items)
    {
        _items = items;
        Layer = layer ?? throw new ArgumentNullException(nameof(layer));
        _write = write ?? throw new ArgumentNullException(nameof(write));
        _read = read ?? throw new ArgumentNullException(nameof(read));
        if (layer.Transient)
            throw new ArgumentException($"layer '{layer.Name}' is transient: it is never stored, so it has no codec", nameof(layer));
    }

    public Layer Layer { get; }

    public string Write(object value) => _write(value as T ?? throw new ArgumentException($"layer '{Layer.Name}' takes a {typeof(T).Name}, not a {value?.GetType().Name ?? "null"}", nameof(value)));

    public object Read(string data) => _read(data);

    public bool HasItems => _items is not null;

    public IReadOnlyList<LayerItem> Items(object value, Documents.Document document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return _items is null ? [] : _items(value as T ?? throw new ArgumentException($"layer '{Layer.Name}' takes a {typeof(T).Name}, not a {value?.GetType().Name ?? "null"}", nameof(value)), document);
    }
}

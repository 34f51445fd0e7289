using System.Collections.Frozen;

namespace Sitrep.Pipeline;

/// <summary>
/// The feature layers of an analysed document (mentions, quotes, …), by layer name: immutable, and
/// read with the layer's typed key. The core layers (body, metadata) are the document's own fields.
/// </summary>
public sealed class LayerSet
{
    public static readonly LayerSet Empty = new(FrozenDictionary<string, object>.Empty);

    private readonly FrozenDictionary<string, object> _values;

    private LayerSet(FrozenDictionary<string, object> values) => _values = values;

    public static LayerSet From(IEnumerable<KeyValuePair<string, object>> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var frozen = values.ToFrozenDictionary(StringComparer.Ordinal);
        return frozen.Count == 0 ? Empty : new LayerSet(frozen);
    }

    /// <summary>A copy with <paramref name="layer"/> set to <paramref name="value"/> (replaced if present).</summary>
    public LayerSet With<T>(Layer<T> layer, T value)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(layer);
        ArgumentNullException.ThrowIfNull(value);
        var values = new Dictionary<string, object>(_values, StringComparer.Ordinal) { [layer.Name] = value };
        return From(values);
    }

    /// <summary>The layer's value, or null when the document does not have it (its stage did not run, or failed).</summary>
    public T? Get<T>(Layer<T> layer)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(layer);
        if (!_values.TryGetValue(layer.Name, out var value))
            return null;
        return value as T ?? throw new InvalidCastException($"layer '{layer.Name}' holds a {value.GetType().Name}, not a {typeof(T).Name}");
    }

    public bool Has(Layer layer)
    {
        ArgumentNullException.ThrowIfNull(layer);
        return _values.ContainsKey(layer.Name);
    }

    public bool Has(string name) => _values.ContainsKey(name);

    /// <summary>The names of the layers present, in ordinal order.</summary>
    public IEnumerable<string> Names => _values.Keys.Order(StringComparer.Ordinal);

    /// <summary>The value stored under <paramref name="name"/>, untyped (for stores and codecs).</summary>
    public object? this[string name] => _values.GetValueOrDefault(name);

    public int Count => _values.Count;
}

namespace Sitrep.Ingest;

/// <summary>
/// What a listing asks the store's index of layer items for (<see cref="Pipeline.LayerItem"/>): items of one layer
/// of a kind (compared ignoring case), a status, days from..to (an undated item is outside any range), and
/// involving a stored entity, given by id or by a part of its name (ignoring case).
/// </summary>
public sealed record LayerItemQuery(
    string Layer,
    string? Kind = null,
    string? Status = null,
    DateOnly? From = null,
    DateOnly? To = null,
    long? Entity = null,
    string? EntityName = null);

/// <summary>An item found: its document, its index in the layer, its day.</summary>
public readonly record struct LayerItemHit(string Document, int Item, DateOnly? Day);

/// <summary>The first items of a listing in its order (day, undated last; then document id; then place in the text), and how many matched in all.</summary>
public sealed record LayerItemPage(IReadOnlyList<LayerItemHit> First, int Total);

/// <summary>
/// A store's index of the items of its layers (<see cref="Pipeline.ILayerCodec.Items"/>): a listing over a whole
/// store reads the items it shows, not every document. Got with <see cref="IDocumentStore.Feature{T}"/>; a store
/// without one is scanned.
/// </summary>
public interface ILayerItemIndex
{
    /// <summary>
    /// Whether every stored document's items of <paramref name="layer"/> are indexed; when not, the caller reads the
    /// documents. A query naming an entity finds the items whose entities are linked to stored ones: the caller checks
    /// that entity resolution has caught up with the store.
    /// </summary>
    bool Covers(string layer);

    /// <summary>The first <paramref name="limit"/> items the query asks for, and how many there are.</summary>
    LayerItemPage Find(LayerItemQuery query, int limit);
}

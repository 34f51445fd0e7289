namespace Sitrep.Ingest;

/// <summary>
/// What a listing asks the store's index of layer items for (<see cref="Pipeline.LayerItem"/>): items of one layer
/// of a kind (compared ignoring case), a status, days from..to (an undated item is outside any range), and
/// involving a stored entity, given by id or by a part of its name (ignoring case). A part of a name matches the
/// stored entity's name and the names the article gives the part (<see cref="Pipeline.LayerItemPart"/>).
/// </summary>
public sealed record LayerItemQuery(
    string Layer,
    string? Kind = null,
    string? Status = null,
    DateOnly? From = null,
    DateOnly? To = null,
    long? Entity = null,
    string? EntityName = null)
{
    /// <summary>The role the entity or name must have in the item (a quote's "speaker"); null for any.</summary>
    public string? Role { get; init; }
}

/// <summary>An item found: its document, its index in the layer, its day.</summary>
public readonly record struct LayerItemHit(string Document, int Item, DateOnly? Day);

/// <summary>
/// One part of an indexed item (<see cref="Pipeline.LayerItemPart"/>): the item's document and index, its kind, the
/// document's own entity (-1 for none), the name the article gives it, and the stored entity it is linked to (as
/// linked: the caller follows merges), null when none is.
/// </summary>
public readonly record struct LayerItemPartHit(string Document, int Item, string? Kind, int Entity, string? Name, long? Linked);

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

    /// <summary>
    /// The ids of the documents, in store order, that hold items the query asks for: a listing whose own test of a
    /// name is looser than the index's (a speaker's words) reads only these and tests each of their items itself.
    /// Read as the sequence is enumerated.
    /// </summary>
    IEnumerable<string> Documents(LayerItemQuery query);

    /// <summary>Every part in <paramref name="role"/> of the layer's items that has a name, in store order (document, then item): totals over a whole store read without decoding a document.</summary>
    IEnumerable<LayerItemPartHit> Parts(string layer, string role);
}

/// <summary>When a listing may read the store's index of layer items instead of every document.</summary>
internal static class LayerItemIndexes
{
    /// <summary>The consumer of the change feed that links documents' entities to stored ones.</summary>
    private const string EntityResolution = "entity-resolution";

    /// <summary>
    /// The store's index when it covers <paramref name="layer"/> and, for a listing by entity (whose items the index
    /// finds through the entity links), entity resolution has caught up with the store; otherwise null: read the documents.
    /// </summary>
    public static ILayerItemIndex? For(IDocumentStore store, string layer, bool byEntity) =>
        store.Feature<ILayerItemIndex>() is { } index && index.Covers(layer)
        && (!byEntity || store.Changes.Position(EntityResolution) >= store.Changes.Head)
            ? index
            : null;
}

namespace Sitrep.Pipeline;

/// <summary>
/// One item of a stored layer (an event of the events layer) as the store indexes it, so that a listing over a
/// whole store ("every ASSAULT", "what E12 did in March") finds its items by index and decodes only the articles
/// it shows instead of every article's layers. The layer's codec says what its items are
/// (<see cref="ILayerCodec.Items"/>); the store keeps nothing else of them, the layer stays the record.
/// </summary>
/// <param name="Item">The item's index in the layer's list.</param>
/// <param name="Position">Where it is in the text (an event's cue): a listing orders a document's items by it.</param>
/// <param name="Kind">What kind it is (an event's PLOVER type), or null.</param>
/// <param name="Status">Its status (an event's: asserted, denied, ...), or null.</param>
/// <param name="Day">Its day as yyyy-MM-dd (an event's date, or the first day of its range), or null when undated.</param>
/// <param name="Entities">The document's own entities (indexes into its entity list) it involves, which the store links to stored entities.</param>
public readonly record struct LayerItem(int Item, int Position, string? Kind, string? Status, string? Day, IReadOnlyList<int> Entities);

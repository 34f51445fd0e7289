namespace Sitrep.Pipeline;

/// <summary>
/// One item of a stored layer (an event, a quote) as the store indexes it, so that a listing over a whole store
/// ("every ASSAULT", "what E12 did in March", "every quote of the spokesman", "who cites Tasnim") finds its items by
/// index and decodes only the articles it shows instead of every article's layers. The layer's codec says what its
/// items are (<see cref="ILayerCodec.Items"/>); the store keeps nothing else of them, the layer stays the record.
/// </summary>
/// <param name="Item">The item's index in the layer's list.</param>
/// <param name="Position">Where it is in the text (an event's cue, a quote's words): a listing orders a document's items by it.</param>
/// <param name="Kind">What kind it is (an event's PLOVER type, a quote's attribution), or null.</param>
/// <param name="Status">Its status (an event's: asserted, denied, ...; a quote's kind: direct, partial, indirect), or null.</param>
/// <param name="Day">Its day as yyyy-MM-dd (an event's date, or the first day of its range; the date a quote's words were given), or null when undated.</param>
/// <param name="Parts">Who or what takes part in it, each in its role (an event's actor and target; a quote's speaker and cited source).</param>
public readonly record struct LayerItem(int Item, int Position, string? Kind, string? Status, string? Day, IReadOnlyList<LayerItemPart> Parts);

/// <summary>
/// One participant of a <see cref="LayerItem"/>: its role, the document's own entity it is (which the store links to
/// a stored entity), and the names the article gives it, for a listing by name that the stored entity's name does not
/// answer (a speaker written "the spokesman", a channel such as Twitter, a source the tagger did not name).
/// </summary>
/// <param name="Role">What it is to the item: "actor", "target", "speaker", "cited", ...</param>
/// <param name="Entity">The document's own entity (an index into its entity list), or -1 when it is none.</param>
/// <param name="Name">The name to show when the entity is not linked to a stored one (the article's own name for it, a channel's name, the words as written), or null.</param>
/// <param name="Words">Other words that name it in the article (a speaker's words as written), matched by a listing by name as <paramref name="Name"/> is; or null.</param>
public readonly record struct LayerItemPart(string Role, int Entity, string? Name = null, string? Words = null);

using System.Globalization;
using Sitrep.Documents;
using Sitrep.Ingest;
using Sitrep.Pipeline;

namespace Sitrep.Storage;

/// <summary>
/// The index of layer items (<see cref="LayerItem"/>; schema version 18): written with the layers, read by listings
/// over a whole store. Rows are keyed by the document's seq, so a new document's rows are appended.
/// </summary>
internal sealed class SqliteLayerItems(SqliteSession session) : ILayerItemIndex
{
    /// <summary>How many documents one transaction indexes when the layers stored before the index are brought in.</summary>
    private const int BackfillBatch = 2_000;

    public bool Covers(string layer)
    {
        ArgumentNullException.ThrowIfNull(layer);
        return session.Raw("SELECT 1 FROM layer_items_done WHERE layer = $layer").Bind("$layer", layer).Int64Scalar() is not null;
    }

    /// <summary>Replaces the document's items with those of its layers now (none when it has none).</summary>
    public void Write(long doc, Document document, IReadOnlyDictionary<string, ILayerCodec> codecs, bool replace)
    {
        if (replace)
        {
            session.Raw("DELETE FROM layer_items WHERE doc = $doc").Bind("$doc", doc).Run();
            session.Raw("DELETE FROM layer_item_entities WHERE doc = $doc").Bind("$doc", doc).Run();
        }
        foreach (var name in document.Layers.Names)
        {
            if (codecs.TryGetValue(name, out var codec) && codec.HasItems)
                Insert(doc, name, codec.Items(document.Layers[name]!));
        }
    }

    public void Delete(long doc)
    {
        session.Raw("DELETE FROM layer_items WHERE doc = $doc").Bind("$doc", doc).Run();
        session.Raw("DELETE FROM layer_item_entities WHERE doc = $doc").Bind("$doc", doc).Run();
    }

    private void Insert(long doc, string layer, IReadOnlyList<LayerItem> items)
    {
        if (items.Count == 0)
            return;
        var item = session.Raw("INSERT OR REPLACE INTO layer_items (doc, layer, item, position, kind, status, day) VALUES ($doc, $layer, $item, $position, $kind, $status, $day)")
            .Bind("$doc", doc).Bind("$layer", layer);
        var entity = session.Raw("INSERT OR IGNORE INTO layer_item_entities (doc, local, layer, item) VALUES ($doc, $local, $layer, $item)")
            .Bind("$doc", doc).Bind("$layer", layer);
        foreach (var i in items)
        {
            item.Bind("$item", i.Item).Bind("$position", i.Position).Bind("$kind", i.Kind).Bind("$status", i.Status).Bind("$day", i.Day).Run();
            foreach (var local in i.Entities)
            {
                if (local >= 0)
                    entity.Bind("$local", local).Bind("$item", i.Item).Run();
            }
        }
    }

    /// <summary>
    /// Indexes the items of layers stored before their codec gave items (a store from before schema version 18, or a
    /// feature that began to give items), a batch of documents per transaction, then marks each layer covered. A new
    /// store has no such documents and marks its layers at once.
    /// </summary>
    public void IndexOlderLayers(IReadOnlyDictionary<string, ILayerCodec> codecs)
    {
        foreach (var codec in codecs.Values.Where(c => c.HasItems).OrderBy(c => c.Layer.Name, StringComparer.Ordinal))
        {
            var layer = codec.Layer.Name;
            if (Covers(layer))
                continue;
            long after = -1;
            while (true)
            {
                var batch = new List<(long Doc, string Data)>();
                using (var command = session.Fresh("""
                    SELECT d.seq, l.data FROM documents d JOIN document_layers l ON l.document = d.id AND l.layer = $layer
                    WHERE d.seq > $after ORDER BY d.seq LIMIT $limit
                    """))
                {
                    command.Parameters["$layer"].Value = layer;
                    command.Parameters["$after"].Value = after;
                    command.Parameters["$limit"].Value = BackfillBatch;
                    using var reader = command.ExecuteReader();
                    while (reader.Read())
                        batch.Add((reader.GetInt64(0), reader.GetString(1)));
                }
                if (batch.Count == 0)
                    break;
                session.InTransaction(() =>
                {
                    foreach (var (doc, data) in batch)
                    {
                        session.Raw("DELETE FROM layer_items WHERE doc = $doc AND layer = $layer").Bind("$doc", doc).Bind("$layer", layer).Run();
                        session.Raw("DELETE FROM layer_item_entities WHERE doc = $doc AND layer = $layer").Bind("$doc", doc).Bind("$layer", layer).Run();
                        Insert(doc, layer, codec.Items(codec.Read(data)));
                    }
                });
                after = batch[^1].Doc;
            }
            session.InTransaction(() => session.Raw("INSERT OR IGNORE INTO layer_items_done (layer) VALUES ($layer)").Bind("$layer", layer).Run());
        }
    }

    public LayerItemPage Find(LayerItemQuery query, int limit)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        bool byEntity = query.Entity is not null || query.EntityName is not null;
        var entities = byEntity ? WantedEntities(query) : [];
        if (byEntity && entities.Count == 0)
            return new LayerItemPage([], 0);
        // From the entities' links to their items, in that order (CROSS JOIN fixes SQLite's join order): left to itself
        // the planner walked every item of the layer and looked each one's links up (--actor Iran over the whole allsides
        // store: 110 CPU-s; in this order 0.5).
        var sql = byEntity
            ? """
              SELECT DISTINCT d.id, i.item, i.day
              FROM json_each($entities) w
              CROSS JOIN entity_links l ON l.entity = w.value
              CROSS JOIN documents d ON d.id = l.document
              CROSS JOIN layer_item_entities e ON e.doc = d.seq AND e.local = l.local AND e.layer = $layer
              CROSS JOIN layer_items i ON i.doc = e.doc AND i.layer = e.layer AND i.item = e.item
              WHERE 1
              """
            : """
              SELECT d.id, i.item, i.day
              FROM layer_items i JOIN documents d ON d.seq = i.doc
              WHERE i.layer = $layer
              """;
        // Undated last, then the document's id and the item's place: the order a listing over the documents gives.
        sql += """

              AND ($kind IS NULL OR i.kind = $kind)
              AND ($status IS NULL OR i.status = $status)
              AND ($from IS NULL OR i.day >= $from)
              AND ($to IS NULL OR i.day <= $to)
              ORDER BY i.day IS NULL, i.day, d.id, i.position, i.item
              """;
        using var command = session.Fresh(sql);
        command.Parameters["$layer"].Value = query.Layer;
        command.Parameters["$kind"].Value = (object?)query.Kind ?? DBNull.Value;
        command.Parameters["$status"].Value = (object?)query.Status ?? DBNull.Value;
        command.Parameters["$from"].Value = (object?)Day(query.From) ?? DBNull.Value;
        command.Parameters["$to"].Value = (object?)Day(query.To) ?? DBNull.Value;
        if (byEntity)
            command.Parameters["$entities"].Value = "[" + string.Join(",", entities.Select(e => e.ToString(CultureInfo.InvariantCulture))) + "]";
        var first = new List<LayerItemHit>();
        int total = 0;
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            if (total++ < limit)
                first.Add(new LayerItemHit(reader.GetString(0), reader.GetInt32(1), reader.IsDBNull(2) ? null : ParseDay(reader.GetString(2))));
        }
        return new LayerItemPage(first, total);
    }

    /// <summary>
    /// The stored entities a query names, with those merged into them (a link is repointed when its entity is merged,
    /// but a listing reads a merged entity as the one it was merged into): the entity with that id unless it was merged
    /// into another (it is no longer listed under its id), or every entity whose name holds the part given.
    /// </summary>
    private List<long> WantedEntities(LayerItemQuery query)
    {
        var roots = new List<long>();
        if (query.Entity is { } id)
        {
            if (session.Raw("SELECT 1 FROM entities WHERE id = $id AND merged_into IS NULL").Bind("$id", id).Int64Scalar() is not null)
                roots.Add(id);
        }
        else if (query.EntityName?.Trim() is { Length: > 0 } part)
        {
            using var command = session.Fresh("SELECT id, name FROM entities WHERE merged_into IS NULL");
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                if (reader.GetString(1).Contains(part, StringComparison.OrdinalIgnoreCase))
                    roots.Add(reader.GetInt64(0));
            }
        }
        if (roots.Count == 0)
            return roots;
        var all = new List<long>();
        using (var command = session.Fresh("""
            WITH RECURSIVE absorbed(id) AS (
                SELECT value FROM json_each($roots)
                UNION SELECT e.id FROM entities e JOIN absorbed a ON e.merged_into = a.id)
            SELECT id FROM absorbed
            """))
        {
            command.Parameters["$roots"].Value = "[" + string.Join(",", roots.Select(e => e.ToString(CultureInfo.InvariantCulture))) + "]";
            using var reader = command.ExecuteReader();
            while (reader.Read())
                all.Add(reader.GetInt64(0));
        }
        return all;
    }

    private static string? Day(DateOnly? day) => day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DateOnly? ParseDay(string text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
}

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
            session.Raw("DELETE FROM layer_item_parts WHERE doc = $doc").Bind("$doc", doc).Run();
        }
        foreach (var name in document.Layers.Names)
        {
            if (codecs.TryGetValue(name, out var codec) && codec.HasItems)
                Insert(doc, name, codec.Items(document.Layers[name]!, document));
        }
    }

    public void Delete(long doc)
    {
        session.Raw("DELETE FROM layer_items WHERE doc = $doc").Bind("$doc", doc).Run();
        session.Raw("DELETE FROM layer_item_parts WHERE doc = $doc").Bind("$doc", doc).Run();
    }

    private void Insert(long doc, string layer, IReadOnlyList<LayerItem> items)
    {
        if (items.Count == 0)
            return;
        var item = session.Raw("INSERT OR REPLACE INTO layer_items (doc, layer, item, position, kind, status, day) VALUES ($doc, $layer, $item, $position, $kind, $status, $day)")
            .Bind("$doc", doc).Bind("$layer", layer);
        var part = session.Raw("INSERT OR IGNORE INTO layer_item_parts (doc, layer, item, role, local, name, search) VALUES ($doc, $layer, $item, $role, $local, $name, $search)")
            .Bind("$doc", doc).Bind("$layer", layer);
        foreach (var i in items)
        {
            item.Bind("$item", i.Item).Bind("$position", i.Position).Bind("$kind", i.Kind).Bind("$status", i.Status).Bind("$day", i.Day).Run();
            foreach (var p in i.Parts)
            {
                part.Bind("$item", i.Item).Bind("$role", p.Role).Bind("$local", Math.Max(p.Entity, -1)).Bind("$name", p.Name).Bind("$search", Search(p)).Run();
            }
        }
    }

    /// <summary>
    /// What a listing by a part of a name compares: the part's names in upper case, ordinal and invariant, as
    /// <see cref="StringComparison.OrdinalIgnoreCase"/> compares them (so SQLite's instr finds what Contains would).
    /// </summary>
    private static string? Search(LayerItemPart part) =>
        part.Words is null || part.Words == part.Name ? part.Name?.ToUpperInvariant()
        : part.Name is null ? part.Words.ToUpperInvariant()
        : string.Concat(part.Name, "\n", part.Words).ToUpperInvariant();

    /// <summary>
    /// Indexes the items of layers stored before their codec gave items (a store from before schema version 18, or a
    /// feature that began to give items), a batch of documents per transaction, then marks each layer covered. A new
    /// store has no such documents and marks its layers at once.
    /// </summary>
    /// <param name="load">Reads a stored document whole (an item's names may come from its text and other layers).</param>
    public void IndexOlderLayers(IReadOnlyDictionary<string, ILayerCodec> codecs, Func<string, Document?> load)
    {
        var pending = codecs.Values.Where(c => c.HasItems && !Covers(c.Layer.Name)).OrderBy(c => c.Layer.Name, StringComparer.Ordinal).ToList();
        if (pending.Count == 0)
            return;
        var layers = "[" + string.Join(",", pending.Select(c => System.Text.Json.JsonSerializer.Serialize(c.Layer.Name))) + "]";
        long after = -1;
        while (true)
        {
            // Each document is read once for all the layers to index (whole: an item's names may come from its text
            // and other layers).
            var batch = new List<(long Doc, string Id)>();
            using (var command = session.Fresh("""
                SELECT d.seq, d.id FROM documents d
                WHERE d.seq > $after AND EXISTS (SELECT 1 FROM document_layers l WHERE l.document = d.id AND l.layer IN (SELECT value FROM json_each($layers)))
                ORDER BY d.seq LIMIT $limit
                """))
            {
                command.Parameters["$after"].Value = after;
                command.Parameters["$layers"].Value = layers;
                command.Parameters["$limit"].Value = BackfillBatch;
                using var reader = command.ExecuteReader();
                while (reader.Read())
                    batch.Add((reader.GetInt64(0), reader.GetString(1)));
            }
            if (batch.Count == 0)
                break;
            session.InTransaction(() =>
            {
                foreach (var (doc, id) in batch)
                {
                    var document = load(id);
                    foreach (var codec in pending)
                    {
                        var layer = codec.Layer.Name;
                        session.Raw("DELETE FROM layer_items WHERE doc = $doc AND layer = $layer").Bind("$doc", doc).Bind("$layer", layer).Run();
                        session.Raw("DELETE FROM layer_item_parts WHERE doc = $doc AND layer = $layer").Bind("$doc", doc).Bind("$layer", layer).Run();
                        if (document is not null && document.Layers.Has(layer))
                            Insert(doc, layer, codec.Items(document.Layers[layer]!, document));
                    }
                }
            });
            after = batch[^1].Doc;
        }
        session.InTransaction(() =>
        {
            foreach (var codec in pending)
                session.Raw("INSERT OR IGNORE INTO layer_items_done (layer) VALUES ($layer)").Bind("$layer", codec.Layer.Name).Run();
        });
    }

    public LayerItemPage Find(LayerItemQuery query, int limit)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        // Undated last, then the document's id and the item's place: the order a listing over the documents gives.
        using var command = Matching(query, "d.id, i.item, i.day", "ORDER BY i.day IS NULL, i.day, d.id, i.position, i.item");
        var first = new List<LayerItemHit>();
        int total = 0;
        if (command is null)
            return new LayerItemPage(first, 0);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            if (total++ < limit)
                first.Add(new LayerItemHit(reader.GetString(0), reader.GetInt32(1), reader.IsDBNull(2) ? null : ParseDay(reader.GetString(2))));
        }
        return new LayerItemPage(first, total);
    }

    public IEnumerable<string> Documents(LayerItemQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        // Without an entity the items are walked in the table's own order (document, then item), so the first
        // documents come out at once and a listing that stops after a hundred quotes reads no further.
        bool byEntity = query.Entity is not null || query.EntityName is not null;
        using var command = byEntity
            ? Matching(query, "DISTINCT d.seq, d.id", "ORDER BY d.seq")
            : Matching(query, "i.doc, d.id", "GROUP BY i.doc ORDER BY i.doc");
        if (command is null)
            yield break;
        using var reader = command.ExecuteReader();
        while (reader.Read())
            yield return reader.GetString(1);
    }

    public IEnumerable<LayerItemPartHit> Parts(string layer, string role)
    {
        ArgumentNullException.ThrowIfNull(layer);
        ArgumentNullException.ThrowIfNull(role);
        using var command = session.Fresh("""
            SELECT d.id, p.item, i.kind, p.local, p.name, l.entity
            FROM layer_item_parts p
            JOIN layer_items i ON i.doc = p.doc AND i.layer = p.layer AND i.item = p.item
            JOIN documents d ON d.seq = p.doc
            LEFT JOIN entity_links l ON l.document = d.id AND l.local = p.local AND p.local >= 0
            WHERE p.layer = $layer AND p.role = $role AND p.search IS NOT NULL
            ORDER BY p.doc, p.item
            """);
        command.Parameters["$layer"].Value = layer;
        command.Parameters["$role"].Value = role;
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            yield return new LayerItemPartHit(
                reader.GetString(0),
                reader.GetInt32(1),
                reader.IsDBNull(2) ? null : reader.GetString(2),
                reader.GetInt32(3),
                reader.IsDBNull(4) ? null : reader.GetString(4),
                reader.IsDBNull(5) ? null : reader.GetInt64(5));
        }
    }

    /// <summary>
    /// The statement that selects <paramref name="columns"/> of the items <paramref name="query"/> asks for (items as
    /// i, their documents as d), in <paramref name="order"/>; null when the query names an entity the store does not
    /// have, so that nothing matches.
    /// </summary>
    private Microsoft.Data.Sqlite.SqliteCommand? Matching(LayerItemQuery query, string columns, string order)
    {
        bool byEntity = query.Entity is not null || query.EntityName is not null;
        var entities = byEntity ? WantedEntities(query) : [];
        var part = query.EntityName?.Trim() is { Length: > 0 } name ? name.ToUpperInvariant() : null;
        if (byEntity && entities.Count == 0 && part is null)
            return null;
        string sql;
        if (byEntity)
        {
            // From the entities' links to their items, in that order (CROSS JOIN fixes SQLite's join order): left to
            // itself the planner walked every item of the layer and looked each one's links up (--actor Iran over the
            // whole allsides store: 110 CPU-s; in this order 0.5). A part of a name also matches the names the
            // article gives the parts (a speaker's words, a channel), read from the parts of the layer and role.
            var roleTest = query.Role is null ? "1" : "p.role = $role";
            var linked = $"""
                SELECT DISTINCT p.doc, p.item
                FROM json_each($entities) w
                CROSS JOIN entity_links l ON l.entity = w.value
                CROSS JOIN documents ld ON ld.id = l.document
                CROSS JOIN layer_item_parts p ON p.doc = ld.seq AND p.local = l.local AND p.layer = $layer
                WHERE {roleTest}
                """;
            var named = $"""
                SELECT p.doc, p.item FROM layer_item_parts p
                WHERE p.layer = $layer AND {roleTest} AND p.search IS NOT NULL AND instr(p.search, $part) > 0
                """;
            var source = part is null ? linked : entities.Count == 0 ? named : linked + "\nUNION\n" + named;
            sql = $"""
                SELECT {columns}
                FROM ({source}) m
                CROSS JOIN layer_items i ON i.doc = m.doc AND i.layer = $layer AND i.item = m.item
                CROSS JOIN documents d ON d.seq = i.doc
                WHERE 1
                """;
        }
        else
        {
            sql = $"""
                SELECT {columns}
                FROM layer_items i CROSS JOIN documents d ON d.seq = i.doc
                WHERE i.layer = $layer
                """;
        }
        // Only the filters asked for: a test written "($kind IS NULL OR i.kind = $kind)" keeps SQLite from the index
        // on kind (the statement is planned before the value is known) and walks every item of the layer.
        if (query.Kind is not null)
            sql += "\nAND i.kind = $kind";
        if (query.Status is not null)
            sql += "\nAND i.status = $status";
        if (query.From is not null)
            sql += "\nAND i.day >= $from";
        if (query.To is not null)
            sql += "\nAND i.day <= $to";
        sql += "\n" + order;
        var command = session.Fresh(sql);
        try
        {
            command.Parameters["$layer"].Value = query.Layer;
            if (query.Kind is not null)
                command.Parameters["$kind"].Value = query.Kind;
            if (query.Status is not null)
                command.Parameters["$status"].Value = query.Status;
            if (query.From is not null)
                command.Parameters["$from"].Value = Day(query.From);
            if (query.To is not null)
                command.Parameters["$to"].Value = Day(query.To);
            if (byEntity)
            {
                if (query.Role is not null)
                    command.Parameters["$role"].Value = query.Role;
                if (entities.Count > 0)
                    command.Parameters["$entities"].Value = "[" + string.Join(",", entities.Select(e => e.ToString(CultureInfo.InvariantCulture))) + "]";
                if (part is not null)
                    command.Parameters["$part"].Value = part;
            }
            return command;
        }
        catch
        {
            command.Dispose();
            throw;
        }
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

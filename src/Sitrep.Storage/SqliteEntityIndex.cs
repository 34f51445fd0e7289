using System.Globalization;
using Microsoft.Data.Sqlite;
using Sitrep.Entities;
using Sitrep.Entities.Resolution;

namespace Sitrep.Storage;

/// <summary>
/// The entity tables of a <see cref="SqliteDocumentStore"/> (schema v4): entities, their keys, the
/// links from documents, the user's corrections. Shares the store's connection, so the same
/// one-thread-at-a-time rule applies.
/// </summary>
public sealed class SqliteEntityIndex : IEntityIndex, IEntityDirectory, IEntityCatalog
{
    private readonly SqliteSession _session;
    private readonly SqliteDocumentStore _documents;
    private readonly SqliteChangeFeed _changes;
    private HashSet<(string Key, long Entity)>? _blocks;

    internal SqliteEntityIndex(SqliteSession session, SqliteDocumentStore documents, SqliteChangeFeed changes)
    {
        _session = session;
        _documents = documents;
        _changes = changes;
    }

    public IReadOnlyList<DocumentEntity>? DocumentEntities(string documentId)
    {
        ArgumentNullException.ThrowIfNull(documentId);
        if (_documents.LayerData(documentId, EntityLayers.DocumentEntities.Name) is { } json)
            return EntityLayers.ReadEntities(json);
        return _documents.Exists(documentId) ? [] : null;
    }

    public void InTransaction(Action work)
    {
        try
        {
            _session.InTransaction(work);
        }
        catch (StoreException ex) when (ex.InnerException is SqliteException inner)
        {
            throw new StoreException($"cannot resolve entities in the store: {inner.Message}", inner);
        }
    }

    public void AllOrNothing(Action work) => _session.AllOrNothing(work);

    public IReadOnlyList<long> Lookup(string key)
    {
        var command = Prepared("SELECT entity FROM entity_keys WHERE key = $key ORDER BY entity");
        command.Parameters["$key"].Value = key;
        return ReadIds(command);
    }

    public StoredEntity Get(long id)
    {
        var command = Prepared("SELECT id, name, type, documents, merged_into FROM entities WHERE id = $id");
        command.Parameters["$id"].Value = id;
        using var reader = command.ExecuteReader();
        if (!reader.Read())
            throw new KeyNotFoundException($"no entity E{id} in the store");
        if (!reader.IsDBNull(4))
        {
            long into = reader.GetInt64(4);
            reader.Close();
            return Get(into);
        }
        return new StoredEntity(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetInt32(3));
    }

    /// <summary>The entity with this id, following merges; null when there is none.</summary>
    public StoredEntity? Find(long id)
    {
        var command = Prepared("SELECT 1 FROM entities WHERE id = $id");
        command.Parameters["$id"].Value = id;
        return command.ExecuteScalar() is null ? null : Get(id);
    }

    public IReadOnlyDictionary<long, int> Context(long id, int documents)
    {
        var command = Prepared("""
            SELECT l.entity, COUNT(DISTINCT l.document) FROM entity_links l
            WHERE l.document IN (SELECT document FROM entity_links WHERE entity = $id LIMIT $n) AND l.entity <> $id
            GROUP BY l.entity
            """);
        command.Parameters["$id"].Value = id;
        command.Parameters["$n"].Value = documents;
        var result = new Dictionary<long, int>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
            result[reader.GetInt64(0)] = reader.GetInt32(1);
        return result;
    }

    public bool IsBlocked(string key, long id)
    {
        // The user's blocks are few; read once and kept, so resolution asks no query per key.
        if (_blocks is null)
        {
            _blocks = [];
            using var reader = Prepared("SELECT key, entity FROM entity_blocks").ExecuteReader();
            while (reader.Read())
                _blocks.Add((reader.GetString(0), reader.GetInt64(1)));
        }
        return _blocks.Count > 0 && _blocks.Contains((key, id));
    }

    public long Create(string name, string type)
    {
        var command = Prepared("INSERT INTO entities (name, type) VALUES ($name, $type) RETURNING id");
        command.Parameters["$name"].Value = name;
        command.Parameters["$type"].Value = type;
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    public void AddKeys(long id, IEnumerable<string> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var command = Prepared("INSERT OR IGNORE INTO entity_keys (key, entity) VALUES ($key, $id)");
        command.Parameters["$id"].Value = id;
        foreach (var key in keys)
        {
            command.Parameters["$key"].Value = key;
            command.ExecuteNonQuery();
        }
    }

    public IReadOnlyCollection<long> Unlink(string documentId)
    {
        var links = Prepared("SELECT entity, type FROM entity_links WHERE document = $document");
        links.Parameters["$document"].Value = documentId;
        var linked = new List<(long Entity, string? Type)>();
        using (var reader = links.ExecuteReader())
        {
            while (reader.Read())
                linked.Add((reader.GetInt64(0), reader.IsDBNull(1) ? null : reader.GetString(1)));
        }
        if (linked.Count == 0)
            return [];
        var delete = Prepared("DELETE FROM entity_links WHERE document = $document");
        delete.Parameters["$document"].Value = documentId;
        delete.ExecuteNonQuery();
        foreach (var (entity, type) in linked)
            Vote(entity, type, -1);
        var entities = linked.Select(l => l.Entity).Distinct().ToList();
        foreach (var id in entities)
        {
            AddDocuments(id, -1);
            Retype(id);
        }
        return entities;
    }

    public void Link(string documentId, int local, long id, string type)
    {
        // The document counts once for the entity, however many of its own entities link to it.
        var count = Prepared("""
            UPDATE entities SET documents = documents + 1
            WHERE id = $id AND NOT EXISTS (SELECT 1 FROM entity_links WHERE document = $document AND entity = $id)
            """);
        count.Parameters["$document"].Value = documentId;
        count.Parameters["$id"].Value = id;
        count.ExecuteNonQuery();
        var insert = Prepared("INSERT OR REPLACE INTO entity_links (document, local, entity, type) VALUES ($document, $local, $id, $type)");
        insert.Parameters["$document"].Value = documentId;
        insert.Parameters["$local"].Value = local;
        insert.Parameters["$id"].Value = id;
        insert.Parameters["$type"].Value = type;
        insert.ExecuteNonQuery();
        Vote(id, type, 1);
        // One more vote for this type can only make this type the leader: it takes over when it now has
        // more votes than the entity's type (a tie keeps the type it has).
        var retype = Prepared("""
            UPDATE entities SET type = $type
            WHERE id = $id AND type <> $type
              AND (SELECT votes FROM entity_types WHERE entity = $id AND type = $type)
                > COALESCE((SELECT votes FROM entity_types t WHERE t.entity = $id AND t.type = entities.type), 0)
            """);
        retype.Parameters["$id"].Value = id;
        retype.Parameters["$type"].Value = type;
        retype.ExecuteNonQuery();
    }

    private void Vote(long id, string? type, int delta)
    {
        if (type is null)
            return;
        var command = Prepared("""
            INSERT INTO entity_types (entity, type, votes) VALUES ($id, $type, $delta)
            ON CONFLICT (entity, type) DO UPDATE SET votes = votes + excluded.votes
            """);
        command.Parameters["$id"].Value = id;
        command.Parameters["$type"].Value = type;
        command.Parameters["$delta"].Value = delta;
        command.ExecuteNonQuery();
    }

    /// <summary>Gives the entity the type most of its documents give it; a tie keeps the type it has.</summary>
    private void Retype(long id)
    {
        var current = Prepared("SELECT type FROM entities WHERE id = $id");
        current.Parameters["$id"].Value = id;
        if (current.ExecuteScalar() is not string type)
            return;
        var votes = Prepared("SELECT type, votes FROM entity_types WHERE entity = $id AND votes > 0");
        votes.Parameters["$id"].Value = id;
        string best = type;
        long bestVotes = 0, currentVotes = 0;
        using (var reader = votes.ExecuteReader())
        {
            while (reader.Read())
            {
                string t = reader.GetString(0);
                long v = reader.GetInt64(1);
                if (t == type)
                    currentVotes = v;
                if (v > bestVotes || (v == bestVotes && string.CompareOrdinal(t, best) < 0))
                    (best, bestVotes) = (t, v);
            }
        }
        if (bestVotes <= currentVotes || best == type)
            return;
        var update = Prepared("UPDATE entities SET type = $type WHERE id = $id");
        update.Parameters["$id"].Value = id;
        update.Parameters["$type"].Value = best;
        update.ExecuteNonQuery();
    }

    public void Merge(long kept, long absorbed)
    {
        if (kept == absorbed)
            return;
        _blocks = null;
        foreach (var sql in (ReadOnlySpan<string>)[
            "INSERT OR IGNORE INTO entity_keys (key, entity) SELECT key, $kept FROM entity_keys WHERE entity = $absorbed",
            "DELETE FROM entity_keys WHERE entity = $absorbed",
            "INSERT OR IGNORE INTO entity_blocks (key, entity) SELECT key, $kept FROM entity_blocks WHERE entity = $absorbed",
            "DELETE FROM entity_blocks WHERE entity = $absorbed",
            "UPDATE entity_links SET entity = $kept WHERE entity = $absorbed",
            """
            INSERT INTO entity_types (entity, type, votes) SELECT $kept, type, votes FROM entity_types WHERE entity = $absorbed
            ON CONFLICT (entity, type) DO UPDATE SET votes = votes + excluded.votes
            """,
            "DELETE FROM entity_types WHERE entity = $absorbed",
            "UPDATE entities SET merged_into = $kept WHERE merged_into = $absorbed",
            "UPDATE entities SET merged_into = $kept, documents = 0 WHERE id = $absorbed",
            "UPDATE entities SET documents = (SELECT COUNT(DISTINCT document) FROM entity_links WHERE entity = $kept) WHERE id = $kept",
        ])
        {
            var command = Prepared(sql);
            Set(command, "$kept", kept);
            Set(command, "$absorbed", absorbed);
            command.ExecuteNonQuery();
        }
        Retype(kept);
    }

    public long? EntityOf(string documentId, int local)
    {
        var command = Prepared("SELECT entity FROM entity_links WHERE document = $document AND local = $local");
        command.Parameters["$document"].Value = documentId;
        command.Parameters["$local"].Value = local;
        return command.ExecuteScalar() is { } v and not DBNull ? Convert.ToInt64(v, CultureInfo.InvariantCulture) : null;
    }

    /// <summary>Entities by how many documents name them (most first), optionally only those with a name containing <paramref name="search"/>.</summary>
    public IReadOnlyList<StoredEntity> List(string? search, int limit) => List(search, null, limit);

    public IReadOnlyList<StoredEntity> List(string? search, string? type, int limit)
    {
        var command = Prepared("""
            SELECT id, name, type, documents FROM entities
            WHERE merged_into IS NULL AND documents > 0 AND ($type IS NULL OR type = $type)
                AND ($search IS NULL OR name LIKE '%' || $search || '%'
                     OR id IN (SELECT entity FROM entity_keys WHERE key LIKE 'x%' || $search || '%'))
            ORDER BY documents DESC, id LIMIT $limit
            """);
        command.Parameters["$search"].Value = (object?)search ?? DBNull.Value;
        command.Parameters["$type"].Value = (object?)type ?? DBNull.Value;
        command.Parameters["$limit"].Value = limit;
        var list = new List<StoredEntity>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
            list.Add(new StoredEntity(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetInt32(3)));
        return list;
    }

    public IReadOnlyList<(string Type, int Entities)> CountByType()
    {
        var command = Prepared("SELECT type, COUNT(*) FROM entities WHERE merged_into IS NULL AND documents > 0 GROUP BY type ORDER BY COUNT(*) DESC, type");
        var list = new List<(string, int)>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
            list.Add((reader.GetString(0), reader.GetInt32(1)));
        return list;
    }

    public IEnumerable<StoredEntity> All()
    {
        using var command = _session.Fresh("SELECT id, name, type, documents FROM entities WHERE merged_into IS NULL AND documents > 0 ORDER BY id");
        using var reader = command.ExecuteReader();
        while (reader.Read())
            yield return new StoredEntity(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetInt32(3));
    }

    /// <summary>The documents naming the entity, in store order, with the local entity each names it by.</summary>
    public IReadOnlyList<(string Document, int Local)> Links(long id)
    {
        var command = Prepared("""
            SELECT l.document, l.local FROM entity_links l JOIN documents d ON d.id = l.document
            WHERE l.entity = $id ORDER BY d.seq, l.local
            """);
        command.Parameters["$id"].Value = id;
        var list = new List<(string, int)>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
            list.Add((reader.GetString(0), reader.GetInt32(1)));
        return list;
    }

    /// <summary>Records a user's correction (kept for the record and shown by <c>sitrep entities show</c>).</summary>
    public void RecordCorrection(string kind, long entity, long? other, string? detail)
    {
        var command = Prepared("INSERT INTO entity_corrections (kind, entity, other, detail, made_at) VALUES ($kind, $entity, $other, $detail, $at)");
        command.Parameters["$kind"].Value = kind;
        command.Parameters["$entity"].Value = entity;
        command.Parameters["$other"].Value = (object?)other ?? DBNull.Value;
        command.Parameters["$detail"].Value = (object?)detail ?? DBNull.Value;
        command.Parameters["$at"].Value = DateTime.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        command.ExecuteNonQuery();
    }

    public IReadOnlyList<(string Kind, long Entity, long? Other, string? Detail, string MadeAt)> Corrections(long id)
    {
        var command = Prepared("SELECT kind, entity, other, detail, made_at FROM entity_corrections WHERE entity = $id OR other = $id ORDER BY seq");
        command.Parameters["$id"].Value = id;
        var list = new List<(string, long, long?, string?, string)>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
            list.Add((reader.GetString(0), reader.GetInt64(1), reader.IsDBNull(2) ? null : reader.GetInt64(2), reader.IsDBNull(3) ? null : reader.GetString(3), reader.GetString(4)));
        return list;
    }

    /// <summary>Says that <paramref name="key"/> never names <paramref name="id"/> and moves its key row to <paramref name="to"/>.</summary>
    public void Block(string key, long id, long to)
    {
        _blocks = null;
        foreach (var sql in (ReadOnlySpan<string>)[
            "INSERT OR IGNORE INTO entity_blocks (key, entity) VALUES ($key, $id)",
            "DELETE FROM entity_keys WHERE key = $key AND entity = $id",
            "INSERT OR IGNORE INTO entity_keys (key, entity) VALUES ($key, $to)",
        ])
        {
            var command = Prepared(sql);
            Set(command, "$key", key);
            Set(command, "$id", id);
            Set(command, "$to", to);
            command.ExecuteNonQuery();
        }
    }

    /// <summary>Puts every document linked to the entity back on the change feed: after a user's correction, so resolution runs again over it.</summary>
    public void RequeueDocumentsOf(long id)
    {
        var command = Prepared("SELECT DISTINCT document FROM entity_links WHERE entity = $id");
        command.Parameters["$id"].Value = id;
        var documents = new List<string>();
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
                documents.Add(reader.GetString(0));
        }
        foreach (var document in documents)
            _changes.Append(document, Pipeline.ChangeKind.Reanalysed, "user", [EntityLayers.DocumentEntities.Name]);
    }

    /// <summary>
    /// The user says <paramref name="absorbed"/> is <paramref name="kept"/>: everything moves to
    /// <paramref name="kept"/>, and since resolution finds entities by the keys that moved with it, the
    /// correction holds when the documents are analysed again.
    /// </summary>
    public void MergeByUser(long kept, long absorbed)
    {
        InTransaction(() =>
        {
            Merge(kept, absorbed);
            RecordCorrection("merge", kept, absorbed, null);
        });
    }

    /// <summary>
    /// The user says the names <paramref name="aliases"/> of entity <paramref name="id"/> are someone
    /// or something else: a new entity takes the documents that use them, their keys move to it and are
    /// blocked for <paramref name="id"/>, so re-analysis files them under the new entity again.
    /// Returns the new entity's id.
    /// </summary>
    public long Split(long id, IReadOnlyList<string> aliases, CountryTable countries)
    {
        ArgumentNullException.ThrowIfNull(aliases);
        ArgumentNullException.ThrowIfNull(countries);
        if (aliases.Count == 0)
            throw new ArgumentException("name at least one alias to split off", nameof(aliases));
        var entity = Get(id);
        long created = 0;
        InTransaction(() =>
        {
            created = Create(aliases[0], entity.Type);
            var exact = new HashSet<string>(aliases.Select(NameKeys.Exact), StringComparer.Ordinal);
            var keys = aliases.SelectMany(a => ResolutionKeys.For(new DocumentEntity(a, entity.Type, null, [a], []), countries).All)
                .Distinct(StringComparer.Ordinal).ToList();
            foreach (var key in keys)
                Block(key, entity.Id, created);
            foreach (var (document, local) in Links(entity.Id))
            {
                var entities = DocumentEntities(document) ?? [];
                if (local < entities.Count && entities[local].Aliases.Any(a => exact.Contains(NameKeys.Exact(a))))
                {
                    Unlink(document, local, entity.Id);
                    Link(document, local, created, entities[local].Type);
                }
            }
            RecordCorrection("split", entity.Id, created, string.Join(" | ", aliases));
        });
        return created;
    }

    private void Unlink(string documentId, int local, long id)
    {
        var type = Prepared("SELECT type FROM entity_links WHERE document = $document AND local = $local");
        type.Parameters["$document"].Value = documentId;
        type.Parameters["$local"].Value = local;
        Vote(id, type.ExecuteScalar() as string, -1);
        Retype(id);
        var delete = Prepared("DELETE FROM entity_links WHERE document = $document AND local = $local");
        delete.Parameters["$document"].Value = documentId;
        delete.Parameters["$local"].Value = local;
        delete.ExecuteNonQuery();
        var still = Prepared("SELECT 1 FROM entity_links WHERE document = $document AND entity = $id LIMIT 1");
        still.Parameters["$document"].Value = documentId;
        still.Parameters["$id"].Value = id;
        if (still.ExecuteScalar() is null)
            AddDocuments(id, -1);
    }

    private void AddDocuments(long id, int delta)
    {
        var command = Prepared("UPDATE entities SET documents = MAX(0, documents + $delta) WHERE id = $id");
        command.Parameters["$id"].Value = id;
        command.Parameters["$delta"].Value = delta;
        command.ExecuteNonQuery();
    }

    private static void Set(SqliteCommand command, string name, object value) => SqliteSession.Set(command, name, value);

    private static List<long> ReadIds(SqliteCommand command)
    {
        var ids = new List<long>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
            ids.Add(reader.GetInt64(0));
        return ids;
    }

    private SqliteCommand Prepared(string sql) => _session.Prepared(sql);
}

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
    private long _blocksRollbacks;

    /// <summary>How many documents' links <see cref="Context"/> keeps at most (about 30 links each) before it starts afresh.</summary>
    private const int MaxCachedDocuments = 100_000;

    /// <summary>Each document's links (the entity of each), read for <see cref="Context"/>; a write to a document's links drops its entry.</summary>
    private readonly Dictionary<string, long[]> _documentLinks = new(StringComparer.Ordinal);

    /// <summary>The store's data version and this connection's count of rollbacks when <see cref="_documentLinks"/> was last known to be right.</summary>
    private long _linksGeneration = -1;
    private long _linksRollbacks;

    internal SqliteEntityIndex(SqliteSession session, SqliteDocumentStore documents, SqliteChangeFeed changes)
    {
        _session = session;
        _documents = documents;
        _changes = changes;
    }

    private static readonly IReadOnlySet<string> EntityLayerNames = new HashSet<string>(StringComparer.Ordinal) { EntityLayers.DocumentEntities.Name };

    public IReadOnlyList<DocumentEntity>? DocumentEntities(string documentId)
    {
        ArgumentNullException.ThrowIfNull(documentId);
        // A document the batch before just stored: its entities are still in memory, as they would be read back.
        if (_documents.Saved(documentId, EntityLayerNames) is { } saved)
            return saved.Layers.Get(EntityLayers.DocumentEntities) ?? [];
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

    public IReadOnlyList<string>? KeysOf(long id)
    {
        var keys = new List<string>();
        using var reader = Raw("SELECT key FROM entity_keys WHERE entity = $id").Bind("$id", id).Execute();
        while (reader.Read())
            keys.Add(reader.Text(0));
        return keys;
    }

    public IReadOnlyList<long> Lookup(string key)
    {
        return ReadIds(Raw("SELECT entity FROM entity_keys WHERE key = $key ORDER BY entity").Bind("$key", key));
    }

    public StoredEntity Get(long id)
    {
        // Within one transaction each entity's row is read once and kept until this index writes it again: resolution
        // asks for the same candidates' rows (their names, types, how many documents name them) over and over.
        bool cached = RowsCurrent();
        if (cached && _rows.TryGetValue(id, out var row))
            return row.MergedInto is { } merged ? Get(merged) : row.Entity!;
        long into;
        RowReads++;
        using (var reader = Raw("SELECT id, name, type, documents, merged_into FROM entities WHERE id = $id").Bind("$id", id).Execute())
        {
            if (!reader.Read())
                throw new KeyNotFoundException($"no entity E{id} in the store");
            if (reader.IsNull(4))
            {
                var entity = new StoredEntity(reader.Int64(0), reader.Text(1), reader.Text(2), reader.Int32(3));
                if (cached)
                    _rows[id] = (entity, null);
                return entity;
            }
            into = reader.Int64(4);
        }
        if (cached)
            _rows[id] = (null, into);
        return Get(into);
    }

    /// <summary>
    /// Entity rows <see cref="Get"/> read, as the table has them: each write of a row here drops it (a merge drops the
    /// two entities' rows and repoints those that pointed at the absorbed one). Used only inside a transaction, where no
    /// other connection's commit shows; kept into the next transaction when no other connection has committed in between
    /// (the store's data version, read once a transaction, has not moved), and forgotten when a transaction or savepoint
    /// of this connection is rolled back.
    /// </summary>
    private readonly Dictionary<long, (StoredEntity? Entity, long? MergedInto)> _rows = [];

    /// <summary>How many entity rows <see cref="_rows"/> keeps at most before it starts afresh (about 170 bytes each).</summary>
    private const int MaxCachedRows = 100_000;

    /// <summary>How many times <see cref="Get"/> read an entity's row from the table (tests check the cache is used).</summary>
    internal int RowReads { get; private set; }

    private long _rowsTransaction = -1;
    private long _rowsRollbacks;
    private long _rowsGeneration = -1;

    /// <summary>
    /// Whether <see cref="_rows"/> may be used (and filled) now: in a transaction, checked at its first use there against
    /// the store's data version (emptied when another connection has committed since it was filled) and emptied after a
    /// rollback. Kept across transactions, it saves resolution reading again at every batch the rows of the entities it
    /// keeps meeting (merges-10k: 247,686 reads of an entity's row, 24.8 an article, with the rows emptied every batch).
    /// </summary>
    private bool RowsCurrent()
    {
        if (!_session.InTransactionNow)
            return false;
        if (_rowsTransaction != _session.Transactions || _rowsRollbacks != _session.Rollbacks)
        {
            // The pragma opens this transaction's read snapshot: nothing another connection commits after it shows here.
            long generation = Raw("PRAGMA data_version").Int64Scalar() ?? 0;
            if (generation != _rowsGeneration || _rowsRollbacks != _session.Rollbacks || _rows.Count > MaxCachedRows)
                _rows.Clear();
            _documentEntities.Clear();
            _rowsGeneration = generation;
            _rowsTransaction = _session.Transactions;
            _rowsRollbacks = _session.Rollbacks;
        }
        return true;
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
        // The documents are the first rows of the entity's links in index order (a document linked twice
        // counts twice towards the limit), as one query with a GROUP BY over their links found them; their
        // links are read from a cache, since popular surnames ask for the company of hundreds of people
        // (172 Smiths in 20,000 articles) and that query cost milliseconds each, more the larger the store.
        ForgetLinksIfStale();
        var named = new List<string>();
        using (var reader = Raw("SELECT document FROM entity_links WHERE entity = $id ORDER BY document LIMIT $n").Bind("$id", id).Bind("$n", documents).Execute())
        {
            while (reader.Read())
            {
                var document = reader.Text(0);
                if (named.Count == 0 || named[^1] != document)
                    named.Add(document);
            }
        }
        // Each document's links first, so the counts are made at their full size at once: growing them step by step
        // (up to 50 documents of about 30 links) cost a tenth of the company look-ups. A dictionary lists its entries
        // in the order they were added whatever its capacity, so the sums made over it are the same.
        var linked = new long[named.Count][];
        int links = 0;
        for (int i = 0; i < named.Count; i++)
        {
            linked[i] = LinksOf(named[i]);
            links += linked[i].Length;
        }
        var result = new Dictionary<long, int>(links);
        var counted = new HashSet<long>();
        foreach (var documentLinks in linked)
        {
            counted.Clear();
            foreach (var entity in documentLinks)
            {
                if (entity != id && counted.Add(entity))
                    result[entity] = result.GetValueOrDefault(entity) + 1;
            }
        }
        return result;
    }

    /// <summary>The entity of each link of the document, as the links table has them now.</summary>
    private long[] LinksOf(string document)
    {
        if (_documentLinks.TryGetValue(document, out var links))
            return links;
        if (_documentLinks.Count >= MaxCachedDocuments)
            _documentLinks.Clear();
        links = [.. ReadIds(Raw("SELECT entity FROM entity_links WHERE document = $document").Bind("$document", document))];
        _documentLinks[document] = links;
        return links;
    }

    /// <summary>
    /// Empties the cache of links when it may no longer be what the table holds: another connection
    /// wrote to the store, or a transaction of this one was rolled back (every write of this one goes
    /// through this index, which keeps the cache in step).
    /// </summary>
    private void ForgetLinksIfStale()
    {
        // Checked once a transaction: the pragma opens the transaction's read snapshot, so no other connection's
        // commit shows in what this one reads until it ends.
        if (_session.InTransactionNow && _linksTransaction == _session.Transactions && _session.Rollbacks == _linksRollbacks)
            return;
        long generation = Raw("PRAGMA data_version").Int64Scalar() ?? 0;
        if (generation != _linksGeneration || _session.Rollbacks != _linksRollbacks)
        {
            _documentLinks.Clear();
            _linksGeneration = generation;
            _linksRollbacks = _session.Rollbacks;
        }
        _linksTransaction = _session.InTransactionNow ? _session.Transactions : -1;
    }

    /// <summary>The transaction in which <see cref="_documentLinks"/> was last checked against the store's data version (-1: none).</summary>
    private long _linksTransaction = -1;

    public bool IsBlocked(string key, long id)
    {
        // The user's blocks are few; read once and kept, so resolution asks no query per key (again after a
        // rollback, which may have undone a merge that moved them).
        if (_blocks is null || _blocksRollbacks != _session.Rollbacks)
        {
            _blocks = [];
            _blocksRollbacks = _session.Rollbacks;
            using var reader = Prepared("SELECT key, entity FROM entity_blocks").ExecuteReader();
            while (reader.Read())
                _blocks.Add((reader.GetString(0), reader.GetInt64(1)));
        }
        return _blocks.Count > 0 && _blocks.Contains((key, id));
    }

    public long Create(string name, string type)
    {
        long id = Raw("INSERT INTO entities (name, type) VALUES ($name, $type)").Bind("$name", name).Bind("$type", type).Insert();
        // A row id can be handed out again after a rollback: nothing kept of an earlier row under it.
        _rows.Remove(id);
        _documentEntities.Clear();
        return id;
    }

    public void AddKeys(long id, IEnumerable<string> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        // Up to KeysAtOnce keys in one statement (rows inserted in the order given, each ignored when filed
        // already, as one statement a key did): an entity new to the store files five to fifteen keys.
        var chunk = _keyChunk;
        int count = 0;
        foreach (var key in keys)
        {
            chunk[count++] = key;
            if (count == KeysAtOnce)
            {
                InsertKeys(id, chunk.AsSpan(0, count));
                count = 0;
            }
        }
        if (count > 0)
            InsertKeys(id, chunk.AsSpan(0, count));
    }

    private const int KeysAtOnce = 16;

    private readonly string?[] _keyChunk = new string?[KeysAtOnce];

    /// <summary>The statement inserting n keys of one entity (n from 1 to <see cref="KeysAtOnce"/>), and its parameters' names.</summary>
    private static readonly string[] InsertKeysSql = [.. Enumerable.Range(0, KeysAtOnce + 1).Select(n => n == 0 ? "" :
        "INSERT OR IGNORE INTO entity_keys (key, entity) VALUES " + string.Join(", ", Enumerable.Range(0, n).Select(i => $"($key{i}, $id)")))];

    private static readonly string[] KeyNames = [.. Enumerable.Range(0, KeysAtOnce).Select(i => $"$key{i}")];

    private void InsertKeys(long id, ReadOnlySpan<string?> keys)
    {
        var command = Raw(InsertKeysSql[keys.Length]).Bind("$id", id);
        for (int i = 0; i < keys.Length; i++)
            command.Bind(KeyNames[i], keys[i] ?? throw new ArgumentException("a key is null", nameof(keys)));
        command.Run();
    }

    public IReadOnlyCollection<long> Unlink(string documentId)
    {
        var linked = new List<(long Entity, string? Type, string? Sector, string? Country, int Votes)>();
        using (var reader = Raw("SELECT entity, type, sector, country, votes FROM entity_links WHERE document = $document").Bind("$document", documentId).Execute())
        {
            while (reader.Read())
                linked.Add((reader.Int64(0), reader.NullableText(1), reader.NullableText(2), reader.NullableText(3), (int)reader.Int64(4)));
        }
        if (linked.Count == 0)
            return [];
        _documentLinks.Remove(documentId);
        var delete = Prepared("DELETE FROM entity_links WHERE document = $document");
        delete.Parameters["$document"].Value = documentId;
        delete.ExecuteNonQuery();
        _documentEntities.Clear();
        foreach (var (entity, type, sector, country, votes) in linked)
        {
            Vote(entity, type, -votes);
            Attributes(entity, sector, country, -1);
        }
        var entities = linked.Select(l => l.Entity).Distinct().ToList();
        foreach (var id in entities)
        {
            AddDocuments(id, -1);
            Retype(id);
        }
        return entities;
    }

    public void Link(string documentId, int local, long id, string type) => Link(documentId, local, id, type, null, null);

    public void Link(string documentId, int local, long id, string type, string? sector, string? country) => Link(documentId, local, id, type, sector, country, 1);

    public void Link(string documentId, int local, long id, string type, string? sector, string? country, int votes)
    {
        if (votes < 1)
            throw new ArgumentOutOfRangeException(nameof(votes), votes, "a link's type vote weighs one or more");
        Vote(id, type, votes);
        Attributes(id, sector, country, 1);
        // One statement for the entity's row, before the link is written: the document counts once for the
        // entity, however many of its own entities link to it; and one more vote for this type can only make
        // this type the leader, so it takes over when it now has more votes than the entity's type (a tie
        // keeps the type it has). Both read the row as it was (SQLite evaluates every SET from the old row),
        // as the two statements they replace did (four statements a link instead of six, with the votes).
        Raw("""
            UPDATE entities SET
                documents = documents + NOT EXISTS (SELECT 1 FROM entity_links WHERE document = $document AND entity = $id),
                type = CASE WHEN type <> $type AND type_by_user = 0
                    AND (SELECT votes FROM entity_types WHERE entity = $id AND type = $type)
                      > COALESCE((SELECT votes FROM entity_types t WHERE t.entity = $id AND t.type = entities.type), 0)
                    THEN $type ELSE type END
            WHERE id = $id
            """).Bind("$document", documentId).Bind("$id", id).Bind("$type", type).Run();
        _rows.Remove(id);
        _documentEntities.Clear();
        _documentLinks.Remove(documentId);
        Raw("INSERT OR REPLACE INTO entity_links (document, local, entity, type, sector, country, votes) VALUES ($document, $local, $id, $type, $sector, $country, $votes)")
            .Bind("$document", documentId).Bind("$local", local).Bind("$id", id).Bind("$type", type).Bind("$sector", sector).Bind("$country", country).Bind("$votes", votes).Run();
    }

    private void Vote(long id, string? type, int delta)
    {
        if (type is null)
            return;
        Raw("""
            INSERT INTO entity_types (entity, type, votes) VALUES ($id, $type, $delta)
            ON CONFLICT (entity, type) DO UPDATE SET votes = votes + excluded.votes
            """).Bind("$id", id).Bind("$type", type).Bind("$delta", delta).Run();
    }

    /// <summary>
    /// Votes for (or, with -1, against) the entity's sector and its country, as <see cref="Attribute"/> for each
    /// in turn: both in one statement when both are known (the sector's row first).
    /// </summary>
    private void Attributes(long id, string? sector, string? country, int delta)
    {
        if (sector is null || country is null)
        {
            Attribute(id, "sector", sector, delta);
            Attribute(id, "country", country, delta);
            return;
        }
        Raw("""
            INSERT INTO entity_attributes (entity, kind, value, votes) VALUES ($id, 'sector', $sector, $delta), ($id, 'country', $country, $delta)
            ON CONFLICT (entity, kind, value) DO UPDATE SET votes = votes + excluded.votes
            """).Bind("$id", id).Bind("$sector", sector).Bind("$country", country).Bind("$delta", delta).Run();
    }

    /// <summary>A vote for (or, with -1, against) the entity's sector or country; nothing for an unknown value.</summary>
    private void Attribute(long id, string kind, string? value, int delta)
    {
        if (value is null)
            return;
        Raw("""
            INSERT INTO entity_attributes (entity, kind, value, votes) VALUES ($id, $kind, $value, $delta)
            ON CONFLICT (entity, kind, value) DO UPDATE SET votes = votes + excluded.votes
            """).Bind("$id", id).Bind("$kind", kind).Bind("$value", value).Bind("$delta", delta).Run();
    }

    /// <summary>
    /// The sector and country most of the entity's documents give it, following merges. A sector tie takes the first in
    /// ordinal order; a country tie gives no country: the words before a name can reach into the sentence before it
    /// ("… in Russia. Cohen told Congress"), and with one article for each of Russia and the United States the
    /// ordinal order filed Congress under Russia.
    /// </summary>
    public (string? Sector, string? Country) Affiliation(long id)
    {
        long entity = Get(id).Id;
        string? sector = null, country = null;
        long countryVotes = 0;
        bool countryTied = false;
        using var reader = Raw("""
            SELECT kind, value, votes FROM entity_attributes WHERE entity = $id AND votes > 0
            ORDER BY kind, votes DESC, value
            """).Bind("$id", entity).Execute();
        while (reader.Read())
        {
            var kind = reader.Text(0);
            if (kind == "sector")
                sector ??= reader.Text(1);
            else if (kind == "country")
            {
                long votes = reader.Int64(2);
                if (country is null)
                    (country, countryVotes) = (reader.Text(1), votes);
                else if (votes == countryVotes)
                    countryTied = true;
            }
        }
        return (sector, countryTied ? null : country);
    }

    /// <summary>Gives the entity the type most of its documents give it; a tie keeps the type it has, and so does a type the user gave.</summary>
    private void Retype(long id)
    {
        var current = Prepared("SELECT type FROM entities WHERE id = $id AND type_by_user = 0");
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
        _rows.Remove(id);
        _documentEntities.Clear();
    }

    public void Merge(long kept, long absorbed)
    {
        if (kept == absorbed)
            return;
        _blocks = null;
        // The cached rows change as the statements below change the table's: the kept entity's row (its name, type
        // and count may change) and the absorbed one's are read again, and an entity that pointed at the absorbed one
        // points at the kept one. Emptying the whole cache made resolution read every entity it asks about again after
        // each merge. Only what is current may be kept (RowsCurrent empties it otherwise, before this is used).
        _rows.Remove(kept);
        _rows.Remove(absorbed);
        MergedRows.Repoint(_rows, absorbed, kept, static row => row.MergedInto, static (_, into) => (null, into));
        _documentEntities.Clear();
        // The links of the documents naming the absorbed entity change.
        var linked = Prepared("SELECT document FROM entity_links WHERE entity = $absorbed");
        linked.Parameters["$absorbed"].Value = absorbed;
        using (var reader = linked.ExecuteReader())
        {
            while (reader.Read())
                _documentLinks.Remove(reader.GetString(0));
        }
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
            """
            INSERT INTO entity_attributes (entity, kind, value, votes) SELECT $kept, kind, value, votes FROM entity_attributes WHERE entity = $absorbed
            ON CONFLICT (entity, kind, value) DO UPDATE SET votes = votes + excluded.votes
            """,
            "DELETE FROM entity_attributes WHERE entity = $absorbed",
            // A name or type the user gave the absorbed entity goes with it, unless the user also named the kept one.
            """
            UPDATE entities SET name = (SELECT name FROM entities WHERE id = $absorbed), name_by_user = 1
            WHERE id = $kept AND name_by_user = 0 AND (SELECT name_by_user FROM entities WHERE id = $absorbed) = 1
            """,
            """
            UPDATE entities SET type = (SELECT type FROM entities WHERE id = $absorbed), type_by_user = 1
            WHERE id = $kept AND type_by_user = 0 AND (SELECT type_by_user FROM entities WHERE id = $absorbed) = 1
            """,
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

    /// <summary>One read of the document's links and their entities, instead of two per entity (the report reads every article's entities several times).</summary>
    public StoredEntity?[] EntitiesOf(string documentId, int count)
    {
        ArgumentNullException.ThrowIfNull(documentId);
        // Story grouping and then framing read each new article's entities in the same transaction, with nothing
        // written to the entity tables between: the second reads what the first read (a copy: the caller's to keep).
        bool cache = count >= 0 && RowsCurrent();
        if (cache && _documentEntities.TryGetValue(documentId, out var kept) && kept.Length >= count)
            return kept.AsSpan(0, count).ToArray();
        var resolved = new StoredEntity?[count];
        var merged = new List<(int Local, long Entity)>();
        using (var reader = Raw("""
            SELECT l.local, l.entity, e.id, e.name, e.type, e.documents, e.merged_into
            FROM entity_links l LEFT JOIN entities e ON e.id = l.entity
            WHERE l.document = $document AND l.local >= 0 AND l.local < $count
            """).Bind("$document", documentId).Bind("$count", count).Execute())
        {
            while (reader.Read())
            {
                int local = reader.Int32(0);
                // A merged entity (or a link to none, which Get reports) is read as Get reads it, after this reader closes.
                if (reader.IsNull(2) || !reader.IsNull(6))
                    merged.Add((local, reader.Int64(1)));
                else
                    resolved[local] = new StoredEntity(reader.Int64(2), reader.Text(3), reader.Text(4), reader.Int32(5));
            }
        }
        foreach (var (local, entity) in merged)
            resolved[local] = Get(entity);
        if (cache)
        {
            if (_documentEntities.Count >= MaxCachedEntitiesOf)
                _documentEntities.Clear();
            _documentEntities[documentId] = [.. resolved];
        }
        return resolved;
    }

    /// <summary>
    /// What <see cref="EntitiesOf"/> read of each document in the current transaction: kept with <see cref="_rows"/>
    /// (emptied with it) and emptied by every write of a link or an entity's row.
    /// </summary>
    private readonly Dictionary<string, StoredEntity?[]> _documentEntities = new(StringComparer.Ordinal);

    /// <summary>How many documents' entities <see cref="_documentEntities"/> keeps at most (a batch's are a few hundred).</summary>
    private const int MaxCachedEntitiesOf = 10_000;

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
        var exact = new HashSet<string>(aliases.Select(NameKeys.Exact), StringComparer.Ordinal);
        var links = Links(entity.Id);
        bool named = exact.Contains(NameKeys.Exact(entity.Name)) || links.Any(link =>
            DocumentEntities(link.Document) is { } entities && link.Local < entities.Count && entities[link.Local].Aliases.Any(a => exact.Contains(NameKeys.Exact(a))));
        if (!named)
            throw new ArgumentException($"E{entity.Id} ({entity.Name}) has no name {string.Join(" or ", aliases.Select(a => '"' + a + '"'))}: nothing to split off", nameof(aliases));
        long created = 0;
        InTransaction(() =>
        {
            created = Create(aliases[0], entity.Type);
            var keys = aliases.SelectMany(a => ResolutionKeys.For(new DocumentEntity(a, entity.Type, null, [a], []), countries).All)
                .Distinct(StringComparer.Ordinal).ToList();
            foreach (var key in keys)
                Block(key, entity.Id, created);
            // What moves is what re-analysis would file there: a thing the article names by one of these
            // names, and not one it names in full by a name that stays ("Lena Marwick … Marwick" when
            // "Marwick" is split off).
            var blocked = new HashSet<string>(keys, StringComparer.Ordinal);
            foreach (var (document, local) in Links(entity.Id))
            {
                var entities = DocumentEntities(document) ?? [];
                if (local < entities.Count && entities[local].Aliases.Any(a => exact.Contains(NameKeys.Exact(a)))
                    && ResolutionKeys.For(entities[local], countries).Identifying.Any(blocked.Contains))
                {
                    Unlink(document, local, entity.Id);
                    Link(document, local, created, entities[local].Type, entities[local].Sector, entities[local].Nationality, EntityResolver.TypeVotes(entities[local]));
                }
            }
            RecordCorrection("split", entity.Id, created, string.Join(" | ", aliases));
        });
        return created;
    }

    private void Unlink(string documentId, int local, long id)
    {
        var link = Prepared("SELECT type, sector, country, votes FROM entity_links WHERE document = $document AND local = $local");
        link.Parameters["$document"].Value = documentId;
        link.Parameters["$local"].Value = local;
        using (var reader = link.ExecuteReader())
        {
            if (reader.Read())
            {
                Vote(id, reader.IsDBNull(0) ? null : reader.GetString(0), -(int)reader.GetInt64(3));
                Attribute(id, "sector", reader.IsDBNull(1) ? null : reader.GetString(1), -1);
                Attribute(id, "country", reader.IsDBNull(2) ? null : reader.GetString(2), -1);
            }
        }
        Retype(id);
        _documentLinks.Remove(documentId);
        var delete = Prepared("DELETE FROM entity_links WHERE document = $document AND local = $local");
        delete.Parameters["$document"].Value = documentId;
        delete.Parameters["$local"].Value = local;
        delete.ExecuteNonQuery();
        _documentEntities.Clear();
        var still = Prepared("SELECT 1 FROM entity_links WHERE document = $document AND entity = $id LIMIT 1");
        still.Parameters["$document"].Value = documentId;
        still.Parameters["$id"].Value = id;
        if (still.ExecuteScalar() is null)
            AddDocuments(id, -1);
    }

    /// <summary>The user names the entity: the name holds after reanalysis and merges.</summary>
    public void Rename(long id, string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var entity = Get(id);
        InTransaction(() =>
        {
            _rows.Clear();
            _documentEntities.Clear();
            var command = Prepared("UPDATE entities SET name = $name, name_by_user = 1 WHERE id = $id");
            command.Parameters["$id"].Value = entity.Id;
            command.Parameters["$name"].Value = name.Trim();
            command.ExecuteNonQuery();
            RecordCorrection("rename", entity.Id, null, entity.Name + " -> " + name.Trim());
        });
    }

    /// <summary>The types an entity can have.</summary>
    public static IReadOnlyList<string> Types { get; } = ["PERSON", "ORG", "GPE", "LOC", "FACILITY", "MEDIA", "MISC"];

    /// <summary>The user types the entity: the type holds against the documents' votes, after reanalysis too.</summary>
    public void Retype(long id, string type)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(type);
        var upper = type.Trim().ToUpperInvariant();
        if (!Types.Contains(upper))
            throw new ArgumentException($"no entity type {type}; the types are {string.Join(", ", Types)}", nameof(type));
        var entity = Get(id);
        InTransaction(() =>
        {
            _rows.Clear();
            _documentEntities.Clear();
            var command = Prepared("UPDATE entities SET type = $type, type_by_user = 1 WHERE id = $id");
            command.Parameters["$id"].Value = entity.Id;
            command.Parameters["$type"].Value = upper;
            command.ExecuteNonQuery();
            RecordCorrection("retype", entity.Id, null, entity.Type + " -> " + upper);
        });
    }

    private void AddDocuments(long id, int delta)
    {
        Raw("UPDATE entities SET documents = MAX(0, documents + $delta) WHERE id = $id").Bind("$id", id).Bind("$delta", delta).Run();
        _rows.Remove(id);
        _documentEntities.Clear();
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

    private static List<long> ReadIds(RawStatement statement)
    {
        var ids = new List<long>();
        using var reader = statement.Execute();
        while (reader.Read())
            ids.Add(reader.Int64(0));
        return ids;
    }

    private SqliteCommand Prepared(string sql) => _session.Prepared(sql);

    private RawStatement Raw(string sql) => _session.Raw(sql);
}

using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Sitrep.Documents;
using Sitrep.Ingest;

namespace Sitrep.Storage;

/// <summary>
/// The embedded default store: one SQLite file in WAL mode, so other processes can read while
/// Sitrep writes. Keeps every field of a <see cref="Document"/>, so a stored document is rebuilt
/// exactly, and decides on save whether an input is new, changed or already stored.
/// </summary>
/// <remarks>
/// One connection, used by one thread at a time: not thread-safe. Do not save while enumerating
/// <see cref="LoadAll"/> or <see cref="IdsWithPipelineVersionOtherThan"/>.
/// </remarks>
public sealed class SqliteDocumentStore : IDocumentStore, IFeedStateStore, IDisposable
{
    private const string SelectColumns = """
        SELECT id, source, format, raw_text, text, offset_map, title, byline, outlet, original_publisher,
               published, published_inferred, genre, language, url, stated, removed, captions, notes,
               content_hash, duplicate_of, pipeline_version, mentions, entities
        FROM documents
        """;

    private const string DocumentParameters = """
        source = $source, format = $format, raw_text = $raw_text, text = $text, offset_map = $offset_map,
        title = $title, byline = $byline, outlet = $outlet, original_publisher = $original_publisher,
        published = $published, published_inferred = $published_inferred, genre = $genre,
        language = $language, url = $url, stated = $stated, removed = $removed, captions = $captions,
        notes = $notes, content_hash = $content_hash, text_hash = $text_hash, duplicate_of = $duplicate_of,
        pipeline_version = $pipeline_version, stored_at = $stored_at, mentions = $mentions, entities = $entities
        """;

    private static readonly string EmptyTextHash = Hashing.Hex(string.Empty);

    private readonly SqliteConnection _connection;
    private readonly string _path;

    // The save path runs a handful of statements per document; reusing the commands keeps them
    // prepared across a batch instead of compiling the SQL again for every document.
    private readonly SqliteCommand _findBySource;
    private readonly SqliteCommand _idTaken;
    private readonly SqliteCommand _earliestWithText;
    private readonly SqliteCommand _insert;
    private readonly SqliteCommand _update;
    private readonly SqliteCommand _repointDuplicates;
    private readonly SqliteCommand _duplicateOf;
    private readonly SqliteCommand _load;
    private readonly SqliteCommand _findBySourceAndHash;
    private readonly SqliteCommand _markPending;
    private readonly SqliteCommand[] _commands;
    private bool _disposed;

    private SqliteDocumentStore(SqliteConnection connection, string path, int schemaVersion, int migrationsApplied)
    {
        _connection = connection;
        _path = path;
        SchemaVersion = schemaVersion;
        MigrationsApplied = migrationsApplied;

        _findBySource = Command("SELECT id, content_hash, text_hash, duplicate_of FROM documents WHERE source = $source", "$source");
        _idTaken = Command("SELECT 1 FROM documents WHERE id = $id", "$id");
        _earliestWithText = Command("SELECT id FROM documents WHERE text_hash = $text_hash ORDER BY seq LIMIT 1", "$text_hash");
        _insert = Command(
            """
            INSERT INTO documents (id, seq, source, format, raw_text, text, offset_map, title, byline, outlet,
                original_publisher, published, published_inferred, genre, language, url, stated, removed,
                captions, notes, content_hash, text_hash, duplicate_of, pipeline_version, stored_at, mentions, entities)
            VALUES ($id, (SELECT COALESCE(MAX(seq), 0) + 1 FROM documents), $source, $format, $raw_text, $text,
                $offset_map, $title, $byline, $outlet, $original_publisher, $published, $published_inferred,
                $genre, $language, $url, $stated, $removed, $captions, $notes, $content_hash, $text_hash,
                $duplicate_of, $pipeline_version, $stored_at, $mentions, $entities)
            """,
            DocumentParameterNames());
        _update = Command($"UPDATE documents SET {DocumentParameters} WHERE id = $id", DocumentParameterNames());

        // Within one body, the first stored document is the original and every later one points at
        // it; after an update changes which documents share a body, the group is worked out again.
        _repointDuplicates = Command(
            """
            UPDATE documents SET duplicate_of = (
                SELECT first.id FROM documents AS first
                WHERE first.text_hash = documents.text_hash AND first.seq < documents.seq
                ORDER BY first.seq LIMIT 1)
            WHERE text_hash = $text_hash
            """,
            "$text_hash");
        _duplicateOf = Command("SELECT duplicate_of FROM documents WHERE id = $id", "$id");
        // A stored or changed document waits for cross-document entity resolution; marked in the same
        // transaction, so a crash between storing and resolving leaves it pending, not forgotten.
        _markPending = Command("INSERT OR IGNORE INTO entity_pending (document) VALUES ($id)", "$id");
        _load = Command(SelectColumns + " WHERE id = $id", "$id");
        _findBySourceAndHash = Command(SelectColumns + " WHERE source = $source AND content_hash = $content_hash", "$source", "$content_hash");
        Entities = new SqliteEntityIndex(connection);
        _commands = [_findBySource, _idTaken, _earliestWithText, _insert, _update, _repointDuplicates, _duplicateOf, _load, _findBySourceAndHash, _markPending];
    }

    /// <summary>The entities across every stored document (cross-document resolution and the user's corrections).</summary>
    public SqliteEntityIndex Entities { get; }

    /// <summary>The schema version of the open store (after migrations): the version this Sitrep writes.</summary>
    public int SchemaVersion { get; }

    /// <summary>How many migrations opening this store applied; 0 when it was already current.</summary>
    internal int MigrationsApplied { get; }

    /// <summary>
    /// Opens the store at <paramref name="path"/>, creating it if missing and migrating it to the
    /// current schema.
    /// </summary>
    /// <exception cref="StoreException">The file is not a Sitrep store, or was written by a newer Sitrep.</exception>
    public static SqliteDocumentStore Open(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var fullPath = Path.GetFullPath(path);
        var directory = Path.GetDirectoryName(fullPath);
        if (!string.IsNullOrEmpty(directory))
            Directory.CreateDirectory(directory);

        var connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = fullPath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            // Without pooling, Dispose really closes the file: the WAL is checkpointed and the
            // file can be moved or deleted right after.
            Pooling = false,
            DefaultTimeout = 5,
        }.ToString();

        var connection = new SqliteConnection(connectionString);
        try
        {
            connection.Open();
            Execute(connection, "PRAGMA busy_timeout = 5000");
            // The first statement that reads the file: a file that is not SQLite fails here.
            Execute(connection, "PRAGMA journal_mode = WAL");
            Execute(connection, "PRAGMA synchronous = NORMAL");
            // 64 MB of page cache: entity resolution looks keys up all over a large index.
            Execute(connection, "PRAGMA cache_size = -65536");
            var (version, applied) = Migrate(connection, fullPath);
            return new SqliteDocumentStore(connection, fullPath, version, applied);
        }
        catch (SqliteException ex) when (ex.SqliteErrorCode is SQLitePCL.raw.SQLITE_NOTADB)
        {
            connection.Dispose();
            throw new StoreException($"{fullPath} is not a Sitrep store: {ex.Message}", ex);
        }
        catch (SqliteException ex)
        {
            connection.Dispose();
            throw new StoreException($"cannot open the store {fullPath}: {ex.Message}", ex);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>Saves one document; see <see cref="SaveBatch"/> for the rules.</summary>
    public StoreOutcome Save(Document doc)
    {
        ArgumentNullException.ThrowIfNull(doc);
        return SaveBatch([doc])[0];
    }

    /// <summary>
    /// Saves documents in one transaction, committed before returning. For each document, in order
    /// (earlier documents of the batch count as stored): the same source with the same content hash
    /// is <see cref="StoreStatus.AlreadyStored"/>; the same source with another content hash replaces
    /// that row under its id (<see cref="StoreStatus.Updated"/>); anything else is
    /// <see cref="StoreStatus.Stored"/> under its id, suffixed when another source holds that id.
    /// <see cref="Document.DuplicateOf"/> is ignored: the store works it out.
    /// </summary>
    public IReadOnlyList<StoreOutcome> SaveBatch(IReadOnlyList<Document> docs) => SaveBatch(docs, reanalysis: false);

    /// <summary>
    /// Stores documents analysed again from their stored raw input: the same source with the same
    /// content replaces the stored analysis (<see cref="StoreStatus.Updated"/>) instead of being skipped.
    /// </summary>
    public IReadOnlyList<StoreOutcome> SaveReanalysed(IReadOnlyList<Document> docs) => SaveBatch(docs, reanalysis: true);

    private IReadOnlyList<StoreOutcome> SaveBatch(IReadOnlyList<Document> docs, bool reanalysis)
    {
        ArgumentNullException.ThrowIfNull(docs);
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (docs.Count == 0)
            return [];

        var outcomes = new StoreOutcome[docs.Count];
        var storedAt = DateTime.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
        try
        {
            using var transaction = _connection.BeginTransaction();
            foreach (var command in _commands)
                command.Transaction = transaction;
            for (int i = 0; i < docs.Count; i++)
                outcomes[i] = SaveOne(docs[i] ?? throw new ArgumentException($"document {i} is null", nameof(docs)), storedAt, reanalysis);
            transaction.Commit();
        }
        catch (SqliteException ex)
        {
            throw new StoreException($"cannot save to the store {_path}: {ex.Message}", ex);
        }
        finally
        {
            // A command still tied to a finished transaction refuses to run outside one.
            foreach (var command in _commands)
                command.Transaction = null;
        }
        return outcomes;
    }

    /// <summary>The document stored under <paramref name="id"/>, or null.</summary>
    public Document? Load(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        ObjectDisposedException.ThrowIf(_disposed, this);
        _load.Parameters["$id"].Value = id;
        return ReadSingle(_load);
    }

    /// <summary>The document stored for <paramref name="source"/> with that content hash, or null: lets a caller skip analysing an input already stored.</summary>
    public Document? FindBySourceAndHash(string source, string contentHash)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(contentHash);
        ObjectDisposedException.ThrowIf(_disposed, this);
        _findBySourceAndHash.Parameters["$source"].Value = source;
        _findBySourceAndHash.Parameters["$content_hash"].Value = contentHash;
        return ReadSingle(_findBySourceAndHash);
    }

    /// <summary>Every document in store order, read one at a time as the sequence is enumerated.</summary>
    public IEnumerable<Document> LoadAll()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return Query(SelectColumns + " ORDER BY seq", null, ReadDocument);
    }

    /// <summary>The validators a feed's server sent when it was last polled.</summary>
    public FeedState? GetFeedState(string url)
    {
        ArgumentNullException.ThrowIfNull(url);
        ObjectDisposedException.ThrowIf(_disposed, this);
        using var command = _connection.CreateCommand();
        command.CommandText = "SELECT etag, last_modified FROM feeds WHERE url = $url";
        command.Parameters.AddWithValue("$url", url);
        using var reader = command.ExecuteReader();
        return reader.Read() ? new FeedState(reader.IsDBNull(0) ? null : reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1)) : null;
    }

    public void SaveFeedState(string url, FeedState state)
    {
        ArgumentNullException.ThrowIfNull(url);
        ArgumentNullException.ThrowIfNull(state);
        ObjectDisposedException.ThrowIf(_disposed, this);
        using var command = _connection.CreateCommand();
        command.CommandText = """
            INSERT INTO feeds (url, etag, last_modified, polled_at) VALUES ($url, $etag, $last_modified, $polled_at)
            ON CONFLICT (url) DO UPDATE SET etag = excluded.etag, last_modified = excluded.last_modified, polled_at = excluded.polled_at
            """;
        command.Parameters.AddWithValue("$url", url);
        command.Parameters.AddWithValue("$etag", (object?)state.ETag ?? DBNull.Value);
        command.Parameters.AddWithValue("$last_modified", (object?)state.LastModified ?? DBNull.Value);
        command.Parameters.AddWithValue("$polled_at", DateTime.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
        command.ExecuteNonQuery();
    }

    public int Count()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        using var command = _connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM documents";
        return Convert.ToInt32(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    /// <summary>Ids, in store order, of documents analysed by another pipeline version: the ones to analyse again.</summary>
    public IEnumerable<string> IdsWithPipelineVersionOtherThan(string version)
    {
        ArgumentNullException.ThrowIfNull(version);
        ObjectDisposedException.ThrowIf(_disposed, this);
        return Query("SELECT id FROM documents WHERE pipeline_version <> $version ORDER BY seq", version, r => r.GetString(0));
    }

    public void Dispose()
    {
        if (_disposed)
            return;
        _disposed = true;
        foreach (var command in _commands)
            command.Dispose();
        Entities.DisposeCommands();
        _connection.Dispose();
    }

    private StoreOutcome SaveOne(Document doc, string storedAt, bool reanalysis)
    {
        _findBySource.Parameters["$source"].Value = doc.Source;
        string? existingId = null, existingContentHash = null, existingTextHash = null, existingDuplicateOf = null;
        using (var reader = _findBySource.ExecuteReader())
        {
            if (reader.Read())
            {
                existingId = reader.GetString(0);
                existingContentHash = reader.GetString(1);
                existingTextHash = reader.GetString(2);
                existingDuplicateOf = reader.IsDBNull(3) ? null : reader.GetString(3);
            }
        }

        if (existingId is not null)
        {
            if (existingContentHash == doc.ContentHash && !reanalysis)
                return new StoreOutcome(StoreStatus.AlreadyStored, existingId, existingDuplicateOf);
            return Update(doc, existingId, existingTextHash!, existingDuplicateOf, storedAt);
        }

        var id = FreeId(doc);
        string? duplicateOf = null;
        if (doc.Text.Length > 0)
        {
            // No stored row has this source, so every row with this body is from another source.
            _earliestWithText.Parameters["$text_hash"].Value = doc.TextHash;
            duplicateOf = _earliestWithText.ExecuteScalar() as string;
        }
        Bind(_insert, doc, id, duplicateOf, storedAt);
        _insert.ExecuteNonQuery();
        MarkPending(id);
        return new StoreOutcome(StoreStatus.Stored, id, duplicateOf);
    }

    private void MarkPending(string id)
    {
        _markPending.Parameters["$id"].Value = id;
        _markPending.ExecuteNonQuery();
    }

    private StoreOutcome Update(Document doc, string id, string oldTextHash, string? oldDuplicateOf, string storedAt)
    {
        MarkPending(id);
        // The row keeps its seq, so with the same body its place among the copies is unchanged.
        if (doc.TextHash == oldTextHash)
        {
            Bind(_update, doc, id, oldDuplicateOf, storedAt);
            _update.ExecuteNonQuery();
            return new StoreOutcome(StoreStatus.Updated, id, oldDuplicateOf);
        }

        Bind(_update, doc, id, duplicateOf: null, storedAt);
        _update.ExecuteNonQuery();
        // The documents that shared the old body may have pointed at this one, and the documents
        // with the new body may now have this one as their earliest copy.
        if (oldTextHash != EmptyTextHash)
            Repoint(oldTextHash);
        if (doc.TextHash != EmptyTextHash)
            Repoint(doc.TextHash);
        _duplicateOf.Parameters["$id"].Value = id;
        var duplicateOf = _duplicateOf.ExecuteScalar() as string;
        return new StoreOutcome(StoreStatus.Updated, id, duplicateOf);
    }

    private void Repoint(string textHash)
    {
        _repointDuplicates.Parameters["$text_hash"].Value = textHash;
        _repointDuplicates.ExecuteNonQuery();
    }

    /// <summary>The document's own id, or when another source holds it, the id with a suffix from its source.</summary>
    private string FreeId(Document doc)
    {
        if (!IdTaken(doc.Id))
            return doc.Id;
        var suffixed = doc.Id + "~" + Hashing.Hex(doc.Source, 8);
        if (!IdTaken(suffixed))
            return suffixed;
        for (int n = 2; ; n++)
        {
            var counted = suffixed + "~" + n.ToString(CultureInfo.InvariantCulture);
            if (!IdTaken(counted))
                return counted;
        }
    }

    private bool IdTaken(string id)
    {
        _idTaken.Parameters["$id"].Value = id;
        return _idTaken.ExecuteScalar() is not null;
    }

    private static void Bind(SqliteCommand command, Document doc, string id, string? duplicateOf, string storedAt)
    {
        var p = command.Parameters;
        var m = doc.Metadata;
        p["$id"].Value = id;
        p["$source"].Value = doc.Source;
        p["$format"].Value = doc.Format.ToString();
        p["$raw_text"].Value = doc.RawText;
        p["$text"].Value = doc.Text;
        p["$offset_map"].Value = StoredJson.WriteSegments(doc.Map.Segments);
        p["$title"].Value = (object?)m.Title ?? DBNull.Value;
        p["$byline"].Value = (object?)m.Byline ?? DBNull.Value;
        p["$outlet"].Value = (object?)m.Outlet ?? DBNull.Value;
        p["$original_publisher"].Value = (object?)m.OriginalPublisher ?? DBNull.Value;
        p["$published"].Value = (object?)m.Published ?? DBNull.Value;
        p["$published_inferred"].Value = m.PublishedInferred ? 1 : 0;
        p["$genre"].Value = (object?)m.Genre?.ToString() ?? DBNull.Value;
        p["$language"].Value = (object?)m.Language ?? DBNull.Value;
        p["$url"].Value = (object?)m.Url ?? DBNull.Value;
        p["$stated"].Value = StoredJson.WriteStated(doc.Stated);
        p["$removed"].Value = StoredJson.WriteRemoved(doc.Removed);
        p["$captions"].Value = StoredJson.WriteCaptions(doc.Captions);
        p["$notes"].Value = StoredJson.WriteStrings(doc.Notes);
        p["$mentions"].Value = StoredJson.WriteMentions(doc.Mentions);
        p["$entities"].Value = StoredJson.WriteEntities(doc.Entities);
        p["$content_hash"].Value = doc.ContentHash;
        p["$text_hash"].Value = doc.TextHash;
        p["$duplicate_of"].Value = (object?)duplicateOf ?? DBNull.Value;
        p["$pipeline_version"].Value = doc.PipelineVersion;
        p["$stored_at"].Value = storedAt;
    }

    private static string[] DocumentParameterNames() =>
    [
        "$id", "$source", "$format", "$raw_text", "$text", "$offset_map", "$title", "$byline", "$outlet",
        "$original_publisher", "$published", "$published_inferred", "$genre", "$language", "$url", "$stated",
        "$removed", "$captions", "$notes", "$content_hash", "$text_hash", "$duplicate_of", "$pipeline_version", "$mentions", "$entities",
        "$stored_at",
    ];

    private Document? ReadSingle(SqliteCommand command)
    {
        using var reader = command.ExecuteReader();
        return reader.Read() ? ReadDocument(reader) : null;
    }

    private IEnumerable<T> Query<T>(string sql, string? version, Func<SqliteDataReader, T> read)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        if (version is not null)
            command.Parameters.AddWithValue("$version", version);
        using var reader = command.ExecuteReader();
        while (reader.Read())
            yield return read(reader);
    }

    private Document ReadDocument(SqliteDataReader r)
    {
        var id = r.GetString(0);
        try
        {
            return new Document
            {
                Id = id,
                Source = r.GetString(1),
                Format = ParseEnum<InputFormat>(r.GetString(2)),
                RawText = r.GetString(3),
                Text = r.GetString(4),
                Map = StoredJson.ReadSegments(r.GetString(5)),
                Metadata = new DocumentMetadata
                {
                    Title = NullableString(r, 6),
                    Byline = NullableString(r, 7),
                    Outlet = NullableString(r, 8),
                    OriginalPublisher = NullableString(r, 9),
                    Published = NullableString(r, 10),
                    PublishedInferred = r.GetInt64(11) != 0,
                    Genre = r.IsDBNull(12) ? null : ParseEnum<Genre>(r.GetString(12)),
                    Language = NullableString(r, 13),
                    Url = NullableString(r, 14),
                },
                Stated = StoredJson.ReadStated(r.GetString(15)),
                Removed = StoredJson.ReadRemoved(r.GetString(16)),
                Captions = StoredJson.ReadCaptions(r.GetString(17)),
                Notes = StoredJson.ReadStrings(r.GetString(18)),
                ContentHash = r.GetString(19),
                DuplicateOf = NullableString(r, 20),
                PipelineVersion = r.GetString(21),
                Mentions = StoredJson.ReadMentions(r.GetString(22)),
                Entities = StoredJson.ReadEntities(r.GetString(23)),
            };
        }
        catch (Exception ex) when (ex is JsonException or ArgumentException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw new StoreException($"document '{id}' in the store {_path} is damaged: {ex.Message}", ex);
        }
    }

    private static string? NullableString(SqliteDataReader r, int ordinal) => r.IsDBNull(ordinal) ? null : r.GetString(ordinal);

    private static T ParseEnum<T>(string name)
        where T : struct, Enum =>
        Enum.TryParse<T>(name, ignoreCase: false, out var value) && Enum.IsDefined(value)
            ? value
            : throw new FormatException($"unknown {typeof(T).Name} '{name}'");

    private SqliteCommand Command(string sql, params string[] parameterNames)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        foreach (var name in parameterNames)
            command.Parameters.Add(new SqliteParameter { ParameterName = name });
        return command;
    }

    private static (int Version, int Applied) Migrate(SqliteConnection connection, string path)
    {
        // The common case, a current store, is settled without taking the write lock, so opening
        // a store does not wait for another process's batch to commit.
        var current = CheckIdentity(connection, null, path);
        if (current == StoreSchema.LatestVersion)
            return (current, 0);

        int applied = 0;
        while (true)
        {
            // BEGIN IMMEDIATE takes the write lock before the version is read again, so two
            // processes opening an old store at once cannot both apply the same migration.
            using var transaction = connection.BeginTransaction(deferred: false);
            var version = CheckIdentity(connection, transaction, path);
            var next = StoreSchema.Migrations.FirstOrDefault(m => m.Version > version);
            if (next is null)
            {
                transaction.Commit();
                return (version, applied);
            }
            using (var command = connection.CreateCommand())
            {
                command.Transaction = transaction;
                command.CommandText = next.Sql + $"""
                    ;
                    PRAGMA application_id = {StoreSchema.ApplicationId.ToString(CultureInfo.InvariantCulture)};
                    PRAGMA user_version = {next.Version.ToString(CultureInfo.InvariantCulture)};
                    """;
                command.ExecuteNonQuery();
            }
            transaction.Commit();
            applied++;
        }
    }

    /// <summary>The store's schema version, after checking the file is a Sitrep store this Sitrep can read.</summary>
    private static int CheckIdentity(SqliteConnection connection, SqliteTransaction? transaction, string path)
    {
        var applicationId = Scalar(connection, transaction, "PRAGMA application_id");
        // Both pragmas are 32-bit integers in the file header.
        var version = (int)Scalar(connection, transaction, "PRAGMA user_version");
        if (applicationId != StoreSchema.ApplicationId)
        {
            if (applicationId != 0)
                throw new StoreException($"{path} is not a Sitrep store: it belongs to another program (application id {applicationId})");
            var tables = Scalar(connection, transaction, "SELECT COUNT(*) FROM sqlite_master WHERE name NOT LIKE 'sqlite!_%' ESCAPE '!'");
            if (version != 0 || tables != 0)
                throw new StoreException($"{path} is not a Sitrep store: it is a SQLite database of another program");
        }
        if (version > StoreSchema.LatestVersion)
            throw new StoreException($"{path}: store schema version {version} is newer than this Sitrep ({StoreSchema.LatestVersion}); upgrade Sitrep");
        return version;
    }

    private static long Scalar(SqliteConnection connection, SqliteTransaction? transaction, string sql)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}

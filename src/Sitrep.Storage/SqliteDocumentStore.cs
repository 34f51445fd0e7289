using System.Collections.Frozen;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Sitrep.Documents;
using Sitrep.Ingest;
using Sitrep.Pipeline;

namespace Sitrep.Storage;

/// <summary>
/// The embedded default store: one SQLite file in WAL mode, so other processes can read while
/// Sitrep writes. Keeps every field of a <see cref="Document"/> and its feature layers (through the
/// features' codecs), so a stored document is rebuilt exactly, and decides on save whether an input
/// is new, changed or already stored. Knows no feature: a feature's layer is a row of
/// <c>document_layers</c>, and its index (entities) is a separate type sharing the connection.
/// </summary>
/// <remarks>
/// One connection, used by one thread at a time: not thread-safe. Do not save while enumerating
/// <see cref="LoadAll"/>.
/// </remarks>
public sealed class SqliteDocumentStore : IDocumentStore, IFeedStateStore
{
    private const string SelectColumns = """
        SELECT id, source, format, raw_text, text, offset_map, title, byline, outlet, original_publisher,
               published, published_inferred, genre, language, url, stated, removed, captions, notes,
               content_hash, duplicate_of, pipeline_version, stages, input_notes
        FROM documents
        """;

    private const string DocumentAssignments = """
        source = $source, format = $format, raw_text = $raw_text, text = $text, offset_map = $offset_map,
        title = $title, byline = $byline, outlet = $outlet, original_publisher = $original_publisher,
        published = $published, published_inferred = $published_inferred, genre = $genre,
        language = $language, url = $url, stated = $stated, removed = $removed, captions = $captions,
        notes = $notes, input_notes = $input_notes, content_hash = $content_hash, text_hash = $text_hash,
        duplicate_of = $duplicate_of, pipeline_version = $pipeline_version, stages = $stages, stored_at = $stored_at
        """;

    private const string InsertDocument = """
        INSERT INTO documents (id, seq, source, format, raw_text, text, offset_map, title, byline, outlet,
            original_publisher, published, published_inferred, genre, language, url, stated, removed,
            captions, notes, input_notes, content_hash, text_hash, duplicate_of, pipeline_version, stages, stored_at)
        VALUES ($id, (SELECT COALESCE(MAX(seq), 0) + 1 FROM documents), $source, $format, $raw_text, $text,
            $offset_map, $title, $byline, $outlet, $original_publisher, $published, $published_inferred,
            $genre, $language, $url, $stated, $removed, $captions, $notes, $input_notes, $content_hash, $text_hash,
            $duplicate_of, $pipeline_version, $stages, $stored_at)
        """;

    // Within one body, the first stored document is the original and every later one points at it;
    // after an update changes which documents share a body, the group is worked out again.
    private const string RepointDuplicates = """
        UPDATE documents SET duplicate_of = (
            SELECT first.id FROM documents AS first
            WHERE first.text_hash = documents.text_hash AND first.seq < documents.seq
            ORDER BY first.seq LIMIT 1)
        WHERE text_hash = $text_hash
        """;

    private const string UpdateDocument = "UPDATE documents SET " + DocumentAssignments + " WHERE id = $id";

    private static readonly string EmptyTextHash = Hashing.Hex(string.Empty);

    private readonly SqliteSession _session;
    private readonly FrozenDictionary<string, ILayerCodec> _codecs;
    private readonly SqliteChangeFeed _changes;
    private readonly SqliteEntityIndex _entities;
    private readonly SqliteDocumentCatalog _catalog;
    private readonly SqliteStoryIndex _stories;
    private readonly SqliteStoryFraming _framing;
    private readonly SqliteLayerItems _items;
    private readonly bool _anyItems;
    private bool _disposed;

    /// <summary>
    /// What <see cref="Prepare"/> encoded of a document ahead of storing it (its layers and the JSON
    /// columns), by the document itself: the analysing threads encode, the one thread that stores writes.
    /// </summary>
    private readonly ConditionalWeakTable<Document, Encoded> _encoded = [];

    /// <summary>
    /// The documents the last <see cref="SaveBatch"/> stored, by id, as <see cref="Load(string, IReadOnlySet{string})"/>
    /// would read them back: the cross-document stages that run right after it read them from here instead
    /// of reading and decoding each again (three times: entities, stories, framing). Forgotten at the next
    /// write of documents (a failed save keeps none), at the end of the <see cref="InOneTransaction"/> that saved
    /// them, and when another connection has written to the store.
    /// </summary>
    private readonly Dictionary<string, SavedDocument> _saved = new(StringComparer.Ordinal);

    /// <summary>The store's data version (other connections' commits move it) when <see cref="_saved"/> was filled.</summary>
    private long _savedGeneration;

    private SqliteDocumentStore(SqliteSession session, IReadOnlyDictionary<string, ILayerCodec> codecs, int schemaVersion, int migrationsApplied)
    {
        _session = session;
        _codecs = codecs.ToFrozenDictionary(StringComparer.Ordinal);
        SchemaVersion = schemaVersion;
        MigrationsApplied = migrationsApplied;
        _changes = new SqliteChangeFeed(session);
        _entities = new SqliteEntityIndex(session, this, _changes);
        _catalog = new SqliteDocumentCatalog(session);
        _stories = new SqliteStoryIndex(session);
        _framing = new SqliteStoryFraming(session);
        _items = new SqliteLayerItems(session);
        _anyItems = _codecs.Values.Any(c => c.HasItems);
    }

    public string Location => _session.Path;

    /// <summary>The schema version of the open store (after migrations): the version this Sitrep writes.</summary>
    public int SchemaVersion { get; }

    /// <summary>How many migrations opening this store applied; 0 when it was already current.</summary>
    internal int MigrationsApplied { get; }

    public IChangeFeed Changes => _changes;

    /// <summary>The entities across every stored document (cross-document resolution and the user's corrections).</summary>
    internal SqliteEntityIndex Entities => _entities;

    /// <summary>How many savepoints the cross-document stages' <c>AllOrNothing</c> has opened on this store's connection.</summary>
    internal long SavepointsOpened => _session.SavepointsOpened;

    /// <summary>The document catalog (lists, full-text search, counts), the entity index, the story index or the stories' framing, whichever is a <typeparamref name="T"/>.</summary>
    public T? Feature<T>()
        where T : class => _catalog as T ?? _entities as T ?? _stories as T ?? _framing as T ?? _items as T;

    /// <summary>
    /// Opens the store at <paramref name="path"/>, creating it if missing and migrating it to the
    /// current schema. <paramref name="codecs"/> say how each feature layer is written and read; a
    /// stored layer without a codec is kept but not loaded.
    /// </summary>
    /// <exception cref="StoreException">The file is not a Sitrep store, or was written by a newer Sitrep.</exception>
    public static SqliteDocumentStore Open(string path, IReadOnlyDictionary<string, ILayerCodec>? codecs = null)
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

        SqliteLibrary.Configure();
        var connection = new SqliteConnection(connectionString);
        try
        {
            connection.Open();
            SqliteLibrary.Tune(connection);
            Execute(connection, "PRAGMA busy_timeout = 5000");
            // Reads the header before anything is written: a file that is not SQLite, or another
            // program's database, is refused here and left exactly as it was (not even switched to WAL).
            CheckIdentity(connection, null, fullPath);
            Execute(connection, "PRAGMA journal_mode = WAL");
            Execute(connection, "PRAGMA synchronous = NORMAL");
            // 32 MB of page cache: entity resolution looks keys up all over a large index. Whole allsides corpus,
            // every stage (2026-12-05, quiet): 64 MB peaked at 1,000,804 KiB in 264 s, 32 MB at 934,420 KiB in 263 s.
            Execute(connection, "PRAGMA cache_size = -32768");
            // Checkpoints every 256 MB of WAL rather than every 4 MB: the entity index rewrites the same hot
            // pages in every batch, and each checkpoint copies them into the database file again. They run
            // on a connection and thread of their own (WalCheckpointer), not on the thread that stores;
            // SQLite's own, at twice that, only bounds the log should they fall behind (the log watcher
            // below takes that over once the migrations are done). The log's file keeps its size when
            // SQLite starts the log over (written over, not allocated and zeroed again each cycle), and
            // is cut back to the bound only should it have grown past it.
            Execute(connection, $"PRAGMA wal_autocheckpoint = {WalCheckpointer.BoundFrames}");
            Execute(connection, $"PRAGMA journal_size_limit = {2 * WalCheckpointer.Threshold}");
            var (version, applied) = Migrate(connection, fullPath);
            // Each document's savepoints (one per cross-document stage) copy every page they first change into a
            // statement journal, which SQLite spills to a temporary file past 64 KB by default: SqliteLibrary has it
            // kept in memory up to 127 KB in one block (the most SQLite can spill from one block), a larger one in a
            // temporary file. Only if SQLite refused that (initialised before this process opened a store), temporary
            // storage in memory keeps them off files instead (in blocks of 1 KB, slower, and never bounded).
            // Set after the migrations, whose statements may sort or copy whole tables.
            if (!SqliteLibrary.StatementJournalsInOneBlock)
                Execute(connection, "PRAGMA temp_store = MEMORY");
            var store = new SqliteDocumentStore(new SqliteSession(connection, fullPath, new WalCheckpointer(fullPath, SqliteLibrary.WatchLog(connection, WalCheckpointer.BoundFrames))), codecs ?? new Dictionary<string, ILayerCodec>(), version, applied);
            try
            {
                // Layers stored before their items were indexed (a store from before schema version 18) are indexed
                // once, here: a few seconds for the whole allsides store.
                store._items.IndexOlderLayers(store._codecs, store.Load);
            }
            catch
            {
                store.Dispose();
                throw;
            }
            return store;
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

    public IReadOnlyList<StoreOutcome> SaveBatch(IReadOnlyList<Document> documents)
    {
        ArgumentNullException.ThrowIfNull(documents);
        _saved.Clear();
        var outcomes = Save(documents.Count, i => (documents[i] ?? throw new ArgumentException($"document {i} is null", nameof(documents)), null));
        // New documents only: an update can repoint other documents' duplicates, which a kept copy would not show.
        if (outcomes.All(o => o.Status is StoreStatus.Stored or StoreStatus.AlreadyStored))
        {
            _savedGeneration = DataVersion();
            for (int i = 0; i < outcomes.Length; i++)
            {
                if (outcomes[i].Status == StoreStatus.Stored && _encoded.TryGetValue(documents[i], out var encoded))
                    _saved[outcomes[i].Id] = new SavedDocument(documents[i] with { Id = outcomes[i].Id, DuplicateOf = outcomes[i].DuplicateOf, Layers = LayerSet.Empty }, encoded.Layers, documents[i].Layers);
            }
        }
        return outcomes;
    }

    public void InOneTransaction(Action work)
    {
        ArgumentNullException.ThrowIfNull(work);
        ObjectDisposedException.ThrowIf(_disposed, this);
        // Every step's own transaction (the save's, each stage's feed position with its writes) nests in this one.
        KeepingSavedFor(() => _session.InTransaction(work));
    }

    public void InOneTransaction(Action work, Action rolledBack)
    {
        ArgumentNullException.ThrowIfNull(work);
        ArgumentNullException.ThrowIfNull(rolledBack);
        ObjectDisposedException.ThrowIf(_disposed, this);
        KeepingSavedFor(() => _session.InTransactionWithoutSavepointsFirst(work, () =>
        {
            // The batch kept for the stages to read was rolled back with the rest; the second run saves it again.
            _saved.Clear();
            rolledBack();
        }));
    }

    /// <summary>Runs a transaction in which a batch is saved for the stages after it to read (<see cref="_saved"/>), and lets that batch go after it.</summary>
    private void KeepingSavedFor(Action transaction)
    {
        try
        {
            transaction();
        }
        catch
        {
            // Rolled back: the batch kept for the stages to read was never stored.
            _saved.Clear();
            throw;
        }
        // The stages it was kept for have run: the batch's analysed documents need not outlive it. Kept until the
        // next batch's save, they lived on beside that batch while it was analysed (two batches in memory instead of one).
        if (!_session.InTransactionNow)
            _saved.Clear();
    }

    /// <summary>
    /// Encodes the document's layers and JSON columns for <see cref="SaveBatch"/>; thread-safe. A
    /// document it cannot encode is left for the save to encode (and report).
    /// </summary>
    public void Prepare(Document document)
    {
        ArgumentNullException.ThrowIfNull(document);
        try
        {
            var layers = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var name in document.Layers.Names)
            {
                if (!_codecs.TryGetValue(name, out var codec))
                    return;
                layers[name] = codec.Write(document.Layers[name]!);
            }
            _encoded.AddOrUpdate(document, new Encoded(
                StoredJson.WriteSegments(document.Map.Segments),
                StoredJson.WriteStated(document.Stated),
                StoredJson.WriteRemoved(document.Removed),
                StoredJson.WriteCaptions(document.Captions),
                StoredJson.WriteStrings(document.StageNotes),
                StoredJson.WriteStrings(document.InputNotes),
                StoredJson.WriteStages(document.Stages),
                layers));
        }
#pragma warning disable CA1031 // Only a head start: the save encodes the document again and reports what fails.
        catch (Exception)
#pragma warning restore CA1031
        {
        }
    }

    /// <summary>
    /// A document stored by the last batch, with at least the layers named, as a load would read it back;
    /// null when it is not one or another connection has written to the store since. The layers are the
    /// analysed ones the batch was given, not decoded from what was written: every codec reads back exactly
    /// what it wrote (<see cref="ILayerCodec"/>; LayerCodecRoundTripTests checks each field of every stored
    /// layer on real articles), so they are the same values, without parsing the JSON again for the stages
    /// (about 40% of what the storing thread allocated in them). As before, a layer is added only once asked for.
    /// </summary>
    internal Document? Saved(string id, IReadOnlySet<string> layers)
    {
        if (_saved.Count == 0 || !_saved.TryGetValue(id, out var saved))
            return null;
        if (DataVersion() != _savedGeneration)
        {
            _saved.Clear();
            return null;
        }
        bool added = false;
        foreach (var name in layers)
        {
            if (!saved.Decoded.ContainsKey(name) && saved.Written.TryGetValue(name, out var data) && _codecs.TryGetValue(name, out var codec))
            {
                saved.Decoded[name] = saved.Analysed[name] ?? codec.Read(data);
                added = true;
            }
        }
        if (added || saved.Document.Layers.Count != saved.Decoded.Count)
            saved.Document = saved.Document with { Layers = saved.Decoded.Count == 0 ? LayerSet.Empty : LayerSet.From(saved.Decoded) };
        return saved.Document;
    }

    private long DataVersion() => _session.Raw("PRAGMA data_version").Int64Scalar() ?? 0;

    public IReadOnlyList<StoreOutcome> SaveReanalysed(IReadOnlyList<Reanalysis> documents)
    {
        ArgumentNullException.ThrowIfNull(documents);
        return Save(documents.Count, i => (documents[i].Document, documents[i].RemadeLayers));
    }

    private StoreOutcome[] Save(int count, Func<int, (Document Document, IReadOnlyList<string>? Remade)> item)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var outcomes = new StoreOutcome[count];
        if (count == 0)
            return outcomes;
        _saved.Clear();
        var storedAt = DateTime.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
        try
        {
            _session.InTransaction(() =>
            {
                for (int i = 0; i < count; i++)
                {
                    var (document, remade) = item(i);
                    outcomes[i] = SaveOne(document, storedAt, remade);
                }
                IndexNewText();
            });
        }
        finally
        {
            // Rolled back (or indexed): nothing is left to index.
            _unindexedAfter = null;
        }
        return outcomes;
    }

    /// <summary>
    /// The highest <c>seq</c> the full-text index held when the save under way first inserted a document; null when it
    /// inserted none yet. The new rows are indexed together (<see cref="IndexNewText"/>), not one by one by a trigger.
    /// </summary>
    private long? _unindexedAfter;

    /// <summary>
    /// Adds the documents this save inserted to the full-text index in one statement, the same rows (rowid, title,
    /// text) the insert trigger of schema v7-v14 added, for about 40% less of the index's work: the trigger ran as a
    /// sub-program of each document's insert, which then also needed a statement journal of its own (2,048 allsides
    /// articles in batches of 256, SQLite 3.40: 0.97-1.10 CPU-s of inserting with the trigger, 0.62-0.69 without).
    /// Called at the end of a save, and before a save updates a row, whose trigger takes its old text out of the index.
    /// </summary>
    private void IndexNewText()
    {
        if (_unindexedAfter is not { } after)
            return;
        _session.Raw("INSERT INTO documents_fts (rowid, title, text) SELECT seq, title, text FROM documents WHERE seq > $after ORDER BY seq")
            .Bind("$after", after).Run();
        _unindexedAfter = null;
    }

    /// <summary>The document stored under <paramref name="id"/>, or null.</summary>
    public Document? Load(string id) => Load(id, null);

    /// <summary>The stored document with only the layers named decoded (story grouping reads one of many); null when there is none.</summary>
    public Document? Load(string id, IReadOnlySet<string>? layers)
    {
        ArgumentNullException.ThrowIfNull(id);
        ObjectDisposedException.ThrowIf(_disposed, this);
        // A cross-document stage asks for a document the batch before it just stored: it is still here.
        if (layers is not null && Saved(id, layers) is { } saved)
            return saved;
        var command = _session.Prepared(SelectColumns + " WHERE id = $id");
        command.Parameters["$id"].Value = id;
        using var reader = command.ExecuteReader();
        return reader.Read() ? ReadDocument(reader, layers) : null;
    }

    public string? FindBySourceAndHash(string source, string contentHash)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(contentHash);
        ObjectDisposedException.ThrowIf(_disposed, this);
        var command = _session.Prepared("SELECT id FROM documents WHERE source = $source AND content_hash = $content_hash");
        command.Parameters["$source"].Value = source;
        command.Parameters["$content_hash"].Value = contentHash;
        return command.ExecuteScalar() as string;
    }

    public IDocumentLookup OpenLookup()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return new SqliteLookup(_session.Path);
    }

    /// <summary>Every document in store order, read one at a time as the sequence is enumerated.</summary>
    public IEnumerable<Document> LoadAll()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return Query(SelectColumns + " ORDER BY seq", r => ReadDocument(r));
    }

    /// <summary>Every document in store order with only the layers named decoded (a listing over the whole store reads one or two).</summary>
    public IEnumerable<Document> LoadAll(IReadOnlySet<string> layers)
    {
        ArgumentNullException.ThrowIfNull(layers);
        ObjectDisposedException.ThrowIf(_disposed, this);
        return Query(SelectColumns + " ORDER BY seq", r => ReadDocument(r, layers));
    }

    public IReadOnlyList<string> Ids()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return Query("SELECT id FROM documents ORDER BY seq", r => r.GetString(0)).ToList();
    }

    public IReadOnlyDictionary<string, string>? StagesOf(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        ObjectDisposedException.ThrowIf(_disposed, this);
        var command = _session.Prepared("SELECT stages FROM documents WHERE id = $id");
        command.Parameters["$id"].Value = id;
        return command.ExecuteScalar() is string json ? StoredJson.ReadStages(json) : null;
    }

    /// <summary>The validators a feed's server sent when it was last polled.</summary>
    public FeedState? GetFeedState(string url)
    {
        ArgumentNullException.ThrowIfNull(url);
        ObjectDisposedException.ThrowIf(_disposed, this);
        var command = _session.Prepared("SELECT etag, last_modified FROM feeds WHERE url = $url");
        command.Parameters["$url"].Value = url;
        using var reader = command.ExecuteReader();
        return reader.Read() ? new FeedState(reader.IsDBNull(0) ? null : reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1)) : null;
    }

    public void SaveFeedState(string url, FeedState state)
    {
        ArgumentNullException.ThrowIfNull(url);
        ArgumentNullException.ThrowIfNull(state);
        ObjectDisposedException.ThrowIf(_disposed, this);
        var command = _session.Prepared("""
            INSERT INTO feeds (url, etag, last_modified, polled_at) VALUES ($url, $etag, $last_modified, $polled_at)
            ON CONFLICT (url) DO UPDATE SET etag = excluded.etag, last_modified = excluded.last_modified, polled_at = excluded.polled_at
            """);
        command.Parameters["$url"].Value = url;
        command.Parameters["$etag"].Value = (object?)state.ETag ?? DBNull.Value;
        command.Parameters["$last_modified"].Value = (object?)state.LastModified ?? DBNull.Value;
        command.Parameters["$polled_at"].Value = DateTime.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
        command.ExecuteNonQuery();
    }

    public int Count()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return Convert.ToInt32(_session.Prepared("SELECT COUNT(*) FROM documents").ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    public bool Delete(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        ObjectDisposedException.ThrowIf(_disposed, this);
        bool deleted = false;
        _saved.Clear();
        _session.InTransaction(() =>
        {
            var textHash = Scalar("SELECT text_hash FROM documents WHERE id = $id", id) as string;
            if (textHash is null)
                return;
            Run("DELETE FROM document_layers WHERE document = $id", id);
            if (Scalar("SELECT seq FROM documents WHERE id = $id", id) is long seq)
                _items.Delete(seq);
            Run("DELETE FROM documents WHERE id = $id", id);
            // The copies that pointed at it now point at the next earliest.
            if (textHash != EmptyTextHash)
                Repoint(textHash);
            _changes.Append(id, ChangeKind.Deleted, null, null);
            deleted = true;
        });
        return deleted;
    }

    public void Dispose()
    {
        if (_disposed)
            return;
        _disposed = true;
        _session.Dispose();
    }

    /// <summary>A stored layer's JSON as written, or null (for the entity index, which reads one layer of many documents).</summary>
    internal string? LayerData(string document, string layer)
    {
        var command = _session.Prepared("SELECT data FROM document_layers WHERE document = $document AND layer = $layer");
        command.Parameters["$document"].Value = document;
        command.Parameters["$layer"].Value = layer;
        return command.ExecuteScalar() as string;
    }

    /// <summary>Whether a document with this id is stored.</summary>
    internal bool Exists(string id) => _session.Raw("SELECT 1 FROM documents WHERE id = $id").Bind("$id", id).Int64Scalar() is not null;

    private StoreOutcome SaveOne(Document doc, string storedAt, IReadOnlyList<string>? remade)
    {
        bool reanalysis = remade is not null;
        string? existingId = null, existingContentHash = null, existingTextHash = null, existingDuplicateOf = null;
        using (var reader = _session.Raw("SELECT id, content_hash, text_hash, duplicate_of FROM documents WHERE source = $source").Bind("$source", doc.Source).Execute())
        {
            if (reader.Read())
            {
                existingId = reader.Text(0);
                existingContentHash = reader.Text(1);
                existingTextHash = reader.Text(2);
                existingDuplicateOf = reader.NullableText(3);
            }
        }

        if (existingId is not null)
        {
            if (existingContentHash == doc.ContentHash && !reanalysis)
                return new StoreOutcome(StoreStatus.AlreadyStored, existingId, existingDuplicateOf);
            var outcome = Update(doc, existingId, existingTextHash!, existingDuplicateOf, storedAt);
            _changes.Append(existingId, reanalysis ? ChangeKind.Reanalysed : ChangeKind.Updated, null, remade);
            return outcome;
        }

        // Indexed for search with the rest of the batch's new documents (IndexNewText).
        _unindexedAfter ??= _session.Raw("SELECT COALESCE(MAX(seq), 0) FROM documents").Int64Scalar() ?? 0;
        var id = FreeId(doc);
        string? duplicateOf = null;
        if (doc.Text.Length > 0)
        {
            // No stored row has this source, so every row with this body is from another source.
            duplicateOf = _session.Raw("SELECT id FROM documents WHERE text_hash = $text_hash ORDER BY seq LIMIT 1").Bind("$text_hash", doc.TextHash).TextScalar();
        }
        var insert = _session.Raw(InsertDocument);
        Bind(insert, doc, id, duplicateOf, storedAt);
        insert.Run();
        WriteLayers(id, doc, replace: false);
        _changes.Append(id, ChangeKind.Stored, null, null);
        return new StoreOutcome(StoreStatus.Stored, id, duplicateOf);
    }

    private StoreOutcome Update(Document doc, string id, string oldTextHash, string? oldDuplicateOf, string storedAt)
    {
        // The update trigger takes the row's old text out of the full-text index: it must be in it (the row may be one
        // this save inserted, when a batch holds one source twice).
        IndexNewText();
        var update = _session.Raw(UpdateDocument);
        // The row keeps its seq, so with the same body its place among the copies is unchanged.
        if (doc.TextHash == oldTextHash)
        {
            Bind(update, doc, id, oldDuplicateOf, storedAt);
            update.Run();
            WriteLayers(id, doc, replace: true);
            return new StoreOutcome(StoreStatus.Updated, id, oldDuplicateOf);
        }

        Bind(update, doc, id, duplicateOf: null, storedAt);
        update.Run();
        WriteLayers(id, doc, replace: true);
        // The documents that shared the old body may have pointed at this one, and the documents
        // with the new body may now have this one as their earliest copy.
        if (oldTextHash != EmptyTextHash)
            Repoint(oldTextHash);
        if (doc.TextHash != EmptyTextHash)
            Repoint(doc.TextHash);
        var duplicateOf = Scalar("SELECT duplicate_of FROM documents WHERE id = $id", id) as string;
        return new StoreOutcome(StoreStatus.Updated, id, duplicateOf);
    }

    /// <summary>Replaces the document's feature layers, and the items they give (<see cref="SqliteLayerItems"/>), with the ones it has now.</summary>
    private void WriteLayers(string id, Document doc, bool replace)
    {
        Run("DELETE FROM document_layers WHERE document = $id", id);
        if (_anyItems && (replace || doc.Layers.Count > 0))
            _items.Write(_session.Raw("SELECT seq FROM documents WHERE id = $id").Bind("$id", id).Int64Scalar()!.Value, doc, _codecs, replace);
        if (doc.Layers.Count == 0)
            return;
        var insert = _session.Raw("INSERT INTO document_layers (document, layer, data) VALUES ($document, $layer, $data)").Bind("$document", id);
        _encoded.TryGetValue(doc, out var encoded);
        foreach (var name in doc.Layers.Names)
        {
            if (!_codecs.TryGetValue(name, out var codec))
                throw new StoreException($"document '{doc.Id}' has layer '{name}', which this store has no codec for");
            insert.Bind("$layer", name).Bind("$data", encoded is not null && encoded.Layers.TryGetValue(name, out var data) ? data : codec.Write(doc.Layers[name]!)).Run();
        }
    }

    private void Repoint(string textHash)
    {
        var command = _session.Prepared(RepointDuplicates);
        command.Parameters["$text_hash"].Value = textHash;
        command.ExecuteNonQuery();
    }

    /// <summary>The document's own id, or when another source holds it, the id with a suffix from its source.</summary>
    private string FreeId(Document doc)
    {
        if (!Exists(doc.Id))
            return doc.Id;
        var suffixed = doc.Id + "~" + Hashing.Hex(doc.Source, 8);
        if (!Exists(suffixed))
            return suffixed;
        for (int n = 2; ; n++)
        {
            var counted = suffixed + "~" + n.ToString(CultureInfo.InvariantCulture);
            if (!Exists(counted))
                return counted;
        }
    }

    private void Bind(RawStatement command, Document doc, string id, string? duplicateOf, string storedAt)
    {
        _encoded.TryGetValue(doc, out var encoded);
        var m = doc.Metadata;
        command.Bind("$id", id)
            .Bind("$source", doc.Source)
            .Bind("$format", doc.Format.ToString())
            .Bind("$raw_text", doc.RawText)
            .Bind("$text", doc.Text)
            .Bind("$offset_map", encoded?.Segments ?? StoredJson.WriteSegments(doc.Map.Segments))
            .Bind("$title", m.Title)
            .Bind("$byline", m.Byline)
            .Bind("$outlet", m.Outlet)
            .Bind("$original_publisher", m.OriginalPublisher)
            .Bind("$published", m.Published)
            .Bind("$published_inferred", m.PublishedInferred ? 1 : 0)
            .Bind("$genre", m.Genre?.ToString())
            .Bind("$language", m.Language)
            .Bind("$url", m.Url)
            .Bind("$stated", encoded?.Stated ?? StoredJson.WriteStated(doc.Stated))
            .Bind("$removed", encoded?.Removed ?? StoredJson.WriteRemoved(doc.Removed))
            .Bind("$captions", encoded?.Captions ?? StoredJson.WriteCaptions(doc.Captions))
            .Bind("$notes", encoded?.StageNotes ?? StoredJson.WriteStrings(doc.StageNotes))
            .Bind("$input_notes", encoded?.InputNotes ?? StoredJson.WriteStrings(doc.InputNotes))
            .Bind("$content_hash", doc.ContentHash)
            .Bind("$text_hash", doc.TextHash)
            .Bind("$duplicate_of", duplicateOf)
            .Bind("$pipeline_version", doc.PipelineVersion)
            .Bind("$stages", encoded?.Stages ?? StoredJson.WriteStages(doc.Stages))
            .Bind("$stored_at", storedAt);
    }

    /// <summary>A document's columns and layers as <see cref="Prepare"/> encoded them.</summary>
    private sealed record Encoded(string Segments, string Stated, string Removed, string Captions, string StageNotes, string InputNotes, string Stages, Dictionary<string, string> Layers);

    /// <summary>A document the last batch stored: its layers as written and as analysed, those handed out so far, and the document with them.</summary>
    private sealed class SavedDocument(Document document, Dictionary<string, string> written, LayerSet analysed)
    {
        public Document Document { get; set; } = document;

        public Dictionary<string, string> Written { get; } = written;

        public LayerSet Analysed { get; } = analysed;

        public Dictionary<string, object> Decoded { get; } = new(StringComparer.Ordinal);
    }

    private IEnumerable<T> Query<T>(string sql, Func<SqliteDataReader, T> read)
    {
        using var command = _session.Fresh(sql);
        using var reader = command.ExecuteReader();
        while (reader.Read())
            yield return read(reader);
    }

    private object? Scalar(string sql, string id)
    {
        var command = _session.Prepared(sql);
        command.Parameters["$id"].Value = id;
        return command.ExecuteScalar();
    }

    private void Run(string sql, string id) => _session.Raw(sql).Bind("$id", id).Run();

    private Document ReadDocument(SqliteDataReader r, IReadOnlySet<string>? layers = null)
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
                StageNotes = StoredJson.ReadStrings(r.GetString(18)),
                ContentHash = r.GetString(19),
                DuplicateOf = NullableString(r, 20),
                PipelineVersion = r.GetString(21),
                Stages = StoredJson.ReadStages(r.GetString(22)),
                InputNotes = StoredJson.ReadStrings(r.GetString(23)),
                Layers = ReadLayers(id, layers),
            };
        }
        catch (Exception ex) when (ex is JsonException or ArgumentException or KeyNotFoundException or InvalidOperationException or FormatException or IndexOutOfRangeException)
        {
            throw new StoreException($"document '{id}' in the store {_session.Path} is damaged: {ex.Message}", ex);
        }
    }

    private LayerSet ReadLayers(string id, IReadOnlySet<string>? only)
    {
        if (_codecs.Count == 0)
            return LayerSet.Empty;
        var command = _session.Prepared("SELECT layer, data FROM document_layers WHERE document = $id");
        command.Parameters["$id"].Value = id;
        List<KeyValuePair<string, object>>? layers = null;
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                // A layer of a feature this Sitrep does not know stays stored, unread.
                if ((only is null || only.Contains(reader.GetString(0))) && _codecs.TryGetValue(reader.GetString(0), out var codec))
                    (layers ??= []).Add(new(codec.Layer.Name, codec.Read(reader.GetString(1))));
            }
        }
        return layers is null ? LayerSet.Empty : LayerSet.From(layers);
    }

    private static string? NullableString(SqliteDataReader r, int ordinal) => r.IsDBNull(ordinal) ? null : r.GetString(ordinal);

    private static T ParseEnum<T>(string name)
        where T : struct, Enum =>
        Enum.TryParse<T>(name, ignoreCase: false, out var value) && Enum.IsDefined(value)
            ? value
            : throw new FormatException($"unknown {typeof(T).Name} '{name}'");

    /// <summary>Creates a store at an older schema version, as that Sitrep left it: for tests of the migrations.</summary>
    internal static void CreateAtVersion(string path, int version) => MigrateRaw(path, 0, version);

    /// <summary>Tests: brings a store at <paramref name="from"/> to <paramref name="version"/> (not the latest), to read what one migration kept.</summary>
    internal static void MigrateRaw(string path, int from, int version)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        connection.Open();
        foreach (var migration in StoreSchema.Migrations.Where(m => m.Version > from && m.Version <= version))
        {
            Execute(connection, migration.Sql + $"""
                ;
                PRAGMA application_id = {StoreSchema.ApplicationId.ToString(CultureInfo.InvariantCulture)};
                PRAGMA user_version = {migration.Version.ToString(CultureInfo.InvariantCulture)};
                """);
        }
    }

    /// <summary>See <see cref="StoreFactory.UpgradeNotice"/>: the file's schema version read on a read-only connection of its own.</summary>
    internal static string? UpgradeNotice(string path)
    {
        if (!File.Exists(path))
            return null;
        try
        {
            using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
            connection.Open();
            if (ScalarOf(connection, null, "PRAGMA application_id") != StoreSchema.ApplicationId)
                return null;
            var version = (int)ScalarOf(connection, null, "PRAGMA user_version");
            if (version <= 0 || version >= StoreSchema.LatestVersion)
                return null;
            var costs = StoreSchema.Migrations.Where(m => m.Version > version && m.Notice is not null).Select(m => "; " + m.Notice);
            return $"upgrading the store {path} from schema version {version} to {StoreSchema.LatestVersion}{string.Concat(costs)}";
        }
        catch (SqliteException)
        {
            return null;
        }
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
        var applicationId = ScalarOf(connection, transaction, "PRAGMA application_id");
        // Both pragmas are 32-bit integers in the file header.
        var version = (int)ScalarOf(connection, transaction, "PRAGMA user_version");
        if (applicationId != StoreSchema.ApplicationId)
        {
            if (applicationId != 0)
                throw new StoreException($"{path} is not a Sitrep store: it belongs to another program (application id {applicationId})");
            var tables = ScalarOf(connection, transaction, "SELECT COUNT(*) FROM sqlite_master WHERE name NOT LIKE 'sqlite!_%' ESCAPE '!'");
            if (version != 0 || tables != 0)
                throw new StoreException($"{path} is not a Sitrep store: it is a SQLite database of another program");
        }
        if (version > StoreSchema.LatestVersion)
            throw new StoreException($"{path}: store schema version {version} is newer than this Sitrep ({StoreSchema.LatestVersion}); upgrade Sitrep");
        return version;
    }

    private static long ScalarOf(SqliteConnection connection, SqliteTransaction? transaction, string sql)
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

/// <summary>A read-only connection of its own for looking documents up while the store's connection writes (WAL lets both go on).</summary>
internal sealed class SqliteLookup : IDocumentLookup
{
    private readonly SqliteConnection _connection;
    private readonly SqliteCommand _find;

    public SqliteLookup(string path)
    {
        _connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadOnly,
            Pooling = false,
            DefaultTimeout = 5,
        }.ToString());
        _connection.Open();
        _find = _connection.CreateCommand();
        _find.CommandText = "SELECT id FROM documents WHERE source = $source AND content_hash = $content_hash";
        _find.Parameters.Add(new SqliteParameter("$source", null));
        _find.Parameters.Add(new SqliteParameter("$content_hash", null));
    }

    public string? FindBySourceAndHash(string source, string contentHash)
    {
        _find.Parameters["$source"].Value = source;
        _find.Parameters["$content_hash"].Value = contentHash;
        return _find.ExecuteScalar() as string;
    }

    public void Dispose()
    {
        _find.Dispose();
        _connection.Dispose();
    }
}

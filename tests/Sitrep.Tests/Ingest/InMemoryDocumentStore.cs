using Sitrep.Documents;
using Sitrep.Ingest;
using Sitrep.Pipeline;

namespace Sitrep.Tests.Ingest;

/// <summary>
/// A store in a list, following the store's rules: the same source with the same content is
/// already stored; the same source with new content is updated under its old id; the same body
/// from another source is a duplicate of the earliest copy. Records every SaveBatch call. Its change
/// feed is a list too.
/// </summary>
internal sealed class InMemoryDocumentStore : IDocumentStore
{
    private readonly Lock _gate = new();
    private readonly List<Document> _documents = [];
    private readonly List<IReadOnlyList<string>> _saveBatchCalls = [];
    private readonly MemoryFeed _feed = new();

    /// <summary>The ids handed to each SaveBatch call, in call order.</summary>
    public IReadOnlyList<IReadOnlyList<string>> SaveBatchCalls
    {
        get
        {
            lock (_gate)
                return [.. _saveBatchCalls];
        }
    }

    public string Location => "memory";

    public IChangeFeed Changes => _feed;

    public int Count()
    {
        lock (_gate)
            return _documents.Count;
    }

    public string? FindBySourceAndHash(string source, string contentHash)
    {
        lock (_gate)
            return _documents.Find(d => d.Source == source && d.ContentHash == contentHash)?.Id;
    }

    public IDocumentLookup OpenLookup() => new Lookup(this);

    public IReadOnlyList<StoreOutcome> SaveBatch(IReadOnlyList<Document> documents)
    {
        ArgumentNullException.ThrowIfNull(documents);
        lock (_gate)
        {
            _saveBatchCalls.Add([.. documents.Select(d => d.Id)]);
            var outcomes = new List<StoreOutcome>(documents.Count);
            foreach (var doc in documents)
            {
                int same = _documents.FindIndex(d => d.Source == doc.Source);
                if (same >= 0 && _documents[same].ContentHash == doc.ContentHash)
                {
                    outcomes.Add(new StoreOutcome(StoreStatus.AlreadyStored, _documents[same].Id, null));
                    continue;
                }
                var duplicateOf = _documents.Find(d => d.Source != doc.Source && d.TextHash == doc.TextHash)?.Id;
                if (same >= 0)
                {
                    var id = _documents[same].Id;
                    _documents[same] = doc with { Id = id };
                    outcomes.Add(new StoreOutcome(StoreStatus.Updated, id, duplicateOf));
                    _feed.Append(id, ChangeKind.Updated, null, null);
                }
                else
                {
                    _documents.Add(doc);
                    outcomes.Add(new StoreOutcome(StoreStatus.Stored, doc.Id, duplicateOf));
                    _feed.Append(doc.Id, ChangeKind.Stored, null, null);
                }
            }
            return outcomes;
        }
    }

    public IReadOnlyList<StoreOutcome> SaveReanalysed(IReadOnlyList<Reanalysis> documents)
    {
        ArgumentNullException.ThrowIfNull(documents);
        lock (_gate)
        {
            var outcomes = new List<StoreOutcome>(documents.Count);
            foreach (var r in documents)
            {
                int same = _documents.FindIndex(d => d.Source == r.Document.Source);
                var id = same >= 0 ? _documents[same].Id : r.Document.Id;
                if (same >= 0)
                    _documents[same] = r.Document with { Id = id };
                else
                    _documents.Add(r.Document);
                _feed.Append(id, ChangeKind.Reanalysed, null, r.RemadeLayers);
                outcomes.Add(new StoreOutcome(StoreStatus.Updated, id, null));
            }
            return outcomes;
        }
    }

    public Document? Load(string id)
    {
        lock (_gate)
            return _documents.Find(d => d.Id == id);
    }

    public IEnumerable<Document> LoadAll()
    {
        lock (_gate)
            return [.. _documents];
    }

    public IReadOnlyList<string> Ids()
    {
        lock (_gate)
            return [.. _documents.Select(d => d.Id)];
    }

    public IReadOnlyDictionary<string, string>? StagesOf(string id) => Load(id)?.Stages;

    public bool Delete(string id)
    {
        lock (_gate)
        {
            if (_documents.RemoveAll(d => d.Id == id) == 0)
                return false;
            _feed.Append(id, ChangeKind.Deleted, null, null);
            return true;
        }
    }

    /// <summary>What <see cref="Feature{T}"/> hands out (a test's entity directory), if anything.</summary>
    public object? FeatureObject { get; init; }

    public T? Feature<T>()
        where T : class => FeatureObject as T;

    public void Dispose()
    {
    }

    private sealed class Lookup(InMemoryDocumentStore store) : IDocumentLookup
    {
        public string? FindBySourceAndHash(string source, string contentHash) => store.FindBySourceAndHash(source, contentHash);

        public void Dispose()
        {
        }
    }

    /// <summary>A change feed in a list, with positions per consumer, following the store's contract.</summary>
    internal sealed class MemoryFeed : IChangeFeed
    {
        private readonly List<DocumentChange> _changes = [];
        private readonly Dictionary<string, long> _positions = new(StringComparer.Ordinal);

        public long Head => _changes.Count == 0 ? 0 : _changes[^1].Position;

        public long Position(string consumer) => _positions.GetValueOrDefault(consumer);

        public IChangeCursor Cursor(string consumer, IReadOnlyList<string> dependsOn) => new MemoryCursor(this, consumer, dependsOn);

        public void Append(string document, ChangeKind kind, string? by, IReadOnlyList<string>? layers) =>
            _changes.Add(new DocumentChange(_changes.Count + 1, document, kind, by, layers));

        private sealed class MemoryCursor(MemoryFeed feed, string consumer, IReadOnlyList<string> dependsOn) : IChangeCursor
        {
            public string Consumer => consumer;

            public IReadOnlyList<DocumentChange> Next(int limit)
            {
                long upTo = dependsOn.Aggregate(feed.Head, (min, d) => Math.Min(min, feed.Position(d)));
                long after = feed.Position(consumer);
                return [.. feed._changes.Where(c => c.Position > after && c.Position <= upTo && c.By != consumer).Take(limit)];
            }

            public void Commit(long position, Action work)
            {
                work();
                feed._positions[consumer] = position;
            }

            public void Append(string documentId, ChangeKind kind, IReadOnlyList<string>? layers) => feed.Append(documentId, kind, consumer, layers);
        }
    }
}

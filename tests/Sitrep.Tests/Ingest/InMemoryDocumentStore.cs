using Sitrep.Documents;
using Sitrep.Ingest;

namespace Sitrep.Tests.Ingest;

/// <summary>
/// A store in a list, following the store's rules: the same source with the same content is
/// already stored; the same source with new content is updated under its old id; the same body
/// from another source is a duplicate of the earliest copy. Records every SaveBatch call.
/// </summary>
internal sealed class InMemoryDocumentStore : IDocumentStore
{
    private readonly Lock _gate = new();
    private readonly List<Document> _documents = [];
    private readonly List<IReadOnlyList<string>> _saveBatchCalls = [];

    /// <summary>The ids handed to each SaveBatch call, in call order.</summary>
    public IReadOnlyList<IReadOnlyList<string>> SaveBatchCalls
    {
        get
        {
            lock (_gate)
                return [.. _saveBatchCalls];
        }
    }

    public int Count
    {
        get
        {
            lock (_gate)
                return _documents.Count;
        }
    }

    public Document? FindBySourceAndHash(string source, string contentHash)
    {
        lock (_gate)
            return _documents.Find(d => d.Source == source && d.ContentHash == contentHash);
    }

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
                }
                else
                {
                    _documents.Add(doc);
                    outcomes.Add(new StoreOutcome(StoreStatus.Stored, doc.Id, duplicateOf));
                }
            }
            return outcomes;
        }
    }

    public Document? Load(string id)
    {
        lock (_gate)
            return _documents.Find(d => d.Id == id);
    }
}

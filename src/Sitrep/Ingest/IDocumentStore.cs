using Sitrep.Documents;

namespace Sitrep.Ingest;

/// <summary>What batch ingestion needs of a store. The store decides ids and duplicates, atomically.</summary>
public interface IDocumentStore
{
    /// <summary>The stored document with this source and raw content, if any.</summary>
    Document? FindBySourceAndHash(string source, string contentHash);

    /// <summary>Stores documents in order, in one transaction; returns one outcome per document.</summary>
    IReadOnlyList<StoreOutcome> SaveBatch(IReadOnlyList<Document> documents);

    Document? Load(string id);
}

using Sitrep.Documents;
using Sitrep.Pipeline;

namespace Sitrep.Ingest;

/// <summary>
/// The storage contract: documents with their layers and stage versions, the change feed, and the
/// indexes features keep (<see cref="Feature{T}"/>). The store decides ids and duplicates, atomically.
/// SQLite implements it by default; a second backend (PostgreSQL) implements the same.
/// </summary>
/// <remarks>Used by one thread at a time.</remarks>
public interface IDocumentStore : IDisposable
{
    /// <summary>Where the store is (a file path, a connection string without its password).</summary>
    string Location { get; }

    /// <summary>The id of the stored document with this source and raw content, if any: lets a caller skip analysing it again.</summary>
    string? FindBySourceAndHash(string source, string contentHash);

    /// <summary>
    /// Stores documents in order, in one transaction; returns one outcome per document. The same source
    /// with the same content is already stored; the same source with new content replaces the stored
    /// document under its id; the same body from another source is a duplicate of the earliest copy.
    /// Each stored or updated document is a change on the feed, in the same transaction.
    /// </summary>
    IReadOnlyList<StoreOutcome> SaveBatch(IReadOnlyList<Document> documents);

    /// <summary>
    /// Does ahead, on any thread, the part of storing a document that needs no store (encoding its
    /// layers), so that <see cref="SaveBatch"/>, which one thread runs for every batch, does less. The
    /// analysing threads call it on each document before the batch is saved; what is stored is the same.
    /// </summary>
    void Prepare(Document document)
    {
    }

    /// <summary>
    /// Runs <paramref name="work"/> (a batch saved, then the cross-document stages catching up with it) as
    /// one transaction where the store can: the pages that every step rewrites (the change feed, the
    /// entity and story indexes) are then written to the log once a batch instead of once a step. What
    /// is stored is the same; a failure that escapes <paramref name="work"/> keeps none of it.
    /// </summary>
    void InOneTransaction(Action work)
    {
        ArgumentNullException.ThrowIfNull(work);
        work();
    }

    /// <summary>
    /// Runs <paramref name="work"/> as <see cref="InOneTransaction(Action)"/> does, where the cross-document stages keep
    /// each document's writes apart (<c>AllOrNothing</c> of their indexes) only so that a document that fails keeps none
    /// of them. The store may first run it without that (SQLite: no savepoints, each of which copies every page it first
    /// changes); should a document fail there, nothing of that run is kept, <paramref name="rolledBack"/> is called (the
    /// stages must forget what they cached of it: <see cref="ICrossDocumentStage.RolledBack"/>) and <paramref name="work"/>
    /// runs again as <see cref="InOneTransaction(Action)"/> runs it. So <paramref name="work"/> must start afresh each time
    /// it runs. What is stored is the same either way.
    /// </summary>
    void InOneTransaction(Action work, Action rolledBack)
    {
        ArgumentNullException.ThrowIfNull(rolledBack);
        InOneTransaction(work);
    }

    /// <summary>Replaces the analysis of stored documents brought up to date, in one transaction; each is a change on the feed naming the layers made again.</summary>
    IReadOnlyList<StoreOutcome> SaveReanalysed(IReadOnlyList<Reanalysis> documents);

    /// <summary>The stored document, with every layer this store has a codec for; null when there is none.</summary>
    Document? Load(string id);

    /// <summary>
    /// The stored document with at least the layers named (a cross-document stage that needs a few of
    /// them need not decode every one); null when there is none. A store may give every layer.
    /// </summary>
    Document? Load(string id, IReadOnlySet<string> layers) => Load(id);

    /// <summary>Every document in store order, read one at a time as the sequence is enumerated.</summary>
    IEnumerable<Document> LoadAll();

    /// <summary>
    /// Every document in store order with at least the layers named: a listing that reads one or two layers of
    /// every article (events, citations) need not decode the others. A store may give every layer.
    /// </summary>
    IEnumerable<Document> LoadAll(IReadOnlySet<string> layers) => LoadAll();

    /// <summary>Every document's id, in store order.</summary>
    IReadOnlyList<string> Ids();

    /// <summary>Which stages analysed the document, at which version; null when there is no such document.</summary>
    IReadOnlyDictionary<string, string>? StagesOf(string id);

    int Count();

    /// <summary>Deletes the document and its layers; a change on the feed tells the cross-document stages. False when there was none.</summary>
    bool Delete(string id);

    /// <summary>
    /// A handle for looking documents up from another thread while this store writes (its own read
    /// connection): analysis checks what is stored while the previous batch is being saved.
    /// </summary>
    IDocumentLookup OpenLookup();

    /// <summary>The change feed the cross-document stages read.</summary>
    IChangeFeed Changes { get; }

    /// <summary>An index a feature keeps in this store (the entity index), or null when this store has none of that kind.</summary>
    T? Feature<T>()
        where T : class;
}

/// <summary>Looks stored documents up on a thread of its own; sees what was committed when it asks.</summary>
public interface IDocumentLookup : IDisposable
{
    /// <summary>The id of the stored document with this source and raw content, if any.</summary>
    string? FindBySourceAndHash(string source, string contentHash);
}

namespace Sitrep.Entities.Resolution;

/// <summary>
/// What cross-document resolution needs of a store: entities found by key look-ups (never by
/// scanning), the links from a document's entities to them, and the user's corrections.
/// </summary>
public interface IEntityIndex
{
    /// <summary>The stored document's own entities (what its mentions name); null when the document is gone, empty when it has none.</summary>
    IReadOnlyList<DocumentEntity>? DocumentEntities(string documentId);

    /// <summary>Runs <paramref name="work"/> in one transaction: all of it is kept or none.</summary>
    void InTransaction(Action work);

    /// <summary>Runs <paramref name="work"/> inside the current transaction so that, if it throws, none of its writes are kept.</summary>
    void AllOrNothing(Action work);

    /// <summary>The entities filed under a key, merged entities followed to the one that absorbed them.</summary>
    IReadOnlyList<long> Lookup(string key);

    StoredEntity Get(long id);

    /// <summary>Entities named in the same documents as <paramref name="id"/> (at most <paramref name="documents"/> of them looked at), with counts.</summary>
    IReadOnlyDictionary<long, int> Context(long id, int documents);

    /// <summary>Whether the user has said this key does not name this entity (<c>sitrep entities split</c>).</summary>
    bool IsBlocked(string key, long id);

    long Create(string name, string type);

    void AddKeys(long id, IEnumerable<string> keys);

    /// <summary>Forgets the document's links (before it is resolved again); returns the entities it was linked to (their votes changed).</summary>
    IReadOnlyCollection<long> Unlink(string documentId);

    /// <summary>Links the document's entity <paramref name="local"/> to <paramref name="id"/>; its <paramref name="type"/> is a vote for the entity's type (the type most of its documents give it).</summary>
    void Link(string documentId, int local, long id, string type);

    /// <summary>
    /// The same, with what the document says of the entity's sector and country: votes too, so the
    /// entity's sector and country are what most of its documents say (<see cref="IEntityDirectory.Affiliation"/>).
    /// </summary>
    void Link(string documentId, int local, long id, string type, string? sector, string? country) => Link(documentId, local, id, type);

    /// <summary>
    /// The same, the type vote weighing <paramref name="votes"/>: an article with evidence for the type
    /// (<see cref="DocumentEntity.TypeCued"/>) outweighs one where the tagger guessed it. Unlinking takes back as many.
    /// </summary>
    void Link(string documentId, int local, long id, string type, string? sector, string? country, int votes) => Link(documentId, local, id, type, sector, country);

    /// <summary>Moves everything of <paramref name="absorbed"/> to <paramref name="kept"/>; the absorbed id then redirects to it.</summary>
    void Merge(long kept, long absorbed);

    /// <summary>
    /// The keys filed under <paramref name="id"/> itself (in no order): what <see cref="Merge"/> moves to the entity that
    /// absorbs it. Null when the index cannot tell; then a caller that keeps look-ups must forget them all at a merge.
    /// </summary>
    IReadOnlyList<string>? KeysOf(long id) => null;
}

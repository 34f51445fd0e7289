namespace Sitrep.Entities.Resolution;

/// <summary>
/// What a user sees of the entities in a store and how they correct them (<c>sitrep entities</c>):
/// the store's entity index implements it beside <see cref="IEntityIndex"/>.
/// </summary>
public interface IEntityCatalog
{
    /// <summary>Entities by how many documents name them (most first), optionally only those with a name containing <paramref name="search"/>.</summary>
    IReadOnlyList<StoredEntity> List(string? search, int limit);

    /// <summary>As <see cref="List(string?, int)"/>, only entities of <paramref name="type"/> (PERSON, ORG, …; any when null).</summary>
    IReadOnlyList<StoredEntity> List(string? search, string? type, int limit);

    /// <summary>How many entities (named in at least one document) there are of each type, most first.</summary>
    IReadOnlyList<(string Type, int Entities)> CountByType();

    /// <summary>Every entity named in at least one document, by id, read as the sequence is enumerated.</summary>
    IEnumerable<StoredEntity> All();

    /// <summary>The entity with this id, following merges; null when there is none.</summary>
    StoredEntity? Find(long id);

    StoredEntity Get(long id);

    /// <summary>The documents naming the entity, in store order, with the local entity each names it by.</summary>
    IReadOnlyList<(string Document, int Local)> Links(long id);

    /// <summary>The user's corrections that concern the entity, in the order they were made.</summary>
    IReadOnlyList<(string Kind, long Entity, long? Other, string? Detail, string MadeAt)> Corrections(long id);

    /// <summary>The user says <paramref name="absorbed"/> is <paramref name="kept"/>; the correction holds after reanalysis.</summary>
    void MergeByUser(long kept, long absorbed);

    /// <summary>
    /// The user says the names <paramref name="aliases"/> of entity <paramref name="id"/> are another; returns
    /// the new entity's id. Throws <see cref="ArgumentException"/> when the entity has none of those names.
    /// </summary>
    long Split(long id, IReadOnlyList<string> aliases, CountryTable countries);

    /// <summary>The user names the entity; the name holds after reanalysis and merges.</summary>
    void Rename(long id, string name);

    /// <summary>The user types the entity (PERSON, ORG, GPE, LOC, FACILITY, MEDIA, MISC); the type holds against the documents' votes.</summary>
    void Retype(long id, string type);
}

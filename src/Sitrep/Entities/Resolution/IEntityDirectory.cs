namespace Sitrep.Entities.Resolution;

/// <summary>What the analysis JSON needs to name entities: which stored entity a document's entity is, and what that entity is called.</summary>
public interface IEntityDirectory
{
    /// <summary>The stored entity the document's entity number <paramref name="local"/> resolved to, or null when it is not resolved.</summary>
    long? EntityOf(string documentId, int local);

    StoredEntity Get(long id);

    /// <summary>
    /// The stored entity each of the document's entities numbered 0 to <paramref name="count"/> - 1
    /// resolved to (following merges), null where it is not resolved: what <see cref="EntityOf"/> and
    /// <see cref="Get"/> give one by one, which a store may read at once.
    /// </summary>
    StoredEntity?[] EntitiesOf(string documentId, int count)
    {
        var resolved = new StoredEntity?[count];
        for (int i = 0; i < count; i++)
        {
            if (EntityOf(documentId, i) is { } id)
                resolved[i] = Get(id);
        }
        return resolved;
    }

    /// <summary>The entity's sector and country (ISO 3166 alpha-3): what most of its documents say; nulls when none says.</summary>
    (string? Sector, string? Country) Affiliation(long id) => (null, null);
}

namespace Sitrep.Entities.Resolution;

/// <summary>What the analysis JSON needs to name entities: which stored entity a document's entity is, and what that entity is called.</summary>
public interface IEntityDirectory
{
    /// <summary>The stored entity the document's entity number <paramref name="local"/> resolved to, or null when it is not resolved.</summary>
    long? EntityOf(string documentId, int local);

    StoredEntity Get(long id);

    /// <summary>The entity's sector and country (ISO 3166 alpha-3): what most of its documents say; nulls when none says.</summary>
    (string? Sector, string? Country) Affiliation(long id) => (null, null);
}

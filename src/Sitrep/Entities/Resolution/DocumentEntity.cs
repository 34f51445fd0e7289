namespace Sitrep.Entities.Resolution;

/// <summary>
/// One thing an article names, however often and however spelled: its fullest name, its type, the
/// country code when it is a country (or a capital standing for one), every form the article used,
/// and the roles it gives a person. <see cref="Sector"/> and <see cref="Nationality"/> say what kind
/// of actor it is and whose (ISO 3166 alpha-3), from the article's words, the person's roles or the
/// actor dictionaries.
/// </summary>
public sealed record DocumentEntity(string Name, string Type, string? Country, IReadOnlyList<string> Aliases, IReadOnlyList<string> Roles)
{
    /// <summary>government, military, police, rebel, militia, media, business, ngo, igo, party, religious, criminal, civilian; or null.</summary>
    public string? Sector { get; init; }

    /// <summary>The country the entity belongs to or is (ISO 3166 alpha-3), or null.</summary>
    public string? Nationality { get; init; }

    /// <summary>
    /// The article gives evidence for <see cref="Type"/> (a country it names, a person's title or role, a mention whose type
    /// a cue in the text gave or confirmed), not only the tagger's guess: across articles its vote for the entity's type weighs more.
    /// </summary>
    public bool TypeCued { get; init; }
}

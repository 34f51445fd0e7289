namespace Sitrep.Entities.Resolution;

/// <summary>
/// One thing an article names, however often and however spelled: its fullest name, its type, the
/// country code when it is a country (or a capital standing for one), every form the article used,
/// and the roles it gives a person.
/// </summary>
public sealed record DocumentEntity(string Name, string Type, string? Country, IReadOnlyList<string> Aliases, IReadOnlyList<string> Roles);

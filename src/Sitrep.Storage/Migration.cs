namespace Sitrep.Storage;

/// <summary>One step of the schema: applied once, in its own transaction, when the store's version is below <paramref name="Version"/>.</summary>
internal sealed record Migration(int Version, string Sql);

namespace Sitrep.Storage;

/// <summary>One step of the schema: applied once, in its own transaction, when the store's version is below <paramref name="Version"/>.</summary>
internal sealed record Migration(int Version, string Sql)
{
    /// <summary>What applying it costs a user who waits (work done on the next open), said before the store is opened; null for none.</summary>
    public string? Notice { get; init; }
}

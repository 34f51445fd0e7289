namespace Sitrep.Ingest;

/// <summary>What the store did with one document: its final id, and the earlier copy it duplicates, if any.</summary>
public sealed record StoreOutcome(StoreStatus Status, string Id, string? DuplicateOf);

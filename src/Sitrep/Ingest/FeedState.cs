namespace Sitrep.Ingest;

/// <summary>The validators a feed's server sent with its last response.</summary>
public sealed record FeedState(string? ETag, string? LastModified);

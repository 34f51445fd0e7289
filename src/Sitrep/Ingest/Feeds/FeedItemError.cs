namespace Sitrep.Ingest.Feeds;

/// <summary>An entry that cannot be used, so one bad entry is reported without losing the rest of the feed.</summary>
/// <param name="Index">Zero-based position of the entry among the feed's items/entries, in document order.</param>
/// <param name="Reason">Why the entry was left out.</param>
public sealed record FeedItemError(int Index, string Reason);

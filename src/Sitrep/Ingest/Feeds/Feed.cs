namespace Sitrep.Ingest.Feeds;

/// <summary>A parsed feed: the usable entries and, separately, the entries that were left out and why.</summary>
/// <param name="Title">Channel or feed title.</param>
/// <param name="Link">The site the feed belongs to, as an absolute http(s) URL, or null.</param>
/// <param name="Items">Usable entries in document order.</param>
/// <param name="Errors">Entries left out, by their index in document order.</param>
public sealed record Feed(
    string? Title,
    string? Link,
    IReadOnlyList<FeedItem> Items,
    IReadOnlyList<FeedItemError> Errors);

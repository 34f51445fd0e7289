namespace Sitrep.Ingest;

/// <summary>
/// What a user finds and reads in a store without loading whole documents: lists with filters,
/// full-text search over titles and text, and counts. A store keeps one beside its documents
/// (<see cref="IDocumentStore.Feature{T}"/>); a second backend implements the same.
/// </summary>
/// <remarks>Used by one thread at a time, like the store.</remarks>
public interface IDocumentCatalog
{
    /// <summary>Documents matching <paramref name="query"/>, newest published first (undated last), then in store order.</summary>
    IReadOnlyList<DocumentSummary> List(DocumentQuery query);

    /// <summary>How many documents match <paramref name="query"/> (its limit ignored).</summary>
    int Count(DocumentQuery query);

    /// <summary>The summaries of the documents named that are stored, by id.</summary>
    IReadOnlyDictionary<string, DocumentSummary> Summaries(IEnumerable<string> ids);

    /// <summary>
    /// The documents whose title or text match the words of <paramref name="query"/> as a user types
    /// them (see <see cref="SearchQuery"/>), best first, each with a snippet around the words found.
    /// </summary>
    SearchResult Search(string query, int limit);

    /// <summary>Documents by outlet, by language, by stage version, and the range of their dates.</summary>
    StoreStatistics Statistics();
}

/// <summary>A document as a list shows it: no text, no layers.</summary>
public sealed record DocumentSummary(
    string Id,
    string Source,
    string? Title,
    string? Outlet,
    string? Byline,
    string? Published,
    bool PublishedInferred,
    string? Language,
    string? Genre,
    string? DuplicateOf);

/// <summary>Which documents a list shows: by outlet (as stored, ignoring case), by published date (inclusive ISO dates), at most <see cref="Limit"/>.</summary>
public sealed record DocumentQuery
{
    public string? Outlet { get; init; }

    /// <summary>The earliest published date, "2025-03-01" (a date-time is compared by its date).</summary>
    public string? From { get; init; }

    /// <summary>The latest published date, inclusive.</summary>
    public string? To { get; init; }

    public int Limit { get; init; } = 50;
}

/// <summary>One document found: the words found marked in <see cref="Snippet"/> by <see cref="SearchResult.MarkStart"/> and <see cref="SearchResult.MarkEnd"/>.</summary>
public sealed record SearchHit(DocumentSummary Document, string Snippet);

/// <summary>
/// What a search found: the best <see cref="Hits"/> of <see cref="Total"/> matches, and the query as
/// it was run (null when the text held no word to look for).
/// </summary>
public sealed record SearchResult(IReadOnlyList<SearchHit> Hits, int Total, string? RunQuery)
{
    /// <summary>Marks around a word found in a snippet (control characters, never in stored text).</summary>
    public const char MarkStart = '\u0002';

    public const char MarkEnd = '\u0003';
}

/// <summary>What a store holds, for <c>sitrep stats</c>.</summary>
public sealed record StoreStatistics(
    int Documents,
    int Duplicates,
    IReadOnlyList<(string? Outlet, int Documents)> ByOutlet,
    IReadOnlyList<(string? Language, int Documents)> ByLanguage,
    string? EarliestPublished,
    string? LatestPublished,
    int Undated,
    IReadOnlyList<(string Stage, string Version, int Documents)> StageVersions);

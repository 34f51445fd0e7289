namespace Sitrep.Documents;

/// <summary>Metadata an input states outright (a JSONL record's fields, later an HTML page's meta tags).</summary>
public sealed record StatedMetadata
{
    public static readonly StatedMetadata None = new();

    public string? Title { get; init; }
    public string? Byline { get; init; }
    public string? Outlet { get; init; }
    public string? Published { get; init; }
    public string? Url { get; init; }
}

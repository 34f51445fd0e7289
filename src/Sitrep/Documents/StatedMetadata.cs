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

    /// <summary>
    /// The stated fields as they enter an input's content hash, written out field by field rather
    /// than through the compiler's <c>ToString()</c>, so that adding a field to this record does not
    /// mark every stored input as changed. The five fields keep the form stores were hashed with; a
    /// field added later must be appended only when it is set.
    /// </summary>
    internal string HashKey =>
        $"StatedMetadata {{ Title = {Title}, Byline = {Byline}, Outlet = {Outlet}, Published = {Published}, Url = {Url} }}";
}

namespace Sitrep.Documents;

/// <summary>What a document says about itself. Every field is null when unknown; nothing is guessed.</summary>
public sealed record DocumentMetadata
{
    public string? Title { get; init; }
    public string? Byline { get; init; }
    public string? Outlet { get; init; }
    public string? OriginalPublisher { get; init; }

    /// <summary>ISO date (yyyy-MM-dd) or date-time.</summary>
    public string? Published { get; init; }

    /// <summary>True when <see cref="Published"/> was derived from the text rather than stated.</summary>
    public bool PublishedInferred { get; init; }

    public Genre? Genre { get; init; }

    /// <summary>ISO 639-1 code, detected.</summary>
    public string? Language { get; init; }

    public string? Url { get; init; }
}

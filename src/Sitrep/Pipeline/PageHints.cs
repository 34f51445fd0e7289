namespace Sitrep.Pipeline;

/// <summary>
/// What a content extractor learned about the page while separating body from chrome
/// (a heading line, an author box, a disclaimer naming the outlet), for the metadata stage.
/// </summary>
public sealed record PageHints
{
    public static readonly PageHints None = new();

    public string? Title { get; init; }

    /// <summary>The page's own heading when the stated title begins with it and goes on with a tagline or the site's name: the title reported.</summary>
    public string? Headline { get; init; }
    public string? Byline { get; init; }
    public string? Outlet { get; init; }
    public string? OriginalPublisher { get; init; }

    /// <summary>A publication date printed on the page (a dateline), ISO.</summary>
    public string? PrintedDate { get; init; }

    /// <summary>The page labels itself opinion (a disclaimer, a section name).</summary>
    public bool OpinionLabel { get; init; }

    /// <summary>The page labels itself analysis.</summary>
    public bool AnalysisLabel { get; init; }

    /// <summary>The page's declared language (an HTML lang attribute), ISO 639-1.</summary>
    public string? Language { get; init; }

    /// <summary>The page's canonical URL.</summary>
    public string? CanonicalUrl { get; init; }

    /// <summary>The author's bio, if the page has one.</summary>
    public string? AuthorBio { get; init; }
}

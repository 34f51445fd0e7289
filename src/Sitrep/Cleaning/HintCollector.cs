using Sitrep.Pipeline;

namespace Sitrep.Cleaning;

/// <summary>Gathers what the cleaner learns about the page while it classifies lines.</summary>
internal sealed class HintCollector
{
    public string? Title { get; set; }
    public string? Byline { get; set; }

    /// <summary>The site's own name given as the author (an Organization): the byline only when no person is named.</summary>
    public string? OutletByline { get; set; }
    public string? BodyByline { get; set; }
    public string? BioByline { get; set; }
    public string? Outlet { get; set; }
    public string? OriginalPublisher { get; set; }
    public string? PrintedDate { get; set; }
    public bool OpinionLabel { get; set; }
    public bool AnalysisLabel { get; set; }
    public string? AuthorBio { get; set; }
    public string? Language { get; set; }
    public string? CanonicalUrl { get; set; }
    public HashSet<int> DonationUnits { get; } = [];

    private string? _headline;
    private string? _headlineOf;

    /// <summary>The page's heading that begins its stated title (which goes on with a tagline): the title to report while <see cref="Title"/> stays what it is now.</summary>
    public void SetHeadline(string headline)
    {
        _headline = headline;
        _headlineOf = Title;
    }

    public PageHints Build() => new()
    {
        Title = Title,
        Headline = _headline is not null && string.Equals(_headlineOf, Title, StringComparison.Ordinal) ? _headline : null,
        Byline = Byline ?? BodyByline ?? BioByline ?? OutletByline,
        Outlet = Outlet,
        OriginalPublisher = OriginalPublisher,
        PrintedDate = PrintedDate,
        OpinionLabel = OpinionLabel,
        AnalysisLabel = AnalysisLabel,
        AuthorBio = AuthorBio,
        Language = Language,
        CanonicalUrl = CanonicalUrl,
    };
}

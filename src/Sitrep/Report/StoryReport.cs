using System.Globalization;

namespace Sitrep.Report;

/// <summary>
/// Exact characters of one article an item of the report comes from: [<see cref="Start"/>, <see cref="End"/>)
/// of the cleaned text of <see cref="Document"/>. <see cref="Key"/> ("DOC@START-END") names it in every format.
/// </summary>
public sealed record Evidence(string Document, int Start, int End)
{
    public string Key => Document + "@" + Start.ToString(CultureInfo.InvariantCulture) + "-" + End.ToString(CultureInfo.InvariantCulture);
}

/// <summary>An article of the story, with its text: where every item's evidence is shown.</summary>
public sealed record ReportArticle(string Id, string? Title, string Outlet, string? Published, string? Genre, string? Url, string Text);

/// <summary>How many of the story's articles one outlet wrote, by genre (null genre: not known).</summary>
public sealed record OutletShare(string Outlet, int Articles, int News, int Opinion, int Analysis, int Unknown);

/// <summary>An entity the story names: the stored id (null when unresolved), name, in how many of its documents and outlets, and its first mention.</summary>
public sealed record ReportEntity(string? EntityId, string Name, string Type, int Documents, int Outlets, Evidence Evidence);

/// <summary>What the story is: how many articles, from which outlets, over which dates, and who and where it names most.</summary>
public sealed record ReportSummary(
    int Articles,
    string? From,
    string? To,
    IReadOnlyList<OutletShare> Outlets,
    IReadOnlyList<ReportEntity> People,
    IReadOnlyList<ReportEntity> Organisations,
    IReadOnlyList<ReportEntity> Places);

/// <summary>A dated thing an outlet wrote: a time expression of the text or the date a quote gives its words (<see cref="Kind"/> "time" or "quote").</summary>
public sealed record TimelineItem(string Date, string Outlet, string Words, string Kind, Evidence Evidence);

/// <summary>One quote of a speaker as an outlet gave it: its words, how given (direct, partial, indirect), where and when they appeared.</summary>
public sealed record StatementItem(string Outlet, string? Published, string Words, string Kind, string? Cited, string? Date, Evidence Evidence);

/// <summary>A speaker's statements across outlets, with where the words were first said (the earliest dated one).</summary>
public sealed record SpeakerStatements(
    string Speaker,
    string? EntityId,
    string? Sector,
    string? Country,
    IReadOnlyList<StatementItem> Statements,
    StatementItem FirstSaid);

/// <summary>An outlet that cites a source (an outlet, agency or channel) as where words appeared, how often, and the first place it does.</summary>
public sealed record CitationEdge(string Outlet, string Source, int Count, Evidence Evidence);

/// <summary>A word or phrase with how often it was used.</summary>
public sealed record TermCount(string Term, int Count);

/// <summary>What one outlet calls a recurring actor: the names it uses and the words it puts beside them.</summary>
public sealed record ActorNaming(string Actor, string? EntityId, string Outlet, IReadOnlyList<TermCount> Names, IReadOnlyList<TermCount> Descriptors, Evidence Evidence);

/// <summary>A word an outlet uses beside the story's actors far more than the other outlets do (log-odds z-score, informative Dirichlet prior).</summary>
public sealed record OutletTerm(string Outlet, string Term, int Count, double Score, Evidence Evidence);

/// <summary>How many quotes an outlet gives to speakers of one sector or country (<see cref="Dimension"/> "sector" or "country"; <see cref="Value"/> "unknown" when not known).</summary>
public sealed record VoiceCount(string Outlet, string Dimension, string Value, int Quotes, Evidence Evidence);

/// <summary>How each outlet frames the story: what it calls the recurring actors, its distinctive words, its share of opinion, whose voices it quotes.</summary>
public sealed record OutletFraming(IReadOnlyList<ActorNaming> Actors, IReadOnlyList<OutletTerm> Terms, IReadOnlyList<OutletShare> Genres, IReadOnlyList<VoiceCount> Voices);

/// <summary>One side of a contradiction in the report: the outlet, the words that carry its claim, and where they are.</summary>
public sealed record ContradictionSideItem(string Outlet, string Words, Evidence Evidence);

/// <summary>Where the story's outlets disagree: the kind (date, role, number, claim), what about, and every side.</summary>
public sealed record ContradictionItem(string Kind, string About, IReadOnlyList<ContradictionSideItem> Sides);

/// <summary>One story's report: every section, and the articles its items point into.</summary>
public sealed record StoryReport(
    string Id,
    string Title,
    ReportSummary Summary,
    IReadOnlyList<TimelineItem> Timeline,
    IReadOnlyList<SpeakerStatements> Statements,
    IReadOnlyList<CitationEdge> Citations,
    OutletFraming Framing,
    string ContradictionsNote,
    IReadOnlyList<ReportArticle> Articles)
{
    /// <summary>Where the outlets disagree (<see cref="Contradictions.StoryContradictions"/>); <see cref="ContradictionsNote"/> says so when there is none.</summary>
    public IReadOnlyList<ContradictionItem> Contradictions { get; init; } = [];

    /// <summary>The story's oldest articles the report did not read (<see cref="ReportLimits.ArticlesPerStory"/>); 0 when it read them all.</summary>
    public int ArticlesLeftOut { get; init; }
}

/// <summary>A story listed but not reported (past <see cref="ReportLimits.Stories"/>): what the index shows of it, without reading its articles.</summary>
public sealed record StoryListing(string Id, string Title, int Articles, string? From, string? To);

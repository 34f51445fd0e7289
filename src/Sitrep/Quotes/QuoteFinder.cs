using Sitrep.Documents;
using Sitrep.Entities;
using Sitrep.Entities.Resolution;
using Sitrep.Text;

namespace Sitrep.Quotes;

/// <summary>
/// What the quote finder reads: the cleaned body, its tokens and sentences, the names found in it with
/// their document entity (<see cref="Mention.Entity"/> indexes <see cref="Entities"/>), and the
/// publication date that relative dates ("on Tuesday") are read against.
/// </summary>
public sealed record QuoteInput(
    string Text,
    Token[] Tokens,
    Sentence[] Sentences,
    IReadOnlyList<Mention> Mentions,
    IReadOnlyList<DocumentEntity> Entities,
    DateOnly? Published)
{
    /// <summary>
    /// The body's temporal expressions as the times stage found them against the same publication date
    /// (<see cref="Time.TimesFeature.Times"/>), which the finder dates quotes from; null to have the finder
    /// find them itself (the same expressions: the stage reads them with the same tagger).
    /// </summary>
    public IReadOnlyList<Time.TimeExpression>? Times { get; init; }
}

/// <summary>
/// Finds who said what in one article: direct quotes in any quotation marks (also over paragraphs,
/// unbalanced marks at best effort), partial quotes, reported speech and attributions of thought and
/// evidence, each with its speaker (names, titles, pronouns and nominals resolved to the article's
/// entities), its cue, where and when the words appeared, and statement numbers; plus the outlets and
/// channels the article cites as sources. A pure function of its input; one instance serves every
/// thread.
/// </summary>
public sealed class QuoteFinder
{
    private readonly CueModel _model;

    public QuoteFinder(CueModel? model = null) => _model = model ?? CueModel.Default;

    public static QuoteFinder Default { get; } = new();

    public QuoteLayer Find(QuoteInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.Text.Length == 0 || input.Tokens.Length == 0)
            return new QuoteLayer([], [], [], input.Entities.Count);
        return new FinderRun(_model, input).Run();
    }
}

/// <summary>How the words naming a speaker or source were read.</summary>
internal enum SourceForm : byte
{
    None,
    Name,
    Pronoun,
    Nominal,
    Channel,
}

/// <summary>One attribution while it is being built: a <see cref="Quote"/> in the making.</summary>
internal sealed class Frame
{
    public int Start;
    public int End;
    public QuoteKind Kind;

    /// <summary>The quoted span (index into <see cref="SpeechView.Spans"/>) the words are in, -1 for reported speech.</summary>
    public int Span = -1;

    /// <summary>The cue's head token, -1 when nothing introduces the words.</summary>
    public int CueToken = -1;
    public int CueStart = -1;
    public int CueEnd = -1;

    public int SourceStart = -1;
    public int SourceEnd = -1;
    public SourceForm SourceForm;
    public int Entity = -1;

    /// <summary>Another frame whose speaker this one continues ("he added", a quote paragraph after a quoted one).</summary>
    public Frame? SpeakerOf;

    /// <summary>The cue hangs on an earlier verb of its sentence ("…, adding", "and said"): its speaker is found once every frame is read.</summary>
    public int InheritAt = -1;

    /// <summary>The speaker was read from the bracketed citation after the quotation.</summary>
    public bool CitedAsSource;

    /// <summary>The cited outlet was read from a bracketed citation ("(X, 31 March)"): an outlet whatever the tagger typed it.</summary>
    public bool CitedInBrackets;

    public int CitedStart = -1;
    public int CitedEnd = -1;
    public int CitedEntity = -1;
    public string? Date;
    public bool DateInferred;

    /// <summary>The frame this one is nested in (a memo quoted in a newspaper's report), or a partial quote's reported sentence.</summary>
    public Frame? Outer;

    /// <summary>A speaker's turn in a transcript ("PENCE: …"): the label names the speaker, no verb introduces the words.</summary>
    public bool Turn;

    /// <summary>The entity the finder already knows the speaker to be (a transcript label matched to a person named in the article), -1 if none.</summary>
    public int KnownEntity = -1;

    /// <summary>The pieces of words split by their own attribution ("“A,” she said. “B.”"), null for one piece; see <see cref="Quote.Parts"/>.</summary>
    public List<Documents.TextRange>? Parts;

    public int Sentence;
    public int Statement;
    public int Index;

    /// <summary>
    /// "X was asked whether …", "X was pressed on …": the one asked, who is not the cue's speaker but answers next; a "he
    /// said" or a quotation after the question goes on with them (see FinderRun.Speakers), -1 if none.
    /// </summary>
    public int AskedStart = -1;
    public int AskedEnd = -1;
    public SourceForm AskedForm;

    public bool HasSource => SourceStart >= 0;

    public override string ToString() => $"[{Start},{End}) {Kind} cue={CueToken} src=[{SourceStart},{SourceEnd}) e={Entity}";
}

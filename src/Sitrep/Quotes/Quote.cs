namespace Sitrep.Quotes;

/// <summary>How the words of a quote are given.</summary>
public enum QuoteKind
{
    /// <summary>In quotation marks, a sentence or more, or introduced by a colon, comma or dash.</summary>
    Direct,

    /// <summary>In quotation marks, a few words inside the writer's own sentence ("warned against “reckless” moves").</summary>
    Partial,

    /// <summary>Reported without quotation marks ("X said that …", "according to X, …"), including thought and evidence ("X believes", "polls show").</summary>
    Indirect,
}

/// <summary>
/// What kind of attribution a quote is, from its cue (resources/lexicons/speech-cue-classes.tsv): words a
/// source said or wrote, or an attribution of thought, of evidence or of a deed, which PolNeAR marks too
/// (and the contract keeps as <see cref="QuoteKind.Indirect"/>) but which report no one's words.
/// </summary>
public enum QuoteAttribution
{
    /// <summary>Words said or written: "said", "told", "wrote", "according to", and every quote without a cue (words in quotation marks given to a speaker, a transcript turn).</summary>
    Speech,

    /// <summary>What a source thinks, knows, feels, wants, expects or fears: "believes", "we know", "hopes", "is expected to".</summary>
    Thought,

    /// <summary>How a thing seems or what evidence shows, no one's words: "seems", "it appears that", "polls show".</summary>
    Evidential,

    /// <summary>A deed whose object is a thing done, not words: "nominated", "signed", "voted for", "tried to".</summary>
    Action,
}

/// <summary>
/// Words of the body that name a speaker or a source, and what they name: <see cref="Entity"/> is an
/// index into the document's entities, or, when it is at least their count, into
/// <see cref="QuoteLayer.Channels"/> (minus that count); -1 when the words name nothing the
/// article names elsewhere ("officials", an unresolved "he"). See <see cref="QuoteLayer.ChannelBase"/>.
/// </summary>
public sealed record QuoteRef(int Start, int End, int Entity);

/// <summary>
/// Where and when the words appeared or were said, as far as the article says. <see cref="Source"/> is
/// null when only the date is known ("in a statement on Tuesday"). <see cref="Date"/> is an ISO date
/// ("2020-03-31"), a TIMEX3-style value without the year ("XXXX-03-31") when the article never gives
/// it, or null; <see cref="DateInferred"/> is true when the date was not written beside these words but
/// taken from another quote of the same statement.
/// </summary>
public sealed record QuoteCitation(QuoteRef? Source, string? Date, bool DateInferred = false);

/// <summary>
/// One attribution: the quoted or reported words (without quotation marks), how they are given, who
/// said them, the verb or phrase that introduces them, where and when they appeared, the statement
/// they belong to (quotes of one speaker on one occasion share a number, from 1), and for nested
/// speech the index of the outer quote in <see cref="QuoteLayer.Quotes"/> (-1 when none).
/// <see cref="Parts"/> is null for words told in one piece; for words split by their own attribution
/// ("“A,” she said. “B.”", "A, Mr. Y said, B") it holds the pieces in text order, and
/// <see cref="Start"/>..<see cref="End"/> is the stretch from the first piece to the last, the
/// attribution between them included. <see cref="Attribution"/> tells words said from thought, evidence
/// and deeds (read from the cue).
/// </summary>
public sealed record Quote(
    int Start,
    int End,
    QuoteKind Kind,
    QuoteRef? Speaker,
    Documents.TextRange? Cue,
    QuoteCitation? Cited,
    int Statement,
    int Within = -1,
    IReadOnlyList<Documents.TextRange>? Parts = null,
    QuoteAttribution Attribution = QuoteAttribution.Speech)
{
    /// <summary>Whether the quote reports words said or written (not a thought, evidence or a deed).</summary>
    public bool IsSpeech => Attribution == QuoteAttribution.Speech;

    /// <summary>The characters from <see cref="Start"/> to <see cref="End"/>, for a quote in parts the attribution between them too.</summary>
    public string Text(string body) => body[Start..End];

    /// <summary>The quoted or reported words only: the pieces of a quote in parts joined by " … ", else <see cref="Text"/>.</summary>
    public string Words(string body)
    {
        ArgumentNullException.ThrowIfNull(body);
        return Parts is null ? Text(body) : string.Join(" … ", Parts.Select(p => body[p.Start..p.End]));
    }

    /// <summary>The pieces of the words: <see cref="Parts"/>, or the one stretch <see cref="Start"/>..<see cref="End"/>.</summary>
    public IReadOnlyList<Documents.TextRange> Pieces => Parts ?? [new Documents.TextRange(Start, End)];

    /// <summary>Equal fields, the parts compared piece by piece (a record compares lists by reference).</summary>
    public bool Equals(Quote? other) =>
        other is not null && Start == other.Start && End == other.End && Kind == other.Kind && Equals(Speaker, other.Speaker)
        && Cue == other.Cue && Equals(Cited, other.Cited) && Statement == other.Statement && Within == other.Within
        && Attribution == other.Attribution
        && (Parts is null ? other.Parts is null : other.Parts is not null && Parts.SequenceEqual(other.Parts));

    public override int GetHashCode() => HashCode.Combine(Start, End, Kind, Speaker, Cue, Cited, Statement, HashCode.Combine(Within, Parts?.Count ?? 0, Attribution));

    /// <summary>Whether [<paramref name="start"/>, <paramref name="end"/>) lies inside one piece of the words (not in the attribution between two parts).</summary>
    public bool Holds(int start, int end)
    {
        if (Parts is null)
            return Start <= start && end <= End;
        foreach (var p in Parts)
        {
            if (p.Start <= start && end <= p.End)
                return true;
        }
        return false;
    }
}

/// <summary>
/// An outlet or channel the words appeared in that the name tagger did not find as a mention: "Twitter"
/// (or the verb "tweeted" that names it), "his official website", an outlet written in short
/// ("NYTimes"). One entity of type MEDIA named <see cref="Name"/>, with the words that name it in the
/// body (<see cref="Spans"/>, in text order), which are its mentions.
/// </summary>
public sealed record QuoteChannel(string Name, IReadOnlyList<Documents.TextRange> Spans);

/// <summary>
/// The quote layer of one document: its quotes in text order, the outlets and channels it names as
/// its sources (<see cref="Cites"/>, entity indexes as in <see cref="QuoteRef.Entity"/>), and the
/// channels it found that are not among the document's mentions. <see cref="ChannelBase"/> is the
/// number of document entities the finder was given: entity index <c>ChannelBase + i</c> is
/// <c>Channels[i]</c>, so appending the channels to the document's entities in order (and their spans to
/// its mentions) makes every index of the layer a plain entity index.
/// </summary>
public sealed record QuoteLayer(IReadOnlyList<Quote> Quotes, IReadOnlyList<int> Cites, IReadOnlyList<QuoteChannel> Channels, int ChannelBase)
{
    public static QuoteLayer Empty { get; } = new([], [], [], 0);

    /// <summary>The channel an entity index names, or null when it is one of the document's own entities.</summary>
    public QuoteChannel? ChannelOf(int entity) =>
        entity >= ChannelBase && entity - ChannelBase < Channels.Count ? Channels[entity - ChannelBase] : null;
}

using Sitrep.Documents;
using Sitrep.Text;

namespace Sitrep.Quotes;

/// <summary>
/// The finder's work on one document. Order: score cue words; attribute each quotation (a cue after
/// it, before it, a colon or dash introducing it, a cue earlier in its sentence); read reported speech
/// from the remaining cues; attribute what is left (inside a reported sentence, a cited outlet, the
/// previous speaker); resolve speakers; find where and when the words appeared; number statements.
/// </summary>
internal sealed partial class FinderRun
{
    /// <summary>Above this summed pattern weight a lexicon word is a cue.</summary>
    /// <summary>
    /// Above this summed pattern weight a lexicon word is a cue. Below zero on purpose: on the held-out
    /// tenth of PolNeAR train, -2 found more attributions (content overlap F1 0.703 at 0, 0.717 at -2)
    /// at the same exact F1, for slightly weaker speakers (source accuracy 0.845 → 0.832).
    /// </summary>
    private const float Threshold = -2f;

    /// <summary>Right after a closing quotation mark a weaker cue will do: "…,” she wrote.</summary>
    private const float AdjacentThreshold = -3f;

    private readonly CueModel _model;
    private readonly QuoteInput _input;
    private readonly SpeechView _view;
    private readonly string _text;
    private readonly Token[] _tokens;
    private readonly float[] _score;
    private readonly bool[] _used;
    private readonly List<Frame> _frames = [];
    private readonly List<QuoteChannel> _channels = [];
    private readonly List<int> _extraCites = [];

    public FinderRun(CueModel model, QuoteInput input)
    {
        _model = model;
        _input = input;
        _text = input.Text;
        _tokens = input.Tokens;
        // The thread's arrays of its last document, reused: each would otherwise be made per article.
        _arrays = ViewArrays.Rent();
        _view = new SpeechView(input.Text, input.Tokens, input.Sentences, input.Mentions, _arrays);
        // Every score is written before any is read (ScoreCues); the use marks are cleared.
        _score = _arrays.Score;
        _used = _arrays.Used;
        Array.Clear(_used, 0, _tokens.Length);
    }

    private readonly ViewArrays _arrays;

    public QuoteLayer Run()
    {
        try
        {
            return RunOnce();
        }
        finally
        {
            ViewArrays.Return(_arrays);
        }
    }

    private QuoteLayer RunOnce()
    {
        ScoreCues();
        FindQuotedFrames();
        FindReportedFrames();
        ResolveInherited();
        AttributeRemainingQuotes();
        FindTranscriptTurns();
        FindHeadlineLabel();
        // After the quotations are attributed: a poll is no speaker for a later quotation.
        FindFindingOpeners();
        DropNonSpeakers();
        Prune();
        _frames.Sort(static (a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : b.End.CompareTo(a.End));
        for (int i = 0; i < _frames.Count; i++)
            _frames[i].Index = i;
        FindPlaces();
        ResolveSpeakers();
        FindCitations();
        JoinParts();
        AssignStatements();
        return Build();
    }

    private void ScoreCues()
    {
        Span<char> buffer = stackalloc char[40];
        for (int t = 0; t < _tokens.Length; t++)
        {
            _score[t] = float.NaN;
            if (!_view.IsWord(t) || _view.TokenMention[t] >= 0)
                continue;
            var lower = _view.Lower(t, buffer.Length);
            if (_model.Cue(lower) is not { } cue)
                continue;
            _score[t] = _model.Score(_view, t, cue);
            if (_score[t] <= Threshold && ClosingVerbAfterNounPhrase(t, cue.Stats))
                _score[t] = Threshold + 0.5f;
        }
    }

    /// <summary>
    /// "…, the Post reports.", "…, the newspaper reports.": a word in "-s" that is mostly a plural noun ("reports": 19
    /// cue uses of 87 in PolNeAR train) is the verb when it closes its sentence right after a short noun phrase that
    /// opens after a comma with a determiner or a capital; the learned patterns read "the … reports" as a noun
    /// phrase, so the trailing attribution was lost (allsides sample: 16 of 32 "…, the X reports." lost, none with
    /// "…, X reports." or "…, the X reported."). Only for a word that heads 15 attributions or more with their source
    /// before it and no object ("reports", "claims", "shows"; not "points", "…, a swing of eight points.").
    /// </summary>
    private bool ClosingVerbAfterNounPhrase(int t, CueStats? stats)
    {
        if (stats is not { Cue: >= 15, SourceBefore: >= 0.75f, Object: < 0.3f } || t + 1 >= _tokens.Length || !IsSentenceEndPunct(t + 1))
            return false;
        var w = _view.Word(t);
        if (w.Length < 4 || w[^1] != 's' || char.IsUpper(w[0]) || _view.SentenceEnd(t) != t + 2 && _view.SentenceEnd(t) != t + 1)
            return false;
        int s0 = _view.SentenceStart(t);
        for (int p = t - 1; p > s0 && t - p <= 7; p--)
        {
            if (IsComma(p))
                return p + 1 < t && (WordIn(p + 1, SpeechWords.Determiners) || _view.IsCapitalised(p + 1)) && !WordIn(p + 1, SpeechWords.PersonalPronouns);
            if (_view.IsWord(p) ? WordIn(p, SpeechWords.PhraseStops) || WordIn(p, SpeechWords.Relatives) : _tokens[p].Kind is TokenKind.Quote or TokenKind.Dash || IsPunct(p, ';') || IsPunct(p, ':'))
                return false;
        }
        return false;
    }

    /// <summary>
    /// One reading of each stretch of words. A reported frame inside another frame's words stays as
    /// nested speech only when a strong speech cue introduces it ("the memo said"); weaker cues there
    /// ("support", "announced") are part of the outer words. A one-word quotation inside reported
    /// speech is a term, not a quote. Of two frames whose words cross, the quotation or the stronger
    /// cue stays. A reported sentence that is all quoted words is told by its quotations (which
    /// carry its speaker and cue); with words of its own around them it stays, and they nest in it.
    /// </summary>
    private void Prune()
    {
        NestFrames();
        if (SplitSiblings())
        {
            foreach (var f in _frames)
                f.Outer = null;
            NestFrames();
        }
        _frames.RemoveAll(f => f.Outer is { } outer && f.Span < 0 && !IsStrongSpeechCue(f.CueToken));
        _frames.RemoveAll(f => f.Outer is { Span: < 0 } && f.Kind == QuoteKind.Partial && WordCount(f.Start, f.End) < 2);
        var quoted = new Dictionary<Frame, List<Frame>>();
        foreach (var f in _frames)
        {
            if (f.Span >= 0 && f.Outer is { Span: < 0 } outer)
            {
                if (!quoted.TryGetValue(outer, out var inner))
                    quoted[outer] = inner = [];
                inner.Add(f);
            }
        }
        // Only when its quotations leave no words of their own (a "that", an "as", punctuation) is the
        // reported sentence told by them alone: a clause around a partial quote ("X said heroin is now
        // “cheaper than candy”", "called him “a total stiff”", "says Ali “walked the walk”") is the
        // reported content, as PolNeAR train marks it (its subject or object too), and the quote nests in it.
        _frames.RemoveAll(f => !f.Turn && quoted.TryGetValue(f, out var inner) && !WordsOutside(f, inner));
        var dropped = new HashSet<Frame>();
        // Only frames starting inside f can cross it: found by start, then visited in list order as
        // the all-pairs scan visits them (so the same frames are dropped), not 10^10 pairs for an
        // article of 100,000 sentences.
        var order = ByStart();
        var inside = new List<int>();
        foreach (var f in _frames)
        {
            inside.Clear();
            for (int k = LastStartAtOrBefore(order, f.Start) + 1; k < order.Length && _frames[order[k]].Start < f.End; k++)
                inside.Add(order[k]);
            inside.Sort();
            foreach (int j in inside)
            {
                var g = _frames[j];
                if (ReferenceEquals(f, g) || dropped.Contains(f) || dropped.Contains(g))
                    continue;
                bool cross = f.Start < g.Start && g.Start < f.End && f.End < g.End;
                if (!cross)
                    continue;
                // "Dolan has said that he would “shut the agency down. I do not know if …”": the reported
                // clause ends with its sentence inside a quotation of the same cue that goes on past it; the
                // words reported are the clause and the whole quotation, which nests in them (PolNeAR train
                // marks the clause through the closing mark; before, the clause was dropped for the quotation).
                if (ReportedThroughQuotation(f, g))
                {
                    f.End = g.End;
                    continue;
                }
                dropped.Add(Weaker(f, g));
            }
        }
        _frames.RemoveAll(dropped.Contains);
        foreach (var f in _frames)
            f.Outer = null;
        NestFrames();
    }

    /// <summary>
    /// Reported frame <paramref name="f"/> is crossed by partial quote <paramref name="g"/> of the same cue word:
    /// its words run into the quotation and stop where a sentence inside the quotation ends. Not when a comma, a
    /// colon, a dash or a bracket stands before the opening mark ("told Fox News, “So …”", "writes in her column —
    /// “…”"): the quotation is then introduced as words of its own, not continued from the clause (PolNeAR train:
    /// with the comma 3 made exact against 4 lost; allsides sample: dashes and brackets introduced the quotation).
    /// </summary>
    private bool ReportedThroughQuotation(Frame f, Frame g)
    {
        if (!(f.Span < 0 && !f.Turn && f.Parts is null && g.Span >= 0 && !g.Turn && g.Kind == QuoteKind.Partial && f.CueToken >= 0 && g.CueToken == f.CueToken))
            return false;
        int i = g.Start - 1;
        while (i > f.Start && (char.IsWhiteSpace(_text[i]) || _text[i] is '"' or '\'' or '\u201C' or '\u201D' or '\u2018' or '\u2019' or '`' or '\u00AB' or '\u00BB'))
            i--;
        return i > f.Start && _text[i] is not (',' or ':' or '(' or '-' or '\u2013' or '\u2014');
    }

    /// <summary>Words of a reported frame outside its quotations other than the linking "that", "as", "whether".</summary>
    private bool WordsOutside(Frame outer, List<Frame> inner)
    {
        int first = _view.FirstTokenAtOrAfter(outer.Start);
        for (int t = first; t < _tokens.Length && _tokens[t].Start < outer.End; t++)
        {
            if (!_view.IsWord(t) || WordIs(t, "that") || WordIs(t, "as") || WordIs(t, "whether"))
                continue;
            int at = _tokens[t].Start;
            if (!inner.Exists(q => q.Start <= at && at < q.End))
                return true;
        }
        return false;
    }

    private Frame Weaker(Frame a, Frame b)
    {
        // A transcript turn is the layout of the page itself: a quotation mark left open across it does not outweigh it.
        if (a.Turn != b.Turn)
            return a.Turn ? b : a;
        if ((a.Span >= 0) != (b.Span >= 0))
            return a.Span >= 0 ? b : a;
        float sa = a.CueToken >= 0 ? _score[a.CueToken] : -100, sb = b.CueToken >= 0 ? _score[b.CueToken] : -100;
        return sa >= sb ? b : a;
    }

    /// <summary>A verb of saying that introduces speech nearly every time it is used ("said", "told", "wrote", "according to").</summary>
    private bool IsStrongSpeechCue(int t) => t >= 0 && StatsOf(t) is { Cue: >= 20 } s && s.Share >= 0.6f;

    private bool IsCue(int t) => t >= 0 && t < _tokens.Length && _score[t] > Threshold;

    private bool IsLooseCue(int t) => t >= 0 && t < _tokens.Length && _score[t] > AdjacentThreshold;

    private CueStats? StatsOf(int t)
    {
        // A word outside names was looked up when the cues were scored: one without a score is no cue word.
        if (_view.IsWord(t) && _view.TokenMention[t] < 0 && float.IsNaN(_score[t]))
            return null;
        Span<char> buffer = stackalloc char[40];
        return _model.Stats(_view.Lower(t, buffer.Length));
    }

    private bool WordIs(int t, string lower) => t >= 0 && t < _tokens.Length && _view.Word(t).Equals(lower, StringComparison.OrdinalIgnoreCase);

    /// <summary>Whether token <paramref name="t"/> is a word of <paramref name="set"/> (one compared ignoring case), as <see cref="WordIs"/> for each of its words.</summary>
    private bool WordIsAny(int t, System.Collections.Frozen.FrozenSet<string> set) =>
        t >= 0 && t < _tokens.Length && set.GetAlternateLookup<ReadOnlySpan<char>>().Contains(_view.Word(t));

    private bool WordIn(int t, System.Collections.Frozen.FrozenSet<string> set)
    {
        if (t < 0 || t >= _tokens.Length || !_view.IsWord(t))
            return false;
        Span<char> buffer = stackalloc char[40];
        return set.GetAlternateLookup<ReadOnlySpan<char>>().Contains(_view.Lower(t, buffer.Length));
    }

    /// <summary><see cref="WordIn(int, System.Collections.Frozen.FrozenSet{string})"/> with the set's span look-up taken once, for the sets asked of (nearly) every word.</summary>
    private bool WordIn(int t, in System.Collections.Frozen.FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> set)
    {
        if (t < 0 || t >= _tokens.Length || !_view.IsWord(t))
            return false;
        return set.Contains(_view.Lower(t, 40));
    }

    private static readonly System.Collections.Frozen.FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> EvidentialAdverbs = SpeechWords.EvidentialAdverbs.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly System.Collections.Frozen.FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Weekdays = SpeechWords.Weekdays.GetAlternateLookup<ReadOnlySpan<char>>();

    private bool IsPunct(int t, char c) => _view.IsPunct(t, c);

    private bool IsComma(int t) => IsPunct(t, ',');

    private bool IsDash(int t) => t >= 0 && t < _tokens.Length && _tokens[t].Kind == TokenKind.Dash;

    private bool IsSentenceEndPunct(int t) =>
        t >= 0 && t < _tokens.Length && _tokens[t].Kind == TokenKind.Punctuation && _text[_tokens[t].Start] is '.' or '!' or '?';

    private int ParagraphOf(int t) => _view.Sentences.Length == 0 ? 0 : _view.ParagraphOfSentence[_view.TokenSentence[t]];

    private int SentenceOf(int t) => _view.Sentences.Length == 0 ? 0 : _view.TokenSentence[t];

    /// <summary>The characters of tokens [a, b), trimmed of spaces and of the punctuation that ends a clause.</summary>
    private (int Start, int End) Words(int a, int b)
    {
        // A closing bracket whose opening one is not in the words (a bracketed sentence around them,
        // "(Trump has said he is open to it.)") is no part of them, nor an opening one left unclosed.
        while (b > a && (_tokens[b - 1].Kind is TokenKind.Punctuation or TokenKind.Dash || (_tokens[b - 1].Kind == TokenKind.Quote && _view.MarkRole[b - 1] != 2) || UnbalancedBracket(a, b, b - 1)))
            b--;
        while (a < b && (_tokens[a].Kind is TokenKind.Punctuation or TokenKind.Dash || UnbalancedBracket(a, b, a)))
            a++;
        if (a >= b)
            return (-1, -1);
        return (_tokens[a].Start, _tokens[b - 1].End);
    }

    /// <summary>Token <paramref name="t"/> is a round or square bracket with no partner in tokens <paramref name="a"/>..<paramref name="b"/>.</summary>
    private bool UnbalancedBracket(int a, int b, int t)
    {
        if (_tokens[t].Kind != TokenKind.Bracket)
            return false;
        char c = _text[_tokens[t].Start];
        char open = c is ')' or '(' ? '(' : c is ']' or '[' ? '[' : '\0';
        if (open == '\0')
            return false;
        char close = open == '(' ? ')' : ']';
        int depth = 0;
        if (c == close)
        {
            for (int i = t - 1; i >= a; i--)
            {
                if (_tokens[i].Kind != TokenKind.Bracket)
                    continue;
                char x = _text[_tokens[i].Start];
                if (x == close)
                    depth++;
                else if (x == open && depth-- == 0)
                    return false;
            }
            return true;
        }
        for (int i = t + 1; i < b; i++)
        {
            if (_tokens[i].Kind != TokenKind.Bracket)
                continue;
            char x = _text[_tokens[i].Start];
            if (x == open)
                depth++;
            else if (x == close && depth-- == 0)
                return false;
        }
        return true;
    }

    /// <summary>
    /// The cue's class (<see cref="CueClasses"/>), but for "seemed to concede", "appeared to blame", "seems to
    /// believe" the verb after the raising verb decides: the writer's inference about a speech act or a belief
    /// is still that speech act or belief (PolNeAR marks the whole chain as one cue). The verb's own class from
    /// the lexicon when it lists one (thought, action, evidence); speech when it is a word that heads an
    /// attribution in PolNeAR train at least once in twenty uses (speech-cues.tsv: "concede", "blame", "rule"
    /// out, "suggest"); else the raising verb stays evidential ("appears to be", "seemed to translate").
    /// </summary>
    private QuoteAttribution AttributionOf(TextRange? cue)
    {
        var cls = CueClasses.Of(_text, cue);
        if (cls != QuoteAttribution.Evidential || cue is not { } c)
            return cls;
        // The raising verb within the cue ("seemed", "also appeared"; the cue may run on to the verb after it).
        int t = _view.FirstTokenAtOrAfter(c.Start);
        while (t < _tokens.Length && _tokens[t].Start < c.End && !WordIn(t, RaisingVerbs))
            t++;
        if (t >= _tokens.Length || _tokens[t].Start >= c.End)
            return cls;
        int v = t + 1;
        if (v < _tokens.Length && _view.IsWord(v) && _view.Word(v).EndsWith("ly", StringComparison.OrdinalIgnoreCase))
            v++;
        if (!WordIs(v, "to"))
            return cls;
        v++;
        if (v < _tokens.Length && _view.IsWord(v) && _view.Word(v).EndsWith("ly", StringComparison.OrdinalIgnoreCase))
            v++;
        if (v >= _tokens.Length || !_view.IsWord(v) || _view.TokenQuote[v] != _view.TokenQuote[t])
            return cls;
        var word = _view.Lower(v).ToString();
        // "seems to have lost", "appeared to be doing": an auxiliary keeps the appearance.
        if (CueClasses.IsAuxiliary(word))
            return cls;
        if (CueClasses.ListedClass(word) is { } own)
            return own;
        // "appeared to put principle before …": a light verb takes its sense from its object, not from saying.
        if (LightVerbs.Contains(word))
            return cls;
        return _model.Lexicon.TryGetValue(word, out var stats) && stats.Share >= 0.05f ? QuoteAttribution.Speech : cls;
    }

    /// <summary>Light (support) verbs, a closed class: their object carries the sense ("put X to rest", "take a swipe").</summary>
    private static readonly System.Collections.Frozen.FrozenSet<string> LightVerbs = System.Collections.Frozen.FrozenSet.ToFrozenSet(
        ["put", "take", "make", "give", "get", "keep", "set", "bring", "hold", "go", "come", "do"], StringComparer.Ordinal);

    /// <summary>Raising verbs of appearance (VerbNet seem-109), whose infinitive carries what is attributed.</summary>
    private static readonly System.Collections.Frozen.FrozenSet<string> RaisingVerbs = System.Collections.Frozen.FrozenSet.ToFrozenSet(
        ["seem", "seems", "seemed", "seeming", "appear", "appears", "appeared", "appearing"], StringComparer.Ordinal);

    private QuoteLayer Build()
    {
        // Channels no quote kept (a speaker that became the outlet its citation names) are dropped.
        int baseIndex = _input.Entities.Count;
        var remap = new int[_channels.Count];
        Array.Fill(remap, -1);
        foreach (var f in _frames)
        {
            foreach (int e in (ReadOnlySpan<int>)[f.Entity, f.CitedEntity])
            {
                if (e >= baseIndex)
                    remap[e - baseIndex] = 0;
            }
        }
        var channels = new List<QuoteChannel>();
        for (int i = 0; i < remap.Length; i++)
        {
            if (remap[i] < 0)
                continue;
            remap[i] = baseIndex + channels.Count;
            channels.Add(new QuoteChannel(_channels[i].Name, [.. _channels[i].Spans.OrderBy(r => r.Start)]));
        }
        int Map(int e) => e >= baseIndex ? remap[e - baseIndex] : e;

        var quotes = new List<Quote>(_frames.Count);
        var cites = new SortedSet<int>();
        foreach (var f in _frames)
        {
            QuoteRef? speaker = f.HasSource ? new QuoteRef(f.SourceStart, f.SourceEnd, Map(f.Entity)) : null;
            TextRange? cue = f.CueStart >= 0 ? new TextRange(f.CueStart, f.CueEnd) : null;
            QuoteCitation? cited = null;
            if (f.CitedStart >= 0 || f.Date is not null)
                cited = new QuoteCitation(f.CitedStart >= 0 ? new QuoteRef(f.CitedStart, f.CitedEnd, Map(f.CitedEntity)) : null, f.Date, f.DateInferred);
            // What kind of attribution it is (said, thought, evidence, a deed) is read from the cue alone, after
            // every other decision: it adds a label and changes no quote (PolNeAR marks all of them).
            quotes.Add(new Quote(f.Start, f.End, f.Kind, speaker, cue, cited, f.Statement, f.Outer?.Index ?? -1, f.Parts, AttributionOf(cue)));
            if (f.CitedEntity >= 0)
                cites.Add(Map(f.CitedEntity));
        }
        foreach (int c in _extraCites)
        {
            if (Map(c) >= 0)
                cites.Add(Map(c));
        }
        return new QuoteLayer(quotes, [.. cites], channels, baseIndex);
    }
}

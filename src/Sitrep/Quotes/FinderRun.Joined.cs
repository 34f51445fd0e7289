using Sitrep.Documents;

namespace Sitrep.Quotes;

internal sealed partial class FinderRun
{
    /// <summary>
    /// Words split by their own attribution are one attribution in two parts: "“A,” she said. “B.”",
    /// "“A,” said X, a spokesman. “B.”", "A, Mr. Y said, B". Two frames join when the attribution of
    /// the first (its cue and its speaker) stands between them, in one paragraph, with no other
    /// frame's words in the gap, and the second is told by that same attribution: either the same cue
    /// reads both halves, or the second is a quotation with no cue of its own that continues the first
    /// one's speaker. A quotation with a cue or a speaker of its own ("“C,” Y replied.") stays apart,
    /// as does one after a new paragraph, and a few quoted words under the same cue (a name or term).
    /// PolNeAR marks such words as one content (2,246 of its train contents are split by their own
    /// source, 1,509 of them by a quotation's attribution). On train 1,329 pairs join here, 1,321 of
    /// them halves of one gold content (with the reported "A, he said, B" of <see cref="Continuation"/>,
    /// 1,518 quotes in two parts, 1,472 one gold content); content overlap F1 0.775 → 0.802 (P 0.745 →
    /// 0.795, recall 0.808 both), dev 0.712 → 0.733.
    /// </summary>
    private void JoinParts()
    {
        if (_frames.Count < 2)
            return;
        var joined = new Dictionary<Frame, Frame>();
        for (int i = 0; i < _frames.Count; i++)
        {
            var f = _frames[i];
            if (joined.ContainsKey(f) || f.Parts is not null || !Joinable(f))
                continue;
            var g = NextTopFrame(i);
            if (g is null || !JoinsWith(f, g))
                continue;
            f.Parts = [new TextRange(f.Start, f.End), new TextRange(g.Start, g.End)];
            if (f.Kind != QuoteKind.Direct && g.Kind == QuoteKind.Direct)
                f.Kind = QuoteKind.Direct;
            f.End = g.End;
            if (f.CitedStart < 0 && g.CitedStart >= 0)
            {
                f.CitedStart = g.CitedStart;
                f.CitedEnd = g.CitedEnd;
                f.CitedEntity = g.CitedEntity;
                f.CitedInBrackets = g.CitedInBrackets;
            }
            if (f.Date is null && g.Date is not null)
            {
                f.Date = g.Date;
                f.DateInferred = g.DateInferred;
            }
            joined[g] = f;
        }
        if (joined.Count == 0)
            return;
        foreach (var h in _frames)
        {
            // Words nested in the second half now nest in the joined attribution.
            if (h.Outer is { } outer && joined.TryGetValue(outer, out var into))
                h.Outer = into;
            if (h.SpeakerOf is { } of && joined.TryGetValue(of, out var by))
                h.SpeakerOf = by;
        }
        _frames.RemoveAll(joined.ContainsKey);
        for (int i = 0; i < _frames.Count; i++)
            _frames[i].Index = i;
    }

    /// <summary>A top-level frame with a cue and a speaker both after its words (a transcript turn has neither).</summary>
    private static bool Joinable(Frame f) =>
        f.Outer is null && !f.Turn && f.HasSource && f.CueStart >= f.End && f.SourceStart >= f.End;

    /// <summary>The first top-level frame that starts at or after <paramref name="i"/>'s end, or null when another top-level frame starts in between.</summary>
    private Frame? NextTopFrame(int i)
    {
        var f = _frames[i];
        for (int k = i + 1; k < _frames.Count; k++)
        {
            var g = _frames[k];
            if (g.Start < f.End && g.Outer is not null)
                continue; // nested in f
            if (g.Start < f.End)
                return null; // crosses or sits inside f without nesting
            return g.Outer is null ? g : null;
        }
        return null;
    }

    private bool JoinsWith(Frame f, Frame g)
    {
        if (g.Turn || g.Parts is not null || !g.HasSource || g.SourceStart != f.SourceStart || g.SourceEnd != f.SourceEnd)
            return false;
        int attributionEnd = Math.Max(f.CueEnd, f.SourceEnd);
        if (g.Start < attributionEnd)
            return false;
        // One paragraph: a quotation in the next paragraph is the same speaker going on, told apart.
        if (_text.AsSpan(f.End, g.Start - f.End).IndexOfAny('\n', '\r') >= 0)
            return false;
        // A few quoted words under the same cue are a name or a term the words mention ("said on
        // “This Week” that …", "…, he said of “Little Marco”"), not a half of them.
        bool sameCue = g.CueToken >= 0 && g.CueToken == f.CueToken && f.Kind != QuoteKind.Partial && g.Kind != QuoteKind.Partial;
        // A quotation the finder gave the previous speaker but that a cue of its own follows
        // ("“…,” opposition leader X replied.", its speaker missed) is another speaker's: not joined.
        bool continues = g.CueStart < 0 && f.Kind == QuoteKind.Direct && g.Kind == QuoteKind.Direct && !CueAfterQuotation(g);
        return sameCue || continues;
    }

    /// <summary>A cue word within a few tokens after the quotation's closing mark, in its sentence.</summary>
    private bool CueAfterQuotation(Frame g)
    {
        if (g.Span < 0 || !_view.Spans[g.Span].Closed)
            return false;
        int close = _view.LastTokenBefore(_view.Spans[g.Span].Outer);
        int sentence = SentenceOf(close);
        for (int k = close + 1; k < _tokens.Length && k <= close + 8; k++)
        {
            if (SentenceOf(k) != sentence || IsSentenceEndPunct(k) || _view.MarkRole[k] == 1)
                return false;
            if (IsLooseCue(k) && _view.TokenQuote[k] < 0)
                return true;
        }
        return false;
    }
}

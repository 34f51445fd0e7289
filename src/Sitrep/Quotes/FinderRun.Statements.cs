namespace Sitrep.Quotes;

internal sealed partial class FinderRun
{
    private sealed class Statement
    {
        public required string Key;
        public int CitedEntity = -1;
        public string? Date;
        public readonly List<Frame> Members = [];
    }

    /// <summary>
    /// Quotes of one speaker on one occasion share a statement: same speaker, and no different outlet or
    /// date written for them. A statement's outlet and date then hold for all its quotes (a date taken
    /// from another quote of the statement is flagged as inferred).
    /// </summary>
    /// <summary>"The statement said", "the message added": words told as more of a statement already reported.</summary>
    private bool PointsBack(Frame f)
    {
        if (f.SourceForm != SourceForm.Nominal || f.SourceStart < 0)
            return false;
        int head = _view.LastTokenBefore(f.SourceEnd);
        Span<char> buffer = stackalloc char[40];
        return WordIs(_view.FirstTokenAtOrAfter(f.SourceStart), "the")
            && SpeechWords.Nominals.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(CueFeatures.Lower(_view.Word(head), buffer), out var kind) && kind == NominalKind.Statement;
    }

    /// <summary>
    /// The cue of <paramref name="f"/> is set at another time than what was told before it: "later",
    /// "earlier", "previously" or "once" within three words of the cue, outside the quoted words; not
    /// "later in …" / "earlier in …" ("later in the interview" is the same occasion).
    /// </summary>
    private bool ToldAtAnotherTime(Frame f)
    {
        int cue = f.CueToken;
        if (cue < 0)
            return false;
        int s0 = _view.SentenceStart(cue), s1 = _view.SentenceEnd(cue);
        for (int k = Math.Max(s0, cue - 3); k <= cue + 3 && k < s1; k++)
        {
            if (k == cue || _view.TokenQuote[k] >= 0 || (_tokens[k].Start >= f.Start && _tokens[k].End <= f.End))
                continue;
            if ((WordIs(k, "later") || WordIs(k, "earlier")) && !WordIs(k + 1, "in") && !WordIs(k + 1, "that"))
                return true;
            if (WordIs(k, "previously") || (WordIs(k, "once") && k < cue))
                return true;
        }
        return false;
    }

    private int ParagraphAt(int offset) => ParagraphOf(Math.Min(_view.FirstTokenAtOrAfter(offset), _tokens.Length - 1));

    private void AssignStatements()
    {
        var statements = new List<Statement>();
        foreach (var f in _frames)
        {
            string key = f.Entity >= 0 ? "e" + f.Entity.ToString(System.Globalization.CultureInfo.InvariantCulture)
                : f.HasSource && f.SourceForm != SourceForm.Pronoun ? "t" + _text[f.SourceStart..f.SourceEnd].ToLowerInvariant()
                : "f" + f.Index.ToString(System.Globalization.CultureInfo.InvariantCulture);
            Statement? found = null;
            for (int i = statements.Count - 1; i >= 0; i--)
            {
                var s = statements[i];
                if (s.Key != key)
                    continue;
                if ((s.CitedEntity >= 0 && f.CitedEntity >= 0 && s.CitedEntity != f.CitedEntity) || (s.Date is not null && f.Date is not null && s.Date != f.Date))
                    continue;
                // Near each other, or told of the same outlet or date: one occasion.
                var last = s.Members[^1];
                bool near = ParagraphAt(f.Start) - ParagraphAt(last.Start) <= 1;
                // Turns of one transcript are one interview or debate however far apart.
                bool sameOccasion = (s.CitedEntity >= 0 && s.CitedEntity == f.CitedEntity) || (s.Date is not null && s.Date == f.Date) || PointsBack(f)
                    || f.Turn && last.Turn;
                if (!near && !sameOccasion)
                    continue;
                // "X later said …", "X said earlier this year …": told as another time than the quotes before.
                if (!sameOccasion && !PointsBack(f) && ToldAtAnotherTime(f))
                    continue;
                found = s;
                break;
            }
            if (found is null)
            {
                found = new Statement { Key = key };
                statements.Add(found);
            }
            found.Members.Add(f);
            if (found.CitedEntity < 0 && f.CitedEntity >= 0)
                found.CitedEntity = f.CitedEntity;
            found.Date ??= f.Date;
        }
        for (int i = 0; i < statements.Count; i++)
        {
            var s = statements[i];
            var cited = s.Members.Find(m => m.CitedEntity >= 0);
            foreach (var m in s.Members)
            {
                m.Statement = i + 1;
                if (m.CitedStart < 0 && cited is not null)
                {
                    m.CitedStart = cited.CitedStart;
                    m.CitedEnd = cited.CitedEnd;
                    m.CitedEntity = cited.CitedEntity;
                }
                if (m.Date is null && s.Date is not null)
                {
                    m.Date = s.Date;
                    m.DateInferred = true;
                }
            }
        }
    }
}

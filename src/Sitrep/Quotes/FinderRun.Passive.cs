namespace Sitrep.Quotes;

internal sealed partial class FinderRun
{
    /// <summary>Words that open a clause inside a sentence; the subject of a passive starts after them.</summary>
    private static readonly System.Collections.Frozen.FrozenSet<string> ClauseOpeners = System.Collections.Frozen.FrozenSet.ToFrozenSet(
        ["and", "but", "or", "where", "whenever", "wherever", "as", "once", "until", "because", "although", "though", "while", "when", "whereas", "since", "after", "before", "if", "unless", "so", "yet"], StringComparer.Ordinal);

    /// <summary>
    /// "The plan was rejected by 60 percent of voters.", "Her bid was backed by the party's leaders,
    /// …", "…, as reported by the Post.": a passive cue with its agent after "by". The agent is the
    /// source and what the passive is about is the content: the subject before the auxiliary, or the
    /// clause before the comma of "as reported by". PolNeAR train marks it so (the words after the agent
    /// were taken before: "by 60 percent of voters", with the subject as speaker). Not for verbs whose
    /// passive subject is the person spoken to ("was asked by reporters about …", "were outraged by the raids",
    /// speech-passive-exceptions.tsv). Only for verbs whose passive PolNeAR train marks as a cue most of the time
    /// (speech-passive-cues.tsv: "rejected", "criticized", "reported"; not "appointed by", "passed by", "nominated by",
    /// acts rather than stances: those give no attribution at all, neither the words after the agent), and never
    /// for a byline ("This story was reported by …": none either). A relative pronoun as subject ("…, which was announced by the
    /// White House, …") names no words of its own: no attribution (null with <paramref name="drop"/>).
    /// Returns null when the form does not apply.
    /// </summary>
    private Frame? PassiveBy(int k, int s0, int s1, out bool drop)
    {
        drop = false;
        int by = k + 1;
        if (!WordIs(by, "by") || by + 1 >= s1 || !_view.IsWord(k) || WordIn(k, SpeechWords.PassiveExceptions))
            return null;
        var w = _view.Word(k);
        if (IsParticipleCue(k) || char.IsUpper(w[0]))
            return null;
        var agent = RightSource(by + 1);
        if (agent.Start < 0 || agent.Form is not (SourceForm.Name or SourceForm.Nominal or SourceForm.Channel))
            return null;
        // A passive of an act ("was appointed by the governor", "was passed by Democrats") is no stance of
        // its agent, and what follows the agent is not its words either: no attribution.
        bool stance = WordIn(k, SpeechWords.PassiveCues);
        int firstWords, endWords;
        // "As reported by the Post, CLAUSE", "As first reported by X, …": the clause after the agent's comma
        // (PolNeAR train marks 6 such openings, the finder found 1 before).
        if (FrontedAs(k, s0))
        {
            // "As reported by X last year, …", "… by X on Monday, …": a time after the agent stands before its comma.
            int agentComma = agent.End;
            if ((WordIs(agentComma, "on") || WordIs(agentComma, "in")) && TimeEndAt(agentComma + 1) > agentComma + 1)
                agentComma++;
            if (TimeEndAt(agentComma) > agentComma)
                agentComma = TimeEndAt(agentComma);
            if (!stance || !IsComma(agentComma))
            {
                drop = !stance;
                return null;
            }
            var after = ContentAfter(agentComma + 1, s1);
            if (after.Start < 0 || WordCount(after.Start, after.End) < 3)
                return null;
            var fronted = Indirect(k, by + 1, agent.Start, agent.End, agent.Form, after);
            fronted.CueStart = _tokens[s0].Start;
            return fronted;
        }
        // "…, as reported by the Post": the clause before the comma.
        if (WordIs(k - 1, "as") && IsComma(k - 2) && k - 2 > s0)
        {
            if (!OnlyTrailer(agent.End, s1) || OpensWithAdverbial(s0, k - 2))
                return null;
            if (!stance)
            {
                drop = true;
                return null;
            }
            int clause = SkipLeadingAdverb(ClauseStart(k - 2, s0), k - 2);
            if (!HasVerb(clause, k - 2))
                return null;
            firstWords = clause;
            endWords = k - 2;
        }
        else
        {
            if (!IsPassive(k))
                return null;
            if (!stance)
            {
                drop = true;
                return null;
            }
            // The auxiliary: back over the adverbs IsPassive skips.
            int aux = k - 1;
            while (aux > s0 && (WordIs(aux, "also") || WordIs(aux, "first") || WordIs(aux, "not") || WordIs(aux, "widely") || WordIs(aux, "being") || _view.Word(aux).EndsWith("ly", StringComparison.Ordinal)))
                aux--;
            while (aux - 1 > s0 && (WordIs(aux - 1, "been") || WordIs(aux - 1, "be") || WordIs(aux - 1, "has") || WordIs(aux - 1, "have") || WordIs(aux - 1, "had")
                || WordIs(aux - 1, "will") || WordIs(aux - 1, "would") || WordIs(aux - 1, "could") || WordIs(aux - 1, "may") || WordIs(aux - 1, "might") || WordIs(aux - 1, "must") || WordIs(aux - 1, "should")))
                aux--;
            if (aux <= s0)
                return null;
            if (WordIn(aux - 1, SpeechWords.Relatives) || WordIs(aux - 1, "that"))
            {
                drop = true;
                return null;
            }
            // The subject: back to the sentence's start, the word that opens this clause or a cue before
            // it ("He said the bill was backed by …": "the bill"); a comma pair holding an apposition or
            // a relative clause stays in it ("A photo of X, who died …, was shown").
            // Inside a comma pair ("X, who took over as adviser, was …") a clause word opens no clause of the subject's.
            var (start, afterOpening) = SubjectStart(s0, aux, aux - 1, IsComma(aux - 1) ? 1 : 0, stopAtCue: true);
            if (!afterOpening)
                start = SkipLeadingAdverb(start, aux);
            if (start >= aux || aux - start > 25)
                return null;
            // A verb in the subject outside a comma pair means the subject was not found ("What he
            // wanted was backed by …"): not read here.
            bool inPair = false;
            for (int t = start; t < aux; t++)
            {
                if (IsComma(t))
                    inPair = !inPair;
                else if (!inPair && (HasVerb(t, t + 1) || IsCue(t)))
                    return null;
            }
            // "This story was reported by …": a byline, not a speaker.
            for (int t = start; t + 1 < aux; t++)
            {
                if (WordIs(t, "this") && WordIn(t + 1, SpeechWords.BylineNouns))
                {
                    drop = true;
                    return null;
                }
            }
            firstWords = start;
            endWords = aux;
        }
        var words = Words(firstWords, endWords);
        if (words.Start < 0)
            return null;
        return Indirect(k, by + 1, agent.Start, agent.End, agent.Form, words);
    }

    /// <summary>"As reported by …" (also "As first reported by …") opening its sentence: token <paramref name="k"/> is the participle.</summary>
    private bool FrontedAs(int k, int s0)
    {
        int p = k - 1;
        while (p > s0 && _view.IsWord(p) && (WordIs(p, "first") || _view.Word(p).EndsWith("ly", StringComparison.Ordinal)))
            p--;
        return p == s0 && WordIs(p, "as");
    }

    /// <summary>"As reported by the Post, …": a passive cue of speech-passive-cues.tsv with its agent opening the sentence, read whether or not the cue model scored the participle.</summary>
    private bool FrontedAsPassive(int k) =>
        _view.IsWord(k) && WordIs(k + 1, "by") && WordIn(k, SpeechWords.PassiveCues) && FrontedAs(k, _view.SentenceStart(k));

    /// <summary>
    /// "The FBI is reportedly making arrangements to interview her.", "Reportedly, he made …": an adverb of
    /// speech-evidential-adverbs.tsv (PolNeAR train marks "reportedly" as the whole cue, with no source, in 12
    /// of its 22 uses that no verb of saying follows) attributes its clause to an unnamed source: the words
    /// run from the clause's subject (found as a passive's subject is) to the clause's end, the adverb inside
    /// them. Not when a verb of saying follows ("reportedly said …": that verb's reading), inside a quotation,
    /// or when another cue in the sentence reads it.
    /// </summary>
    private Frame? Evidential(int k)
    {
        if (!_view.IsWord(k) || _view.TokenQuote[k] >= 0 || !WordIn(k, EvidentialAdverbs))
            return null;
        int s0 = _view.SentenceStart(k), s1 = _view.SentenceEnd(k);
        for (int t = s0; t < s1; t++)
        {
            if (t != k && (IsCue(t) || _used[t]))
                return null;
        }
        (int Start, int End) words;
        if (k == s0 && IsComma(k + 1))
        {
            words = ContentAfter(k + 2, s1);
        }
        else
        {
            int aux = k;
            while (aux - 1 > s0 && (WordIs(aux - 1, "is") || WordIs(aux - 1, "are") || WordIs(aux - 1, "was") || WordIs(aux - 1, "were") || WordIs(aux - 1, "has")
                || WordIs(aux - 1, "have") || WordIs(aux - 1, "had") || WordIs(aux - 1, "will") || WordIs(aux - 1, "would") || WordIs(aux - 1, "also")))
                aux--;
            // "…, who reportedly has been …", "the plan that reportedly …": a relative clause names no words of its own.
            if (aux - 1 >= s0 && (WordIn(aux - 1, SpeechWords.Relatives) || WordIs(aux - 1, "that")))
                return null;
            var (start, _) = SubjectStart(s0, aux, aux, 0, stopAtCue: false);
            start = SkipConnective(start, aux);
            if (start >= aux || aux - start > 25)
                return null;
            // "Tillerson, who Trump reportedly picked …": a relative clause further back names no words either.
            for (int t = start; t < aux; t++)
            {
                if (WordIn(t, SpeechWords.Relatives) || (t > start && WordIs(t, "that")))
                    return null;
            }
            var after = ContentAfter(k + 1, s1);
            if (after.Start < 0)
                return null;
            words = (_tokens[start].Start, after.End);
        }
        if (words.Start < 0 || WordCount(words.Start, words.End) < 3)
            return null;
        var frame = new Frame { Kind = QuoteKind.Indirect };
        SetCue(frame, k, k + 1);
        frame.Start = words.Start;
        frame.End = words.End;
        return frame;
    }

    /// <summary>
    /// Where the subject of a clause ending before <paramref name="aux"/> starts: back from <paramref name="from"/>
    /// to the sentence's start, a semicolon or colon, a quotation mark, the word that opens the clause or (with
    /// <paramref name="stopAtCue"/>) a cue before it, over comma pairs that hold an apposition or a relative clause
    /// (<paramref name="commas"/> already passed); then past the comma or dash it stopped at, and past an opening
    /// adverbial phrase up to its comma ("In Vermont, Sanders was supported by …"), which <c>AfterOpening</c> tells.
    /// </summary>
    private (int Start, bool AfterOpening) SubjectStart(int s0, int aux, int from, int commas, bool stopAtCue)
    {
        int start = from;
        while (start > s0)
        {
            int p = start - 1;
            if (IsPunct(p, ';') || IsPunct(p, ':') || _view.MarkRole[p] != 0 || _tokens[p].Kind == Text.TokenKind.Quote || (commas % 2 == 0 && (WordIn(p, ClauseOpeners) || (stopAtCue && IsCue(p)))))
                break;
            if (IsComma(p))
                commas++;
            start = p;
        }
        if (IsComma(start) || _tokens[start].Kind is Text.TokenKind.Punctuation or Text.TokenKind.Dash)
            start++;
        for (int t = start; t < aux; t++)
        {
            if (IsComma(t))
                return t > start && OpensWithAdverbial(start, t) ? (t + 1, true) : (start, false);
        }
        return (start, false);
    }
}

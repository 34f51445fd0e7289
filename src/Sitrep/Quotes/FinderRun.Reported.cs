using Sitrep.Entities;
using Sitrep.Documents;
using Sitrep.Text;

namespace Sitrep.Quotes;

internal sealed partial class FinderRun
{
    /// <summary>
    /// Reported speech from every cue no quotation took: "X said (that) …" (the words after the cue, to
    /// the end of the sentence or the next side clause), "…, X said." and "…, said X." (the words before
    /// it), "according to X, …" and "…, according to X", and the participles that add speech to a
    /// sentence ("…, adding that …").
    /// </summary>
    private void FindReportedFrames()
    {
        for (int k = 0; k < _tokens.Length; k++)
        {
            if (_used[k])
                continue;
            if (_view.TokenQuote[k] >= 0)
            {
                // Inside quotations the model learned that cues are rare (the quoted words are one
                // attribution); a verb of saying that nearly always is one still counts.
                if (!IsStrongSpeechCue(k) || _view.TokenMention[k] >= 0)
                    continue;
                // Nested speech inside a quotation: "… the directive said that …" within a quoted report.
                if (NestedInQuote(k) is { } nested)
                {
                    _used[k] = true;
                    _frames.Add(nested);
                }
                continue;
            }
            if (!IsCue(k) && Evidential(k) is { } evidential)
            {
                _used[k] = true;
                _frames.Add(evidential);
                continue;
            }
            if (!(IsCue(k) || FrontedAsPassive(k)) || NoSpeechSaid(k) || NounAsSubject(k))
                continue;
            // "happily retweeted …", "generally impugning …": a manner adverb the model took for the
            // cue's head stands before the verb that heads it; the words start after that verb.
            int adverb = -1;
            // "I don't think …", "Miller wouldn't say whether …", "the court unanimously upheld …": an
            // auxiliary or an adverb the model took for the cue's head; the verb after it heads the cue
            // (as PolNeAR marks "don't think"), and with no verb of saying or thinking there no words are
            // reported ("didn't heed the warnings", "quietly but firmly eased out").
            if (ModifierHead(k) is int headVerb && headVerb != k)
            {
                // Used, so that no quotation takes it for its cue either.
                _used[k] = true;
                if (headVerb < 0)
                    continue;
                adverb = k;
                k = headVerb;
                if (_used[k])
                    continue;
            }
            else if (AdverbBeforeCue(k) is int head && head > k)
            {
                _used[k] = true;
                adverb = k;
                k = head;
                if (_used[k])
                    continue;
            }
            // "reports said", "officials say": a cue word that is the next cue's subject is not a cue.
            int next = NextContentWord(k + 1);
            if (next < _view.SentenceEnd(k) && IsCue(next) && !WordIs(k + 1, "to") && LeftSource(next, _view.SentenceStart(k)) is { Start: >= 0 } subject && subject.Start <= k && k < subject.End)
                continue;
            int s0 = _view.SentenceStart(k), s1 = _view.SentenceEnd(k);
            var frame = WordIs(k, "according") && WordIs(k + 1, "to") ? AccordingTo(k, s0, s1) : Reported(k, s0, s1);
            if (frame is null || RelativeReportsBefore(frame, k))
                continue;
            if (adverb >= 0)
            {
                frame.CueStart = _tokens[adverb].Start;
                // "we don't yet know …": a filler between the auxiliary and the verb hid the speaker; it stands before the auxiliary.
                if (frame.SourceStart < 0 && frame.InheritAt < 0 && LeftSource(adverb, s0) is { Start: >= 0 } before && before.End <= adverb && !PassiveSubject(k, before))
                    SetSource(frame, before.Start, before.End, before.Form);
            }
            _used[k] = true;
            _frames.Add(frame);
        }
    }

    /// <summary>
    /// "…, which touched on China's core interests", "Taylor, who testified publicly last week, called …", "…, who declined to
    /// be named": a relative word that speaks words standing before it. The clause tells of the noun before it; what comes
    /// before that is no one's words through it (read on unseen news, allsides sample 5505: such quotes were the sentence
    /// before, with its own speaker and cue, or the bare noun the clause is about).
    /// </summary>
    private bool RelativeReportsBefore(Frame frame, int cue) =>
        frame.Start < _tokens[cue].Start && frame.SourceStart >= 0 && frame.SourceEnd - frame.SourceStart <= 5
        && _text.AsSpan(frame.SourceStart, frame.SourceEnd - frame.SourceStart) is "who" or "which" or "Who" or "Which";

    /// <summary>
    /// A speaker of one lower-case word that is no name, pronoun or noun but a verb form right after a finite
    /// auxiliary: "has [fueled] calls", "have [heaped] praise", "had [become] convinced", "is [going] to" (read
    /// on unseen news, allsides samples 8301 and 8302: such speakers were verbs, never people).
    /// </summary>
    private bool VerbAsSpeaker(SourceSpan s) =>
        s.Start > 0 && s.End == s.Start + 1 && s.Form != SourceForm.Pronoun && _view.IsWord(s.Start) && _view.TokenMention[s.Start] < 0
        && !_view.IsCapitalised(s.Start) && WordIn(s.Start - 1, FiniteAuxiliaries) && VerbForm(s.Start);

    /// <summary>A word in "-ed" or "-ing" (five letters or more), an irregular past (speech-irregular-pasts.tsv) or participle.</summary>
    private bool VerbForm(int t)
    {
        if (!_view.IsWord(t))
            return false;
        var w = _view.Lower(t, 40);
        return w.Length >= 5 && (w.EndsWith("ed", StringComparison.Ordinal) || w.EndsWith("ing", StringComparison.Ordinal))
            || WordIn(t, SpeechWords.IrregularPasts) || WordIn(t, IrregularParticiples);
    }

    /// <summary>Irregular past participles that are no simple past (a closed class of English grammar; the pasts are speech-irregular-pasts.tsv).</summary>
    private static readonly System.Collections.Frozen.FrozenSet<string> IrregularParticiples = System.Collections.Frozen.FrozenSet.ToFrozenSet(
        ["become", "begun", "come", "done", "gone", "taken", "given", "drawn", "grown", "shown", "written", "spoken", "seen", "known", "chosen", "driven", "risen", "fallen", "thrown", "broken", "stolen", "sworn", "torn", "worn"], StringComparer.Ordinal);

    /// <summary>
    /// "The forecast is frozen …", "The assertion was made by …", "My guess is …", "those hopes did not …": a
    /// cue word after an article, a possessive or a demonstrative and before an auxiliary is a noun that is
    /// its clause's subject, not a verb that reports words; what follows is that clause's predicate (read on
    /// unseen news, allsides samples 8301 and 8302: every such frame was the rest of the clause given as
    /// words). Not when "that" follows the auxiliary ("The claim is that …" names the words).
    /// </summary>
    private bool NounAsSubject(int k)
    {
        if (k < 1 || k + 1 >= _tokens.Length)
            return false;
        // "Mueller's allegations will never be tested", "Swetnick's claims were dismissed …": a name's possessive
        // leaves the noun no verb as well. Not a cue in "-ed"/"-ing" or an irregular past after it: "Trump's
        // claimed …" is "Trump has claimed".
        bool determiner = WordIn(k - 1, SubjectDeterminers);
        if (!determiner && !(PossessiveName(k - 1) && !VerbForm(k)))
            return false;
        if (WordIn(k + 1, Auxiliaries))
            return !WordIs(k + 2, "that");
        // "his promises gave way to …", "Heyman's admission allowed them …", "Trump's upset came after …": a past
        // verb right after the noun is its clause's own verb, and what follows is that clause (allsides samples 7301
        // and 7302: every such frame was the writer's predicate). Not a cue ("Sullivan's statement noted that …":
        // that verb reports the words, with the noun phrase as its speaker).
        return PastVerb(k + 1) && !IsCue(k + 1);
    }

    /// <summary>A capitalised word or a name's last word in "'s" or "’s" that is no pronoun's contraction ("he's", "it's", "that's", "let's").</summary>
    private bool PossessiveName(int t)
    {
        if (t < 0 || !_view.IsWord(t) || !(_view.IsCapitalised(t) || _view.TokenMention[t] >= 0))
            return false;
        var w = _view.Word(t);
        if (!(w.EndsWith("'s", StringComparison.Ordinal) || w.EndsWith("’s", StringComparison.Ordinal)) || w.Length < 4)
            return false;
        Span<char> buffer = stackalloc char[40];
        var head = CueFeatures.Lower(w[..^2], buffer);
        return !SpeechWords.PersonalPronouns.GetAlternateLookup<ReadOnlySpan<char>>().Contains(head) && !PronounHeads.GetAlternateLookup<ReadOnlySpan<char>>().Contains(head);
    }

    /// <summary>Words besides the personal pronouns (SpeechWords.PersonalPronouns) whose "'s" is "is" or "has" (or "us"), never a possessive: demonstratives, question words, "let".</summary>
    private static readonly System.Collections.Frozen.FrozenSet<string> PronounHeads = System.Collections.Frozen.FrozenSet.ToFrozenSet(
        ["that", "this", "there", "here", "what", "who", "where", "when", "how", "why", "let", "everyone", "everybody", "nobody", "someone", "somebody"], StringComparer.Ordinal);

    /// <summary>A lower-case simple past: a word of five letters or more in "-ed", or an irregular past (speech-irregular-pasts.tsv).</summary>
    private bool PastVerb(int t)
    {
        if (!_view.IsWord(t) || _view.TokenQuote[t] >= 0 || _view.IsCapitalised(t))
            return false;
        var w = _view.Lower(t, 40);
        return w.Length >= 5 && w.EndsWith("ed", StringComparison.Ordinal) || WordIn(t, SpeechWords.IrregularPasts);
    }

    /// <summary>Words before a noun that leave it no verb: articles, possessive pronouns, demonstratives ("her" and "that" are left out: "told her was", "that said").</summary>
    private static readonly System.Collections.Frozen.FrozenSet<string> SubjectDeterminers = System.Collections.Frozen.FrozenSet.ToFrozenSet(
        ["the", "a", "an", "his", "its", "their", "our", "my", "your", "whose", "this", "these", "those"], StringComparer.Ordinal);

    /// <summary>
    /// "said" that reports nothing: the concessive "That said, …", "That being said, …" and "Having said
    /// that, …" opening a sentence, and the adjective after an article ("the said vessel").
    /// </summary>
    private bool NoSpeechSaid(int k)
    {
        // "has long said", "have since argued", "had ever claimed": the adverb between a perfect auxiliary
        // and the verb of saying is not the cue (the verb after it is; "has long been" stays a cue phrase).
        if ((WordIs(k, "long") || WordIs(k, "since") || WordIs(k, "ever")) && (WordIs(k - 1, "has") || WordIs(k - 1, "have") || WordIs(k - 1, "had"))
            && k + 1 < _tokens.Length && !WordIs(k + 1, "been") && IsCue(k + 1))
            return true;
        int s0 = _view.SentenceStart(k);
        // The model may take "Having" for the head of "Having said that,".
        if (k == s0 && WordIs(k, "having") && WordIs(k + 1, "said") && WordIs(k + 2, "that") && IsComma(k + 3))
            return true;
        if (!WordIs(k, "said"))
            return false;
        return WordIs(k - 1, "the")
            || IsComma(k + 1) && (k - 1 == s0 && WordIs(k - 1, "that") || k - 2 == s0 && WordIs(k - 2, "that") && WordIs(k - 1, "being"))
            || k - 1 == s0 && WordIs(k - 1, "having") && WordIs(k + 1, "that") && IsComma(k + 2);
    }

    /// <summary>
    /// A strong speech cue inside a quotation whose speaker is named there and is not the quoted
    /// speaker's own "I" or "we" ("The directive said that …", "the memo says …"): a quote of its own,
    /// bounded by the quotation's words, nested in it.
    /// </summary>
    private Frame? NestedInQuote(int k)
    {
        var span = _view.Spans[_view.TokenQuote[k]];
        if (!IsStrongSpeechCue(k) || WordIs(k, "according"))
            return null;
        int first = _view.FirstTokenAtOrAfter(span.Start), last = _view.FirstTokenAtOrAfter(span.End);
        int s0 = Math.Max(_view.SentenceStart(k), first), s1 = Math.Min(_view.SentenceEnd(k), last);
        var left = LeftSource(k, s0);
        if (left.Start < 0 || left.Form is not (SourceForm.Name or SourceForm.Nominal))
            return null;
        var frame = new Frame { Kind = QuoteKind.Indirect };
        SetCue(frame, k, k + 1);
        SetSource(frame, left.Start, left.End, left.Form);
        var words = ContentAfter(SkipComplement(k, frame), s1);
        if (words.Start < 0 || WordCount(words.Start, words.End) < 3)
            return null;
        frame.Start = words.Start;
        frame.End = words.End;
        return frame;
    }

    private Frame? AccordingTo(int k, int s0, int s1)
    {
        var src = RightSource(k + 2);
        if (src.Start < 0)
            return null;
        var frame = new Frame { Kind = QuoteKind.Indirect };
        SetCue(frame, k, k + 2);
        SetSource(frame, src.Start, src.End, src.Form);
        int clauseStart = ClauseStart(k, s0);
        (int Start, int End) words;
        if (k <= clauseStart + 1)
        {
            // "According to X, …": the words follow the comma after the source.
            int t = src.End;
            while (t < s1 && !IsComma(t))
                t++;
            words = ContentAfter(t + 1, s1);
            // "According to pool reports, Obama said “…”": the words stopped at a nested attribution
            // right after its speaker; the whole clause, that attribution too, is what X reports (as
            // PolNeAR train marks it).
            if (words.Start >= 0 && WordCount(words.Start, words.End) < 2 && t + 1 < s1)
                words = Words(t + 1, s1);
        }
        else
        {
            int end = k;
            while (end > s0 && (IsComma(end - 1) || _tokens[end - 1].Kind == TokenKind.Dash))
                end--;
            words = Words(SkipConnective(clauseStart, end), end);
        }
        if (words.Start < 0 || words.End - words.Start < 3)
            return null;
        frame.Start = words.Start;
        frame.End = words.End;
        return frame;
    }

    private Frame? Reported(int k, int s0, int s1)
    {
        if (PassiveBy(k, s0, s1, out bool drop) is { } passive)
            return passive;
        if (drop)
            return null;
        var frame = ReportedFrame(k, s0, s1);
        // The general reading keeps words it found before the cue; when it found none, or took what
        // follows a verb of saying that closes the sentence (its speaker, addressee or occasion) for
        // the words, the trailing attribution reads the sentence again.
        if (frame is not null && frame.Start < _tokens[k].Start)
            return frame;
        return TrailingAttribution(k, s0, s1) ?? frame;
    }

    /// <summary>
    /// "…, the news site RTL Info reported.", "…, a source close to him said.", "…, his top aide, Tad
    /// Devine, told The Huffington Post.", "…, said Matt Latimer, another speechwriter who worked in …":
    /// a verb of saying that closes its sentence (after it at most an addressee, a time and a place or
    /// occasion of saying), with its speaker, however long, between a comma and the verb or right after
    /// the verb: the reported words are the clause before that comma. PolNeAR train: of 613
    /// attributions with a comma between words and speaker, 112 were missed and 97 cut wrong before
    /// this reading (the general one bounds speakers at eight words and reads a long one as the words).
    /// </summary>
    private Frame? TrailingAttribution(int k, int s0, int s1)
    {
        // Verbs of saying whose words stand before them at least a fifth of the time in PolNeAR train
        // ("said", "told", "wrote", "added", "reported"); not "criticized", "endorsed" or "declined",
        // whose object is what was said ("…, a former aide, criticized the plan.").
        if (!IsStrongSpeechCue(k) || IsParticipleCue(k) || IsPassive(k) || StatsOf(k) is not { SourceBefore: >= 0.8f, After: < 0.8f } stats || WordIs(k, "according"))
            return null;
        int tail = k + 1;
        SourceSpan speaker = SourceSpan.None;
        int comma = -1;
        int before = SkipBackOverFillers(k - 1, s0);
        if (before > s0 && IsComma(before) && stats.Object < 0.3f)
        {
            // "…, said X …": the speaker follows the verb; after it only its apposition or a place of
            // saying ("said Sabato, director of …", "said Smith in a statement").
            speaker = InvertedSpeaker(k);
            if (speaker.Start < 0 || HasVerb(speaker.Start, speaker.End))
                return null;
            comma = before;
        }
        else
        {
            // "…, the Post reported Tuesday.", "…, an aide told reporters in Des Moines.": after the
            // verb at most its addressee, a time and an occasion.
            if (stats.Object >= 0.3f && WordIs(tail, "the") && _view.MentionType(tail + 1) is "ORG" or "MEDIA")
                tail++;
            if (stats.Object >= 0.3f && tail < s1 && (WordIn(tail, ObjectPronouns) || _view.MentionType(tail) is "PERSON" or "ORG" or "MEDIA"))
                tail = SkipPhrase(tail, s1);
            else if (stats.Object >= 0.8f && ClosingAddressee(tail, s1) is int addressed and > 0)
                tail = addressed;
            tail = SkipTime(tail, s1);
            if (!(AtSentenceEnd(tail, s1) || PlaceOfSaying(tail, s1) || IsComma(tail) && IsParticipleCue(tail + 1)))
                return null;
            // The speaker: from the nearest comma before the verb (past one that closes an apposition
            // right before it), taking in "his top aide, Tad Devine," (a name set off in apposition to
            // a short noun phrase before it).
            int last = IsComma(before) ? before - 1 : before;
            for (int t = last; t > s0 && last - t <= 16; t--)
            {
                if (_view.MarkRole[t] != 0 || _tokens[t].Kind == TokenKind.Quote || WordIs(t, "that") || IsPunct(t, ';') || IsPunct(t, ':') || IsPunct(t, ')'))
                    return null;
                if (IsComma(t))
                {
                    comma = t;
                    break;
                }
            }
            if (comma < 0 || comma + 1 > last)
                return null;
            before = last;
            int segStart = comma + 1;
            if (_view.TokenMention[segStart] >= 0 && _view.FirstTokenAtOrAfter(_input.Mentions[_view.TokenMention[segStart]].End) == before + 1)
            {
                for (int t = comma - 1; t > s0 && comma - t <= 6; t--)
                {
                    if (IsComma(t))
                    {
                        if (WordIn(t + 1, SpeechWords.Determiners) || TitleAbbreviation(t + 1))
                            comma = t;
                        break;
                    }
                    if (!_view.IsWord(t) || WordIn(t, SpeechWords.PhraseStops))
                        break;
                }
            }
            segStart = comma + 1;
            // The speaker opens like a noun phrase: an article or possessive, a title, a capitalised
            // word or a name ("a source close to him", "Sen. X", "teachers and union officials" is not).
            if (!(WordIn(segStart, SpeechWords.Determiners) || TitleAbbreviation(segStart) || _view.TokenMention[segStart] >= 0 || _view.IsCapitalised(segStart)))
                return null;
            if (WordIn(segStart, SpeechWords.PersonalPronouns) || WordIn(segStart, SpeechWords.PhraseStops))
                return null;
            var named = LeftSource(k, segStart);
            speaker = named.Start >= 0 && named.Form is SourceForm.Name or SourceForm.Nominal or SourceForm.Channel ? named : new SourceSpan(segStart, before + 1, SourceForm.Nominal);
            // "a source close to him": an object pronoun ends the phrase, the speaker is its head.
            if (named.Form == SourceForm.Pronoun || named.Start < 0)
            {
                int head = segStart;
                while (head <= before && !WordIn(head, SpeechWords.Prepositions) && !WordIn(head, SpeechWords.Relatives))
                    head++;
                var phrase = head - 1 >= segStart ? PhraseEndingAt(head - 1, segStart) : SourceSpan.None;
                if (phrase.Start < 0)
                    return null;
                speaker = new SourceSpan(phrase.Start, phrase.End, phrase.Form == SourceForm.Name ? SourceForm.Name : SourceForm.Nominal);
            }
        }
        if (OpensWithAdverbial(s0, comma))
            return null;
        int clause = SkipLeadingAdverb(ClauseStart(comma, s0), comma);
        // "The report, released on Tuesday, described the damage.", "Her spokesman, John Smith, questioned the
        // motives.": the words before the comma are the verb's subject with its side phrase or its name in
        // apposition, not words an inverted "said X" reports.
        if (SubjectWithSidePhrase(clause, comma) || speaker.Start > k && RoleAppositionName(LeftSource(k, s0)))
            return null;
        // A quotation that opens the words is the quotation finder's; words with no verb are the
        // speaker's own apposition ("Mukasey, the attorney general under Bush, said …").
        if (_view.MarkRole[clause] == 1 || _tokens[clause].Kind == TokenKind.Quote || !HasVerb(clause, comma))
            return null;
        var words = Words(clause, comma);
        if (words.Start < 0 || WordCount(words.Start, words.End) < 4)
            return null;
        return Indirect(k, k + 1, speaker.Start, speaker.End, speaker.Form, words);
    }

    /// <summary>
    /// Tokens [a, b) hold a finite verb, roughly: an auxiliary or modal, a pronoun with its verb
    /// ("he's"), a lower-case word in "n't" or in "-ed" (not after an article), or one in "-s" right
    /// after a name, a pronoun or an adverb ("Cruz also lacks support").
    /// </summary>
    private bool HasVerb(int a, int b)
    {
        Span<char> buffer = stackalloc char[40];
        for (int t = a; t < b; t++)
        {
            if (!_view.IsWord(t) || _view.TokenMention[t] >= 0 || char.IsUpper(_text[_tokens[t].Start]))
                continue;
            var w = _view.Word(t);
            // "he's", "they're", "it’ll": a pronoun with its verb.
            int apostrophe = w.IndexOfAny(['\'', '’']);
            if (apostrophe > 0 && SpeechWords.PersonalPronouns.GetAlternateLookup<ReadOnlySpan<char>>().Contains(CueFeatures.Lower(w[..apostrophe], buffer)))
                return true;
            if (WordIn(t, Auxiliaries) || w.EndsWith("n't", StringComparison.Ordinal) || w.EndsWith("n’t", StringComparison.Ordinal))
                return true;
            // "-ed" after an article is an adjective: "a retired general".
            if (w.EndsWith("ed", StringComparison.Ordinal) && !WordIn(t - 1, SpeechWords.Determiners))
                return true;
            if (w.Length > 3 && w.EndsWith('s') && !w.EndsWith("ss", StringComparison.Ordinal) && !w.EndsWith("us", StringComparison.Ordinal) && !w.EndsWith("is", StringComparison.Ordinal) && t > a
                && (_view.TokenMention[t - 1] >= 0 || _view.IsCapitalised(t - 1) || WordIn(t - 1, SpeechWords.PersonalPronouns) || _view.Word(t - 1).EndsWith("ly", StringComparison.Ordinal) || WordIs(t - 1, "also") || WordIs(t - 1, "still")))
                return true;
        }
        return false;
    }

    private static readonly System.Collections.Frozen.FrozenSet<string> Auxiliaries = System.Collections.Frozen.FrozenSet.ToFrozenSet(
        ["is", "are", "was", "were", "be", "been", "has", "have", "had", "will", "would", "could", "should", "can", "may", "might", "must", "do", "does", "did",
         "won't", "can't", "isn't", "wasn't", "don't", "doesn't", "didn't"], StringComparer.Ordinal);

    /// <summary>Finite auxiliaries and modals (not "be" or "been": "declined to be identified said" has its speaker before them): the auxiliaries above without
    /// those two and the negated forms. Declared after them: static fields are set in the order they are written.</summary>
    private static readonly System.Collections.Frozen.FrozenSet<string> FiniteAuxiliaries = System.Collections.Frozen.FrozenSet.ToFrozenSet(
        Auxiliaries.Where(w => w is not ("be" or "been") && !w.Contains('\'', StringComparison.Ordinal)), StringComparer.Ordinal);

    /// <summary>Words that open a clause of their own inside a trailer ("…, said X as he was leaving", "…, said X when she was asked"):
    /// an auxiliary after them is that clause's, not the verb of a reported clause.</summary>
    private static readonly System.Collections.Frozen.FrozenSet<string> TrailerClauseOpeners = System.Collections.Frozen.FrozenSet.ToFrozenSet(
        ["whose", "where", "when", "as", "while", "because", "after", "before", "if", "since", "though", "although", "until", "than", "whether", "once"], StringComparer.Ordinal);

    /// <summary>Only the sentence's closing punctuation and marks from token <paramref name="t"/> on.</summary>
    private bool AtSentenceEnd(int t, int s1)
    {
        for (; t < s1; t++)
        {
            if (!(IsSentenceEndPunct(t) || _tokens[t].Kind == TokenKind.Quote || IsPunct(t, ')')))
                return false;
        }
        return true;
    }

    /// <summary>A closing phrase of where, when or how words were given: "at a news conference", "on Twitter", "in an interview with CNN".</summary>
    private bool PlaceOfSaying(int t, int s1) => OccasionOnly(t, s1) || (WordIs(t, "on") || WordIs(t, "to")) && t + 1 < s1 && OccasionOnly(t + 1, s1, any: true);

    private Frame? ReportedFrame(int k, int s0, int s1)
    {
        var frame = new Frame { Kind = QuoteKind.Indirect };
        SetCue(frame, k, k + 1);
        var left = LeftSource(k, s0);
        // "… has fueled calls for …", "… have heaped praise on …", "… could lay claim to …": the one word read as
        // the speaker is the verb of the clause after its auxiliary, and the cue, a noun, is that verb's object:
        // no words are reported. A cue that is itself a verb form ("has begun calling for …", "had become
        // convinced that …") or a verb of saying ("those who are going often say …") reports the clause's subject's
        // words, so the speaker is looked for there instead.
        if (VerbAsSpeaker(left))
        {
            if (!VerbForm(k) && !IsStrongSpeechCue(k))
                return null;
            left = SourceSpan.None;
        }
        int before = left.Start >= 0 ? left.Start - 1 : SkipBackOverFillers(k - 1, s0);
        // "…, the Guardian reports.", "…, the Times reports.": the article before a name the entities leave it out of
        // belongs to the speaker, so the comma before it closes the reported words (before, a cue whose trailing
        // reading the counts do not allow, "reports", lost them: allsides sample of 4,000, 16 of 32 lost). Only for the
        // name before a verb of saying or one a comma or the sentence's end follows ("…, the Council has proved to be …" is no trailer).
        // The closing mark of a quotation the report holds ends the words as the comma does ("…: “…,” the Herald reported.").
        if (left.Start >= 0 && left.Form == SourceForm.Name && left.End == SkipBackOverFillers(k - 1, s0) + 1 && before > s0 && WordIs(before, "the") && (IsComma(before - 1) || _view.MarkRole[before - 1] == 2)
            && (IsStrongSpeechCue(k) || IsSentenceEndPunct(k + 1) || IsComma(k + 1)))
            before--;
        // "…, Mr. Verdery said.": a title's abbreviation the name stands after is part of the speaker,
        // so the comma before it closes the reported words (before, the words were lost). Only for a
        // verb of saying: "By contrast, …, Mr. Obama listed 77 bundlers, who …" opens with a phrase.
        if (left.Start >= 0 && before > s0 && TitleAbbreviation(before) && IsStrongSpeechCue(k))
            before--;
        // "…, Mayor Ted Terry noted.", "…, Defense Secretary Ash Carter said.": capitalised title words
        // (titles.tsv) right before the name are part of the speaker too.
        while (left.Start >= 0 && before > s0 && left.Start - before <= 3 && IsStrongSpeechCue(k) && !IsPassive(k) && !WordIs(k + 1, "to") && CapitalisedTitle(before))
            before--;
        // "…, said Mindy Romero, director of …": a comma right before a verb of saying that takes no
        // object, the phrase before the comma ending there (no name between commas), and a speaker
        // after the verb that ends the sentence (or meets a comma, a bracket or a place of saying):
        // the inverted trailing attribution. The phrase before the comma ends the reported words; it
        // is not the speaker (PolNeAR train: the commonest reported-speech reading with no gold words).
        int comma = SkipBackOverFillers(k - 1, s0);
        if (left.Start >= 0 && comma > s0 && IsComma(comma) && left.End == comma && (IsStrongSpeechCue(k) && StatsOf(k) is { Object: < 0.3f } || InvertedByName(k, left))
            && !RoleAppositionName(left) && !SubjectWithSidePhrase(SkipLeadingAdverb(ClauseStart(comma, s0), comma), comma) && InvertedSpeaker(k).Start >= 0)
        {
            left = SourceSpan.None;
            before = comma;
        }
        // "…, X said." / "…, said X." at the end of a sentence: the words come before. Not for a
        // participle ("…, citing the cost of repairs", "…, adding the new timetable"): it opens a side
        // phrase whose subject is the sentence's, and the noun phrase after it is its object, never
        // an inverted speaker.
        if (before > s0 && !IsParticipleCue(k) && (IsComma(before) || (_view.MarkRole[before] == 2)) && !OpensWithAdverbial(s0, before))
        {
            var right = left.Start >= 0 ? SourceSpan.None : RightSource(k + 1);
            // "…, said he had not …": a pronoun after the verb that words follow is the subject of
            // the reported clause, not an inverted speaker (that only closes its sentence: "…, said he.").
            if (right.Form == SourceForm.Pronoun && !AtSentenceEnd(right.End, s1))
                right = SourceSpan.None;
            int tail = left.Start >= 0 ? k + 1 : right.Start >= 0 ? right.End : k + 1;
            if (OnlyTrailer(tail, s1))
            {
                if (left.Start < 0 && right.Start >= 0)
                    SetSource(frame, right.Start, right.End, right.Form);
                else if (left.Start >= 0)
                    SetSource(frame, left.Start, left.End, left.Form);
                // "“…,” her chief spokesman, Steffen Seibert, said.": between the closing mark and the name only the
                // noun phrase the name stands in apposition to; the quotation is the quotation finder's, with the name
                // as its speaker (before, the quotation and "her chief spokesman" were read as reported words).
                if (left.Start >= 0 && left.Form == SourceForm.Name && _view.MentionType(left.End - 1) == "PERSON" && IsComma(before) && RoleAfterQuotation(before))
                    return null;
                int end = before;
                while (end > s0 && (IsComma(end - 1) || _tokens[end - 1].Kind == TokenKind.Quote))
                    end--;
                var words = Words(SkipLeadingAdverb(ReportClauseStart(end, s0), before), IsComma(before) ? before : before + 1);
                if (words.Start < 0)
                    return null;
                frame.Start = words.Start;
                frame.End = words.End;
                // "Many of the closures, he said, have involved public courses.": the attribution stands
                // in the middle of the sentence, which goes on after it; the words are both halves, one
                // quote in two parts (PolNeAR marks them as one content). Only with the speaker before
                // the cue: after an inverted "said X," a comma opens X's description. And only for a verb
                // of saying or a speaker that is a name or a pronoun: in a list ("…, torture, the use of
                // child soldiers, widespread demolition …") a noun and a cue-like word are no attribution.
                if (left.Start >= 0 && IsComma(before) && (IsStrongSpeechCue(k) || left.Form is SourceForm.Name or SourceForm.Pronoun)
                    && Continuation(tail, s1) is { Start: >= 0 } rest)
                {
                    frame.Parts = [new TextRange(words.Start, words.End), new TextRange(rest.Start, rest.End)];
                    frame.End = rest.End;
                }
                return frame;
            }
        }
        // "The allegations are acknowledged to be true", "He is expected to announce …", "She was charged with …": a
        // passive's subject is what the words are about or the one they are said to, not who said them (PolNeAR train:
        // of 312 passive cues whose subject was taken as source, 255 were wrong); only a participle of feeling or of
        // a held stance keeps it ("were outraged by", "are convinced that", "are opposed to").
        if (left.Start >= 0 && PassiveSubject(k, left))
        {
            Asked(frame, k, left);
            left = SourceSpan.None;
        }
        else if (left.Start >= 0)
            SetSource(frame, left.Start, left.End, left.Form);
        else if (left.Inherit)
            frame.InheritAt = k;
        else if (!IsPassive(k) && SubjectOf(s0, k) is { Start: >= 0 } subject && subject.End <= k)
            SetSource(frame, subject.Start, subject.End, subject.Form);
        int from = PastLeadThat(SkipComplement(k, frame), s1);
        // "The bill passed the House on Thursday after a long debate.", "sued the DNC in federal court": past the
        // cue's object (and a time) only a phrase of where, when or how the deed was done is left, which is not
        // what was said, whatever the cue (before, only a verb of saying gave no words for it, and "passed",
        // "sued", "launched" reported "after a long debate", "in federal court").
        if (ObjectBefore(frame, from) && OccasionOnly(from, s1) && !CommaOrComplexPreposition(from, s1) && !BareNounComplement(frame, from))
            return null;
        // "…,” Deputy Director of Parks Tom Okafor said, the Ledger reported.", "… said, according to the Ledger.":
        // after the cue and a comma only a second attribution closes the sentence, the place the words appeared;
        // it is not what was said (the words, if any, come before the cue).
        if (IsComma(from - 1) && TrailingAttributionOnly(from, s1))
            return null;
        // "Comey said at a news conference in New York." with no words after: the place of saying is
        // not what was said. Only after a verb of saying: other cues take such a phrase as their
        // object ("took a jab at …", "an interest in …").
        if (IsStrongSpeechCue(k) && OccasionOnly(from, s1))
            return null;
        // "…, Defense Secretary Ash Carter told a Senate panel.", "… told the Post.": the addressee that
        // closes the sentence is not what was said (the trailing attribution reads the words before).
        if (IsStrongSpeechCue(k) && StatsOf(k) is { Object: >= 0.8f } && ClosingAddressee(from, s1) > 0)
            return null;
        if (RelativeObjectGap(frame, from, s1))
            return null;
        var after = ContentAfter(from, s1, FrontedClause(from, s0));
        if (after.Start < 0 || WordCount(after.Start, after.End) < 1)
            return null;
        // "wrote in her memo — which she said was private — that the budget …": words that open with an aside set
        // off by dashes and go on with "that" after it start after that "that"; the aside is the writer's (or
        // another speaker's) remark on the place of saying (allsides sample 7301: "Comey wrote in that memo —
        // which he claimed was unclassified — that Trump told him …" had the aside as Comey's words).
        int first = _view.FirstTokenAtOrAfter(after.Start);
        if (first > from - 1 && AsideDash(first - 1) && (WordIs(first, "which") || WordIs(first, "who")))
        {
            for (int t = first + 1; t + 2 < s1 && _view.TokenQuote[t] < 0; t++)
            {
                if (!AsideDash(t))
                    continue;
                if (WordIs(t + 1, "that") && ContentAfter(t + 2, s1) is { Start: >= 0 } rest && WordCount(rest.Start, rest.End) >= 1)
                    after = rest;
                break;
            }
        }
        // "The hall was full — “a record crowd,” Ms. Kent said last week — and the doors closed …", "… wrote in
        // her memo — which she said was private — that …": a cue inside an aside set off by dashes reports
        // nothing past the dash that closes the aside; the sentence goes on in the writer's words (allsides
        // samples 7301 and 7302: "he said last Monday – that belies …", "he claimed was unclassified — that …").
        int close = AsideClose(k, s0, s1);
        if (close >= 0 && _tokens[close].Start < after.End)
        {
            // "needed—indeed, was asking for—protection from …": an aside that closes right after its cue shares
            // the words after it with the sentence; only what stands between the cue and the closing dash ("said
            // last Monday –", "told an interviewer –") makes the words after the dash the writer's.
            if (_tokens[close].Start <= after.Start)
            {
                if (_view.FirstTokenAtOrAfter(frame.CueEnd) < close)
                    return null;
            }
            else
            {
                after = Words(_view.FirstTokenAtOrAfter(after.Start), close);
                if (after.Start < 0 || WordCount(after.Start, after.End) < 1)
                    return null;
            }
        }
        if (FrontedPlaceOfWords(k, s0, after.Start))
            return null;
        if (ProFormObject(after.Start, after.End))
            return null;
        after = NominalSubjectWords(k, after);
        frame.Start = after.Start;
        frame.End = after.End;
        return frame;
    }

    /// <summary>
    /// Between the cue's end and token <paramref name="from"/> stands the cue's object (a word that is not "that",
    /// a particle of the cue such as "out", an adverb such as "only" or "repeatedly", or a time): "passed the House on
    /// Thursday", "sued the DNC". Not "spoke only in evasive bromides": a manner phrase after a verb of speaking, whose
    /// frame still gives the quotations after it their speaker (PolNeAR train).
    /// </summary>
    private bool ObjectBefore(Frame frame, int from)
    {
        for (int t = _view.FirstTokenAtOrAfter(frame.CueEnd); t >= 0 && t < from && t < _tokens.Length; t++)
        {
            if (_view.IsWord(t) && !WordIs(t, "that") && !WordIn(t, CueParticles) && !LyAdverb(t) && !WordIn(t, ModalFillers) && !WordIs(t, "only") && SkipTime(t, from) == t)
                return true;
        }
        return false;
    }

    /// <summary>
    /// The object is one lower-case noun with no determiner right before the preposition at <paramref name="from"/>:
    /// "voiced confidence in the ability of …", "expressed interest in …": the phrase is the noun's complement, what the
    /// stance is about, not a place or time of the deed (allsides sample, branch qa-quotes52).
    /// </summary>
    private bool BareNounComplement(Frame frame, int from)
    {
        int first = _view.FirstTokenAtOrAfter(frame.CueEnd);
        return first >= 0 && first == from - 1 && _view.IsWord(first) && !_view.IsCapitalised(first) && _view.TokenMention[first] < 0
            && !WordIn(first, SpeechWords.PersonalPronouns) && !WordIn(first, ObjectPronouns) && !WordIn(first, SpeechWords.Determiners);
    }

    /// <summary>
    /// From <paramref name="t"/> to the sentence's end a comma ("in Burlington, Vt., some free advice": the phrase
    /// may hold the words), or the phrase opens with a compound preposition that is the cue's own ("in favor of",
    /// "in support of", "in place of", "in case": votes and stances, no place or time; a closed class of English grammar).
    /// </summary>
    private bool CommaOrComplexPreposition(int t, int s1)
    {
        if (WordIs(t, "in") && (WordIs(t + 1, "favor") || WordIs(t + 1, "favour") || WordIs(t + 1, "support") || WordIs(t + 1, "place") || WordIs(t + 1, "case") || WordIs(t + 1, "lieu")))
            return true;
        for (int k = t; k < s1; k++)
        {
            if (IsComma(k))
                return true;
        }
        return false;
    }

    /// <summary>
    /// From <paramref name="t"/> to the sentence's end only a second attribution: "according to" and a short phrase
    /// ("according to the Ledger."), or a short noun phrase and a verb of saying with at most a time or a place of saying
    /// after it ("the Ledger reported.", "the Gazette reported Friday.", "CNN reports."). No quotation, "that" or comma.
    /// </summary>
    private bool TrailingAttributionOnly(int t, int s1)
    {
        int end = s1;
        while (end > t && (IsSentenceEndPunct(end - 1) || _tokens[end - 1].Kind == TokenKind.Quote))
            end--;
        if (end <= t)
            return false;
        for (int k = t; k < end; k++)
        {
            if (IsComma(k) || WordIs(k, "that") || _tokens[k].Kind == TokenKind.Quote || _view.MarkRole[k] != 0)
                return false;
        }
        if (WordIs(t, "according") && WordIs(t + 1, "to"))
            return end - t <= 10 && end > t + 2;
        // The noun phrase of the one who reported: an article or a capitalised word first, at most five words.
        if (!(WordIs(t, "the") || _view.IsCapitalised(t) || _view.TokenMention[t] >= 0))
            return false;
        for (int k = t + 1; k < end && k - t <= 5; k++)
        {
            if (!IsStrongSpeechCue(k) && !(IsCue(k) && StatsOf(k) is { SourceBefore: >= 0.75f }))
                continue;
            // "the Ledger reported.", "… reported Friday.", "… reported in a story.": not "The Foundation refused to release …".
            int after = SkipTime(k + 1, end);
            return after >= end || OccasionOnly(after, s1);
        }
        return false;
    }

    /// <summary>
    /// The dash that closes an aside holding cue <paramref name="k"/> (an odd number of dashes outside quotations
    /// between the sentence's start and the cue, and one more after it), or -1. Not an aside that opens with
    /// "or", "and" or "but" ("doesn't know – or is refusing to tell us – how many …": a second verb whose words
    /// follow the aside) or "as" ("Polls — as the mayor told reporters — show …": the sentence around it is what
    /// was said).
    /// </summary>
    private int AsideClose(int k, int s0, int s1)
    {
        int open = -1, dashes = 0;
        for (int t = s0; t < k; t++)
        {
            if (AsideDash(t))
            {
                dashes++;
                open = t;
            }
        }
        if (dashes % 2 == 0 || WordIs(open + 1, "or") || WordIs(open + 1, "and") || WordIs(open + 1, "but") || WordIs(open + 1, "as"))
            return -1;
        for (int t = k + 1; t < s1; t++)
        {
            if (AsideDash(t))
                return t;
        }
        return -1;
    }

    /// <summary>
    /// A dash outside quotations that can open or close an aside: spaced on both sides ("a – b", "a -- b"), or an
    /// em dash or "--" between two words ("needed—indeed"). Not a hyphen, an unspaced en dash ("(D–Mass.)") or a dash
    /// spaced on one side only: "45-year-old", "1- or 2-point", "the f— word", "our Reagan- the greatest" (allsides
    /// samples 7301 and 7302).
    /// </summary>
    private bool AsideDash(int t)
    {
        if (!IsDash(t) || _view.TokenQuote[t] >= 0)
            return false;
        int a = _tokens[t].Start, b = _tokens[t].End;
        bool spaceBefore = a == 0 || char.IsWhiteSpace(_text[a - 1]);
        bool spaceAfter = b >= _text.Length || char.IsWhiteSpace(_text[b]);
        if (spaceBefore && spaceAfter)
            return true;
        return !spaceBefore && !spaceAfter && (b - a >= 2 || _text[a] == '—') && a > 0 && b < _text.Length
            && char.IsLetterOrDigit(_text[a - 1]) && char.IsLetterOrDigit(_text[b]);
    }

    /// <summary>
    /// "… the 2012 tweet, which he deleted during the night, …", "the voters whom Trump blamed for …", "a
    /// tale which Magruder told me later": the speaker stands right after "which" or "whom", and the cue is
    /// followed by an addressee, a preposition, "and" or the clause's end, so what was said is the noun the
    /// relative clause hangs on, not the words after the cue (read on unseen news, allsides samples 9191 and
    /// 9192: those words were a time, a place or the next clause). "which he said was a joke" and "in which he
    /// said he …" keep their words.
    /// </summary>
    private bool RelativeObjectGap(Frame frame, int from, int s1)
    {
        if (frame.SourceForm == SourceForm.None || frame.SourceStart < 0)
            return false;
        int first = _view.FirstTokenAtOrAfter(frame.SourceStart);
        if (first < 1 || !(WordIs(first - 1, "which") || WordIs(first - 1, "whom")) || first - 2 >= 0 && WordIn(first - 2, SpeechWords.Prepositions))
            return false;
        // Not at a dash: "— which X denies — that he once said …" names the words in an apposition.
        return from >= s1 || !_view.IsWord(from) && _tokens[from].Kind is not (TokenKind.Quote or TokenKind.Dash) || WordIn(from, SpeechWords.Prepositions) || WordIn(from, ObjectPronouns)
            || WordIs(from, "and") || WordIs(from, "but");
    }

    /// <summary>
    /// "said so in his plea", "has said little about the plan", "said something very odd Tuesday", "to say
    /// nothing of …", "says as much about us": words that open with a pronoun standing for what was said
    /// (a closed class of English grammar) and no verb of their own are the cue's object, not the words
    /// (read on unseen news, allsides samples 9191 and 9192). A verb after it keeps them: "says something
    /// dramatic would need to happen", "said nothing was found".
    /// </summary>
    private bool ProFormObject(int startChar, int endChar)
    {
        // The words are given as character offsets; their tokens are looked at.
        int t = _view.FirstTokenAtOrAfter(startChar);
        if (t >= _tokens.Length)
            return false;
        int s1 = Math.Min(_view.FirstTokenAtOrAfter(endChar), _view.SentenceEnd(t));
        // Only right after the cue, in lower case: "knows that nothing … would" and "noting that Little ordered" open words.
        if (t < 1 || WordIs(t - 1, "that") || char.IsUpper(_text[_tokens[t].Start]))
            return false;
        if (WordIs(t, "as") && WordIs(t + 1, "much"))
            t++;
        else if (!WordIn(t, ProFormObjects) || WordIs(t, "so") && (WordIs(t + 1, "far") || WordIs(t + 1, "much") || WordIs(t + 1, "many")))
            return false;
        // A finite verb before the clause's next comma makes the pronoun its subject ("nothing short of a war on
        // spending will change …"); not one right after a relative pronoun ("something about contacts that are …").
        for (int u = t + 1; u < s1; u++)
        {
            if (IsComma(u) || IsPunct(u, ';') || IsPunct(u, ':') || _tokens[u].Kind is TokenKind.Quote or TokenKind.Dash)
                break;
            if ((WordIn(u, FiniteAuxiliaries) || WordIs(u, "be") || WordIs(u, "been")) && !WordIn(u - 1, SpeechWords.Relatives) && !WordIs(u - 1, "that"))
                return false;
        }
        return true;
    }

    /// <summary>Pronouns that stand for the words said rather than open them ("said so", "said little", "say nothing"); "much", "yes" and "no" are left out ("say much of the blow would …", "says yes").</summary>
    private static readonly System.Collections.Frozen.FrozenSet<string> ProFormObjects = System.Collections.Frozen.FrozenSet.ToFrozenSet(
        ["so", "nothing", "little", "anything", "something", "otherwise"], StringComparer.Ordinal);

    /// <summary>
    /// For a cue word that is a negated auxiliary or a modal ("don't", "wouldn't", "must", "can't") or an adverb
    /// in "-ly" that is neither a speech adverb (speech-adverbs.tsv, "publicly") nor an evidential one
    /// (speech-evidential-adverbs.tsv, "reportedly"): the verb after it (past "not" and up to three fillers)
    /// when that verb heads cues ("don't think", "wouldn't say", "hasn't decided"), -1 when no such verb
    /// follows and no complement opens within four words ("didn't heed the warnings", "unanimously upheld
    /// the law", "are quietly but firmly eased out": read on unseen news, allsides samples 9191 and 9192,
    /// such frames were the rest of the clause given as words), else <paramref name="k"/> itself ("aren't
    /// sure that …", "acutely aware that …", "deeply suspicious of …", "clearly anxious to see …" keep their frame).
    /// </summary>
    private int ModifierHead(int k)
    {
        if (!_view.IsWord(k) || _view.TokenMention[k] >= 0 || char.IsUpper(_text[_tokens[k].Start]))
            return k;
        var w = _view.Lower(k, 40);
        bool auxiliary = w.Length > 3 && (w.EndsWith("n't", StringComparison.Ordinal) || w.EndsWith("n\u2019t", StringComparison.Ordinal))
            || WordIn(k, ModalHeads);
        // Not an adverb PolNeAR train marks as a cue standing alone, with no source before it and no object
        // after it ("allegedly leaving a Bible …", "supposedly final"): it reports on its own.
        bool adverb = !auxiliary && w.Length >= 5 && w.EndsWith("ly", StringComparison.Ordinal) && !WordIsAny(k, SpeechWords.LyNonAdverbs)
            && !EvidentialAdverbs.Contains(w) && !CueFeatures.Skippable.GetAlternateLookup<ReadOnlySpan<char>>().Contains(w)
            && StatsOf(k) is not { SourceBefore: < 0.5f, Object: < 0.5f };
        if (!auxiliary && !adverb)
            return k;
        int s1 = _view.SentenceEnd(k);
        int h = k + 1;
        for (int skipped = 0; h < s1 && skipped < 3 && (WordIs(h, "not") || WordIn(h, ModalFillers) || LyAdverb(h)); skipped++)
            h++;
        if (h < s1 && _view.IsWord(h) && _view.TokenMention[h] < 0 && _view.TokenQuote[h] < 0 && !char.IsUpper(_text[_tokens[h].Start])
            && !WordIn(h, SpeechWords.Determiners) && !WordIn(h, SpeechWords.Prepositions) && !WordIn(h, SpeechWords.PersonalPronouns)
            && (IsLooseCue(h) || StatsOf(h) is { Cue: >= 3 }))
            return h;
        // A complement the words can open: "that", a question word, or "of"/"about" after an adjective.
        for (int u = k + 1; u < s1 && u <= k + 4; u++)
        {
            if (_view.TokenQuote[u] >= 0 || _view.MarkRole[u] != 0 || IsPunct(u, ',') || IsSentenceEndPunct(u))
                break;
            if (WordIs(u, "that") || WordIn(u, QuestionOpeners) || (u == h + 1 && (WordIs(u, "of") || WordIs(u, "about") || WordIs(u, "to"))))
                return k;
        }
        return -1;
    }

    /// <summary>A lower-case adverb in "-ly" (not one of speech-ly-non-adverbs.tsv).</summary>
    private bool LyAdverb(int t)
    {
        if (!_view.IsWord(t) || char.IsUpper(_text[_tokens[t].Start]))
            return false;
        var w = _view.Word(t);
        return w.Length >= 5 && w.EndsWith("ly", StringComparison.Ordinal) && !WordIsAny(t, SpeechWords.LyNonAdverbs);
    }

    /// <summary>Modal auxiliaries the cue lexicon holds as heads (PolNeAR marks "must admit", "cannot say" whole); a closed class of English grammar.</summary>
    private static readonly System.Collections.Frozen.FrozenSet<string> ModalHeads = System.Collections.Frozen.FrozenSet.ToFrozenSet(
        ["must", "cannot"], StringComparer.Ordinal);

    /// <summary>Closed adverbs between an auxiliary and its verb ("don't really think", "hasn't yet decided", "wouldn't even say").</summary>
    private static readonly System.Collections.Frozen.FrozenSet<string> ModalFillers = System.Collections.Frozen.FrozenSet.ToFrozenSet(
        ["really", "even", "just", "yet", "also", "always", "ever", "necessarily", "still", "be", "so"], StringComparer.Ordinal);

    /// <summary>
    /// For a cue word in "-ly" (not a speech adverb of speech-adverbs.tsv, which has its own place) the
    /// verb right after it that heads cues in PolNeAR train ("enthusiastically cheers", "finally
    /// acknowledged", "happily retweeted": PolNeAR marks the adverb and the verb as one cue and the
    /// words after the verb), or -1. Not before "to", "that" or a function word ("likely to", "widely
    /// seen" keeps "seen").
    /// </summary>
    private int AdverbBeforeCue(int k)
    {
        int h = k + 1;
        if (h >= _view.SentenceEnd(k) || !_view.IsWord(k) || !_view.IsWord(h) || _view.TokenQuote[h] >= 0 || _view.TokenMention[h] >= 0)
            return -1;
        var w = _view.Word(k);
        if (w.Length < 5 || !w.EndsWith("ly", StringComparison.Ordinal) || char.IsUpper(w[0]) || char.IsUpper(_view.Word(h)[0]))
            return -1;
        Span<char> buffer = stackalloc char[40];
        var skippable = CueFeatures.Skippable.GetAlternateLookup<ReadOnlySpan<char>>();
        if (skippable.Contains(CueFeatures.Lower(w, buffer)) || skippable.Contains(CueFeatures.Lower(_view.Word(h), buffer))
            || WordIn(h, SpeechWords.Determiners) || WordIn(h, SpeechWords.Prepositions) || WordIn(h, SpeechWords.PhraseStops) || WordIn(h, SpeechWords.PersonalPronouns))
            return -1;
        return IsLooseCue(h) || StatsOf(h) is { Cue: >= 3 } ? h : -1;
    }

    /// <summary>"Mayor", "Secretary", "Defense": a capitalised word of titles.tsv's title run before a name.</summary>
    private bool CapitalisedTitle(int t)
    {
        if (!_view.IsWord(t) || !char.IsUpper(_text[_tokens[t].Start]))
            return false;
        Span<char> buffer = stackalloc char[40];
        return EntityLexicons.TitleWords.GetAlternateLookup<ReadOnlySpan<char>>().Contains(CueFeatures.Lower(_view.Word(t).TrimEnd('.'), buffer));
    }

    /// <summary>"Mr.", "Sen.", "Gov.": a short capitalised abbreviation, a title before a name.</summary>
    private bool TitleAbbreviation(int t) =>
        _tokens[t].Kind == TokenKind.Abbreviation && _tokens[t].Length <= 5 && char.IsUpper(_text[_tokens[t].Start]) && _text[_tokens[t].Start + _tokens[t].Length - 1] == '.';

    private bool IsParticipleCue(int k) => _view.IsWord(k) && SpeechWords.IsParticiple(CueFeatures.Lower(_view.Word(k), stackalloc char[40]));

    /// <summary>
    /// Tokens [a, comma) are a noun phrase with no verb, a comma, and a side phrase opened by a lower-case participle
    /// ("A second fighter, standing on a road with a sign sprayed with paint", "The report, released on Tuesday by the
    /// agency", "Paul Krugman, sounding like every pundit you've known") that runs to the comma: the subject of the verb
    /// after the comma and its side phrase, so no words an inverted "…, described X" reports (the verbs inside the side
    /// phrase made it look like a clause). Not "including", "during", "according" (no participles) and not when a later
    /// part opens with an auxiliary ("The hearing, expected to be closed, could happen Tuesday, said X": a clause).
    /// </summary>
    private bool SubjectWithSidePhrase(int a, int comma)
    {
        int first = a;
        while (first < comma && !IsComma(first) && _view.MarkRole[first] == 0 && !IsDash(first))
            first++;
        if (first >= comma - 1 || first == a || !IsComma(first) || HasVerb(a, first) || WordIn(a, SpeechWords.Openers))
            return false;
        int p = first + 1;
        if (!_view.IsWord(p) || _view.TokenMention[p] >= 0 || char.IsUpper(_text[_tokens[p].Start]))
            return false;
        var w = _view.Word(p);
        bool participle = w.Length > 4 && (w.EndsWith("ing", StringComparison.Ordinal) || w.EndsWith("ed", StringComparison.Ordinal));
        if (!participle || WordIs(p, "including") || WordIs(p, "during") || WordIs(p, "according") || WordIs(p, "regarding") || WordIs(p, "following"))
            return false;
        for (int t = p; t < comma; t++)
        {
            if (_view.MarkRole[t] != 0 || IsPunct(t, ';') || IsPunct(t, ':'))
                return false;
            if (IsComma(t) && t + 1 < comma && (WordIn(t + 1, Auxiliaries) || WordIn(t + 1, SpeechWords.PersonalPronouns)))
                return false;
        }
        return true;
    }

    /// <summary>
    /// Tokens from a quotation's closing mark to the comma <paramref name="comma"/> are one short noun phrase with a role
    /// noun in it and no verb ("her chief spokesman", "the speaker of the house"): the apposition of the name after the comma.
    /// </summary>
    private bool RoleAfterQuotation(int comma)
    {
        int r = comma - 1;
        while (r >= 0 && comma - r <= 7 && _view.MarkRole[r] == 0 && _tokens[r].Kind != TokenKind.Quote && !IsComma(r) && !IsSentenceEndPunct(r))
            r--;
        // The quotation closes the same sentence's first clause with its own comma or question mark ("“…,” the
        // spokesman, X, said"), not a sentence before it ("….'' / The museum, Mr. Obama said, would …": the noun
        // phrase there is the subject of the words around a parenthetical attribution).
        if (r < 1 || r >= comma - 1 || _view.MarkRole[r] != 2 || HasVerb(r + 1, comma) || SentenceOf(r) != SentenceOf(comma)
            || !(IsComma(r - 1) || IsPunct(r - 1, '?') || IsPunct(r - 1, '!')))
            return false;
        Span<char> buffer = stackalloc char[40];
        var roles = Entities.EntityLexicons.RoleNouns.GetAlternateLookup<ReadOnlySpan<char>>();
        for (int t = r + 1; t < comma; t++)
        {
            if (_view.IsWord(t) && _view.TokenMention[t] < 0 && roles.Contains(CueFeatures.Lower(_view.Word(t), buffer)))
                return true;
        }
        // "his campaign manager": title words with no role noun of the list, as the quotation finder takes them.
        return RoleBeforeName(r + 1, new SourceSpan(comma + 1, comma + 2, SourceForm.Name), personNeeded: false);
    }

    /// <summary>
    /// "Trump's incoming press secretary, Sean Spicer,", "her chief spokesman, Steffen Seibert,": a person's name set off
    /// by commas after a noun phrase that ends in a role noun (role-nouns of the entities layer): the name is the subject
    /// of the verb after it, never the end of words an inverted "…, questioned X" reports.
    /// </summary>
    private bool RoleAppositionName(SourceSpan left)
    {
        if (left.Start < 1 || left.Form != SourceForm.Name || _view.MentionType(left.End - 1) != "PERSON" || !IsComma(left.Start - 1))
            return false;
        int role = left.Start - 2;
        if (role < 0 || !_view.IsWord(role) || _view.TokenMention[role] >= 0)
            return false;
        Span<char> buffer = stackalloc char[40];
        return Entities.EntityLexicons.RoleNouns.GetAlternateLookup<ReadOnlySpan<char>>().Contains(CueFeatures.Lower(_view.Word(role), buffer));
    }

    /// <summary>
    /// "…, reports CBS News correspondent Julianna Goldman.", "…, wrote Nobel Prize winner Paul Romer.", "…, writes the
    /// Associated Press.": a verb whose attributions have their source before it but that also takes objects ("wrote",
    /// "writes") or is mostly a noun ("reports") is inverted too when a name closes the sentence right after it and the
    /// phrase before the comma names no one (a name or pronoun there is the subject: "X, his aide, wrote the memo").
    /// Before, the phrase before the comma was the speaker and the name the words (allsides sample of 4,000: 17 such).
    /// </summary>
    private bool InvertedByName(int k, SourceSpan left)
    {
        if (StatsOf(k) is not { Cue: >= 15, SourceBefore: >= 0.75f, After: < 0.8f } || IsParticipleCue(k) || !_view.IsWord(k) || char.IsUpper(_view.Word(k)[0]))
            return false;
        if (left.Form == SourceForm.Pronoun || left.Form == SourceForm.Name && _view.MentionType(left.End - 1) is "PERSON" or "ORG" or "MEDIA" or "NORP")
            return false;
        if (InvertedSpeaker(k) is not { Start: >= 0, Form: SourceForm.Name } speaker)
            return false;
        // The name closes the sentence, or only its own description follows ("…, reports Lena Marsh, a harbour
        // correspondent."); not a name the sentence goes on after ("The program, called EB-5, allows …").
        int after = speaker.End;
        return after >= _view.SentenceEnd(k) || IsSentenceEndPunct(after)
            || IsComma(after) && (WordIn(after + 1, SpeechWords.Determiners) || WordIn(after + 1, SpeechWords.Relatives) || _view.IsCapitalised(after + 1));
    }

    /// <summary>A speaker right after the cue that closes the clause: a name or a noun phrase followed by the sentence's end, a comma, a bracket or a preposition ("said X.", "said X, a …", "says X in Almaty").</summary>
    private SourceSpan InvertedSpeaker(int k)
    {
        int s1 = _view.SentenceEnd(k);
        if (k + 1 >= s1 || WordIn(k + 1, SpeechWords.PersonalPronouns) || WordIs(k + 1, "that") || _view.MarkRole[k + 1] != 0)
            return SourceSpan.None;
        // "…, X said in Berlin.", "…, said in a statement.": a preposition right after the verb opens a place or
        // occasion of saying, never an inverted speaker (RightSource passes over "in", "on" as time words, so
        // "Berlin" and "a statement" were read as the speakers; allsides seeds 8201/8202: 3 such quotes in 800 articles).
        if (WordIn(k + 1, SpeechWords.Prepositions))
            return SourceSpan.None;
        var right = RightSource(k + 1);
        if (right.Start < 0 || right.Form is not (SourceForm.Name or SourceForm.Nominal))
            return SourceSpan.None;
        int after = right.End;
        bool closes = after >= s1 || IsSentenceEndPunct(after) || IsComma(after) || IsPunct(after, '(') || WordIn(after, SpeechWords.Prepositions) || _tokens[after].Kind == TokenKind.Quote;
        return closes && OnlyTrailer(after, s1) ? right : SourceSpan.None;
    }

    /// <summary>
    /// For a cue that hangs on an earlier verb without a frame of its own ("X compared …, adding …"):
    /// a frame standing for the sentence's subject.
    /// </summary>
    private Frame? NearestSubjectFrame(int k, int s0)
    {
        // "But the UK might try …, arguing …": a conjunction opening the sentence is no stop before its subject.
        if (s0 + 1 < k && (WordIs(s0, "but") || WordIs(s0, "and") || WordIs(s0, "so") || WordIs(s0, "yet")))
        {
            s0++;
            // "And, making matters trickier, humans are …": the comma after it too, so the opening phrase is passed over.
            if (s0 + 1 < k && IsComma(s0))
                s0++;
        }
        var subject = SubjectOf(s0, k);
        if (subject.Start < 0)
            return null;
        var holder = new Frame { Start = _tokens[subject.Start].Start, End = _tokens[subject.End - 1].End };
        SetSource(holder, subject.Start, subject.End, subject.Form);
        return holder;
    }

    /// <summary>"Still, …", "Even so, …", "In Iowa, …": a short opening phrase and its comma are not the reported words.</summary>
    private int SkipLeadingAdverb(int t, int limit)
    {
        int comma = t;
        while (comma < limit && comma - t <= 3 && !IsComma(comma) && _view.MarkRole[comma] == 0)
            comma++;
        if (comma < limit && comma - t <= 3 && IsComma(comma) && comma > t && (WordIn(t, SpeechWords.Openers) || WordIs(t, "even") || WordIs(t, "so")))
            return comma + 1;
        return t;
    }

    /// <summary>"is expected", "was reported", "has been criticized": the cue's subject is not its source.</summary>
    private bool IsPassive(int k)
    {
        int p = k - 1;
        while (p >= 0 && _view.IsWord(p) && (WordIs(p, "also") || WordIs(p, "not") || WordIs(p, "widely") || WordIs(p, "being") || WordIs(p, "first") || _view.Word(p).EndsWith("ly", StringComparison.Ordinal)))
            p--;
        return WordIs(p, "is") || WordIs(p, "are") || WordIs(p, "was") || WordIs(p, "were") || WordIs(p, "be") || WordIs(p, "been") || WordIs(p, "being")
            || WordIs(k, "reportedly") || WordIs(k, "allegedly");
    }

    /// <summary>
    /// "Their allegations about the mayor are acknowledged to be …", "Her critique of the plan was polite": a noun cue after
    /// an article or possessive with its preposition is the subject of the clause's own verb; its words are the noun phrase
    /// up to that verb's auxiliary, not the predicate after it (PolNeAR train: 11 of 23 such contents were exactly the noun
    /// phrase, 1 the whole). Not when the words open with a question word or hold a comma, "that" or a relative before it.
    /// </summary>
    private (int Start, int End) NominalSubjectWords(int k, (int Start, int End) after)
    {
        if (!(WordIn(k - 1, SubjectDeterminers) || PossessiveName(k - 1)) || VerbForm(k))
            return after;
        int first = _view.FirstTokenAtOrAfter(after.Start);
        if (first < 1 || !WordIn(first - 1, CuePrepositions) && !WordIn(first - 1, SpeechWords.Prepositions) || WordIn(first, QuestionOpeners) || WordIs(first, "that"))
            return after;
        for (int t = first + 1; t < _tokens.Length && _tokens[t].Start < after.End; t++)
        {
            if (IsComma(t) || _tokens[t].Kind == TokenKind.Quote || _view.TokenQuote[t] >= 0 || WordIs(t, "that") || WordIn(t, SpeechWords.Relatives) || WordIn(t, QuestionOpeners))
                return after;
            if (WordIn(t, FiniteAuxiliaries) && t - first <= 12)
                return Words(first, t) is { Start: >= 0 } np ? np : after;
        }
        return after;
    }

    /// <summary>
    /// The speaker <paramref name="left"/> stands before a passive cue <paramref name="k"/> (a form of "be" before a past
    /// participle: "are acknowledged", "was told", "is being considered") whose subject is not its source: any participle
    /// but those of speech-holder-passives.tsv and "quoted". Not "reportedly"/"allegedly" (the subject is the speaker) and not a
    /// progressive ("has been saying").
    /// </summary>
    private bool PassiveSubject(int k, SourceSpan left)
    {
        if (left.End > k || !_view.IsWord(k) || _view.IsCapitalised(k) || WordIs(k, "reportedly") || WordIs(k, "allegedly") || WordIn(k, SpeechWords.HolderPassives))
            return false;
        // "X was quoted as saying …", "X was quoted in the Post repeating …": the one quoted is the speaker.
        if (WordIs(k, "quoted"))
            return false;
        // "Prominent lawmakers seen at the Capitol", "the championship course known as …": a participle that is never a
        // simple past, right after its noun with no auxiliary of the perfect ("We've seen", "who have known"), is a
        // passive cut short; its noun is what is seen or known, not who sees it.
        if (!IsPassive(k))
            return left.End == k && WordIn(k, IrregularParticiples) && !PerfectBefore(k);
        var w = _view.Lower(k, 40);
        return w.EndsWith("ed", StringComparison.Ordinal) && w.Length >= 4 || WordIn(k, SpeechWords.IrregularPasts) || WordIn(k, IrregularParticiples) || WordIs(k, "said") || WordIs(k, "told");
    }

    /// <summary>
    /// "Hunter was asked whether …. “I don't know,” he responded.": the subject of a passive question verb is not its speaker
    /// but the one who answers next (PolNeAR train: of 50 "was/were/been asked, pressed, questioned", the attributions after
    /// the question that had a source had the one asked, or a pronoun for them, as it in all but the asker's own quotation).
    /// </summary>
    private void Asked(Frame frame, int k, SourceSpan left)
    {
        // Not a relative ("CEOs, who were asked whether …"): the clause tells of its noun, and the next quotation is
        // no answer of theirs.
        // Only a person named (not a pronoun, "they" or an organisation: read on unseen news, "the last time she was asked"
        // took the woman who spoke last, and "they were asked" came before scare quotes), right before the auxiliary or an
        // apposition of theirs ("Sen. X, D-Hawaii, was asked"; not "X, professor at Y, who …, was asked", where Y was read).
        if (left.Form == SourceForm.Name && _view.MentionType(left.End - 1) == "PERSON" && WordIn(k, SpeechWords.QuestionedParticiples) && !UnaskedYet(k) && NextToAuxiliary(left.End, k))
        {
            frame.AskedStart = _tokens[left.Start].Start;
            frame.AskedEnd = _tokens[left.End - 1].End;
            frame.AskedForm = left.Form;
        }
    }

    /// <summary>
    /// "Bolton could be asked …", "she will be pressed on …": a bare "be" (after a modal or "to") before the participle puts
    /// a question that has not been asked, so no answer follows it.
    /// </summary>
    private bool UnaskedYet(int k) => WordIs(AuxiliaryStart(k), "be");

    /// <summary>From token <paramref name="end"/> only "also", "not" or "-ly" adverbs stand before the auxiliary of the participle at <paramref name="k"/> ("Conway also was asked").</summary>
    private bool NextToAuxiliary(int end, int k)
    {
        int aux = AuxiliaryStart(k);
        // "Robert Gibbs, an adviser to Mr. Obama, was asked": an apposition between commas, with no relative or quotation in it.
        if (IsComma(end) && aux - end <= 16 && IsComma(aux - 1))
        {
            for (int t = end + 1; t < aux - 1; t++)
            {
                if (WordIn(t, SpeechWords.Relatives) || WordIs(t, "that") || _tokens[t].Kind == TokenKind.Quote || IsComma(t) && !_view.IsWord(t + 1))
                    return false;
            }
            return true;
        }
        while (end < aux && _view.IsWord(end) && (WordIs(end, "also") || WordIs(end, "not") || LyAdverb(end)))
            end++;
        return end == aux;
    }

    /// <summary>The auxiliary before the participle at <paramref name="k"/>, past "also", "not", "-ly" adverbs and a "been" or "being" after "has", "was".</summary>
    private int AuxiliaryStart(int k)
    {
        int p = k - 1;
        while (p >= 0 && _view.IsWord(p) && (WordIs(p, "also") || WordIs(p, "not") || LyAdverb(p)))
            p--;
        if ((WordIs(p, "been") || WordIs(p, "being")) && (WordIs(p - 1, "has") || WordIs(p - 1, "have") || WordIs(p - 1, "had") || WordIs(p - 1, "was") || WordIs(p - 1, "were") || WordIs(p - 1, "is") || WordIs(p - 1, "are")))
            p--;
        return p;
    }

    /// <summary>An auxiliary of the perfect before token <paramref name="k"/>, past adverbs in "-ly" and "also", "not", "long", "already": "has", "have", "had", "having", or a contraction ("We've", "they’d", "he's").</summary>
    private bool PerfectBefore(int k)
    {
        int p = k - 1;
        while (p >= 0 && _view.IsWord(p) && (WordIs(p, "also") || WordIs(p, "not") || WordIs(p, "long") || WordIs(p, "already") || WordIs(p, "never") || WordIs(p, "ever") || WordIs(p, "since") || LyAdverb(p)))
            p--;
        if (p < 0 || !_view.IsWord(p))
            return false;
        if (WordIs(p, "has") || WordIs(p, "have") || WordIs(p, "had") || WordIs(p, "having"))
            return true;
        var w = _view.Lower(p, 40);
        // "he's spoken out", "she’s become": before a participle, "'s" is "has"; not before "as", "that", "to", "for" or
        // "by", where it is "is" ("it's known that …", "he's seen as …").
        if (w.EndsWith("'s", StringComparison.Ordinal) || w.EndsWith("’s", StringComparison.Ordinal))
            return !(WordIs(k + 1, "as") || WordIs(k + 1, "that") || WordIs(k + 1, "to") || WordIs(k + 1, "for") || WordIs(k + 1, "by"));
        return w.EndsWith("'ve", StringComparison.Ordinal) || w.EndsWith("’ve", StringComparison.Ordinal) || w.EndsWith("'d", StringComparison.Ordinal) || w.EndsWith("’d", StringComparison.Ordinal);
    }

    /// <summary>Where a clause starts before token <paramref name="t"/>: the sentence start, or after a colon or semicolon.</summary>
    private int ClauseStart(int t, int s0)
    {
        for (int k = t - 1; k >= s0; k--)
        {
            if (IsPunct(k, ';') || IsPunct(k, ':'))
                return k + 1;
            // A bracketed sentence the sentence reader kept with the one before: "… on a book. (She said …".
            if (IsSentenceEndPunct(k) && k + 1 < t && (IsPunct(k + 1, '(') || IsPunct(k + 1, '[')))
                return k + 2;
        }
        // Skip an opening quotation mark that only opens the sentence's quote.
        return s0;
    }

    /// <summary>
    /// Where the words of a trailing report ("…, the Herald reported.") start before token <paramref name="t"/>: as
    /// <see cref="ClauseStart"/>, but a colon after a clause with a clear cue that opens a quotation running up to
    /// the report does not start them ("Judge Olsen wrote in her ruling: “…,” the Herald reported." reports the
    /// whole sentence, the judge's quotation nested in it; before, the words were the quotation alone, which then
    /// told them, and the outlet's report was lost).
    /// </summary>
    private int ReportClauseStart(int t, int s0)
    {
        int c = ClauseStart(t, s0);
        int colon = c - 1;
        if (colon <= s0 || !IsPunct(colon, ':') || c >= t || _view.MarkRole[c] != 1 || _view.TokenQuote[c] < 0)
            return c;
        // The quotation opened after the colon closes right before t (its closing mark the last token before it).
        int q = _view.TokenQuote[c];
        if (_view.TokenQuote[t - 1] != q || NearestCueLeft(colon, s0, 12) < 0)
            return c;
        return ClauseStart(colon, s0);
    }

    /// <summary>After the speaker of "…, X said", only a time, a place of saying or the end: "on Tuesday.", "in a statement.", "told reporters."</summary>
    private bool OnlyTrailer(int t, int s1)
    {
        int words = 0;
        // A subject after the cue starts the reported clause: "…, said she had ordered more patrols".
        int first = t;
        while (first < s1 && _tokens[first].Kind is TokenKind.Quote)
            first++;
        if (first < s1 && (WordIn(first, SpeechWords.PersonalPronouns) || WordIn(first, SpeechWords.Determiners) || WordIs(first, "there")))
            return false;
        // "…, Mr. Garin said Mrs. Clinton, who …, did better": a person named right after a verb of
        // saying that takes no object is the reported clause's subject, not a trailer ("…, she told
        // CNN." keeps its addressee).
        if (first < s1 && first == t && (TitleAbbreviation(first) || _view.MentionType(first) == "PERSON") && IsStrongSpeechCue(first - 1) && StatsOf(first - 1) is { Object: < 0.3f })
            return false;
        if (OccasionOnly(first, s1))
            return true;
        // "…, said the simplistic approach put forward by Trump is insufficient.": a lower-case finite auxiliary or
        // modal after the noun phrase, before any comma and with no relative or subordinate clause opened before it,
        // is the verb of a reported clause whose subject that noun phrase is; it is no trailer naming a speaker
        // ("…, said a man who was there.", "…, said X as he was leaving." keep theirs).
        bool clauseOpened = false;
        for (int k = t; k < s1; k++)
        {
            if (IsSentenceEndPunct(k) || _tokens[k].Kind == TokenKind.Quote)
                continue;
            if (IsComma(k))
                return words <= 5;
            if (WordIs(k, "that") || IsPunct(k, ':') || _view.MarkRole[k] == 1)
                return false;
            if (_view.IsWord(k) && !clauseOpened)
            {
                if (WordIn(k, SpeechWords.Relatives) || WordIn(k, TrailerClauseOpeners))
                    clauseOpened = true;
                else if (WordIn(k, FiniteAuxiliaries) && char.IsLower(_text[_tokens[k].Start]))
                    return false;
            }
            words++;
            if (words > 5)
                return false;
        }
        return true;
    }

    /// <summary>
    /// The second half of words an attribution splits, "…, he said [on Tuesday], have involved …":
    /// after a comma that closes the attribution (at most a few words of time or place before it), the
    /// rest of the sentence when it goes on with the words, not with a side phrase ("…, adding that",
    /// "…, a 16-point margin"), another cue, a quotation or only a place of saying. (-1, -1) otherwise.
    /// </summary>
    private (int Start, int End) Continuation(int t, int s1)
    {
        int comma = -1;
        for (int k = t, words = 0; k < s1; k++)
        {
            if (IsComma(k))
            {
                comma = k;
                break;
            }
            if (!_view.IsWord(k) || WordIs(k, "that") || IsCue(k) || ++words > 5)
                return (-1, -1);
        }
        int z = comma + 1;
        if (comma < 0 || z >= s1 || !_view.IsWord(z) || _view.TokenQuote[z] >= 0 || IsCue(z) || IsParticipleCue(z) || SidePhrase(z)
            || (WordIs(z, "according") && WordIs(z + 1, "to")) || OccasionOnly(z, s1))
            return (-1, -1);
        var rest = ContentAfter(z, s1);
        return rest.Start >= 0 && WordCount(rest.Start, rest.End) >= 2 ? rest : (-1, -1);
    }

    /// <summary>
    /// From <paramref name="t"/> to the sentence end only a phrase of where, when or how the words were
    /// said: "at a news conference in New York in December", "in an email response to questions",
    /// "after the announcement" (a preposition, at most 12 words, no verb form, "that" or quotation).
    /// </summary>
    private bool OccasionOnly(int t, int s1, bool any = false)
    {
        if (!any && !(WordIs(t, "in") || WordIs(t, "at") || WordIs(t, "during") || WordIs(t, "after") || WordIs(t, "before") || WordIs(t, "while")))
            return false;
        int words = 0;
        for (int k = t; k < s1; k++)
        {
            if (IsSentenceEndPunct(k))
                continue;
            if (_tokens[k].Kind == TokenKind.Quote || WordIs(k, "that") || WordIn(k, ClauseWords) || IsCue(k) || IsPunct(k, ':') || IsPunct(k, ';'))
                return false;
            if (_view.IsWord(k) && ++words > 12)
                return false;
        }
        return words >= (any ? 1 : 2);
    }

    /// <summary>The words before the comma are an opening phrase ("Highlighting …,", "In Baghdad,"), not reported words.</summary>
    private bool OpensWithAdverbial(int s0, int comma)
    {
        int first = s0;
        while (first < comma && _tokens[first].Kind == TokenKind.Quote && _view.MarkRole[first] != 1)
            first++;
        if (first >= comma || !_view.IsWord(first))
            return false;
        Span<char> buffer = stackalloc char[40];
        var w = CueFeatures.Lower(_view.Word(first), buffer);
        // "Finding water is hard, he said.", "Seeing his brother suffer led him to …, he said.": a
        // phrase in "-ing" that a finite verb follows before the comma is the clause's subject (a
        // gerund), not an opening phrase ("Highlighting the risk, …").
        if (SpeechWords.IsParticiple(w) && !IsCue(first))
            return !GerundSubject(first, comma);
        // A short prepositional opening: "In Baghdad,", "After the meeting,".
        return WordIn(first, SpeechWords.Prepositions) && comma - first <= 6;
    }

    /// <summary>
    /// "In a Facebook message posted Friday, Cruz said …", "In a statement released Tuesday, the agency
    /// said …": the cue stands in an opening prepositional phrase (the sentence's first word a preposition,
    /// no comma before the cue) whose comma is followed by a clause with its own verb of saying and its
    /// subject right after the comma (or after a determiner there). The phrase says where the words appeared (it is that quote's
    /// cited source), not words of its own.
    /// </summary>
    private bool FrontedPlaceOfWords(int k, int s0, int wordsStart)
    {
        int first = s0;
        while (first < k && (_tokens[first].Kind == TokenKind.Quote || !_view.IsWord(first)))
            first++;
        if (first >= k || !WordIn(first, SpeechWords.Prepositions))
            return false;
        for (int t = first; t < k; t++)
            if (IsComma(t) || _view.MarkRole[t] != 0 || _view.TokenQuote[t] >= 0)
                return false;
        int comma = -1;
        for (int t = k + 1; t < _tokens.Length && _tokens[t].Start < wordsStart; t++)
            if (IsComma(t))
                comma = t;
        if (comma < 0)
            return false;
        int s1 = _view.SentenceEnd(k);
        for (int u = comma + 2; u < s1 && u <= comma + 8; u++)
        {
            if (IsComma(u) || _view.TokenQuote[u] >= 0)
                return false;
            if (IsCue(u) && IsStrongSpeechCue(u) && LeftSource(u, comma + 1) is { Start: >= 0 } subject
                && (subject.Start == comma + 1 || subject.Start == comma + 2 && WordIn(comma + 1, SpeechWords.Determiners)))
                return true;
        }
        return false;
    }

    /// <summary>
    /// Tokens (<paramref name="first"/>, <paramref name="comma"/>) hold a finite verb of the phrase that
    /// the "-ing" word at <paramref name="first"/> opens: an auxiliary ("is", "was", "has", "would"), or a
    /// word in "-ed" before an object ("led him", "made the"), with no "that", relative or conjunction
    /// before it (those open a clause inside the phrase: "Saying that he was …,"; the conjunctions are
    /// speech-gerund-stops.tsv).
    /// </summary>
    private bool GerundSubject(int first, int comma)
    {
        for (int t = first + 1; t < comma; t++)
        {
            if (_view.MarkRole[t] != 0 || _tokens[t].Kind == TokenKind.Quote || WordIs(t, "that") || WordIn(t, SpeechWords.Relatives)
                || WordIsAny(t, SpeechWords.GerundStops))
                return false;
            if (WordIn(t, Auxiliaries) && t > first + 1)
                return true;
            if (t > first + 1 && _view.IsWord(t) && !char.IsUpper(_text[_tokens[t].Start]) && _view.Word(t).EndsWith("ed", StringComparison.Ordinal)
                && t + 1 < comma && (WordIn(t + 1, SpeechWords.Determiners) || WordIn(t + 1, ObjectPronouns)))
                return true;
        }
        return false;
    }

    private int NextContentWord(int t)
    {
        Span<char> buffer = stackalloc char[40];
        var skippable = CueFeatures.Skippable.GetAlternateLookup<ReadOnlySpan<char>>();
        while (t < _tokens.Length && _view.IsWord(t) && skippable.Contains(CueFeatures.Lower(_view.Word(t), buffer)))
            t++;
        return t;
    }

    /// <summary>Cues that hang on an earlier verb take that verb's speaker, or the sentence's subject, or the last speaker.</summary>
    private void ResolveInherited()
    {
        foreach (var f in _frames)
        {
            if (f.InheritAt < 0 || f.HasSource || f.SpeakerOf is not null)
                continue;
            int s0 = _view.SentenceStart(f.InheritAt);
            f.SpeakerOf = PreviousFrameInSentence(f.InheritAt, f) ?? NearestSubjectFrame(f.InheritAt, s0) ?? PreviousSpeakerFrame(f.InheritAt);
        }
    }

    /// <summary>
    /// "(on|to|with) NBC's “Meet the Press”" from token <paramref name="t"/>: the token after the programme's
    /// closing mark, or -1.
    /// </summary>
    private int ProgrammeAfter(int t, int s1)
    {
        int u = WordIs(t, "on") || WordIs(t, "to") || WordIs(t, "with") ? t + 1 : t;
        for (int p = u; p < s1 && p - u < 4 && _view.IsWord(p); p++)
        {
            int mark = p + 1;
            if (!IsPossessive(p) || mark + 1 >= _tokens.Length || _tokens[mark].Kind != TokenKind.Quote || _view.TokenQuote[mark + 1] < 0)
                continue;
            var span = _view.Spans[_view.TokenQuote[mark + 1]];
            int start = span.Start, end = span.End;
            while (start < end && char.IsWhiteSpace(_text[start]))
                start++;
            while (end > start && (char.IsWhiteSpace(_text[end - 1]) || _text[end - 1] == ','))
                end--;
            if (end <= start || !span.Closed || !ProgrammeTitle(mark + 1, start, end))
                return -1;
            return _view.FirstTokenAtOrAfter(span.Outer);
        }
        return -1;
    }

    /// <summary>
    /// The first token of the reported words after a cue: past an object the cue takes ("told
    /// reporters", "urged Congress"), a place of saying ("in a statement", "on Twitter"), a time,
    /// a comma or colon, and "that".
    /// </summary>
    private int SkipComplement(int k, Frame? frame = null, int depth = 0)
    {
        int s1 = _view.SentenceEnd(k);
        int t = k + 1;
        var stats = StatsOf(k);
        // A learned phrase: "called for", "pointed out", "went on".
        Span<char> head = stackalloc char[40];
        Span<char> next = stackalloc char[40];
        if (t < s1 && _model.IsPhrase(CueFeatures.Lower(_view.Word(k), head), CueFeatures.Lower(_view.Word(t), next)))
        {
            if (frame is not null && _view.IsWord(t))
                frame.CueEnd = _tokens[t].End;
            t++;
            if (t < s1 && _model.IsPhrase(CueFeatures.Lower(_view.Word(t - 1), head), CueFeatures.Lower(_view.Word(t), next)) && _view.IsWord(t))
            {
                if (frame is not null)
                    frame.CueEnd = _tokens[t].End;
                t++;
            }
            stats = null;
        }
        int t0 = t;
        for (int pass = 0; pass < 4 && t < s1; pass++)
        {
            int before = t;
            t = SkipTime(t, s1);
            // "told CNN's “State of the Union” that …", "said on NBC's “Meet the Press” …": an outlet's
            // programme is where the words were given, not the words.
            if (ProgrammeAfter(t, s1) is int past && past > t)
            {
                t = past;
                continue;
            }
            if (WordIs(t, "in") || WordIs(t, "on") || WordIs(t, "during") || WordIs(t, "at"))
            {
                int u = t + 1;
                if (WordIn(u, SpeechWords.Determiners))
                    u++;
                if (u < s1 && (WordIn(u, SpeechWords.Weekdays) || StatementOrChannel(u) || SpeechWords.TimeWords.Contains(_view.Word(u).ToString().ToLowerInvariant())))
                {
                    t = u + 1;
                    while (t < s1 && (WordIs(t, "interview") || WordIs(t, "post") || WordIs(t, "message") || WordIs(t, "account")))
                        t++;
                    if (WordIs(t, "with") || WordIs(t, "to") || WordIs(t, "on"))
                        t = SkipPhrase(t + 1, s1);
                    continue;
                }
            }
            if (stats is { Object: >= 0.2f } && pass == 0 && !WordIs(t, "that") && !WordIn(t, SpeechWords.Prepositions) && !IsPunct(t, ':') && !IsComma(t) && _view.MarkRole[t] != 1 && !WordIs(t, "to"))
            {
                int u = SkipPhrase(t, s1);
                if (stats.Object >= 0.3f && u > t && u < s1 && (ObjectEnd(u) || (_view.TokenMention[u - 1] >= 0 || WordIn(u - 1, ObjectPronouns)) && StartsClause(u)))
                {
                    t = u;
                    if (WordIs(t, "of") || WordIs(t, "for") || WordIs(t, "about") || WordIs(t, "on"))
                        t++; // "accused X of …", "thanked X for …": the words follow the particle
                    continue;
                }
                // "asked workers if …", "asked Sanders how …", "told Megyn not to …", "told a news
                // conference they are …", "told the paper last week she would …": past the addressee
                // (and a time) a question word, "not to", or, after a verb that nearly always takes an
                // addressee, a subject pronoun opens the reported words (PolNeAR train marks them so).
                int v = u > t && u < s1 ? SkipTime(u, s1) : -1;
                if (v > t && v < s1 && (WordIn(v, QuestionOpeners) || (WordIs(v, "not") && WordIs(v + 1, "to"))
                    || (stats.Object >= 0.5f && SubjectPronounAt(v))))
                {
                    t = v;
                    continue;
                }
            }
            // "said Thursday during a town hall in Buffalo, New York, that …": the words follow the "that".
            if (pass == 0 && (WordIn(t, SpeechWords.Prepositions) || WordIs(t, "while") || WordIs(t, "when")) && !WordIs(t, "that"))
            {
                for (int u = t + 1; u < s1 && u - t < 20; u++)
                {
                    if (_view.MarkRole[u] != 0 || IsCue(u))
                        break;
                    if (IsComma(u) && WordIs(u + 1, "that"))
                    {
                        t = u + 1;
                        break;
                    }
                }
            }
            if (before == t)
                break;
        }
        t = PastPlaceThat(t0, t, s1, StatsOf(k) is { Object: >= 0.1f });
        // "warned about …", "spoke of …", "railed against …": a preposition right after the cue is
        // part of it, and the words are its object (PolNeAR train: of the reported words that began
        // with one of these, most were marked from the word after it).
        if (t + 1 < s1 && (t == t0 && WordIn(t, CuePrepositions) || CuePrepositionPair(t)) && !SkipsAsTime(t, s1))
        {
            if (frame is not null)
                frame.CueEnd = _tokens[t].End;
            t++;
        }
        else if (t == t0 && ParticleEnd(t, s1) is int p && p > t)
        {
            if (frame is not null)
                frame.CueEnd = _tokens[p - 1].End;
            t = p;
        }
        // "issued a statement saying …", "released a letter Tuesday urging …": the document named
        // after the cue is part of it, and the words follow the participle, "that" or preposition that
        // introduces its contents (PolNeAR train marks the cue "issued a statement saying").
        if (t == t0 && StatementLeadIn(t, s1) is int w && w > t)
        {
            if (frame is not null)
                frame.CueEnd = _tokens[w - 1].End;
            t = w;
        }
        while (t < s1 && (IsComma(t) || IsPunct(t, ':')))
            t++;
        // "said this: …": the pronoun points at the words after the colon.
        if (WordIs(t, "this") && t + 2 < s1 && IsPunct(t + 1, ':'))
            t += 2;
        // "said, however, that …": a sentence adverb between commas.
        if (_view.IsWord(t) && IsComma(t + 1) && (WordIs(t, "however") || WordIs(t, "though") || WordIs(t, "too") || WordIs(t, "also") || WordIs(t, "again") || WordIs(t, "instead") || WordIs(t, "meanwhile")))
            t += 2;
        if (WordIs(t, "that"))
            t++;
        // "declined to comment on …", "went out of his way to say that …", "continued to question
        // whether …": an infinitive that is itself a cue carries the chain on, and the words are its
        // own (PolNeAR train marks "continued to question" as one cue). Only when words follow it:
        // "declined to comment." keeps "to comment" as what was declined.
        // A learned phrase that ends in the infinitive's "to" ("continued to", "tried to") leaves the
        // infinitive itself here.
        int inf = WordIs(t, "to") ? t + 1 : t == t0 && t0 - 1 > k && WordIs(t0 - 1, "to") && BaseForm(t) ? t : -1;
        if (depth < 2 && inf > 0 && inf < s1 && InfinitiveCue(inf) && _view.TokenQuote[inf] < 0 && !WordIs(inf, "according"))
        {
            int cueEnd = frame?.CueEnd ?? -1;
            int u = SkipComplement(inf, frame, depth + 1);
            if (u < s1 && _view.IsWord(u) && u > inf)
            {
                _used[inf] = true;
                if (frame is not null && frame.CueEnd < _tokens[inf].End)
                    frame.CueEnd = _tokens[inf].End;
                return u;
            }
            if (frame is not null)
                frame.CueEnd = cueEnd;
        }
        return t;
    }

    /// <summary>
    /// An infinitive that carries a cue chain on: a cue here by the model, or a word that heads a cue
    /// in at least a quarter of its uses in PolNeAR train ("to say", "to discuss"; the model scores
    /// a word after "to" low, since the chain's head is the verb before it).
    /// </summary>
    /// <summary>A verb's base form after "to" rather than a noun ("pointed to reports", "referring to comments"): lower case, no plural "-s".</summary>
    private bool BaseForm(int t)
    {
        if (!_view.IsWord(t) || _view.TokenMention[t] >= 0 || char.IsUpper(_text[_tokens[t].Start]))
            return false;
        var w = _view.Word(t);
        return !w.EndsWith('s') || w.EndsWith("ss", StringComparison.Ordinal);
    }

    /// <remarks>
    /// Also the verbs of speech-infinitive-cues.tsv, counted on PolNeAR train: "refused to call him …",
    /// "declined to address …", "seemed to endorse …" go on with the cue, while "to make", "to be",
    /// "to comment" start the words.
    /// </remarks>
    private bool InfinitiveCue(int t) => IsCue(t) || StatsOf(t) is { Cue: >= 10 } s && s.Share >= 0.25f || WordIn(t, SpeechWords.InfinitiveCues);

    /// <summary>
    /// Particles of phrasal cues ("laid off", "spoke out against", "sided with", "look forward to"):
    /// where the words start past them, or -1. Not before a number ("said up to 40 people …").
    /// </summary>
    private int ParticleEnd(int t, int s1)
    {
        if (t + 1 >= s1 || _view.TokenQuote[t] >= 0)
            return -1;
        int u = t;
        if (WordIn(u, CueParticles))
        {
            u++;
            if (WordIn(u, CuePrepositions) || WordIs(u, "with") || WordIs(u, "at") || WordIs(u, "to"))
                u++;
        }
        else if (WordIs(u, "with"))
            u++;
        else if (WordIs(u, "in") && WordIn(u + 1, SpeechWords.StanceNouns) && WordIs(u + 2, "of"))
            u += 3; // "spoke in favor of …", "voted in support of …"
        else
            return -1;
        if (u >= s1 || !_view.IsWord(u) && _view.MarkRole[u] != 1 || _tokens[u].Kind == TokenKind.Number || SkipsAsTime(u - 1, s1))
            return -1;
        return u;
    }

    /// <summary>"a statement saying", "the letter Tuesday urging", "a statement on": where the words start past them, or -1.</summary>
    private int StatementLeadIn(int t, int s1)
    {
        int u = t;
        if (WordIn(u, SpeechWords.Determiners))
            u++;
        if (!(u < s1 && _view.IsWord(u) && SpeechWords.Nominals.TryGetValue(_view.Word(u).ToString().ToLowerInvariant(), out var kind) && kind == NominalKind.Statement))
            return -1;
        u = SkipTime(u + 1, s1);
        if (u >= s1 || _view.TokenQuote[u] >= 0)
            return -1;
        if (WordIs(u, "on") || WordIs(u, "about"))
            return u + 1;
        if (WordIs(u, "that"))
            return u + 1 < s1 && ClauseFollows(u + 1) ? u + 1 : -1;
        if (_view.IsWord(u) && IsParticipleCue(u) && IsLooseCue(u))
        {
            _used[u] = true;
            return WordIs(u + 1, "that") ? u + 2 : u + 1;
        }
        return -1;
    }

    /// <summary>Particles of phrasal verbs of saying and stance: "laid off", "spoke out", "look forward to", "backed away from".</summary>
    private static readonly System.Collections.Frozen.FrozenSet<string> CueParticles = System.Collections.Frozen.FrozenSet.ToFrozenSet(
        ["out", "off", "up", "back", "down", "forward", "away"], StringComparer.Ordinal);

    /// <summary>
    /// "said during a rally in Michigan that Clinton …", "says in Ohio that she …": a place or time of
    /// saying without the comma the loop above needs. PolNeAR's content starts after the "that"
    /// (learned on its train split, where these lead-ins were the commonest over-long start). The
    /// phrase must open with a preposition (or the loop must have skipped part of it, or the cue takes
    /// an object: "told an invited crowd at the club that …", "is warning voters that …"), hold no verb,
    /// conjunction, cue or quotation, and the "that" must open a clause (a subject or a quotation
    /// follows); else it is a relative pronoun ("called for a law that would …") and stays in the words.
    /// </summary>
    private int PastPlaceThat(int t0, int t, int s1, bool takesObject)
    {
        if (WordIs(t, "that") || !(t > t0 || WordIn(t, SpeechWords.Prepositions) || takesObject) || WordIs(t0, "to") || WordIs(t0, "of"))
            return t;
        for (int u = t; u < s1 && u - t0 < 16; u++)
        {
            if (_view.MarkRole[u] != 0 || (IsCue(u) && !(u == t && ChannelParticiple(t0, u))) || WordIn(u, ClauseWords))
                return t;
            if (u > t && WordIs(u, "that"))
            {
                if (!ClauseFollows(u + 1))
                    return t;
                // The participle told of the message: it is no cue of a frame of its own.
                if (IsCue(t) && ChannelParticiple(t0, t))
                    _used[t] = true;
                return u;
            }
        }
        return t;
    }

    /// <summary>
    /// "said in a Facebook message posted Saturday that …", "wrote in an essay published Monday that …": a
    /// participle in "-ed" right after the message or channel that was skipped tells of that message, and is
    /// no cue of its own; the words still start after the "that".
    /// </summary>
    private bool ChannelParticiple(int t0, int u)
    {
        if (u <= t0 || !_view.IsWord(u) || char.IsUpper(_text[_tokens[u].Start]) || !_view.Word(u).EndsWith("ed", StringComparison.Ordinal))
            return false;
        int head = u - 1;
        return StatementOrChannel(head) || WordIs(head, "message") || WordIs(head, "post") || WordIs(head, "account") || WordIs(head, "interview");
    }

    /// <summary>
    /// "said in a telephone interview that Mr. Manafort …", "said after a lunch on Tuesday that he …",
    /// "said when asked that …": a phrase of when or where the words were given, opening with "in", "on",
    /// "when", "after", "before" or "from", that the cue's complement did not skip, ends at a "that"
    /// opening a clause (a subject pronoun, "the", a capitalised word or a quotation after it); the words
    /// start after the "that". The phrase holds no verb, conjunction or quotation within 16 tokens
    /// (PolNeAR train, counted on the finder's own contents: 12 made exact, 0 lost). Also after an
    /// adverb of manner or frequency ("said repeatedly that …", "acknowledged privately that …", "said
    /// only that …", "He said, twice, that …") or a phrase opening with "at", "over", "during", "among",
    /// "for" or "since" ("made clear over the weekend that …", "said, among other things, that …"):
    /// PolNeAR train, counted on stage 18's own contents with bench/quotes/boundaries.py's pairing, 21
    /// made exact against 2 lost (branch quotes18).
    /// </summary>
    private int PastLeadThat(int t0, int s1)
    {
        // A cue that is the text's last token ("…, police said" with no full stop) has nothing after it.
        if (t0 >= s1 || t0 >= _tokens.Length || _view.TokenQuote[t0] >= 0)
            return t0;
        int t = t0;
        // "He said, twice, that …", "said, among other things, that …".
        if (IsComma(t) && t + 1 < s1 && (LeadAdverb(t + 1) || LeadPreposition(t + 1)))
            t++;
        if (!(WordIs(t, "in") || WordIs(t, "on") || WordIs(t, "when") || WordIs(t, "after") || WordIs(t, "before") || WordIs(t, "from") || LeadPreposition(t) || LeadAdverb(t)))
            return t0;
        // After an adverb the "that" follows at once or after a comma or a phrase of when or where
        // ("said repeatedly that …", "said only, that …"); "said only the ferries that run …" is no lead-in.
        if (LeadAdverb(t) && t + 1 < s1 && !(WordIs(t + 1, "that") || IsComma(t + 1) || WordIn(t + 1, SpeechWords.Prepositions)))
            return t0;
        int lastComma = -1;
        for (int u = t + 1; u < s1 - 1 && u - t < 16; u++)
        {
            // A clause of its own before the "that" ("in the attack, yet it seems that …") is no lead-in.
            if (_view.MarkRole[u] != 0 || _tokens[u].Kind == TokenKind.Quote || WordIn(u, ClauseWords) || WordIs(u, "said") || WordIs(u, "says")
                || WordIn(u, SpeechWords.PersonalPronouns) || WordIs(u, "yet"))
                return t0;
            if (IsComma(u))
                lastComma = u;
            // "reported that during the visit, the president reiterated his request that …": a verb after
            // a comma of the lead-in opens a clause of its own ("said in Windham, New Hampshire, on
            // Monday that …" has none).
            if (WordIs(u, "that") && lastComma > t && HasVerb(lastComma + 1, u))
                return t0;
            if (WordIs(u, "that"))
                // "Before that the …": a pronoun "that" right after the preposition; after an adverb
                // ("said only that …") the "that" opens the words.
                return (u > t + 1 || LeadAdverb(t)) && (ClauseFollows(u + 1) || (_view.IsWord(u + 1) || _tokens[u + 1].Kind == TokenKind.Abbreviation) && char.IsUpper(_text[_tokens[u + 1].Start])) ? u + 1 : t0;
        }
        return t0;
    }

    /// <summary>A clause opens here: a subject (a pronoun, "she's", a name, "the …") or a quotation.</summary>
    private bool ClauseFollows(int u)
    {
        if (StartsClause(u) || _view.MarkRole[u] == 1)
            return true;
        var w = _view.Word(u);
        int apostrophe = w.IndexOfAny('\'', '\u2019');
        if (apostrophe <= 0)
            return false;
        Span<char> buffer = stackalloc char[40];
        var head = CueFeatures.Lower(w[..apostrophe], buffer);
        return SpeechWords.PersonalPronouns.GetAlternateLookup<ReadOnlySpan<char>>().Contains(head);
    }

    /// <summary>Words that open an indirect question or a reported clause after an addressee: "asked X whether …".</summary>
    private static readonly System.Collections.Frozen.FrozenSet<string> QuestionOpeners = System.Collections.Frozen.FrozenSet.ToFrozenSet(
        ["if", "whether", "how", "why", "what", "when", "where", "who"], StringComparer.Ordinal);

    /// <summary>
    /// A short noun phrase of whom words were told to that closes the sentence after a verb whose
    /// object PolNeAR train finds between it and the words at least 80% of the time ("told", "tells"):
    /// "told a Senate panel.", "told the Post on Tuesday.", "told the website.". An article or
    /// possessive, then at most four words, all capitalised but the last; a lone word must be
    /// capitalised, a name, an audience (speech-audiences.tsv) or a nominal that stands for a speaker
    /// ("the website"); no verb, "that" or quotation; then only a time, a place of saying or the
    /// sentence's end ("told a much different story." and "told … that her position remains firm" are
    /// not). The token after the phrase, or -1.
    /// </summary>
    private int ClosingAddressee(int t, int s1)
    {
        if (t >= s1 || !(WordIs(t, "a") || WordIs(t, "an") || WordIs(t, "the") || WordIs(t, "his") || WordIs(t, "her") || WordIs(t, "their") || WordIs(t, "its")))
            return -1;
        int u = t + 1;
        while (u < s1 && u - t <= 4 && _view.IsWord(u) && _view.TokenQuote[u] < 0 && !WordIs(u, "that") && !WordIn(u, ClauseWords) && !WordIn(u, SpeechWords.PhraseStops) && !TimeStart(u))
            u++;
        if (u == t + 1)
            return -1;
        // Words before the head are capitalised ("a Senate panel", "the Daily Caller"); the head is
        // capitalised, a name, an audience ("reporters") or a nominal of speech-nominals.tsv ("the website").
        for (int v = t + 1; v < u - 1; v++)
        {
            if (!(char.IsUpper(_text[_tokens[v].Start]) || _view.TokenMention[v] >= 0))
                return -1;
        }
        int head = u - 1;
        if (head == t + 1 && !(char.IsUpper(_text[_tokens[head].Start]) || _view.TokenMention[head] >= 0 || WordIn(head, ObjectPronouns) || SpeechNominal(head)))
            return -1;
        int end = SkipTime(u, s1);
        return AtSentenceEnd(end, s1) || PlaceOfSaying(end, s1) ? end : -1;
    }

    /// <summary>"at", "over", "during", "among", "for", "since": a preposition that opens a lead-in phrase before "that".</summary>
    private bool LeadPreposition(int t) =>
        WordIs(t, "at") || WordIs(t, "over") || WordIs(t, "during") || WordIs(t, "among") || WordIs(t, "for") || WordIs(t, "since");

    /// <summary>
    /// An adverb that can stand between a cue and its "that": a lower-case word in "-ly" ("repeatedly",
    /// "privately", "explicitly"; not one of speech-ly-non-adverbs.tsv: "likely", "family", "daily") or
    /// an adverb of frequency and time of speech-lead-adverbs.tsv ("only", "twice", "again", "instead").
    /// </summary>
    private bool LeadAdverb(int t)
    {
        if (!_view.IsWord(t) || _view.TokenMention[t] >= 0 || char.IsUpper(_text[_tokens[t].Start]))
            return false;
        var w = _view.Word(t);
        if (w.Length >= 5 && w.EndsWith("ly", StringComparison.Ordinal) && !WordIsAny(t, SpeechWords.LyNonAdverbs))
            return true;
        return WordIsAny(t, SpeechWords.LeadAdverbs);
    }

    /// <summary>A subject pronoun, alone or contracted ("he'd", "she's"), but not "it" or "you" (objects as often).</summary>
    private bool SubjectPronounAt(int v)
    {
        if (!_view.IsWord(v))
            return false;
        var w = _view.Word(v);
        int apostrophe = w.IndexOfAny('\'', '\u2019');
        Span<char> buffer = stackalloc char[40];
        var head = CueFeatures.Lower(apostrophe > 0 ? w[..apostrophe] : w, buffer);
        return head is "he" or "she" or "they" or "we" or "i";
    }

    /// <summary>Prepositions that belong to the cue before them ("talked about", "accused of", "railed against"); not "to" (an infinitive's words start with it), "in", "at", "by", "with" (a place, an agent or a manner as often as the words).</summary>
    private static readonly System.Collections.Frozen.FrozenSet<string> CuePrepositions = System.Collections.Frozen.FrozenSet.ToFrozenSet(
        ["of", "about", "against", "on", "upon", "for", "over"], StringComparer.Ordinal);

    /// <summary>
    /// "took aim at …", "an interest in …", "believes in …", "was angered by …": a preposition that
    /// the word before it takes as its cue's (speech-cue-prepositions.tsv, counted on PolNeAR train),
    /// also past an object the cue took ("has taken an interest in …").
    /// </summary>
    private bool CuePrepositionPair(int t)
    {
        if (t < 1 || !WordIn(t, PairPrepositions) || !_view.IsWord(t - 1) || _view.TokenQuote[t] >= 0 || _view.Word(t - 1).Length > 30)
            return false;
        Span<char> buffer = stackalloc char[40];
        Span<char> prep = stackalloc char[40];
        var key = SpeechWords.CrudeStem(CueFeatures.Lower(_view.Word(t - 1), buffer)) + " " + CueFeatures.Lower(_view.Word(t), prep).ToString();
        return SpeechWords.CuePrepositionPairs.Contains(key);
    }

    /// <summary>The prepositions of speech-cue-prepositions.tsv: a word that is none of them is looked up no further.</summary>
    private static readonly System.Collections.Frozen.FrozenSet<string> PairPrepositions = System.Collections.Frozen.FrozenSet.ToFrozenSet(
        SpeechWords.CuePrepositionPairs.Select(p => p[(p.IndexOf(' ') + 1)..]), StringComparer.Ordinal);

    /// <summary>"on Tuesday", "on the day": a time after the preposition, not the cue's object.</summary>
    private bool SkipsAsTime(int t, int s1) => NextIsTime(t + 1, s1) || (t + 1 < s1 && _tokens[t + 1].Kind == TokenKind.Number);

    /// <summary>Words that show a phrase has become a clause of its own (a verb, a conjunction, a relative pronoun).</summary>
    private static readonly System.Collections.Frozen.FrozenSet<string> ClauseWords = System.Collections.Frozen.FrozenSet.ToFrozenSet(
        ["and", "but", "or", "because", "who", "which", "whom", "whose", "where", "is", "are", "was", "were", "be", "been", "has", "have", "had",
         "will", "would", "could", "should", "can", "may", "might", "must", "not", "do", "does", "did", "if", "whether", "than", "so"], StringComparer.Ordinal);

    /// <summary>Who words are told to ("told him", "told reporters"): the object pronouns here, the audience nouns from speech-audiences.tsv.</summary>
    private static readonly System.Collections.Frozen.FrozenSet<string> ObjectPronouns = System.Collections.Frozen.FrozenSet.ToFrozenSet(
        ["him", "her", "them", "us", "me", "you", .. SpeechWords.Audiences], StringComparer.Ordinal);

    /// <summary>What follows an object before the reported words: "that", "to", "of", a comma, a colon, a quotation.</summary>
    private bool ObjectEnd(int u) =>
        WordIs(u, "that") || WordIs(u, "to") || WordIs(u, "of") || WordIs(u, "for") || WordIs(u, "if") || WordIs(u, "whether") || WordIs(u, "how")
        || WordIs(u, "what") || WordIs(u, "why") || WordIs(u, "about") || WordIs(u, "on") || WordIs(u, "in") || IsComma(u) || IsPunct(u, ':') || _view.MarkRole[u] == 1;

    /// <summary>A clause starts here: a pronoun or a name followed by more words ("told CNN he would …").</summary>
    private bool StartsClause(int u) => WordIn(u, SpeechWords.PersonalPronouns) || WordIs(u, "there") || WordIs(u, "the") || _view.TokenMention[u] >= 0;

    /// <summary>A noun of speech-nominals.tsv that stands for a speaker other than a statement ("newspaper", "website", "officials").</summary>
    private bool SpeechNominal(int t)
    {
        Span<char> buffer = stackalloc char[40];
        return _view.IsWord(t) && SpeechWords.Nominals.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(CueFeatures.Lower(_view.Word(t), buffer), out var kind) && kind != NominalKind.Statement;
    }

    private bool StatementOrChannel(int t)
    {
        var w = _view.Lower(t, 40);
        return SpeechWords.Nominals.GetAlternateLookup<ReadOnlySpan<char>>().ContainsKey(w) || SpeechWords.Channels.GetAlternateLookup<ReadOnlySpan<char>>().ContainsKey(w)
            || w.SequenceEqual("tweet") || w.SequenceEqual("interview") || w.SequenceEqual("conference") || w.SequenceEqual("briefing") || w.SequenceEqual("speech");
    }

    /// <summary>
    /// Past a time phrase ("last week", "on Tuesday", "Monday night", "earlier"). The phrase must end in
    /// a word that names a time: a modifier left at its end belongs to the words that follow ("said this
    /// would never happen", "said recent polls show …", "criticized Thursday's decision"; PolNeAR train
    /// starts 18 contents at such a "this" that the finder skipped).
    /// </summary>
    private int SkipTime(int t, int s1)
    {
        var time = SpeechWords.TimeWords.GetAlternateLookup<ReadOnlySpan<char>>();
        var modifiers = TimeModifiers.GetAlternateLookup<ReadOnlySpan<char>>();
        Span<char> buffer = stackalloc char[40];
        int start = t;
        int end = t;
        while (t < s1)
        {
            if (_tokens[t].Kind == TokenKind.Number && (WordIn(t - 1, SpeechWords.Months) || WordIn(t + 1, SpeechWords.Months)))
            {
                t++;
                end = t;
                continue;
            }
            if (!_view.IsWord(t) || _view.TokenMention[t] >= 0)
                break;
            var w = CueFeatures.Lower(_view.Word(t), buffer);
            bool weekdayOrMonth = SpeechWords.Weekdays.GetAlternateLookup<ReadOnlySpan<char>>().Contains(w)
                || SpeechWords.Months.GetAlternateLookup<ReadOnlySpan<char>>().Contains(w);
            bool timeWord = weekdayOrMonth
                || (time.Contains(w) && !w.SequenceEqual("the") && !w.SequenceEqual("of") && (!w.SequenceEqual("on") && !w.SequenceEqual("in") || NextIsTime(t + 1, s1)));
            if (!timeWord)
                break;
            t++;
            // "in the past" ends on its noun; "this", "last", "Friday's" only lead into one.
            if (weekdayOrMonth || !modifiers.Contains(w) || w.SequenceEqual("past") && WordIs(t - 2, "the"))
                end = t;
        }
        t = end;
        if (t > start && IsComma(t))
            t++;
        return t;
    }

    /// <summary>Words of <see cref="SpeechWords.TimeWords"/> that lead into a time noun and cannot end a time phrase.</summary>
    private static readonly System.Collections.Frozen.FrozenSet<string> TimeModifiers = System.Collections.Frozen.FrozenSet.ToFrozenSet(
        ["last", "this", "next", "on", "in", "the", "of", "recent", "past", "previous",
         "friday's", "saturday's", "sunday's", "monday's", "tuesday's", "wednesday's", "thursday's"], StringComparer.Ordinal);

    private bool NextIsTime(int t, int s1)
    {
        if (t >= s1)
            return false;
        if (WordIs(t, "the") || WordIs(t, "recent"))
            t++;
        return t < s1 && (WordIn(t, SpeechWords.Weekdays) || WordIn(t, SpeechWords.Months) || WordIs(t, "recent") || WordIs(t, "past"));
    }

    /// <summary>Past a short noun phrase: "reporters", "the IRGC-run news agency, Tasnim", "Congress".</summary>
    private int SkipPhrase(int t, int s1)
    {
        int start = t;
        if (WordIn(t, ObjectPronouns))
            return t + 1;
        if (_view.TokenMention[t] >= 0)
        {
            int end = _view.FirstTokenAtOrAfter(_input.Mentions[_view.TokenMention[t]].End);
            // "the news agency, Tasnim," / "CNN's X": keep going only over an apposition.
            if (IsComma(end) && end + 1 < s1 && _view.TokenMention[end + 1] >= 0)
            {
                int m = _view.FirstTokenAtOrAfter(_input.Mentions[_view.TokenMention[end + 1]].End);
                return IsComma(m) ? m + 1 : m;
            }
            if (!IsPossessive(end - 1))
                return end;
        }
        while (t < s1 && t - start < MaxPhrase)
        {
            if (_view.TokenMention[t] >= 0 || _tokens[t].Kind is TokenKind.Number or TokenKind.Abbreviation)
            {
                t++;
                continue;
            }
            if (!_view.IsWord(t))
            {
                // An apposition naming the same thing: "the news agency, Tasnim,".
                if (IsComma(t) && t + 1 < s1 && _view.TokenMention[t + 1] >= 0)
                {
                    int m = _view.FirstTokenAtOrAfter(_input.Mentions[_view.TokenMention[t + 1]].End);
                    t = IsComma(m) ? m + 1 : m;
                    break;
                }
                break;
            }
            // A subject pronoun ends the noun phrase: "told a news conference they are …".
            if (t > start && (WordIn(t, SpeechWords.PhraseStops) || IsCue(t) || SubjectPronounAt(t)))
                break;
            t++;
        }
        return t;
    }

    /// <summary>The reported words from token <paramref name="t"/>: to the sentence end, or before a side clause that reports more speech.</summary>
    private (int Start, int End) ContentAfter(int t, int s1, bool fronted = false)
    {
        if (t >= s1)
            return (-1, -1);
        t = SkipConnective(t, s1);
        // "doesn't know – or is refusing to tell us – how many …": an addressee pronoun before the dash that
        // closes the aside holding the cue is not what was said; the words start after the dash. Only after a
        // verb that takes an addressee before its words ("tell", "told": PolNeAR train puts words between cue
        // and content in over half its uses); after others the pronoun is the object, what was said ("jokes
        // about them — it may …", "defended him — helping …": allsides samples 8601 and 8602).
        if (t + 2 < s1 && WordIn(t, ObjectPronouns) && _tokens[t + 1].Kind == TokenKind.Dash && _view.TokenQuote[t] < 0
            && StatsOf(t - 1) is { Object: >= 0.5f })
            t += 2;
        if (LoneMannerAdverb(t, s1))
            return (-1, -1);
        t = SkipMannerAdverb(t, s1);
        int end = s1;
        for (int k = t + 1; k < s1; k++)
        {
            // A bracketed citation closing the sentence is not part of the words: "… (Agency, 3 May)".
            if (IsPunct(k, '(') && k > t + 2 && BracketClosesSentence(k, s1))
            {
                end = k;
                break;
            }
            // A bracketed sentence the sentence reader kept with these words ("… on a book. (Why did …")
            // and a semicolon outside a quotation and a bracket close them, unless it parts the items of a
            // list ("…; and …"): PolNeAR train ends the words there (counted on the finder's own contents:
            // 17 made exact against 2 lost, and 24 against 8).
            if (_view.TokenQuote[k] < 0 && k > t + 1 && (IsPunct(k, ';') && !InBrackets(t, k) && !ListGoesOn(k, s1)
                || IsSentenceEndPunct(k) && k + 1 < s1 && (IsPunct(k + 1, '(') || IsPunct(k + 1, '['))))
            {
                end = k;
                break;
            }
            // Another attribution's cue or quotation: these words end before its speaker.
            if ((_used[k] && IsCue(k)) || (_view.MarkRole[k] == 1 && _view.TokenQuote[k] >= 0 && k > t && _quotedAttributed.Contains(_view.TokenQuote[k])))
            {
                end = k;
                var left = _used[k] ? LeftSource(k, t) : SourceSpan.None;
                // "said she was protesting “unfair taxes”", "said he had told them …": the other cue's
                // speaker opens these words, so its attribution is part of what was said, not the end of it.
                if (_used[k] && left.Start == t && left.End <= k && left.Form == SourceForm.Pronoun && !WordIn(t, SpeechWords.Relatives))
                {
                    end = s1;
                    continue;
                }
                if (left.Start > t)
                    end = left.Start;
                while (end > t && (IsComma(end - 1) || _tokens[end - 1].Kind == TokenKind.Dash))
                    end--;
                break;
            }
            if (IsComma(k) && k + 1 < s1 && (IsCue(k + 1) || (WordIs(k + 1, "according") && WordIs(k + 2, "to"))) && _view.TokenQuote[k + 1] < 0)
            {
                end = k;
                break;
            }
            // "…, X said, …" / "…, the Post reported that …": another speaker's attribution ends these words.
            if (IsComma(k) && k + 2 < s1 && _view.TokenQuote[k] < 0 && AttributionStartsAt(k + 1, s1))
            {
                end = k;
                break;
            }
            // "… there is “only one conservative who can win,” adding that …": a comma that closes a
            // quotation inside the words is the comma before the side phrase or attribution after it.
            // Not before "a"/"an": a list of quoted names goes on ("called him a “liar,” a “bully” …").
            if (IsComma(k) && _view.TokenQuote[k] >= 0 && k - t >= 2 && k + 2 < s1 && _view.MarkRole[k + 1] == 2 && _view.TokenQuote[k + 2] < 0
                && (SidePhrase(k + 2) && !WordIs(k + 2, "a") && !WordIs(k + 2, "an") || IsCue(k + 2) && !_used[k + 2] || AttributionStartsAt(k + 2, s1)))
            {
                end = k + 2;
                break;
            }
            // "declared victory, but he's also mobilizing …", "claimed credit and they …": after a cue's object
            // that is a noun phrase (no verb, no "that"), "and"/"but"/"yet" with a subject pronoun opens the
            // writer's next clause, not more of what was said (PolNeAR train marks such objects alone:
            // "claimed victory", "didn't concede defeat, either").
            if (k > t && _view.TokenQuote[k] < 0 && NextClauseAfterObject(t, k, s1))
            {
                end = k;
                while (end > t && IsComma(end - 1))
                    end--;
                break;
            }
            if (_view.TokenQuote[k] >= 0 || k - t < 2)
                continue;
            // "When asked whether he would run, Mr. Vell smiled.", "While Solk has said the levy is unfair, the
            // growers …": words reported inside a clause set before the sentence's own end at the comma
            // that closes it; the main clause after it is the writer's (PolNeAR train, the finder's own
            // contents: 44 made exact against 4 lost; dev 3 against 0). Not at the comma of a place
            // ("Louisville, Ky.") or a date ("May 3, 2016").
            if (fronted && IsComma(k) && !InBrackets(t, k) && !AbbreviationOrYearAfter(k))
            {
                end = k;
                break;
            }
            // A side phrase after a comma is the writer's, not the speaker's: "…, putting them …",
            // "…, a 16-point margin", "…, compared with …", "…, which he calls …".
            if (IsComma(k) && k + 1 < s1 && SidePhrase(k + 1))
            {
                end = k;
                break;
            }
            // "X says A and says B": a second verb of the same speaker starts its own attribution.
            if ((WordIs(k, "and") || WordIs(k, "but")) && k + 1 < s1 && SecondVerb(k + 1))
            {
                end = k;
                while (end > t && IsComma(end - 1))
                    end--;
                break;
            }
        }
        end = TrimOccasion(t, end);
        end = TrimTimeAfterObject(t, end);
        return Words(t, end);
    }

    /// <summary>
    /// The words from token <paramref name="t"/> on stand in a clause set before the sentence's own: the
    /// clause opens with a subordinating word ("when", "while", "if", "since", …) or a participle ("asked",
    /// "speaking", "announcing") and no comma, colon or semicolon stands between its start and the words.
    /// </summary>
    private bool FrontedClause(int t, int s0)
    {
        int first = ClauseStart(t, s0);
        while (first < t && (_tokens[first].Kind == TokenKind.Quote || !_view.IsWord(first)))
            first++;
        // "And when asked …, he …", "But if the figures show that …, the council …" (PolNeAR train, the
        // finder's own contents: 9 more made exact, 0 lost).
        if (first + 1 < t && (WordIs(first, "and") || WordIs(first, "but") || WordIs(first, "so") || WordIs(first, "yet") || WordIs(first, "or")))
            first++;
        if (first >= t)
            return false;
        for (int u = first + 1; u < t; u++)
        {
            if (IsComma(u) || IsPunct(u, ';') || IsPunct(u, ':') || _tokens[u].Kind == TokenKind.Dash)
                return false;
        }
        if (WordIn(first, SpeechWords.Subordinators) || WordIn(first, SpeechWords.FrontedParticiples))
            return true;
        Span<char> buffer = stackalloc char[40];
        return SpeechWords.IsParticiple(CueFeatures.Lower(_view.Word(first), buffer));
    }

    /// <summary>
    /// After a connective of the writer's and its comma ("However, …", "In fact, …", "What's more, …") at
    /// token <paramref name="t"/>, the token after the comma; else <paramref name="t"/>. PolNeAR train,
    /// counted on the finder's own contents: 11 made exact against 1 lost ("Now," is no connective here).
    /// </summary>
    private int SkipConnective(int t, int limit)
    {
        int comma = t;
        while (comma < limit && comma - t <= 4 && !IsComma(comma) && _view.MarkRole[comma] == 0 && _tokens[comma].Kind != TokenKind.Quote)
            comma++;
        if (comma >= limit || comma == t || comma - t > 4 || !IsComma(comma) || comma + 1 >= limit)
            return t;
        var phrase = _text.AsSpan(_tokens[t].Start, _tokens[comma].Start - _tokens[t].Start).Trim();
        if (phrase.Length > 24)
            return t;
        Span<char> buffer = stackalloc char[24];
        int n = 0;
        foreach (char c in phrase)
        {
            char d = c is '\u2019' ? '\'' : char.IsWhiteSpace(c) ? ' ' : char.ToLowerInvariant(c);
            if (d == ' ' && n > 0 && buffer[n - 1] == ' ')
                continue;
            buffer[n++] = d;
        }
        return SpeechWords.Connectives.GetAlternateLookup<ReadOnlySpan<char>>().Contains(buffer[..n]) ? comma + 1 : t;
    }

    /// <summary>
    /// After an adverb of manner in "-ly" and the preposition or "that" the cue takes after it ("spoke
    /// affectionately of …", "touched briefly on …", "said explicitly that …"), the token after the
    /// preposition; else <paramref name="t"/>. The adverb and preposition belong to the cue, as PolNeAR
    /// marks them (train, counted on the finder's own contents: 9 made exact, 0 lost). Not before other
    /// words: "roughly 1,100 names", "unusually high levels" are part of what was said.
    /// </summary>
    private int SkipMannerAdverb(int t, int s1)
    {
        if (t + 2 >= s1 || !_view.IsWord(t) || !char.IsLower(_text[_tokens[t].Start]))
            return t;
        var w = _view.Word(t);
        if (w.Length < 5 || !w.EndsWith("ly", StringComparison.Ordinal) || NotMannerAdverbs.GetAlternateLookup<ReadOnlySpan<char>>().Contains(w))
            return t;
        if (WordIn(t + 1, AdverbPrepositions))
            return t + 2;
        // "said repeatedly he wants …", "warned starkly it cannot …", "insisted vehemently and repeatedly
        // that …": the manner adverb (and a second one joined by "and") belongs to the cue when a subject
        // pronoun or "that" opens the words after it (read on unseen news, allsides samples 9191 and 9192;
        // not before a noun phrase: "said ultimately each citizen …" may be the speaker's own adverb).
        int u = t + 1;
        if (WordIs(u, "and") && LyAdverb(u + 1))
            u += 2;
        if (WordIs(u, "that") && u + 1 < s1)
            return u + 1;
        return SubjectPronounAt(u) ? u : t;
    }

    /// <summary>
    /// "Biden asked rhetorically.", "I feel differently.": a manner adverb in "-ly" that is all the words
    /// left after the cue tells how something was said, not what.
    /// </summary>
    private bool LoneMannerAdverb(int t, int s1)
    {
        if (!LyAdverb(t) || NotMannerAdverbs.GetAlternateLookup<ReadOnlySpan<char>>().Contains(_view.Word(t)))
            return false;
        int u = t + 1;
        return u >= s1 || IsSentenceEndPunct(u) || _tokens[u].Kind == TokenKind.Quote && (u + 1 >= s1 || IsSentenceEndPunct(u + 1));
    }

    /// <summary>Words in "-ly" that are no adverb of manner ("only", "early", "likely", "daily", "friendly").</summary>
    private static readonly System.Collections.Frozen.FrozenSet<string> NotMannerAdverbs = System.Collections.Frozen.FrozenSet.ToFrozenSet(
        ["only", "early", "likely", "unlikely", "daily", "weekly", "monthly", "yearly", "family", "rally", "supply", "reply", "apply", "rely",
         "holy", "friendly", "costly", "deadly", "elderly", "lonely", "lovely", "ugly", "silly", "nearly", "july", "italy", "assembly", "anomaly"],
        StringComparer.Ordinal);

    /// <summary>The prepositions (and "that") a cue takes after its adverb of manner; not those of a place, time or addressee ("said privately to reporters that …").</summary>
    private static readonly System.Collections.Frozen.FrozenSet<string> AdverbPrepositions = System.Collections.Frozen.FrozenSet.ToFrozenSet(
        ["on", "of", "about", "for", "against", "toward", "towards", "that"], StringComparer.Ordinal);

    /// <summary>The comma at <paramref name="k"/> stands inside a place or a date: a short capitalised abbreviation ("Louisville, Ky.") or a year ("May 3, 2016") follows.</summary>
    private bool AbbreviationOrYearAfter(int k)
    {
        int n = k + 1;
        if (n >= _tokens.Length)
            return false;
        var w = _view.Word(n);
        if (_tokens[n].Kind == TokenKind.Number)
            return w.Length == 4 && int.TryParse(w, out int year) && year is >= 1000 and <= 2999;
        if (!_view.IsWord(n))
            return false;
        int end = _tokens[n].End;
        return w.Length is >= 2 and <= 5 && char.IsUpper(w[0]) && (w.EndsWith('.') || end < _text.Length && _text[end] == '.');
    }

    /// <summary>Token <paramref name="k"/> stands inside a bracket opened after token <paramref name="t"/>.</summary>
    private bool InBrackets(int t, int k)
    {
        int depth = 0;
        for (int j = t; j < k; j++)
        {
            if (IsPunct(j, '(') || IsPunct(j, '['))
                depth++;
            else if ((IsPunct(j, ')') || IsPunct(j, ']')) && depth > 0)
                depth--;
        }
        return depth > 0;
    }

    /// <summary>A semicolon from token <paramref name="k"/> on is followed by "and" or "or": the semicolons part a list's items.</summary>
    private bool ListGoesOn(int k, int s1)
    {
        for (int j = k; j + 1 < s1; j++)
        {
            if (IsPunct(j, ';') && (WordIs(j + 1, "and") || WordIs(j + 1, "or")))
                return true;
        }
        return false;
    }

    private bool BracketClosesSentence(int open, int s1)
    {
        int k = open + 1;
        while (k < s1 && !IsPunct(k, ')') && k - open < 16)
            k++;
        if (k >= s1 || !IsPunct(k, ')'))
            return false;
        for (int j = k + 1; j < s1; j++)
        {
            if (!(IsSentenceEndPunct(j) || _tokens[j].Kind == TokenKind.Quote))
                return false;
        }
        return true;
    }

    /// <summary>A speaker and a cue start at token <paramref name="t"/>: "he said", "the Huffington Post reported".</summary>
    private bool AttributionStartsAt(int t, int s1)
    {
        for (int k = t + 1; k < s1 && k <= t + 7; k++)
        {
            if (IsComma(k) || _view.MarkRole[k] != 0)
                return false;
            if (!IsCue(k))
                continue;
            var left = LeftSource(k, t);
            return left.Start >= 0 && left.Start <= t + 1 && left.Form != SourceForm.None;
        }
        return false;
    }

    /// <summary>
    /// Words that open a side phrase after the reported words: function words here, the participles that
    /// open one even before "that" ("adding that …") from speech-side-participles.tsv. "as", "when",
    /// "because", "from", "after" and "up" are not: the reported words run through them more often than
    /// they end there ("…, as he is still active …", "…, from 54 percent in July"; PolNeAR train 43/59,
    /// 12/23, 5/19, 4/11, 3/6, 2/4 contents end before/run through them; dev agrees).
    /// </summary>
    private static readonly System.Collections.Frozen.FrozenSet<string> SideOpeners = System.Collections.Frozen.FrozenSet.ToFrozenSet(
        ["a", "an", "before", "which", "though", "although", "while", "whereas", "despite", "where", "even",
         "down", "than", "until", "since", "amid", "ahead", .. SpeechWords.SideParticiples], StringComparer.Ordinal);

    private bool SidePhrase(int t)
    {
        if (!_view.IsWord(t))
            return false;
        Span<char> buffer = stackalloc char[40];
        var w = CueFeatures.Lower(_view.Word(t), buffer);
        return SideOpeners.GetAlternateLookup<ReadOnlySpan<char>>().Contains(w)
            || (SpeechWords.IsParticiple(w) && !WordIs(t + 1, "that") && !NotParticiples.GetAlternateLookup<ReadOnlySpan<char>>().Contains(w));
    }

    /// <summary>
    /// Words in "-ing" that are no participles: prepositions and pronouns. "…, including …" goes on with
    /// the reported words (PolNeAR train: 88 contents run through ", including", 12 end before it; dev 12 to 1).
    /// </summary>
    private static readonly System.Collections.Frozen.FrozenSet<string> NotParticiples = System.Collections.Frozen.FrozenSet.ToFrozenSet(
        ["including", "during", "regarding", "concerning", "excluding", "something", "nothing", "anything", "everything"], StringComparer.Ordinal);

    /// <summary>
    /// At token <paramref name="k"/> (an optional comma, then "and", "but" or "yet", then a subject pronoun,
    /// alone or contracted: "he's", "they") a new clause opens, and the words [t, k) before it are a noun
    /// phrase: no verb, no "that", no quotation, no pronoun of their own (read on unseen news, allsides samples
    /// 8601 and 8602: "declared victory, but he's also …" gave the next clause as what was said).
    /// </summary>
    private bool NextClauseAfterObject(int t, int k, int s1)
    {
        int c = IsComma(k) ? k + 1 : k;
        if (c + 1 >= s1 || !(WordIs(c, "and") || WordIs(c, "but") || WordIs(c, "yet")) || !SubjectPronounAt(c + 1))
            return false;
        // No more than six words: a longer stretch is more likely a clause the verb test misses.
        if (k - t > 6)
            return false;
        for (int u = t; u < k; u++)
        {
            if (_view.TokenQuote[u] >= 0 || WordIs(u, "that") || WordIn(u, SpeechWords.PersonalPronouns) || SubjectPronounAt(u) || !_view.IsWord(u) && !IsComma(u))
                return false;
        }
        return !HasVerb(t, k);
    }

    /// <summary>A verb after "and": a cue word of the lexicon ("says", "argued") or a past tense other than a participle adjective.</summary>
    private bool SecondVerb(int t)
    {
        int k = NextContentWord(t);
        if (k >= _tokens.Length || !_view.IsWord(k) || _view.TokenMention[k] >= 0 || char.IsUpper(_text[_tokens[k].Start]))
            return false;
        if (StatsOf(k) is { } s && (s.Share >= 0.2f || IsCue(k)))
            return true;
        var w = _view.Word(k);
        return k > t && w.EndsWith("ed", StringComparison.Ordinal);
    }

    /// <summary>
    /// "endorsed Trump last week", "clinched the nomination on Tuesday", "making a bid this morning": a
    /// time phrase closing words of at most four tokens with no verb or pronoun (a noun phrase, the cue's
    /// object) tells when the cue happened, not what was said. PolNeAR train, counted on the finder's own
    /// contents: 25 made exact against 4 lost; after longer words (a clause: "… take office in January")
    /// the time is theirs as often as not, so they keep it (bench/quotes/boundaries.py counts these cuts).
    /// </summary>
    private int TrimTimeAfterObject(int t, int end)
    {
        for (int k = t + 1; k < end && k - t <= 4; k++)
        {
            // A verb, pronoun or relative "that" makes the words a clause.
            if (_view.TokenQuote[k] >= 0 || WordIn(k - 1, ClauseWords) || WordIn(k - 1, SpeechWords.PersonalPronouns) || WordIs(k - 1, "that"))
                return end;
            // A preposition governs the time ("banned political advertising since last November").
            if (!_view.IsWord(k) || !TimeStart(k))
                continue;
            if (WordIn(k - 1, SpeechWords.Prepositions) || WordIs(k - 1, "since") || WordIs(k - 1, "until"))
                return end;
            int u = SkipTime(k, end);
            if (u <= k)
                continue;
            while (u < end && (_tokens[u].Kind is TokenKind.Punctuation or TokenKind.Quote))
                u++;
            if (u >= end)
                return k;
        }
        return end;
    }

    private bool TimeStart(int k) =>
        WordIs(k, "on") || WordIs(k, "last") || WordIs(k, "this") || WordIs(k, "next") || WordIs(k, "early") || WordIs(k, "late")
        || WordIs(k, "yesterday") || WordIs(k, "today") || WordIs(k, "tonight") || WordIn(k, SpeechWords.Weekdays) || MonthAt(WordIs(k, "in") ? k + 1 : k);

    private bool MonthAt(int k) => k < _tokens.Length && WordIn(k, SpeechWords.Months) && char.IsUpper(_text[_tokens[k].Start]);

    /// <summary>How words were given ("in a tweet", "in an interview"): speech-occasions.tsv.</summary>
    private static readonly System.Collections.Frozen.FrozenSet<string> OccasionNouns = System.Collections.Frozen.FrozenSet.ToFrozenSet(SpeechWords.Occasions, StringComparer.Ordinal);

    /// <summary>Cuts a closing phrase that tells how the words were given: "… in a tweet", "… in an email to supporters".</summary>
    private int TrimOccasion(int t, int end)
    {
        Span<char> buffer = stackalloc char[40];
        var occasion = OccasionNouns.GetAlternateLookup<ReadOnlySpan<char>>();
        for (int k = Math.Max(t + 3, end - 6); k < end; k++)
        {
            if (_view.TokenQuote[k] >= 0 || !(WordIs(k, "in") || WordIs(k, "on") || WordIs(k, "during")))
                continue;
            int j = k + 1;
            while (j < end && j <= k + 3 && !(_view.IsWord(j) && occasion.Contains(CueFeatures.Lower(_view.Word(j), buffer))))
                j++;
            if (j < end && j <= k + 3)
                return k;
        }
        return end;
    }
}

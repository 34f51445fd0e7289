using Sitrep.Text;

namespace Sitrep.Quotes;

internal sealed partial class FinderRun
{
    /// <summary>Quotations whose attribution is still open after the cues were read, in text order.</summary>
    private readonly List<Frame> _pending = [];

    /// <summary>Quoted spans attributed by a cue of their own (after, before or introducing them).</summary>
    private readonly HashSet<int> _quotedAttributed = [];

    private void FindQuotedFrames()
    {
        var spans = _view.Spans;
        for (int q = 0; q < spans.Count; q++)
        {
            var span = spans[q];
            if (span.Depth > 0)
                continue;
            int start = span.Start, end = span.End;
            while (start < end && char.IsWhiteSpace(_text[start]))
                start++;
            while (end > start && (char.IsWhiteSpace(_text[end - 1]) || _text[end - 1] == ','))
                end--;
            if (end <= start || !HasLetter(start, end))
                continue;
            int open = _view.FirstTokenAtOrAfter(span.Open);
            int close = span.Closed ? _view.LastTokenBefore(span.Outer) : _view.LastTokenBefore(span.End);
            if (open >= _tokens.Length || close < open)
                continue;
            if (ProgrammeTitle(open, start, end))
                continue;
            if (QuotedTitle(start, end) && AddresseeOfTelling(open))
            {
                // The cue is taken as it was when the title held it: read as reported speech it would take the
                // programme and its host for the words ("told “Meet the Press” host Chuck Todd, “…”").
                _used[open - 1] = true;
                continue;
            }
            if (QuotedTitle(start, end) && !IsStandalone(open) && !IntroducedBefore(open) && !BareModifier(open, span))
                continue;
            if (QuotedHeading(open, close, start, end))
                continue;
            var frame = new Frame { Start = start, End = end, Span = q, Kind = QuoteKind.Direct, Sentence = SentenceOf(open) };
            if (span.Closed && !IntroducedByCueColon(open, span) && AttributeAfter(frame, close))
            {
                frame.Kind = IsStandalone(open) || IntroducedBefore(open) ? QuoteKind.Direct : QuoteKind.Partial;
                // "Clinton “caused tremendous havoc,” he said.": the writer's words before the
                // quotation are part of what was said, so the cue also reads the whole clause as
                // reported speech, and the partial quote nests in it (PolNeAR train marks the clause).
                if (frame.Kind == QuoteKind.Partial && frame.CueToken >= 0 && !WordIs(frame.CueToken, "according"))
                    _used[frame.CueToken] = false;
            }
            else if (AttributeBefore(frame, open))
            {
                // kind set there
            }
            else
            {
                frame.Kind = IsStandalone(open) || IntroducedBefore(open) ? QuoteKind.Direct : QuoteKind.Partial;
                _pending.Add(frame);
                continue;
            }
            if (frame.Kind == QuoteKind.Direct)
                _quotedAttributed.Add(q);
            _frames.Add(frame);
        }
    }

    /// <summary>
    /// "Judge Olsen wrote in her ruling: “…,” the Herald reported.": a colon after a clause with a clear cue
    /// introduces the quotation, which is that clause's speaker's; an outlet's or organisation's report after the
    /// closing mark ("the Herald reported", "according to the Herald") reports the whole sentence (the outer quote)
    /// and is not the quotation's own (before, the outlet took the judge's words). A person or pronoun after the
    /// mark ("…,” he writes.") is still the quotation's own attribution.
    /// </summary>
    private bool IntroducedByCueColon(int open, QuotedSpan span)
    {
        int p = open - 1;
        int s0 = _view.SentenceStart(open);
        if (!(p > s0 && IsPunct(p, ':') && NearestCueLeft(p, s0, 12) >= 0) || !span.Closed)
            return false;
        int t = _view.FirstTokenAtOrAfter(span.Outer);
        while (t < _tokens.Length && (IsComma(t) || _tokens[t].Kind == TokenKind.Quote))
            t++;
        if (t >= _tokens.Length || SentenceOf(t) != SentenceOf(open))
            return false;
        if (WordIs(t, "according") && WordIs(t + 1, "to"))
            return true;
        if (WordIs(t, "the"))
            t++;
        return _view.MentionType(t) is "MEDIA" or "ORG";
    }

    /// <summary>
    /// "he told ABC's “This Week.”", "on NBC's “Meet the Press”": a short capitalised quotation right after an
    /// outlet's possessive is the name of its programme, not words anyone said.
    /// </summary>
    private bool ProgrammeTitle(int open, int start, int end)
    {
        int p = open - 1;
        for (int n = 0; n < 2 && p >= 0 && _tokens[p].Kind == TokenKind.Quote; n++)
            p--;
        bool possessive = p >= 0 && _view.IsWord(p) && IsPossessive(p);
        // "ABC" + "'s" as two tokens.
        if (!possessive && p > 0 && (WordIs(p, "'s") || WordIs(p, "’s") || WordIs(p, "s")) && _tokens[p].Start <= _tokens[p - 1].End + 1)
        {
            possessive = true;
            p--;
        }
        if (!possessive || p < 0 || !MediaAt(p))
            return false;
        if (!char.IsUpper(_text[start]))
            return false;
        int words = 1;
        for (int i = start; i < end; i++)
        {
            if (_text[i] == ' ' && ++words > 6)
                return false;
        }
        return true;
    }

    /// <summary>
    /// "DeVos told “Fox News Sunday” host Chris Wallace": a title right after "told" stands where the listener does,
    /// so it names the programme the speaker told, and the cue before it does not make it words said.
    /// </summary>
    private bool AddresseeOfTelling(int open)
    {
        int p = open - 1;
        return WordIs(p, "told") || WordIs(p, "tells") || WordIs(p, "tell") || WordIs(p, "telling");
    }

    /// <summary>Most words outside the quotation on a line that is a heading ("‘Chainsaw’ Recovery", "'Necessary' for 'full confidence' in inquiry").</summary>
    private const int HeadingWordsAfter = 4;

    /// <summary>
    /// "‘MONUMENTAL FAILURE’" or "‘Serious and Credible’" on a line of its own between paragraphs: a section heading that
    /// lifts a phrase from the quotes below it, not words of the speaker of the paragraph before, to whom it was given.
    /// The line opens with the quotation, has at most <see cref="HeadingWordsAfter"/> words after it and no cue, and
    /// the quotation is at most six words with no end of sentence (a quoted reply on a line of its own, "“No.”", ends
    /// in one).
    /// </summary>
    private bool QuotedHeading(int open, int close, int start, int end)
    {
        int paragraph = ParagraphOf(open);
        if (ParagraphOf(close) != paragraph || (open > 0 && ParagraphOf(open - 1) == paragraph) || WordCount(start, end) > 6)
            return false;
        int e = end;
        while (e > start && char.IsWhiteSpace(_text[e - 1]))
            e--;
        if (e <= start || _text[e - 1] is '.' or '!' or '?' or '…' or ':' or ';' or ',')
            return false;
        int after = 0;
        for (int t = close + 1; t < _tokens.Length && ParagraphOf(t) == paragraph; t++)
        {
            if (IsCue(t) || IsSentenceEndPunct(t) || (_view.IsWord(t) && ++after > HeadingWordsAfter))
                return false;
        }
        return true;
    }

    /// <summary>Lower-case words a title keeps between its capitalised words ("Face the Nation", "Seven for the Revolution").</summary>
    private static readonly HashSet<string> TitleSmallWords = new(StringComparer.Ordinal)
    {
        "a", "an", "the", "of", "for", "and", "or", "nor", "in", "on", "to", "at", "by", "with", "from", "as", "vs", "vs.",
    };

    /// <summary>
    /// "said on “Face the Nation”", "the author of “Seven for the Revolution”", "known as the “Iron Lady”": two to six
    /// words in title case (every word capitalised but the small words of a title; not all capitals, not a question or
    /// an exclamation) inside the writer's sentence name a programme, a book, a campaign or a nickname, not words
    /// anyone said. PolNeAR train marks 27 of the 212 such quotations the stage read as partial quotes (1 exactly); in
    /// three samples of unseen AllSides articles every one dropped was a title, a name or a slogan.
    /// </summary>
    private bool QuotedTitle(int start, int end)
    {
        int e = end;
        while (e > start && (_text[e - 1] == '.' || _text[e - 1] == ',' || char.IsWhiteSpace(_text[e - 1])))
            e--;
        if (e <= start || _text[e - 1] == '?' || _text[e - 1] == '!' || !char.IsUpper(_text[start]))
            return false;
        bool lower = false;
        int words = 0;
        int i = start;
        while (i < e)
        {
            while (i < e && char.IsWhiteSpace(_text[i]))
                i++;
            int w = i;
            while (i < e && !char.IsWhiteSpace(_text[i]))
                i++;
            if (i == w)
                break;
            int f = w;
            while (f < i && !char.IsLetterOrDigit(_text[f]))
                f++;
            if (f == i || !char.IsLetter(_text[f]))
                continue;
            if (++words > 6)
                return false;
            for (int k = f; k < i; k++)
                lower |= char.IsLower(_text[k]);
            if (char.IsUpper(_text[f]))
                continue;
            int g = i;
            while (g > f && !char.IsLetterOrDigit(_text[g - 1]) && _text[g - 1] != '.')
                g--;
            if (!TitleSmallWords.Contains(_text[f..g]))
                return false;
        }
        return words >= 2 && lower;
    }

    /// <summary>
    /// "warned the United States against “Hollywood Style” operations": a title-case quotation before a lower-case
    /// word that is no function word, with no article or possessive before it, modifies that noun with the speaker's own words and stays a
    /// partial quote (the seeds mark it); after an article or possessive it names a thing ("the “Pure American”
    /// campaign").
    /// </summary>
    private bool BareModifier(int open, QuotedSpan span)
    {
        if (!span.Closed)
            return false;
        int next = _view.FirstTokenAtOrAfter(span.Outer);
        if (next >= _tokens.Length || !_view.IsWord(next) || !char.IsLower(_text[_tokens[next].Start])
            || WordIn(next, SpeechWords.PhraseStops) || WordIn(next, SpeechWords.Prepositions) || WordIn(next, SpeechWords.Determiners))
            return false;
        int p = open - 1;
        for (int n = 0; n < 2 && p >= 0 && _tokens[p].Kind == TokenKind.Quote; n++)
            p--;
        if (p < 0 || !_view.IsWord(p))
            return true;
        return !WordIn(p, SpeechWords.Determiners) && !IsPossessive(p);
    }

    /// <summary>An outlet's name ends in token <paramref name="p"/> ("ABC's" holds the mention "ABC", "Gazette's" the end of "Harlow Gazette").</summary>
    private bool MediaAt(int p)
    {
        if (_view.TokenMention[p] >= 0)
            return _view.MentionType(p) == "MEDIA";
        foreach (var m in _input.Mentions)
        {
            if (m.Start <= _tokens[p].Start && m.End > _tokens[p].Start && m.End <= _tokens[p].End)
                return m.Type == "MEDIA";
        }
        return false;
    }

    private bool HasLetter(int start, int end)
    {
        for (int i = start; i < end; i++)
        {
            if (char.IsLetterOrDigit(_text[i]))
                return true;
        }
        return false;
    }

    /// <summary>The quotation opens its sentence (or follows only a conjunction or a dateline-like dash).</summary>
    private bool IsStandalone(int open)
    {
        int s0 = _view.SentenceStart(open);
        return open == s0 || (open == s0 + 1 && (WordIs(s0, "and") || WordIs(s0, "but") || IsDash(s0)));
    }

    /// <summary>A colon, a comma after a cue, or a cue right before the mark introduces the quotation.</summary>
    private bool IntroducedBefore(int open)
    {
        int p = open - 1;
        if (p < _view.SentenceStart(open))
            return false;
        return IsPunct(p, ':') || (IsComma(p) && IsCue(p - 1)) || IsCue(p);
    }

    /// <summary>
    /// "…,” said X." / "…,” X said." / "…” — X" / "…,” according to X." after the closing mark,
    /// allowing a bracketed citation in between.
    /// </summary>
    private bool AttributeAfter(Frame frame, int close)
    {
        int paragraph = ParagraphOf(close);
        int t = close + 1;
        if (t < _tokens.Length && IsPunct(t, '(') && ParagraphOf(t) == paragraph)
        {
            int shut = t;
            while (shut < _tokens.Length && !IsPunct(shut, ')') && shut - t < 16)
                shut++;
            t = shut + 1;
        }
        if (t >= _tokens.Length || ParagraphOf(t) != paragraph)
            return false;
        // A new sentence after the quotation is not its attribution: “… point.” It added …
        int sentence = SentenceOf(close);
        if (IsDash(t) && IsNameAt(t + 1))
        {
            var (a, b) = NameRun(t + 1);
            SetSource(frame, a, b, FormAt(a, b));
            frame.Sentence = SentenceOf(t);
            return true;
        }
        if (IsComma(t))
            t++;
        // "“Why now?” Ms. Ormsby asked.": a question or exclamation mark ends the sentence for the
        // splitter, but a short attribution after it ("Ormsby said.", "said Ormsby.") is the
        // quotation's own; only one that ends its sentence or a clause right after the speaker
        // ("“Why?” Ormsby said the bill …" reports words of its own).
        bool crossed = false;
        if (t < _tokens.Length && SentenceOf(t) != sentence && _view.SentenceStart(t) == t && frame.End > frame.Start
            && (_text[frame.End - 1] is '?' or '!') && t > 0 && SentenceOf(t - 1) == sentence)
        {
            crossed = true;
            sentence = SentenceOf(t);
        }
        // The cue within a few tokens, with at most a noun phrase (the speaker) before it.
        int limit = Math.Min(_tokens.Length, t + 10);
        // "“…,” Gordon Brown, the U.N.'s special envoy for global education, told CNN.": an apposition
        // after the name is passed over whole, however long; a cue inside it is not the quotation's.
        var (appOpen, appClose) = AppositionAfterName(t, sentence, paragraph);
        if (appClose > 0)
            limit = Math.Min(_tokens.Length, appClose + 6);
        else
        {
            // "“…,” House Majority Leader X (R-Calif.) said": a short bracket does not count against the few tokens.
            for (int k = t; k < limit && k < _tokens.Length; k++)
            {
                if (!IsPunct(k, '('))
                    continue;
                int shut = k + 1;
                while (shut < _tokens.Length && shut - k < 8 && !IsPunct(shut, ')'))
                    shut++;
                if (shut < _tokens.Length && IsPunct(shut, ')'))
                    limit = Math.Min(_tokens.Length, limit + shut - k + 1);
                break;
            }
        }
        for (int k = t; k < limit; k++)
        {
            if (k > appOpen && k < appClose)
                continue;
            if (ParagraphOf(k) != paragraph || SentenceOf(k) != sentence || _view.MarkRole[k] == 1 || IsSentenceEndPunct(k) && !IsAbbreviationPeriod(k) || IsPunct(k, ';'))
                return false;
            if (!IsLooseCue(k) || _view.TokenQuote[k] >= 0)
                continue;
            if (WordIs(k, "according") && WordIs(k + 1, "to"))
            {
                if (k != t)
                    return false;
                var src = RightSource(k + 2);
                if (src.Start < 0 || (crossed && !AttributionClosed(src.End)))
                    return false;
                SetCue(frame, k, k + 2);
                SetSource(frame, src.Start, src.End, src.Form);
                return true;
            }
            if (k == t)
            {
                var src = RightSource(k + 1);
                if (src.Start < 0 || (crossed && !AttributionClosed(src.End)))
                    return false;
                SetCue(frame, k, k + 1);
                SetSource(frame, src.Start, src.End, src.Form);
                return true;
            }
            var left = LeftSource(k, t);
            if (left.Start < 0 || left.Start < FirstWordAt(t) || (crossed && !AttributionClosed(k + 1))
                || !(OnlyTitleBetween(FirstWordAt(t), left.Start) || left.Form == SourceForm.Name && TitleWordsBefore(FirstWordAt(t), left.Start)
                    || RoleBeforeName(FirstWordAt(t), left)))
                return false;
            SetCue(frame, k, k + 1);
            SetSource(frame, left.Start, left.End, left.Form);
            return true;
        }
        return false;
    }

    /// <summary>
    /// A period written against the word before it and followed by a comma or a closing bracket ends an abbreviation
    /// ("Dana Pruitt, R-Calif., said", "(R-Calif.) said"), not the sentence: the tokenizer keeps "R-Calif" a word of its own.
    /// </summary>
    private bool IsAbbreviationPeriod(int t) =>
        IsPunct(t, '.') && t > 0 && _tokens[t - 1].End == _tokens[t].Start && t + 1 < _tokens.Length && (IsComma(t + 1) || IsPunct(t + 1, ')'));

    /// <summary>
    /// "“…,” X, the …, said": the commas around an apposition right after a name (with its title) that
    /// opens the words after a quotation: (opening comma, closing comma), or (-1, -1). The name ends
    /// within eight tokens, before any cue; the apposition holds no quotation mark (an apostrophe is none) and ends its clause
    /// within 20 tokens.
    /// </summary>
    private (int Open, int Close) AppositionAfterName(int t, int sentence, int paragraph)
    {
        int w = FirstWordAt(t);
        int open = -1;
        for (int k = w; k < _tokens.Length && k - w <= 8; k++)
        {
            if (ParagraphOf(k) != paragraph || SentenceOf(k) != sentence || _view.MarkRole[k] != 0 || IsSentenceEndPunct(k) || IsPunct(k, ';') || IsLooseCue(k))
                return (-1, -1);
            if (IsComma(k))
            {
                open = k;
                break;
            }
        }
        if (open <= w)
            return (-1, -1);
        // The segment before the comma is a name ending there (a short bracket after it allowed: "Rep. X (D-Md.),").
        int last = open - 1;
        if (IsPunct(last, ')'))
            last = MatchingOpen(last) - 1;
        if (last < w || _view.MentionType(last) is not ("PERSON" or "ORG" or "MEDIA") || IsPossessive(last))
            return (-1, -1);
        int nameStart = _view.FirstTokenAtOrAfter(_input.Mentions[_view.TokenMention[last]].Start);
        if (nameStart < w || !(nameStart == w || OnlyTitleBetween(w, nameStart) || TitleWordsBefore(w, nameStart)))
            return (-1, -1);
        for (int k = open + 1; k < _tokens.Length && k - open <= 20; k++)
        {
            if (ParagraphOf(k) != paragraph || SentenceOf(k) != sentence || _view.MarkRole[k] != 0 || IsSentenceEndPunct(k) && !IsAbbreviationPeriod(k) || IsPunct(k, ';'))
                return (-1, -1);
            if (IsComma(k))
                return k > open + 1 ? (open, k) : (-1, -1);
        }
        return (-1, -1);
    }

    /// <summary>
    /// "“…,” her chief spokesman, Steffen Seibert, said": lower-case title words (perhaps after "his", "her",
    /// "its", "their"), a comma, then the person's name: the role names the speaker in apposition (before, such a
    /// quotation got no speaker of its own, and the reported reading took the quotation and the role for words).
    /// </summary>
    private bool RoleBeforeName(int a, SourceSpan left, bool personNeeded = true)
    {
        int comma = left.Start - 1;
        if (left.Form != SourceForm.Name || personNeeded && _view.MentionType(left.End - 1) != "PERSON" || comma <= a || !IsComma(comma))
            return false;
        if (WordIs(a, "his") || WordIs(a, "her") || WordIs(a, "its") || WordIs(a, "their"))
            a++;
        // "the harbour board's chief spokesman": the title words start after the possessive.
        for (int p = comma - 2; p >= a && comma - p <= 6; p--)
        {
            if (IsPossessive(p) || WordIs(p, "'s") || WordIs(p, "’s"))
            {
                a = p + 1;
                if (a < comma && _tokens[a].Kind == TokenKind.Quote && _view.MarkRole[a] == 0)
                    a++;
                break;
            }
        }
        // Title words only (no verb, preposition, pronoun or cue: TitleWordsBefore), ending in a lower-case word that is no name.
        return comma > a && TitleWordsBefore(a, comma) && _view.IsWord(comma - 1) && _view.TokenMention[comma - 1] < 0 && !_view.IsCapitalised(comma - 1);
    }

    /// <summary>
    /// Tokens [a, b) before a name are its title and their modifiers, in lower case too: "former", "White
    /// House press secretary", "campaign manager", "Kantar/CMAG vice president", "retired teacher". No
    /// verb, preposition, pronoun, conjunction or cue among them; an article only first; at most six.
    /// </summary>
    private bool TitleWordsBefore(int a, int b)
    {
        if (b - a > 6 || b <= a)
            return b == a;
        Span<char> buffer = stackalloc char[40];
        for (int k = a; k < b; k++)
        {
            if (_view.TokenMention[k] >= 0 || _tokens[k].Kind is TokenKind.Abbreviation or TokenKind.Number)
                continue;
            if (_tokens[k].Kind == TokenKind.Punctuation)
            {
                if (k > a && (IsPunct(k, '/') || IsPunct(k, '-') || IsPunct(k, '&')))
                    continue;
                return false;
            }
            if (_tokens[k].Kind == TokenKind.Quote)
            {
                if (k > a && _view.MarkRole[k] == 0)
                    continue;
                return false;
            }
            if (!_view.IsWord(k))
                return false;
            if (k == a && (WordIs(k, "a") || WordIs(k, "an") || WordIs(k, "the")))
                continue;
            if (_view.IsCapitalised(k))
                continue;
            // "Assistant Secretary of Commerce", "Director of the National Park Service": "of" (and "the" after it)
            // between capitalised title words is part of the title (before, the quotation before "…,” Assistant
            // Secretary of Commerce X said" went unattributed, or to an outlet reporting it).
            if (OfInCapitalisedTitle(k, a, b))
                continue;
            var w = CueFeatures.Lower(_view.Word(k), buffer);
            if (WordIn(k, SpeechWords.PhraseStops) || WordIn(k, SpeechWords.Prepositions) || WordIn(k, SpeechWords.Determiners)
                || WordIn(k, SpeechWords.PersonalPronouns) || WordIn(k, SpeechWords.Relatives) || WordIn(k, SpeechWords.IrregularPasts)
                || IsLooseCue(k) || (w.EndsWith("ly") && w.Length > 4) || w.EndsWith("ed") || w.Contains('\''))
                return false;
        }
        return true;
    }

    /// <summary>
    /// Token <paramref name="k"/> is "of" between a capitalised word and a capitalised word (or "the" and one) inside
    /// [a, b), or that "the": "Secretary of Commerce", "Director of the Census".
    /// </summary>
    private bool OfInCapitalisedTitle(int k, int a, int b)
    {
        if (WordIs(k, "the") && k - 1 > a && WordIs(k - 1, "of"))
            k--;
        if (!WordIs(k, "of") || k <= a || !_view.IsCapitalised(k - 1))
            return false;
        int next = WordIs(k + 1, "the") ? k + 2 : k + 1;
        return next < b && _view.IsCapitalised(next);
    }

    /// <summary>Token <paramref name="t"/> closes an attribution: the end of its sentence, a comma, a semicolon, a dash or a quotation mark.</summary>
    private bool AttributionClosed(int t) =>
        t >= _tokens.Length || t >= _view.SentenceEnd(t - 1) || IsSentenceEndPunct(t) || IsComma(t) || IsPunct(t, ';') || IsDash(t) || _tokens[t].Kind == TokenKind.Quote;

    private int FirstWordAt(int t)
    {
        while (t < _tokens.Length && _tokens[t].Kind is TokenKind.Punctuation or TokenKind.Quote)
            t++;
        return t;
    }

    /// <summary>
    /// "X said: “…”", "X said, “…”", "X said “…”", "X said that “…”", a line ending in a colon above
    /// the quotation, or a cue earlier in the sentence (a partial quote inside reported speech).
    /// </summary>
    private bool AttributeBefore(Frame frame, int open)
    {
        int s0 = _view.SentenceStart(open);
        int p = open - 1;
        bool sentenceStart = open == s0;
        if (sentenceStart)
        {
            // A paragraph ending in a colon introduces the quotation below it: "X said:".
            if (p >= 0 && IsPunct(p, ':') && ParagraphOf(p) == ParagraphOf(open) - 1)
                return AttributeIntroduction(frame, p);
            if (p >= 0 && IsPunct(p, ':') && SentenceOf(p) == SentenceOf(open) - 1)
                return AttributeIntroduction(frame, p);
            return false;
        }
        if (IsPunct(p, ':'))
            return AttributeIntroduction(frame, p);
        if (IsDash(p) && p - 1 >= s0)
        {
            int cue = NearestCueLeft(p, s0, 3, loose: true);
            if (cue >= 0)
                return Attach(frame, cue, s0, QuoteKind.Direct);
        }
        if (IsComma(p))
        {
            int cue = NearestCueLeft(p, s0, 4, loose: true);
            if (cue >= 0)
                return Attach(frame, cue, s0, QuoteKind.Direct);
        }
        if (IsLooseCue(p) && _view.TokenQuote[p] < 0)
            return Attach(frame, p, s0, EndsSentence(frame) ? QuoteKind.Direct : QuoteKind.Partial);
        if (WordIs(p, "that") || WordIs(p, "as"))
        {
            int cue = NearestCueLeft(p, s0, 6);
            // "described the field of candidates as “all very good”.": with an object between the cue and
            // "as" the cue also reads the clause (PolNeAR train marks "the field … as “…”"), the quote nests in it.
            if (cue >= 0)
                return Attach(frame, cue, s0, QuoteKind.Partial, consume: EndsSentence(frame) && !(WordIs(p, "as") && HasObjectBefore(cue, p)));
        }
        // A cue earlier in the sentence: the quotation is part of reported speech; its reported
        // frame is built from the same cue, and the quote nests in it.
        int earlier = NearestCueLeft(open, s0, 40);
        if (earlier >= 0)
            return Attach(frame, earlier, s0, QuoteKind.Partial, consume: false);
        return false;
    }

    private bool EndsSentence(Frame frame)
    {
        var span = _view.Spans[frame.Span];
        int after = _view.FirstTokenAtOrAfter(span.Outer);
        while (after < _tokens.Length && (IsComma(after) || (_tokens[after].Kind == TokenKind.Quote)))
            after++;
        return after >= _tokens.Length || IsSentenceEndPunct(after) || SentenceOf(after) != frame.Sentence || IsPunct(after, '(');
    }

    /// <summary>The closest cue left of <paramref name="t"/> within <paramref name="reach"/> tokens, outside quotations.</summary>
    private int NearestCueLeft(int t, int floor, int reach, bool loose = false)
    {
        for (int k = t - 1; k >= floor && k >= t - reach; k--)
        {
            if (_view.MarkRole[k] == 2)
                return -1; // another quotation's words lie between
            if ((loose ? IsLooseCue(k) : IsCue(k)) && _view.TokenQuote[k] < 0)
                return k;
        }
        return -1;
    }

    /// <summary>A word stands between the cue and token <paramref name="p"/> ("described the field as").</summary>
    private bool HasObjectBefore(int cue, int p)
    {
        for (int t = cue + 1; t < p; t++)
        {
            if (_view.IsWord(t))
                return true;
        }
        return false;
    }

    private bool Attach(Frame frame, int cue, int floor, QuoteKind kind, bool consume = true)
    {
        frame.Kind = kind;
        if (WordIs(cue, "according") && WordIs(cue + 1, "to"))
        {
            var src = RightSource(cue + 2);
            SetCue(frame, cue, cue + 2, consume);
            if (src.Start >= 0)
                SetSource(frame, src.Start, src.End, src.Form);
            return true;
        }
        SetCue(frame, cue, cue + 1, consume);
        var left = LeftSource(cue, floor);
        // "The claims are acknowledged to be “credible”": a passive's subject is not the speaker (FinderRun.Reported).
        if (left.Start >= 0 && PassiveSubject(cue, left))
        {
            Asked(frame, cue, left);
            return true;
        }
        if (left.Start >= 0)
            SetSource(frame, left.Start, left.End, left.Form);
        else if (left.Inherit)
            frame.InheritAt = cue;
        else if (RightSource(cue + 1) is { Start: >= 0 } right && !IsCue(cue + 1))
            SetSource(frame, right.Start, right.End, right.Form);
        return true;
    }

    /// <summary>A clause ending in a colon introduces the quotation: its cue (if any) and its subject speak.</summary>
    private bool AttributeIntroduction(Frame frame, int colon)
    {
        int s0 = _view.SentenceStart(colon);
        frame.Kind = QuoteKind.Direct;
        // Next to the colon a weaker cue will do ("X said:"); further back only a clear one.
        int cue = NearestCueLeft(colon, s0, 3, loose: true);
        if (cue < 0)
            cue = NearestCueLeft(colon, s0, 12);
        if (cue >= 0 && WordIs(cue, "according") && WordIs(cue + 1, "to"))
        {
            // "According to X: “…”".
            SetCue(frame, cue, cue + 2);
            var src = RightSource(cue + 2);
            if (src.Start >= 0)
                SetSource(frame, src.Start, src.End, src.Form);
            frame.Sentence = SentenceOf(cue);
            return true;
        }
        if (cue >= 0)
        {
            SetCue(frame, cue, cue + 1);
            var left = LeftSource(cue, s0);
            if (left.Start >= 0)
                SetSource(frame, left.Start, left.End, left.Form);
            else if (left.Inherit)
                frame.InheritAt = cue;
            else if (RightSource(cue + 1) is { Start: >= 0 } right)
                SetSource(frame, right.Start, right.End, right.Form);
            frame.Sentence = SentenceOf(cue);
            return true;
        }
        var subject = SubjectOf(s0, colon);
        if (subject.Start < 0)
            return false;
        SetSource(frame, subject.Start, subject.End, subject.Form);
        frame.Sentence = SentenceOf(colon);
        return true;
    }

    /// <summary>
    /// Quotations no cue reached: inside a reported sentence they are its partial quotes; with a
    /// bracketed citation after them the cited outlet speaks; a quotation that opens its sentence
    /// (or a clause of several words) continues the previous speaker; a short quoted name is not
    /// speech ("the so-called “Resistance Front”").
    /// </summary>
    private void AttributeRemainingQuotes()
    {
        var ordered = new List<Frame>(_frames);
        ordered.Sort(static (a, b) => a.Start.CompareTo(b.Start));
        foreach (var frame in _pending)
        {
            var span = _view.Spans[frame.Span];
            var outer = ordered.Find(f => f.Span < 0 && f.Start <= frame.Start && frame.End <= f.End);
            if (outer is not null)
            {
                frame.Kind = QuoteKind.Partial;
                frame.Outer = outer;
                frame.SpeakerOf = outer;
                frame.CueStart = outer.CueStart;
                frame.CueEnd = outer.CueEnd;
                frame.CueToken = outer.CueToken;
                _frames.Add(frame);
                continue;
            }
            int open = _view.FirstTokenAtOrAfter(span.Open);
            int words = WordCount(frame.Start, frame.End);
            bool clause = words >= 4 || EndsWithTerminal(frame.End);
            // A quote paragraph after a quoted speaker in the same paragraph continues them; else a
            // bracketed citation after it names the outlet that speaks; else the speaker just before.
            var sameParagraph = PreviousSpeakerFrame(open, maxParagraphs: 0);
            if ((IsStandalone(open) || clause) && sameParagraph is not null && words >= 3)
            {
                frame.SpeakerOf = sameParagraph;
                _frames.Add(frame);
                continue;
            }
            if (span.Closed && CitationAfter(_view.LastTokenBefore(span.Outer)) is { Start: >= 0 } cited)
            {
                SetSource(frame, cited.Start, cited.End, cited.Form == SourceForm.Channel && _view.TokenMention[cited.Start] < 0 ? SourceForm.Nominal : SourceForm.Name);
                frame.CitedAsSource = true;
                _frames.Add(frame);
                continue;
            }
            if (!IsStandalone(open) && !clause)
                continue;
            if (!IsStandalone(open) && words < 3)
                continue;
            var previous = PreviousSpeakerFrame(open, maxParagraphs: 1);
            // "X spoke to reporters on Tuesday." above a quotation: X speaks.
            if (previous is null && IsStandalone(open) && IntroSentence(frame) is { } intro
                && SubjectOf(intro.Start, intro.End) is { Start: >= 0, Form: SourceForm.Name } introduced)
            {
                SetSource(frame, introduced.Start, introduced.End, introduced.Form);
                _frames.Add(frame);
                continue;
            }
            if (previous is null)
            {
                if (IsStandalone(open) && words >= 3)
                    _frames.Add(frame); // unattributed, but speech
                continue;
            }
            frame.SpeakerOf = previous;
            _frames.Add(frame);
        }
        _pending.Clear();
    }

    private bool EndsWithTerminal(int end)
    {
        int i = end - 1;
        while (i >= 0 && _text[i] is '"' or '”' or '’' or '\'' or ')' or ' ')
            i--;
        return i >= 0 && _text[i] is '.' or '!' or '?' or '…';
    }

    private int WordCount(int start, int end)
    {
        int count = 0;
        bool inWord = false;
        for (int i = start; i < end; i++)
        {
            bool letter = char.IsLetterOrDigit(_text[i]);
            if (letter && !inWord)
                count++;
            inWord = letter;
        }
        return count;
    }

    /// <summary>The latest frame before token <paramref name="t"/> that has (or inherits) a speaker, within a few paragraphs.</summary>
    private Frame? PreviousSpeakerFrame(int t, int maxParagraphs = 2)
    {
        int offset = _tokens[Math.Min(t, _tokens.Length - 1)].Start;
        int paragraph = ParagraphOf(Math.Min(t, _tokens.Length - 1));
        Frame? best = null;
        int bestAt = -1;
        foreach (var f in _frames)
        {
            int at = f.CueStart >= 0 ? f.CueStart : f.Start;
            if (at >= offset || at < bestAt || (!f.HasSource && f.SpeakerOf is null && f.AskedStart < 0))
                continue;
            best = f;
            bestAt = at;
        }
        if (best is null)
            return null;
        best = QuotedInsideReport(best) ?? best;
        int bestParagraph = ParagraphOf(_view.FirstTokenAtOrAfter(bestAt));
        return paragraph - bestParagraph <= maxParagraphs ? best : null;
    }

    /// <summary>
    /// "“A,” Warren said, the Times reported. “B.”": when the latest speaker is an outlet's report that closes its
    /// sentence after the words, and those words hold a quotation with its own cue and speaker, the quotation after
    /// it goes on with that inner speaker (Warren), not the outlet that reported both. The latest such quotation, or null.
    /// </summary>
    private Frame? QuotedInsideReport(Frame report)
    {
        if (report.Span >= 0 || report.CueStart < report.End || report.Start < 0)
            return null;
        Frame? inner = null;
        foreach (var f in _frames)
        {
            if (f.Span < 0 || f.Kind != QuoteKind.Direct || f.Start < report.Start || f.End > report.End
                || f.CueStart < report.Start || f.CueStart >= report.End || (!f.HasSource && f.SpeakerOf is null))
                continue;
            if (inner is null || f.CueStart > inner.CueStart)
                inner = f;
        }
        return inner;
    }

    private Frame? PreviousFrameInSentence(int cue, Frame? except = null)
    {
        int sentence = SentenceOf(cue);
        Frame? best = null, according = null;
        foreach (var f in _frames)
        {
            if (ReferenceEquals(f, except))
                continue;
            if (f.CueToken < 0 || f.CueToken >= cue || SentenceOf(f.CueToken) != sentence || !(f.HasSource || f.SpeakerOf is not null))
                continue;
            // "…,” X said, according to the Gazette, before adding …": the outlet of "according to" cites
            // the words; it is not the subject a later verb of the clause hangs on.
            if (WordIs(f.CueToken, "according") && WordIs(f.CueToken + 1, "to"))
            {
                if (according is null || f.CueToken > according.CueToken)
                    according = f;
            }
            else if (best is null || f.CueToken > best.CueToken)
                best = f;
        }
        return best ?? according;
    }

    private void SetCue(Frame frame, int head, int end, bool consume = true)
    {
        frame.CueToken = head;
        frame.CueStart = _tokens[head].Start;
        frame.CueEnd = _tokens[end - 1].End;
        frame.Sentence = SentenceOf(head);
        if (consume)
            _used[head] = true;
    }

    /// <summary>Reported words with their cue tokens [cueHead, cueEnd) and source tokens [sourceStart, sourceEnd).</summary>
    private Frame Indirect(int cueHead, int cueEnd, int sourceStart, int sourceEnd, SourceForm form, (int Start, int End) words)
    {
        var frame = new Frame { Kind = QuoteKind.Indirect };
        SetCue(frame, cueHead, cueEnd);
        SetSource(frame, sourceStart, sourceEnd, form);
        frame.Start = words.Start;
        frame.End = words.End;
        return frame;
    }

    private void SetSource(Frame frame, int a, int b, SourceForm form)
    {
        // "Sen. John Thune of South Dakota", "Lee Wang of The Intercept": the person speaks, the name
        // after "of" is where the person is from or works.
        if (form == SourceForm.Name && OfBefore(a) is var of && of >= 1)
        {
            if (PersonBeforeOf(of, a) is var person && person >= 0)
            {
                b = of;
                a = person;
            }
            else if (RelationalBeforeOf(of) is var start && start >= 0)
            {
                // "critics of the president", "the former governor of Texas": the phrase speaks, not the
                // name after "of"; "X, president of Y," or "X, the son of Y," is the person X.
                var apposed = PersonApposedTo(start);
                if (apposed.Start >= 0)
                    (a, b) = (apposed.Start, apposed.End);
                else
                {
                    a = start;
                    form = SourceForm.Nominal;
                }
            }
        }
        frame.SourceStart = _tokens[a].Start;
        frame.SourceEnd = _tokens[b - 1].End;
        frame.SourceForm = form;
    }

    /// <summary>
    /// The "of" before a name that starts at token <paramref name="a"/>, past a "the" and capitalised
    /// titles ("of | South Dakota", "of the | Kessick Harbour Board", "of Mayor | X"), or -1.
    /// </summary>
    private int OfBefore(int a)
    {
        for (int k = a - 1; k >= 0 && a - k <= 3; k--)
        {
            if (WordIs(k, "of"))
                return k;
            if (!(WordIs(k, "the") || CapitalisedTitle(k)) || _view.TokenMention[k] >= 0)
                return -1;
        }
        return -1;
    }

    /// <summary>
    /// The first token of a person's name that ends right before the "of" at <paramref name="of"/>
    /// ("John Thune of | South Dakota"), or -1.
    /// </summary>
    private int PersonBeforeOf(int of, int a)
    {
        int p = of - 1;
        if (p < 0 || _view.MentionType(p) != "PERSON" || IsPossessive(p) || _view.TokenMention[p] == _view.TokenMention[a])
            return -1;
        int first = _view.FirstTokenAtOrAfter(_input.Mentions[_view.TokenMention[p]].Start);
        return first <= p && SentenceOf(first) == SentenceOf(a) ? first : -1;
    }

    /// <summary>
    /// The first token of a noun phrase ending in a relational or role noun right before the "of" at
    /// <paramref name="of"/> ("the family | of X", "Critics | of X", "the former governor | of X"), or -1.
    /// </summary>
    private int RelationalBeforeOf(int of)
    {
        int head = of - 1;
        if (head < 0 || !_view.IsWord(head) || _view.TokenMention[head] >= 0)
            return -1;
        var w = _view.Lower(head);
        // A role noun only in lower case (or an acronym, "the former CEO of"): a capitalised one is a title
        // before a name ("Secretary of State John Kerry", "Chief of Staff X").
        var word = _view.Word(head);
        if (!SpeechWords.RelationalNouns.GetAlternateLookup<ReadOnlySpan<char>>().Contains(w)
            && !(Entities.EntityLexicons.RoleNouns.GetAlternateLookup<ReadOnlySpan<char>>().Contains(w) && (char.IsLower(word[0]) || AllCapitals(word))))
            return -1;
        int start = head;
        int floor = _view.SentenceStart(head);
        for (int k = head - 1; k >= floor && head - k <= 4; k--)
        {
            if (!_view.IsWord(k) && _view.TokenMention[k] < 0)
            {
                // "the 37-year-old mayor of": a number or hyphen joined to the word after it.
                if ((_tokens[k].Kind == TokenKind.Number || _text[_tokens[k].Start] == '-') && _tokens[k].End == _tokens[k + 1].Start)
                {
                    start = k;
                    continue;
                }
                break;
            }
            if (WordIn(k, SpeechWords.Determiners))
            {
                start = k;
                break;
            }
            if (WordIn(k, SpeechWords.PhraseStops) || WordIn(k, SpeechWords.Prepositions) || IsCue(k) || _view.MentionType(k) == "PERSON")
                break;
            start = k;
        }
        return start;
    }

    /// <summary>A person named right before a comma and <paramref name="start"/> ("X, president of Y", "X, who is chairman of Y"), or none.</summary>
    private (int Start, int End) PersonApposedTo(int start)
    {
        int c = start - 1;
        if (c >= 0 && WordIs(c, "also"))
            c--;
        if (c >= 1 && (WordIs(c, "is") || WordIs(c, "was")) && WordIs(c - 1, "who"))
            c -= 2;
        // An apposition names one: "X, the son of Y", "X, president of Y"; not "X, several members of Y".
        if (c < 1 || !IsComma(c) || WordIn(start, SpeechWords.Determiners) && !(WordIs(start, "the") || WordIs(start, "a") || WordIs(start, "an")))
            return (-1, -1);
        // "X (R-N.C.), chairman of Y": the person before a bracket.
        int p = c - 1;
        if (IsPunct(p, ')'))
        {
            int open = MatchingOpen(p);
            if (open <= 0 || p - open > 8)
                return (-1, -1);
            p = open - 1;
        }
        if (_view.MentionType(p) != "PERSON" || IsPossessive(p))
            return (-1, -1);
        int first = _view.FirstTokenAtOrAfter(_input.Mentions[_view.TokenMention[p]].Start);
        if (first > p || SentenceOf(first) != SentenceOf(start))
            return (-1, -1);
        // The object of a preposition is no speaker: "On Capitol Hill, the chairman of …", "funds for X, a representative of …".
        int k = first - 1;
        while (k >= 0 && first - k <= 4 && (WordIs(k, "the") || CapitalisedTitle(k) || _view.TokenMention[k] >= 0))
            k--;
        return k >= 0 && WordIn(k, SpeechWords.Prepositions) ? (-1, -1) : (first, p + 1);
    }
}

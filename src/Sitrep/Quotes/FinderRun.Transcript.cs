using Sitrep.Entities;
using Sitrep.Text;

namespace Sitrep.Quotes;

internal sealed partial class FinderRun
{
    /// <summary>The most words a speaker label may have ("REP. JOHN LEWIS", "PRESIDENT DONALD TRUMP").</summary>
    private const int MaxLabelWords = 4;

    /// <summary>
    /// Interview and debate transcripts: a paragraph that opens with a speaker's name and a colon
    /// ("WALLACE: …", "AMY GOODMAN: …"), the paragraph perhaps opened by a quotation mark, is that
    /// speaker's turn, a direct quote with no cue. The label counts only when it names a person of
    /// the article: the tagger read the whole label, after a title, as a person's name ("Mrs. Clinton:"),
    /// or it is written in capitals and its last word is the surname of a person named
    /// elsewhere in the text ("WALLACE" for "Chris Wallace"); section heads such as "RELATED:",
    /// "THE FACTS:" or a dateline "RIYADH:" name none. And only when two such turns are in the
    /// article, one speaker taking the floor twice: one label alone is more often a heading, and a
    /// list of people each with a line about them is no conversation. In a transcript, a label
    /// in capitals that opens two turns or more is a speaker even when nobody of that name is in the
    /// text (a host named only by surname, "WALLACE:"); its turns have no entity. A turn is speech: it
    /// ends as a sentence does. A turn replaces what an earlier step made of its paragraph (a colon
    /// on the line before introducing it as one quote).
    /// </summary>
    private void FindTranscriptTurns()
    {
        var turns = new List<Frame>();
        var unnamed = new List<Frame>();
        for (int s = 0; s < _view.Sentences.Length; s++)
        {
            if (s > 0 && _view.ParagraphOfSentence[s] == _view.ParagraphOfSentence[s - 1])
                continue;
            // A one-sentence first line is the headline ("Oresko: Crossings will reopen."), read by
            // FindHeadlineLabel: it is no turn that, with one label in the body, would make a transcript.
            if (s == 0 && _view.Sentences.Length > 1 && _view.ParagraphOfSentence[1] != _view.ParagraphOfSentence[0])
                continue;
            if (ReadTurn(s, out bool named) is { } turn)
                (named ? turns : unnamed).Add(turn);
        }
        // Two turns, and a speaker who takes the floor again: a list of people, each with a line about
        // them ("Otto Warmbier: One of the most publicized cases …"), has no speaker twice.
        if (turns.Count < 2)
            return;
        // A label in capitals that opens two turns or more is a speaker too, though the article never
        // names the person in full (the host: "WALLACE:").
        var labels = unnamed.GroupBy(f => _text[f.SourceStart..f.SourceEnd], StringComparer.Ordinal)
            .Where(g => g.Count() >= 2 && LooksLikeSurname(g.Key)).ToList();
        foreach (var g in labels)
            turns.AddRange(g);
        if (labels.Count == 0 && !turns.GroupBy(f => _text[f.SourceStart..f.SourceEnd], StringComparer.OrdinalIgnoreCase).Any(g => g.Count() >= 2))
            return;
        foreach (var turn in turns)
        {
            _frames.RemoveAll(f => f.Start < turn.SourceEnd && f.End > turn.SourceStart);
            _frames.Add(turn);
        }
    }

    /// <summary>The turn the paragraph opening with sentence <paramref name="s"/> is, or null.</summary>
    private Frame? ReadTurn(int s, out bool named)
    {
        named = false;
        int t = _view.Sentences[s].FirstToken;
        if (t < _tokens.Length && _tokens[t].Kind == TokenKind.Quote)
            t++;
        int first = t, colon = -1;
        for (; t < _tokens.Length && t - first <= MaxLabelWords; t++)
        {
            if (IsPunct(t, ':'))
            {
                colon = t;
                break;
            }
            if (!_view.IsWord(t))
                return null;
        }
        if (colon <= first)
            return null;
        int paragraph = _view.ParagraphOfSentence[s];
        int last = s;
        while (last + 1 < _view.Sentences.Length && _view.ParagraphOfSentence[last + 1] == paragraph)
            last++;
        int end = _view.Sentences[last].FirstToken + _view.Sentences[last].TokenCount;
        // The words as printed, their closing punctuation too (a question stays one), without a
        // quotation mark left open or closed around the paragraph.
        int a = colon + 1, b = end;
        while (b > a && _tokens[b - 1].Kind == TokenKind.Quote)
            b--;
        if (b <= a)
            return null;
        int start = _tokens[a].Start, stop = _tokens[b - 1].End;
        // Speech ends as a sentence does; "Ryan Costello: The reluctant retirement" is a caption.
        if (WordCount(start, stop) < 2 || !(IsSentenceEndPunct(b - 1) || IsDash(b - 1) || _tokens[b - 1].Kind == TokenKind.Ellipsis))
            return null;
        int entity = LabelPerson(first, colon, out named);
        if (!named && !AllCapitals(first, colon))
            return null;
        return new Frame
        {
            Start = start,
            End = stop,
            Kind = QuoteKind.Direct,
            SourceStart = _tokens[first].Start,
            SourceEnd = _tokens[colon - 1].End,
            SourceForm = SourceForm.Name,
            KnownEntity = entity,
            Sentence = SentenceOf(colon + 1 < end ? colon + 1 : colon),
            Turn = true,
        };
    }

    /// <summary>
    /// Whether the label [<paramref name="first"/>, <paramref name="colon"/>) names a person of the
    /// article, and which entity (-1 when the surname fits several or the tagger's mention has none).
    /// </summary>
    private int LabelPerson(int first, int colon, out bool person)
    {
        person = false;
        bool capitals = AllCapitals(first, colon);
        // A label the tagger read as a person's name: the whole label is the name, perhaps after a
        // title ("Mrs. Clinton:"); "Nadler added:" or "JUST WATCHED Kasich:" is not a label.
        Span<char> buffer = stackalloc char[40];
        int name = first;
        while (name < colon - 1 && EntityLexicons.Titles.Contains(CueFeatures.Lower(_view.Word(name).TrimEnd('.'), buffer)))
            name++;
        if (_view.TokenMention[name] is int m and >= 0 && _input.Mentions[m].Type == "PERSON" && !_view.Is(name, "the")
            && _input.Mentions[m].Start == _tokens[name].Start && _input.Mentions[m].End == _tokens[colon - 1].End)
        {
            person = true;
            return _input.Mentions[m].Entity;
        }
        // Otherwise the label must be written in capitals, as transcripts print it: a title-case word
        // before a colon ("Update:", "Read more:") is not checked against the names.
        if (!capitals)
            return -1;
        var surname = _view.Word(colon - 1);
        int found = -1;
        for (int e = 0; e < _input.Entities.Count; e++)
        {
            var entity = _input.Entities[e];
            if (entity.Type != "PERSON" || !NamedBy(entity, surname))
                continue;
            person = true;
            if (found >= 0)
                return -1;
            found = e;
        }
        return found;
    }

    /// <summary>
    /// A label no person of the article accounts for is a speaker only if it reads as a name: no word
    /// of it is an ordinary English word ("THE FACTS", "FILE PHOTO", "VERDICT", "HOST" are headings or
    /// roles; the tagger's word table knows them in small letters), and it is not the name of an
    /// organisation or outlet of the article ("CNN:").
    /// </summary>
    private bool LooksLikeSurname(string label)
    {
        var clusters = Entities.NerModel.Default.Clusters;
        foreach (var word in label.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (clusters.HasLowerCase(word.TrimEnd('.')))
                return false;
        }
        foreach (var entity in _input.Entities)
        {
            if (entity.Type != "PERSON" && (entity.Name.Equals(label, StringComparison.OrdinalIgnoreCase)
                || entity.Aliases.Any(a => a.Equals(label, StringComparison.OrdinalIgnoreCase))))
                return false;
        }
        foreach (var m in _input.Mentions)
        {
            if (m.Type != "PERSON" && _text.AsSpan(m.Start, m.End - m.Start).Equals(label, StringComparison.OrdinalIgnoreCase))
                return false;
        }
        return true;
    }

    private bool AllCapitals(int first, int colon)
    {
        for (int t = first; t < colon; t++)
        {
            foreach (char c in _view.Word(t))
            {
                if (char.IsLower(c))
                    return false;
            }
        }
        return true;
    }

    private static bool NamedBy(Entities.Resolution.DocumentEntity entity, ReadOnlySpan<char> surname)
    {
        if (HasSurname(entity.Name, surname))
            return true;
        foreach (var alias in entity.Aliases)
        {
            if (HasSurname(alias, surname))
                return true;
        }
        return false;
    }

    /// <summary>Whether the last word of <paramref name="name"/> (of two words or more) is <paramref name="surname"/>, any case.</summary>
    private static bool HasSurname(string name, ReadOnlySpan<char> surname)
    {
        int space = name.LastIndexOf(' ');
        return space > 0 && name.AsSpan(space + 1).Equals(surname, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The most words a headline may have for its "Label: words" to be read as an attribution.</summary>
    private const int MaxHeadlineWords = 30;

    /// <summary>
    /// A headline "Sanders: Endorsements prove Clinton is the establishment's candidate" or "Poll: Trump
    /// leads in Ohio": the document's first paragraph, a short line, opening with a label and a colon,
    /// is what the label's speaker said (PolNeAR train marks 68 such headlines, the colon as the cue).
    /// The label must name a speaker: a person, organisation or outlet the tagger found (no place: a
    /// dateline "DRAVNO:" is none), or a statement or poll ("Poll:", "New report:"); a heading word
    /// ("UPDATE:", "WATCH:") names nobody. Only the first paragraph: one such label in the body is
    /// no transcript and no attribution (spec one-label-is-no-transcript). Reported speech, not
    /// a quotation: a headline gives the gist, not the words; it has no cue word.
    /// </summary>
    private void FindHeadlineLabel()
    {
        if (_view.Sentences.Length < 2)
            return;
        int paragraph = _view.ParagraphOfSentence[0];
        int last = 0;
        while (last + 1 < _view.Sentences.Length && _view.ParagraphOfSentence[last + 1] == paragraph)
            last++;
        // A line of its own above the body: a paragraph of one or two sentences with more text after it.
        if (last > 1 || last + 1 >= _view.Sentences.Length)
            return;
        int t = _view.Sentences[0].FirstToken, end = _view.Sentences[last].FirstToken + _view.Sentences[last].TokenCount;
        if (end - t > MaxHeadlineWords + 8 || WordCount(_tokens[t].Start, _tokens[end - 1].End) > MaxHeadlineWords)
            return;
        int first = t, colon = -1;
        for (; t < end && t - first <= MaxLabelWords + 2; t++)
        {
            if (IsPunct(t, ':'))
            {
                colon = t;
                break;
            }
            if (!_view.IsWord(t) && _tokens[t].Kind != TokenKind.Abbreviation)
                return;
        }
        if (colon <= first || !char.IsUpper(_text[_tokens[first].Start]))
            return;
        int a = colon + 1, b = end;
        while (b > a && (_tokens[b - 1].Kind is TokenKind.Punctuation || _tokens[b - 1].Kind == TokenKind.Quote && _view.MarkRole[b - 1] != 2))
            b--;
        if (b <= a || WordCount(_tokens[a].Start, _tokens[b - 1].End) < 3)
            return;
        if (!LabelSpeaks(first, colon))
            return;
        int start = _tokens[a].Start, stop = _tokens[b - 1].End;
        // A quotation or transcript turn that already holds the line is its reading.
        if (_frames.Exists(f => f.Start <= start && stop <= f.End || f.Start < _tokens[colon - 1].End && f.End > _tokens[first].Start))
            return;
        var frame = new Frame { Start = start, End = stop, Kind = QuoteKind.Indirect, Sentence = SentenceOf(a) };
        SetSource(frame, first, colon, SourceForm.Name);
        _frames.Add(frame);
    }

    /// <summary>A headline label that names a speaker: a mention the tagger found that is no place, or a statement, outlet or poll.</summary>
    private bool LabelSpeaks(int first, int colon)
    {
        for (int t = first; t < colon; t++)
        {
            if (_view.TokenMention[t] is int m and >= 0 && _input.Mentions[m].Type is not ("GPE" or "LOC" or "FACILITY" or "DATE" or "MISC"))
                return true;
        }
        // A surname of a person the article names in full ("Oresko:" for Pavel Oresko).
        var surname = _view.Word(colon - 1);
        foreach (var entity in _input.Entities)
        {
            if (entity.Type == "PERSON" && NamedBy(entity, surname))
                return true;
        }
        Span<char> buffer = stackalloc char[40];
        var lastWord = CueFeatures.Lower(surname, buffer);
        return SpeechWords.EvidenceLabels.GetAlternateLookup<ReadOnlySpan<char>>().Contains(lastWord)
            || SpeechWords.Nominals.GetAlternateLookup<ReadOnlySpan<char>>().ContainsKey(lastWord);
    }
}

using Sitrep.Text;

namespace Sitrep.Quotes;

internal sealed partial class FinderRun
{
    /// <summary>
    /// Where and when each quote's words appeared: a bracketed citation after it ("(State-run website
    /// X, 31 March)"), a channel in its sentence ("tweeted", "on his official website"), an outlet spoken
    /// or written to ("told X", "speaking to X", "in an interview with X", "carried by X"), an outlet as
    /// the speaker or as the outer speaker of nested speech; and the date written beside the cue.
    /// </summary>
    private void FindPlaces()
    {
        NestFrames();
        foreach (var f in _frames)
        {
            var region = Region(f);
            if (f.Span >= 0 && _view.Spans[f.Span].Closed)
            {
                int close = _view.LastTokenBefore(_view.Spans[f.Span].Outer);
                if (ParenAfter(close) is { } paren)
                {
                    var name = CitationAfter(close);
                    if (name.Start >= 0)
                    {
                        SetCited(f, name.Start, name.End);
                        f.CitedInBrackets = true;
                    }
                    if (DateIn(paren.Open + 1, paren.Close, -1, -1) is { } date)
                        f.Date = date;
                }
            }
            // A network that speaks ("Twitter announced", "a Facebook spokesman said") is where its words appeared
            // when no outlet they were given to is named ("In a statement to X, Facebook said": X).
            if (f.CitedStart < 0)
                ChannelIn(f, region);
            if (f.CitedStart < 0)
                OutletSpokenTo(f, region);
            if (f.CitedStart < 0)
                ChannelIn(f, region, speakerNetwork: true);
            if (f.CitedStart < 0 && IntroSentence(f) is { } intro)
            {
                ChannelIn(f, intro);
                if (f.CitedStart < 0)
                    OutletSpokenTo(f, intro);
            }
        }
    }

    /// <summary>
    /// The sentence before a quote that tells the occasion without a quote of its own: "X spoke to the
    /// Herald on Monday. “…,” he said." Same paragraph (or the one before, for a quotation that opens
    /// its paragraph), with a word of speaking in it.
    /// </summary>
    private readonly Dictionary<Frame, (int Start, int End)?> _intro = [];

    private (int Start, int End)? IntroSentence(Frame f)
    {
        if (_intro.TryGetValue(f, out var known))
            return known;
        var intro = FindIntroSentence(f);
        _intro[f] = intro;
        return intro;
    }

    private (int Start, int End)? FindIntroSentence(Frame f)
    {
        int first = _view.FirstTokenAtOrAfter(f.Span >= 0 ? _view.Spans[f.Span].Open : f.Start);
        if (first >= _tokens.Length)
            return null;
        int s = SentenceOf(first);
        if (s == 0)
            return null;
        var prev = _view.Sentences[s - 1];
        int a = prev.FirstToken, b = prev.FirstToken + prev.TokenCount;
        bool opensParagraph = _view.ParagraphOfSentence[s] != _view.ParagraphOfSentence[s - 1];
        if (opensParagraph && !(f.Span >= 0 && IsStandalone(first)))
            return null;
        if (_view.ParagraphOfSentence[s] - _view.ParagraphOfSentence[s - 1] > 1)
            return null;
        bool speaking = false;
        foreach (var g in _frames)
        {
            if (g.CueToken >= a && g.CueToken < b)
                return null;
        }
        for (int k = a; k < b; k++)
        {
            if (_view.TokenQuote[k] >= 0)
                return null;
            speaking |= (_view.IsWord(k) && StatsOf(k) is { } st && st.Share >= 0.3f) || StatementOrChannel(k);
        }
        return speaking ? (a, b) : null;
    }

    /// <summary>After the speakers are known: an outlet or channel that speaks is where its words appeared, and so is the outer speaker's.</summary>
    private void FindCitations()
    {
        foreach (var f in _frames)
        {
            var region = Region(f);
            if (f.CitedStart < 0 && IsOutletOrChannel(f.Entity))
            {
                f.CitedStart = f.SourceStart;
                f.CitedEnd = f.SourceEnd;
                f.CitedEntity = f.Entity;
            }
            for (var outer = f.Outer; f.CitedStart < 0 && outer is not null; outer = outer.Outer)
            {
                if (IsOutletOrChannel(outer.Entity))
                {
                    f.CitedStart = outer.SourceStart;
                    f.CitedEnd = outer.SourceEnd;
                    f.CitedEntity = outer.Entity;
                }
                else if (outer.CitedEntity >= 0)
                {
                    f.CitedStart = outer.CitedStart;
                    f.CitedEnd = outer.CitedEnd;
                    f.CitedEntity = outer.CitedEntity;
                }
            }
            // A date of another event beside the cue ("X, who chaired the March 3 meeting, said …") leaves the words
            // undated rather than dated from the sentence before.
            bool another = false;
            if (f.Date is null)
            {
                var window = DateWindow(f, region);
                f.Date = DateIn(window.Start, window.End, f.Start, f.End, f, out another);
            }
            if (f.Date is null && !another && IntroSentence(f) is { } intro)
                f.Date = DateIn(intro.Start, intro.End, f.Start, f.End, f, out _);
        }
    }

    /// <summary>Where the date of the words is written: near the cue and the speaker, not anywhere in a long sentence.</summary>
    private (int Start, int End) DateWindow(Frame f, (int Start, int End) region)
    {
        int cue = f.CueToken >= 0 ? f.CueToken : _view.FirstTokenAtOrAfter(f.Start);
        int from = cue;
        if (f.SourceStart >= 0 && f.Sentence == SentenceOf(Math.Min(_view.FirstTokenAtOrAfter(f.SourceStart), _tokens.Length - 1)))
            from = Math.Min(from, _view.FirstTokenAtOrAfter(f.SourceStart));
        // An opening phrase tells the occasion of the whole sentence: "In a tweet on Tuesday, March 31, X …".
        int s0 = _view.SentenceStart(Math.Min(cue, _tokens.Length - 1));
        if (WordIs(s0, "in") || WordIs(s0, "on") || WordIs(s0, "at") || WordIs(s0, "during") || WordIs(s0, "speaking") || WordIs(s0, "writing"))
            from = Math.Min(from, s0 + 8);
        return (Math.Max(region.Start, from - 8), Math.Min(region.End, cue + 9));
    }

    /// <summary>
    /// A speaker written as a kind of outlet or text ("the X website wrote", "an editorial stated") whose
    /// words the article cites to an outlet or channel: the speaker is that outlet.
    /// </summary>
    private bool SpeaksForCitedOutlet(Frame f)
    {
        if (f.CitedEntity < 0 || !(IsOutletOrChannel(f.CitedEntity) || f.CitedAsSource || f.CitedInBrackets))
            return false;
        Span<char> buffer = stackalloc char[40];
        int head = _view.LastTokenBefore(f.SourceEnd);
        if (!SpeechWords.Nominals.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(CueFeatures.Lower(_view.Word(head), buffer), out var kind))
            return false;
        return kind is NominalKind.Outlet or NominalKind.Channel || (kind == NominalKind.Statement && !WordIs(_view.FirstTokenAtOrAfter(f.SourceStart), "the"));
    }

    private bool IsOutletOrChannel(int entity) =>
        entity >= _input.Entities.Count || (entity >= 0 && SpeechWords.IsOutletName(_input.Entities[entity].Type, _input.Entities[entity].Name));

    /// <summary>Token <paramref name="t"/> is in the name of an outlet (a media name, or an organisation named like one).</summary>
    private bool IsOutletMention(int t)
    {
        if (t < 0 || t >= _tokens.Length || _view.TokenMention[t] < 0)
            return false;
        var m = _input.Mentions[_view.TokenMention[t]];
        return SpeechWords.IsOutletName(m.Type, _text.AsSpan(m.Start, m.End - m.Start));
    }

    /// <summary>The tokens where the circumstances of the words are told: the cue's sentence (or the quotation's), the words themselves excluded.</summary>
    private (int Start, int End) Region(Frame f)
    {
        int anchor = f.CueToken >= 0 ? f.CueToken : _view.FirstTokenAtOrAfter(f.Start);
        anchor = Math.Min(anchor, _tokens.Length - 1);
        int s0 = _view.SentenceStart(anchor), s1 = _view.SentenceEnd(anchor);
        if (f.Span >= 0)
        {
            var span = _view.Spans[f.Span];
            s0 = Math.Min(s0, _view.SentenceStart(_view.FirstTokenAtOrAfter(span.Open)));
            int last = Math.Min(_tokens.Length - 1, _view.FirstTokenAtOrAfter(Math.Max(span.Open, span.Outer - 1)));
            s1 = Math.Max(s1, _view.SentenceEnd(last));
        }
        return (s0, s1);
    }

    /// <summary>Nested speech: a frame whose cue and words sit inside another frame's words is within it.</summary>
    private void NestFrames()
    {
        // Each frame's smallest container, the first in list order among equals, as an all-pairs scan
        // finds it; frames ordered by start with the furthest end so far stop the scan where no earlier
        // frame reaches, so an article of 100,000 sentences is not 10^10 comparisons.
        var order = ByStart();
        var reach = new int[order.Length];
        for (int k = 0; k < order.Length; k++)
            reach[k] = Math.Max(k > 0 ? reach[k - 1] : int.MinValue, _frames[order[k]].End);
        for (int i = 0; i < _frames.Count; i++)
        {
            var f = _frames[i];
            if (f.Outer is not null)
                continue;
            Frame? best = null;
            int bestIndex = -1;
            // Containers start at or before f: the last position whose start is <= f.Start, then back.
            int last = LastStartAtOrBefore(order, f.Start);
            for (int k = last; k >= 0 && reach[k] >= f.End; k--)
            {
                int j = order[k];
                var g = _frames[j];
                if (j == i)
                    continue;
                // The inner frame's cue is inside the outer words too, or both share one cue (a quotation in reported speech).
                int anchor = f.CueStart >= 0 && f.CueToken != g.CueToken ? f.CueStart : f.Start;
                if (g.Start <= anchor && f.End <= g.End && g.Start <= f.Start && (g.End - g.Start) > (f.End - f.Start)
                    && (best is null || g.End - g.Start < best.End - best.Start || (g.End - g.Start == best.End - best.Start && j < bestIndex)))
                {
                    best = g;
                    bestIndex = j;
                }
            }
            if (best is not null && !ReferenceEquals(best.Outer, f))
                f.Outer = best;
        }
    }

    /// <summary>Indexes into the frames, ordered by start (then by index).</summary>
    private int[] ByStart()
    {
        var order = new int[_frames.Count];
        for (int k = 0; k < order.Length; k++)
            order[k] = k;
        Array.Sort(order, (a, b) => _frames[a].Start != _frames[b].Start ? _frames[a].Start.CompareTo(_frames[b].Start) : a.CompareTo(b));
        return order;
    }

    /// <summary>The last position of <paramref name="order"/> whose frame starts at or before <paramref name="start"/>, or -1.</summary>
    private int LastStartAtOrBefore(int[] order, int start)
    {
        int lo = 0, hi = order.Length - 1, found = -1;
        while (lo <= hi)
        {
            int mid = (lo + hi) >>> 1;
            if (_frames[order[mid]].Start <= start)
            {
                found = mid;
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }
        return found;
    }

    private (int Open, int Close)? ParenAfter(int close)
    {
        int t = close + 1;
        if (IsComma(t) || IsSentenceEndPunct(t))
            t++;
        if (t >= _tokens.Length || !IsPunct(t, '(') || ParagraphOf(t) != ParagraphOf(close))
            return null;
        int shut = t + 1;
        while (shut < _tokens.Length && !IsPunct(shut, ')') && shut - t <= 14)
            shut++;
        if (shut >= _tokens.Length || !IsPunct(shut, ')'))
            return null;
        return (t, shut);
    }

    /// <summary>
    /// The outlet named in a bracketed citation after a quotation: its media name, else any name, else
    /// the capitalised words before the first comma (an outlet the tagger did not know, "NYTimes").
    /// </summary>
    private SourceSpan CitationAfter(int close)
    {
        if (ParenAfter(close) is not { } paren)
            return SourceSpan.None;
        int a = paren.Open + 1, b = paren.Close;
        int firstComma = a;
        while (firstComma < b && !IsComma(firstComma))
            firstComma++;
        // A citation names an outlet, with a date after a comma: "(Outlet, 31 March)", "(AFP)"; an
        // explanation in brackets ("(the militias in Iraq)") does not.
        bool dated = firstComma < b && DateIn(firstComma + 1, b, -1, -1) is not null;
        bool media = false, lower = false;
        for (int k = a; k < firstComma; k++)
        {
            media |= IsOutletMention(k);
            lower |= _view.IsWord(k) && !char.IsUpper(_text[_tokens[k].Start]) && _view.TokenMention[k] < 0 && !IsOutletWord(k);
        }
        if (!dated && !media && (lower || firstComma - a > 4))
            return SourceSpan.None;
        int best = -1;
        for (int k = a; k < firstComma; k++)
        {
            if (_view.TokenMention[k] >= 0 && (best < 0 || IsOutletMention(k)))
                best = k;
        }
        if (best >= 0)
        {
            var m = _input.Mentions[_view.TokenMention[best]];
            return new SourceSpan(_view.FirstTokenAtOrAfter(m.Start), _view.FirstTokenAtOrAfter(m.End), SourceForm.Name);
        }
        // Capitalised words: "NYTimes", "State-run website XYZ"; a date alone names no one.
        int end = firstComma;
        int start = end;
        while (start - 1 >= a && (_view.IsCapitalised(start - 1) || _tokens[start - 1].Kind == TokenKind.Abbreviation))
            start--;
        if (start == end || WordIn(start, SpeechWords.Months) || WordIn(start, SpeechWords.Weekdays))
            return SourceSpan.None;
        return new SourceSpan(start, end, SourceForm.Channel);
    }

    private bool IsOutletWord(int t)
    {
        Span<char> buffer = stackalloc char[40];
        var w = CueFeatures.Lower(_view.Word(t), buffer);
        return SpeechWords.Nominals.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(w, out var kind) && kind is NominalKind.Outlet or NominalKind.Channel
            || w.SequenceEqual("news") || w.SequenceEqual("media") || w.SequenceEqual("state-run") || w.SequenceEqual("state") || w.SequenceEqual("official");
    }

    private void SetCited(Frame f, int a, int b)
    {
        f.CitedStart = _tokens[a].Start;
        f.CitedEnd = _tokens[b - 1].End;
        if (_view.TokenMention[b - 1] >= 0)
        {
            f.CitedEntity = _input.Mentions[_view.TokenMention[b - 1]].Entity;
            return;
        }
        // An outlet written short ("NYTimes") is the article's outlet it abbreviates, if there is one.
        var words = _text[f.CitedStart..f.CitedEnd];
        for (int e = 0; e < _input.Entities.Count; e++)
        {
            var entity = _input.Entities[e];
            if (entity.Type is "MEDIA" or "ORG" && (Abbreviates(words, entity.Name) || entity.Aliases.Any(a => Abbreviates(words, a))))
            {
                f.CitedEntity = e;
                return;
            }
        }
        f.CitedEntity = ChannelEntity(f.CitedStart, f.CitedEnd, null);
    }

    /// <summary>
    /// A short form of a name: "NYTimes" and "NYT" of "New York Times" (initials, with or without the
    /// last word in full), ignoring case, spaces and a leading "The".
    /// </summary>
    internal static bool Abbreviates(string shortForm, string name)
    {
        var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length > 1 && words[0].Equals("the", StringComparison.OrdinalIgnoreCase))
            words = words[1..];
        if (words.Length < 2)
            return false;
        string compact = shortForm.Replace(" ", "", StringComparison.Ordinal).Replace(".", "", StringComparison.Ordinal);
        string initials = string.Concat(words.Select(w => char.ToUpperInvariant(w[0])));
        if (compact.Equals(initials, StringComparison.OrdinalIgnoreCase) && compact.Length >= 2)
            return true;
        string initialsAndLast = string.Concat(words[..^1].Select(w => char.ToUpperInvariant(w[0]))) + words[^1];
        return compact.Equals(initialsAndLast, StringComparison.OrdinalIgnoreCase)
            || compact.Equals(string.Concat(words), StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>"tweeted", "on Twitter", "in a tweet", "on his official website" in the region, outside the words.</summary>
    private void ChannelIn(Frame f, (int Start, int End) region, bool speakerNetwork = false)
    {
        Span<char> buffer = stackalloc char[40];
        var channels = SpeechWords.Channels.GetAlternateLookup<ReadOnlySpan<char>>();
        var nominals = SpeechWords.Nominals.GetAlternateLookup<ReadOnlySpan<char>>();
        for (int k = region.Start; k < region.End; k++)
        {
            if (_tokens[k].Start >= f.Start && _tokens[k].Start < f.End)
                continue;
            if (!_view.IsWord(k))
                continue;
            var w = _view.Lower(k, buffer.Length);
            if (channels.TryGetValue(w, out var channel))
            {
                // A network's own name ("Twitter", "Facebook", not "tweeted") cites it only where it carries the words; the
                // speaker's network ends the first look, as the first channel named, and is taken if no outlet is named.
                if (w.Equals(channel, StringComparison.OrdinalIgnoreCase) && !NetworkCarriesWords(f, k, region, speakerNetwork))
                {
                    if (InSpeaker(f, k))
                        return;
                    continue;
                }
                if (_view.TokenMention[k] >= 0)
                {
                    SetCited(f, k, k + 1);
                    if (f.CitedEntity < 0)
                        f.CitedEntity = ChannelEntity(_tokens[k].Start, _tokens[k].End, channel);
                }
                else
                {
                    f.CitedStart = _tokens[k].Start;
                    f.CitedEnd = _tokens[k].End;
                    f.CitedEntity = ChannelEntity(_tokens[k].Start, _tokens[k].End, channel);
                }
                return;
            }
            // "on his official website", "on Khamenei's website": a site that carries the words.
            if (nominals.TryGetValue(w, out var kind) && kind == NominalKind.Channel && k - 1 >= region.Start)
            {
                int a = k - 1;
                while (a > region.Start && k - a < 5 && !WordIn(a, SpeechWords.Prepositions) && !IsComma(a) && _tokens[a].Kind != TokenKind.Punctuation)
                    a--;
                if (!(WordIs(a, "on") || WordIs(a, "in") || WordIs(a, "via") || WordIs(a, "through")))
                    continue;
                if (f.SourceStart >= 0 && f.SourceStart <= _tokens[k].Start && _tokens[k].End <= f.SourceEnd)
                    continue;
                int from = a + 1;
                f.CitedStart = _tokens[from].Start;
                f.CitedEnd = _tokens[k].End;
                f.CitedEntity = ChannelEntity(f.CitedStart, f.CitedEnd, null);
                return;
            }
        }
    }

    /// <summary>
    /// Token <paramref name="k"/> ("with") is in a noun phrase in apposition to a person's name: a comma after the
    /// name, then "a", "an" or "the" and up to three more words ("Lind, an officer with", "Ross, the former head with").
    /// </summary>
    private bool EmployerAfterName(int k)
    {
        int a = k - 1;
        while (a > 0 && k - a <= 5 && _tokens[a].Kind != TokenKind.Punctuation)
            a--;
        if (a <= 0 || a == k - 1 || !IsComma(a) || !(WordIs(a + 1, "a") || WordIs(a + 1, "an") || WordIs(a + 1, "the")))
            return false;
        int name = _view.TokenMention[a - 1];
        return name >= 0 && _input.Mentions[name].Type == "PERSON";
    }

    private bool InSpeaker(Frame f, int k) => f.SourceStart >= 0 && f.SourceStart <= _tokens[k].Start && _tokens[k].End <= f.SourceEnd;

    /// <summary>
    /// A network named by its own name is where the words appeared when it carries them: after "on", "in",
    /// "via", "through", "to", "onto" or "over" ("on Twitter", "over Twitter", "in a Facebook post", "posted to Facebook"), or
    /// before a noun of statement, channel or occasion, or its plural ("a Facebook post", "his Twitter account", "YouTube videos"). The speaker ("Facebook
    /// said", "a Twitter spokesman said"), what the words are about ("his war with Twitter", "Twitter banned
    /// him") and a network in another clause are not.
    /// </summary>
    private bool NetworkCarriesWords(Frame f, int k, (int Start, int End) region, bool speakerNetwork)
    {
        if (InSpeaker(f, k))
            return speakerNetwork;
        int a = k - 1;
        while (a > region.Start && k - a < 5 && !WordIn(a, SpeechWords.Prepositions) && _tokens[a].Kind != TokenKind.Punctuation)
            a--;
        if (a >= region.Start && (WordIs(a, "on") || WordIs(a, "in") || WordIs(a, "via") || WordIs(a, "through") || WordIs(a, "to") || WordIs(a, "onto") || WordIs(a, "over")))
            return true;
        int next = k + 1;
        if (next < region.End && _view.IsWord(next))
        {
            var n = _view.Lower(next);
            // The noun or its plural ("a Facebook post", "his Facebook posts").
            for (int cut = 0; cut <= (n.Length > 3 && n[^1] == 's' ? 1 : 0); cut++)
            {
                var noun = n[..^cut];
                if (SpeechWords.Nominals.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(noun, out var kind) && kind is NominalKind.Statement or NominalKind.Channel)
                    return true;
                if (SpeechWords.DateOccasions.GetAlternateLookup<ReadOnlySpan<char>>().Contains(noun))
                    return true;
            }
        }
        return false;
    }

    /// <summary>"told X", "speaking to X", "in an interview with X", "carried by X", "quoted by X", "on X" with X an outlet.</summary>
    private void OutletSpokenTo(Frame f, (int Start, int End) region)
    {
        for (int k = region.Start; k < region.End; k++)
        {
            if (_tokens[k].Start >= f.Start && _tokens[k].Start < f.End)
                continue;
            if (!(WordIs(k, "told") || WordIs(k, "tells") || WordIs(k, "telling") || WordIs(k, "to") || WordIs(k, "with") || WordIs(k, "by") || WordIs(k, "on") || WordIs(k, "in")))
                continue;
            // "X, an officer with the National Crime Agency, said": an outlet after "with" in a noun phrase set after a
            // person's name is the person's employer, not an audience ("X, speaking with Fox News, said" is one).
            if (WordIs(k, "with") && EmployerAfterName(k))
                continue;
            int best = -1;
            for (int j = k + 1; j < region.End && j <= k + 7; j++)
            {
                if (_tokens[j].Start >= f.Start && _tokens[j].Start < f.End)
                    break;
                if (IsOutletMention(j))
                {
                    best = j;
                    // "the X-run news agency, Tasnim": the proper name in apposition wins.
                    int after = _view.FirstTokenAtOrAfter(_input.Mentions[_view.TokenMention[j]].End);
                    if (IsComma(after) && IsOutletMention(after + 1))
                        best = after + 1;
                    break;
                }
                // "told the state-run news agency, KTA, …": the name in apposition to an outlet noun is an outlet.
                if (IsComma(j) && j - 1 > k && IsOutletWord(j - 1) && j + 1 < region.End && _view.TokenMention[j + 1] >= 0)
                {
                    best = j + 1;
                    break;
                }
                if (IsSentenceEndPunct(j) || (IsComma(j) && j > k + 4))
                    break;
            }
            if (best >= 0)
            {
                var m = _input.Mentions[_view.TokenMention[best]];
                SetCited(f, _view.FirstTokenAtOrAfter(m.Start), _view.FirstTokenAtOrAfter(m.End));
                return;
            }
        }
    }
}

using Sitrep.Text;

namespace Sitrep.Quotes;

/// <summary>Tokens [Start, End) that name a speaker; Start is -1 when none was found, and <see cref="Inherit"/> says the cue hangs on an earlier verb ("…, adding", "and said").</summary>
internal readonly record struct SourceSpan(int Start, int End, SourceForm Form, bool Inherit = false)
{
    public static SourceSpan None => new(-1, -1, SourceForm.None);

    public static SourceSpan Inherited => new(-1, -1, SourceForm.None, true);
}

internal sealed partial class FinderRun
{
    private const int MaxPhrase = 8;

    /// <summary>
    /// The speaker before a cue: a pronoun ("he said"), a name with its title ("Pentagon spokesman Sean
    /// Robertson said"), a name before an apposition ("X, the …, said"), a relative clause's antecedent
    /// ("X, who …, said"), or a noun phrase ("the statement said"). Auxiliaries, adverbs and time words
    /// between the speaker and the cue are skipped ("he last week tweeted", "has also said").
    /// </summary>
    private SourceSpan LeftSource(int cue, int floor)
    {
        int j = SkipBackOverFillers(cue - 1, floor);
        // "A survey released Sunday indicates", "he was recorded last year saying": a past participle
        // after its noun (with its time) tells of the subject; the noun or pronoun before it speaks, not the participle.
        while (j > floor && ReducedParticiple(j, cue))
            j = SkipBackOverFillers(j - 1, floor);
        if (j < floor)
            return SourceSpan.None;
        Span<char> buffer = stackalloc char[40];
        var lower = CueFeatures.Lower(_view.Word(j), buffer);
        if (SpeechWords.IsParticiple(CueFeatures.Lower(_view.Word(cue), stackalloc char[40])) && IsComma(j))
            return SourceSpan.Inherited;
        // "…, before adding that …", "after saying …", "while insisting …", "by claiming …": a participle
        // after a preposition or subordinator has the subject of the clause it hangs on as its speaker.
        // The clause's own subject when it has one before the preposition ("But Pence had courted trouble by
        // insisting …"); else the verb the clause hangs on ("“…,” X said, before adding …").
        if (j == cue - 1 && WordIn(j, ParticipleLeads) && SpeechWords.IsParticiple(CueFeatures.Lower(_view.Word(cue), stackalloc char[40])))
        {
            int a = floor;
            if (WordIs(a, "but") || WordIs(a, "and") || WordIs(a, "so") || WordIs(a, "yet"))
                a++;
            return a < j && SubjectOf(a, j) is { Start: >= 0 } own && own.End <= j ? own : SourceSpan.Inherited;
        }
        if (_view.IsWord(j) && (lower.SequenceEqual("and") || lower.SequenceEqual("but") || lower.SequenceEqual("or")))
            return SourceSpan.Inherited;
        if (IsComma(j) || IsPunct(j, ')'))
            return Apposition(j, floor);
        if (_view.IsWord(j) && SpeechWords.PersonalPronouns.GetAlternateLookup<ReadOnlySpan<char>>().Contains(lower))
            return new SourceSpan(j, j + 1, SourceForm.Pronoun);
        // "he’s written", "I’ve argued": a pronoun with its auxiliary is a pronoun.
        if (_view.IsWord(j) && ContractedPronoun(lower).Length > 0)
            return new SourceSpan(j, j + 1, SourceForm.Pronoun);
        // "X, who said …": the relative pronoun names the speaker here; it stands for X.
        if (_view.IsWord(j) && SpeechWords.Relatives.GetAlternateLookup<ReadOnlySpan<char>>().Contains(lower))
            return new SourceSpan(j, j + 1, SourceForm.Pronoun);
        if (_view.MarkRole[j] == 2 || _tokens[j].Kind is TokenKind.Quote or TokenKind.Punctuation)
            return SourceSpan.None;
        // "The Post wrote on Saturday said": the cue hangs on the verb before it.
        if (IsCue(j))
            return SourceSpan.Inherited;
        // "X referring to … said": a participle phrase between the speaker and the verb.
        if (ParticipialSubject(cue, floor) is { Start: >= 0 } through)
            return through;
        var phrase = PhraseEndingAt(j, floor);
        // "… actions in Iraq said", "arrival by air was meant", "residents of Dravik believe": a
        // prepositional object is not the subject; a name further left is, or else the noun the phrase hangs on.
        bool place = phrase.Start >= 0 && _view.MentionType(phrase.Start) is "GPE" or "LOC" or "FACILITY";
        // "A spokesperson for Mayor Tom Brant said": a title before the name stands between it and the preposition.
        int ps = phrase.Start;
        // Not after "with": "with Sen. X calling it …" makes X the speaker of the participle.
        while (ps - 1 > floor && phrase.Form == SourceForm.Name && CapitalisedTitle(ps - 1) && _view.TokenMention[ps - 1] < 0)
            ps--;
        if (ps < phrase.Start && (WordIs(ps - 1, "with") || WordIs(ps - 2, "with") && WordIn(ps - 1, SpeechWords.Determiners)))
            ps = phrase.Start;
        // "Jerry Taylor of the Niskanen Center said": a person of a body speaks, not the body (not when the
        // person is an object himself: "A spokesman for X of Y said" is the spokesman's).
        if (phrase.Start > floor && phrase.Form == SourceForm.Name && _view.MentionType(phrase.End - 1) is "ORG" or "MEDIA")
        {
            int of = phrase.Start - 1;
            if (WordIn(of, SpeechWords.Determiners))
                of--;
            if (of - 1 >= floor && WordIs(of, "of") && _view.MentionType(of - 1) == "PERSON" && !IsPossessive(of - 1))
            {
                int first = Math.Max(floor, _view.FirstTokenAtOrAfter(_input.Mentions[_view.TokenMention[of - 1]].Start));
                if (!(first > floor && PrepositionBefore(first, includeOf: true)))
                    return new SourceSpan(first, of, SourceForm.Name);
            }
        }
        if (ps > floor && PrepositionBefore(ps, includeOf: place))
        {
            var subject = SubjectLeftOf(ps - 1, floor);
            if (subject.Start >= 0)
                return subject;
            int p = ps - 1;
            if (WordIn(p, SpeechWords.Determiners))
                p--;
            var head = p - 1 >= floor ? PhraseEndingAt(p - 1, floor) : SourceSpan.None;
            return head.Start >= 0 && head.Form == SourceForm.Nominal ? new SourceSpan(head.Start, phrase.End, SourceForm.Nominal) : SourceSpan.None;
        }
        return phrase;
    }

    /// <summary>
    /// Token <paramref name="j"/> is a past participle in "-ed" standing after the noun it tells of ("a poll
    /// released Monday", "he was recorded"): lower case, no name, not a noun of speech-nominals.tsv, not after
    /// a determiner ("the accused") and with a word before it; after "was"/"be" only before a participle or infinitive cue.
    /// </summary>
    private bool ReducedParticiple(int j, int cue)
    {
        if (!_view.IsWord(j) || _view.TokenMention[j] >= 0 || char.IsUpper(_text[_tokens[j].Start]))
            return false;
        var w = _view.Word(j);
        if (w.Length < 6 || !w.EndsWith("ed", StringComparison.Ordinal) || !_view.IsWord(j - 1) || WordIn(j - 1, SpeechWords.Determiners) || IsPossessive(j - 1))
            return false;
        Span<char> buffer = stackalloc char[40];
        if (SpeechWords.Nominals.GetAlternateLookup<ReadOnlySpan<char>>().ContainsKey(CueFeatures.Lower(w, buffer)))
            return false;
        // Not a verb of its own clause: "the people I interviewed", "something X flagged" (a subject right
        // before it), "have just arrived" (a perfect), "the charitably minded" (an adjective after its adverb).
        var before = _view.Word(j - 1);
        if (_view.TokenMention[j - 1] >= 0 || WordIn(j - 1, SpeechWords.PersonalPronouns) || (before.Length > 4 && before.EndsWith("ly", StringComparison.Ordinal)))
            return false;
        var skippable = CueFeatures.Skippable.GetAlternateLookup<ReadOnlySpan<char>>();
        for (int p = j - 1; p >= 0 && p >= j - 3 && _view.IsWord(p); p--)
        {
            var b = CueFeatures.Lower(_view.Word(p), buffer);
            if (b.SequenceEqual("have") || b.SequenceEqual("has") || b.SequenceEqual("had") || b.SequenceEqual("'ve") || b.SequenceEqual("’ve") || b.SequenceEqual("having"))
                return false;
            // A passive ("was recorded", "be thrilled") carries on only into a participle or infinitive cue
            // ("was recorded saying", "was forced to announce"); before a finite cue it closes a clause of
            // its own ("… after she was killed indicates"), whose subject does not speak.
            if ((b.SequenceEqual("was") || b.SequenceEqual("were") || b.SequenceEqual("is") || b.SequenceEqual("are") || b.SequenceEqual("be") || b.SequenceEqual("been") || b.SequenceEqual("being"))
                && !(_view.Word(cue).EndsWith("ing", StringComparison.OrdinalIgnoreCase) || WordIs(cue - 1, "to")))
                return false;
            if (!skippable.Contains(b))
                break;
        }
        return true;
    }

    /// <summary>Prepositions and subordinators that take a speech participle whose speaker is the clause's subject ("before adding", "after saying", "while noting", "by claiming").</summary>
    private static readonly System.Collections.Frozen.FrozenSet<string> ParticipleLeads = System.Collections.Frozen.FrozenSet.ToFrozenSet(
        ["before", "after", "while", "when", "by", "without", "since", "despite", "upon", "through", "besides"], StringComparer.Ordinal);

    /// <summary>
    /// The pronoun of a pronoun with a contracted auxiliary ("he’s", "she'd", "I’ve", "we’ll"), or empty when
    /// <paramref name="lower"/> is none (or "it’s", "they’re", "you’ve").
    /// </summary>
    internal static ReadOnlySpan<char> ContractedPronoun(ReadOnlySpan<char> lower)
    {
        int apostrophe = lower.IndexOfAny('\'', '’');
        if (apostrophe <= 0)
            return [];
        var rest = lower[(apostrophe + 1)..];
        if (!(rest.SequenceEqual("s") || rest.SequenceEqual("re") || rest.SequenceEqual("ve") || rest.SequenceEqual("ll") || rest.SequenceEqual("d") || rest.SequenceEqual("m")))
            return [];
        var stem = lower[..apostrophe];
        // A person only: "it’s" is mostly "it is" before an adjective ("it’s clear that"), and "they’re" would
        // take the last organisation that spoke, which on AllSides text was wrong more often than right.
        return stem.SequenceEqual("he") || stem.SequenceEqual("she") || stem.SequenceEqual("i") || stem.SequenceEqual("we") ? stem : [];
    }

    /// <summary>"X referring to recent actions in Iraq said": the name right before a participle earlier in the clause speaks.</summary>
    private SourceSpan ParticipialSubject(int cue, int floor)
    {
        Span<char> buffer = stackalloc char[40];
        for (int k = cue - 1; k > floor && cue - k <= 25; k--)
        {
            if (IsComma(k) || _view.MarkRole[k] != 0 || IsPunct(k, ';') || IsPunct(k, ':') || WordIs(k, "that") || WordIs(k, "who"))
                return SourceSpan.None;
            if (!_view.IsWord(k) || _view.TokenMention[k] >= 0 || !SpeechWords.IsParticiple(CueFeatures.Lower(_view.Word(k), buffer)))
                continue;
            int name = k - 1;
            if (_view.MentionType(name) is "PERSON" or "ORG" or "MEDIA" && !IsPossessive(name))
            {
                var m = _input.Mentions[_view.TokenMention[name]];
                return new SourceSpan(Math.Max(floor, _view.FirstTokenAtOrAfter(m.Start)), name + 1, SourceForm.Name);
            }
            return SourceSpan.None;
        }
        return SourceSpan.None;
    }

    /// <summary>A preposition stands before token <paramref name="t"/> (perhaps with an article between).</summary>
    private bool PrepositionBefore(int t, bool includeOf = false)
    {
        int p = t - 1;
        if (WordIn(p, SpeechWords.Determiners))
            p--;
        return WordIn(p, SpeechWords.Prepositions) && (includeOf || !WordIs(p, "of"));
    }

    /// <summary>
    /// The nearest name or pronoun left of <paramref name="t"/> that can be a subject: not the object of a
    /// preposition, not a possessive or a modifier ("U.S. officials"), not in brackets.
    /// </summary>
    private SourceSpan SubjectLeftOf(int t, int floor)
    {
        for (int k = t; k >= floor; k--)
        {
            if (_view.MarkRole[k] == 2)
                break;
            if (WordIn(k, SpeechWords.PersonalPronouns))
                return new SourceSpan(k, k + 1, SourceForm.Pronoun);
            if (_view.TokenMention[k] < 0 || _view.MentionType(k) is not ("PERSON" or "ORG" or "MEDIA"))
                continue;
            var m = _input.Mentions[_view.TokenMention[k]];
            int first = Math.Max(floor, _view.FirstTokenAtOrAfter(m.Start));
            int last = _view.FirstTokenAtOrAfter(m.End) - 1;
            k = first;
            if (IsPossessive(last) || PrepositionBefore(first, includeOf: true) || IsPunct(first - 1, '('))
                continue;
            return new SourceSpan(first, last + 1, SourceForm.Name);
        }
        return SourceSpan.None;
    }

    /// <summary>Leftwards over auxiliaries, adverbs and time phrases: "has also", "last week", "on Tuesday".</summary>
    private int SkipBackOverFillers(int j, int floor)
    {
        Span<char> buffer = stackalloc char[40];
        var skippable = CueFeatures.Skippable.GetAlternateLookup<ReadOnlySpan<char>>();
        var time = SpeechWords.TimeWords.GetAlternateLookup<ReadOnlySpan<char>>();
        var days = SpeechWords.Weekdays.GetAlternateLookup<ReadOnlySpan<char>>();
        var months = SpeechWords.Months.GetAlternateLookup<ReadOnlySpan<char>>();
        while (j >= floor)
        {
            if (_tokens[j].Kind == TokenKind.Word && _view.TokenMention[j] < 0)
            {
                var w = CueFeatures.Lower(_view.Word(j), buffer);
                if (skippable.Contains(w) || days.Contains(w) || (time.Contains(w) && !w.SequenceEqual("the") && !w.SequenceEqual("in")) || (w.EndsWith("ly") && w.Length > 4)
                    || PerfectAdverb(j, w, floor) || (w.Length > 3 && (w.EndsWith("n't") || w.EndsWith("n’t"))) || WordIn(j, SpeechWords.ClauseAdverbs))
                {
                    j--;
                    continue;
                }
                // "has so far concluded", "thus far indicate": the pair is an adverb of time, not the speaker.
                if (w.SequenceEqual("far") && j - 1 >= floor && (WordIs(j - 1, "so") || WordIs(j - 1, "thus")))
                {
                    j -= 2;
                    continue;
                }
                if (months.Contains(w) && j + 1 < _tokens.Length && _tokens[j + 1].Kind == TokenKind.Number)
                {
                    j--;
                    continue;
                }
            }
            else if (_tokens[j].Kind == TokenKind.Number && j - 1 >= floor && (WordIn(j - 1, SpeechWords.Months) || WordIn(j + 1, SpeechWords.Months)))
            {
                j--;
                continue;
            }
            else if (IsPunct(j, ')') && j - 5 >= floor)
            {
                // A short bracket after a name: "Rep. X (D-Ore.) said".
                int open = j - 1;
                while (open > j - 6 && open >= floor && !IsPunct(open, '('))
                    open--;
                if (open >= floor && IsPunct(open, '(') && open - 1 >= floor && _view.TokenMention[open - 1] >= 0)
                {
                    j = open - 1;
                    continue;
                }
            }
            break;
        }
        return j;
    }

    /// <summary>
    /// An adverb of time between a perfect auxiliary and the cue ("has long said", "have since denied",
    /// "had ever claimed", "has sometimes argued"): skipped, never the speaker ("long" was read as one).
    /// </summary>
    private bool PerfectAdverb(int j, ReadOnlySpan<char> w, int floor)
    {
        if (!(w.SequenceEqual("long") || w.SequenceEqual("since") || w.SequenceEqual("ever") || w.SequenceEqual("sometimes")))
            return false;
        int a = j - 1;
        return a >= floor && (WordIs(a, "has") || WordIs(a, "have") || WordIs(a, "had") || WordIs(a, "'ve") || WordIs(a, "’ve")
            || WordIs(a, "'s") || WordIs(a, "’s") || WordIs(a, "'d") || WordIs(a, "’d"));
    }

    /// <summary>
    /// The speaker of "X, the …, said" or "the head of …, X, said": the part between the two commas is
    /// the name when it is one; otherwise the name stands before the first comma.
    /// </summary>
    private SourceSpan Apposition(int closing, int floor)
    {
        int opening = closing - 1;
        int depth = 0;
        while (opening >= floor)
        {
            if (IsPunct(opening, ')'))
                depth++;
            else if (IsPunct(opening, '('))
                depth--;
            else if (depth == 0 && (IsComma(opening) || _view.MarkRole[opening] == 2 || IsPunct(opening, ';') || IsPunct(opening, ':')))
                break;
            opening--;
        }
        if (opening < floor || !IsComma(opening))
        {
            // No opening comma: "In 2019, officials said" has none; the segment is the subject itself.
            int last = closing - 1;
            while (last >= floor && IsPunct(last, ')'))
                last = MatchingOpen(last) - 1;
            return last >= floor ? PhraseEndingAt(last, floor) : SourceSpan.None;
        }
        // The segment between the commas is a name with at most a title: it is the speaker.
        int segStart = opening + 1, segEnd = closing;
        int person = LastMentionIn(segStart, segEnd, personOnly: true);
        if (person >= 0)
        {
            var m = _input.Mentions[_view.TokenMention[person]];
            int mEnd = _view.FirstTokenAtOrAfter(m.End);
            int mStart = _view.FirstTokenAtOrAfter(m.Start);
            if (mEnd == segEnd && OnlyTitleBetween(segStart, mStart))
                return new SourceSpan(mStart, mEnd, SourceForm.Name);
            // "In February, Judge James Browning in Albuquerque, N.M., ruled": the name before where the person is.
            if (mEnd + 1 < segEnd && (WordIs(mEnd, "in") || WordIs(mEnd, "of") || WordIs(mEnd, "from") || WordIs(mEnd, "near"))
                && IsPlaceAlone(mEnd + 1, segEnd) && OnlyTitleBetween(segStart, mStart))
                return new SourceSpan(mStart, mEnd, SourceForm.Name);
        }
        int before = opening - 1;
        // "Jose Nieves, 44, senior pastor of …, said": the age after the name is no speaker.
        if (before - 2 >= floor && _tokens[before].Kind == TokenKind.Number && IsComma(before - 1) && _view.MentionType(before - 2) == "PERSON")
            before -= 2;
        // "X, who lives in Sandy Hook, Connecticut, told …", "X, of Austin, Texas, said": a place and its state
        // or country are one phrase, so the apposition opens before both.
        if (before >= floor && _view.MentionType(before) is "GPE" or "LOC" && IsPlaceAlone(segStart, segEnd))
            return Apposition(opening, floor);
        // "Rep. X (D-Md.), the …, said": the bracket after the name.
        if (before >= floor && IsPunct(before, ')'))
            before = MatchingOpen(before) - 1;
        if (before < floor)
            return SourceSpan.None;
        var left = PhraseEndingAt(before, floor);
        if (left.Start >= 0)
            return left;
        return SourceSpan.None;
    }

    /// <summary>Tokens [a, b) are one place's name and nothing else: "Connecticut", "South Korea".</summary>
    private bool IsPlaceAlone(int a, int b)
    {
        if (a >= b || _view.TokenMention[a] < 0 || _view.MentionType(a) is not ("GPE" or "LOC"))
            return false;
        var m = _input.Mentions[_view.TokenMention[a]];
        return _view.FirstTokenAtOrAfter(m.Start) == a && _view.FirstTokenAtOrAfter(m.End) == b;
    }

    /// <summary>Tokens [a, b) are at most a title: "Brigadier General", "Dr.", "Clinton spokesman", "the Guards' deputy".</summary>
    private bool OnlyTitleBetween(int a, int b)
    {
        if (b - a > 5)
            return false;
        Span<char> buffer = stackalloc char[40];
        var roles = Entities.EntityLexicons.RoleNouns.GetAlternateLookup<ReadOnlySpan<char>>();
        // "“…,” an emotional Jane Ormsby said": an article and its adjectives before the name.
        bool article = WordIs(a, "a") || WordIs(a, "an") || WordIs(a, "the");
        for (int k = a; k < b; k++)
        {
            if (article && (k == a || _view.IsWord(k) && !char.IsUpper(_text[_tokens[k].Start]) && !WordIn(k, SpeechWords.PhraseStops)
                && !WordIn(k, SpeechWords.Prepositions) && !IsCue(k)))
                continue;
            if (!(_view.IsCapitalised(k) || _tokens[k].Kind == TokenKind.Abbreviation || _view.TokenMention[k] >= 0
                || (_view.IsWord(k) && roles.Contains(CueFeatures.Lower(_view.Word(k), buffer)))))
                return false;
        }
        return true;
    }

    private int MatchingOpen(int close)
    {
        int depth = 0;
        for (int k = close; k >= 0; k--)
        {
            if (IsPunct(k, ')'))
                depth++;
            else if (IsPunct(k, '(') && --depth == 0)
                return k;
        }
        return 0;
    }

    /// <summary>The last token of a person (or, without <paramref name="personOnly"/>, organisation or outlet) name in [a, b), or -1.</summary>
    private int LastMentionIn(int a, int b, bool personOnly)
    {
        for (int k = b - 1; k >= a; k--)
        {
            var type = _view.MentionType(k);
            if (type == "PERSON" || (!personOnly && type is "ORG" or "MEDIA"))
                return k;
        }
        return -1;
    }

    /// <summary>
    /// The noun phrase that ends at token <paramref name="j"/>: a name (with the title before it) or a
    /// nominal. A name followed by "'s" is a modifier ("Khamenei's website" is the website).
    /// </summary>
    private SourceSpan PhraseEndingAt(int j, int floor)
    {
        if (j < floor)
            return SourceSpan.None;
        if (_view.TokenMention[j] >= 0 && !IsPossessive(j))
        {
            var m = _input.Mentions[_view.TokenMention[j]];
            int a = Math.Max(floor, _view.FirstTokenAtOrAfter(m.Start));
            return new SourceSpan(a, j + 1, SourceForm.Name);
        }
        if (!_view.IsWord(j) && _tokens[j].Kind != TokenKind.Number)
            return SourceSpan.None;
        if (WordIn(j, SpeechWords.PhraseStops) || WordIn(j, SpeechWords.Determiners))
            return SourceSpan.None;
        // A verb in the words before the cue ("residents took to the streets, some demanding …", "the
        // delegation that met with him said"): they are no noun phrase, so no speaker.
        if (WordIn(j, SpeechWords.IrregularPasts) && !char.IsUpper(_text[_tokens[j].Start]))
            return SourceSpan.None;
        int start = j;
        int k = j - 1;
        while (k >= floor && j - k < MaxPhrase)
        {
            if (_view.TokenMention[k] >= 0 || _tokens[k].Kind is TokenKind.Number or TokenKind.Abbreviation)
            {
                start = k;
                k--;
                continue;
            }
            if (!_view.IsWord(k))
            {
                // "Guards' deputy": a possessive mark after a plural name.
                if (_tokens[k].Kind == TokenKind.Quote && _view.MarkRole[k] == 0 && k - 1 >= floor && _view.IsWord(k - 1))
                {
                    start = k;
                    k--;
                    continue;
                }
                break;
            }
            if (WordIn(k, SpeechWords.Determiners))
            {
                start = k;
                break;
            }
            if (WordIs(k, "of") && k - 1 >= floor && _view.IsWord(k - 1) && !WordIn(k - 1, SpeechWords.PhraseStops))
            {
                start = k;
                k--;
                continue;
            }
            if (WordIn(k, SpeechWords.PhraseStops) || IsCue(k))
                break;
            if (WordIn(k, SpeechWords.IrregularPasts) && !char.IsUpper(_text[_tokens[k].Start]))
                return SourceSpan.None;
            start = k;
            k--;
        }
        // A name inside the phrase is a modifier ("U.S. officials", "Khamenei's website"): the phrase is a nominal.
        return new SourceSpan(start, j + 1, ChannelHead(j) ? SourceForm.Channel : SourceForm.Nominal);
    }

    private bool IsPossessive(int t)
    {
        var w = _view.Word(t);
        if (w.EndsWith("'s", StringComparison.OrdinalIgnoreCase) || w.EndsWith("’s", StringComparison.OrdinalIgnoreCase))
            return true;
        return t + 1 < _tokens.Length && _tokens[t + 1].Kind == TokenKind.Quote && _view.MarkRole[t + 1] == 0 && _tokens[t + 1].Start == _tokens[t].End;
    }

    private bool ChannelHead(int j)
    {
        Span<char> buffer = stackalloc char[40];
        var w = CueFeatures.Lower(_view.Word(j), buffer);
        return (SpeechWords.Nominals.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(w, out var kind) && kind == NominalKind.Channel)
            || SpeechWords.Channels.GetAlternateLookup<ReadOnlySpan<char>>().ContainsKey(w);
    }

    /// <summary>
    /// The speaker after a cue: "said X", "said the spokesman", "said Rubio's adviser, X, who …",
    /// "according to X". Time words right after the cue are skipped ("said Tuesday").
    /// </summary>
    private SourceSpan RightSource(int t)
    {
        var time = SpeechWords.TimeWords.GetAlternateLookup<ReadOnlySpan<char>>();
        var days = SpeechWords.Weekdays.GetAlternateLookup<ReadOnlySpan<char>>();
        Span<char> buffer = stackalloc char[40];
        while (t < _tokens.Length && _view.IsWord(t) && _view.TokenMention[t] < 0)
        {
            var w = CueFeatures.Lower(_view.Word(t), buffer);
            if (!(days.Contains(w) || (time.Contains(w) && !w.SequenceEqual("the"))))
                break;
            t++;
        }
        if (t >= _tokens.Length || !(_view.IsWord(t) || _tokens[t].Kind == TokenKind.Number))
            return SourceSpan.None;
        if (WordIn(t, SpeechWords.PersonalPronouns))
            return new SourceSpan(t, t + 1, SourceForm.Pronoun);
        if (WordIn(t, SpeechWords.PhraseStops) && !WordIn(t, SpeechWords.Determiners))
            return SourceSpan.None;
        // "Many point out that …", "came out as": the cue's particle, not a speaker after it.
        if (WordIn(t, CueParticles) || WordIn(t, SpeechWords.ClauseAdverbs))
            return SourceSpan.None;
        int sentenceEnd = _view.SentenceEnd(t);
        int end = t;
        while (end < sentenceEnd && end - t < MaxPhrase + 4)
        {
            if (_view.TokenMention[end] >= 0 || _tokens[end].Kind is TokenKind.Number or TokenKind.Abbreviation)
            {
                end++;
                continue;
            }
            if (!_view.IsWord(end))
            {
                if (_tokens[end].Kind == TokenKind.Quote && _view.MarkRole[end] == 0 && end > t)
                {
                    end++;
                    continue;
                }
                break;
            }
            if (end > t && (WordIn(end, SpeechWords.PhraseStops) && !WordIs(end, "of")) || (end > t && IsCue(end)))
                break;
            // "said Trump last week", "said the Post yesterday": a time after a name is when, not who
            // (a word in capitals goes on the name: "a USA TODAY review").
            if (end > t && _view.TokenMention[end - 1] >= 0 && TimeEndAt(end) > end && !AllCapitals(_view.Word(end)))
                break;
            end++;
        }
        if (end == t)
            return SourceSpan.None;
        // "said Rubio's deputy campaign manager, Rich Beeson, who …": the name in apposition. Only a
        // name that closes its phrase (a comma, a bracket, a dash, "who" or the sentence's end after
        // it): in "according to the poll, John Smith leads …" the name opens the reported clause.
        if (IsComma(end) && end + 1 < sentenceEnd && _view.MentionType(end + 1) == "PERSON" && LastMentionIn(t, end, personOnly: true) < 0)
        {
            var m = _input.Mentions[_view.TokenMention[end + 1]];
            int mEnd = _view.FirstTokenAtOrAfter(m.End);
            if (mEnd >= sentenceEnd || IsComma(mEnd) || IsSentenceEndPunct(mEnd) || IsPunct(mEnd, '(') || IsPunct(mEnd, ')') || IsDash(mEnd) || _tokens[mEnd].Kind == TokenKind.Quote || WordIn(mEnd, SpeechWords.Relatives))
                return new SourceSpan(end + 1, mEnd, SourceForm.Name);
        }
        // The phrase ends with a name: it is the speaker ("said Pentagon spokesman X").
        if (_view.TokenMention[end - 1] >= 0 && !IsPossessive(end - 1))
        {
            var m = _input.Mentions[_view.TokenMention[end - 1]];
            return new SourceSpan(Math.Max(t, _view.FirstTokenAtOrAfter(m.Start)), end, SourceForm.Name);
        }
        // "according to X officials", "said the X spokesman": a name before the head is a modifier.
        int head = end - 1;
        if (IsComma(end) || end >= sentenceEnd || IsSentenceEndPunct(end) || WordIs(end, "who") || WordIs(end, "in") || WordIs(end, "on") || WordIs(end, "that"))
            return new SourceSpan(t, end, ChannelHead(head) ? SourceForm.Channel : SourceForm.Nominal);
        return new SourceSpan(t, end, ChannelHead(head) ? SourceForm.Channel : SourceForm.Nominal);
    }

    private static bool AllCapitals(ReadOnlySpan<char> word) => word.Length > 1 && !word.ContainsAnyInRange('a', 'z');

    /// <summary>
    /// The subject of the clause [s0, end): after opening phrases up to their comma ("In a statement,",
    /// "Meanwhile,", "speaking to the agency, Tasnim,"), the first pronoun, or name that is not the
    /// object of a preposition, a possessive or a modifier, or else the noun phrase before the verb.
    /// </summary>
    private SourceSpan SubjectOf(int s0, int end)
    {
        int t = s0;
        Span<char> buffer = stackalloc char[40];
        for (int pass = 0; pass < 3 && t < end; pass++)
        {
            if (!WordIn(t, SpeechWords.Openers) && !(_view.IsWord(t) && SpeechWords.IsParticiple(CueFeatures.Lower(_view.Word(t), buffer))))
                break;
            int comma = t;
            while (comma < end && !IsComma(comma))
                comma++;
            if (comma >= end)
                break;
            t = comma + 1;
            // An apposition closing the opening phrase: "speaking to the agency, Tasnim, …".
            if (_view.TokenMention[t] >= 0)
            {
                int mEnd = _view.FirstTokenAtOrAfter(_input.Mentions[_view.TokenMention[t]].End);
                if (IsComma(mEnd) && mEnd + 1 < end)
                    t = mEnd + 1;
            }
        }
        for (int k = t; k < end && k - t < 30; k++)
        {
            if (_view.MarkRole[k] == 1)
                return SourceSpan.None;
            if (WordIn(k, SpeechWords.PersonalPronouns))
                return new SourceSpan(k, k + 1, SourceForm.Pronoun);
            if (_view.TokenMention[k] >= 0)
            {
                var m = _input.Mentions[_view.TokenMention[k]];
                int mEnd = _view.FirstTokenAtOrAfter(m.End);
                bool skip = IsPossessive(mEnd - 1) || PrepositionBefore(k, includeOf: true) || IsPunct(k - 1, '(')
                    || (_view.MentionType(k) is "GPE" or "MISC" or "LOC" && mEnd < end && _view.IsWord(mEnd) && !char.IsUpper(_text[_tokens[mEnd].Start]) && !IsCue(mEnd)
                        // "the UK might try …", "China has rejected …": an auxiliary after the place makes it the subject, not a modifier ("U.S. officials").
                        && !WordIn(mEnd, FiniteAuxiliaries));
                if (!skip && _view.MentionType(k) is "PERSON" or "ORG" or "MEDIA" or "GPE")
                    return new SourceSpan(k, mEnd, SourceForm.Name);
                k = mEnd - 1;
                continue;
            }
            if (_view.IsWord(k) && !WordIn(k, SpeechWords.Determiners) && (WordIn(k, SpeechWords.PhraseStops) || IsCue(k) || (!char.IsUpper(_text[_tokens[k].Start]) && k > t && (EndsLikeVerb(k) || WordIn(k, SpeechWords.IrregularPasts)))))
            {
                if (k - 1 < t)
                    return SourceSpan.None;
                // "the agency's deputy in political affairs, Brigadier General X, said": the name in apposition.
                if (AppositionNameAfter(k, end) is { Start: >= 0 } named)
                    return named;
                var phrase = PhraseEndingAt(k - 1, t);
                // Not when the cue stands in a relative clause ("affirms an earlier ruling in May that found …"):
                // the phrase is that clause's subject.
                bool relative = false;
                for (int r = k; r < end && !relative; r++)
                    relative = WordIs(r, "that") || WordIn(r, SpeechWords.Relatives) || WordIs(r, "whose");
                return !relative && ObjectOfVerb(phrase, t) is { Start: >= 0 } own ? own : phrase;
            }
        }
        return SourceSpan.None;
    }

    /// <summary>
    /// "The governor sent a stern letter to the council, saying …": the phrase found before the stop opens
    /// with a determiner after the clause's first word, and one lower-case word (a verb no lexicon knows,
    /// with its auxiliaries and adverbs) stands between it and a noun phrase that opens the clause. That
    /// phrase is the verb's object; the phrase at the clause's start is the subject. None otherwise (the
    /// phrase found opens the clause, or what stands before it is no noun phrase reaching the clause's start).
    /// A preposition is no verb: "Half of all voters", "Poll workers across the state" are left as they were.
    /// </summary>
    private SourceSpan ObjectOfVerb(SourceSpan phrase, int t)
    {
        int v = phrase.Start - 1;
        if (phrase.Start <= t || v - 1 < t || !WordIn(phrase.Start, SpeechWords.Determiners) || !_view.IsWord(v) || _view.TokenMention[v] >= 0
            || char.IsUpper(_text[_tokens[v].Start]) || WordIn(v, SpeechWords.Determiners) || WordIn(v, SpeechWords.PhraseStops) || WordIn(v, SpeechWords.Prepositions) || IsPossessive(v))
            return SourceSpan.None;
        int j = SkipBackOverFillers(v - 1, t);
        if (j < t || IsComma(j) || WordIn(j, SpeechWords.Prepositions))
            return SourceSpan.None;
        var subject = WordIn(j, SpeechWords.PersonalPronouns) ? new SourceSpan(j, j + 1, SourceForm.Pronoun) : PhraseEndingAt(j, t);
        return subject.Start == t ? subject : SourceSpan.None;
    }

    /// <summary>A person named in apposition a few words on: "…, Brigadier General X,".</summary>
    private SourceSpan AppositionNameAfter(int t, int end)
    {
        int comma = t;
        while (comma < end && comma - t < 6 && !IsComma(comma))
            comma++;
        if (comma >= end || !IsComma(comma))
            return SourceSpan.None;
        int k = comma + 1;
        int title = k;
        while (k < end && k - title < 4 && _view.TokenMention[k] < 0 && (_view.IsCapitalised(k) || _tokens[k].Kind == TokenKind.Abbreviation))
            k++;
        if (k >= end || _view.MentionType(k) != "PERSON")
            return SourceSpan.None;
        int mEnd = _view.FirstTokenAtOrAfter(_input.Mentions[_view.TokenMention[k]].End);
        return mEnd < end && IsComma(mEnd) ? new SourceSpan(k, mEnd, SourceForm.Name) : SourceSpan.None;
    }

    private bool EndsLikeVerb(int k)
    {
        var w = _view.Word(k);
        return w.EndsWith("ed", StringComparison.Ordinal) || (w.EndsWith('s') && !w.EndsWith("ss", StringComparison.Ordinal) && StatsOf(k) is not null);
    }

    /// <summary>A name starts at token <paramref name="t"/>: a mention, or a capitalised word.</summary>
    private bool IsNameAt(int t) => t < _tokens.Length && (_view.TokenMention[t] >= 0 || _view.IsCapitalised(t));

    /// <summary>The name starting at <paramref name="t"/>: its mention, or the run of capitalised words.</summary>
    private (int Start, int End) NameRun(int t)
    {
        if (_view.TokenMention[t] >= 0)
        {
            var m = _input.Mentions[_view.TokenMention[t]];
            return (t, _view.FirstTokenAtOrAfter(m.End));
        }
        int end = t;
        while (end < _tokens.Length && end - t < 5 && (_view.IsCapitalised(end) || _tokens[end].Kind == TokenKind.Abbreviation) && SentenceOf(end) == SentenceOf(t))
            end++;
        return (t, Math.Max(end, t + 1));
    }

    private SourceForm FormAt(int a, int b) => _view.TokenMention[a] >= 0 ? SourceForm.Name : ChannelHead(b - 1) ? SourceForm.Channel : SourceForm.Nominal;
}

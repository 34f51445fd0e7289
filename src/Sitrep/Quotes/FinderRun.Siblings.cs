namespace Sitrep.Quotes;

/// <summary>
/// Two attributions side by side inside one frame's words (<see cref="SplitSiblings"/>, called from <c>Prune</c>):
/// kept apart in a file of their own (quotes stage 50, branch qa-quotes51).
/// </summary>
internal sealed partial class FinderRun
{
    /// <summary>
    /// A reported frame inside another's words that opens a clause of its own after a coordinating or
    /// subordinating word ("… called you a liar and NBC News will accuse you of …", "endorsed Graham and Bush
    /// before backing Rubio", "… view Trump negatively while 61 percent say the same of Clinton") is a second
    /// attribution beside the first, not words of it: the outer words end before that word and the inner frame
    /// stays (before, a weak inner cue was folded into the outer words and its attribution lost). PolNeAR train
    /// marks such pairs as two attributions side by side. Returns whether any outer words were cut.
    /// </summary>
    private bool SplitSiblings()
    {
        bool any = false;
        foreach (var g in _frames)
        {
            if (g.Outer is not { } f || f.Span >= 0 || f.Turn || f.Parts is not null || f.CueToken < 0 || f.CueStart >= f.Start
                || g.Span >= 0 || g.Turn || g.CueToken < 0 || g.CueToken == f.CueToken || g.CueStart <= f.Start || g.CueStart >= f.End)
                continue;
            int boundary = SiblingBoundary(f, g);
            if (boundary < 0)
                continue;
            var (_, end) = Words(_view.FirstTokenAtOrAfter(f.Start), boundary);
            if (end <= f.Start)
                continue;
            f.End = end;
            any = true;
        }
        return any;
    }

    /// <summary>
    /// The token at which inner frame <paramref name="g"/>'s clause opens inside outer frame <paramref name="f"/>'s
    /// words, or -1: the word right before its speaker (when the speaker stands in the outer words before its
    /// cue) or before its cue is "and", "but", "while", "whereas", "before" or "after" (a comma or an adverb in
    /// "-ly" before it included; "yet" is as often the adverb of "have not yet said"), or a comma, semicolon or
    /// dash right before a cue in "-ing" (", asserting …"); outside quotation marks and dash asides, with at
    /// least two words of the outer frame before it.
    /// </summary>
    private int SiblingBoundary(Frame f, Frame g)
    {
        bool sourced = g.HasSource && g.SourceStart > f.Start && g.SourceStart < g.CueStart;
        int anchor = _view.FirstTokenAtOrAfter(sourced ? g.SourceStart : g.CueStart);
        int b = anchor - 1;
        int first = _view.FirstTokenAtOrAfter(f.Start);
        if (b <= first || _view.TokenQuote[b] >= 0)
            return -1;
        // "the unwillingness—particularly on campuses but we see this …—to have conversations": inside an aside
        // (a dash right before the conjunction is the boundary itself, not an aside's opening).
        int dashes = 0;
        for (int t = first; t < (IsDash(b - 1) ? b - 1 : b); t++)
        {
            if (AsideDash(t))
                dashes++;
        }
        if (dashes % 2 == 1)
            return -1;
        if (_view.IsWord(b))
        {
            if (!WordIn(b, SiblingOpeners))
                return -1;
            // A speaker joined to the phrase before the conjunction is one subject with it, not a clause of its
            // own: "Tennessee and Virginia want …", "the grand bargain Bill Clinton and other leaders thought …",
            // "She and her husband supported", "when students and professors demand", "pressure from Democrats
            // and watchdogs demanding …", "evangelical, older and non-urban women responded", "after moving and
            // becoming concerned about" (a gerund is no speaker).
            // A pronoun or "who" after "and" or "but" opens a clause even after a name ("… Sanders and he said").
            bool clauseSubject = (WordIn(anchor, SpeechWords.PersonalPronouns) || WordIn(anchor, SpeechWords.Relatives)) && (WordIs(b, "and") || WordIs(b, "but"));
            if (sourced && (_view.IsCapitalised(b - 1) && b - 1 > _view.SentenceStart(b) && !clauseSubject || WordIn(b - 1, SpeechWords.PersonalPronouns)
                || JoinedSubject(b) || _view.IsWord(b - 1) && (IsComma(b - 2) || IsComma(b - 3))
                || !_view.IsCapitalised(anchor) && _view.Word(anchor).EndsWith("ing".AsSpan(), StringComparison.OrdinalIgnoreCase)
                || WordIn(anchor, FrequencyAdverbs)))
                return -1;
            // "hours after he said …", "even after …": a time or a focus before the clause holds it in the words.
            if (WordIn(b - 1, SpeechWords.TimeWords) || WordIn(b - 1, TimeUnits) || WordIn(b - 1, Weekdays))
                return -1;
            // "while talking about her son": a participle after "while" is the same speaker's circumstance; after
            // "before" or "after" in what a verb of saying reports it is its clause's subject's ("said enumerators
            // will follow up six times before asking a neighbour").
            if (!sourced && (WordIs(b, "while") || !WordIs(b, "and") && !WordIs(b, "but") && HasClauseWord(first, b)))
                return -1;
            // "asked a favor immediately after reminding …": the adverb goes with the clause after it.
            while (b - 1 > first && _view.IsWord(b - 1) && !_view.IsCapitalised(b - 1) && _view.Word(b - 1).EndsWith("ly".AsSpan(), StringComparison.OrdinalIgnoreCase))
                b--;
            if (IsComma(b - 1))
                b--;
        }
        else if (!(IsComma(b) || IsPunct(b, ';') || IsDash(b)) || sourced || !_view.Word(anchor).EndsWith("ing".AsSpan(), StringComparison.OrdinalIgnoreCase))
            return -1;
        return WordCount(_tokens[first].Start, _tokens[b].Start) >= 2 ? b : -1;
    }

    /// <summary>
    /// A word that opens a subject or an object of a preposition ("while", "whom", "both", "between", "of", "from") stands
    /// in the four tokens before the conjunction at <paramref name="b"/>: the phrase before it is the first half of a
    /// joined noun phrase ("while doctors and medical experts warned", "a list of books and articles found in …").
    /// </summary>
    private bool JoinedSubject(int b)
    {
        int s0 = _view.SentenceStart(b);
        for (int p = b - 1; p >= s0 && p >= b - 4; p--)
        {
            // Words inside a quotation are the quoted speaker's ("of “leading from behind” and Trump says …").
            if (_view.TokenQuote[p] < 0 && WordIn(p, SubjectOpeners))
                return true;
        }
        return false;
    }

    /// <summary>
    /// Tokens [<paramref name="a"/>, <paramref name="b"/>) hold a subject pronoun or a finite auxiliary: the words are
    /// a clause ("enumerators will follow up …", "they're ready …"), whose subject a participle after them goes with.
    /// </summary>
    private bool HasClauseWord(int a, int b)
    {
        Span<char> buffer = stackalloc char[16];
        for (int t = a; t < b; t++)
        {
            if (!_view.IsWord(t))
                continue;
            var w = _view.Word(t);
            int apostrophe = w.IndexOfAny('\'', '\u2019');
            if (apostrophe > 0)
                w = w[..apostrophe];
            if (w.Length > buffer.Length)
                continue;
            var lower = CueFeatures.Lower(w, buffer);
            if (SpeechWords.PersonalPronouns.GetAlternateLookup<ReadOnlySpan<char>>().Contains(lower) || FiniteAuxiliaries.GetAlternateLookup<ReadOnlySpan<char>>().Contains(lower))
                return true;
        }
        return false;
    }

    /// <summary>Adverbs of frequency and time taken for a speaker after "and" ("who opposed busing and sometimes voted for …"): a verb joined to the one before.</summary>
    private static readonly System.Collections.Frozen.FrozenSet<string> FrequencyAdverbs = System.Collections.Frozen.FrozenSet.ToFrozenSet(
        ["sometimes", "often", "then", "also", "later", "never", "always", "still", "usually", "once", "again", "now", "even", "only"], StringComparer.Ordinal);

    /// <summary>Words after which a noun phrase is a subject or a preposition's object, not a clause's object.</summary>
    private static readonly System.Collections.Frozen.FrozenSet<string> SubjectOpeners = System.Collections.Frozen.FrozenSet.ToFrozenSet(
        ["while", "when", "whom", "who", "which", "both", "between", "among", "if", "because", "although", "though", "as", "that",
         "where", "whether", "and", "or", "but", "of", "after", "before", "for", "from", "with", "against", "about"], StringComparer.Ordinal);

    /// <summary>Units of time and focusing adverbs that stand before "after" or "before" ("hours after", "even after").</summary>
    private static readonly System.Collections.Frozen.FrozenSet<string> TimeUnits = System.Collections.Frozen.FrozenSet.ToFrozenSet(
        ["seconds", "minutes", "hours", "days", "weeks", "months", "years", "moments", "shortly", "soon", "long", "just", "right", "even", "only"], StringComparer.Ordinal);

    /// <summary>Words that open a clause beside the one before them (coordinating, or subordinating of time and contrast).</summary>
    private static readonly System.Collections.Frozen.FrozenSet<string> SiblingOpeners = System.Collections.Frozen.FrozenSet.ToFrozenSet(
        ["and", "but", "while", "whereas", "before", "after"], StringComparer.Ordinal);
}

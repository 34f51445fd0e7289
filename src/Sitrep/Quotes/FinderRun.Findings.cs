namespace Sitrep.Quotes;

internal sealed partial class FinderRun
{
    /// <summary>Words that end the noun phrase of a finding opener: a clause or time phrase after the noun ("In a memo released as polls closed").</summary>
    private static readonly System.Collections.Frozen.FrozenSet<string> FindingPhraseStops = System.Collections.Frozen.FrozenSet.ToFrozenSet(
        ["as", "when", "while", "after", "before", "that", "which", "who", "where", "because", "if", "and", "but", "or"], StringComparer.Ordinal);

    /// <summary>
    /// "In a CNN/ORC poll released Monday, 52 percent of voters …", "In the latest survey, …": a sentence
    /// that opens with "In" and a noun phrase headed by a finding noun (speech-findings.tsv) attributes
    /// the clause after the comma to that phrase, as PolNeAR train marks it (14 of 16 "In … poll,"
    /// openings). No verb of saying introduces these, so the cue model never reads them. Skipped when
    /// another attribution already holds the clause's first words.
    /// </summary>
    private void FindFindingOpeners()
    {
        for (int s = 0; s < _view.Sentences.Length; s++)
        {
            int t0 = _view.Sentences[s].FirstToken;
            if (t0 >= _tokens.Length || !WordIs(t0, "in") || _used[t0])
                continue;
            int s1 = _view.SentenceEnd(t0);
            // A determiner, a possessive or a name opens the phrase: "In a …", "In May's …", "In the CBS poll".
            int d = t0 + 1;
            if (d >= s1 || !_view.IsWord(d) || (!WordIn(d, SpeechWords.Determiners) && !char.IsUpper(_view.Word(d)[0])))
                continue;
            int comma = -1, noun = -1;
            bool stopped = false;
            for (int k = d; k < s1 && k <= d + 15; k++)
            {
                if (IsComma(k))
                {
                    comma = k;
                    break;
                }
                if (IsPunct(k, ';') || IsPunct(k, ':') || _view.TokenQuote[k] >= 0)
                    break;
                if (stopped)
                    continue;
                if (k > d && WordIn(k, FindingPhraseStops))
                    stopped = true;
                else if (WordIn(k, SpeechWords.Findings))
                    noun = k;
            }
            if (comma < 0 || noun < 0)
                continue;
            // "In the latest poll, conducted in May, Clinton led …": a participle phrase after the comma
            // belongs to the source, as PolNeAR marks it; the words follow the next comma.
            int sourceEnd = noun + 1;
            if (comma + 1 < s1 && _view.IsWord(comma + 1) && char.IsLower(_view.Word(comma + 1)[0]) && _view.Word(comma + 1).EndsWith("ed", StringComparison.Ordinal))
            {
                int next = comma + 2;
                while (next < s1 && next <= comma + 12 && !IsComma(next))
                    next++;
                if (next >= s1 || !IsComma(next))
                    continue;
                sourceEnd = next;
                comma = next;
            }
            // "In a poll, 75 percent of Republicans said …": the clause reports speech of its own, whose
            // speaker the poll's respondents are; that attribution tells it.
            bool ownCue = false;
            for (int k = comma + 1; k < s1 && !ownCue; k++)
                ownCue = _used[k] && IsCue(k);
            if (ownCue)
                continue;
            var words = ContentAfter(comma + 1, s1);
            if (words.Start < 0 || WordCount(words.Start, words.End) < 4)
                continue;
            int first = _view.FirstTokenAtOrAfter(words.Start);
            if (_frames.Exists(f => f.Start <= words.Start && words.Start < f.End) || (first < _tokens.Length && _used[first]))
                continue;
            _frames.Add(Indirect(t0, t0 + 1, d, sourceEnd, SourceForm.Nominal, words));
        }
    }
}

using System.Collections.Frozen;

namespace Sitrep.Text;

/// <summary>
/// Splits a tokenised body into sentences: a sentence ends at a full stop, question or exclamation
/// mark or ellipsis (with the closing quotes and brackets after it) when the next token opens a
/// sentence, and always at a paragraph break. Abbreviations and initials do not end sentences,
/// except the few that often close one ("… in the U.S. The …"). A bracketed source right after
/// a quotation stays with it. A wire dateline that opens a paragraph with an agency or a state
/// ("WASHINGTON (Reuters) -", "ELK RIVER, Minn. —", "(CNN)"), or before a quotation ("BEIRUT — “…"),
/// is a sentence of its own, up to and with its dash, so the first sentence (and a quotation that
/// opens it) starts where the story does; "WASHINGTON — The Senate …" keeps its dateline as a prefix.
/// </summary>
public static class SentenceSplitter
{
    /// <summary>Words that open sentences; after an abbreviation that may end one, they decide that it did.</summary>
    private static readonly FrozenSet<string> Openers = FrozenSet.ToFrozenSet(
        ["The", "A", "An", "He", "She", "It", "They", "We", "I", "In", "On", "At", "But", "And", "This", "That", "These", "Those", "There", "His", "Her",
         "Its", "Their", "Our", "Meanwhile", "However", "Officials", "According", "After", "Before", "When", "While", "As", "If", "For", "With", "Some", "Many"],
        StringComparer.Ordinal);

    public static Sentence[] Split(string text, Token[] tokens)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(tokens);
        var sentences = new List<Sentence>();
        int first = 0;
        int citation = -1; // the "(" of a source cited right after a sentence's end
        for (int t = 0; t < tokens.Length; t++)
        {
            if (t == first && (t == 0 || ParagraphBreakBetween(text, tokens[t - 1], tokens[t])) && DatelineEnd(text, tokens, t) is var dateline and >= 0)
            {
                sentences.Add(new Sentence(tokens[first].Start, tokens[dateline].End, first, dateline - first + 1));
                first = dateline + 1;
                t = dateline;
                continue;
            }
            int last = t;
            bool end = false;
            if (citation >= 0 && tokens[t].Kind == TokenKind.Bracket && text[tokens[t].Start] is ')' or ']')
            {
                citation = -1;
                end = t + 1 >= tokens.Length || OpensSentence(text, tokens[t + 1]) || ParagraphBreakBetween(text, tokens[t], tokens[t + 1]);
            }
            else if (IsTerminal(text, tokens[t]) && !ClosesShortenedWordInBracket(text, tokens, first, t))
            {
                // A closing mark is glued to what it closes: in ". \"We …" the straight mark opens the next sentence.
                while (last + 1 < tokens.Length && IsCloser(text, tokens[last + 1]) && tokens[last + 1].Start == tokens[last].End)
                    last++;
                end = last + 1 >= tokens.Length || ParagraphBreakBetween(text, tokens[last], tokens[last + 1])
                    || (last == t && StopOfState(text, tokens, t) ? StateEnds(text, tokens, t) : OpensSentence(text, tokens[last + 1]))
                    || BracketHoldsSentence(text, tokens, last + 1);
                // A bracket after the end: a cited source stays with the sentence, a bracketed sentence opens the next one;
                // either way its ")" ends the sentence when a sentence opens after it.
                // Not across a paragraph break ("¶(2) Medicare …" opens its item) nor for an editor's "[Republican] Speaker".
                if (last + 1 < tokens.Length && tokens[last + 1].Kind == TokenKind.Bracket && !ParagraphBreakBetween(text, tokens[last], tokens[last + 1])
                    && (text[tokens[last + 1].Start] == '(' || (end && text[tokens[last + 1].Start] == '[')))
                    citation = last + 1;
            }
            else if (ClosedAfterShortenedWord(text, tokens, t))
            {
                last = t + 1;
                end = true;
            }
            else if (tokens[t].Kind == TokenKind.Abbreviation && t + 1 < tokens.Length && (MayEnd(text, tokens[t]) || IsState(text, tokens[t])))
            {
                var next = tokens[t + 1];
                // "… in the U.S. The next day", "… in Washington, D.C. “I want …": an opener or an opening quotation.
                // A state ends before any capitalised word but a shortened title ("in Concord, N.H. Patrick said";
                // "Mass. Gov. Deval Patrick" goes on).
                end = ParagraphBreakBetween(text, tokens[t], next)
                    || (IsState(text, tokens[t]) ? StateEnds(text, tokens, t) : Openers.GetAlternateLookup<ReadOnlySpan<char>>().Contains(next.Span(text)) || OpensQuotation(text, tokens, t + 1))
                    || BracketHoldsSentence(text, tokens, t + 1);
            }
            if (!end && t + 1 < tokens.Length && ParagraphBreakBetween(text, tokens[t], tokens[t + 1]))
                end = true;
            if (end || last + 1 >= tokens.Length)
            {
                sentences.Add(new Sentence(tokens[first].Start, tokens[last].End, first, last - first + 1));
                first = last + 1;
                t = last;
                // A stop inside the bracket ended the sentence ("(Romney received 206.)"): its ")" has been read.
                if (citation != first)
                    citation = -1;
            }
        }
        return [.. sentences];
    }

    private static bool IsTerminal(string text, Token token) =>
        token.Kind == TokenKind.Ellipsis || (token.Kind == TokenKind.Punctuation && text[token.Start] is '.' or '!' or '?' or '؟');

    private static bool IsCloser(string text, Token token) =>
        (token.Kind == TokenKind.Quote && text[token.Start] is '”' or '’' or '"' or '\'' or '»') || (token.Kind == TokenKind.Bracket && text[token.Start] is ')' or ']');

    private static bool OpensSentence(string text, Token token)
    {
        char c = text[token.Start];
        if (token.Kind == TokenKind.Bracket)
            return false; // "(State-run website, 31 March)" after a quotation cites it
        // "?!", "!!!", "…." and the spaced ". . .": a stop after a stop goes on with it, never opens a sentence of its own.
        if (IsTerminal(text, token))
            return false;
        if (token.Kind is TokenKind.Quote or TokenKind.Hashtag or TokenKind.Handle or TokenKind.Number or TokenKind.Dash)
            return true;
        // "a Birmingham, Ala., abortion clinic", "Waltham, Mass., maker of": a comma, semicolon or colon right after a
        // full stop continues the sentence (the stop closed a shortened word no list knows).
        if (token.Kind == TokenKind.Punctuation && c is ',' or ';' or ':')
            return false;
        return char.IsUpper(c) || !char.IsLetter(c) || IsCaselessScript(c);
    }

    /// <summary>Arabic, Hebrew, CJK and other scripts without case: any word may open a sentence.</summary>
    private static bool IsCaselessScript(char c) => char.IsLetter(c) && !char.IsUpper(c) && !char.IsLower(c);

    /// <summary>
    /// "… about “the Big Mo.” Van Jones wondered", "… in the U.S.” He said": a closing quotation mark glued
    /// to a shortened word's stop, then a capitalised word, ends the sentence with the mark.
    /// </summary>
    private static bool ClosedAfterShortenedWord(string text, Token[] tokens, int t)
    {
        if (tokens[t].Kind != TokenKind.Abbreviation || text[tokens[t].End - 1] != '.' || t + 2 >= tokens.Length)
            return false;
        Token close = tokens[t + 1], next = tokens[t + 2];
        return close.Kind == TokenKind.Quote && text[close.Start] is '”' or '’' or '"' && close.Start == tokens[t].End
            && next.Start > close.End && ((next.Kind is TokenKind.Word or TokenKind.Abbreviation && char.IsUpper(text[next.Start])) || OpensQuotation(text, tokens, t + 2));
    }

    /// <summary>
    /// After a state ("Mass.", "N.H."): an opener, an opening quotation, a symbol ("¶", "•") or any capitalised
    /// word but a shortened title begins a sentence ("… in Concord, N.H. Patrick said"; "Mass. Gov. Deval
    /// Patrick" and "Aurora, Colo. -- the third" go on).
    /// </summary>
    private static bool StateEnds(string text, Token[] tokens, int t)
    {
        var next = tokens[t + 1];
        return Openers.GetAlternateLookup<ReadOnlySpan<char>>().Contains(next.Span(text)) || OpensQuotation(text, tokens, t + 1)
            || (next.Kind == TokenKind.Word && char.IsUpper(text[next.Start])) || next.Kind == TokenKind.Symbol
            || BracketHoldsSentence(text, tokens, t + 1);
    }

    /// <summary>
    /// A bracket after a sentence's end (or after a shortened word that may end one) that holds a sentence of its
    /// own opens the next sentence: "… of course. (The figures were revised later.) The …", "… the U.S. (Officials
    /// there declined to comment on the report.)". It opens with a capitalised word or a quotation, and either ends
    /// in a stop of its own with two words or more ("(Romney received 206.)"), or holds three lower-case words or
    /// more ("(Reporting by Ana Lund; additional reporting by …)"). A cited source, a credit or a stage direction
    /// ("(State-run agency KTA, 4 March)", "(AP Photo/Jane Doe)", "(Laughter.)") stays with the sentence before;
    /// so does an insertion that goes on in lower case ("… [and] left", "… [who will tell] a story").
    /// </summary>
    private static bool BracketHoldsSentence(string text, Token[] tokens, int open)
    {
        if (open <= 0 || open >= tokens.Length || tokens[open].Kind != TokenKind.Bracket || text[tokens[open].Start] is not ('(' or '['))
            return false;
        int p = open + 1;
        if (p < tokens.Length && tokens[p].Kind == TokenKind.Quote && tokens[p].Start == tokens[open].End)
            p++;
        if (p >= tokens.Length || tokens[p].Kind is not (TokenKind.Word or TokenKind.Abbreviation) || !char.IsUpper(text[tokens[p].Start]))
            return false;
        int depth = 0, words = 0, lower = 0;
        bool stop = false;
        for (int q = open; q < tokens.Length && q - open <= 150; q++)
        {
            if (q > open && ParagraphBreakBetween(text, tokens[q - 1], tokens[q]))
                break;
            var token = tokens[q];
            if (token.Kind == TokenKind.Bracket)
            {
                if (text[token.Start] is '(' or '[')
                    depth++;
                else if (--depth == 0)
                    return (stop && words >= 2) || lower >= 3;
                continue;
            }
            if (token.Kind == TokenKind.Word)
            {
                words++;
                if (char.IsLower(text[token.Start]))
                    lower++;
            }
            stop = IsTerminal(text, token) || (stop && token.Kind == TokenKind.Quote);
        }
        return lower >= 3;
    }

    /// <summary>A full stop glued to a state the tokens keep as a word and its stop: "Mass", ".".</summary>
    private static bool StopOfState(string text, Token[] tokens, int t) =>
        text[tokens[t].Start] == '.' && t > 0 && tokens[t - 1].Kind == TokenKind.Word && tokens[t - 1].End == tokens[t].Start
        && char.IsUpper(text[tokens[t - 1].Start]) && Abbreviations.State.Contains(tokens[t - 1].Span(text)) && t + 1 < tokens.Length;

    private static bool IsState(string text, Token token) => Abbreviations.State.Contains(token.Span(text).TrimEnd('.'));

    /// <summary>An opening quotation mark after a space, glued to a capitalised word: "… D.C. “I want".</summary>
    private static bool OpensQuotation(string text, Token[] tokens, int q) =>
        tokens[q].Kind == TokenKind.Quote && text[tokens[q].Start] is '“' or '"' or '‘' && tokens[q].Start > tokens[q - 1].End
        && q + 1 < tokens.Length && tokens[q + 1].Start == tokens[q].End && char.IsUpper(text[tokens[q + 1].Start]);

    /// <summary>
    /// The last token of a wire dateline opening the paragraph at <paramref name="t"/>, or -1: the place
    /// (in capitals unless an agency follows), up to two ", region" or ", date" parts, the agency in
    /// brackets, and the dash ("WASHINGTON —", "TILTON, N.H. —", "NEW YORK, March 3 (AP) —",
    /// "Washington (CNN)", "(CNN) -"). Without an agency the dash is needed, and the place in capitals
    /// ("BEIRUT —"; "Singing — whether …" is prose). The story has to go on after it on the same line,
    /// with no lower-case word.
    /// </summary>
    private static int DatelineEnd(string text, Token[] tokens, int t)
    {
        int limit = t;
        while (limit + 1 < tokens.Length && limit - t < 24 && !ParagraphBreakBetween(text, tokens[limit], tokens[limit + 1]))
            limit++;
        int p = t;
        bool capitals = true, agency = false;
        int letters = 0;
        Span<char> buffer = stackalloc char[5];
        ReadOnlySpan<char> initials = buffer[..0];
        if (!IsBracket(text, tokens[p], '('))
        {
            while (p <= limit && p - t < 5 && IsCapitalised(text, tokens[p]))
            {
                buffer[p - t] = text[tokens[p].Start];
                foreach (char c in tokens[p].Span(text))
                {
                    if (char.IsLetter(c))
                    {
                        letters++;
                        capitals &= char.IsUpper(c);
                    }
                }
                p++;
            }
            if (p == t)
                return -1;
            initials = buffer[..(p - t)];
            for (int part = 0; part < 2 && p < limit && tokens[p].Kind == TokenKind.Punctuation && text[tokens[p].Start] == ','; part++)
            {
                int q = p + 1;
                while (q <= limit && q - p <= 5 && (IsCapitalised(text, tokens[q]) || tokens[q].Kind == TokenKind.Number || (q > p + 1 && IsGluedStop(text, tokens, q))))
                    q++;
                if (q == p + 1)
                    return -1;
                p = q;
            }
        }
        if (p <= limit && IsBracket(text, tokens[p], '('))
        {
            int q = p + 1, agencyLetters = 0;
            while (q <= limit && q - p <= 4 && IsCapitalised(text, tokens[q]))
                agencyLetters += tokens[q++].Length;
            // "Senate Armed Services Committee (SASC)" spells its own name out: no agency.
            if (q == p + 1 || q > limit || !IsBracket(text, tokens[q], ')') || agencyLetters < 2
                || SpellsOut(tokens[p + 1].Span(text), initials))
                return -1;
            agency = true;
            p = q + 1;
        }
        // A state's stop before the dash ("ELK RIVER, Minn. —") already ended a sentence: the dash goes with it.
        bool stateStop = p > t && IsGluedStop(text, tokens, p - 1);
        if (p <= limit && tokens[p].Kind == TokenKind.Dash)
            p++;
        else if (!agency)
            return -1;
        if (!agency && (!capitals || letters < 2))
            return -1;
        if (p > limit || tokens[p].Kind == TokenKind.Punctuation || char.IsLower(text[tokens[p].Start]))
            return -1;
        // Without an agency or a state the dateline stays the first sentence's prefix (the tagger reads an unknown
        // place in capitals better there), unless a quotation opens the story: "BELLAMAR — “We will …,” she said".
        if (!agency && !stateStop && tokens[p].Kind != TokenKind.Quote)
            return -1;
        return p - 1;
    }

    /// <summary>Whether the bracket's word is the initials of the last words before it ("The Federal Communications Commission (FCC)").</summary>
    private static bool SpellsOut(ReadOnlySpan<char> agency, ReadOnlySpan<char> initials) =>
        agency.Length >= 2 && agency.Length <= initials.Length && agency.SequenceEqual(initials[^agency.Length..]);

    /// <summary>A full stop glued to the word before it ("Minn" "."): a shortened word the tokens keep apart.</summary>
    private static bool IsGluedStop(string text, Token[] tokens, int q) =>
        tokens[q].Kind == TokenKind.Punctuation && text[tokens[q].Start] == '.' && tokens[q].Start == tokens[q - 1].End && tokens[q - 1].Kind == TokenKind.Word;

    private static bool IsCapitalised(string text, Token token) =>
        token.Kind is TokenKind.Word or TokenKind.Abbreviation && char.IsUpper(text[token.Start]);

    private static bool IsBracket(string text, Token token, char c) => token.Kind == TokenKind.Bracket && text[token.Start] == c;

    private static bool MayEnd(string text, Token token) => Abbreviations.MayEndSentence.Contains(token.Span(text).TrimEnd('.'));

    /// <summary>
    /// A full stop right before the ")" of a short bracket opened inside the sentence closes a shortened
    /// word, not the sentence: "Rep. Jane Doe (R-Calif.) said", "Shreveport (La.) Mayor …". A bracket that
    /// opens the sentence ("(Laughter.)") or holds a longer clause may end one.
    /// </summary>
    private static bool ClosesShortenedWordInBracket(string text, Token[] tokens, int first, int t)
    {
        if (text[tokens[t].Start] != '.' || t + 1 >= tokens.Length || tokens[t + 1].Start != tokens[t].End
            || tokens[t + 1].Kind != TokenKind.Bracket || text[tokens[t + 1].Start] != ')')
            return false;
        for (int p = t - 1; p > first && p >= t - 3; p--)
        {
            if (tokens[p].Kind == TokenKind.Bracket)
                return text[tokens[p].Start] == '(';
            if (tokens[p].Kind != TokenKind.Word && tokens[p].Kind != TokenKind.Abbreviation && tokens[p].Kind != TokenKind.Dash)
                return false;
        }
        return false;
    }

    private static bool ParagraphBreakBetween(string text, Token a, Token b) =>
        text.AsSpan(a.End, b.Start - a.End).Contains('\n');
}

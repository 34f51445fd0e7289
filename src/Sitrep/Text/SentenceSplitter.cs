using System.Collections.Frozen;

namespace Sitrep.Text;

/// <summary>
/// Splits a tokenised body into sentences: a sentence ends at a full stop, question or exclamation
/// mark or ellipsis (with the closing quotes and brackets after it) when the next token opens a
/// sentence, and always at a paragraph break. Abbreviations and initials do not end sentences,
/// except the few that often close one ("… in the U.S. The …"). A bracketed source right after
/// a quotation stays with it.
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
            int last = t;
            bool end = false;
            if (citation >= 0 && tokens[t].Kind == TokenKind.Bracket && text[tokens[t].Start] == ')')
            {
                citation = -1;
                end = t + 1 >= tokens.Length || OpensSentence(text, tokens[t + 1]) || ParagraphBreakBetween(text, tokens[t], tokens[t + 1]);
            }
            else if (IsTerminal(text, tokens[t]) && !ClosesShortenedWordInBracket(text, tokens, first, t))
            {
                // A closing mark is glued to what it closes: in ". \"We …" the straight mark opens the next sentence.
                while (last + 1 < tokens.Length && IsCloser(text, tokens[last + 1]) && tokens[last + 1].Start == tokens[last].End)
                    last++;
                end = last + 1 >= tokens.Length || OpensSentence(text, tokens[last + 1]) || ParagraphBreakBetween(text, tokens[last], tokens[last + 1]);
                if (!end && tokens[last + 1].Kind == TokenKind.Bracket && text[tokens[last + 1].Start] == '(')
                    citation = last + 1;
            }
            else if (tokens[t].Kind == TokenKind.Abbreviation && t + 1 < tokens.Length && MayEnd(text, tokens[t]))
            {
                var next = tokens[t + 1];
                end = Openers.GetAlternateLookup<ReadOnlySpan<char>>().Contains(next.Span(text)) || ParagraphBreakBetween(text, tokens[t], next);
            }
            if (!end && t + 1 < tokens.Length && ParagraphBreakBetween(text, tokens[t], tokens[t + 1]))
                end = true;
            if (end || last + 1 >= tokens.Length)
            {
                sentences.Add(new Sentence(tokens[first].Start, tokens[last].End, first, last - first + 1));
                first = last + 1;
                t = last;
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

using System.Globalization;

namespace Sitrep.Text;

/// <summary>
/// Splits news English into tokens with offsets: words keep their inner apostrophes and hyphens
/// (Shi'ite, al-Muhandis), abbreviations and initials keep their full stops (U.S., Lt.-Col., Jan.,
/// B.), numbers keep their separators (5,000, 3.5, 1980-97), hashtags and handles stay whole (also in
/// Arabic script), quotes, brackets, dashes and ellipses are tokens of their own. Allocation-free
/// apart from the result; stateless and thread-safe.
/// </summary>
public static class Tokenizer
{
    public static Token[] Tokenize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        // Gathered in a pooled buffer and copied once to an array of the right size: a list's own buffer,
        // a fifth of the text long, was garbage once per article and stage that tokenizes.
        var tokens = System.Buffers.ArrayPool<Token>.Shared.Rent(text.Length / 5 + 4);
        int count = 0;
        try
        {
            int i = 0;
            while (i < text.Length)
            {
                char c = text[i];
                if (char.IsWhiteSpace(c) || char.IsControl(c))
                {
                    i++;
                    continue;
                }
                int start = i;
                TokenKind kind;
                if (IsUrlStart(text, i))
                {
                    while (i < text.Length && !char.IsWhiteSpace(text[i]))
                        i++;
                    while (i > start && IsTrailingPunctuation(text[i - 1]))
                        i--;
                    kind = TokenKind.Url;
                }
                else if ((c is '#' or '@') && i + 1 < text.Length && IsWordChar(text[i + 1]))
                {
                    i++;
                    while (i < text.Length && (IsWordChar(text[i]) || text[i] == '_'))
                        i++;
                    kind = c == '#' ? TokenKind.Hashtag : TokenKind.Handle;
                }
                else if (char.IsDigit(c))
                {
                    i = ScanNumber(text, i);
                    kind = TokenKind.Number;
                    // "60km", "9mm": a number glued to a unit is one token.
                    while (i < text.Length && char.IsLetter(text[i]))
                        i++;
                }
                else if (IsWordChar(c))
                {
                    i = ScanWord(text, i, out kind);
                }
                else if (c == '.' && i + 2 < text.Length && text[i + 1] == '.' && text[i + 2] == '.')
                {
                    i += 3;
                    kind = TokenKind.Ellipsis;
                }
                else
                {
                    // A character outside the basic plane (an emoji, a flag's two regional letters) is a
                    // surrogate pair: one symbol, never two halves, so no span can cut it.
                    i += char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]) ? 2 : 1;
                    kind = c switch
                    {
                        '…' => TokenKind.Ellipsis,
                        '"' or '\'' or '“' or '”' or '‘' or '’' or '«' or '»' or '„' or '‚' => TokenKind.Quote,
                        '(' or ')' or '[' or ']' or '{' or '}' => TokenKind.Bracket,
                        '—' or '–' or '-' or '‒' or '―' => TokenKind.Dash,
                        '.' or ',' or ';' or ':' or '!' or '?' or '،' or '؛' or '؟' => TokenKind.Punctuation,
                        _ => TokenKind.Symbol,
                    };
                    // "--" and "—-" runs are one dash.
                    if (kind == TokenKind.Dash)
                    {
                        while (i < text.Length && text[i] is '-' or '—' or '–')
                            i++;
                    }
                }
                if (count == tokens.Length)
                {
                    var larger = System.Buffers.ArrayPool<Token>.Shared.Rent(tokens.Length * 2);
                    tokens.AsSpan(0, count).CopyTo(larger);
                    System.Buffers.ArrayPool<Token>.Shared.Return(tokens);
                    tokens = larger;
                }
                tokens[count++] = new Token(start, i - start, kind);
            }
            return tokens.AsSpan(0, count).ToArray();
        }
        finally
        {
            System.Buffers.ArrayPool<Token>.Shared.Return(tokens);
        }
    }

    private static int ScanNumber(string text, int i)
    {
        while (i < text.Length)
        {
            if (char.IsDigit(text[i]))
            {
                i++;
                continue;
            }
            // Separators inside numbers: 5,000  3.5  1980-97  10:30  1/2
            if (text[i] is ',' or '.' or ':' or '/' or '-' && i + 1 < text.Length && char.IsDigit(text[i + 1]))
            {
                i++;
                continue;
            }
            break;
        }
        return i;
    }

    private static int ScanWord(string text, int i, out TokenKind kind)
    {
        int start = i;
        kind = TokenKind.Word;
        while (i < text.Length)
        {
            char c = text[i];
            if (IsWordChar(c))
            {
                i++;
                continue;
            }
            // Inner apostrophes and hyphens: Shi'ite, o’clock, al-Kolwar, Iran-backed.
            if (c is '\'' or '’' or '-' or '‐' && i + 1 < text.Length && IsWordChar(text[i + 1]) && i > start)
            {
                i++;
                continue;
            }
            // Dotted abbreviations: U.S., P.M.F., Lt.-Col.
            if (c == '.' && i + 1 < text.Length && (char.IsLetter(text[i + 1]) || (text[i + 1] == '-' && i + 2 < text.Length && char.IsLetter(text[i + 2])))
                && IsShortSegment(text, start, i))
            {
                i += text[i + 1] == '-' ? 2 : 1;
                kind = TokenKind.Abbreviation;
                continue;
            }
            break;
        }
        if (i < text.Length && text[i] == '.')
        {
            var word = text.AsSpan(start, i - start);
            if (kind == TokenKind.Abbreviation || IsInitial(word) || IsKnownAbbreviation(word, text, i + 1))
            {
                i++;
                kind = TokenKind.Abbreviation;
            }
        }
        return i;
    }

    /// <summary>A segment of a dotted abbreviation is one to three letters: "U", "Lt", "Col".</summary>
    private static bool IsShortSegment(string text, int wordStart, int dot)
    {
        int segStart = dot;
        while (segStart > wordStart && char.IsLetter(text[segStart - 1]))
            segStart--;
        return dot - segStart is >= 1 and <= 3;
    }

    private static bool IsInitial(ReadOnlySpan<char> word) => word.Length == 1 && char.IsUpper(word[0]);

    /// <summary>
    /// A listed abbreviation, written as the list says: "Wed." and "Sun." with a capital ("in the sun." is
    /// a word and a full stop), "No." before a number ("No. 5"; "voted no." and "No. The …" are the word).
    /// </summary>
    private static bool IsKnownAbbreviation(ReadOnlySpan<char> word, string text, int afterStop)
    {
        if (word.Length > 10 || !KnownWords.Contains(word))
            return false;
        if (Abbreviations.Capitalised.Contains(word) && !char.IsUpper(word[0]))
            return false;
        if (Abbreviations.BeforeNumber.Contains(word))
        {
            int j = afterStop;
            while (j < text.Length && text[j] is ' ' or '\u00A0')
                j++;
            return j < text.Length && char.IsDigit(text[j]);
        }
        return true;
    }

    private static readonly System.Collections.Frozen.FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> KnownWords =
        Abbreviations.Known.GetAlternateLookup<ReadOnlySpan<char>>();

    private static bool IsWordChar(char c)
    {
        if (char.IsLetterOrDigit(c))
            return true;
        var category = char.GetUnicodeCategory(c);
        // Combining marks (Arabic harakat, accents written separately) and Arabic tatweel belong to the word.
        return category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark || c == 'ـ';
    }

    private static bool IsUrlStart(string text, int i) =>
        (text.Length - i > 7 && (string.CompareOrdinal(text, i, "http://", 0, 7) == 0 || string.CompareOrdinal(text, i, "https://", 0, 8) == 0))
        || (text.Length - i > 4 && string.CompareOrdinal(text, i, "www.", 0, 4) == 0);

    private static bool IsTrailingPunctuation(char c) => c is '.' or ',' or ';' or ':' or '!' or '?' or ')' or ']' or '"' or '\'' or '”' or '’';
}

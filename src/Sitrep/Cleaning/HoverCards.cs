namespace Sitrep.Cleaning;

/// <summary>
/// Finds the text of a hover card that a scraper copied into a sentence: a person's name links to a
/// card with the full name and the latest headlines about them, ending in "MORE", and copying the
/// page puts all of it after the name as written:
/// "Sen. Chuck Grassley Charles (Chuck) Ernest GrassleyBarr: Inspector general's report … MORE (R-Iowa) said".
/// The card is recognised by its shape, never by a site: right after a name as written come at most
/// six more name words (the full name), the last of which repeats the written surname glued to the
/// first headline ("GrassleyBarr"), and an upper-case "MORE" closes it within a few hundred characters.
/// Removing the card leaves the sentence as the article wrote it ("Sen. Chuck Grassley (R-Iowa) said").
/// </summary>
internal static class HoverCards
{
    private const string Closer = "MORE";
    private const int MaxCardLength = 900;
    private const int MaxFullNameWords = 6;

    /// <summary>
    /// One card in a text: <see cref="Cut"/> is where the body leaves off (the space that joined the card
    /// to the name), <see cref="TextStart"/> where the card's own text begins, <see cref="End"/> just after "MORE".
    /// </summary>
    public readonly record struct Card(int Cut, int TextStart, int End);

    /// <summary>The cards in <paramref name="text"/>, in order; empty (and nothing allocated) when there are none.</summary>
    public static IReadOnlyList<Card> Find(ReadOnlySpan<char> text)
    {
        List<Card>? cards = null;
        int searchFrom = 0;
        while (searchFrom < text.Length)
        {
            int rel = text[searchFrom..].IndexOf(Closer, StringComparison.Ordinal);
            if (rel < 0)
                break;
            int closer = searchFrom + rel;
            int closerEnd = closer + Closer.Length;
            if (IsCloser(text, closer, closerEnd)
                && CardStart(text, Math.Max(searchFrom, closer - MaxCardLength), closer) is int start)
            {
                int textStart = start;
                while (char.IsWhiteSpace(text[textStart]))
                    textStart++;
                (cards ??= []).Add(new Card(start, textStart, closerEnd));
            }
            searchFrom = closerEnd;
        }
        return cards is null ? Array.Empty<Card>() : cards;
    }

    /// <summary>"MORE" as a word of its own after a space, followed by the end, a space, punctuation or a possessive.</summary>
    private static bool IsCloser(ReadOnlySpan<char> text, int at, int end) =>
        at > 0 && text[at - 1] == ' '
        && (end == text.Length || !char.IsLetterOrDigit(text[end]));

    /// <summary>
    /// Where the card closed at <paramref name="closer"/> begins: just after the written surname that
    /// the glued full name repeats; null when the text before the closer has no such name.
    /// </summary>
    private static int? CardStart(ReadOnlySpan<char> text, int from, int closer)
    {
        for (int p = from + 1; p < closer; p++)
        {
            // A glued join: a lower-case letter followed at once by a capital, digit or opening quote.
            if (char.IsLower(text[p - 1]) && (char.IsUpper(text[p]) || char.IsDigit(text[p]) || text[p] is '\'' or '‘' or '"' or '“'))
            {
                int wordStart = WordStart(text, p - 1, from);
                var surname = text[wordStart..p];
                if (surname.Length >= 2 && char.IsUpper(surname[0]) && IsNameWord(surname)
                    && WrittenNameEnd(text, wordStart, surname) is int start)
                {
                    return start;
                }
            }
        }
        // A card whose full name is followed by a space: "Speaker Paul Ryan Paul Davis Ryan Retirees should …".
        for (int p = from + 1; p < closer; p++)
        {
            if (text[p] == ' ' && char.IsLetter(text[p - 1]) && RepeatedNameEnd(text, from, closer, p) is int start)
                return start;
        }
        return null;
    }

    /// <summary>
    /// For a run of name words whose first ends at <paramref name="end"/>: the end of the written name
    /// that the run's last repeated name word repeats; null when no word of the run repeats one.
    /// </summary>
    private static int? RepeatedNameEnd(ReadOnlySpan<char> text, int from, int closer, int end)
    {
        int? best = null;
        while (true)
        {
            int wordStart = WordStart(text, end - 1, from);
            var word = text[wordStart..end];
            if (!IsFullNameWord(word))
                return best;
            // Of a run of repeated name words ("Joe Biden Joe Biden Parnas: …"), the last repeat ends the full name.
            if (char.IsUpper(word[0]) && IsNameWord(word) && word.ContainsAnyInRange('a', 'z') && WrittenNameEnd(text, wordStart, word) is int start)
                best = start;
            int next = end + 1;
            while (next < closer && text[next] != ' ')
                next++;
            if (next >= closer)
                return best;
            end = next;
        }
    }

    private static int WordStart(ReadOnlySpan<char> text, int inWord, int from)
    {
        int start = inWord;
        while (start > from && !char.IsWhiteSpace(text[start - 1]))
            start--;
        return start;
    }

    /// <summary>
    /// The end of <paramref name="surname"/> as written before the full name that starts at most
    /// <see cref="MaxFullNameWords"/> name words before <paramref name="gluedAt"/>; null when the words
    /// between are not all name words or the surname is not there. The full name may itself be glued
    /// to the written surname ("George PapadopoulosGeorge Demetrios PapadopoulosTrump …").
    /// </summary>
    private static int? WrittenNameEnd(ReadOnlySpan<char> text, int gluedAt, ReadOnlySpan<char> surname)
    {
        int end = gluedAt;
        for (int words = 0; words <= MaxFullNameWords; words++)
        {
            // Step back over one space and one word.
            if (end < 2 || text[end - 1] != ' ')
                return null;
            int wordEnd = end - 1;
            int wordStart = wordEnd;
            while (wordStart > 0 && !char.IsWhiteSpace(text[wordStart - 1]))
                wordStart--;
            var word = text[wordStart..wordEnd];
            if (word.SequenceEqual(surname))
                return words == 0 ? null : wordEnd; // the full name needs at least one word of its own
            if (word.Length > surname.Length && word.StartsWith(surname) && char.IsUpper(word[surname.Length])
                && PreviousWord(text, wordStart).SequenceEqual(word[surname.Length..]))
            {
                return wordStart + surname.Length; // the full name starts with the written first name
            }
            if (!IsFullNameWord(word))
                return null;
            end = wordStart;
        }
        return null;
    }

    private static ReadOnlySpan<char> PreviousWord(ReadOnlySpan<char> text, int wordStart)
    {
        if (wordStart < 2 || text[wordStart - 1] != ' ')
            return [];
        int start = wordStart - 1;
        while (start > 0 && !char.IsWhiteSpace(text[start - 1]))
            start--;
        return text[start..(wordStart - 1)];
    }

    /// <summary>A surname: letters with inner hyphens or apostrophes.</summary>
    private static bool IsNameWord(ReadOnlySpan<char> word)
    {
        foreach (char c in word)
            if (!char.IsLetter(c) && c is not '-' and not '\'' and not '’')
                return false;
        return true;
    }

    /// <summary>A word of a full name: "Charles", "(Chuck)", "J.", "Jr.", "O'Neill".</summary>
    private static bool IsFullNameWord(ReadOnlySpan<char> word)
    {
        if (word.Length > 2 && word[0] == '(' && word[^1] == ')')
            word = word[1..^1];
        else if (word.Length > 1 && word[^1] is '.' or ',')
            word = word[..^1];
        if (word.Length is > 0 and <= 3 && IsLowerParticle(word))
            return true; // "Bill de Blasio", "Ludwig van Beethoven"
        return word.Length > 0 && char.IsUpper(word[0]) && (IsNameWord(word) || IsInitials(word));
    }

    /// <summary>Initials written with dots: "G.K.", or "J.R" when the last dot was cut as punctuation.</summary>
    private static bool IsInitials(ReadOnlySpan<char> word)
    {
        if (word.Length > 1 && word[^1] == '.')
            word = word[..^1];
        for (int i = 0; i < word.Length; i++)
        {
            if (i % 2 == 0 ? !char.IsUpper(word[i]) : word[i] != '.')
                return false;
        }
        return word.Length % 2 == 1;
    }

    private static bool IsLowerParticle(ReadOnlySpan<char> word)
    {
        foreach (char c in word)
            if (!char.IsLower(c))
                return false;
        return true;
    }
}

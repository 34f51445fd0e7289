namespace Sitrep.Cleaning;

/// <summary>Cheap facts about the shape of a line of text.</summary>
internal static class TextShape
{
    public static int CountWords(ReadOnlySpan<char> text)
    {
        int words = 0;
        bool inWord = false;
        foreach (char c in text)
        {
            bool letter = char.IsLetterOrDigit(c);
            if (letter && !inWord)
                words++;
            inWord = letter || (inWord && (c is '\'' or '’' or '-' or '.'));
        }
        return words;
    }

    /// <summary>Ends like a sentence: terminal punctuation, possibly inside closing quotes or brackets.</summary>
    public static bool EndsSentence(ReadOnlySpan<char> text)
    {
        text = text.TrimEnd();
        while (text.Length > 0 && IsCloser(text[^1]))
            text = text[..^1];
        return text.Length > 0 && text[^1] is '.' or '!' or '?' or '…' or ';';
    }

    private static bool IsCloser(char c) => c is '"' or '\'' or '”' or '’' or '»' or ')' or ']' or '*';

    /// <summary>Lower-cased words (letters and digits), for comparing texts whatever their punctuation.</summary>
    public static List<string> Words(string text)
    {
        var words = new List<string>();
        foreach (var word in WordRanges(text))
            words.Add(text[word].ToLowerInvariant());
        return words;
    }

    /// <summary>Where each word (a run of letters and digits) stands in <paramref name="text"/>, in order.</summary>
    public static List<Range> WordRanges(string text)
    {
        var words = new List<Range>();
        int start = -1;
        for (int i = 0; i <= text.Length; i++)
        {
            bool letter = i < text.Length && char.IsLetterOrDigit(text[i]);
            if (letter && start < 0)
                start = i;
            else if (!letter && start >= 0)
            {
                words.Add(start..i);
                start = -1;
            }
        }
        return words;
    }

    /// <summary>
    /// Whether <paramref name="text"/>'s <see cref="Words"/> joined by single spaces are <paramref name="key"/>, without
    /// making them: every line of an article's head and body is compared with its title's words.
    /// </summary>
    public static bool HasWords(ReadOnlySpan<char> text, string key)
    {
        int k = 0;
        bool inWord = false;
        foreach (char c in text)
        {
            if (!char.IsLetterOrDigit(c))
            {
                inWord = false;
                continue;
            }
            if (!inWord && k > 0)
            {
                if (k >= key.Length || key[k] != ' ')
                    return false;
                k++;
            }
            inWord = true;
            if (k >= key.Length || key[k] != char.ToLowerInvariant(c))
                return false;
            k++;
        }
        return k == key.Length;
    }

    public static bool StartsUpper(string text)
    {
        foreach (char c in text)
        {
            if (char.IsLetter(c))
                return char.IsUpper(c);
            if (char.IsDigit(c))
                return true;
        }
        return false;
    }
}

namespace Sitrep.Stories;

/// <summary>
/// The words that can frame a name: lowercase words written right beside it ("the Assad regime",
/// "Iran-backed militias", "so-called X"), in the same sentence, less verbs (what a name does, not
/// what it is called). <see cref="StoryFraming"/> counts them per outlet.
/// </summary>
internal static class FramingWords
{
    /// <summary>Words before a name that can frame it ("terrorist group X", "so-called X").</summary>
    private const int Before = 2;

    /// <summary>Words after a name that can frame it ("X militants", "X regime").</summary>
    private const int After = 1;

    /// <summary>Verbs of saying and acting (the learned speech cues, the verbs lexicon): what a name does, not what it is called.</summary>
    private static readonly Lazy<HashSet<string>> Verbs = new(() =>
    [
        .. Lexicons.Lexicon.Get("speech-cues").All,
        .. Lexicons.Lexicon.Get("verbs").All,
    ]);

    /// <summary>
    /// The lowercase words (lowercased, at least three letters; a hyphenated word whose last part is
    /// lowercase, "Iran-backed", counts) within <see cref="Before"/> words before and <see cref="After"/>
    /// after [<paramref name="start"/>, <paramref name="end"/>), in the same sentence.
    /// </summary>
    public static IEnumerable<string> Beside(string text, int start, int end) => BesideSpans(text, start, end).Select(w => w.Word);

    internal static List<(string Word, int Start, int End)> BesideSpans(string text, int start, int end)
    {
        ArgumentNullException.ThrowIfNull(text);
        var found = new List<(string, int, int)>();
        int i = start;
        for (int n = 0; n < Before; n++)
        {
            // Back over spaces and commas; a sentence or line end stops the window.
            while (i > 0 && (text[i - 1] is ' ' or ',' or '\u00A0'))
                i--;
            if (i == 0 || !IsWordChar(text[i - 1]))
                break;
            int wordEnd = i;
            while (i > 0 && IsWordChar(text[i - 1]))
                i--;
            Add(found, text, i, wordEnd);
        }
        i = end;
        for (int n = 0; n < After; n++)
        {
            while (i < text.Length && (text[i] is ' ' or ',' or '\u00A0'))
                i++;
            if (i >= text.Length || !IsWordChar(text[i]))
                break;
            int wordStart = i;
            while (i < text.Length && IsWordChar(text[i]))
                i++;
            Add(found, text, wordStart, i);
        }
        return found;
    }

    private static bool IsWordChar(char c) => char.IsLetter(c) || c is '-' or '\'' or '\u2019';

    private static void Add(List<(string, int, int)> found, string text, int start, int end)
    {
        var word = text.AsSpan(start, end - start).Trim("-'\u2019");
        if (word.Length < 3)
            return;
        int dash = word.LastIndexOf('-');
        var tail = dash >= 0 ? word[(dash + 1)..] : word;
        // A capitalised word is a name or starts a sentence: no framing word.
        if (tail.Length == 0 || !char.IsLower(tail[0]) || (dash < 0 && !char.IsLower(word[0])))
            return;
        if (Verbs.Value.Contains(word.ToString().ToLowerInvariant()))
            return;
        foreach (var c in word)
        {
            if (!char.IsLetter(c) && c != '-')
                return;
        }
        int offset = text.AsSpan(start, end - start).IndexOf(word);
        found.Add((word.ToString().ToLowerInvariant(), start + offset, start + offset + word.Length));
    }
}

using System.Runtime.InteropServices;
using Sitrep.Lexicons;

namespace Sitrep.Stories;

/// <summary>
/// The words an article is about, as story grouping compares them: lower-cased words of letters and
/// digits (an apostrophe's "s" dropped), without function words (resources/lexicons/story-stopwords.tsv),
/// their commonest English endings cut ("ruling", "ruled", "rules" → "rul") so that one word in its
/// forms counts once. Written by hand, no regular expression: it runs on every stored article.
/// </summary>
internal static class StoryTerms
{
    private static readonly Lexicon Stopwords = Lexicon.Get("story-stopwords");

    /// <summary>The hash of the stopword list, part of the stage's version.</summary>
    public static string LexiconHash => Stopwords.Hash;

    /// <summary>Whether <paramref name="word"/> (lowercase) is a function word story grouping leaves out.</summary>
    public static bool IsStopword(string word) => Stopwords.Contains(word);

    /// <summary>Whether <paramref name="word"/> (lowercase) is a function word story grouping leaves out.</summary>
    public static bool IsStopword(ReadOnlySpan<char> word) => Stopwords.Contains(word);

    /// <summary>Adds <paramref name="weight"/> to each term of <paramref name="text"/> in <paramref name="counts"/>.</summary>
    public static void Count(string? text, double weight, Dictionary<string, double> counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        if (string.IsNullOrEmpty(text))
            return;
        // Terms are looked up by their characters: a string is made only for a term not counted yet (an
        // article repeats most of its words). New terms are added in the order they come, as before.
        if (!counts.TryGetAlternateLookup<ReadOnlySpan<char>>(out var lookup))
            throw new ArgumentException("the counts must compare terms by their characters (an ordinal comparer)", nameof(counts));
        Span<char> word = stackalloc char[48];
        int length = 0;
        bool tooLong = false;
        for (int i = 0; i <= text.Length; i++)
        {
            char c = i < text.Length ? text[i] : ' ';
            if (char.IsLetterOrDigit(c))
            {
                if (length < word.Length)
                    word[length++] = char.ToLowerInvariant(c);
                else
                    tooLong = true;
                continue;
            }
            // "Manchin's": the word ends at the apostrophe and its "s" is not a word.
            if ((c == '\'' || c == '’') && i + 1 < text.Length && (text[i + 1] == 's' || text[i + 1] == 'S') && (i + 2 >= text.Length || !char.IsLetterOrDigit(text[i + 2])))
                i++;
            if (length > 1 && !tooLong)
                Add(word[..length], weight, lookup);
            length = 0;
            tooLong = false;
        }
    }

    private static void Add(ReadOnlySpan<char> word, double weight, Dictionary<string, double>.AlternateLookup<ReadOnlySpan<char>> counts)
    {
        if (Stopwords.Contains(word))
            return;
        var stem = Stem(word);
        if (stem.Length < 2)
            return;
        ref double count = ref CollectionsMarshal.GetValueRefOrAddDefault(counts, stem, out _);
        count += weight;
    }

    /// <summary>Cuts one of the commonest inflectional endings when enough of the word is left to stay distinct.</summary>
    internal static ReadOnlySpan<char> Stem(ReadOnlySpan<char> word)
    {
        foreach (var suffix in (ReadOnlySpan<string>)["ing", "ed", "es", "s"])
        {
            if (word.Length > suffix.Length + 3 && word.EndsWith(suffix, StringComparison.Ordinal))
                return word[..^suffix.Length];
        }
        return word;
    }
}

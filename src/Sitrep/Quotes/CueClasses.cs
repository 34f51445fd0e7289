using System.Collections.Frozen;
using Sitrep.Documents;

namespace Sitrep.Quotes;

/// <summary>
/// The kind of attribution a cue makes (<see cref="QuoteAttribution"/>), read from its words with
/// resources/lexicons/speech-cue-classes.tsv (FrameNet frames of thought, evidence and deeds). The first
/// word of the cue that is not an auxiliary (nor an unlisted adverb in -ly) decides, its pair with the next
/// word first ("looking to", "showed up", "fired back"); a word the lexicon does not list is speech, so a
/// speech verb missing from the lexicon stays speech (the lexicon lists only what is not). A cue of
/// auxiliaries only ("doesn't", "didn't": the learned cue can stop there) takes the class of the first
/// word after it ("doesn't appear", "didn't want", "didn't mention"). No cue at all is speech: words in
/// quotation marks given to a speaker, a transcript turn.
/// </summary>
public static class CueClasses
{
    /// <summary>Words read after a cue of auxiliaries only: "don't really think" reaches "think".</summary>
    private const int WordsAfter = 3;

    /// <summary>The longest word looked up; longer ones are no lexicon word.</summary>
    private const int MaxWord = 24;

    private enum Entry : byte
    {
        Auxiliary,
        Speech,
        Thought,
        Evidential,
        Action,
    }

    private static readonly Lazy<FrozenDictionary<string, Entry>> Table = new(Load);

    /// <summary>The attribution of a quote whose cue is <paramref name="cue"/> in <paramref name="text"/>; speech when there is none.</summary>
    public static QuoteAttribution Of(string text, TextRange? cue)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (cue is not { } c || c.Start < 0 || c.End > text.Length || c.Start >= c.End)
            return QuoteAttribution.Speech;
        var lookup = Table.Value.GetAlternateLookup<ReadOnlySpan<char>>();
        Span<char> pair = stackalloc char[2 * MaxWord + 1];
        int i = c.Start;
        int after = 0;
        while (NextWord(text, ref i, c.End, ref after) is var (start, end) && end > start)
        {
            int n = Lower(text.AsSpan(start, end - start), pair);
            if (n < 0)
                return QuoteAttribution.Speech;
            // The pair with the next word of the same phrase first: "looking to", "fired back".
            int j = end;
            if (j < text.Length && text[j] == ' ')
            {
                int k = j + 1;
                while (k < text.Length && char.IsLetter(text[k]))
                    k++;
                if (k > j + 1)
                {
                    pair[n] = ' ';
                    int m = Lower(text.AsSpan(j + 1, k - j - 1), pair[(n + 1)..]);
                    if (m > 0 && lookup.TryGetValue(pair[..(n + 1 + m)], out var both) && both != Entry.Auxiliary)
                        return Attribution(both);
                }
            }
            var word = pair[..n];
            if (lookup.TryGetValue(word, out var entry))
            {
                if (entry != Entry.Auxiliary)
                    return Attribution(entry);
                continue;
            }
            // An adverb of manner or degree before the word that carries the cue: "seriously concerned", "strongly opposed".
            if (n >= 5 && word.EndsWith("ly", StringComparison.Ordinal))
                continue;
            return QuoteAttribution.Speech;
        }
        return QuoteAttribution.Speech;
    }

    /// <summary>
    /// The class the lexicon gives one lower-case word: null when it does not list it, and also for an
    /// auxiliary ("be", "have": they carry no class of their own).
    /// </summary>
    internal static QuoteAttribution? ListedClass(string lower) =>
        Table.Value.TryGetValue(lower, out var entry) && entry != Entry.Auxiliary ? Attribution(entry) : null;

    /// <summary>Whether the lexicon lists one lower-case word as an auxiliary, negation or focusing adverb.</summary>
    internal static bool IsAuxiliary(string lower) => Table.Value.TryGetValue(lower, out var entry) && entry == Entry.Auxiliary;

    /// <summary>The name an attribution has in the analysis JSON and the tables: speech, thought, evidential, action.</summary>
    public static string Name(QuoteAttribution attribution) => attribution switch
    {
        QuoteAttribution.Thought => "thought",
        QuoteAttribution.Evidential => "evidential",
        QuoteAttribution.Action => "action",
        _ => "speech",
    };

    /// <summary>The attribution a name gives (<see cref="Name"/>), or null for an unknown name.</summary>
    public static QuoteAttribution? Parse(string? name) => name?.Trim().ToLowerInvariant() switch
    {
        "speech" => QuoteAttribution.Speech,
        "thought" => QuoteAttribution.Thought,
        "evidential" => QuoteAttribution.Evidential,
        "action" => QuoteAttribution.Action,
        _ => null,
    };

    private static QuoteAttribution Attribution(Entry entry) => entry switch
    {
        Entry.Thought => QuoteAttribution.Thought,
        Entry.Evidential => QuoteAttribution.Evidential,
        Entry.Action => QuoteAttribution.Action,
        _ => QuoteAttribution.Speech,
    };

    /// <summary>
    /// The next word (letters and apostrophes) from <paramref name="i"/>: inside the cue, or past its end
    /// (<paramref name="cueEnd"/>) at most <see cref="WordsAfter"/> words and never past the sentence; (0, 0) when none.
    /// </summary>
    private static (int Start, int End) NextWord(string text, ref int i, int cueEnd, ref int after)
    {
        while (i < text.Length)
        {
            if (i >= cueEnd && (after >= WordsAfter || ".;:!?\n".Contains(text[i], StringComparison.Ordinal)))
                return (0, 0);
            if (char.IsLetter(text[i]))
                break;
            i++;
        }
        if (i >= text.Length)
            return (0, 0);
        int start = i;
        while (i < text.Length && (char.IsLetter(text[i]) || IsApostrophe(text[i])))
            i++;
        if (start >= cueEnd)
            after++;
        return (start, i);
    }

    /// <summary>Writes the word in lower case with a plain apostrophe into <paramref name="into"/>; its length, or -1 when longer than a lexicon word.</summary>
    private static int Lower(ReadOnlySpan<char> word, Span<char> into)
    {
        if (word.Length > MaxWord || word.Length > into.Length)
            return -1;
        for (int k = 0; k < word.Length; k++)
            into[k] = IsApostrophe(word[k]) ? '\'' : char.ToLowerInvariant(word[k]);
        return word.Length;
    }

    private static bool IsApostrophe(char c) => c is '\'' or '\u2019';

    /// <summary>The lexicon's words (lower case), each with its class: its first tag.</summary>
    private static FrozenDictionary<string, Entry> Load()
    {
        var table = new Dictionary<string, Entry>(StringComparer.Ordinal);
        foreach (var e in Lexicons.Lexicon.Get("speech-cue-classes").Entries)
        {
            var kind = e.Tags.Count > 0 ? e.Tags[0] : "";
            table[e.Text.ToLowerInvariant()] = kind switch
            {
                "auxiliary" => Entry.Auxiliary,
                "speech" => Entry.Speech,
                "thought" => Entry.Thought,
                "evidential" => Entry.Evidential,
                "action" => Entry.Action,
                _ => throw new InvalidDataException($"speech-cue-classes.tsv: unknown class '{kind}' of '{e.Text}'"),
            };
        }
        return table.ToFrozenDictionary(StringComparer.Ordinal);
    }
}

using Sitrep.Text;

namespace Sitrep.Entities;

/// <summary>
/// What the rest of the document says about a word. News repeats its names, and the repetitions
/// disambiguate: "JAPAN" in a capitals headline or "Smith" opening a sentence is a name if the word is
/// written capitalised mid-sentence elsewhere, and the type the tagger gave the word earlier in the
/// document is good evidence for its type now. One context per document and per tagging call: it is
/// mutable (the history grows as sentences are tagged), so never shared between threads.
/// </summary>
internal sealed class WordEvidence
{
    public const byte CapitalisedMidSentence = 1;
    public const byte Lowercase = 2;
    public const byte Capitals = 4;

    /// <summary>The most word forms an evidence kept for the thread's next document may hold: a longer document's is let go.</summary>
    private const int MaxKeptWords = 1 << 14;

    /// <summary>
    /// The thread's evidence, emptied for its next document (issue 11): the two tables were made anew for
    /// every document, grown from empty as its words came, about 2% of what analysis allocated.
    /// </summary>
    [ThreadStatic]
    private static WordEvidence? t_spare;

    private readonly Dictionary<uint, byte> _spelling = [];
    private readonly Dictionary<uint, int[]> _history = [];

    /// <summary>An empty evidence, the thread's kept one if it has it; give it back with <see cref="Return"/> when the document is tagged.</summary>
    public static WordEvidence Rent()
    {
        var evidence = t_spare ?? new WordEvidence();
        t_spare = null;
        return evidence;
    }

    /// <summary>Empties <paramref name="evidence"/> and keeps it for the thread's next document, unless it grew too large.</summary>
    public static void Return(WordEvidence evidence)
    {
        if (evidence._spelling.Count > MaxKeptWords || evidence._history.Count > MaxKeptWords)
            return;
        evidence._spelling.Clear();
        evidence._history.Clear();
        t_spare = evidence;
    }

    /// <summary>Records how each word of a sentence is written; call for every sentence before tagging any.</summary>
    public void Observe(string text, ReadOnlySpan<Token> sentence)
    {
        for (int i = 0; i < sentence.Length; i++)
        {
            var w = sentence[i].Span(text);
            var flags = WordShape.Of(w);
            byte bits = 0;
            if ((flags & WordShape.Flags.AllLower) != 0)
                bits = Lowercase;
            else if ((flags & WordShape.Flags.AllCapitals) != 0)
                bits = Capitals;
            else if ((flags & WordShape.Flags.InitialCapital) != 0 && i > 0 && !IsOpening(text, sentence[i - 1]))
                bits = CapitalisedMidSentence;
            if (bits == 0)
                continue;
            uint key = FeatureHash.Normalized(w);
            System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(_spelling, key, out _) |= bits;
        }
    }

    /// <summary>Forgets the predictions, keeping the spellings: the trainer tags each document again every epoch.</summary>
    public void ForgetHistory() => _history.Clear();

    public byte Spelling(uint normalized) => _spelling.GetValueOrDefault(normalized);

    /// <summary>The type most often given to this word earlier in the document (a type index + 1), or 0.</summary>
    public int History(uint wordFeature)
    {
        if (!_history.TryGetValue(wordFeature, out var counts))
            return 0;
        int best = 0;
        for (int k = 1; k < counts.Length; k++)
        {
            if (counts[k] > counts[best])
                best = k;
        }
        return counts[best] > 0 ? best + 1 : 0;
    }

    /// <summary>Remembers the types just predicted for a sentence's words.</summary>
    public void Remember(ReadOnlySpan<uint> statics, ReadOnlySpan<int> tags, TagSet tagSet)
    {
        for (int i = 0; i < tags.Length; i++)
        {
            int type = tagSet.TypeIndex(tags[i]);
            if (type < 0)
                continue;
            uint word = statics[i * FeatureExtractor.StaticCount + 1];
            if (!_history.TryGetValue(word, out var counts))
                _history[word] = counts = new int[tagSet.TypeCount];
            counts[type]++;
        }
    }

    // After an opening quote, bracket or dash a capital says nothing either.
    private static bool IsOpening(string text, Token previous) =>
        previous.Kind is TokenKind.Quote or TokenKind.Bracket or TokenKind.Dash
        || (previous.Length == 1 && text[previous.Start] is '"' or '(' or '-' or ':' or '`' or '\'');
}

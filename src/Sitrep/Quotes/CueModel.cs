using System.Collections.Frozen;
using System.Globalization;
using System.Runtime.Intrinsics.X86;

namespace Sitrep.Quotes;

/// <summary>
/// What training learned about one cue word: how often it introduced an attribution and how often it
/// was seen, and how its attributions were built (shares of those with the content after the word,
/// with the source before it, and with other words between the word and the content, as after
/// "told reporters" or "warned Washington").
/// </summary>
public sealed record CueStats(int Cue, int Seen, float After, float SourceBefore, float Object)
{
    public float Share => Seen == 0 ? 0 : (float)Cue / Seen;
}

/// <summary>
/// The cue lexicon and the weights of its patterns (resources/lexicons/speech-cues.tsv and
/// speech-cue-patterns.tsv, written by <c>quotes-train</c>): a word of the lexicon is a cue where the
/// weights of its patterns (<see cref="CueFeatures"/>) sum above zero. Immutable and thread-safe.
/// </summary>
public sealed class CueModel
{
    /// <summary>A word must have introduced this many attributions in training to be tried as a cue.</summary>
    public const int MinCue = 2;

    /// <summary>… and at least this share of its uses: "and", "that" or "it" head a cue now and then, but are not worth trying.</summary>
    public const float MinShare = 0.01f;

    private static readonly Lazy<CueModel> LazyDefault = new(LoadDefault);

    private readonly WeightTable _weights;
    private readonly FrozenDictionary<string, CueStats> _lexicon;
    private readonly FrozenSet<string> _phrases;
    private readonly FrozenDictionary<string, CueWord>.AlternateLookup<ReadOnlySpan<char>> _cues;
    private readonly float[] _shared;

    /// <summary>
    /// One bit per hashed (length, first, last character) of the cue words: nearly nine words of ten in a
    /// text are no cue word, and this bit tells about two thirds of those without the dictionary's look-up.
    /// </summary>
    private readonly ulong[] _shapes = new ulong[(1 << ShapeBits) / 64];
    private const int ShapeBits = 14;

    public CueModel(IReadOnlyDictionary<string, CueStats> lexicon, IReadOnlyDictionary<string, float> patterns, IEnumerable<string>? phrases = null)
    {
        ArgumentNullException.ThrowIfNull(lexicon);
        ArgumentNullException.ThrowIfNull(patterns);
        _phrases = (phrases ?? []).ToFrozenSet(StringComparer.Ordinal);
        _lexicon = lexicon.ToFrozenDictionary(StringComparer.Ordinal);
        var weights = new Dictionary<ulong, float>(patterns.Count);
        foreach (var (pattern, weight) in patterns)
            weights[CueFeatures.Hash(pattern)] = weight;
        _weights = new WeightTable(weights);
        _shared = CueFeatures.SharedWeights(Weight);
        _cues = _lexicon
            .Where(e => e.Value.Cue >= MinCue && e.Value.Share >= MinShare)
            .ToFrozenDictionary(e => e.Key, e => CueFeatures.Prepare(e.Key, e.Value, Weight), StringComparer.Ordinal)
            .GetAlternateLookup<ReadOnlySpan<char>>();
        foreach (var cue in _cues.Dictionary.Keys)
        {
            if (cue.Length > 0)
                _shapes[Shape(cue) >> 6] |= 1UL << Shape(cue);
        }
    }

    private static int Shape(ReadOnlySpan<char> word) => (int)((((uint)word.Length << 16) ^ ((uint)word[0] << 8) ^ word[^1]) * 0x9E3779B1u >> (32 - ShapeBits));

    private float Weight(ulong pattern) => _weights.TryGetValue(pattern, out float w) ? w : 0f;

    /// <summary>The model shipped inside the engine; an empty one (no cues but the built-in patterns) when it was built without.</summary>
    public static CueModel Default => LazyDefault.Value;

    public int PatternCount => _weights.Count;

    public IReadOnlyDictionary<string, CueStats> Lexicon => _lexicon;

    /// <summary>The statistics of a lower-cased word, or null when it introduced attributions too rarely to be tried.</summary>
    public CueStats? Stats(ReadOnlySpan<char> lowerWord) => Cue(lowerWord)?.Stats;

    /// <summary>A lower-cased word that is tried as a cue (<see cref="Stats"/> not null), with what its patterns share from one use to the next; else null.</summary>
    internal CueWord? Cue(ReadOnlySpan<char> lowerWord)
    {
        if (lowerWord.Length > 0 && (_shapes[Shape(lowerWord) >> 6] & (1UL << Shape(lowerWord))) == 0)
            return null;
        return _cues.TryGetValue(lowerWord, out var cue) ? cue : null;
    }

    /// <summary>The cue and the word after it form one cue ("called for", "pointed out", "according to"); both lower case.</summary>
    public bool IsPhrase(ReadOnlySpan<char> head, ReadOnlySpan<char> next)
    {
        if (head.Length + next.Length + 1 > 64)
            return false;
        Span<char> key = stackalloc char[head.Length + next.Length + 1];
        head.CopyTo(key);
        key[head.Length] = ' ';
        next.CopyTo(key[(head.Length + 1)..]);
        return _phrases.GetAlternateLookup<ReadOnlySpan<char>>().Contains(key);
    }

    public IReadOnlySet<string> Phrases => _phrases;

    /// <summary>
    /// The summed weights of token <paramref name="t"/>'s patterns (<see cref="CueFeatures.Extract"/>), as
    /// <see cref="ScoreByPatterns"/> adds them and in the same order, so the same sum to the bit: the
    /// weights of the patterns that depend on the word alone or pair it with one of a few values
    /// (17 of 37) were looked up when the model was made (<see cref="CueFeatures.Prepare"/>), the others are
    /// hashed from the word's own part on and looked up together (<see cref="WeightTable.Lookup"/>).
    /// </summary>
    internal float Score(SpeechView view, int t, CueWord cue)
    {
        Span<ulong> open = stackalloc ulong[CueFeatures.OpenCount];
        Span<float> weights = stackalloc float[CueFeatures.OpenCount];
        var closed = CueFeatures.ExtractOpen(view, t, cue, open);
        _weights.Lookup(open, weights);
        return CueFeatures.Sum(closed, cue.Weights, _shared, weights);
    }

    /// <summary>The summed weights of token <paramref name="t"/>'s patterns, each hashed and looked up: what <see cref="Score"/> must equal.</summary>
    internal float ScoreByPatterns(SpeechView view, int t, CueStats? stats)
    {
        Span<ulong> features = stackalloc ulong[CueFeatures.Count];
        CueFeatures.Extract(view, t, stats, features);
        float sum = 0;
        foreach (ulong f in features)
        {
            if (_weights.TryGetValue(f, out float w))
                sum += w;
        }
        return sum;
    }

    /// <summary>
    /// The patterns' weights by hash, in one open-addressed table: <see cref="Score"/> looks up every
    /// pattern of every candidate token, and the frozen dictionary's look-ups were a third of scoring in a
    /// processor profile (2026-12-05). The hashes are already spread, so the slot is their top bits
    /// after one multiplication; 0 marks a free slot, and a pattern whose hash is 0 is kept aside.
    /// </summary>
    private sealed class WeightTable
    {
        /// <summary>A pattern's hash and weight side by side: a hit reads one cache line, not two (the table, 4 MB, is far larger than the cache).</summary>
        private struct Entry
        {
            public ulong Key;
            public float Value;
        }

        private readonly Entry[] _entries;
        private readonly int _shift;
        private readonly int _mask;
        private readonly bool _hasZero;
        private readonly float _zero;

        public WeightTable(Dictionary<ulong, float> weights)
        {
            int bits = 4;
            while ((1 << bits) < weights.Count * 2)
                bits++;
            _entries = new Entry[1 << bits];
            _shift = 64 - bits;
            _mask = (1 << bits) - 1;
            foreach (var (key, value) in weights)
            {
                if (key == 0)
                {
                    _hasZero = true;
                    _zero = value;
                    continue;
                }
                int slot = Slot(key);
                while (_entries[slot].Key != 0)
                    slot = (slot + 1) & _mask;
                _entries[slot] = new Entry { Key = key, Value = value };
            }
            Count = weights.Count;
        }

        public int Count { get; }

        private int Slot(ulong key) => (int)((key * 0x9E3779B97F4A7C15UL) >> _shift);

        public bool TryGetValue(ulong key, out float value)
        {
            if (key == 0)
            {
                value = _zero;
                return _hasZero;
            }
            var entries = _entries;
            int slot = Slot(key);
            while (true)
            {
                ref var e = ref entries[slot];
                if (e.Key == key)
                {
                    value = e.Value;
                    return true;
                }
                if (e.Key == 0)
                {
                    value = 0;
                    return false;
                }
                slot = (slot + 1) & _mask;
            }
        }

        /// <summary>
        /// Each key's weight, 0 for a key the table does not have. Every slot is asked of the processor
        /// first (its prefetch instruction), then probed: a demand load stalls at the first mispredicted
        /// hit-or-miss branch, prefetches do not, so the cache misses overlap.
        /// </summary>
        public unsafe void Lookup(ReadOnlySpan<ulong> keys, Span<float> weights)
        {
            fixed (Entry* entries = _entries)
            {
                if (Sse.IsSupported)
                {
                    foreach (ulong key in keys)
                        Sse.Prefetch0(entries + Slot(key));
                }
                for (int i = 0; i < keys.Length; i++)
                {
                    ulong key = keys[i];
                    if (key == 0)
                    {
                        weights[i] = _hasZero ? _zero : 0f;
                        continue;
                    }
                    int slot = Slot(key);
                    float w = 0f;
                    while (true)
                    {
                        ulong k = entries[slot].Key;
                        if (k == key)
                        {
                            w = entries[slot].Value;
                            break;
                        }
                        if (k == 0)
                            break;
                        slot = (slot + 1) & _mask;
                    }
                    weights[i] = w;
                }
            }
        }
    }

    public static CueModel Load(TextReader lexicon, TextReader patterns, TextReader? phrases = null)
    {
        ArgumentNullException.ThrowIfNull(lexicon);
        ArgumentNullException.ThrowIfNull(patterns);
        var words = new Dictionary<string, CueStats>(StringComparer.Ordinal);
        foreach (var f in Rows(lexicon, 6))
        {
            words[f[0]] = new CueStats(
                int.Parse(f[1], CultureInfo.InvariantCulture),
                int.Parse(f[2], CultureInfo.InvariantCulture),
                float.Parse(f[3], CultureInfo.InvariantCulture),
                float.Parse(f[4], CultureInfo.InvariantCulture),
                float.Parse(f[5], CultureInfo.InvariantCulture));
        }
        var weights = new Dictionary<string, float>(StringComparer.Ordinal);
        foreach (var f in Rows(patterns, 2))
            weights[f[0]] = float.Parse(f[1], CultureInfo.InvariantCulture);
        var pairs = phrases is null ? [] : Rows(phrases, 3).Select(f => f[0]).ToList();
        return new CueModel(words, weights, pairs);
    }

    /// <summary>Tab-separated rows after the comment line(s) and the header.</summary>
    private static IEnumerable<string[]> Rows(TextReader reader, int columns)
    {
        bool header = false;
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#')
                continue;
            if (!header)
            {
                header = true;
                continue;
            }
            var fields = line.Split('\t');
            if (fields.Length < columns)
                throw new InvalidDataException($"cue model: expected {columns} columns: {line}");
            yield return fields;
        }
    }

    private static CueModel LoadDefault()
    {
        var assembly = typeof(CueModel).Assembly;
        using var lexicon = assembly.GetManifestResourceStream("Sitrep.Lexicons.speech-cues.tsv");
        using var patterns = assembly.GetManifestResourceStream("Sitrep.Lexicons.speech-cue-patterns.tsv");
        using var phrases = assembly.GetManifestResourceStream("Sitrep.Lexicons.speech-cue-phrases.tsv");
        if (lexicon is null || patterns is null)
            return new CueModel(new Dictionary<string, CueStats>(), new Dictionary<string, float>());
        using var l = new StreamReader(lexicon);
        using var p = new StreamReader(patterns);
        using var ph = phrases is null ? null : new StreamReader(phrases);
        return Load(l, p, ph);
    }
}

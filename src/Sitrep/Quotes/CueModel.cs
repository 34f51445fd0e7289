using System.Collections.Frozen;
using System.Globalization;

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
    private readonly FrozenDictionary<string, CueStats>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private readonly FrozenSet<string> _phrases;

    public CueModel(IReadOnlyDictionary<string, CueStats> lexicon, IReadOnlyDictionary<string, float> patterns, IEnumerable<string>? phrases = null)
    {
        ArgumentNullException.ThrowIfNull(lexicon);
        ArgumentNullException.ThrowIfNull(patterns);
        _phrases = (phrases ?? []).ToFrozenSet(StringComparer.Ordinal);
        _lexicon = lexicon.ToFrozenDictionary(StringComparer.Ordinal);
        _lookup = _lexicon.GetAlternateLookup<ReadOnlySpan<char>>();
        var weights = new Dictionary<ulong, float>(patterns.Count);
        foreach (var (pattern, weight) in patterns)
            weights[CueFeatures.Hash(pattern)] = weight;
        _weights = new WeightTable(weights);
    }

    /// <summary>The model shipped inside the engine; an empty one (no cues but the built-in patterns) when it was built without.</summary>
    public static CueModel Default => LazyDefault.Value;

    public int PatternCount => _weights.Count;

    public IReadOnlyDictionary<string, CueStats> Lexicon => _lexicon;

    /// <summary>The statistics of a lower-cased word, or null when it introduced attributions too rarely to be tried.</summary>
    public CueStats? Stats(ReadOnlySpan<char> lowerWord) => _lookup.TryGetValue(lowerWord, out var s) && s.Cue >= MinCue && s.Share >= MinShare ? s : null;

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

    /// <summary>The summed weights of token <paramref name="t"/>'s patterns; above zero means a cue.</summary>
    internal float Score(SpeechView view, int t, CueStats? stats)
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
        private readonly ulong[] _keys;
        private readonly float[] _values;
        private readonly int _shift;
        private readonly int _mask;
        private readonly bool _hasZero;
        private readonly float _zero;

        public WeightTable(Dictionary<ulong, float> weights)
        {
            int bits = 4;
            while ((1 << bits) < weights.Count * 2)
                bits++;
            _keys = new ulong[1 << bits];
            _values = new float[1 << bits];
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
                while (_keys[slot] != 0)
                    slot = (slot + 1) & _mask;
                _keys[slot] = key;
                _values[slot] = value;
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
            var keys = _keys;
            int slot = Slot(key);
            while (true)
            {
                ulong k = keys[slot];
                if (k == key)
                {
                    value = _values[slot];
                    return true;
                }
                if (k == 0)
                {
                    value = 0;
                    return false;
                }
                slot = (slot + 1) & _mask;
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

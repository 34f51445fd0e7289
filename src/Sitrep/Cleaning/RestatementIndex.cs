namespace Sitrep.Cleaning;

/// <summary>
/// Finds units that restate another unit's words: a pull quote repeats a body sentence, often
/// trimmed at both ends and with a word or two changed. Word trigrams tolerate those edits.
/// Words are hashed case-insensitively in place, so indexing a long article allocates no strings.
/// </summary>
internal sealed class RestatementIndex
{
    /// <summary>
    /// The most trigrams an index kept for the thread's next article may hold (about 2 MB of tables):
    /// one made for a longer article is let go, so a very long article does not hold its tables for the rest of the run.
    /// </summary>
    private const int MaxKeptTrigrams = 1 << 16;

    /// <summary>
    /// The thread's index, emptied and filled again for its next article (issue 11): its tables were made
    /// anew for every article with a pull-quote candidate, about 5% of what analysis allocated, and those of
    /// a long article were large objects, whose allocation sets off full collections.
    /// </summary>
    [ThreadStatic]
    private static RestatementIndex? t_spare;

    /// <summary>A trigram's units, ascending and each once: a chain through <see cref="_next"/> from its first entry to its last.</summary>
    private struct Postings
    {
        public int First;
        public int Last;
        public int Count;
    }

    // One dictionary entry per distinct trigram and two ints per posting, instead of a list object per trigram.
    private readonly Dictionary<long, Postings> _trigrams = [];
    private int[] _unit = [];
    private int[] _next = [];

    // Every unit's word hashes one after another: unit u's are _hashes[_starts[u].._starts[u + 1]].
    private int[] _hashes = [];
    private int[] _starts = [];
    private int _trigramCount;
    private Dictionary<int, int>? _hits;

    private RestatementIndex()
    {
    }

    /// <summary>The thread's index over <paramref name="units"/>; give it back with <see cref="Return"/> when done with it.</summary>
    public static RestatementIndex Rent(IReadOnlyList<TextUnit> units)
    {
        var index = t_spare ?? new RestatementIndex();
        t_spare = null;
        index.Fill(units);
        return index;
    }

    /// <summary>Keeps <paramref name="index"/> for the thread's next article, unless it grew too large.</summary>
    public static void Return(RestatementIndex index)
    {
        if (index._trigramCount <= MaxKeptTrigrams)
            t_spare = index;
    }

    private void Fill(IReadOnlyList<TextUnit> units)
    {
        if (_starts.Length < units.Count + 1)
            _starts = new int[units.Count + 1];
        int count = 0;
        int trigrams = 0;
        for (int u = 0; u < units.Count; u++)
        {
            _starts[u] = count;
            int words = AddWordHashes(units[u].Text, count);
            count += words;
            trigrams += Math.Max(0, words - 2);
        }
        _starts[units.Count] = count;
        _trigramCount = trigrams;
        _trigrams.Clear();
        _trigrams.EnsureCapacity(trigrams);
        if (_unit.Length < trigrams)
        {
            _unit = new int[trigrams];
            _next = new int[trigrams];
        }
        int entries = 0;
        for (int u = 0; u < units.Count; u++)
        {
            int end = _starts[u + 1];
            for (int i = _starts[u]; i + 2 < end; i++)
            {
                ref var postings = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(_trigrams, Key(i), out bool exists);
                if (!exists)
                {
                    _unit[entries] = u;
                    _next[entries] = 0;
                    postings.First = postings.Last = entries++;
                    postings.Count = 1;
                }
                else if (_unit[postings.Last] != u)
                {
                    _unit[entries] = u;
                    _next[entries] = 0;
                    _next[postings.Last] = entries;
                    postings.Last = entries++;
                    postings.Count++;
                }
            }
        }
    }

    private int Words(int unit) => _starts[unit + 1] - _starts[unit];

    /// <summary>
    /// The unit that <paramref name="unit"/> restates: a longer unit holding at least
    /// <paramref name="minShare"/> of its trigrams; -1 if none.
    /// </summary>
    public int FindSource(int unit, double minShare = 0.7)
    {
        int words = Words(unit);
        int total = words - 2;
        if (total < 4)
            return -1;
        // Cleared for each unit: a dictionary filled after a clear enumerates in the order of its additions, which breaks ties as a new one would.
        var hits = _hits ??= [];
        hits.Clear();
        int end = _starts[unit + 1];
        for (int i = _starts[unit]; i + 2 < end; i++)
        {
            if (!_trigrams.TryGetValue(Key(i), out var postings) || postings.Count > 50)
                continue;
            for (int e = postings.First; ; e = _next[e])
            {
                int other = _unit[e];
                if (other != unit && Words(other) > words + 2)
                    hits[other] = hits.GetValueOrDefault(other) + 1;
                if (e == postings.Last)
                    break;
            }
        }
        int best = -1, bestHits = 0;
        foreach (var (other, count) in hits)
        {
            if (count > bestHits)
            {
                best = other;
                bestHits = count;
            }
        }
        return bestHits >= minShare * total ? best : -1;
    }

    private long Key(int i) =>
        ((long)_hashes[i] * 1_000_003L) ^ ((long)_hashes[i + 1] << 21) ^ ((long)_hashes[i + 2] * 31L);

    /// <summary>Appends the case-folded hash of each word of <paramref name="text"/> at <paramref name="at"/>; returns how many.</summary>
    private int AddWordHashes(string text, int at)
    {
        int count = 0;
        int i = 0;
        while (i < text.Length)
        {
            while (i < text.Length && !char.IsLetterOrDigit(text[i]))
                i++;
            if (i >= text.Length)
                break;
            var hash = new HashCode();
            while (i < text.Length && char.IsLetterOrDigit(text[i]))
                hash.Add(char.ToLowerInvariant(text[i++]));
            if (at + count == _hashes.Length)
                Array.Resize(ref _hashes, Math.Max(1024, _hashes.Length * 2));
            _hashes[at + count++] = hash.ToHashCode();
        }
        return count;
    }
}

namespace Sitrep.Cleaning;

/// <summary>
/// Finds units that restate another unit's words: a pull quote repeats a body sentence, often
/// trimmed at both ends and with a word or two changed. Word trigrams tolerate those edits.
/// Words are hashed case-insensitively in place, so indexing a long article allocates no strings.
/// </summary>
internal sealed class RestatementIndex
{
    /// <summary>A trigram's units, ascending and each once: a chain through <see cref="_next"/> from its first entry to its last.</summary>
    private struct Postings
    {
        public int First;
        public int Last;
        public int Count;
    }

    // One dictionary entry per distinct trigram and two ints per posting, instead of a list object per trigram.
    private readonly Dictionary<long, Postings> _trigrams;
    private readonly int[] _unit;
    private readonly int[] _next;
    private readonly int[][] _words;
    private Dictionary<int, int>? _hits;

    public RestatementIndex(IReadOnlyList<TextUnit> units)
    {
        _words = new int[units.Count][];
        int trigrams = 0;
        for (int u = 0; u < units.Count; u++)
        {
            _words[u] = WordHashes(units[u].Text);
            trigrams += Math.Max(0, _words[u].Length - 2);
        }
        _trigrams = new Dictionary<long, Postings>(trigrams);
        _unit = new int[trigrams];
        _next = new int[trigrams];
        int entries = 0;
        for (int u = 0; u < units.Count; u++)
        {
            var words = _words[u];
            for (int i = 0; i + 2 < words.Length; i++)
            {
                ref var postings = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(_trigrams, Key(words, i), out bool exists);
                if (!exists)
                {
                    _unit[entries] = u;
                    postings.First = postings.Last = entries++;
                    postings.Count = 1;
                }
                else if (_unit[postings.Last] != u)
                {
                    _unit[entries] = u;
                    _next[postings.Last] = entries;
                    postings.Last = entries++;
                    postings.Count++;
                }
            }
        }
    }

    /// <summary>
    /// The unit that <paramref name="unit"/> restates: a longer unit holding at least
    /// <paramref name="minShare"/> of its trigrams; -1 if none.
    /// </summary>
    public int FindSource(int unit, double minShare = 0.7)
    {
        var words = _words[unit];
        int total = words.Length - 2;
        if (total < 4)
            return -1;
        // Cleared for each unit: a dictionary filled after a clear enumerates in the order of its additions, which breaks ties as a new one would.
        var hits = _hits ??= [];
        hits.Clear();
        for (int i = 0; i + 2 < words.Length; i++)
        {
            if (!_trigrams.TryGetValue(Key(words, i), out var postings) || postings.Count > 50)
                continue;
            for (int e = postings.First; ; e = _next[e])
            {
                int other = _unit[e];
                if (other != unit && _words[other].Length > words.Length + 2)
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

    private static long Key(int[] words, int i) =>
        ((long)words[i] * 1_000_003L) ^ ((long)words[i + 1] << 21) ^ ((long)words[i + 2] * 31L);

    private static int[] WordHashes(string text)
    {
        var hashes = new List<int>(text.Length / 5);
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
            hashes.Add(hash.ToHashCode());
        }
        return [.. hashes];
    }
}

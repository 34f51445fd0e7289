namespace Sitrep.Cleaning;

/// <summary>
/// Finds units that restate another unit's words: a pull quote repeats a body sentence, often
/// trimmed at both ends and with a word or two changed. Word trigrams tolerate those edits.
/// Words are hashed case-insensitively in place, so indexing a long article allocates no strings.
/// </summary>
internal sealed class RestatementIndex
{
    private readonly Dictionary<long, List<int>> _trigrams = [];
    private readonly int[][] _words;

    public RestatementIndex(IReadOnlyList<TextUnit> units)
    {
        _words = new int[units.Count][];
        for (int u = 0; u < units.Count; u++)
        {
            var words = WordHashes(units[u].Text);
            _words[u] = words;
            for (int i = 0; i + 2 < words.Length; i++)
            {
                long key = Key(words, i);
                if (!_trigrams.TryGetValue(key, out var list))
                    _trigrams[key] = list = [];
                if (list.Count == 0 || list[^1] != u)
                    list.Add(u);
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
        var hits = new Dictionary<int, int>();
        for (int i = 0; i + 2 < words.Length; i++)
        {
            if (!_trigrams.TryGetValue(Key(words, i), out var list) || list.Count > 50)
                continue;
            foreach (int other in list)
            {
                if (other != unit && _words[other].Length > words.Length + 2)
                    hits[other] = hits.GetValueOrDefault(other) + 1;
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

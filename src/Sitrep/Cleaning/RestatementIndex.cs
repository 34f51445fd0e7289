namespace Sitrep.Cleaning;

/// <summary>
/// Finds units that restate another unit's words: a pull quote repeats a body sentence, often
/// trimmed at both ends and with a word or two changed. Word trigrams tolerate those edits.
/// </summary>
internal sealed class RestatementIndex
{
    private readonly Dictionary<(string, string, string), List<int>> _trigrams = [];
    private readonly List<string>[] _words;

    public RestatementIndex(IReadOnlyList<TextUnit> units)
    {
        _words = new List<string>[units.Count];
        for (int u = 0; u < units.Count; u++)
        {
            var words = TextShape.Words(units[u].Text);
            _words[u] = words;
            for (int i = 0; i + 2 < words.Count; i++)
            {
                var key = (words[i], words[i + 1], words[i + 2]);
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
        int total = words.Count - 2;
        if (total < 4)
            return -1;
        var hits = new Dictionary<int, int>();
        for (int i = 0; i + 2 < words.Count; i++)
        {
            if (!_trigrams.TryGetValue((words[i], words[i + 1], words[i + 2]), out var list) || list.Count > 50)
                continue;
            foreach (int other in list)
            {
                if (other != unit && _words[other].Count > words.Count + 2)
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
}

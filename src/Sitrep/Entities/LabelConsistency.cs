namespace Sitrep.Entities;

/// <summary>
/// One name, one type within a document: where the same words are tagged as names of different
/// types, the minority occurrences take the type most of them got.
/// </summary>
public static class LabelConsistency
{
    /// <summary>The same, for mentions found in a text: the key of a mention is its text.</summary>
    public static void Apply(string text, List<EntityMention> mentions)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(mentions);
        foreach (var group in Enumerable.Range(0, mentions.Count).GroupBy(i => text.AsSpan(mentions[i].Start, mentions[i].End - mentions[i].Start).ToString(), StringComparer.Ordinal))
        {
            var counts = group.GroupBy(i => mentions[i].Type).Select(g => (Type: g.Key, Count: g.Count())).OrderByDescending(g => g.Count).ToList();
            if (counts.Count < 2 || counts[0].Count == counts[1].Count)
                continue;
            foreach (int i in group)
                mentions[i] = mentions[i] with { Type = counts[0].Type };
        }
    }

    public static void Apply(IReadOnlyList<IReadOnlyList<string>> sentences, string[][] tags)
    {
        ArgumentNullException.ThrowIfNull(sentences);
        ArgumentNullException.ThrowIfNull(tags);
        var spans = new List<(int Sentence, int Start, int End, string Key, string Type)>();
        for (int s = 0; s < tags.Length; s++)
        {
            for (int i = 0; i < tags[s].Length; i++)
            {
                if (!tags[s][i].StartsWith("B-", StringComparison.Ordinal))
                    continue;
                int end = i + 1;
                while (end < tags[s].Length && tags[s][end].StartsWith("I-", StringComparison.Ordinal))
                    end++;
                spans.Add((s, i, end, string.Join(' ', Enumerable.Range(i, end - i).Select(k => sentences[s][k])), tags[s][i][2..]));
                i = end - 1;
            }
        }
        foreach (var group in spans.GroupBy(x => x.Key, StringComparer.Ordinal))
        {
            var counts = group.GroupBy(x => x.Type).Select(g => (Type: g.Key, Count: g.Count())).OrderByDescending(g => g.Count).ToList();
            if (counts.Count < 2 || counts[0].Count == counts[1].Count)
                continue;
            var majority = counts[0].Type;
            foreach (var (s, start, end, _, type) in group)
            {
                if (type == majority)
                    continue;
                tags[s][start] = "B-" + majority;
                for (int k = start + 1; k < end; k++)
                    tags[s][k] = "I-" + majority;
            }
        }
    }
}

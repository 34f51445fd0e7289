namespace Sitrep.Entities;

/// <summary>
/// One name, one type within a document: where the same words are tagged as names of different
/// types, the minority occurrences take the type most of them got.
/// </summary>
internal static class LabelConsistency
{
    /// <summary>The same, for mentions found in a text: the key of a mention is its text.</summary>
    public static void Apply(string text, List<EntityMention> mentions)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(mentions);
        var indexes = Enumerable.Range(0, mentions.Count).ToList();
        foreach (var (group, majority) in Majorities(indexes, i => text.Substring(mentions[i].Start, mentions[i].End - mentions[i].Start), i => mentions[i].Type))
        {
            foreach (int i in group)
                mentions[i] = mentions[i] with { Type = majority };
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
        foreach (var (group, majority) in Majorities(spans, x => x.Key, x => x.Type))
        {
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

    /// <summary>Groups of items with the same name whose types disagree, each with the type most of them have; a tie decides nothing.</summary>
    private static IEnumerable<(IGrouping<string, T> Group, string Majority)> Majorities<T>(IEnumerable<T> items, Func<T, string> name, Func<T, string> type)
    {
        foreach (var group in items.GroupBy(name, StringComparer.Ordinal))
        {
            var counts = group.GroupBy(type).Select(g => (Type: g.Key, Count: g.Count())).OrderByDescending(g => g.Count).ToList();
            if (counts.Count >= 2 && counts[0].Count > counts[1].Count)
                yield return (group, counts[0].Type);
        }
    }
}

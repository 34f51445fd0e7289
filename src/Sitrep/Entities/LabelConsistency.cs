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
        if (mentions.Count < 2)
            return;
        // The same as Majorities over the mentions' surfaces, without a string per mention or LINQ's groups:
        // this runs on every article. Each surface is a group (a chain through next[]); a group of two
        // or more whose commonest type is commoner than every other takes that type.
        var groups = new Dictionary<string, int>(StringComparer.Ordinal);
        var lookup = groups.GetAlternateLookup<ReadOnlySpan<char>>();
        var next = new int[mentions.Count];
        var last = new int[mentions.Count];
        var head = new List<int>();
        for (int i = 0; i < mentions.Count; i++)
        {
            next[i] = -1;
            var surface = text.AsSpan(mentions[i].Start, mentions[i].End - mentions[i].Start);
            if (lookup.TryGetValue(surface, out int g))
            {
                next[last[g]] = i;
                last[g] = i;
            }
            else
            {
                lookup[surface] = head.Count;
                last[head.Count] = i;
                head.Add(i);
            }
        }
        if (head.Count == mentions.Count)
            return;
        Span<int> counts = stackalloc int[8];
        var types = new string[8];
        foreach (int first in head)
        {
            if (next[first] < 0)
                continue;
            int distinct = 0;
            bool many = false;
            for (int i = first; i >= 0 && !many; i = next[i])
            {
                var type = mentions[i].Type;
                int k = 0;
                while (k < distinct && !string.Equals(types[k], type, StringComparison.Ordinal))
                    k++;
                if (k == distinct)
                {
                    if (distinct == types.Length)
                    {
                        many = true;
                        break;
                    }
                    types[distinct] = type;
                    counts[distinct++] = 0;
                }
                counts[k]++;
            }
            if (many)
            {
                ApplyGrouped(text, mentions, first, next);
                continue;
            }
            if (distinct < 2)
                continue;
            int best = 0;
            bool unique = true;
            for (int k = 1; k < distinct; k++)
            {
                if (counts[k] > counts[best])
                {
                    best = k;
                    unique = true;
                }
                else if (counts[k] == counts[best])
                {
                    unique = false;
                }
            }
            if (!unique)
                continue;
            string majority = types[best];
            for (int i = first; i >= 0; i = next[i])
                mentions[i] = mentions[i] with { Type = majority };
        }
    }

    /// <summary>One group of more types than the fast path counts, read as it always was.</summary>
    private static void ApplyGrouped(string text, List<EntityMention> mentions, int first, int[] next)
    {
        var members = new List<int>();
        for (int i = first; i >= 0; i = next[i])
            members.Add(i);
        foreach (var (group, majority) in Majorities(members, i => text.Substring(mentions[i].Start, mentions[i].End - mentions[i].Start), i => mentions[i].Type))
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

namespace Sitrep.Entities;

/// <summary>
/// The IOB2 tags a model predicts and which may follow which: I-X only after B-X or I-X, so greedy
/// decoding never produces a broken chunk.
/// </summary>
internal sealed class TagSet
{
    private readonly bool[] _allowed;

    public TagSet(IReadOnlyList<string> tags)
    {
        Tags = [.. tags];
        Types = [.. Tags.Select(t => t.Length > 2 ? t[2..] : "")];
        int n = Tags.Length;
        _allowed = new bool[(n + 1) * n];
        for (int previous = 0; previous <= n; previous++)
        {
            for (int tag = 0; tag < n; tag++)
            {
                bool inside = Tags[tag].StartsWith("I-", StringComparison.Ordinal);
                _allowed[previous * n + tag] = !inside || (previous < n && Tags[previous].Length > 2 && Types[previous] == Types[tag]);
            }
        }
        Outside = Array.IndexOf(Tags, "O");
        var distinct = Types.Where(t => t.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        TypeCount = distinct.Count;
        _typeIndex = [.. Types.Select(t => distinct.IndexOf(t))];
    }

    private readonly int[] _typeIndex;

    public int TypeCount { get; }

    /// <summary>The entity type of a tag as an index among the types, -1 for O.</summary>
    public int TypeIndex(int tag) => _typeIndex[tag];

    public string[] Tags { get; }

    public string[] Types { get; }

    public int Count => Tags.Length;

    public int Outside { get; }

    public bool Allowed(int previous, int tag) => _allowed[previous * Tags.Length + tag];

    /// <summary>The four CoNLL types in IOB2, O first.</summary>
    public static string[] Standard { get; } = ["O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC", "B-MISC", "I-MISC"];
}

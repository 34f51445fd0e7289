namespace Sitrep.Entities;

/// <summary>
/// The tags a model predicts and which may follow which. Two schemes: IOB2 (B-X begins a name, I-X
/// continues it) and BILOU (B-X begins a name of two or more words, I-X continues it, L-X ends it, U-X is
/// a name of one word). In both, a continuation only follows the same type's start or continuation, and
/// in BILOU a started name must be continued or ended, so the decoder never produces a broken chunk.
/// </summary>
internal sealed class TagSet
{
    private readonly bool[] _allowed;
    private readonly bool[] _open;
    private readonly string[] _iob2;

    public TagSet(IReadOnlyList<string> tags)
    {
        Tags = [.. tags];
        Types = [.. Tags.Select(t => t.Length > 2 ? t[2..] : "")];
        int n = Tags.Length;
        IsBilou = Tags.Any(t => t.StartsWith("L-", StringComparison.Ordinal) || t.StartsWith("U-", StringComparison.Ordinal));
        _open = [.. Tags.Select(t => IsBilou && (t.StartsWith("B-", StringComparison.Ordinal) || t.StartsWith("I-", StringComparison.Ordinal)))];
        _iob2 = [.. Tags.Select(t => t.Length > 2 ? (t[0] is 'B' or 'U' ? "B-" : "I-") + t[2..] : "O")];
        _allowed = new bool[(n + 1) * n];
        for (int previous = 0; previous <= n; previous++)
        {
            for (int tag = 0; tag < n; tag++)
            {
                bool inside = Tags[tag].Length > 2 && Tags[tag][0] is 'I' or 'L';
                bool follows = previous < n && Tags[previous].Length > 2 && Tags[previous][0] is 'B' or 'I' && Types[previous] == Types[tag];
                bool open = previous < n && _open[previous];
                _allowed[previous * n + tag] = open ? inside && follows : !inside || follows;
            }
        }
        _next = new int[n + 1][];
        for (int previous = 0; previous <= n; previous++)
            _next[previous] = [.. Enumerable.Range(0, n).Where(tag => _allowed[previous * n + tag])];
        Outside = Array.IndexOf(Tags, "O");
        var distinct = Types.Where(t => t.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        TypeCount = distinct.Count;
        _typeIndex = [.. Types.Select(t => distinct.IndexOf(t))];
    }

    private readonly int[] _typeIndex;
    private readonly int[][] _next;

    /// <summary>The tags allowed after <paramref name="previous"/> (the tag count standing for a sentence's start).</summary>
    public ReadOnlySpan<int> Next(int previous) => _next[previous];

    public int TypeCount { get; }

    /// <summary>Whether the tags are BILOU rather than IOB2.</summary>
    public bool IsBilou { get; }

    /// <summary>The entity type of a tag as an index among the types, -1 for O.</summary>
    public int TypeIndex(int tag) => _typeIndex[tag];

    public string[] Tags { get; }

    public string[] Types { get; }

    public int Count => Tags.Length;

    public int Outside { get; }

    public bool Allowed(int previous, int tag) => _allowed[previous * Tags.Length + tag];

    /// <summary>Whether a sentence may end on this tag (not on a BILOU name begun and not ended).</summary>
    public bool CanEnd(int tag) => !_open[tag];

    /// <summary>The tag in IOB2, the scheme every caller reads.</summary>
    public string Iob2(int tag) => _iob2[tag];

    /// <summary>Tag ids of this scheme for a sentence's IOB2 tags.</summary>
    public int[] Encode(IReadOnlyList<string> iob2)
    {
        ArgumentNullException.ThrowIfNull(iob2);
        var ids = new int[iob2.Count];
        for (int i = 0; i < ids.Length; i++)
        {
            string tag = iob2[i];
            if (IsBilou && tag.Length > 2)
            {
                bool continues = i + 1 < iob2.Count && iob2[i + 1] == "I-" + tag[2..];
                tag = (tag[0], continues) switch
                {
                    ('B', true) => tag,
                    ('B', false) => "U-" + tag[2..],
                    (_, true) => tag,
                    _ => "L-" + tag[2..],
                };
            }
            ids[i] = Array.IndexOf(Tags, tag);
        }
        return ids;
    }

    /// <summary>The four CoNLL types in IOB2, O first.</summary>
    public static string[] Standard { get; } = ["O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC", "B-MISC", "I-MISC"];

    /// <summary>The four CoNLL types in BILOU, O first.</summary>
    public static string[] Bilou { get; } =
    [
        "O",
        "B-PER", "I-PER", "L-PER", "U-PER",
        "B-ORG", "I-ORG", "L-ORG", "U-ORG",
        "B-LOC", "I-LOC", "L-LOC", "U-LOC",
        "B-MISC", "I-MISC", "L-MISC", "U-MISC",
    ];
}

namespace Sitrep.Entities;

/// <summary>
/// Tag scheme helpers. Files come in IOB1 (CoNLL-2003: I- unless two entities touch), IOB2 or with
/// other type names; the tagger learns IOB2 over the four CoNLL types, because B- on every start makes
/// the decision at a boundary explicit.
/// </summary>
internal static class BioTags
{
    /// <summary>IOB2 tags over the CoNLL types; types that do not map become O.</summary>
    public static string[] ToIob2(IReadOnlyList<string> tags)
    {
        ArgumentNullException.ThrowIfNull(tags);
        var result = new string[tags.Count];
        string? previous = null;
        for (int i = 0; i < tags.Count; i++)
        {
            var (prefix, type) = Parse(tags[i]);
            if (type is null)
            {
                result[i] = "O";
                previous = null;
                continue;
            }
            bool begins = prefix is 'B' or 'S' || previous != type;
            result[i] = (begins ? "B-" : "I-") + type;
            previous = prefix is 'E' or 'S' ? null : type;
        }
        return result;
    }

    /// <summary>Entity chunks (start, end exclusive, type), read the way conlleval reads IOB1 or IOB2.</summary>
    public static List<(int Start, int End, string Type)> Chunks(IReadOnlyList<string> tags)
    {
        ArgumentNullException.ThrowIfNull(tags);
        var iob2 = ToIob2(tags);
        var chunks = new List<(int, int, string)>();
        int start = -1;
        string? type = null;
        for (int i = 0; i <= iob2.Length; i++)
        {
            string tag = i < iob2.Length ? iob2[i] : "O";
            if (type is not null && !tag.StartsWith("I-", StringComparison.Ordinal))
            {
                chunks.Add((start, i, type));
                type = null;
            }
            if (tag.StartsWith("B-", StringComparison.Ordinal))
            {
                start = i;
                type = tag[2..];
            }
        }
        return chunks;
    }

    private static (char Prefix, string? Type) Parse(string tag)
    {
        if (tag.Length < 3 || tag[1] != '-')
            return ('O', null);
        return (tag[0], EntityTypes.Normalize(tag[2..]));
    }
}

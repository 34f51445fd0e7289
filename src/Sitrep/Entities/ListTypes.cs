namespace Sitrep.Entities;

/// <summary>
/// Names of one coordinated list are of one kind when most of them are: in "Twitter, Instagram, Facebook, and
/// Vine" or "Apple, Facebook, Spotify and YouTube" the odd one read as a person or a place is an ORG, in
/// "California, Connecticut, New Jersey, New York and Rhode Island" the one read as a person is a GPE. Only a
/// list of four names or more, joined by commas and "and"/"or", where at least three are of the one type and
/// the others at most half as many; an odd place is retyped only when no place list knows it, an odd ORG in a
/// list of places only when one does ("Russia, China, Iran and the EU" mixes kinds that go together), and an
/// odd person only without a person cue (a longer person's name in the article ending in it). A name
/// followed by another capitalised word ("Rubio, Bush, Kasich and New Jersey Gov. Chris Christie") is a
/// modifier, not a member, and ends the list.
/// </summary>
internal static class ListTypes
{
    public static void Apply(string text, List<Mention> mentions, IReadOnlyList<bool> inPlaceList)
    {
        Dictionary<string, string>? retype = null;
        int i = 0;
        while (i < mentions.Count)
        {
            int j = i;
            bool joined = false;
            while (j + 1 < mentions.Count && mentions[j].End <= mentions[j + 1].Start
                && ListGap(text.AsSpan(mentions[j].End, mentions[j + 1].Start - mentions[j].End), ref joined))
                j++;
            if (j - i + 1 >= 4 && joined)
                Check(text, mentions, inPlaceList, i, j, ref retype);
            i = j + 1;
        }
        if (retype is null)
            return;
        for (int k = 0; k < mentions.Count; k++)
        {
            var m = mentions[k];
            if (retype.TryGetValue(m.Text(text), out var to) && m.Type is "GPE" or "PERSON" or "ORG" && m.Type != to)
                mentions[k] = m with { Type = to, Cued = false };
        }
    }

    private static void Check(string text, List<Mention> mentions, IReadOnlyList<bool> inPlaceList, int first, int last, ref Dictionary<string, string>? retype)
    {
        foreach (var major in (ReadOnlySpan<string>)["ORG", "GPE"])
        {
            int count = 0, odd = 0;
            for (int k = first; k <= last; k++)
            {
                if (mentions[k].Type == major)
                    count++;
                else
                    odd++;
            }
            if (count < 3 || odd == 0 || 2 * odd > count)
                continue;
            var found = new List<int>();
            for (int k = first; k <= last; k++)
            {
                var m = mentions[k];
                if (m.Type == major)
                    continue;
                bool fits = m.Type switch
                {
                    "PERSON" => !PersonCue(text, mentions, k),
                    "GPE" => major == "ORG" && !inPlaceList[k],
                    "ORG" => major == "GPE" && inPlaceList[k],
                    _ => false,
                };
                if (!fits || ModifiesNext(text, m.End))
                    return;
                found.Add(k);
            }
            foreach (int k in found)
                (retype ??= new Dictionary<string, string>(StringComparer.Ordinal))[mentions[k].Text(text)] = major;
            return;
        }
    }

    /// <summary>", ", ", and ", " and ", " or ": the gap between two names of one list (here and in <see cref="CompanyEvidence"/>'s "companies like X, Y and Z"); <paramref name="joined"/> is set by "and"/"or".</summary>
    internal static bool ListGap(ReadOnlySpan<char> gap, ref bool joined)
    {
        if (gap.Length == 0 || gap.Length > 6)
            return false;
        gap = gap.Trim();
        bool comma = gap.StartsWith(",");
        if (comma)
            gap = gap[1..].TrimStart();
        if (gap.Length == 0)
            return comma;
        if (gap is "and" or "or")
        {
            joined = true;
            return true;
        }
        return false;
    }

    /// <summary>"New Jersey Gov. Chris Christie": a capitalised word right after the name.</summary>
    private static bool ModifiesNext(string text, int end) =>
        end + 1 < text.Length && text[end] == ' ' && char.IsUpper(text[end + 1]);

    /// <summary>A longer person's name in the article that ends in this one ("Donald Trump" for "Trump").</summary>
    private static bool PersonCue(string text, List<Mention> mentions, int k)
    {
        var name = mentions[k].Text(text);
        foreach (var m in mentions)
        {
            if (m.Type == "PERSON" && m.End - m.Start > name.Length && text.AsSpan(m.Start, m.End - m.Start).EndsWith(" " + name, StringComparison.Ordinal))
                return true;
        }
        return false;
    }
}

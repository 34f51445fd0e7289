using System.Collections.Frozen;

namespace Sitrep.Cleaning;

/// <summary>Recognises the shape of a person's name in a byline or at the start of a bio.</summary>
internal static class PersonNames
{
    private static readonly FrozenSet<string> Honorifics = FrozenSet.ToFrozenSet(
        ["Dr", "Prof", "Professor", "Mr", "Mrs", "Ms", "Miss", "Sir", "Dame", "Rev", "Sheikh", "Gen", "Col", "Capt", "Maj", "Lt", "Sgt", "Adm", "Hon"],
        StringComparer.Ordinal);

    private static readonly FrozenSet<string> Particles = FrozenSet.ToFrozenSet(
        ["al", "al-", "el", "el-", "bin", "ibn", "de", "da", "di", "van", "von", "der", "la", "le", "du", "dos", "bint", "abu"],
        StringComparer.Ordinal);

    /// <summary>
    /// Words that are capitalised in headings but are not names, so that "World News" or
    /// "Middle East" is not taken for an author (resources/lexicons/heading-words.tsv, compared with case).
    /// </summary>
    private static readonly FrozenSet<string> HeadingWords = FrozenSet.ToFrozenSet(
        Sitrep.Lexicons.Lexicon.Get("heading-words").Entries.Select(e => e.Text), StringComparer.Ordinal);

    /// <summary>Role words of a byline (resources/lexicons/byline-roles.tsv, compared with case).</summary>
    private static readonly FrozenSet<string> BylineRoles = FrozenSet.ToFrozenSet(
        Sitrep.Lexicons.Lexicon.Get("byline-roles").Entries.Select(e => e.Text), StringComparer.Ordinal);

    /// <summary>A byline's name line made only of role words ("Staff Writer", "Expert Reviewer"): no author.</summary>
    public static bool IsRoleOnly(string name)
    {
        foreach (var t in name.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (!BylineRoles.Contains(t))
                return false;
        }
        return true;
    }

    /// <summary>A line that is nothing but a person's name, with an optional title: "Dr. Jane Doe".</summary>
    public static bool TryNameLine(string line, out string name, out bool honorific)
    {
        name = "";
        honorific = false;
        // Counted in place first: this is asked of every paragraph, and most have far more than six words,
        // which the split below made a string each.
        if (PiecesUpTo7(line.AsSpan().Trim().TrimStart("*—–-• ").TrimEnd(", |")) is < 2 or > 6)
            return false;
        var tokens = line.Trim().TrimStart('*', '—', '–', '-', '•', ' ').TrimEnd(',', ' ', '|').Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (tokens.Length < 2 || tokens.Length > 6)
            return false;
        int i = 0;
        while (i < tokens.Length && Honorifics.Contains(tokens[i].TrimEnd('.')))
        {
            honorific = true;
            i++;
        }
        int nameTokens = 0;
        var kept = new List<string>();
        for (; i < tokens.Length; i++)
        {
            var t = tokens[i];
            if (Particles.Contains(t))
            {
                kept.Add(t);
                continue;
            }
            if (!IsNameToken(t) || HeadingWords.Contains(t))
                return false;
            nameTokens++;
            kept.Add(t);
        }
        // "Jane Doe Staff Writer": the position printed after the name is no part of it (unless what is left holds a role
        // word too: "Acme Staff Writer" names no one either way).
        int roles = 0;
        while (kept.Count - roles > 2 && nameTokens - roles > 2 && BylineRoles.Contains(kept[^(roles + 1)]))
            roles++;
        if (roles > 0 && !kept.Take(kept.Count - roles).Any(BylineRoles.Contains))
        {
            kept.RemoveRange(kept.Count - roles, roles);
            nameTokens -= roles;
        }
        if (nameTokens < 2 || nameTokens > 4)
            return false;
        name = string.Join(' ', kept);
        return true;
    }

    /// <summary>The non-empty pieces between spaces (as a split on ' ' without empty entries gives them), counted up to 7.</summary>
    private static int PiecesUpTo7(ReadOnlySpan<char> s)
    {
        int pieces = 0;
        bool inPiece = false;
        foreach (char c in s)
        {
            if (c == ' ')
            {
                inPiece = false;
            }
            else if (!inPiece)
            {
                inPiece = true;
                if (++pieces == 7)
                    break;
            }
        }
        return pieces;
    }

    /// <summary>
    /// The author named at the start of a bio: "IDF Lt.-Col. (ret.) Jane (Janie) Doe, an expert…"
    /// gives "Jane (Janie) Doe". Ranks, units and abbreviations before the name are dropped.
    /// </summary>
    public static string? FromBioLead(string text)
    {
        var lead = text.TrimStart('*', '—', '–', '-', '•', ' ');
        var tokens = new List<string>();
        foreach (var raw in lead.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            bool endsClause = raw.EndsWith(',') || raw.EndsWith(';') || raw.EndsWith(':');
            var t = raw.TrimEnd(',', ';', ':');
            if (t.Length == 0 || !(char.IsUpper(t[0]) || t[0] == '(' || Particles.Contains(t)))
                break;
            tokens.Add(t);
            if (endsClause || tokens.Count > 10)
                break;
        }
        int start = 0;
        while (start < tokens.Count && IsRankToken(tokens[start]))
            start++;
        var rest = tokens.Skip(start).ToList();
        int names = rest.Count(t => IsNameToken(t) && !HeadingWords.Contains(t));
        if (names < 2 || rest.Count > 6 || rest.Exists(t => !IsNameToken(t) && !Particles.Contains(t) && !IsNickname(t)))
            return null;
        return string.Join(' ', rest);
    }

    private static bool IsNameToken(string t)
    {
        if (t.Length == 2 && char.IsUpper(t[0]) && t[1] == '.')
            return true; // a middle initial
        if (t.Length < 2 || !char.IsUpper(t[0]))
            return false;
        bool lower = false;
        foreach (char c in t)
        {
            if (char.IsLower(c))
                lower = true;
            else if (!(char.IsLetter(c) || c is '\'' or '’' or '-'))
                return false;
        }
        return lower;
    }

    private static bool IsNickname(string t) => t.Length > 2 && t[0] == '(' && t[^1] == ')' && IsNameToken(t[1..^1]);

    /// <summary>"Dr.", "Lt.-Col.", "(ret.)", "IDF": a title, rank or unit, not part of the name.</summary>
    private static bool IsRankToken(string t)
    {
        if (Honorifics.Contains(t.TrimEnd('.')))
            return true;
        if (t.Contains('.', StringComparison.Ordinal))
            return true;
        if (t.StartsWith('(') && !IsNickname(t))
            return true;
        return t.Length >= 2 && t.All(c => char.IsUpper(c) || c is '-' or '&');
    }
}

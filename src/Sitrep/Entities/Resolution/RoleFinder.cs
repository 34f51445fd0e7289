namespace Sitrep.Entities.Resolution;

/// <summary>
/// The position a text gives a person where it names them: a title run before the name ("US
/// Secretary of State Mike Pompeo", "Qods Force Commander Esmail Ghaani") or an apposition beside
/// it ("Mike Pompeo, the US secretary of state,"; "the Guards' deputy in political affairs,
/// Brigadier General Yadollah Javani"). Returns the role as written, without a leading article.
/// </summary>
internal static partial class RoleFinder
{
    public static IEnumerable<string> Find(string text, int start, int end)
    {
        ArgumentNullException.ThrowIfNull(text);
        int windowStart = Math.Max(0, start - 160);
        var before = Words(text, windowStart, start);
        var title = TitleBefore(text, before, start);
        if (title is { } t)
        {
            yield return t.Role;
            if (AppositionBefore(text, before, t.FirstWord) is { } a)
                yield return a;
        }
        else if (AppositionBefore(text, before, before.Count) is { } a)
        {
            yield return a;
        }
        // An apposition after the name opens with a comma: without one, its words are not read at all. It
        // looks at its first fifteen words and whether more follow, so sixteen are enough.
        int afterEnd = Math.Min(text.Length, end + 160);
        if (WordScan.OpensWithComma(text, end, afterEnd) && AppositionAfter(text, Words(text, end, afterEnd, AppositionWords)) is { } after)
            yield return after;
    }

    private static (string Role, int FirstWord)? TitleBefore(string text, List<Word> before, int nameStart)
    {
        if (before.Count == 0 || !text.AsSpan(before[^1].Index + before[^1].Length, nameStart - before[^1].Index - before[^1].Length).IsWhiteSpace())
            return null;
        int first = before.Count;
        bool role = false;
        for (int i = before.Count - 1; i >= 0; i--)
        {
            var w = before[i].Value;
            bool capitalised = char.IsUpper(w[0]) || char.IsDigit(w[0]);
            bool connector = w is "of" or "for" or "and" or "'s" or "’s";
            if (!capitalised && !connector)
                break;
            if (i + 1 < before.Count && !Adjacent(text, before[i], before[i + 1]))
                break;
            first = i;
            role |= IsRoleWord(w);
        }
        while (first < before.Count && before[first].Value is "of" or "for" or "and" or "'s" or "’s")
            first++;
        return role && first < before.Count ? (Span(text, before, first, before.Count), first) : null;
    }

    /// <summary>"the X's deputy in political affairs, [Title] Name": the phrase ending in a comma just before.</summary>
    private static string? AppositionBefore(string text, List<Word> before, int end)
    {
        if (end < 2 || before[end - 1].Value != ",")
            return null;
        int commaIndex = end - 1;
        int from = -1;
        for (int i = commaIndex - 1; i >= 0 && commaIndex - i <= 12; i--)
        {
            var w = before[i].Value;
            if (w is "," or "." or ";" or ":" or "\"" or "“" or "”" or "(" or ")")
                break;
            if (w is "the" or "The" or "its" or "Its")
            {
                from = i + 1;
                break;
            }
        }
        if (from < 0 || from >= commaIndex || !ContainsRoleNoun(before, from, commaIndex))
            return null;
        return Span(text, before, from, commaIndex);
    }

    /// <summary>"Name, the US secretary of state, said": up to the next comma or full stop.</summary>
    private static string? AppositionAfter(string text, List<Word> after)
    {
        if (after.Count < 3 || after[0].Value != ",")
            return null;
        int from = 1;
        if (after[1].Value is "the" or "a" or "an" or "its" or "his" or "her" or "their")
            from = 2;
        int end = from;
        while (end < after.Count && end - from < 12 && after[end].Value is not ("," or "." or ";" or ":" or "(" or ")" or "\"" or "“" or "”"))
        {
            if (after[end].Value is "who" or "which" or "that" or "said" or "says" or "told")
                return null;
            // "deputy chief of the forces and a number of their comrades": the role ends before the second phrase.
            if (after[end].Value == "and" && end + 1 < after.Count && after[end + 1].Value is "a" or "an" or "the" or "his" or "her" or "their" or "its" or "other" or "several" or "many" or "some")
                break;
            end++;
        }
        while (end > from && after[end - 1].Value is "of" or "the" or "a" or "an" or "and" or "in" or "for" or "to" or "on")
            end--;
        if (end >= after.Count || end == from || !ContainsRoleNoun(after, from, end))
            return null;
        // The head of an apposition role comes early ("the IRGC's chief commander"); a role noun only at
        // the end of a long clause is more likely a sentence of its own.
        return Span(text, after, from, end);
    }

    /// <summary>An apposition is a role when it has a role noun in lower case ("the US secretary of state"), not a name ("Brig. Gen. X").</summary>
    private static bool ContainsRoleNoun(List<Word> words, int from, int end)
    {
        for (int i = from; i < end; i++)
        {
            var w = words[i].Value;
            if (char.IsLower(w[0]) && (EntityLexicons.RoleNouns.Contains(w) || EntityLexicons.RoleNouns.Contains(w.TrimEnd('s'))))
                return true;
        }
        return false;
    }

    private static bool IsRoleWord(string w)
    {
        var bare = w.TrimEnd('.');
        return EntityLexicons.RoleNouns.Contains(bare) || EntityLexicons.Ranks.Contains(bare) || EntityLexicons.Ranks.Contains(bare.Replace(".", "", StringComparison.Ordinal));
    }

    private static bool Adjacent(string text, Word a, Word b)
    {
        var gap = text.AsSpan(a.Index + a.Length, b.Index - a.Index - a.Length);
        return gap.IsWhiteSpace() && !gap.Contains('\n');
    }

    private static string Span(string text, List<Word> words, int from, int end) =>
        text[words[from].Index..(words[end - 1].Index + words[end - 1].Length)];

    /// <summary>How many words <see cref="AppositionAfter"/> can look at: the role's opening article, twelve words, the word after them and one more.</summary>
    private const int AppositionWords = 16;

    private static List<Word> Words(string text, int from, int to, int maxWords = int.MaxValue)
    {
        var list = new List<Word>();
        // The words of [\p{L}\p{N}][\p{L}\p{N}.'’&-]*|[^\s\p{L}\p{N}], scanned by hand (WordScan): this runs twice
        // for every mention of a person.
        int index = from;
        for (; list.Count < maxWords && WordScan.Next(text, ref index, text.Length, ampersand: true, out int length); index += length)
        {
            if (index + length > to)
                break;
            var w = text.Substring(index, length);
            // "Iraq." ends a sentence; "Gen." and "U.S." do not.
            if (w.Length > 1 && w[^1] == '.' && w.IndexOf('.', StringComparison.Ordinal) == w.Length - 1 && !Text.Abbreviations.Known.Contains(w[..^1].ToLowerInvariant()))
            {
                list.Add(new Word(w[..^1], index));
                list.Add(new Word(".", index + w.Length - 1));
            }
            else
            {
                list.Add(new Word(w, index));
            }
        }
        return list;
    }

    private readonly record struct Word(string Value, int Index)
    {
        public int Length => Value.Length;
    }
}

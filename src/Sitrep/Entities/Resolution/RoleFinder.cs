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
        var roles = new List<string>();
        Find(text, start, end, roles, distinct: false);
        return roles;
    }

    /// <summary>
    /// Adds the roles the text gives the name at <paramref name="start"/>..<paramref name="end"/> to
    /// <paramref name="roles"/>, in order; with <paramref name="distinct"/>, only those not in it yet (ordinal).
    /// </summary>
    public static void Find(string text, int start, int end, List<string> roles, bool distinct)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(roles);
        int windowStart = Math.Max(0, start - Window);
        // The words are read into the stack (a window of 160 characters has at most 160): a list was made for
        // every mention of a person.
        Span<Word> buffer = stackalloc Word[Window + 2];
        // The words of the last NearRoles characters first (from a white space, so they are the window's last words): a
        // title and an apposition before the name are read from its end back, and need the whole window only when
        // they reach the first of those words (the scan of the window was a tenth of the stage).
        int near = WordScan.StartNear(text, windowStart, start - NearRoles);
        var (first, second, front) = RolesBefore(text, buffer[..Words(text, near, start, buffer, Window + 1)], start);
        if (front && near > windowStart)
            (first, second, _) = RolesBefore(text, buffer[..Words(text, windowStart, start, buffer, Window + 1)], start);
        if (first is not null)
            Add(roles, first, distinct);
        if (second is not null)
            Add(roles, second, distinct);
        // An apposition after the name opens with a comma: without one, its words are not read at all. It
        // looks at its first fifteen words and whether more follow, so sixteen are enough.
        int afterEnd = Math.Min(text.Length, end + Window);
        if (WordScan.OpensWithComma(text, end, afterEnd))
        {
            Span<Word> afterBuffer = stackalloc Word[AppositionWords + 1];
            if (AppositionAfter(text, afterBuffer[..Words(text, end, afterEnd, afterBuffer, AppositionWords)]) is { } after)
                Add(roles, after, distinct);
        }
    }

    /// <summary>How far before the name <see cref="Find"/> first reads its words, in characters.</summary>
    private const int NearRoles = 48;

    /// <summary>
    /// The roles before the name (a title run and an apposition before it, or an apposition alone), in order, and
    /// whether reading them reached the first of <paramref name="before"/>'s words (with more words before those, they
    /// could have read on).
    /// </summary>
    private static (string? First, string? Second, bool Front) RolesBefore(string text, ReadOnlySpan<Word> before, int start)
    {
        bool front = false;
        var title = TitleBefore(text, before, start, ref front);
        if (title is { } t)
            return (t.Role, AppositionBefore(text, before, t.FirstWord, ref front), front);
        return (AppositionBefore(text, before, before.Length, ref front), null, front);
    }

    private static void Add(List<string> roles, string role, bool distinct)
    {
        if (!distinct || !roles.Contains(role, StringComparer.Ordinal))
            roles.Add(role);
    }

    /// <summary>How far before and after the name its roles are read, in characters.</summary>
    private const int Window = 160;

    private static (string Role, int FirstWord)? TitleBefore(string text, ReadOnlySpan<Word> before, int nameStart, ref bool front)
    {
        if (before.Length == 0)
            front = true;
        if (before.Length == 0 || !text.AsSpan(before[^1].Index + before[^1].Length, nameStart - before[^1].Index - before[^1].Length).IsWhiteSpace())
            return null;
        int first = before.Length;
        bool role = false;
        for (int i = before.Length - 1; i >= 0; i--)
        {
            var w = before[i].Value(text);
            bool capitalised = char.IsUpper(w[0]) || char.IsDigit(w[0]);
            bool connector = w is "of" or "for" or "and" or "'s" or "’s";
            if (!capitalised && !connector)
                break;
            if (i + 1 < before.Length && !Adjacent(text, before[i], before[i + 1]))
                break;
            first = i;
            role |= IsRoleWord(w);
        }
        // The run went on to the first word read: a word before it could have carried it on.
        front |= first == 0;
        while (first < before.Length && before[first].Value(text) is "of" or "for" or "and" or "'s" or "’s")
            first++;
        return role && first < before.Length ? (Span(text, before, first, before.Length), first) : null;
    }

    /// <summary>"the X's deputy in political affairs, [Title] Name": the phrase ending in a comma just before.</summary>
    private static string? AppositionBefore(string text, ReadOnlySpan<Word> before, int end, ref bool front)
    {
        if (end == 0)
            front = true;
        if (end < 1 || before[end - 1].Value(text) is not ",")
            return null;
        int commaIndex = end - 1;
        int from = -1;
        int i = commaIndex - 1;
        for (; i >= 0 && commaIndex - i <= 12; i--)
        {
            var w = before[i].Value(text);
            if (w is "," or "." or ";" or ":" or "\"" or "“" or "”" or "(" or ")")
                break;
            if (w is "the" or "The" or "its" or "Its")
            {
                from = i + 1;
                break;
            }
        }
        // Out of words before the phrase's limit of twelve: a word before the first read could have opened it.
        front |= i < 0 && commaIndex - i <= 12;
        if (end < 2)
            return null;
        if (from < 0 || from >= commaIndex || !ContainsRoleNoun(text, before, from, commaIndex))
            return null;
        return Span(text, before, from, commaIndex);
    }

    /// <summary>"Name, the US secretary of state, said": up to the next comma or full stop.</summary>
    private static string? AppositionAfter(string text, ReadOnlySpan<Word> after)
    {
        if (after.Length < 3 || after[0].Value(text) is not ",")
            return null;
        int from = 1;
        if (after[1].Value(text) is "the" or "a" or "an" or "its" or "his" or "her" or "their")
            from = 2;
        int end = from;
        while (end < after.Length && end - from < 12 && after[end].Value(text) is not ("," or "." or ";" or ":" or "(" or ")" or "\"" or "“" or "”"))
        {
            if (after[end].Value(text) is "who" or "which" or "that" or "said" or "says" or "told")
                return null;
            // "deputy chief of the forces and a number of their comrades": the role ends before the second phrase.
            if (after[end].Value(text) is "and" && end + 1 < after.Length && after[end + 1].Value(text) is "a" or "an" or "the" or "his" or "her" or "their" or "its" or "other" or "several" or "many" or "some")
                break;
            end++;
        }
        while (end > from && after[end - 1].Value(text) is "of" or "the" or "a" or "an" or "and" or "in" or "for" or "to" or "on")
            end--;
        if (end >= after.Length || end == from || !ContainsRoleNoun(text, after, from, end))
            return null;
        // The head of an apposition role comes early ("the IRGC's chief commander"); a role noun only at
        // the end of a long clause is more likely a sentence of its own.
        return Span(text, after, from, end);
    }

    /// <summary>An apposition is a role when it has a role noun in lower case ("the US secretary of state"), not a name ("Brig. Gen. X").</summary>
    private static bool ContainsRoleNoun(string text, ReadOnlySpan<Word> words, int from, int end)
    {
        for (int i = from; i < end; i++)
        {
            var w = words[i].Value(text);
            if (char.IsLower(w[0]) && (RoleNouns.Contains(w) || RoleNouns.Contains(w.TrimEnd('s'))))
                return true;
        }
        return false;
    }

    private static readonly System.Collections.Frozen.FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> RoleNouns = EntityLexicons.RoleNouns.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly System.Collections.Frozen.FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Ranks = EntityLexicons.Ranks.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly System.Collections.Frozen.FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> KnownAbbreviations = Text.Abbreviations.Known.GetAlternateLookup<ReadOnlySpan<char>>();

    private static bool IsRoleWord(ReadOnlySpan<char> w)
    {
        var bare = w.TrimEnd('.');
        if (RoleNouns.Contains(bare) || Ranks.Contains(bare))
            return true;
        if (!bare.Contains('.'))
            return false; // without its dots the word is the same, just asked
        Span<char> undotted = bare.Length <= 64 ? stackalloc char[64] : new char[bare.Length];
        int n = 0;
        foreach (char c in bare)
        {
            if (c != '.')
                undotted[n++] = c;
        }
        return Ranks.Contains(undotted[..n]);
    }

    private static bool Adjacent(string text, Word a, Word b)
    {
        var gap = text.AsSpan(a.Index + a.Length, b.Index - a.Index - a.Length);
        return gap.IsWhiteSpace() && !gap.Contains('\n');
    }

    private static string Span(string text, ReadOnlySpan<Word> words, int from, int end) =>
        text[words[from].Index..(words[end - 1].Index + words[end - 1].Length)];

    /// <summary>How many words <see cref="AppositionAfter"/> can look at: the role's opening article, twelve words, the word after them and one more.</summary>
    private const int AppositionWords = 16;

    /// <summary>
    /// The words from <paramref name="from"/> to <paramref name="to"/> written into <paramref name="words"/> (room for
    /// one more than <paramref name="maxWords"/>: the last word read may be split from its full stop); returns how many.
    /// </summary>
    private static int Words(string text, int from, int to, Span<Word> words, int maxWords)
    {
        int count = 0;
        // The words of [\p{L}\p{N}][\p{L}\p{N}.'’&-]*|[^\s\p{L}\p{N}], scanned by hand (WordScan): this runs twice
        // for every mention of a person.
        int index = from;
        for (; count < maxWords && WordScan.Next(text, ref index, text.Length, ampersand: true, out int length); index += length)
        {
            if (index + length > to)
                break;
            // Read in place (a string per word was made for every word around every mention of a person).
            var w = text.AsSpan(index, length);
            // "Iraq." ends a sentence; "Gen." and "U.S." do not.
            if (w.Length > 1 && w[^1] == '.' && w.IndexOf('.') == w.Length - 1 && !IsKnownAbbreviation(w[..^1]))
            {
                words[count++] = new Word(index, length - 1);
                words[count++] = new Word(index + length - 1, 1);
            }
            else
            {
                words[count++] = new Word(index, length);
            }
        }
        return count;
    }

    /// <summary>Whether the word, lower-cased, is a known abbreviation (without its final full stop).</summary>
    private static bool IsKnownAbbreviation(ReadOnlySpan<char> word)
    {
        Span<char> lower = word.Length <= 64 ? stackalloc char[64] : new char[word.Length];
        int n = word.ToLowerInvariant(lower);
        return KnownAbbreviations.Contains(lower[..n]);
    }

    /// <summary>A word of the text: where it starts and how long it is.</summary>
    private readonly record struct Word(int Index, int Length)
    {
        public ReadOnlySpan<char> Value(string text) => text.AsSpan(Index, Length);
    }
}

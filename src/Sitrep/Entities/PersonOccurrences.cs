using System.Collections.Frozen;
using Sitrep.Entities.Resolution;
using Sitrep.Text;

namespace Sitrep.Entities;

/// <summary>
/// People the tagger named once and then lost: a capitalised word right after an honorific ("Mrs May",
/// "Dr. Okafor") is a person; and where an article names a person in full ("Martin Luther King"), the
/// surname alone elsewhere in it ("King's assassination", a transcript's "CRUZ:") is that person too,
/// where the tagger left it out. A surname is not taken where it opens a sentence and is a common English
/// word ("King was…"), where it is a month ("in May"), inside a longer run of capitalised words ("King
/// Salman"), after an article ("the King of…"), joined by a hyphen ("anti-Trump") or where the article
/// gives the same word another type.
/// </summary>
internal static class PersonOccurrences
{
    private static readonly FrozenSet<string> Honorifics = FrozenSet.ToFrozenSet(["Mr", "Mrs", "Ms", "Mx", "Dr"], StringComparer.Ordinal);

    private static readonly FrozenSet<string> NameSuffixes = FrozenSet.ToFrozenSet(["Jr", "Sr", "II", "III", "IV"], StringComparer.Ordinal);

    private static readonly FrozenSet<string> Articles = FrozenSet.ToFrozenSet(["the", "a", "an", "The", "A", "An"], StringComparer.Ordinal);

    /// <summary>Particles inside surnames ("de León", "van der Zwaan"): the word after one is not a surname alone.</summary>
    private static readonly FrozenSet<string> Particles = FrozenSet.ToFrozenSet(["de", "da", "del", "della", "di", "du", "van", "von", "der", "den", "la", "le", "bin", "ibn", "al", "el", "abu"], StringComparer.OrdinalIgnoreCase);

    /// <summary>The honorifics, asked by span (also by <see cref="TypeRefiner"/>: a name right after one is a person).</summary>
    internal static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> HonorificLookup = Honorifics.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> NameSuffixLookup = NameSuffixes.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> ArticleLookup = Articles.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> ParticleLookup = Particles.GetAlternateLookup<ReadOnlySpan<char>>();

    public static List<EntityMention> Apply(string text, Token[] tokens, List<EntityMention> mentions)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(tokens);
        ArgumentNullException.ThrowIfNull(mentions);
        if (tokens.Length == 0)
            return mentions;
        var covered = new bool[tokens.Length];
        foreach (var m in mentions)
        {
            for (int t = m.FirstToken; t < m.FirstToken + m.TokenCount && t < tokens.Length; t++)
                covered[t] = true;
        }
        List<EntityMention>? added = null;
        var surnames = new HashSet<string>(StringComparer.Ordinal);
        // Every word of the text is looked up: by span, so no word becomes a string to be asked.
        var surnameOf = surnames.GetAlternateLookup<ReadOnlySpan<char>>();

        // "Mrs May", "Dr. Okafor": the capitalised words right after an honorific are a person.
        for (int t = 0; t + 1 < tokens.Length; t++)
        {
            if (covered[t] || !IsHonorific(text, tokens, t, out int next) || next >= tokens.Length || covered[next])
                continue;
            if (!IsCapitalisedWord(text, tokens[next]) || !Adjacent(text, tokens[next - 1], tokens[next]))
                continue;
            int last = next;
            while (last + 1 < tokens.Length && last - next < 2 && !covered[last + 1] && IsCapitalisedWord(text, tokens[last + 1])
                // "Mr. Chavez Thursday accused …": a day after the name is when, not more of the name.
                && !CalendarWords.IsWeekday(tokens[last + 1].Span(text)) && !CalendarWords.IsMonth(tokens[last + 1].Span(text))
                && Adjacent(text, tokens[last], tokens[last + 1]))
                last++;
            (added ??= []).Add(new EntityMention(tokens[next].Start, tokens[last].End, EntityTypes.Person, next, last - next + 1));
            for (int k = next; k <= last; k++)
                covered[k] = true;
            surnames.Add(tokens[last].Text(text));
            t = last;
        }

        // The surnames of the people named in full.
        foreach (var m in mentions)
        {
            if (m.Type != EntityTypes.Person || m.TokenCount < 2)
                continue;
            var surname = SurnameOf(text.AsSpan(m.Start, m.End - m.Start));
            if (!surname.IsEmpty)
                surnames.Add(surname.ToString());
        }
        if (surnames.Count == 0)
            return Merge(mentions, added);

        // A word the article gives another type is not taken for the person's.
        foreach (var m in mentions)
        {
            if (m.Type != EntityTypes.Person && m.TokenCount == 1)
                surnames.Remove(m.Text(text));
        }
        for (int t = 0; t < tokens.Length; t++)
        {
            if (covered[t] || tokens[t].Kind != TokenKind.Word)
                continue;
            var word = tokens[t].Span(text);
            bool label = false;
            string? surname = null;
            if (surnameOf.TryGetValue(word, out var known))
                surname = known;
            else if (word.Length >= 2 && IsAllCapitals(word) && t + 1 < tokens.Length && tokens[t + 1].Span(text) is ":" && tokens[t + 1].Start == tokens[t].End)
            {
                // A transcript's speaker label, "CRUZ:".
                foreach (var s in surnames)
                {
                    if (word.Equals(s, StringComparison.OrdinalIgnoreCase))
                    {
                        surname = s;
                        label = true;
                        break;
                    }
                }
            }
            if (surname is null || CalendarWords.IsMonth(surname))
                continue;
            if (!label && !Stands(text, tokens, t, surname))
                continue;
            (added ??= []).Add(new EntityMention(tokens[t].Start, tokens[t].End, EntityTypes.Person, t, 1));
            covered[t] = true;
        }
        return Merge(mentions, added);
    }

    /// <summary>
    /// The surnames (read past a particle, as for retyping) of the article's people named in full, each passed through
    /// <paramref name="key"/> (the name as written, or its key); null when there is none.
    /// </summary>
    internal static HashSet<string>? SurnamesOfPeople(string text, List<Mention> mentions, Func<string, string> key)
    {
        HashSet<string>? surnames = null;
        foreach (var m in mentions)
        {
            if (m.Type != "PERSON")
                continue;
            var surname = SurnameOf(text.AsSpan(m.Start, m.End - m.Start), afterParticle: true);
            if (!surname.IsEmpty)
                (surnames ??= new HashSet<string>(StringComparer.Ordinal)).Add(key(surname.ToString()));
        }
        return surnames;
    }

    /// <summary>
    /// The first words of the people the article names in full (<see cref="FirstNameOf"/>), by <paramref name="key"/>; null
    /// when there is none. "Joe" of "Joe Biden", "Kim" of "Kim Jong Un" (a family name written first).
    /// </summary>
    internal static HashSet<string>? FirstNamesOfPeople(string text, List<Mention> mentions, Func<string, string> key)
    {
        HashSet<string>? names = null;
        foreach (var m in mentions)
        {
            if (m.Type != "PERSON")
                continue;
            var first = FirstNameOf(text.AsSpan(m.Start, m.End - m.Start));
            if (!first.IsEmpty)
                (names ??= new HashSet<string>(StringComparer.Ordinal)).Add(key(first.ToString()));
        }
        return names;
    }

    /// <summary>
    /// The first word of a person's name written in full, or empty: a name of two to four words, each capitalised with a
    /// lower-case letter and nothing but letters, hyphens and apostrophes ("Raines v. Byrd", "Bohai Harvest RST" are
    /// none), whose first word is no title ("Sen.", "President").
    /// </summary>
    internal static ReadOnlySpan<char> FirstNameOf(ReadOnlySpan<char> name)
    {
        var s = name.Trim();
        int words = 0;
        foreach (var range in s.Split(' '))
        {
            var word = s[range];
            if (word.Length < 2 || !char.IsUpper(word[0]) || !NameKeys.HasLower(word[1..]))
                return default;
            foreach (char c in word)
            {
                if (!char.IsLetter(c) && c is not ('-' or '\'' or '’'))
                    return default;
            }
            words++;
        }
        if (words is < 2 or > 4)
            return default;
        var first = s[..s.IndexOf(' ')];
        return first.Contains('-') || EntityLexicons.IsTitleWord(first) ? default : first;
    }

    /// <summary>
    /// The surname of a person's name written in full, or empty: its last word past a generational suffix ("Donald Trump
    /// Jr." → Trump), where that word is capitalised with a lower-case letter, one space after the word before it, and no
    /// particle's ("de León") or hyphen's part ("Ocasio-Cortez"). One reading for both users: the surnames found alone
    /// here, and <see cref="EntityStage.SurnamesOfPeopleNamedInFull"/>, which retypes them.
    /// </summary>
    /// <param name="afterParticle">
    /// Whether a word after a particle counts ("Hamza bin Laden" → Laden): for retyping a name the tagger found alone, yes;
    /// for finding it where the tagger found nothing, no ("León" alone is not "de León").
    /// </param>
    internal static ReadOnlySpan<char> SurnameOf(ReadOnlySpan<char> name, bool afterParticle = false)
    {
        var s = name.Trim();
        int space = s.LastIndexOf(' ');
        if (space > 0 && NameSuffixLookup.Contains(s[(space + 1)..].TrimEnd('.')))
        {
            s = s[..space].TrimEnd().TrimEnd(',');
            space = s.LastIndexOf(' ');
        }
        if (space <= 0 || s[space - 1] == ' ')
            return default;
        var last = s[(space + 1)..];
        if (last.Length < 2 || !char.IsUpper(last[0]) || !NameKeys.HasLower(last[1..]))
            return default;
        foreach (char c in last)
        {
            if (!char.IsLetter(c) && c is not ('\'' or '’'))
                return default;
        }
        int wordStart = s[..space].LastIndexOf(' ') + 1;
        var before = s[wordStart..space];
        return !afterParticle && ParticleLookup.Contains(before) ? default : last;
    }

    /// <summary>Whether the surname at token <paramref name="t"/> stands alone as the person's name.</summary>
    private static bool Stands(string text, Token[] tokens, int t, string surname)
    {
        var token = tokens[t];
        // "anti-Trump", "Trump-style": a hyphen joins it into another word.
        if ((token.Start > 0 && text[token.Start - 1] is '-' or '‐') || (token.End < text.Length && text[token.End] is '-' or '‐'))
            return false;
        // "King Salman", "Stephen King": a run of capitalised words is another name.
        if (t + 1 < tokens.Length && Adjacent(text, token, tokens[t + 1]) && IsCapitalisedWord(text, tokens[t + 1]))
            return false;
        bool initial = SentenceInitial(text, tokens, t);
        if (t > 0 && Adjacent(text, tokens[t - 1], token))
        {
            var before = tokens[t - 1].Span(text);
            if (ArticleLookup.Contains(before))
                return false;
            if (!SentenceInitial(text, tokens, t - 1) && IsCapitalisedWord(text, tokens[t - 1]))
                return false;
        }
        // "King was…" opening a sentence may be the common word; a dictionary name ("Cruz") may not.
        if (initial && EntityLexicons.EnglishWords.Contains(surname) && !EntityLexicons.EnglishNames.Contains(surname))
            return false;
        return true;
    }

    private static bool IsHonorific(string text, Token[] tokens, int t, out int next)
    {
        next = t + 1;
        var span = tokens[t].Span(text);
        if (span.Length > 1 && span[^1] == '.')
            span = span[..^1];
        if (!HonorificLookup.Contains(span))
            return false;
        if (next < tokens.Length && tokens[next].Span(text) is "." && tokens[next].Start == tokens[t].End)
            next++;
        return true;
    }

    private static bool SentenceInitial(string text, Token[] tokens, int t)
    {
        int k = t - 1;
        while (k >= 0 && tokens[k].Kind is TokenKind.Quote or TokenKind.Bracket or TokenKind.Dash)
            k--;
        if (k < 0)
            return true;
        if (text.AsSpan(tokens[k].End, tokens[t].Start - tokens[k].End).IndexOfAny('\n', '\r') >= 0)
            return true;
        return tokens[k].Span(text) is "." or "!" or "?" or ":" or ";" || tokens[k].Kind == TokenKind.Ellipsis;
    }

    /// <summary>A word that opens with a capital and has a lower-case letter ("King", "McCready"), not an acronym or a number.</summary>
    private static bool IsCapitalisedWord(string text, Token token)
    {
        if (token.Kind != TokenKind.Word || token.Length < 2)
            return false;
        var span = token.Span(text);
        return char.IsUpper(span[0]) && NameKeys.HasLower(span[1..]);
    }

    private static bool IsAllCapitals(ReadOnlySpan<char> s)
    {
        foreach (char c in s)
        {
            if (!char.IsUpper(c))
                return false;
        }
        return true;
    }

    /// <summary>One space (no line break) between two tokens.</summary>
    private static bool Adjacent(string text, Token a, Token b) => b.Start == a.End + 1 && text[a.End] == ' ';

    private static List<EntityMention> Merge(List<EntityMention> mentions, List<EntityMention>? added)
    {
        if (added is null)
            return mentions;
        var result = new List<EntityMention>(mentions.Count + added.Count);
        result.AddRange(mentions);
        result.AddRange(added);
        result.Sort((a, b) => a.Start.CompareTo(b.Start));
        return result;
    }
}

using System.Collections.Frozen;
using Sitrep.Entities.Resolution;
using Sitrep.Text;

namespace Sitrep.Entities;

/// <summary>
/// Adjectives built from names: "Iran-backed", "U.S.-led", "IRGC-linked", "anti-U.S.", "Iran-Iraq".
/// The word is no entity of its own; the name inside it is a mention of its entity (Iran, the United
/// States, the IRGC). A part counts as a name when it is a country or capital, or a name
/// the article gives elsewhere; other parts ("Kremlin-backed" where nothing says what the Kremlin is)
/// leave the word alone, and a tagged adjective whose name is unknown is dropped.
/// </summary>
internal static class NameCompounds
{
    /// <summary>Word-forming prefixes of English written before a hyphen (a closed class): "anti-U.S.", "pro-Iran".</summary>
    private static readonly HashSet<string> Prefixes = new(StringComparer.OrdinalIgnoreCase)
    {
        "anti", "pro", "non", "ex", "post", "pre", "neo", "pan", "trans", "inter", "intra", "sub", "super", "ultra", "semi", "counter", "mid",
    };

    public static List<EntityMention> Apply(string text, Token[] tokens, List<EntityMention> mentions, CountryTable countries)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(tokens);
        ArgumentNullException.ThrowIfNull(mentions);
        ArgumentNullException.ThrowIfNull(countries);
        // Names the article gives on their own, with the type the tagger gave them.
        var known = new KnownNames(text, mentions);
        var covered = new bool[tokens.Length];
        var result = new List<EntityMention>(mentions.Count);
        foreach (var m in mentions)
        {
            for (int t = m.FirstToken; t < m.FirstToken + m.TokenCount && t < tokens.Length; t++)
                covered[t] = true;
            // "Iran-Iraq" alone is two countries, but the "Iran-Iraq War" is a name of its own.
            if (Parts(text, tokens[m.FirstToken]) is { Count: > 1 } parts && (m.TokenCount == 1 || parts.Any(p => char.IsLower(text[p.Start])))
                && Names(text, parts, known, countries, m.FirstToken) is { } names)
            {
                // A mention that opens with a compound: the names inside it are mentions, and what follows
                // is a name of its own when it is capitalised ("Iran-backed Kataib Hezbollah"), not when it
                // only says what the compound describes ("the IRGC-run news agency").
                result.AddRange(names);
                if (m.TokenCount > 1 && char.IsUpper(text[tokens[m.FirstToken + 1].Start]))
                    result.Add(new EntityMention(tokens[m.FirstToken + 1].Start, m.End, m.Type, m.FirstToken + 1, m.TokenCount - 1));
                continue;
            }
            if (m.TokenCount > 1 && TrimmedTail(text, tokens[m.FirstToken + m.TokenCount - 1]) is { } cut && !(m.Type == EntityTypes.Person && IsGivenNameSyllable(text, cut, m.End)))
            {
                // "New York-based": the name ends before the hyphen.
                var name = m with { End = cut };
                if (m.Type != EntityTypes.Miscellaneous)
                    result.Add(name);
                else if (TypeOf(text.Substring(m.Start, cut - m.Start), known, countries) is { } type)
                    result.Add(name with { Type = type });
                continue;
            }
            result.Add(m);
        }
        // Compounds the tagger left alone: "US-linked entities", "anti-U.S. reaction".
        List<EntityMention>? added = null;
        for (int t = 0; t < tokens.Length; t++)
        {
            if (covered[t] || Parts(text, tokens[t]) is not { Count: > 1 } parts)
                continue;
            if (Names(text, parts, known, countries, t) is { Count: > 0 } names)
                (added ??= []).AddRange(names);
        }
        if (added is null)
            return result;
        result.AddRange(added);
        result.Sort((a, b) => a.Start.CompareTo(b.Start));
        return result;
    }

    /// <summary>The parts of a hyphenated word ("U.S.", "led"), or null when it has no inner hyphen.</summary>
    private static List<(int Start, int End)>? Parts(string text, Token token)
    {
        if (token.Kind is not (TokenKind.Word or TokenKind.Abbreviation) || token.Span(text).IndexOf('-') < 0)
            return null;
        var parts = new List<(int, int)>();
        int start = token.Start;
        for (int i = token.Start + 1; i < token.End - 1; i++)
        {
            if (text[i] == '-' && (char.IsLetterOrDigit(text[i - 1]) || text[i - 1] == '.') && char.IsLetterOrDigit(text[i + 1]))
            {
                parts.Add((start, i));
                start = i + 1;
            }
        }
        if (parts.Count == 0)
            return null;
        parts.Add((start, token.End));
        return parts;
    }

    /// <summary>
    /// The name parts of a compound as mentions (empty for an adjective whose names are unknown); null
    /// when the word is no compound of names but a name itself ("Amir-Abdollahian", "al-Hashd").
    /// </summary>
    private static List<EntityMention>? Names(string text, List<(int Start, int End)> parts, KnownNames known, CountryTable countries, int token)
    {
        var names = new List<EntityMention>();
        bool lower = false;
        for (int k = 0; k < parts.Count; k++)
        {
            var (start, end) = parts[k];
            if (char.IsLower(text[start]))
            {
                // A word-forming prefix opens the compound ("anti-"); an Arabic article ("al-") makes it a name.
                if (k == 0 && !Prefixes.Contains(text[start..end]))
                    return null;
                lower = true;
                continue;
            }
            if (TypeOf(text[start..end], known, countries) is { } type)
                names.Add(new EntityMention(start, end, type, token, 1));
        }
        // "Iran-Iraq", "US-Iran": every part a name; otherwise a lower-case part makes it an adjective.
        return lower || names.Count == parts.Count ? names : null;
    }

    /// <summary>English word-forming endings of three letters or fewer that english-words.tsv does not list alone (a closed class): "Trump-ish".</summary>
    private static readonly FrozenSet<string> EnglishEndings = FrozenSet.ToFrozenSet(["ish", "ite", "ist", "ism", "ian", "ese", "ess", "ed", "er", "ly"], StringComparer.Ordinal);

    /// <summary>
    /// "Kim Jong-un", "Moon Jae-in", "Ri Sol-ju": the lower-case part after the hyphen of a person's last word is the second
    /// syllable of a given name, not a word that describes ("New York-based", "Trump-era"), when it is two or three
    /// letters and no English word or ending (english-words.tsv lists words of three letters or more).
    /// </summary>
    private static bool IsGivenNameSyllable(string text, int cut, int end)
    {
        var tail = text.AsSpan(cut + 1, end - cut - 1);
        if (tail.Length is < 2 or > 3)
            return false;
        foreach (char c in tail)
        {
            if (c is < 'a' or > 'z')
                return false;
        }
        var word = tail.ToString();
        return !EntityLexicons.EnglishWords.Contains(word) && !EnglishEndings.Contains(word);
    }

    /// <summary>"New York-based": the end of the name when the last word ends in a hyphen and a lower-case word.</summary>
    private static int? TrimmedTail(string text, Token last)
    {
        if (Parts(text, last) is not { Count: > 1 } parts || !char.IsLower(text[parts[^1].Start]) || char.IsLower(text[parts[0].Start]))
            return null;
        return parts[^2].End;
    }

    /// <summary>What the tagger would call the name: a place for a country or capital, the article's own type for a name it gives elsewhere.</summary>
    private static string? TypeOf(string name, KnownNames known, CountryTable countries)
    {
        if (name.Length == 0 || !char.IsUpper(name[0]))
            return null;
        if (countries.CountryOf(name) is not null && (name.Count(char.IsLetter) > 3 || !name.Any(char.IsLower)))
            return EntityTypes.Location;
        if (countries.CapitalOf(name) is not null)
            return EntityTypes.Location;
        return known.TypeOf(NameKeys.Exact(name));
    }

    /// <summary>
    /// The names the article gives on their own, with the type the tagger gave them, by exact key: made on
    /// first use only, since only a hyphenated compound asks (two strings a mention were made for every article).
    /// </summary>
    private sealed class KnownNames(string text, List<EntityMention> mentions)
    {
        private Dictionary<string, string>? _types;

        public string? TypeOf(string key)
        {
            if (_types is null)
            {
                _types = new Dictionary<string, string>(StringComparer.Ordinal);
                foreach (var m in mentions)
                {
                    if (text.AsSpan(m.Start, m.End - m.Start).IndexOf('-') < 0 && m.Type != EntityTypes.Miscellaneous)
                        _types.TryAdd(NameKeys.Exact(m.Text(text)), m.Type);
                }
            }
            return _types.GetValueOrDefault(key);
        }
    }
}

using Sitrep.Documents;
using Sitrep.Entities.Actors;
using Sitrep.Text;

namespace Sitrep.Entities.Resolution;

/// <summary>
/// What kind of actor an entity is and whose: its sector (government, military, militia, media, …)
/// and its country (ISO 3166 alpha-3). First from the article's own words ("the Iran-backed Iraqi
/// armed group X": a militia, Iraqi; "X, an Iraqi militia,"; "Iran's X"), then from the roles a person
/// is given ("US Secretary of State": government, USA), then from the actor dictionaries (the IRGC:
/// military, Iran); a place is its country's, a capital its state's.
/// </summary>
internal static partial class Affiliations
{
    public static (string? Sector, string? Country) Of(string text, IReadOnlyList<Mention> mentions, IReadOnlyList<int> members, string type, string? code,
        IReadOnlyList<string> roles, IReadOnlyList<string> aliases, CountryTable countries, ActorTable actors)
    {
        if (code is not null)
            return (null, code);
        // A name of something else (an event, a language, a creed) belongs to no sector or country.
        if (type is not ("PERSON" or "ORG" or "MEDIA" or "GPE" or "LOC" or "FACILITY"))
            return (null, null);
        string? sector = type == "MEDIA" ? "media" : null, country = null;
        bool place = type is "GPE" or "LOC" or "FACILITY";
        // A person's roles say most ("US Secretary of State"); the words right before the name only when they
        // are a description of the person ("the Iraqi militia leader X"). A role has at most one word for each character.
        Span<WordAt> roleWords = stackalloc WordAt[64];
        // Indexed loops: an enumerator through the interface was allocated for each.
        for (int r = 0; r < roles.Count; r++)
        {
            var role = roles[r];
            var words = role.Length <= roleWords.Length ? roleWords : new WordAt[role.Length];
            var (s, c) = InPhrase(role, words[..Words(role, 0, role.Length, words)], countries, actors);
            sector ??= s;
            country ??= c;
        }
        if (!place)
        {
            for (int m = 0; m < members.Count; m++)
            {
                var (s, c) = InContext(text, mentions[members[m]], type, countries, actors);
                sector ??= s;
                country ??= c;
                if (sector is not null && country is not null)
                    break;
            }
            // A name that opens with a nationality: "Iraqi Popular Mobilization Forces", "Iraqi parliament"
            // (split only while it can still say something).
            if (type != "PERSON")
            {
                for (int a = 0; a < aliases.Count; a++)
                {
                    var alias = aliases[a];
                    if (country is not null)
                        break;
                    // Its first word, where a second follows (read in place: the name was split into strings).
                    var words = alias.AsSpan().TrimStart(' ');
                    int space = words.IndexOf(' ');
                    if (space > 0 && !words[space..].TrimStart(' ').IsEmpty)
                        country = IsUsState(words[..space], followed: true) ? "USA" : countries.CountryOfDemonym(words[..space]) ?? StrictCountry(words[..space], countries);
                }
            }
        }
        var ordered = LongestFirst(aliases);
        for (int a = 0; a < ordered.Count; a++)
        {
            var alias = ordered[a];
            // A surname alone is too common a key to say whose a person is.
            if (type == "PERSON" && alias.IndexOf(' ', StringComparison.Ordinal) < 0)
                continue;
            if (actors.Of(alias.AsSpan()) is { } info && Compatible(info.Type, type))
            {
                sector ??= info.Sector;
                country ??= info.Country;
            }
            if (place)
            {
                country ??= countries.CapitalOf(alias);
                // A U.S. state is the United States': AP's abbreviation ("N.C.", "Ga.") or a name no country has ("Wisconsin"; "Georgia" is decided by its article).
                if (DocumentCoreference.IsStateAbbreviation(alias) || (EntityLexicons.UsStates.Contains(alias) && countries.CountryOf(alias) is null))
                    country ??= "USA";
            }
        }
        return (sector, country);
    }

    /// <summary>The aliases, longer ones first, alike in length in their order (a stable sort; most entities have one).</summary>
    private static IReadOnlyList<string> LongestFirst(IReadOnlyList<string> aliases)
    {
        if (aliases.Count < 2)
            return aliases;
        var sorted = new string[aliases.Count];
        for (int i = 0; i < sorted.Length; i++)
        {
            var alias = aliases[i];
            int at = i;
            while (at > 0 && sorted[at - 1].Length < alias.Length)
            {
                sorted[at] = sorted[at - 1];
                at--;
            }
            sorted[at] = alias;
        }
        return sorted;
    }

    private static bool Compatible(string actorType, string type) => (actorType, type) switch
    {
        ("PERSON", "PERSON") => true,
        ("ORG" or "MEDIA", "ORG" or "MEDIA" or "MISC") => true,
        ("GPE", "GPE" or "LOC" or "FACILITY") => true,
        _ => false,
    };

    /// <summary>A country name as a word, where a short one is written in capitals ("US", not "us").</summary>
    private static string? StrictCountry(ReadOnlySpan<char> word, CountryTable countries)
    {
        var bare = word.EndsWith("'s", StringComparison.Ordinal) || word.EndsWith("’s", StringComparison.Ordinal) ? word[..^2] : word;
        if (countries.CountryOf(bare) is not { } code)
            return null;
        int letters = NameKeys.Letters(bare);
        if (letters > 3)
            return code;
        foreach (char c in bare)
        {
            if (char.IsLetter(c) && !char.IsUpper(c))
                return null;
        }
        // Two capitals are the country only as its initials ("US", "U.K."), not as its ISO code: "IN" of a role in
        // capitals ("TRIBUTES POUR IN FOR ...") is the word in, not India, and "ME" is not Montenegro.
        return letters > 2 || IsInitials(bare, countries.CommonName(code)) ? code : null;
    }

    /// <summary>Whether the letters of the word are the initials of the words of the name ("U.S." of "United States").</summary>
    private static bool IsInitials(ReadOnlySpan<char> word, string name)
    {
        var initials = string.Concat(NameKeys.Words(name).Select(w => w[0]));
        var letters = string.Concat(NameKeys.Words(word.ToString()));
        return letters == initials;
    }

    /// <summary>
    /// Whether the word is a U.S. state: AP's abbreviation with its full stop ("N.C.", "Mass.": abbreviations.tsv, tag
    /// state), or a state's name (us-states.tsv) <paramref name="followed"/> by another word of its phrase ("Georgia Sen.",
    /// "Georgia Assembly"; "Georgia" alone may be the country).
    /// </summary>
    private static bool IsUsState(ReadOnlySpan<char> word, bool followed) =>
        (word.Length > 1 && word[^1] == '.' && Abbreviations.State.Contains(word[..^1]))
        || (followed && EntityLexicons.UsStates.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word));

    /// <summary>The noun phrase right before the mention ("the Iran-backed Iraqi armed group") and an apposition after it (", an Iraqi militia,").</summary>
    private static (string? Sector, string? Country) InContext(string text, Mention mention, string type, CountryTable countries, ActorTable actors)
    {
        int from = Math.Max(0, mention.Start - 80);
        // Only the last six words before the name can be read (the phrase is at most that long), and the first
        // eleven after it; read in place (strings of them were made around every mention of most entities).
        Span<WordAt> last = stackalloc WordAt[6];
        // From the last white space at least NearWords characters before the name: six words are nearly always found
        // there, and the full 80 characters are read only when they are not (the scan was a tenth of the stage).
        int near = WordScan.StartNear(text, from, mention.Start - NearWords);
        int found = LastWords(text, near, mention.Start, last);
        if (found < last.Length && near > from)
            found = LastWords(text, from, mention.Start, last);
        ReadOnlySpan<WordAt> before = last[..found];
        // The phrase ends at the name and starts after the last determiner or punctuation.
        int start = before.Length;
        while (start > 0 && start > before.Length - 6 && !IsBoundary(before[start - 1].Of(text)))
            start--;
        var phrase = before[start..];
        string? sector = null, country = null;
        // For a person, only a description that ends in a noun for a kind of actor right before the name.
        if (type == "PERSON" && (phrase.Length == 0 || SectorOfWords(text, phrase, phrase.Length - 1, 1, actors, singularOnly: true) is null))
            return (null, null);
        if (phrase.Length > 0)
        {
            (sector, country) = InPhrase(text, phrase, countries, actors);
            var final = phrase[^1].Of(text);
            // "Iran's Qods Force": a country's possessive right before an organisation's name.
            if (type != "PERSON" && final is "'s" or "’s" && phrase.Length >= 2)
                country ??= StrictCountry(phrase[^2].Of(text), countries);
            else if (type != "PERSON" && final.EndsWith("'s", StringComparison.Ordinal) || final.EndsWith("’s", StringComparison.Ordinal))
                country ??= StrictCountry(final, countries);
        }
        int end = Math.Min(text.Length, mention.End + 100);
        // The apposition opens with a comma: without one, the words after are not read.
        if (!WordScan.OpensWithComma(text, mention.End, end))
            return (sector, country);
        Span<WordAt> next = stackalloc WordAt[11];
        ReadOnlySpan<WordAt> after = next[..Words(text, mention.End, end, next)];
        if (after.Length >= 3 && after[0].Of(text) is "," && IsArticle(after[1].Of(text)))
        {
            int stop = 2;
            while (stop < after.Length && stop < 10 && !IsPunctuation(after[stop].Of(text)) && after[stop].Of(text) is not ("who" or "which" or "that"))
                stop++;
            if (stop < after.Length && IsPunctuation(after[stop].Of(text)))
            {
                var (s, c) = InPhrase(text, after[2..stop], countries, actors);
                sector ??= s;
                // A description names a kind of actor (", an Iraqi militia,", ", a separatist group active in Pakistan,");
                // one without such a noun that ends in a nationality or a country is the next item of a list
                // (", the French, Iran"), which says nothing of the name before it.
                var closing = after[stop - 1].Of(text);
                if (s is not null || (countries.CountryOfDemonym(closing) is null && StrictCountry(closing, countries) is null))
                    country ??= c;
            }
        }
        return (sector, country);
    }

    /// <summary>How far before a name <see cref="InContext"/> first reads its last six words, in characters.</summary>
    private const int NearWords = 40;

    /// <summary>The sector of the last noun for a kind of actor in the words ("armed group", "militias", "secretary of state") and the country of a nationality among them.</summary>
    private static (string? Sector, string? Country) InPhrase(string source, ReadOnlySpan<WordAt> words, CountryTable countries, ActorTable actors)
    {
        string? sector = null, country = null;
        for (int end = words.Length; end > 0 && sector is null; end--)
        {
            for (int length = Math.Min(4, end); length >= 1 && sector is null; length--)
                sector = SectorOfWords(source, words, end - length, length, actors, singularOnly: false);
        }
        for (int k = 0; k < words.Length && country is null; k++)
        {
            var w = words[k].Of(source);
            if (w.Length == 0 || !char.IsUpper(w[0]) || w.Contains('-'))
                continue;
            // A country's name that ends a longer place name is not that country: "New Jersey" is a US state, not
            // Jersey, and "New Mexico" not Mexico. The actor dictionaries' entry for the whole name says whose it is.
            if (k > 0 && words[k - 1].Of(source) is { Length: > 0 } previous && char.IsUpper(previous[0])
                && actors.Of(string.Concat(previous, " ", w)) is { Type: "GPE" } place)
            {
                country = place.Country;
                continue;
            }
            // A U.S. state is the United States, never a country of its name or code: "N.C." (AP's abbreviation,
            // abbreviations.tsv, tag state) is not New Caledonia's NC, and "Georgia Sen. X" (a state's name,
            // us-states.tsv, before another word of the phrase) not the country Georgia.
            if (IsUsState(w, followed: k + 1 < words.Length))
            {
                country = "USA";
                continue;
            }
            country = countries.CountryOfDemonym(w) ?? StrictCountry(w, countries);
        }
        return (sector, country);
    }

    /// <summary>
    /// The sector of the words <paramref name="words"/>[<paramref name="start"/>..+<paramref name="count"/>] joined by
    /// spaces and lower-cased (invariant), as a noun for a kind of actor or as that noun's singular
    /// (<paramref name="singularOnly"/>: only the singular). Made on the stack where the phrase fits (it always
    /// does in articles; a longer one gets arrays): this is asked up to four times per word before most mentions of
    /// organisations and people, and strings of every such phrase were made.
    /// </summary>
    private static string? SectorOfWords(string source, ReadOnlySpan<WordAt> words, int start, int count, ActorTable actors, bool singularOnly)
    {
        int length = count - 1;
        for (int k = start; k < start + count; k++)
            length += words[k].Length;
        // Invariant lower case keeps the length, and the singular adds at most nothing ("-ies" becomes "-y").
        Span<char> joined = length <= MaxNoun ? stackalloc char[MaxNoun] : new char[length];
        Span<char> lower = length <= MaxNoun ? stackalloc char[MaxNoun] : new char[length];
        Span<char> single = length <= MaxNoun ? stackalloc char[MaxNoun] : new char[length];
        int at = 0;
        for (int k = start; k < start + count; k++)
        {
            if (k > start)
                joined[at++] = ' ';
            words[k].Of(source).CopyTo(joined[at..]);
            at += words[k].Length;
        }
        // Lower-cased once: the table's look-up lower-cases again, which changes nothing (invariant lower case is its own lower case).
        int written = joined[..at].ToLowerInvariant(lower);
        var lowered = lower[..written];
        if (!singularOnly && actors.SectorOfLowerNoun(lowered) is { } sector)
            return sector;
        return actors.SectorOfLowerNoun(Singular(lowered, single));
    }

    /// <summary>The longest phrase <see cref="SectorOfWords"/> makes on the stack.</summary>
    private const int MaxNoun = 128;

    /// <summary>A noun's singular by its ending ("militias" → "militia", "parties" → "party", "forces" → "force"), written
    /// to <paramref name="buffer"/> where it changes a letter.</summary>
    private static ReadOnlySpan<char> Singular(ReadOnlySpan<char> noun, Span<char> buffer)
    {
        if (noun.EndsWith("ies", StringComparison.Ordinal))
        {
            noun[..^3].CopyTo(buffer);
            buffer[noun.Length - 3] = 'y';
            return buffer[..(noun.Length - 2)];
        }
        if (noun.EndsWith("es", StringComparison.Ordinal) && noun.Length > 4 && noun[^3] is 's' or 'x' or 'h')
            return noun[..^2];
        return noun.EndsWith('s') && noun.Length > 3 ? noun[..^1] : noun;
    }

    private static bool IsBoundary(ReadOnlySpan<char> word) =>
        IsPunctuation(word) || LowerIs(word, "the", "a", "an", "its", "their", "his", "her", "by", "of", "and", "or", "nor", "than", "to", "from", "with", "for", "in", "on");

    private static bool IsArticle(ReadOnlySpan<char> word) => LowerIs(word, "a", "an", "the");

    /// <summary>Whether the word lower-cased (invariant) is one of <paramref name="options"/> (each at most 8 letters), without making its lower-cased string.</summary>
    private static bool LowerIs(ReadOnlySpan<char> word, params ReadOnlySpan<string> options)
    {
        // Invariant lower case keeps the length (one character for one), so a longer word is none of them.
        if (word.Length > 8)
            return false;
        Span<char> lower = stackalloc char[8];
        int written = word.ToLowerInvariant(lower);
        var w = lower[..written];
        foreach (var option in options)
        {
            if (w.SequenceEqual(option))
                return true;
        }
        return false;
    }

    private static bool IsPunctuation(ReadOnlySpan<char> word) => word.Length == 1 && !char.IsLetterOrDigit(word[0]) && word[0] is not ('-' or '\'' or '’');

    /// <summary>
    /// The words of <paramref name="text"/> from <paramref name="from"/> to <paramref name="end"/>, read as if that were
    /// the whole text, as many as <paramref name="words"/> holds; returns how many.
    /// </summary>
    private static int Words(string text, int from, int end, Span<WordAt> words)
    {
        int count = 0;
        // The words of [\p{L}\p{N}][\p{L}\p{N}'’.-]*|[^\s\p{L}\p{N}], scanned by hand (WordScan): this runs for every mention of most entities.
        for (int index = from; count < words.Length && WordScan.Next(text, ref index, end, ampersand: false, out int length); index += length)
            words[count++] = new WordAt(index, length);
        return count;
    }

    /// <summary>The last of the words <see cref="Words"/> reads from <paramref name="from"/> to <paramref name="end"/>, as many as <paramref name="words"/> holds, in order; returns how many.</summary>
    private static int LastWords(string text, int from, int end, Span<WordAt> words)
    {
        int keep = words.Length;
        int count = 0;
        for (int index = from; WordScan.Next(text, ref index, end, ampersand: false, out int length); index += length)
            words[count++ % keep] = new WordAt(index, length);
        if (count <= keep)
            return count;
        // The ring holds the last ones from count % keep on: turned so the oldest comes first.
        words[..(count % keep)].Reverse();
        words[(count % keep)..].Reverse();
        words.Reverse();
        return keep;
    }

    /// <summary>A word of a text: where it starts and how long it is.</summary>
    private readonly record struct WordAt(int Start, int Length)
    {
        public ReadOnlySpan<char> Of(string source) => source.AsSpan(Start, Length);
    }
}

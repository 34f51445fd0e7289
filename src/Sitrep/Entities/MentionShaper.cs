using System.Text.RegularExpressions;
using Sitrep.Text;

namespace Sitrep.Entities;

/// <summary>
/// Fixes the bounds of names the tagger finds: a title run into a name ("Defense Secretary Mark
/// Esper", "Force Commander Ana Ruiz") is split so the person is the mention and the organisation
/// before the title its own; a publisher or facility name takes the noun that says what it is
/// ("… news agency", "… air base"); an Arabic particle keeps its name ("Adnan al-Zurufi").
/// </summary>
internal static partial class MentionShaper
{
    /// <summary>A title word as written before a name, capitalised ("Defense", "Gen."): resources/lexicons/titles.tsv.</summary>
    private static bool IsRole(ReadOnlySpan<char> word) => word.Length > 0 && char.IsUpper(word[0]) && EntityLexicons.IsTitleWord(word);

    /// <summary>A title word that is never part of an organisation's name ("President", "Gen.").</summary>
    private static bool IsStrongRole(ReadOnlySpan<char> word) => word.Length > 0 && char.IsUpper(word[0]) && EntityLexicons.IsStrongTitleWord(word);

    /// <summary>The length of a publisher noun right after a name, white space included ("… news agency"), or 0.</summary>
    private static int PublisherNounAfter(string text, int end) => Followed(text, end, EntityLexicons.PublisherAfter);

    /// <summary>The length of a facility noun right after a name ("… air base"), or 0.</summary>
    private static int FacilityNounAfter(string text, int end) => Followed(text, end, EntityLexicons.FacilityAfter);

    private static int Followed(string text, int end, Lexicons.PhraseSet phrases)
    {
        if (end >= text.Length || !char.IsWhiteSpace(text[end]))
            return 0;
        return phrases.MatchAfter(text.AsSpan(0, Math.Min(text.Length, end + 40)), end);
    }

    [GeneratedRegex(@"^\s+(al|el|ash|ad|as|an|ar|at|bin|ibn|abu)-\p{Lu}[\p{L}'’-]*", RegexOptions.None, RegexTimeouts.Milliseconds)]
    private static partial Regex ArabicParticleName();

    /// <summary>Splits and extends the tagger's mentions; returns them in order, with their tagger types.</summary>
    public static List<EntityMention> Shape(string text, Token[] tokens, List<EntityMention> mentions) => Shape(text, tokens, mentions, null);

    /// <param name="actors">Knows first names: "Kamal al-X" is a person even where the tagger took "Kamal" for a place.</param>
    public static List<EntityMention> Shape(string text, Token[] tokens, List<EntityMention> mentions, Actors.ActorTable? actors)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(tokens);
        ArgumentNullException.ThrowIfNull(mentions);
        var shaped = new List<EntityMention>(mentions.Count);
        foreach (var m0 in mentions)
        {
            var m = TrimTitleAfterOrganisation(text, tokens, m0);
            // A mention an earlier one grew over ("ash-Sha'bi" after "al-Hashd" took it in) is part of that one.
            if (shaped.Count > 0 && m.Start < shaped[^1].End)
                continue;
            // Null, not an empty list, for the mentions with no title in them (nearly all: a list was made for each).
            var split = SplitPersonTitle(text, tokens, m, actors) ?? SplitRole(text, tokens, m);
            if (split is null)
                shaped.Add(Extend(text, m, actors));
            else
                shaped.AddRange(split);
        }
        return shaped;
    }

    /// <summary>
    /// "The Pentagon said …": at a sentence's start the article is capitalised, and the tagger or a later
    /// rule takes it into the name. An organisation's or person's name does not include it, unless the
    /// name is an outlet that writes it so (resources/lexicons/outlets.tsv: "The Atlantic"); places keep
    /// it ("The Hague").
    /// </summary>
    internal static List<EntityMention> WithoutLeadingThe(string text, Token[] tokens, List<EntityMention> mentions)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(tokens);
        ArgumentNullException.ThrowIfNull(mentions);
        for (int i = 0; i < mentions.Count; i++)
        {
            var m = mentions[i];
            if (m.TokenCount < 2 || m.Type == EntityTypes.Location || !tokens[m.FirstToken].Span(text).SequenceEqual("The"))
                continue;
            if (EntityLexicons.Outlets.Contains(text.AsSpan(m.Start, m.End - m.Start)))
                continue;
            int first = m.FirstToken + 1;
            mentions[i] = m with { Start = tokens[first].Start, FirstToken = first, TokenCount = m.TokenCount - 1 };
        }
        return mentions;
    }

    /// <summary>
    /// "Justice John Roberts", "Cardinal Donald W. Wuerl", "Supreme Court Justice Brett Kavanaugh": a title of religious,
    /// judicial or royal office (person-titles.tsv) heading a person's name is cut off, as the strong titles are. Such a
    /// title also opens names of other things ("Justice Department", "King Street", "Prince George's County"), so it is cut
    /// only where what follows it is a person's: the tagger read the whole as a person, or a given name (the name files',
    /// the actor dictionaries') opens the capitalised words after it (two to four after a royal title) and no head noun of an organisation, place or
    /// facility ends them. Before the title
    /// only other titles, a word of the title right before it ("Associate", "Crown"), or an organisation ending in its head
    /// noun ("Supreme Court"), which is kept.
    /// </summary>
    /// <param name="actors">Knows more given names ("Francis") than the name files do.</param>
    private static List<EntityMention>? SplitPersonTitle(string text, Token[] tokens, EntityMention m, Actors.ActorTable? actors)
    {
        int first = m.FirstToken, end = m.FirstToken + m.TokenCount;
        int title = -1;
        for (int t = first; t < end - 1; t++)
        {
            var word = tokens[t].Span(text);
            if (char.IsUpper(word[0]) && EntityLexicons.IsPersonTitleWord(word))
            {
                title = t;
                break;
            }
        }
        if (title < 0)
            return null;
        if (!IsNameAfterTitle(text, tokens, title, end))
            return null;
        int nameTokens = end - title - 1;
        // "Pope Francis" read as an organisation: one given name after a title is a person's too, except after a royal
        // title, which also opens places named for a person ("Prince George").
        bool person = m.Type == EntityTypes.Person
            || ((nameTokens >= 2 || !EntityLexicons.RoyalTitles.Contains(tokens[title].Span(text).TrimEnd('.').ToString()))
                && IsGivenName(tokens[title + 1].Span(text).ToString().ToLowerInvariant(), actors)
                && !IsHeadNoun(tokens[end - 1].Span(text)));
        if (!person)
            return null;
        bool titlesBefore = true;
        // "Associate Justice …", "Crown Prince …": a word that belongs to the title right before it (person-titles.tsv, tag
        // before) is part of the title, as another title is.
        for (int t = first; t < title && titlesBefore; t++)
            titlesBefore = IsRole(tokens[t].Span(text)) || (t == title - 1 && char.IsUpper(text[tokens[t].Start]) && EntityLexicons.IsPersonTitleModifier(tokens[t].Span(text)));
        var result = new List<EntityMention>(2);
        if (!titlesBefore)
        {
            // "Supreme Court | Justice …": an organisation of two words or more ending in its head noun; anything else before
            // the title ("Acting Justice …") leaves the tagger's name as it was.
            if (title - first < 2 || !EntityLexicons.OrganisationHeads.Contains(tokens[title - 1].Span(text)))
                return null;
            result.Add(new EntityMention(tokens[first].Start, tokens[title - 1].End, EntityTypes.Organization, first, title - first));
        }
        result.Add(Extend(text, new EntityMention(tokens[title + 1].Start, tokens[end - 1].End, EntityTypes.Person, title + 1, nameTokens), null));
        return result;
    }

    /// <summary>Whether the tokens after the title up to <paramref name="end"/> have a name's shape: one to four, each capitalised.</summary>
    private static bool IsNameAfterTitle(string text, Token[] tokens, int title, int end)
    {
        if (end - title - 1 is < 1 or > 4)
            return false;
        for (int t = title + 1; t < end; t++)
        {
            if (!char.IsUpper(text[tokens[t].Start]))
                return false;
        }
        return true;
    }

    /// <summary>A given name of the name files or of the actor dictionaries' office holders.</summary>
    private static bool IsGivenName(string lower, Actors.ActorTable? actors) =>
        PersonGenders.GivenNames.ContainsKey(lower) || actors?.IsGivenName(lower) == true;

    /// <summary>A head noun of an organisation, a place of local government or a facility ("Hospital", "County", "Court").</summary>
    private static bool IsHeadNoun(ReadOnlySpan<char> word) =>
        EntityLexicons.OrganisationHeads.Contains(word) || EntityLexicons.PlaceHeads.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word)
        || EntityLexicons.FacilityHeads.EndsWith(word);

    private static List<EntityMention>? SplitRole(string text, Token[] tokens, EntityMention m)
    {
        int first = m.FirstToken, end = m.FirstToken + m.TokenCount;
        int lastRole = -1;
        bool strong = false;
        for (int t = first; t < end - 1; t++)
        {
            var word = tokens[t].Span(text);
            if (IsRole(word))
            {
                lastRole = t;
                strong |= IsStrongRole(word);
            }
        }
        if (lastRole < 0 || !strong)
            return null;
        if (!IsNameAfterTitle(text, tokens, lastRole, end))
            return null;
        int nameTokens = end - lastRole - 1;
        var result = new List<EntityMention>(2);
        // What stands before the title, if it is a name rather than more of the title, is an organisation ("Qods Force").
        int prefixEnd = first;
        while (prefixEnd < lastRole && !IsRole(tokens[prefixEnd].Span(text)))
            prefixEnd++;
        if (prefixEnd - first >= 2)
            result.Add(new EntityMention(tokens[first].Start, tokens[prefixEnd - 1].End, EntityTypes.Organization, first, prefixEnd - first));
        result.Add(Extend(text, new EntityMention(tokens[lastRole + 1].Start, tokens[end - 1].End, EntityTypes.Person, lastRole + 1, nameTokens), null));
        return result;
    }

    /// <summary>
    /// "Revolutionary Guards Political | Vice President X": the tagger ran the start of a title into the
    /// organisation before it. An organisation name followed by a title word ends at its last head noun.
    /// </summary>
    private static EntityMention TrimTitleAfterOrganisation(string text, Token[] tokens, EntityMention m)
    {
        if (m.Type != EntityTypes.Organization || m.TokenCount < 3)
            return m;
        int next = m.FirstToken + m.TokenCount;
        if (next >= tokens.Length || !IsRole(tokens[next].Span(text)))
            return m;
        for (int t = next - 1; t > m.FirstToken; t--)
        {
            if (EntityLexicons.OrganisationHeads.Contains(tokens[t].Span(text)))
                return t == next - 1 ? m : m with { End = tokens[t].End, TokenCount = t - m.FirstToken + 1 };
        }
        return m;
    }

    private static bool EndsWithArticleWord(string text, EntityMention m)
    {
        int space = text.LastIndexOf(' ', m.End - 1, m.End - m.Start);
        var last = text.AsSpan(space < 0 ? m.Start : space + 1, m.End - (space < 0 ? m.Start : space + 1));
        return ArabicParticleName().IsMatch(" " + last.ToString());
    }

    private static EntityMention Extend(string text, EntityMention m, Actors.ActorTable? actors)
    {
        // The 30 characters after the name, read in place: a string of them was made for every mention.
        var after = text.AsSpan(m.End, Math.Min(30, text.Length - m.End));
        if (PublisherNounAfter(text, m.End) is > 0 and var p)
            return m with { End = m.End + p };
        if (m.Type != EntityTypes.Person && FacilityNounAfter(text, m.End) is > 0 and var f)
            return m with { End = m.End + f };
        if (m.Type is EntityTypes.Person or EntityTypes.Miscellaneous && ParticleNameLength(after) is > 0 and var a)
            return m with { End = m.End + a, Type = EntityTypes.Person };
        // "Kamal al-Hasnawi": a first name (of office holders in the actor dictionaries) before an
        // article-joined family name is a person, whatever the tagger took the first name for.
        if (m.Type is EntityTypes.Location or EntityTypes.Organization && m.TokenCount == 1 && actors is not null
            && actors.IsGivenName(text[m.Start..m.End]) && ParticleNameLength(after) is > 0 and var g)
            return m with { End = m.End + g, Type = EntityTypes.Person };
        // An Arabic organisation or place name goes on with its next article-joined word: "al-Hashd
        // ash-Sha'bi" (whose first word alone the tagger may take for a place), "al-Hasakah al-Jadida".
        if (m.Type is EntityTypes.Organization or EntityTypes.Location && ParticleNameLength(after) is > 0 and var o && EndsWithArticleWord(text, m))
            return m with { End = m.End + o };
        return m;
    }

    /// <summary>
    /// The length of <see cref="ArabicParticleName"/>'s match at the start of <paramref name="after"/>, or 0
    /// (a match is never empty). The expression opens with white space, so most names, followed by a
    /// space and a lower-case word or by punctuation, are settled before it runs.
    /// </summary>
    private static int ParticleNameLength(ReadOnlySpan<char> after)
    {
        if (after.Length < 5 || !char.IsWhiteSpace(after[0]))
            return 0;
        foreach (var match in ArabicParticleName().EnumerateMatches(after))
            return match.Length;
        return 0;
    }
}

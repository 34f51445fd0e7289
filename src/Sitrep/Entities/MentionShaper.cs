using System.Collections.Frozen;
using System.Text.RegularExpressions;
using Sitrep.Text;

namespace Sitrep.Entities;

/// <summary>
/// Fixes the bounds of names the tagger finds: a title run into a name ("Defense Secretary Mark
/// Esper", "Force Commander Ana Ruiz") is split so the person is the mention and the organisation
/// before the title its own; a publisher or facility name takes the noun that says what it is
/// ("… news agency", "… air base"); an Arabic particle keeps its name ("Adnan al-Zurufi").
/// </summary>
public static partial class MentionShaper
{
    /// <summary>Titles and roles as news English writes them before a name.</summary>
    private static readonly FrozenSet<string> Roles = FrozenSet.ToFrozenSet(
        ["President", "Vice", "Prime", "Minister", "Secretary", "Commander", "Chief", "Leader", "General", "Gen.", "Major-General", "Brigadier", "Colonel",
         "Col.", "Lt.", "Captain", "Admiral", "Spokesman", "Spokeswoman", "Spokesperson", "Adviser", "Advisor", "Director", "Governor", "Senator", "Sen.",
         "Representative", "Rep.", "Ambassador", "Envoy", "Chairman", "Chairwoman", "Speaker", "Mayor", "King", "Queen", "Prince", "Sheikh", "Ayatollah",
         "Cleric", "Judge", "Justice", "Attorney", "Officer", "Deputy", "Head", "Mr.", "Mrs.", "Ms.", "Dr.", "Sgt.", "Lieutenant", "Marshal", "Emir",
         "Chief-Commander", "Commander-in-Chief", "Pope", "Patriarch", "Imam", "Mufti", "Premier", "Chancellor", "Foreign", "Defense", "Defence", "Interior",
         "State", "Supreme", "Senior", "Former", "Acting", "Caretaker", "Staff", "Major", "Security", "National"],
        StringComparer.Ordinal);

    /// <summary>Words of a role that can only be roles (the others above also occur inside organisation names).</summary>
    private static readonly FrozenSet<string> StrongRoles = FrozenSet.ToFrozenSet(
        ["President", "Minister", "Secretary", "Commander", "Chief", "Leader", "General", "Gen.", "Major-General", "Brigadier", "Colonel", "Col.", "Captain",
         "Admiral", "Spokesman", "Spokeswoman", "Spokesperson", "Adviser", "Advisor", "Governor", "Senator", "Sen.", "Ambassador", "Envoy", "Chairman",
         "Chairwoman", "Speaker", "Mayor", "Sheikh", "Ayatollah", "Judge", "Mr.", "Mrs.", "Ms.", "Dr.", "Lieutenant", "Chief-Commander", "Premier", "Chancellor"],
        StringComparer.Ordinal);

    [GeneratedRegex(@"^\s+(news\s+agency|website|newspaper|daily)\b", RegexOptions.IgnoreCase)]
    private static partial Regex PublisherNoun();

    [GeneratedRegex(@"^\s+((military|air|naval|army)\s+)?(base|airbase|airport|airfield)\b", RegexOptions.IgnoreCase)]
    private static partial Regex FacilityNoun();

    [GeneratedRegex(@"^\s+(al|el|ash|ad|as|an|ar|at|bin|ibn|abu)-\p{Lu}[\p{L}'’-]*")]
    private static partial Regex ArabicParticleName();

    /// <summary>Splits and extends the tagger's mentions; returns them in order, with their tagger types.</summary>
    public static List<EntityMention> Shape(string text, Token[] tokens, List<EntityMention> mentions)
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
            var split = SplitRole(text, tokens, m);
            if (split.Count == 0)
                shaped.Add(Extend(text, m));
            else
                shaped.AddRange(split);
        }
        return shaped;
    }

    private static List<EntityMention> SplitRole(string text, Token[] tokens, EntityMention m)
    {
        int first = m.FirstToken, end = m.FirstToken + m.TokenCount;
        int lastRole = -1;
        bool strong = false;
        for (int t = first; t < end - 1; t++)
        {
            var word = tokens[t].Text(text);
            if (Roles.Contains(word))
            {
                lastRole = t;
                strong |= StrongRoles.Contains(word);
            }
        }
        if (lastRole < 0 || !strong)
            return [];
        int nameTokens = end - lastRole - 1;
        if (nameTokens is < 1 or > 4)
            return [];
        for (int t = lastRole + 1; t < end; t++)
        {
            if (!char.IsUpper(text[tokens[t].Start]))
                return [];
        }
        var result = new List<EntityMention>(2);
        // What stands before the title, if it is a name rather than more of the title, is an organisation ("Qods Force").
        int prefixEnd = first;
        while (prefixEnd < lastRole && !Roles.Contains(tokens[prefixEnd].Text(text)))
            prefixEnd++;
        if (prefixEnd - first >= 2)
            result.Add(new EntityMention(tokens[first].Start, tokens[prefixEnd - 1].End, EntityTypes.Organization, first, prefixEnd - first));
        result.Add(Extend(text, new EntityMention(tokens[lastRole + 1].Start, tokens[end - 1].End, EntityTypes.Person, lastRole + 1, nameTokens)));
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
        if (next >= tokens.Length || !Roles.Contains(tokens[next].Text(text)))
            return m;
        for (int t = next - 1; t > m.FirstToken; t--)
        {
            if (Resolution.OrganisationHeads.Words.Contains(tokens[t].Text(text).ToLowerInvariant()))
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

    private static EntityMention Extend(string text, EntityMention m)
    {
        var after = text.AsSpan(m.End, Math.Min(30, text.Length - m.End)).ToString();
        if (PublisherNoun().Match(after) is { Success: true } p)
            return m with { End = m.End + p.Length };
        if (FacilityNoun().Match(after) is { Success: true } f && m.Type != EntityTypes.Person)
            return m with { End = m.End + f.Length };
        if (m.Type is EntityTypes.Person or EntityTypes.Miscellaneous && ArabicParticleName().Match(after) is { Success: true } a)
            return m with { End = m.End + a.Length, Type = EntityTypes.Person };
        // An Arabic organisation or place name goes on with its next article-joined word: "al-Hashd
        // ash-Sha'bi" (whose first word alone the tagger may take for a place), "al-Hasakah al-Jadida".
        if (m.Type is EntityTypes.Organization or EntityTypes.Location && ArabicParticleName().Match(after) is { Success: true } o && EndsWithArticleWord(text, m))
            return m with { End = m.End + o.Length };
        return m;
    }
}

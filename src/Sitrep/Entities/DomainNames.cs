using System.Collections.Frozen;
using Sitrep.Text;

namespace Sitrep.Entities;

/// <summary>
/// "Breitbart.com", "OpenSecrets.org", "HealthCare.gov": a name written as a web address is one name, the site or
/// the body behind it. The tokenizer splits "Breitbart.com" at its dot, and the tagger then finds "Breitbart" (or
/// nothing) and leaves ".com" outside; here the name is taken whole with its domain ending, and a capitalised word
/// the tagger left out right before a domain ending is a name too. The type is then the site's
/// (<see cref="TypeOf"/>): a listed outlet or a name the rules read as one is MEDIA, a government site
/// (".gov") is a service, MISC, anything else is the organisation that runs the site, never a person or
/// place ("Amazon.com", "Flightaware.com").
/// </summary>
internal static class DomainNames
{
    /// <summary>
    /// The generic and country top-level domains news copy writes after names (IANA root zone database, the
    /// commonest in English news): a closed class, so written here rather than as an open word list.
    /// </summary>
    private static readonly FrozenSet<string> TopLevelDomains = FrozenSet.ToFrozenSet(
        ["com", "org", "net", "gov", "edu", "mil", "int", "info", "biz", "io", "co", "us", "uk", "ca", "au", "tv", "news", "ai", "ly", "me", "fm"],
        StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Domains = TopLevelDomains.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>
    /// The token after which a domain ending (".com", ".co.uk") written right after token <paramref name="t"/> ends,
    /// or -1: a full stop glued to both sides, a domain word, and no letter or digit glued after it (".commentary" is no ending).
    /// </summary>
    internal static int DomainEnd(string text, Token[] tokens, int t)
    {
        int last = -1;
        while (t + 2 < tokens.Length && tokens[t + 1].Start == tokens[t].End && text[tokens[t + 1].Start] == '.' && tokens[t + 1].Length == 1
            && tokens[t + 2].Start == tokens[t + 1].End && tokens[t + 2].Kind == TokenKind.Word && Domains.Contains(tokens[t + 2].Span(text)))
        {
            t += 2;
            last = t;
        }
        if (last < 0)
            return -1;
        int after = tokens[last].End;
        return after < text.Length && char.IsLetterOrDigit(text[after]) ? -1 : last;
    }

    public static List<EntityMention> Apply(string text, Token[] tokens, List<EntityMention> mentions)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(tokens);
        ArgumentNullException.ThrowIfNull(mentions);
        List<EntityMention>? result = null;
        // The tagger's names that stop before a domain ending take it in.
        for (int i = 0; i < mentions.Count; i++)
        {
            var m = mentions[i];
            int last = m.FirstToken + m.TokenCount - 1;
            if (last >= tokens.Length || tokens[last].End != m.End)
                continue;
            int end = DomainEnd(text, tokens, last);
            // A following name inside the ending is not swallowed ("Breitbart.News" is no ending anyway).
            if (end < 0 || (i + 1 < mentions.Count && mentions[i + 1].Start < tokens[end].End))
                continue;
            result ??= [.. mentions];
            result[i] = m with { End = tokens[end].End, TokenCount = end - m.FirstToken + 1, Type = SiteType(text, tokens, end) };
        }
        // A capitalised word no name holds, right before a domain ending, and not itself the end of a longer address
        // ("news.Yahoo.com", "@Foo.com"): the site's name.
        var list = result ?? mentions;
        List<EntityMention>? added = null;
        int next = 0;
        for (int t = 0; t < tokens.Length; t++)
        {
            while (next < list.Count && list[next].End <= tokens[t].Start)
                next++;
            if (next < list.Count && list[next].Start < tokens[t].End)
                continue;
            if (tokens[t].Kind != TokenKind.Word || tokens[t].Length < 2 || !char.IsUpper(text[tokens[t].Start]))
                continue;
            int start = tokens[t].Start;
            if (start > 0 && text[start - 1] is '.' or '/' or '@' or '-' or '_')
                continue;
            int end = DomainEnd(text, tokens, t);
            if (end < 0 || (next < list.Count && list[next].Start < tokens[end].End))
                continue;
            (added ??= []).Add(new EntityMention(start, tokens[end].End, SiteType(text, tokens, end), t, end - t + 1));
            t = end;
        }
        if (added is null)
            return list;
        var all = new List<EntityMention>(list.Count + added.Count);
        all.AddRange(list);
        all.AddRange(added);
        all.Sort((a, b) => a.Start.CompareTo(b.Start));
        return all;
    }

    /// <summary>A government site ("HealthCare.gov") is a service, MISC; anything else is an organisation's site here (outlets are told apart after typing, <see cref="TypeOf"/>).</summary>
    private static string SiteType(string text, Token[] tokens, int end) =>
        tokens[end].Span(text).Equals("gov", StringComparison.OrdinalIgnoreCase) ? EntityTypes.Miscellaneous : EntityTypes.Organization;

    /// <summary>The name ends in a domain ending (".com", ".co.uk").</summary>
    internal static bool IsDomainName(ReadOnlySpan<char> name)
    {
        int dot = name.LastIndexOf('.');
        return dot > 0 && dot + 1 < name.Length && Domains.Contains(name[(dot + 1)..]) && !name[..dot].Contains(' ');
    }

    /// <summary>
    /// The type of a name written as a web address, from what the typing rules made of it: an outlet stays one, and so
    /// does a listed outlet's name before its ending ("BuzzFeed.com") or a listed outlet's address ("Breitbart.com"); a government site (".gov") is MISC;
    /// anything else (a person, a place, the tagger's organisation) is the organisation that runs the site.
    /// </summary>
    internal static string TypeOf(ReadOnlySpan<char> name, string taggerType, string refined)
    {
        // "the HealthCare.gov website": a government service's site is a service (as a programme is), no outlet or
        // organisation, whatever its publisher noun says; the body that runs it goes by another name.
        if (taggerType == EntityTypes.Miscellaneous && name.EndsWith(".gov", StringComparison.OrdinalIgnoreCase))
            return EntityTypes.Miscellaneous;
        if (refined is "MEDIA" or "MISC")
            return refined;
        int dot = name.IndexOf('.');
        var stem = dot > 0 ? name[..dot] : name;
        return EntityLexicons.Outlets.Contains(stem) || EntityLexicons.Outlets.Contains(name)
            || EntityLexicons.OutletAddresses.GetAlternateLookup<ReadOnlySpan<char>>().Contains(name) ? "MEDIA" : EntityTypes.Organization;
    }
}

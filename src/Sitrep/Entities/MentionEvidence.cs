using System.Text.RegularExpressions;
using Sitrep.Entities.Actors;
using Sitrep.Entities.Resolution;
using Sitrep.Text;

namespace Sitrep.Entities;

/// <summary>
/// Rules on the tagger's mentions that read evidence in the article itself: a title alone is no name;
/// a capitalised name followed by a publisher noun is an outlet ("the Iranian Diplomacy website"); a
/// name cited in brackets with a date is where the words appeared ("(Daily Planet, 31 March)"); and a
/// name the article gives is found at every occurrence, not only where the tagger saw it.
/// </summary>
internal static partial class MentionEvidence
{
    /// <summary>"(Name, 31 March)", "(Name, March 31, 2020)": a source cited with the date it appeared (months are a closed class).</summary>
    [GeneratedRegex(@"\((?<name>[^(),\n]{2,60}?),\s*(\d{1,2}\s+(January|February|March|April|May|June|July|August|September|October|November|December)(\s+\d{4})?|(January|February|March|April|May|June|July|August|September|October|November|December)\s+\d{1,2}(,\s*\d{4})?)\s*\)",
        RegexOptions.NonBacktracking)]
    private static partial Regex DatedCitation();

    /// <summary>
    /// "…," the cleric said (Asharq Al-Awsat). / "… a trap." (Kayhan): a bracket holding only a name,
    /// right after a verb of reporting or the end of a sentence or quotation, cites where the words
    /// appeared. Article text: a timeout as everywhere.
    /// </summary>
    [GeneratedRegex(@"(?:\b(?:said|says|reported|reports|wrote|writes|added|adds)|[.!?""”])[ \t]*\((?<name>[A-Z][^(),\n]{1,60}?)\)", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex UndatedCitation();

    /// <summary>
    /// Drops mentions made only of titles and ranks ("Brig.", "Special Aide", "Supreme Leader"): a position
    /// is no name. A title of something named after it ("Secretary General of the United Nations") leaves
    /// that name as the mention.
    /// </summary>
    public static List<EntityMention> WithoutTitlesAlone(string text, Token[] tokens, List<EntityMention> mentions)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(tokens);
        ArgumentNullException.ThrowIfNull(mentions);
        var result = new List<EntityMention>(mentions.Count);
        foreach (var m in mentions)
        {
            if (IsTitleAlone(text, tokens, m))
                continue;
            result.Add(TitleOfNamed(text, tokens, m) ?? m);
        }
        return result;
    }

    /// <summary>The titles of titles.tsv that are honorifics before a person's name, never a role after an organisation's: a closed class.</summary>
    private static readonly System.Collections.Frozen.FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> PersonHonorifics =
        System.Collections.Frozen.FrozenSet.ToFrozenSet(["Sir", "Dame", "Mr", "Mrs", "Ms", "Dr", "Sheikh", "Ayatollah"], StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>
    /// "Homeland Security Secretary", "US President", "Supreme Court Justice", "Senate Minority Leader": a title run into
    /// the end of a name (the tagger's guess, or the actor dictionaries, which list such roles as actors) is no part of
    /// it. The title run is cut off where it holds a strong title word, or follows an organisation's head ("Court"); what
    /// is left stays where it is a name of its own (a country, a name the actor dictionaries or the article know, an
    /// acronym, a name ending in an organisation's head, or the words before a role the actor dictionaries list as the
    /// body it stands for: "homeland security secretary" → "Homeland Security"), else the mention is only a title
    /// ("Surgeon General") and goes.
    /// A name that ends in its own words after "of", "for" or "and" ("Department of Justice", "Council of Economic
    /// Advisers", "Law and Justice") and a listed outlet ("Daily Leader") keep their words.
    /// </summary>
    public static List<EntityMention> WithoutTrailingTitles(string text, Token[] tokens, List<EntityMention> mentions, CountryTable countries, ActorTable actors)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(tokens);
        ArgumentNullException.ThrowIfNull(mentions);
        ArgumentNullException.ThrowIfNull(countries);
        ArgumentNullException.ThrowIfNull(actors);
        List<EntityMention>? result = null;
        for (int i = 0; i < mentions.Count; i++)
        {
            var m = mentions[i];
            int end = m.FirstToken + m.TokenCount;
            if (m.Type == EntityTypes.Person || m.TokenCount < 2 || end > tokens.Length || tokens[end - 1].End != m.End)
                continue;
            int t = end;
            while (t > m.FirstToken && IsTitleToken(text, tokens[t - 1]) && tokens[t - 1].Span(text) is not "of")
                t--;
            // No title at the end, or nothing but titles (WithoutTitlesAlone's); an honorific that only ever stands
            // before a person's name ends no title run after a name ("Notre Dame").
            if (t == end || t == m.FirstToken || PersonHonorifics.Contains(tokens[end - 1].Span(text).TrimEnd('.')))
                continue;
            if (OwnWordsAfterLink(text, tokens, m.FirstToken, t) || EntityLexicons.Outlets.Contains(text.AsSpan(m.Start, m.End - m.Start)))
                continue;
            // The longest name left before a cut through the title run that is a name of its own: "Homeland Security |
            // Secretary" where the actor dictionaries list the whole role, "U.N. Secretary | General" → "U.N.".
            bool cutStrong = false, any = false;
            string? type = null;
            int keep = -1;
            for (int cut = end - 1; cut >= t; cut--)
            {
                cutStrong |= EntityLexicons.IsStrongTitleWord(tokens[cut].Span(text));
                bool head = EntityLexicons.OrganisationHeads.Contains(tokens[cut - 1].Span(text));
                if (!cutStrong && !head)
                    continue;
                any = true;
                // A name left ending in a role ("U.N. Secretary") is cut further.
                if (EntityLexicons.IsStrongTitleWord(tokens[cut - 1].Span(text)))
                    continue;
                string rest = text[m.Start..tokens[cut - 1].End];
                type = countries.CountryOf(rest) is not null ? EntityTypes.Location
                    : head || Acronyms.HasNoLowerCase(rest) || actors.Of(rest) is not null || NamedElsewhere(text, mentions, i, rest)
                        || (cut == end - 1 && actors.Of(text[m.Start..m.End]) is { Type: "ORG" }) ? m.Type
                    : null;
                if (type is not null)
                {
                    keep = cut;
                    break;
                }
            }
            if (!any)
                continue;
            result ??= [.. mentions];
            result[i] = type is null ? default : m with { End = tokens[keep - 1].End, Type = type, TokenCount = keep - m.FirstToken };
        }
        if (result is null)
            return mentions;
        result.RemoveAll(m => m.Type is null);
        return result;
    }

    /// <summary>"of", "for", "and" or "&amp;" among the name's words before <paramref name="cut"/>: the name runs on in words of its own.</summary>
    private static bool OwnWordsAfterLink(string text, Token[] tokens, int first, int cut)
    {
        for (int t = first; t < cut; t++)
        {
            if (tokens[t].Span(text) is "of" or "for" or "and" or "&")
                return true;
        }
        return false;
    }

    /// <summary>The article gives <paramref name="name"/> as a name of its own elsewhere.</summary>
    private static bool NamedElsewhere(string text, List<EntityMention> mentions, int self, string name)
    {
        for (int k = 0; k < mentions.Count; k++)
        {
            if (k != self && text.AsSpan(mentions[k].Start, mentions[k].End - mentions[k].Start).SequenceEqual(name))
                return true;
        }
        return false;
    }

    /// <summary>"Secretary General of the United Nations" → "United Nations": title words, "of", an optional "the", then a capitalised name.</summary>
    private static EntityMention? TitleOfNamed(string text, Token[] tokens, EntityMention m)
    {
        if (m.Type == EntityTypes.Person)
            return null;
        int t = m.FirstToken, end = m.FirstToken + m.TokenCount;
        bool strong = false;
        while (t < end && IsTitleToken(text, tokens[t]) && tokens[t].Span(text) is not "of")
        {
            strong |= EntityLexicons.IsStrongTitleWord(tokens[t].Span(text));
            t++;
        }
        if (!strong || t >= end || tokens[t].Span(text) is not "of")
            return null;
        t++;
        if (t < end && tokens[t].Span(text) is "the")
            t++;
        if (t >= end || !char.IsUpper(text[tokens[t].Start]))
            return null;
        return new EntityMention(tokens[t].Start, m.End, EntityTypes.Organization, t, end - t);
    }

    private static bool IsTitleAlone(string text, Token[] tokens, EntityMention m)
    {
        bool title = false;
        for (int t = m.FirstToken; t < m.FirstToken + m.TokenCount && t < tokens.Length; t++)
        {
            if (tokens[t].Start < m.Start || tokens[t].End > m.End)
                return false; // a name inside a compound word
            var word = tokens[t].Span(text);
            if (word is "of" or "the" or "and" or "for" or "-")
                continue;
            if (!EntityLexicons.IsTitleWord(word))
                return false;
            title = true;
        }
        return title;
    }

    /// <summary>
    /// "the Iranian Diplomacy website", "the state-run Daily Planet newspaper": capitalised words right
    /// before a publisher noun that follows names (resources/lexicons/publisher-nouns.tsv, tag "after")
    /// name an outlet, with the noun. Not where the words are one name the tagger already gave another
    /// type ("the Pentagon website" is the Pentagon's site), nor a nationality alone ("the Iranian newspaper").
    /// </summary>
    public static List<EntityMention> WithPublisherPhrases(string text, Token[] tokens, List<EntityMention> mentions, CountryTable countries)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(tokens);
        ArgumentNullException.ThrowIfNull(mentions);
        ArgumentNullException.ThrowIfNull(countries);
        List<EntityMention>? result = null;
        for (int t = 1; t < tokens.Length; t++)
        {
            if (!char.IsLower(text[tokens[t].Start]) || tokens[t].Start == 0 || !char.IsWhiteSpace(text[tokens[t].Start - 1]))
                continue;
            int length = EntityLexicons.PublisherAfter.MatchAt(text, tokens[t].Start);
            if (length == 0)
                continue;
            int nounEnd = tokens[t].Start + length;
            // The capitalised run before the noun, on one line.
            int first = t;
            while (first > 0 && tokens[first - 1].Kind is TokenKind.Word or TokenKind.Abbreviation && char.IsUpper(text[tokens[first - 1].Start])
                && !IsCompoundAdjective(text, tokens[first - 1])
                && !text.AsSpan(tokens[first - 1].End, tokens[first].Start - tokens[first - 1].End).Contains('\n') && t - first < 4)
                first--;
            if (first == t || IsSentenceStart(text, tokens, first))
                continue;
            int start = tokens[first].Start, end = tokens[t - 1].End;
            var run = text[start..end];
            if (countries.IsNationality(NameKeys.Exact(run)) || countries.CountryOf(run) is not null)
                continue;
            var list = result ?? mentions;
            // One mention that is the whole run, of a type other than an adjective's, keeps it. (Loops, not
            // lambdas: a closure over this body's locals was allocated for every token of every article.)
            bool keeps = false;
            foreach (var m in list)
            {
                if ((m.Start == start && m.End == end && m.Type != EntityTypes.Miscellaneous) || (m.Start < nounEnd && end < m.End))
                {
                    keeps = true;
                    break;
                }
            }
            if (keeps)
                continue;
            int last = t;
            while (last + 1 < tokens.Length && tokens[last + 1].End <= nounEnd)
                last++;
            var replaced = new List<EntityMention>(list.Count + 1);
            foreach (var m in list)
            {
                if (m.End <= start || m.Start >= nounEnd)
                    replaced.Add(m);
            }
            replaced.Add(new EntityMention(start, nounEnd, EntityTypes.Organization, first, last - first + 1));
            result = replaced;
            result.Sort(ByStart);
        }
        return result ?? mentions;
    }

    /// <summary>"IRGC-run", "Iran-backed": a word that describes, ending in a hyphen and a lower-case word.</summary>
    private static bool IsCompoundAdjective(string text, Token token)
    {
        var word = token.Span(text);
        int hyphen = word.LastIndexOf('-');
        return hyphen > 0 && hyphen + 1 < word.Length && char.IsLower(word[hyphen + 1]);
    }

    private static bool IsSentenceStart(string text, Token[] tokens, int t)
    {
        if (t == 0)
            return true;
        var previous = tokens[t - 1].Span(text);
        return previous is "." or "!" or "?" or "\"" || text.AsSpan(tokens[t - 1].End, tokens[t].Start - tokens[t - 1].End).Contains('\n');
    }

    /// <summary>
    /// Names cited in brackets with a date, "(Daily Planet, 31 March)", or alone after a verb of
    /// reporting or a sentence's end ("…, he said (Asharq Al-Awsat)."): where the words before them
    /// appeared, so a publisher, unless the article names them elsewhere as a person. Adds a mention
    /// where the tagger found none; returns the starts of the cited names.
    /// </summary>
    public static (List<EntityMention> Mentions, HashSet<int> Cited) WithDatedCitations(string text, Token[] tokens, List<EntityMention> mentions)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(tokens);
        ArgumentNullException.ThrowIfNull(mentions);
        var cited = new HashSet<int>();
        if (text.IndexOf('(', StringComparison.Ordinal) < 0)
            return (mentions, cited);
        List<EntityMention>? result = null;
        foreach (Match match in DatedCitation().Matches(text).Concat(UndatedCitation().Matches(text)))
        {
            var group = match.Groups["name"];
            var name = group.Value.Trim();
            int start = group.Index + (group.Value.Length - group.Value.TrimStart().Length);
            int end = start + name.Length;
            if (name.Length == 0 || !char.IsUpper(name[0]) || name.Split(' ').Length > 5)
                continue;
            var list = result ?? mentions;
            var inside = list.Where(m => m.Start >= start && m.End <= end).ToList();
            if (inside.Count == 0)
            {
                // "State-run website TABNAK": the name is the capitalised words after what says what it is.
                int from = start;
                for (int i = start; i < end; i++)
                {
                    if ((i == start || text[i - 1] == ' ') && char.IsLower(text[i]))
                        from = -1;
                    else if ((i == start || text[i - 1] == ' ') && from < 0 && text[i] != ' ')
                        from = i;
                }
                if (from < 0 || from >= end || !char.IsUpper(text[from]) || text.AsSpan(from, end - from).Contains("'s", StringComparison.Ordinal) || Span(tokens, from, end) is not { } span)
                    continue;
                result = [.. list, new EntityMention(from, end, EntityTypes.Organization, span.First, span.Last - span.First + 1)];
                result.Sort((a, b) => a.Start.CompareTo(b.Start));
                cited.Add(from);
                continue;
            }
            var chosen = inside[^1];
            var key = NameKeys.Exact(chosen.Text(text));
            bool personElsewhere = list.Any(m => (m.End <= match.Index || m.Start >= match.Index + match.Length) && m.Type == EntityTypes.Person && NameKeys.Exact(m.Text(text)) == key);
            if (!personElsewhere)
                cited.Add(chosen.Start);
        }
        return (result ?? mentions, cited);
    }

    /// <summary>
    /// Every occurrence of a name the article gives: where a name of two words or more, or an acronym,
    /// was tagged once, its other occurrences in the text (the same words however apostrophes and
    /// hyphens are written, at word boundaries) are mentions too, of the same type, replacing shorter
    /// mentions inside them ("Hezbollah" inside a missed "Kata'ib Hezbollah").
    /// </summary>
    public static List<EntityMention> AtEveryOccurrence(string text, Token[] tokens, List<EntityMention> mentions)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(tokens);
        ArgumentNullException.ThrowIfNull(mentions);
        var names = new Dictionary<string, EntityMention>(StringComparer.Ordinal);
        foreach (var m in mentions)
        {
            if (m.Type == EntityTypes.Miscellaneous || m.TokenCount == 0)
                continue;
            if (m.TokenCount >= 2 || Acronyms.HasNoLowerCase(text.AsSpan(m.Start, m.End - m.Start)))
                names.TryAdd(m.Text(text), m);
        }
        if (names.Count == 0)
            return mentions;
        // Which mention holds each token, in a pooled buffer (an array as long as the tokens was made for every article).
        var rented = System.Buffers.ArrayPool<int>.Shared.Rent(tokens.Length);
        try
        {
            return AtEveryOccurrence(text, tokens, mentions, names, rented.AsSpan(0, tokens.Length));
        }
        finally
        {
            System.Buffers.ArrayPool<int>.Shared.Return(rented);
        }
    }

    private static List<EntityMention> AtEveryOccurrence(string text, Token[] tokens, List<EntityMention> mentions, Dictionary<string, EntityMention> names, Span<int> covered)
    {
        covered.Fill(-1);
        for (int i = 0; i < mentions.Count; i++)
        {
            for (int t = mentions[i].FirstToken; t < mentions[i].FirstToken + mentions[i].TokenCount && t < tokens.Length; t++)
                covered[t] = i;
        }
        var drop = new HashSet<int>();
        List<EntityMention>? added = null;
        List<int>? inside = null;
        // Longest names first, so a longer name claims its tokens before a name inside it.
        foreach (var (surface, model) in names.OrderByDescending(n => n.Key.Length).ThenBy(n => n.Key, StringComparer.Ordinal))
        {
            int from = 0;
            while ((from = text.IndexOf(surface, from, StringComparison.Ordinal)) >= 0)
            {
                int start = from, end = from + surface.Length;
                from = end;
                if ((start > 0 && char.IsLetterOrDigit(text[start - 1])) || (end < text.Length && char.IsLetterOrDigit(text[end])))
                    continue;
                if (Span(tokens, start, end) is not { } span)
                    continue;
                // Already a mention here, or inside one that is not wholly inside this occurrence.
                bool taken = false;
                if (inside is null)
                    inside = [];
                else
                    inside.Clear();
                for (int t = span.First; t <= span.Last; t++)
                {
                    if (covered[t] < 0)
                        continue;
                    var other = covered[t] < mentions.Count ? mentions[covered[t]] : added![covered[t] - mentions.Count];
                    if (other.Start < start || other.End > end || (other.Start == start && other.End == end))
                        taken = true;
                    else
                        inside.Add(covered[t]);
                }
                if (taken)
                    continue;
                foreach (var i in inside)
                    drop.Add(i);
                added ??= [];
                int index = mentions.Count + added.Count;
                added.Add(new EntityMention(start, end, model.Type, span.First, span.Last - span.First + 1));
                for (int t = span.First; t <= span.Last; t++)
                    covered[t] = index;
            }
        }
        if (added is null)
            return mentions;
        var result = new List<EntityMention>(mentions.Count + added.Count);
        for (int i = 0; i < mentions.Count; i++)
        {
            if (!drop.Contains(i))
                result.Add(mentions[i]);
        }
        for (int i = 0; i < added.Count; i++)
        {
            if (!drop.Contains(mentions.Count + i))
                result.Add(added[i]);
        }
        result.Sort((a, b) => a.Start.CompareTo(b.Start));
        return result;
    }


    /// <summary>
    /// The name of an organisation run into a title before a person: an organisation mention that ends in
    /// title words right before a person ("the White House National Security Adviser | Robert O'Brien")
    /// ends before them; capitalised words the tagger left out right before such a title ("Iran's Qods Force
    /// Commander Qassem Soleimani") are an organisation when they end in an organisation's head noun or
    /// the actor dictionaries know them.
    /// </summary>
    public static List<EntityMention> WithOrganisationsBeforeTitles(string text, Token[] tokens, List<EntityMention> mentions, ActorTable actors)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(tokens);
        ArgumentNullException.ThrowIfNull(mentions);
        ArgumentNullException.ThrowIfNull(actors);
        List<EntityMention>? result = null;
        for (int i = 0; i < mentions.Count; i++)
        {
            var person = mentions[i];
            if (person.Type != EntityTypes.Person || person.FirstToken == 0)
                continue;
            // The title run right before the person.
            int titleStart = person.FirstToken;
            bool strong = false;
            while (titleStart > 0 && Adjacent(text, tokens[titleStart - 1], tokens[titleStart]) && IsTitleToken(text, tokens[titleStart - 1]))
            {
                titleStart--;
                strong |= EntityLexicons.IsStrongTitleWord(tokens[titleStart].Span(text));
            }
            if (titleStart == person.FirstToken || titleStart == 0 || !strong)
                continue;
            var list = result ?? mentions;
            // Loops, not lambdas: a closure over this body's locals was allocated for every person mention.
            int titleStartOffset = tokens[titleStart].Start;
            int before = -1;
            for (int k = list.Count - 1; k >= 0; k--)
            {
                if (list[k].End <= titleStartOffset)
                {
                    before = k;
                    break;
                }
            }
            if (before >= 0 && list[before].Type == EntityTypes.Organization && list[before].FirstToken + list[before].TokenCount > titleStart)
                continue;
            // An organisation mention that took the title in: it ends before the title.
            int org = -1;
            for (int k = 0; k < list.Count; k++)
            {
                var m = list[k];
                if (m.Type == EntityTypes.Organization && m.FirstToken < titleStart && m.FirstToken + m.TokenCount > titleStart
                    && m.FirstToken + m.TokenCount <= person.FirstToken && m.End <= person.Start)
                {
                    org = k;
                    break;
                }
            }
            if (org >= 0)
            {
                var m = list[org];
                result = [.. list];
                result[org] = m with { End = tokens[titleStart - 1].End, TokenCount = titleStart - m.FirstToken };
                continue;
            }
            if (Overlaps(list, tokens[titleStart - 1].Start, titleStartOffset))
                continue;
            // Capitalised words the tagger left out, right before the title.
            int first = titleStart;
            while (first > 0 && titleStart - first < 4 && Adjacent(text, tokens[first - 1], tokens[first]) && tokens[first - 1].Kind is TokenKind.Word or TokenKind.Abbreviation
                && char.IsUpper(text[tokens[first - 1].Start]) && !IsTitleToken(text, tokens[first - 1]) && !HasToken(list, first - 1))
                first--;
            if (first == titleStart || IsSentenceStart(text, tokens, first) && titleStart - first == 1)
                continue;
            var name = text[tokens[first].Start..tokens[titleStart - 1].End];
            bool head = EntityLexicons.OrganisationHeads.Contains(tokens[titleStart - 1].Span(text));
            if (!head && actors.Of(name) is not { Type: "ORG" or "MEDIA" })
                continue;
            result = [.. list, new EntityMention(tokens[first].Start, tokens[titleStart - 1].End, EntityTypes.Organization, first, titleStart - first)];
            result.Sort(ByStart);
        }
        return result ?? mentions;
    }

    /// <summary>A mention ends after <paramref name="start"/> and begins before <paramref name="end"/>.</summary>
    private static bool Overlaps(List<EntityMention> list, int start, int end)
    {
        foreach (var m in list)
        {
            if (m.End > start && m.Start < end)
                return true;
        }
        return false;
    }

    /// <summary>A mention holds token <paramref name="token"/>.</summary>
    private static bool HasToken(List<EntityMention> list, int token)
    {
        foreach (var m in list)
        {
            if (m.FirstToken <= token && token < m.FirstToken + m.TokenCount)
                return true;
        }
        return false;
    }

    private static readonly Comparison<EntityMention> ByStart = (a, b) => a.Start.CompareTo(b.Start);

    private static bool IsTitleToken(string text, Token token)
    {
        var word = token.Span(text);
        return (word.Length > 0 && char.IsUpper(word[0]) && EntityLexicons.IsTitleWord(word)) || word is "of";
    }

    private static bool Adjacent(string text, Token a, Token b) => text.AsSpan(a.End, b.Start - a.End) is { } gap && gap.IsWhiteSpace() && !gap.Contains('\n');

    /// <summary>
    /// "IRGC Quds Force": an acronym the article also gives alone, run into an organisation's name that
    /// the article also gives alone or the actor dictionaries know, is two organisations.
    /// </summary>
    public static List<EntityMention> WithLeadingAcronymsSplit(string text, Token[] tokens, List<EntityMention> mentions, ActorTable actors)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(tokens);
        ArgumentNullException.ThrowIfNull(mentions);
        ArgumentNullException.ThrowIfNull(actors);
        HashSet<string>? alone = null;
        List<EntityMention>? result = null;
        for (int i = 0; i < mentions.Count; i++)
        {
            var m = mentions[i];
            if (m.Type != EntityTypes.Organization || m.TokenCount < 3)
                continue;
            var first = tokens[m.FirstToken].Span(text);
            if (first.Length < 2 || first.ContainsAnyInRange('a', 'z') || first.Count('.') > 0 || !char.IsUpper(text[tokens[m.FirstToken + 1].Start]))
                continue;
            alone ??= mentions.Select(x => NameKeys.Exact(x.Text(text))).ToHashSet(StringComparer.Ordinal);
            var rest = text[tokens[m.FirstToken + 1].Start..m.End];
            if (!alone.Contains(NameKeys.Exact(first.ToString())) || !(alone.Contains(NameKeys.Exact(rest)) || actors.Of(rest) is { Type: "ORG" or "MEDIA" }))
                continue;
            result ??= [.. mentions];
            int at = result.IndexOf(m);
            result[at] = new EntityMention(m.Start, tokens[m.FirstToken].End, EntityTypes.Organization, m.FirstToken, 1);
            result.Insert(at + 1, new EntityMention(tokens[m.FirstToken + 1].Start, m.End, EntityTypes.Organization, m.FirstToken + 1, m.TokenCount - 1));
        }
        return result ?? mentions;
    }

    /// <summary>
    /// Organisations the actor dictionaries know by a name of two words or more, found where the tagger
    /// missed them or kept only a word ("the Islamic State" tagged "Islamic"): capitalised words that are
    /// such a name become its mention, unless a person or place was found inside them.
    /// </summary>
    public static List<EntityMention> WithKnownOrganisations(string text, Token[] tokens, List<EntityMention> mentions, ActorTable actors)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(tokens);
        ArgumentNullException.ThrowIfNull(mentions);
        ArgumentNullException.ThrowIfNull(actors);
        if (actors.Count == 0)
            return mentions;
        // Which mention holds each token, in a pooled buffer (an array as long as the tokens was made for every article).
        var rented = System.Buffers.ArrayPool<int>.Shared.Rent(tokens.Length);
        try
        {
            return WithKnownOrganisations(text, tokens, mentions, actors, rented.AsSpan(0, tokens.Length));
        }
        finally
        {
            System.Buffers.ArrayPool<int>.Shared.Return(rented);
        }
    }

    private static List<EntityMention> WithKnownOrganisations(string text, Token[] tokens, List<EntityMention> mentions, ActorTable actors, Span<int> owner)
    {
        owner.Fill(-1);
        for (int i = 0; i < mentions.Count; i++)
        {
            for (int t = mentions[i].FirstToken; t < mentions[i].FirstToken + mentions[i].TokenCount && t < tokens.Length; t++)
                owner[t] = i;
        }
        List<EntityMention>? added = null;
        var drop = new HashSet<int>();
        for (int t = 0; t < tokens.Length; t++)
        {
            if (!IsCapitalised(text, tokens[t]))
                continue;
            int end = t;
            while (end + 1 < tokens.Length && end - t < 6 && Adjacent(text, tokens[end], tokens[end + 1])
                && (IsCapitalised(text, tokens[end + 1]) || tokens[end + 1].Span(text) is "of" or "for" or "and" or "al" or "the"))
                end++;
            for (int last = end; last > t; last--)
            {
                if (!IsCapitalised(text, tokens[last]))
                    continue;
                int start = tokens[t].Start, stop = tokens[last].End;
                if (actors.Of(text.AsSpan(start, stop - start)) is not { Type: "ORG" or "MEDIA" })
                    continue;
                // Only where it replaces nothing better: words of no mention, adjectives, or a shorter organisation.
                bool better = true;
                var inside = new List<int>();
                for (int k = t; k <= last; k++)
                {
                    if (owner[k] < 0)
                        continue;
                    var m = mentions[owner[k]];
                    if (m.Start < start || m.End > stop || (m.Start == start && m.End == stop) || m.Type is EntityTypes.Person or EntityTypes.Location)
                        better = false;
                    else
                        inside.Add(owner[k]);
                }
                if (!better || (t > 0 && owner[t - 1] >= 0 && mentions[owner[t - 1]].End > tokens[t - 1].Start && Adjacent(text, tokens[t - 1], tokens[t])))
                    break;
                foreach (var i in inside)
                    drop.Add(i);
                (added ??= []).Add(new EntityMention(start, stop, EntityTypes.Organization, t, last - t + 1));
                t = last;
                break;
            }
        }
        if (added is null)
            return mentions;
        // A loop, not a query: a lambda over drop made its closure on every call, found or not.
        var result = new List<EntityMention>(mentions.Count + added.Count);
        for (int i = 0; i < mentions.Count; i++)
        {
            if (!drop.Contains(i))
                result.Add(mentions[i]);
        }
        result.AddRange(added);
        result.Sort((a, b) => a.Start.CompareTo(b.Start));
        return result;
    }

    /// <summary>
    /// "told USA TODAY", "in a statement to USA Today.": a name the tagger cut short ("USA", a place) that, with the
    /// capitalised words right after it, is a listed outlet of two words or more (resources/lexicons/outlets.tsv, in
    /// any letter case: outlets write their own names in capitals) is that outlet. Only a found name grows, by at
    /// most two words, so capitalised prose ("Foreign Policy Team") makes no outlet; a person's name never grows.
    /// </summary>
    public static List<EntityMention> WithOutletsCompleted(string text, Token[] tokens, List<EntityMention> mentions)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(tokens);
        ArgumentNullException.ThrowIfNull(mentions);
        List<EntityMention>? result = null;
        var outlets = EntityLexicons.Outlets;
        for (int i = 0; i < mentions.Count; i++)
        {
            var m = mentions[i];
            int next = m.FirstToken + m.TokenCount;
            if (m.Type == EntityTypes.Person || next >= tokens.Length)
                continue;
            for (int last = Math.Min(next + 1, tokens.Length - 1); last >= next; last--)
            {
                bool capitalised = true;
                for (int k = next; k <= last && capitalised; k++)
                    capitalised = IsCapitalised(text, tokens[k]) && Adjacent(text, tokens[k - 1], tokens[k]);
                // The words taken in belong to no other name (a following mention would be joined, not swallowed).
                if (!capitalised || (i + 1 < mentions.Count && mentions[i + 1].Start < tokens[last].End))
                    continue;
                if (!outlets.Contains(text.AsSpan(m.Start, tokens[last].End - m.Start)))
                    continue;
                result ??= [.. mentions];
                result[i] = m with { End = tokens[last].End, Type = EntityTypes.Organization, TokenCount = last - m.FirstToken + 1 };
                break;
            }
        }
        return result ?? mentions;
    }

    private static bool IsCapitalised(string text, Token token) =>
        token.Kind is TokenKind.Word or TokenKind.Abbreviation && token.Length > 1 && char.IsUpper(text[token.Start]) && !IsCompoundAdjective(text, token);

    /// <summary>
    /// "The Iraqi parliament", "the Iranian foreign ministry": a nationality and, in lower case, a noun for
    /// one of a state's own institutions (resources/lexicons/institution-nouns.tsv), after "the", name that
    /// institution: an organisation, with the nationality part of its name.
    /// </summary>
    public static List<EntityMention> WithNationalInstitutions(string text, Token[] tokens, List<EntityMention> mentions, CountryTable countries)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(tokens);
        ArgumentNullException.ThrowIfNull(mentions);
        ArgumentNullException.ThrowIfNull(countries);
        List<EntityMention>? result = null;
        for (int t = 1; t + 1 < tokens.Length; t++)
        {
            if (!tokens[t - 1].Span(text).Equals("the", StringComparison.OrdinalIgnoreCase) || !char.IsUpper(text[tokens[t].Start])
                || countries.CountryOfDemonym(tokens[t].Text(text)) is null || !char.IsLower(text[tokens[t + 1].Start]) || !Adjacent(text, tokens[t], tokens[t + 1]))
                continue;
            int length = EntityLexicons.Institutions.MatchAt(text, tokens[t + 1].Start);
            if (length == 0)
                continue;
            int end = tokens[t + 1].Start + length;
            var list = result ?? mentions;
            // Nothing but the nationality itself may be a mention there already (loops: see WithPublisherPhrases).
            var nationality = tokens[t];
            bool other = false;
            foreach (var m in list)
            {
                if (m.Start < end && nationality.Start < m.End && !(m.Start == nationality.Start && m.End == nationality.End))
                {
                    other = true;
                    break;
                }
            }
            if (other)
                continue;
            int last = t + 1;
            while (last + 1 < tokens.Length && tokens[last + 1].End <= end)
                last++;
            var replaced = new List<EntityMention>(list.Count + 1);
            foreach (var m in list)
            {
                if (!(m.Start == nationality.Start && m.End == nationality.End))
                    replaced.Add(m);
            }
            replaced.Add(new EntityMention(nationality.Start, end, EntityTypes.Organization, t, last - t + 1));
            result = replaced;
            result.Sort(ByStart);
        }
        return result ?? mentions;
    }

    /// <summary>The first and last token of exactly [start, end), or null where no tokens start and end there.</summary>
    internal static (int First, int Last)? Span(Token[] tokens, int start, int end)
    {
        int lo = 0, hi = tokens.Length - 1, first = -1;
        while (lo <= hi)
        {
            int mid = (lo + hi) >>> 1;
            if (tokens[mid].Start < start)
                lo = mid + 1;
            else
            {
                first = mid;
                hi = mid - 1;
            }
        }
        if (first < 0 || tokens[first].Start != start)
            return null;
        int last = first;
        while (last + 1 < tokens.Length && tokens[last + 1].End <= end)
            last++;
        return tokens[last].End == end ? (first, last) : null;
    }
}

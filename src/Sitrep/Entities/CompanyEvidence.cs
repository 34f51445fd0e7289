using System.Collections.Frozen;
using Sitrep.Lexicons;

namespace Sitrep.Entities;

/// <summary>
/// Companies the tagger read as places or people ("Amazon", "Naftogaz", "Slack"): a name is an ORG, at
/// every occurrence in the article, where one occurrence has what only a company has beside it — a legal
/// form after it ("Acme Inc."), a company noun right before it or heading an apposition after it ("the
/// tech company Slack", "companies like Merck, Intel and …", "Anthem, a health-benefits company that …"),
/// a word after it or its possessive that only a company has ("Slack CEO", "Amazon's shares"), and, for
/// a name read as a place, one a company has and a person or place rarely ("Walmart employees").
/// A name a place list knows ("Georgia", "Jordan", "Anthem, Ariz.") takes only a legal form, a company
/// noun or an apposition; a name read as a person never takes the staff words ("Trump's spokesman").
/// The words are resources/lexicons/company-cues.tsv.
/// </summary>
internal static class CompanyEvidence
{
    private static Lexicon Cues => Lexicon.Get("company-cues");

    private static readonly PhraseSet Nouns = Cues.PhrasesTagged("noun");
    private static readonly PhraseSet Kinds = Cues.PhrasesTagged("kind");
    private static readonly PhraseSet After = Cues.PhrasesTagged("after");
    private static readonly PhraseSet Staff = Cues.PhrasesTagged("staff");
    private static readonly PhraseSet Bodies = Cues.PhrasesTagged("body");
    private static readonly PhraseSet Groups = Cues.PhrasesTagged("group");
    private static readonly PhraseSet Heads = Cues.PhrasesTagged("head");
    private static readonly string[] Suffixes = [.. Cues.Tagged("suffix").OrderByDescending(s => s.Length)];

    /// <summary>Words that are no modifier of a noun right after them: "told the group Trump was …", "a member of the group".</summary>
    private static readonly FrozenSet<string> NotModifiers = new[]
    {
        "the", "a", "an", "this", "that", "these", "those", "his", "her", "their", "its", "our", "my", "your", "of", "at", "for", "with", "in", "on",
        "to", "from", "by", "who", "whose", "which", "and", "or", "but", "as", "is", "was", "said", "told", "says", "tells",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>Words that may follow the noun of an apposition that says what the name is ("…, a firm that", "…, a company based in").</summary>
    private static readonly FrozenSet<string> AppositionContinuations = new[]
    {
        "that", "which", "whose", "based", "headquartered", "founded", "owned", "run", "led", "in", "with", "known", "rated", "from", "of", "and", "where", "who",
        "devoted", "dedicated", "working", "focused", "representing", "seeking",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <param name="inPlaceList">For each mention, whether every token of it is in the country or city lists.</param>
    public static void Apply(string text, List<Mention> mentions, IReadOnlyList<bool> inPlaceList)
    {
        HashSet<string>? companies = null;
        for (int i = 0; i < mentions.Count; i++)
        {
            var m = mentions[i];
            // An organisation the tagger read as one is looked at too: its cue does not change its type, it marks it cued.
            bool misc = m.Type == "MISC";
            if (!Retypable(m.Type) && m.Type != "ORG" && !misc)
                continue;
            // "Lexington County spokesman": a place of local government has staff too.
            bool place = inPlaceList[i] || EndsWithPlaceHead(text.AsSpan(m.Start, m.End - m.Start));
            bool person = m.Type == "PERSON";
            // A MISC name ("Republican Jews", "Dreamers") takes only a company or organisation noun or an officer's title (not a
            // legal form: "“Trump, Inc.”" is a podcast's title).
            bool before = NounBefore(text, m, Nouns, false) || NounBefore(text, m, Bodies, false, true)
                || (!misc && NounBefore(text, m, Groups, true, true)) || (!place && !person && !misc && NounBefore(text, m, Kinds, false));
            bool evidence = before || (!misc && HasSuffix(text, m)) || Apposition(text, m.End, Nouns) || Apposition(text, m.End, Bodies)
                || (!place && !person && HeadBefore(text, m.Start))
                || (!misc && Apposition(text, m.End, Groups)) || (!place && !person && !misc && Apposition(text, m.End, Kinds))
                || (!place && !misc && WordAfter(text, m.End, After)) || (!place && !person && !misc && WordAfter(text, m.End, Staff));
            if (!evidence)
                continue;
            if (m.Type == "ORG")
            {
                // Only this occurrence is marked: an organisation's cue retypes no other name.
                mentions[i] = m with { Cued = true };
                continue;
            }
            (companies ??= new HashSet<string>(StringComparer.Ordinal)).Add(m.Text(text));
            if (!before)
                continue;
            // "companies like Merck, Under Armour, and Intel": the names listed after the cued one.
            bool joined = false;
            for (int j = i + 1; j < mentions.Count && mentions[j - 1].End <= mentions[j].Start && ListTypes.ListGap(text.AsSpan(mentions[j - 1].End, mentions[j].Start - mentions[j - 1].End), ref joined); j++)
            {
                if (Retypable(mentions[j].Type) && !inPlaceList[j])
                    companies.Add(mentions[j].Text(text));
            }
        }
        if (companies is null)
            return;
        for (int i = 0; i < mentions.Count; i++)
        {
            var m = mentions[i];
            if ((Retypable(m.Type) || m.Type == "MISC") && companies.Contains(m.Text(text)))
                mentions[i] = m with { Type = "ORG", Cued = true };
        }
    }

    /// <summary>The name's last word is a place of local government's noun ("… County", place-nouns.tsv).</summary>
    private static bool EndsWithPlaceHead(ReadOnlySpan<char> name)
    {
        int space = name.LastIndexOf(' ');
        return space > 0 && EntityLexicons.PlaceHeads.GetAlternateLookup<ReadOnlySpan<char>>().Contains(name[(space + 1)..]);
    }

    private static bool Retypable(string type) => type is "GPE" or "LOC" or "PERSON";

    /// <summary>
    /// "the tech company Slack", "the company, Naftogaz, which", "companies like Merck", "firms such as Acme". After a
    /// comma the name must close an apposition (a comma or stop after it): "at a law firm, Loretta Lynch said"
    /// is a phrase before the subject.
    /// </summary>
    /// <param name="modified">The noun must follow a modifier ("the progressive group X", not "told the group X").</param>
    /// <param name="lower">The noun must be written in lower case (an organisation's noun: "the Trump Organization X" is a name's end).</param>
    private static bool NounBefore(string text, Mention m, PhraseSet nouns, bool modified, bool lower = false)
    {
        int start = m.Start;
        int end = start;
        while (end > 0 && text[end - 1] == ' ')
            end--;
        if (end == start)
            return false;
        if (end > 0 && text[end - 1] == ',')
        {
            int after = m.End;
            while (after < text.Length && text[after] == ' ')
                after++;
            if (after < text.Length && text[after] is not (',' or '.' or ';'))
                return false;
            // "A lawyer for the Trump Organization, Marc Mukasey, told": a capitalised noun ends a name, it is no apposition.
            int w = end - 1;
            while (w > 0 && char.IsLetter(text[w - 1]))
                w--;
            if (char.IsUpper(text[w]))
                return false;
            end--;
            while (end > 0 && text[end - 1] == ' ')
                end--;
        }
        var before = text.AsSpan(0, end);
        foreach (var linker in (ReadOnlySpan<string>)[" like", " such as", " including"])
        {
            if (before.EndsWith(linker, StringComparison.Ordinal))
            {
                int at = end - linker.Length;
                int noun = at > 0 ? nouns.MatchEndingAt(text.AsSpan(0, at), at) : -1;
                return noun >= 0 && text[at - 1] is 's' or 'S' && (!lower || char.IsLower(text[noun])) && (!modified || ModifierBefore(text, noun));
            }
        }
        int start2 = nouns.MatchEndingAt(before, end);
        return start2 >= 0 && (!lower || char.IsLower(text[start2])) && (!modified || ModifierBefore(text, start2));
    }

    /// <summary>The word before <paramref name="at"/> can modify a noun: a word of letters that is no article, pronoun, preposition or verb of saying.</summary>
    private static bool ModifierBefore(string text, int at)
    {
        int end = at;
        while (end > 0 && text[end - 1] == ' ')
            end--;
        int start = end;
        while (start > 0 && (char.IsLetterOrDigit(text[start - 1]) || text[start - 1] == '-'))
            start--;
        return start < end && end < at && !NotModifiers.Contains(text[start..end]);
    }

    /// <summary>"CEO of Snagajob", "executive director of the Acme Project": an officer's title and "of" (and "the") right before the name.</summary>
    private static bool HeadBefore(string text, int start)
    {
        int end = start;
        while (end > 0 && text[end - 1] == ' ')
            end--;
        if (end >= 4 && text.AsSpan(end - 4, 4).Equals(" the", StringComparison.OrdinalIgnoreCase))
        {
            end -= 4;
            while (end > 0 && text[end - 1] == ' ')
                end--;
        }
        return end < start && Heads.MatchEndingAt(text.AsSpan(0, end), end) >= 0;
    }

    /// <summary>"X, a health-benefits company that …", "X, the firm": an apposition whose head is a company noun, up to four modifiers before it.</summary>
    private static bool Apposition(string text, int end, PhraseSet nouns)
    {
        var after = text.AsSpan(end, Math.Min(120, text.Length - end));
        int i = 0;
        if (i >= after.Length || after[i] != ',')
            return false;
        i = Skip(after, i + 1);
        int article = i;
        foreach (var a in (ReadOnlySpan<string>)["a ", "an ", "the "])
        {
            if (after[i..].StartsWith(a, StringComparison.Ordinal))
            {
                i = Skip(after, i + a.Length);
                break;
            }
        }
        if (i == article)
            return false;
        for (int words = 0; words <= 4 && i < after.Length; words++)
        {
            int length = nouns.MatchAt(after, i);
            if (length > 0)
            {
                int next = i + length;
                if (next >= after.Length || after[next] is ',' or '.' or ';' or ':' or ')' or '—' or '–')
                    return true;
                if (after[next] != ' ')
                    return false;
                int w = Skip(after, next);
                int wEnd = w;
                while (wEnd < after.Length && char.IsLetter(after[wEnd]))
                    wEnd++;
                if (AppositionContinuations.Contains(after[w..wEnd].ToString()))
                    return true;
                // "a nonprofit community action agency that": the noun was a modifier of a later head.
            }
            // A modifier: a word of letters, digits, hyphens, ampersands or an abbreviation's dots, not a preposition or article
            // ("Jane Roe, a senior writer at the organization," is a person).
            int e = i;
            while (e < after.Length && (char.IsLetterOrDigit(after[e]) || after[e] is '-' or '&' or '.' or '\'' or '’'))
                e++;
            if (e == i || e >= after.Length || after[e] != ' ' || after[e - 1] == '.' && !IsAbbreviation(after[i..e])
                || (after[i..e] is not "and" && NotModifiers.Contains(after[i..e].ToString())))
                return false;
            i = Skip(after, e);
        }
        return false;
    }

    private static bool IsAbbreviation(ReadOnlySpan<char> word) => word.Length >= 2 && word.Count('.') >= 2;

    /// <summary>"Slack CEO", "Amazon's shares": the word after the name or its possessive.</summary>
    private static bool WordAfter(string text, int end, PhraseSet words)
    {
        var after = text.AsSpan(end, Math.Min(60, text.Length - end));
        int i = 0;
        if (after.StartsWith("'s ", StringComparison.Ordinal) || after.StartsWith("’s ", StringComparison.Ordinal))
            i = 2;
        if (i >= after.Length || after[i] != ' ')
            return false;
        return words.MatchAt(after, i + 1) > 0;
    }

    /// <summary>"Acme Inc.", "Acme, Corp.": a legal form right after the name, or ending it.</summary>
    private static bool HasSuffix(string text, Mention m)
    {
        var name = text.AsSpan(m.Start, m.End - m.Start);
        int space = name.LastIndexOf(' ');
        if (space > 0 && IsSuffix(name[(space + 1)..]))
            return true;
        int i = m.End;
        if (i < text.Length && text[i] == ',')
            i++;
        if (i >= text.Length || text[i] != ' ')
            return false;
        i++;
        foreach (var s in Suffixes)
        {
            if (text.AsSpan(i).StartsWith(s, StringComparison.Ordinal) && (i + s.Length == text.Length || !char.IsLetterOrDigit(text[i + s.Length])))
                return true;
        }
        return false;
    }

    private static bool IsSuffix(ReadOnlySpan<char> word)
    {
        foreach (var s in Suffixes)
        {
            if (word.SequenceEqual(s))
                return true;
        }
        return false;
    }

    private static int Skip(ReadOnlySpan<char> s, int i)
    {
        while (i < s.Length && s[i] == ' ')
            i++;
        return i;
    }
}

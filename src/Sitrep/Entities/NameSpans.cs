using Sitrep.Text;

namespace Sitrep.Entities;

/// <summary>
/// Bounds the tagger gets wrong on news text, mended from what the words around a name are:
/// a weekday or month run into a name ("told Hewitt Tuesday", "a January Washington Post poll"),
/// a title-case name cut at "for" ("Medicare | for All", "Americans | for Prosperity"), and a whole
/// name of misc-names.tsv of which the tagger found only a part ("State of the | Union"), a participle opening a name ("Planned | Parenthood"), a
/// greeting before a holiday ("Merry | Christmas").
/// </summary>
internal static class NameSpans
{
    private static readonly string[] Determiners = ["a", "an", "the", "this", "that", "last"];

    private static bool IsOneOfIgnoringCase(ReadOnlySpan<char> word, string[] words)
    {
        foreach (var w in words)
        {
            if (word.Equals(w, StringComparison.OrdinalIgnoreCase))
                return true;
        }
        return false;
    }

    /// <summary>
    /// "Grassley told Hewitt Tuesday", "President Trump Sunday": a weekday after a name in news copy dates
    /// the sentence, it is no part of the name, and is cut off. Kept: a name the misc list knows whole ("Good
    /// Friday", "Palm Sunday"), a day after one common word ("Black Friday", "Super Tuesday": the dictionary has
    /// the word in lower case, so it names the day), and a quoted title ("“Fox News Sunday”"). "An April New
    /// York Times article": a month after an article opens no name, and is cut off too.
    /// </summary>
    public static List<EntityMention> WithoutTimeWords(string text, Token[] tokens, List<EntityMention> mentions)
    {
        for (int i = 0; i < mentions.Count; i++)
        {
            var m = mentions[i];
            if (m.TokenCount < 2 || EntityLexicons.MiscNamesWhole.GetAlternateLookup<ReadOnlySpan<char>>().Contains(text.AsSpan(m.Start, m.End - m.Start)))
                continue;
            int last = m.FirstToken + m.TokenCount - 1;
            if (CalendarWords.IsWeekday(tokens[last].Span(text)) && !Quoted(text, m)
                && !(m.TokenCount == 2 && IsCommonWord(tokens[m.FirstToken].Span(text))))
            {
                mentions[i] = m = m with { End = tokens[last - 1].End, TokenCount = m.TokenCount - 1 };
            }
            if (m.TokenCount >= 2 && m.FirstToken > 0 && CalendarWords.IsMonthNotMay(tokens[m.FirstToken].Span(text))
                && IsOneOfIgnoringCase(tokens[m.FirstToken - 1].Span(text), Determiners)
                && char.IsUpper(text[tokens[m.FirstToken + 1].Start]))
            {
                mentions[i] = m with { Start = tokens[m.FirstToken + 1].Start, FirstToken = m.FirstToken + 1, TokenCount = m.TokenCount - 1 };
            }
        }
        return mentions;
    }

    /// <summary>A quote mark right before the name and right after it (a comma or full stop may come first): a title.</summary>
    private static bool Quoted(string text, EntityMention m)
    {
        if (m.Start == 0 || !IsQuote(text[m.Start - 1]))
            return false;
        int after = m.End;
        if (after < text.Length && text[after] is ',' or '.')
            after++;
        return after < text.Length && IsQuote(text[after]);
    }

    private static bool IsQuote(char c) => c is '"' or '“' or '”' or '‘' or '’' or '\'';

    /// <summary>A word the dictionary has in lower case (not one it lists only capitalised), of three letters or more.</summary>
    private static bool IsCommonWord(ReadOnlySpan<char> word) =>
        word.Length >= 3 && EntityLexicons.EnglishWords.Contains(word)
        && !EntityLexicons.EnglishNames.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word);

    private static bool IsCapitalisedWord(string text, Token token) =>
        token.Kind is TokenKind.Word or TokenKind.Abbreviation && char.IsUpper(text[token.Start]);

    /// <summary>
    /// "Americans for Prosperity", "Medicare for All", "Mainers for Accountable Leadership", "the Center for the
    /// National Interest": a run of capitalised words, "for", and a run of capitalised words of which one at least is
    /// a common word written with a capital in mid-sentence ("Prosperity", "All", "Leadership") is one title-case
    /// name; the tagger often stops at "for" or tags the halves apart. Not joined: a full person's name or a title
    /// before "for" ("Brian Frank for The Wall Street Journal", "Secretary for Defense"), a person or place after it
    /// ("Congress for Trump", "Obama for America": no common word says the capitals are a title's), a weekday before
    /// it, a run that opens a sentence with no name in it ("As for Republicans"); "for the" only after an
    /// organisation's head word ("Center for the National Interest"; "Edison Research for the National Election
    /// Pool" is two).
    /// </summary>
    public static List<EntityMention> WithNamesJoinedByFor(string text, Token[] tokens, List<EntityMention> mentions)
    {
        List<EntityMention>? result = null;
        HashSet<string>? namesAlone = null;
        for (int f = 1; f < tokens.Length - 1; f++)
        {
            if (!tokens[f].Span(text).SequenceEqual("for") || !IsCapitalisedWord(text, tokens[f - 1]) || IndexCovering(mentions, tokens[f].Start) >= 0)
                continue;
            int r = f + 1;
            bool the = tokens[r].Span(text).SequenceEqual("the");
            if (the)
                r++;
            if (r >= tokens.Length || !IsCapitalisedWord(text, tokens[r]))
                continue;
            var lastLeft = tokens[f - 1].Span(text);
            if (EntityLexicons.IsTitleWord(lastLeft) || CalendarWords.IsWeekday(lastLeft))
                continue;
            // A month names the day before "for" ("in March for Congress"), not a name, unless "the" makes it one ("the March for Life").
            if (CalendarWords.IsMonthNotMay(lastLeft) && (f < 2 || !tokens[f - 2].Span(text).SequenceEqual("the")))
                continue;
            if (the && !EntityLexicons.OrganisationHeads.Contains(lastLeft))
                continue;
            if (EntityLexicons.IsTitleWord(tokens[r].Span(text)))
                continue;
            // The run after "for": capitalised words, with "of", "and" or "&" between two of them ("Ethical Treatment of Animals").
            int rEnd = r;
            bool common = false;
            bool named = false;
            for (int t = r; t < tokens.Length && t < r + 7; t++)
            {
                // A line break ends a name ("… and Prevention | When patients …").
                if (t > r && text.AsSpan(tokens[t - 1].End, tokens[t].Start - tokens[t - 1].End).IndexOfAny('\n', '\r') >= 0)
                    break;
                if (IsCapitalisedWord(text, tokens[t]))
                {
                    var w = tokens[t].Span(text);
                    // A word the dictionary has only as a name ("America", "Columbia"): the run is a place's or a person's, or goes
                    // on past what a join would take ("Office for the District of Columbia").
                    if (EntityLexicons.EnglishNames.GetAlternateLookup<ReadOnlySpan<char>>().Contains(w))
                    {
                        named = true;
                        break;
                    }
                    common |= IsCommonWord(w) && !EntityLexicons.IsTitleWord(w) && !CalendarWords.IsWeekday(w) && !CalendarWords.IsMonthNotMay(w)
                        && !(namesAlone ??= NamesAlone(text, mentions)).Contains(w.ToString());
                    rEnd = t;
                    continue;
                }
                // "Ethical Treatment of Animals", "Health Metrics and Evaluation": "of" or "and" goes on to a capitalised common word;
                // before a name it ends the run ("Center for Public Opinion Research | and USAFacts").
                if (tokens[t].Span(text) is "of" or "and" or "&" && t + 1 < tokens.Length && IsCapitalisedWord(text, tokens[t + 1])
                    && IsCommonWord(tokens[t + 1].Span(text)))
                    continue;
                break;
            }
            if (!common || named)
                continue;
            // "The Long War for Control | of the U.S. Supreme Court", "Office for the District | of Columbia": the name goes on
            // past what the run can follow, and a join would cut it.
            if (rEnd + 1 < tokens.Length && tokens[rEnd + 1].Span(text) is "of")
                continue;
            // The run before "for", back over capitalised words; a mention that takes in its last word takes in its start too.
            int lStart = f - 1;
            while (lStart > 0 && f - lStart < 5 && IsCapitalisedWord(text, tokens[lStart - 1]))
                lStart--;
            int left = IndexCovering(mentions, tokens[f - 1].Start);
            int right = IndexCovering(mentions, tokens[r].Start);
            // "Obama for America", "Beto for Senate", "Los Angeles for Trump’s": a person or a place before "for" is a campaign's slogan at best.
            if (left >= 0 && mentions[left].Type is EntityTypes.Person or EntityTypes.Location)
                continue;
            if (left < 0 && right < 0)
                continue;
            if (left >= 0 && mentions[left].FirstToken < lStart)
                lStart = mentions[left].FirstToken;
            else if (left < 0 && OpensSentence(text, tokens[lStart].Start))
            {
                // "As for …", "Millions of …": a capital that only opens the sentence is no name's.
                lStart++;
                if (lStart >= f)
                    continue;
            }
            // Nothing after "for" may be a person named in full or a place the tagger found.
            bool bad = false;
            int spanEnd = tokens[rEnd].End;
            foreach (var m in mentions)
            {
                if (m.End <= tokens[r].Start || m.Start >= spanEnd)
                    continue;
                if (m.End > spanEnd || m.Type == EntityTypes.Location || (m.Type == EntityTypes.Person && m.TokenCount > 1))
                    bad = true;
            }
            if (bad)
                continue;
            string type = left >= 0 && mentions[left].Type is EntityTypes.Organization or EntityTypes.Miscellaneous ? mentions[left].Type : EntityTypes.Organization;
            var joined = new EntityMention(tokens[lStart].Start, spanEnd, type, lStart, rEnd - lStart + 1);
            result ??= new List<EntityMention>(mentions);
            result.RemoveAll(m => m.End > joined.Start && m.Start < joined.End);
            int at = result.FindIndex(m => m.Start > joined.Start);
            result.Insert(at < 0 ? result.Count : at, joined);
            mentions = result;
            f = rEnd;
        }
        return result ?? mentions;
    }

    /// <summary>
    /// The words of the names the tagger found where no "for" stands before them: "Trump", "Republicans", "Congress" are
    /// names of the article, so "the IRS for Trump’s returns" is no title-case name, while "Life" found only in "March for
    /// Life" says nothing either way.
    /// </summary>
    private static HashSet<string> NamesAlone(string text, List<EntityMention> mentions)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var m in mentions)
        {
            var before = text.AsSpan(0, m.Start).TrimEnd();
            if (before.EndsWith(" for", StringComparison.Ordinal) || before.EndsWith(" for the", StringComparison.Ordinal))
                continue;
            // A one-word name, and every word of a person's: "Rice" of "Susan Rice" makes "Rhodes for Rice’s appearance" no
            // name either; the words of longer organisations' names ("Department of Health") say nothing of "Center for Health Security".
            if (m.TokenCount == 1)
                names.Add(m.Text(text));
            else if (m.Type == EntityTypes.Person)
            {
                foreach (var word in m.Text(text).Split(' ', StringSplitOptions.RemoveEmptyEntries))
                    names.Add(word);
            }
        }
        return names;
    }

    private static int IndexCovering(List<EntityMention> mentions, int position)
    {
        for (int i = 0; i < mentions.Count; i++)
        {
            if (mentions[i].Start <= position && position < mentions[i].End)
                return i;
        }
        return -1;
    }

    /// <summary>Whether the word at <paramref name="start"/> opens a sentence or a line: nothing but a full stop, a question or exclamation mark, a colon or a quote before it.</summary>
    private static bool OpensSentence(string text, int start)
    {
        int i = start - 1;
        while (i >= 0 && text[i] == ' ')
            i--;
        return i < 0 || text[i] is '.' or '!' or '?' or ':' or '\n' or '"' or '“' or '‘';
    }

    /// <summary>
    /// "CNN's State of the Union", "the Fourth of July": a name misc-names.tsv knows whole, of which the tagger found
    /// only a part ("Union" as a place, "July"), is the mention, MISC. Only where a part was found, and no mention runs
    /// past the name's bounds ("the Good Friday Agreement" stays).
    /// </summary>
    public static List<EntityMention> WithWholeMiscNames(string text, Token[] tokens, List<EntityMention> mentions)
    {
        List<EntityMention>? result = null;
        foreach (var name in EntityLexicons.MiscNamesWhole)
        {
            if (name.IndexOf(' ', StringComparison.Ordinal) < 0)
                continue;
            for (int at = text.IndexOf(name, StringComparison.Ordinal); at >= 0; at = text.IndexOf(name, at + 1, StringComparison.Ordinal))
            {
                int end = at + name.Length;
                if ((at > 0 && char.IsLetterOrDigit(text[at - 1])) || (end < text.Length && char.IsLetterOrDigit(text[end])))
                    continue;
                var list = result ?? mentions;
                bool inside = false, across = false;
                foreach (var m in list)
                {
                    if (m.End <= at || m.Start >= end)
                        continue;
                    if (m.Start < at || m.End > end || (m.Start == at && m.End == end))
                        across = true;
                    else
                        inside = true;
                }
                if (!inside || across)
                    continue;
                int first = TokenAt(tokens, at), last = TokenAt(tokens, end - 1);
                if (first < 0 || last < 0)
                    continue;
                result ??= new List<EntityMention>(mentions);
                result.RemoveAll(m => m.End > at && m.Start < end);
                var whole = new EntityMention(at, end, EntityTypes.Miscellaneous, first, last - first + 1);
                int index = result.FindIndex(m => m.Start > at);
                result.Insert(index < 0 ? result.Count : index, whole);
            }
        }
        return result ?? mentions;
    }

    /// <summary>
    /// "to block Planned Parenthood", "the fight over Planned Parenthood's money", "that, Planned Parenthood, …": a capitalised past participle right
    /// before a name in running text ("Planned", "United", "Concerned", "Allied") opens that name; the tagger, which
    /// learned such words as verbs, often leaves it out ("Parenthood") and reads the rest as a person. The word is taken
    /// in where a lower-case word, a comma or a dash comes right before it (so no sentence's or title-case headline's first word), and a name
    /// opened by such a word is no person (a given name that ends in "-ed", "Ted", "Jared", "Reed", is no participle
    /// here): typed an organisation. Both only where the rest of the name is common words of the dictionary, no given
    /// name ("Crooked Hillary" is left), and the retyping not where the rest is a mention of its own in the article
    /// ("Embattled Trump … Trump said").
    /// </summary>
    public static List<EntityMention> WithParticiplesOpeningNames(string text, Token[] tokens, List<EntityMention> mentions)
    {
        for (int i = 0; i < mentions.Count; i++)
        {
            var m = mentions[i];
            int p = m.FirstToken - 1;
            if (p < 1 || tokens[p].End != m.Start - 1 || text[m.Start - 1] != ' ' || tokens[p - 1].End != tokens[p].Start - 1
                || (i > 0 && mentions[i - 1].End > tokens[p].Start)
                || !IsParticiple(tokens[p].Span(text)) || !InsideSentence(text, tokens[p - 1]) || !AllCommonWords(text, tokens, m))
                continue;
            mentions[i] = m with { Start = tokens[p].Start, FirstToken = p, TokenCount = m.TokenCount + 1 };
        }
        HashSet<string>? names = null;
        for (int i = 0; i < mentions.Count; i++)
        {
            var m = mentions[i];
            if (m.Type != EntityTypes.Person || m.TokenCount < 2 || !IsParticiple(tokens[m.FirstToken].Span(text))
                || !AllCommonWords(text, tokens, m with { FirstToken = m.FirstToken + 1, TokenCount = m.TokenCount - 1 }))
                continue;
            // Names found alone, not right after a participle ("… that Planned | Parenthood" at a sentence's start is the same name).
            names ??= mentions.Where(x => x.FirstToken == 0 || !IsParticiple(tokens[x.FirstToken - 1].Span(text)))
                .Select(x => text[x.Start..x.End]).ToHashSet(StringComparer.Ordinal);
            if (!names.Contains(text[tokens[m.FirstToken + 1].Start..m.End]))
                mentions[i] = m with { Type = EntityTypes.Organization };
        }
        return mentions;
    }

    /// <summary>
    /// "Merry Christmas to you all", "saying Happy Thanksgiving": a greeting word (misc-names.tsv, tag greeting) before a
    /// holiday the list knows whole is no part of its name; the tagger reads the pair as a person's given name and surname,
    /// which then makes every "Christmas" of the article that person. The greeting is cut off, and the holiday is MISC.
    /// </summary>
    public static List<EntityMention> WithoutGreetings(string text, Token[] tokens, List<EntityMention> mentions)
    {
        for (int i = 0; i < mentions.Count; i++)
        {
            var m = mentions[i];
            if (m.TokenCount < 2 || !EntityLexicons.Greetings.GetAlternateLookup<ReadOnlySpan<char>>().Contains(tokens[m.FirstToken].Span(text)))
                continue;
            int next = tokens[m.FirstToken + 1].Start;
            if (EntityLexicons.MiscNamesWhole.GetAlternateLookup<ReadOnlySpan<char>>().Contains(text.AsSpan(next, m.End - next)))
                mentions[i] = m with { Start = next, FirstToken = m.FirstToken + 1, TokenCount = m.TokenCount - 1, Type = EntityTypes.Miscellaneous };
        }
        return mentions;
    }

    /// <summary>
    /// A capitalised past participle of the dictionary: "Planned" (plan), "United" (unite), "Concerned" (concern),
    /// "Allied" (ally); no given name of the name files.
    /// </summary>
    internal static bool IsParticiple(ReadOnlySpan<char> word)
    {
        if (word.Length < 5 || !char.IsUpper(word[0]) || !word.EndsWith("ed", StringComparison.Ordinal))
            return false;
        foreach (char c in word[1..])
        {
            if (!char.IsLower(c))
                return false;
        }
        var lower = word.ToString().ToLowerInvariant();
        if (!EntityLexicons.EnglishWords.Contains(lower) || EntityLexicons.EnglishNames.Contains(lower) || PersonGenders.GivenNames.ContainsKey(lower))
            return false;
        var stem = lower[..^2];
        return EntityLexicons.EnglishWords.Contains(stem) || EntityLexicons.EnglishWords.Contains(lower[..^1])
            || (stem.Length >= 3 && stem[^1] == stem[^2] && EntityLexicons.EnglishWords.Contains(stem[..^1]))
            || (stem.EndsWith('i') && EntityLexicons.EnglishWords.Contains(stem[..^1] + "y"));
    }

    /// <summary>
    /// Every word of the name is one the dictionary has in lower case and no given name ("Parenthood", "Women"): what a
    /// participle opens is then no person's name ("Crooked Hillary", "Disgraced Franken" stay as they are).
    /// </summary>
    private static bool AllCommonWords(string text, Token[] tokens, EntityMention m)
    {
        for (int t = m.FirstToken; t < m.FirstToken + m.TokenCount; t++)
        {
            if (tokens[t].Kind != TokenKind.Word)
                return false;
            var lower = tokens[t].Span(text).ToString().ToLowerInvariant();
            if (!EntityLexicons.EnglishWords.Contains(lower) || EntityLexicons.EnglishNames.Contains(lower) || PersonGenders.GivenNames.ContainsKey(lower))
                return false;
        }
        return true;
    }

    /// <summary>A lower-case word, or a comma, semicolon or dash: what comes before it is no sentence's or headline's start.</summary>
    private static bool InsideSentence(string text, Token token) =>
        (token.Kind == TokenKind.Word && char.IsLower(text[token.Start]))
        || (token.Length == 1 && text[token.Start] is ',' or ';' or '—' or '–');

    private static int TokenAt(Token[] tokens, int position)
    {
        int lo = 0, hi = tokens.Length - 1;
        while (lo <= hi)
        {
            int mid = (lo + hi) >> 1;
            if (tokens[mid].End <= position)
                lo = mid + 1;
            else if (tokens[mid].Start > position)
                hi = mid - 1;
            else
                return mid;
        }
        return -1;
    }
}

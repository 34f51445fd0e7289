using Sitrep.Documents;
using Sitrep.Entities;
using Sitrep.Entities.Resolution;
using Sitrep.Ingest;
using Sitrep.Quotes;

namespace Sitrep.Stories;

/// <summary>One quote of a statement: the document, the quote's index in its quotes, its words and date.</summary>
public sealed record StatementQuote(string Document, int Quote, string Words, string? Date);

/// <summary>The same statement reported by several articles of a story: the speaker (stored entity id and name) and every version.</summary>
public sealed record StoryStatement(string Speaker, string SpeakerName, IReadOnlyList<StatementQuote> Quotes);

/// <summary>
/// The same statement across outlets. Only quotes of words said or written take part (<see cref="Quote.IsSpeech"/>:
/// not a thought, an evidential or a deed). Each article already groups its quotes of one speaker on one
/// occasion (a quote's statement number); those groups are joined across articles when the speaker
/// is the same stored entity, their dates do not conflict (an unknown date conflicts with none) and
/// the words they put in quotation marks agree: at least two content words in common that make up a
/// fair share of the shorter version, since one outlet may quote only part, or translate otherwise.
/// Paraphrase alone (reported speech) is the outlet's wording and does not match statements. A
/// speaker's two different statements share few words and stay apart.
/// One statement told under two names is joined too when the words are nearly the same and the names
/// are of one speaker: two persons' names with one surname ("Biden" and "Joe Biden" when resolution kept
/// them apart; a son's words given to the father, who shares his name), or an office and a person the
/// article names as its spokesman, counsel or secretary (a statement "the White House said" in one
/// outlet and "White House press secretary Kayleigh McEnany said" in another), or one of them an
/// article names only by a pronoun or a title ("he said", "the president wrote"), read from elsewhere in
/// it and so perhaps wrongly. Two speakers named by name, unrelated, with the same words stay apart.
/// Two statements of one speaker that two articles or more each quote, both of them, are one occasion when
/// nothing tells them apart (<see cref="JoinReportedTogether"/>).
/// </summary>
public static class StoryStatements
{
    /// <summary>Of the shorter version's content words, at least this share must be in the other.</summary>
    private const double MinShared = 0.25;

    private const int MinSharedWords = 2;

    /// <summary>Under two names: of the shorter version's content words, at least this share must be in the other ...</summary>
    private const double MinSharedOtherName = 0.8;

    /// <summary>... and at least this many: a few common words said by two people are not one statement.</summary>
    private const int MinSharedWordsOtherName = 5;

    public static IReadOnlyList<StoryStatement> Of(IReadOnlyList<Document> documents, IDocumentStore store)
    {
        ArgumentNullException.ThrowIfNull(documents);
        ArgumentNullException.ThrowIfNull(store);
        var units = new List<Unit>();
        var directory = store.Feature<IEntityDirectory>();
        foreach (var document in documents)
        {
            var quotes = StoredQuotes.Of(document, store);
            StoredEntity?[]? resolved = null;
            // Only words said or written: a thought, an evidential ("X seems to …") or a deed given to a speaker is
            // no statement of theirs, even when the article numbers it with the speaker's words.
            foreach (var group in quotes.Where(q => q.SpeakerId is not null && q.Quote.IsSpeech).GroupBy(q => (q.SpeakerId!, q.Quote.Statement)))
            {
                // Words in quotation marks are the speaker's; a reporter's paraphrase is the outlet's own words.
                var quoted = group.Where(q => q.Quote.Kind != QuoteKind.Indirect).ToList();
                if (quoted.Count == 0)
                    continue;
                var words = new Dictionary<string, double>(StringComparer.Ordinal);
                foreach (var q in quoted)
                    StoryTerms.Count(q.Words, 1, words);
                // A date the article did not write beside the words (the publication date standing in) is no
                // evidence of the occasion, so it conflicts with none.
                var dates = group.Where(q => q.Quote.Cited is { DateInferred: false }).Select(q => q.Date).Where(d => d is { Length: 10 } && !d.StartsWith('X')).Distinct(StringComparer.Ordinal).ToList();
                // Who the article says the speaker is: its type and the roles the article gives it ("White House
                // press secretary"), for a statement another outlet gives under another name.
                var own = document.Entities();
                int index = group.First().Quote.Speaker!.Entity;
                var entity = index >= 0 && index < own.Count ? own[index] : null;
                resolved ??= MentionsTable.EntitiesOf(document, directory);
                units.Add(new Unit(document.Id, group.Key.Item1, group.First().Speaker ?? group.Key.Item1, [.. group], [.. words.Keys], dates.Count == 1 ? dates[0] : null)
                {
                    SpeakerType = entity?.Type,
                    Roles = entity?.Roles ?? [],
                    Beside = entity?.Type == "PERSON" ? Beside(document, index, resolved) : [],
                    Prominence = index >= 0 && index < resolved.Length && resolved[index] is { } stored ? stored.Documents : 0,
                    Unnamed = group.All(q => Unnamed(q.SpeakerWords)),
                });
            }
        }
        var rare = OccasionPhrases(units);
        var sets = new DisjointSets(units.Count);
        // The date a statement's versions give so far, by its smallest unit (DisjointSets keeps it the root): two versions
        // that each match a third undated one are joined only when their own dates agree, or a week's versions chain
        // through the undated ones (an article quoting Tuesday's address beside Thursday's remarks) into one statement.
        var dateOf = units.Select(u => u.Date).ToArray();
        for (int i = 0; i < units.Count; i++)
        {
            for (int j = i + 1; j < units.Count; j++)
            {
                int ri = sets.Find(i), rj = sets.Find(j);
                if (ri == rj || (dateOf[ri] is { } di && dateOf[rj] is { } dj && di != dj) || !Same(units[i], units[j], rare))
                    continue;
                sets.Union(i, j);
                dateOf[Math.Min(ri, rj)] = dateOf[ri] ?? dateOf[rj];
            }
        }
        JoinReportedTogether(units, sets);
        var statements = new List<StoryStatement>();
        foreach (var component in Enumerable.Range(0, units.Count).GroupBy(sets.Find).Select(g => g.Select(i => units[i]).ToList()))
        {
            if (component.Select(u => u.Document).Distinct(StringComparer.Ordinal).Count() < 2)
                continue;
            // Told under two names: the statement is given under the name most of its versions use (versions that name
            // the speaker only by a pronoun or a title count after those that name them); on a tie, the one
            // more articles write out in full beside the words ("Hunter Biden said" against "Biden said"), then the better known.
            var named = component.GroupBy(u => u.Speaker, StringComparer.Ordinal)
                .OrderByDescending(g => g.Count(u => !u.Unnamed))
                .ThenByDescending(g => g.Count())
                .ThenByDescending(g => g.Count(u => u.SpeakerName.Contains(' ', StringComparison.Ordinal) && u.Quotes.Any(q => string.Equals(q.SpeakerWords, u.SpeakerName, StringComparison.OrdinalIgnoreCase))))
                .ThenByDescending(g => g.First().Prominence)
                .First().First();
            statements.Add(new StoryStatement(
                named.Speaker,
                named.SpeakerName,
                [.. component.SelectMany(u => u.Quotes).Select(q => new StatementQuote(q.Document, q.Index, q.Words, q.Date))]));
        }
        return statements;
    }

    /// <summary>Articles that must each quote two statements of one speaker before they are taken for one occasion.</summary>
    private const int MinArticlesQuotingBoth = 2;

    /// <summary>
    /// Two statements of one speaker that at least two articles each quote, both of them: an article keeps quotes far
    /// apart in its text as two statements when it writes no date or outlet for them, and two outlets quoting the same
    /// two passages of one interview, hearing or opinion, no words of them in common, is evidence of one occasion.
    /// They stay apart when anything tells two occasions: different dates, different outlets or channels the words
    /// are cited from (an interview with one paper and one with another), or one told as written (a letter, a post:
    /// "wrote", "tweeted") and the other not (the remarks to reporters the same day). Joined two at a time, each pass
    /// reading the statements as the last pass left them.
    /// </summary>
    private static void JoinReportedTogether(List<Unit> units, DisjointSets sets)
    {
        for (bool joined = true; joined;)
        {
            joined = false;
            var occasions = new Dictionary<int, Occasion>();
            for (int i = 0; i < units.Count; i++)
            {
                int root = sets.Find(i);
                if (!occasions.TryGetValue(root, out var occasion))
                    occasions[root] = occasion = new Occasion(root);
                occasion.Add(units[i]);
            }
            var candidates = occasions.Values.Where(o => o.Documents.Count >= MinArticlesQuotingBoth).ToList();
            var touched = new HashSet<int>();
            foreach (var group in candidates.SelectMany(o => o.Speakers.Select(s => (Speaker: s, Occasion: o))).GroupBy(x => x.Speaker, StringComparer.Ordinal))
            {
                var list = group.Select(x => x.Occasion).ToList();
                for (int i = 0; i < list.Count; i++)
                {
                    for (int j = i + 1; j < list.Count; j++)
                    {
                        var (a, b) = (list[i], list[j]);
                        if (touched.Contains(a.Root) || touched.Contains(b.Root) || !a.ReportedWith(b))
                            continue;
                        sets.Union(a.Root, b.Root);
                        touched.Add(a.Root);
                        touched.Add(b.Root);
                        joined = true;
                    }
                }
            }
        }
    }

    /// <summary>What the versions of one statement so far tell of its occasion, for <see cref="JoinReportedTogether"/>.</summary>
    private sealed class Occasion(int root)
    {
        public int Root { get; } = root;

        public HashSet<string> Documents { get; } = new(StringComparer.Ordinal);

        public HashSet<string> Speakers { get; } = new(StringComparer.Ordinal);

        private readonly HashSet<string> _dates = new(StringComparer.Ordinal);
        private readonly HashSet<string> _cited = new(StringComparer.OrdinalIgnoreCase);
        private bool _written;

        public void Add(Unit unit)
        {
            Documents.Add(unit.Document);
            Speakers.Add(unit.Speaker);
            if (unit.Date is not null)
                _dates.Add(unit.Date);
            foreach (var q in unit.Quotes)
            {
                if ((q.CitedId ?? q.CitedName) is { } cited)
                    _cited.Add(cited);
                _written |= q.Cue is { } cue && IsWrittenCue(cue);
            }
        }

        public bool ReportedWith(Occasion other) =>
            Documents.Count(other.Documents.Contains) >= MinArticlesQuotingBoth
            && !(_dates.Count > 0 && other._dates.Count > 0 && !_dates.Overlaps(other._dates))
            && !(_cited.Count > 0 && other._cited.Count > 0 && !_cited.Overlaps(other._cited))
            && _written == other._written;

        /// <summary>"wrote", "writes", or a network's own verb ("tweeted", speech-channels.tsv).</summary>
        private static bool IsWrittenCue(string cue)
        {
            int space = cue.IndexOf(' ', StringComparison.Ordinal);
            var verb = (space < 0 ? cue : cue[..space]).ToLowerInvariant();
            return verb is "wrote" or "writes" or "write" or "writing" or "written" || Quotes.SpeechWords.Channels.ContainsKey(verb);
        }
    }

    /// <summary>
    /// Short quotes ("deeply silly", "a bad idea") that tell an occasion: none of the speaker's versions in the story
    /// on another date than the others has them. A phrase the speaker uses on every occasion ("endless wars", in
    /// one week's tweet, remarks and statement) tells none.
    /// </summary>
    private static HashSet<string> OccasionPhrases(List<Unit> units)
    {
        var rare = new HashSet<string>(StringComparer.Ordinal);
        foreach (var speaker in units.GroupBy(u => u.Speaker, StringComparer.Ordinal))
        {
            var phrases = speaker.SelectMany(u => u.Versions).Where(v => v.Words < SharedRun && v.ContentWords >= 2).Select(v => v.Joined).ToHashSet(StringComparer.Ordinal);
            foreach (var phrase in phrases)
            {
                var dates = speaker.Where(u => u.Date is not null && u.Versions.Any(v => v.Joined.Contains(phrase, StringComparison.Ordinal))).Select(u => u.Date).Distinct(StringComparer.Ordinal).Count();
                if (dates <= 1)
                    rare.Add(speaker.Key + phrase);
            }
        }
        return rare;
    }

    private static bool Same(Unit a, Unit b, HashSet<string> rare)
    {
        if (a.Document == b.Document)
            return false;
        if (a.Date is not null && b.Date is not null && a.Date != b.Date)
            return false;
        bool sameSpeaker = a.Speaker == b.Speaker;
        // Every pair of a story's versions comes here, so the cheap test of the names goes before the words are counted.
        if (!sameSpeaker && !(a.Unnamed || b.Unnamed || OneSpeaker(a, b)))
            return false;
        var (small, large) = a.Words.Count <= b.Words.Count ? (a, b) : (b, a);
        if (small.Words.Count == 0 || (!sameSpeaker && small.Words.Count < MinSharedWordsOtherName))
            return false;
        int shared = small.Words.Count(large.WordSet.Contains);
        if (sameSpeaker)
            return shared >= MinSharedWords && shared >= MinShared * small.Words.Count && (a.Date is not null && a.Date == b.Date || AnyVersionsAlike(a, b, rare));
        return shared >= MinSharedWordsOtherName && shared >= MinSharedOtherName * small.Words.Count;
    }

    /// <summary>
    /// Words in a row that two versions must share to be one statement's: this many with two content words
    /// among them, more than a slogan's few ("endless wars", "a bad idea", "the United States has") ...
    /// </summary>
    private const int SharedRun = 5;

    /// <summary>... or this many of any words ("there's no requirement that we have a vote").</summary>
    private const int SharedLongRun = 7;

    /// <summary>Or, in other words (a translation), this many of the shorter quote's content words, one of them no name ...</summary>
    private const int MinSharedQuoteWords = 3;

    /// <summary>... making at least this share of them.</summary>
    private const double MinSharedQuoteShare = 0.5;

    /// <summary>
    /// Whether one quote of each version tells the same words: a run of words in common (<see cref="SharedRun"/>,
    /// <see cref="SharedLongRun"/>), one short quote inside the other, or most of the shorter quote's content words
    /// in common (another translation; one of them not a name, since a speaker names the same countries and people
    /// on every occasion). The versions' words pooled are no evidence by themselves: an article that groups a speaker's
    /// tweet with the remarks around it shares two content words with nearly everything the speaker said that
    /// week, and one outlet's pooled quotes then chained every version of every statement of the speaker into one.
    /// </summary>
    private static bool AnyVersionsAlike(Unit a, Unit b, HashSet<string> rare)
    {
        foreach (var x in a.Versions)
        {
            foreach (var y in b.Versions)
            {
                if (x.Runs.Overlaps(y.Runs))
                    return true;
                var (shorter, longer) = x.Words <= y.Words ? (x, y) : (y, x);
                // A few words in quotation marks that the other version has as they stand ("a bad idea").
                if (shorter.ContentWords >= 2 && (shorter.Words >= SharedRun || rare.Contains(a.Speaker + shorter.Joined))
                    && longer.Joined.Contains(shorter.Joined, StringComparison.Ordinal))
                    return true;
                var (small, large) = x.Content.Count <= y.Content.Count ? (x, y) : (y, x);
                if (small.Content.Count < MinSharedQuoteWords)
                    continue;
                int shared = small.Content.Count(large.Content.Contains);
                if (shared >= MinSharedQuoteWords && shared >= MinSharedQuoteShare * small.Content.Count && small.Lower.Overlaps(large.Lower))
                    return true;
            }
        }
        return false;
    }

    /// <summary>
    /// Whether two stored speakers' names are of one speaker: persons with one surname (a name of one word
    /// being the other's last), or an office and a person whose role in its article names the office.
    /// </summary>
    private static bool OneSpeaker(Unit a, Unit b)
    {
        if ((a.SpeakerType == "PERSON" || b.SpeakerType == "PERSON") && a.Surname is { } s && s == b.Surname)
            return true;
        return Serves(a, b) || Serves(b, a);
    }

    /// <summary>
    /// A person whose article names the office (an organisation or a place) speaking in the other as theirs:
    /// right before their name with only role words between ("White House press secretary Kayleigh McEnany")
    /// or after it ("Pat Cipollone, the White House counsel"), or in a role it gives them.
    /// </summary>
    private static bool Serves(Unit person, Unit office)
    {
        if (person.SpeakerType != "PERSON" || office.SpeakerType is "PERSON" or null || office.SpeakerName.Length < 3)
            return false;
        if (person.Beside.Contains(office.Speaker))
            return true;
        foreach (var role in person.Roles)
        {
            int at = role.IndexOf(office.SpeakerName, StringComparison.OrdinalIgnoreCase);
            // The whole name as words ("Democrat" is not named by "Democratic Sen.").
            if (at >= 0 && (at == 0 || !char.IsLetterOrDigit(role[at - 1])) && (at + office.SpeakerName.Length == role.Length || !char.IsLetterOrDigit(role[at + office.SpeakerName.Length])))
                return true;
        }
        return false;
    }

    /// <summary>Stored ids of the entities the article names right beside the person's name, as its office (see <see cref="Serves"/>).</summary>
    private static HashSet<string> Beside(Document document, int person, StoredEntity?[] resolved)
    {
        var text = document.Text;
        var mentions = document.Mentions();
        var beside = new HashSet<string>(StringComparer.Ordinal);
        foreach (var p in mentions)
        {
            if (p.Entity != person)
                continue;
            foreach (var m in mentions)
            {
                if (m.Entity < 0 || m.Entity == person || m.Entity >= resolved.Length || resolved[m.Entity] is not { } office || office.Type == "PERSON")
                    continue;
                bool before = m.End <= p.Start && p.Start - m.End <= 30 && RoleWords(text.AsSpan(m.End, p.Start - m.End));
                bool after = m.Start >= p.End && m.Start - p.End <= 8 && text.AsSpan(p.End, m.Start - p.End).Trim().SequenceEqual(", the");
                if (before || after)
                    beside.Add(MentionsTable.EntityId(office.Id));
            }
        }
        return beside;
    }

    private static readonly HashSet<string> NotRoleWords = new(["and", "or", "said", "says", "told", "with", "to", "by", "for", "at", "in", "on", "from", "the", "a"], StringComparer.Ordinal);

    /// <summary>One to three lower-case words and nothing else ("press secretary", "spokesman"): a role between an office's name and a person's.</summary>
    private static bool RoleWords(ReadOnlySpan<char> gap)
    {
        int words = 0;
        foreach (var range in gap.Split(' '))
        {
            var word = gap[range];
            if (word.IsEmpty)
                continue;
            foreach (var c in word)
            {
                if (!char.IsLower(c) && c != '-')
                    return false;
            }
            if (NotRoleWords.Contains(word.ToString()))
                return false;
            words++;
        }
        return words is >= 1 and <= 3;
    }

    private static readonly HashSet<string> Referring = new(["he", "she", "they", "it", "we", "the", "a", "an", "his", "her", "their", "its", "this", "that"], StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Whether the article gives the speaker no name beside the words, only a pronoun or a title ("he", "They",
    /// "the president"): who it is was read from elsewhere and may be wrong, so nearly the same words another
    /// outlet gives a named speaker are that speaker's statement.
    /// </summary>
    private static bool Unnamed(string? words)
    {
        if (string.IsNullOrWhiteSpace(words))
            return false;
        var parts = words.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (!Referring.Contains(parts[0]))
            return false;
        for (int i = 1; i < parts.Length; i++)
        {
            if (!char.IsLower(parts[i][0]))
                return false;
        }
        return true;
    }

    /// <summary>The last word of a name, lower case (letters only, three or more), else null.</summary>
    private static string? Surname(string name)
    {
        var words = name.Split((char[])[' ', '\u00a0'], StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0)
            return null;
        var last = words[^1];
        return last.Length >= 3 && last.All(char.IsLetter) ? last.ToLowerInvariant() : null;
    }

    /// <summary>One quote's words as <see cref="AnyVersionsAlike"/> compares them.</summary>
    private sealed class Version
    {
        /// <summary>Its runs of words that count as the same words (<see cref="SharedRun"/>, <see cref="SharedLongRun"/>).</summary>
        public HashSet<string> Runs { get; } = new(StringComparer.Ordinal);

        /// <summary>Its content words, stemmed (<see cref="StoryTerms.Count"/>).</summary>
        public HashSet<string> Content { get; } = new(StringComparer.Ordinal);

        /// <summary>Those of them written in lower case somewhere in it: not names.</summary>
        public HashSet<string> Lower { get; } = new(StringComparer.Ordinal);

        /// <summary>The words with a space before, between and after them, to find a short quote inside a longer one.</summary>
        public string Joined { get; }

        public int Words { get; }

        public int ContentWords { get; }

        public Version(string words)
        {
            var (tokens, capitalised) = Tokens(words);
            Words = tokens.Length;
            var lower = new List<string>(tokens.Length);
            var isContent = new bool[tokens.Length];
            for (int i = 0; i < tokens.Length; i++)
            {
                isContent[i] = tokens[i].Length > 1 && !StoryTerms.IsStopword(tokens[i]);
                ContentWords += isContent[i] ? 1 : 0;
                if (!capitalised[i])
                    lower.Add(tokens[i]);
            }
            var counts = new Dictionary<string, double>(StringComparer.Ordinal);
            StoryTerms.Count(words, 1, counts);
            Content.UnionWith(counts.Keys);
            counts.Clear();
            StoryTerms.Count(string.Join(' ', lower), 1, counts);
            Lower.UnionWith(counts.Keys);
            for (int i = 0; i + SharedRun <= tokens.Length; i++)
            {
                int content = 0;
                for (int k = i; k < i + SharedRun; k++)
                    content += isContent[k] ? 1 : 0;
                if (content >= 2)
                    Runs.Add(string.Join(' ', tokens, i, SharedRun));
            }
            for (int i = 0; i + SharedLongRun <= tokens.Length; i++)
                Runs.Add(string.Join(' ', tokens, i, SharedLongRun));
            Joined = " " + string.Join(' ', tokens) + " ";
        }

        /// <summary>The words in lower case, letters and digits only ("America's" is "america": the "s" is no word), and which were capitalised.</summary>
        private static (string[] Tokens, bool[] Capitalised) Tokens(string words)
        {
            var tokens = new List<string>();
            var capitalised = new List<bool>();
            foreach (var word in Sitrep.Cleaning.TextShape.WordRanges(words))
            {
                int start = word.Start.Value, length = word.End.Value - start;
                if (length == 1 && words[start] is 's' or 'S' && start > 0 && words[start - 1] is '\'' or '’')
                    continue;
                tokens.Add(words[word].ToLowerInvariant());
                capitalised.Add(char.IsUpper(words[start]));
            }
            return ([.. tokens], [.. capitalised]);
        }
    }

    private sealed record Unit(string Document, string Speaker, string SpeakerName, IReadOnlyList<StoredQuote> Quotes, IReadOnlyList<string> Words, string? Date)
    {
        /// <summary>Each quote in quotation marks, read once for <see cref="AnyVersionsAlike"/>.</summary>
        public IReadOnlyList<Version> Versions { get; } = [.. Quotes.Where(q => q.Quote.Kind != QuoteKind.Indirect).Select(q => new Version(q.Words))];

        /// <summary>The content words as a set, built once: each unit is compared with every other of its story.</summary>
        public HashSet<string> WordSet { get; } = Words.ToHashSet(StringComparer.Ordinal);

        /// <summary>The speaker's name's last word (<see cref="StoryStatements.Surname(string)"/>), read once.</summary>
        public string? Surname { get; } = StoryStatements.Surname(SpeakerName);

        public string? SpeakerType { get; init; }

        public IReadOnlyList<string> Roles { get; init; } = [];

        /// <summary>Offices (stored ids) the article names beside the person as theirs.</summary>
        public IReadOnlySet<string> Beside { get; init; } = new HashSet<string>();

        /// <summary>Every quote names its speaker only by a pronoun or a title (<see cref="Unnamed(string?)"/>).</summary>
        public bool Unnamed { get; init; }

        /// <summary>In how many stored documents the speaker is named: a statement told under two names takes the better known on a tie.</summary>
        public int Prominence { get; init; }
    }
}

using System.Collections.Frozen;
using System.Globalization;

namespace Sitrep.Quotes;

/// <summary>What a speaker nominal points back to: the statement ("the statement said"), an outlet ("the newspaper wrote"), a channel ("his website").</summary>
internal enum NominalKind : byte
{
    None,
    Statement,
    Outlet,
    Channel,
    Group,

    /// <summary>A body named by the name before it: "the Kestrel terrorist group" is the Kestrel Brigades.</summary>
    Body,
}

/// <summary>
/// The word lists the finder reads: closed structural words (pronouns, determiners, prepositions,
/// time words) here in code, the open lists in resources/lexicons: speech-channels.tsv (networks and
/// the verbs that name them), speech-nominals.tsv (nouns that stand for a speaker), speech-audiences.tsv
/// (who words are told to), speech-occasions.tsv (how words were given), speech-side-participles.tsv
/// (participles that open a side phrase after reported words) and speech-infinitive-cues.tsv (infinitives that carry a cue on).
/// </summary>
internal static class SpeechWords
{
    public static readonly FrozenSet<string> PersonalPronouns = Set("he", "she", "they", "it", "i", "we", "you");

    public static readonly FrozenSet<string> Relatives = Set("who", "which", "whom");

    public static readonly FrozenSet<string> Determiners = Set(
        "the", "a", "an", "this", "these", "those", "some", "many", "several", "most", "all", "other", "both", "another", "its", "his",
        "her", "their", "our", "my", "your", "two", "three", "four", "five", "few", "one", "no", "each", "every", "any", "such");

    /// <summary>Words that end a noun phrase when reading leftwards from a verb.</summary>
    public static readonly FrozenSet<string> PhraseStops = Set(
        "that", "and", "but", "or", "as", "while", "when", "because", "if", "after", "before", "since", "although", "though", "where",
        "who", "which", "whom", "whose", "than", "so", "then", "to", "in", "on", "at", "by", "for", "with", "from", "into", "about",
        "against", "over", "under", "during", "without", "through", "between", "among", "amid", "despite", "like", "unlike", "whether",
        "is", "are", "was", "were", "be", "been", "has", "have", "had", "will", "would", "could", "should", "can", "may", "might", "must",
        "not", "do", "does", "did", "also", "yet", "nor", "what", "how", "why", "there", "here", "even", "only", "just");

    public static readonly FrozenSet<string> Prepositions = Set(
        "to", "in", "on", "at", "by", "for", "with", "from", "into", "about", "against", "over", "under", "during", "without", "through",
        "between", "among", "amid", "of", "toward", "towards", "across", "behind", "beyond", "near", "upon", "via", "than", "like", "onto",
        "around", "throughout");

    /// <summary>Words that introduce a sentence before its subject ("In a statement, …", "Meanwhile, …").</summary>
    public static readonly FrozenSet<string> Openers = Set(
        "in", "on", "at", "after", "before", "during", "following", "meanwhile", "however", "furthermore", "moreover", "but", "and", "also",
        "still", "yet", "then", "later", "earlier", "speaking", "asked", "writing", "since", "while", "when", "as", "last", "this", "separately",
        "nevertheless", "nonetheless", "instead", "indeed", "besides", "today", "yesterday", "now", "for", "with", "without", "according",
        "under", "amid", "despite", "regardless", "if", "although", "though", "because", "so", "thus", "hence", "finally", "first", "second",
        "third", "again", "similarly", "likewise", "additionally", "notably", "previously", "recently");

    /// <summary>
    /// Words that open a subordinate clause set before the sentence's own ("When asked …, X said", "While
    /// Y has said …, Z …", "If you doubt that …, look …"): reported words inside it end at the comma that
    /// closes it.
    /// </summary>
    public static readonly FrozenSet<string> Subordinators = Set(
        "after", "although", "as", "because", "before", "if", "once", "since", "though", "unless", "until", "when", "whenever",
        "whereas", "while", "despite", "whether");

    /// <summary>
    /// Connectives by which the writer ties a sentence to the one before ("However,", "Meanwhile,", "In
    /// fact,", "What's more,"): before a comma at the start of reported words they are the writer's.
    /// Not time words ("Now,", "Recently,"), which PolNeAR keeps in the words as often as not.
    /// </summary>
    public static readonly FrozenSet<string> Connectives = Set(
        "however", "meanwhile", "nevertheless", "nonetheless", "still", "moreover", "furthermore", "indeed", "besides", "likewise",
        "similarly", "additionally", "overall", "in fact", "even so", "what's more", "in all", "for example", "for instance",
        "in addition", "as a result", "of course", "in short", "by contrast", "in contrast", "in other words", "to be sure",
        "at the same time", "on the other hand");

    /// <summary>Past participles that open a clause set before the sentence's own ("Asked whether …, she …").</summary>
    public static readonly FrozenSet<string> FrontedParticiples = Set("asked", "told", "pressed", "questioned");

    /// <summary>Participles of putting a question to someone ("X was asked whether …", "was pressed on …"): their passive subject answers next.</summary>
    public static readonly FrozenSet<string> QuestionedParticiples = Set("asked", "pressed", "questioned", "quizzed", "grilled");

    public static readonly FrozenSet<string> Weekdays = Set(
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun");

    public static readonly FrozenSet<string> Months = Set(
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec");

    /// <summary>Words of a time phrase that can stand between a speaker and the verb ("he last week tweeted", "said on Tuesday").</summary>
    public static readonly FrozenSet<string> TimeWords = Set(
        "today", "yesterday", "tonight", "tomorrow", "week", "weekend", "month", "year", "morning", "afternoon", "evening", "night", "day",
        "days", "weeks", "months", "years", "last", "this", "next", "earlier", "later", "late", "early", "on", "recent", "past", "previous",
        "in", "the", "of", "ago", "hours", "friday's", "saturday's", "sunday's", "monday's", "tuesday's", "wednesday's", "thursday's",
        "overnight", "recently");

    /// <summary>Adverbs of manner and time that stand between a speaker and the cue ("reportedly", "publicly"), lower case.</summary>
    public static readonly IReadOnlyList<string> Adverbs = Words("speech-adverbs.tsv");

    /// <summary>Nouns of an audience words are told to ("reporters", "supporters"), lower case.</summary>
    public static readonly IReadOnlyList<string> Audiences = Words("speech-audiences.tsv");

    /// <summary>Nouns of how words were given ("tweet", "interview", "briefing") whose closing phrase is cut from reported words (column cut "yes"), lower case.</summary>
    public static readonly IReadOnlyList<string> Occasions = [.. Rows("speech-occasions.tsv").Where(f => f.Length < 2 || f[1].Trim() == "yes").Select(f => f[0].ToLowerInvariant())];

    /// <summary>Every noun of speech-occasions.tsv ("interview", "show", "hearing"), lower case: a date written on one is the date of the words.</summary>
    public static readonly FrozenSet<string> DateOccasions = Words("speech-occasions.tsv").ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Nouns of a finding whose opening phrase attributes the clause after it ("In a recent poll, …"), lower case: speech-findings.tsv.</summary>
    public static readonly FrozenSet<string> Findings = Words("speech-findings.tsv").ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Participles that open a side phrase even before "that" ("adding", "citing", "compared"), lower case.</summary>
    public static readonly IReadOnlyList<string> SideParticiples = Words("speech-side-participles.tsv");

    /// <summary>A cue word's stem and a preposition that belongs to it ("interest in", "aim at"), as "stem preposition": speech-cue-prepositions.tsv.</summary>
    public static readonly FrozenSet<string> CuePrepositionPairs = Rows("speech-cue-prepositions.tsv").Select(f => f[0].ToLowerInvariant() + " " + f[1].ToLowerInvariant()).ToFrozenSet(StringComparer.Ordinal);

    /// <summary>
    /// A crude stem for the pairs above: lower case, one ending "-ing", "-ed", "-es" or "-s" cut (three
    /// letters left at least), then a final "e" ("believes", "believed", "believing" are "believ").
    /// </summary>
    public static string CrudeStem(ReadOnlySpan<char> lower)
    {
        foreach (var suffix in (ReadOnlySpan<string>)["ing", "ed", "es", "s"])
        {
            if (lower.EndsWith(suffix, StringComparison.Ordinal) && lower.Length - suffix.Length >= 3)
            {
                lower = lower[..^suffix.Length];
                break;
            }
        }
        if (lower.Length > 3 && lower[^1] == 'e')
            lower = lower[..^1];
        return lower.ToString();
    }

    /// <summary>Passive verbs before "by" whose subject is the person spoken to or the one who feels ("was asked by X about …", "were outraged by …"), lower case: speech-passive-exceptions.tsv.</summary>
    public static readonly FrozenSet<string> PassiveExceptions = Words("speech-passive-exceptions.tsv").ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Participles whose passive subject holds the feeling or stance, so stays the source ("were outraged", "are convinced that", "are opposed to"), lower case: speech-holder-passives.tsv.</summary>
    public static readonly FrozenSet<string> HolderPassives = Words("speech-holder-passives.tsv").ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Verbs whose passive with "by" PolNeAR train marks as a cue most of the time ("was rejected by voters", "as reported by the Post"), lower case: speech-passive-cues.tsv (bench/quotes/passive_cues.py).</summary>
    public static readonly FrozenSet<string> PassiveCues = Words("speech-passive-cues.tsv").ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Adverbs PolNeAR train marks as a whole attribution cue with no source ("The FBI is reportedly making arrangements …"), lower case: speech-evidential-adverbs.tsv (bench/quotes/evidential_adverbs.py).</summary>
    public static readonly FrozenSet<string> EvidentialAdverbs = Words("speech-evidential-adverbs.tsv").ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Nouns a text calls itself by in its credits ("This story was reported by …"), lower case: speech-byline-nouns.tsv.</summary>
    public static readonly FrozenSet<string> BylineNouns = Words("speech-byline-nouns.tsv").ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Verbs whose infinitive carries a cue on ("declined to address …"), lower case: speech-infinitive-cues.tsv.</summary>
    public static readonly FrozenSet<string> InfinitiveCues = Words("speech-infinitive-cues.tsv").ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Words in "-ly" that are no lead-in adverb before a cue's "that" ("likely", "family", "daily"), compared ignoring case: speech-ly-non-adverbs.tsv.</summary>
    public static readonly FrozenSet<string> LyNonAdverbs = Words("speech-ly-non-adverbs.tsv").ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>Adverbs of frequency and time not in "-ly" that stand between a cue and its "that" ("only", "twice", "again"), compared ignoring case: speech-lead-adverbs.tsv.</summary>
    public static readonly FrozenSet<string> LeadAdverbs = Words("speech-lead-adverbs.tsv").ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>Adverbs of a whole clause between a subject and its verb ("has indeed called", "instead calling", "outright dismissing"), never a speaker, compared ignoring case: speech-clause-adverbs.tsv.</summary>
    public static readonly FrozenSet<string> ClauseAdverbs = Words("speech-clause-adverbs.tsv").ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>Conjunctions that open a clause inside a sentence-opening "-ing" phrase, so that a verb after them is not the gerund subject's ("and", "when", "because"), compared ignoring case: speech-gerund-stops.tsv.</summary>
    public static readonly FrozenSet<string> GerundStops = Words("speech-gerund-stops.tsv").ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>Irregular simple pasts that are only verbs ("took", "met", "lit"): a speaker's noun phrase read leftwards stops at one (speech-irregular-pasts.tsv), compared ignoring case.</summary>
    public static readonly FrozenSet<string> IrregularPasts = Words("speech-irregular-pasts.tsv").ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>Nouns of stance in "in favor of", "in support of", "in defense of" after a cue, lower case: speech-stance-nouns.tsv.</summary>
    public static readonly FrozenSet<string> StanceNouns = Words("speech-stance-nouns.tsv").ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Nouns of people named by their tie to a name after "of" ("critics of X", "the family of X"), lower case: speech-relational-nouns.tsv.</summary>
    public static readonly FrozenSet<string> RelationalNouns = Words("speech-relational-nouns.tsv").ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Nouns of evidence that speak in a headline label ("Poll: …", "New survey: …"), lower case: speech-evidence-labels.tsv.</summary>
    public static readonly FrozenSet<string> EvidenceLabels = Words("speech-evidence-labels.tsv").ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Participles that report speech as a side clause ("…, saying …", "…, adding that …").</summary>
    public static bool IsParticiple(ReadOnlySpan<char> lower) => lower.Length > 4 && lower.EndsWith("ing", StringComparison.Ordinal);

    private static readonly Lazy<(FrozenDictionary<string, string> Channels, FrozenDictionary<string, NominalKind> Nominals, FrozenSet<string> OutletFirst, FrozenSet<string> OutletLast)> Lists = new(Load);

    /// <summary>
    /// A name is an outlet's when the tagger said so, or when it ends in a word that names outlets
    /// ("Herald", "Times", "News Agency") or starts with "Radio": the tagger types unknown outlets as
    /// organisations.
    /// </summary>
    public static bool IsOutletName(string type, ReadOnlySpan<char> name)
    {
        if (type == "MEDIA")
            return true;
        // The tagger takes unknown outlets for organisations, places ("the Aldmere Herald") or people ("Radio X").
        if (type is not ("ORG" or "MISC" or "GPE" or "PERSON" or "LOC"))
            return false;
        name = name.Trim();
        int space = name.LastIndexOf(' ');
        var last = space < 0 ? name : name[(space + 1)..];
        int firstSpace = name.IndexOf(' ');
        var first = firstSpace < 0 ? name : name[..firstSpace];
        Span<char> buffer = stackalloc char[40];
        return (last.Length <= 40 && Lists.Value.OutletLast.GetAlternateLookup<ReadOnlySpan<char>>().Contains(CueFeatures.Lower(last, buffer)))
            || (first.Length <= 40 && Lists.Value.OutletFirst.GetAlternateLookup<ReadOnlySpan<char>>().Contains(CueFeatures.Lower(first, buffer)));
    }

    /// <summary>Networks and the verbs that name them: "twitter" and "tweeted" are Twitter. Keys lower case.</summary>
    public static FrozenDictionary<string, string> Channels => Lists.Value.Channels;

    /// <summary>Nouns that stand for a speaker or carry words: "statement", "newspaper", "website". Keys lower case.</summary>
    public static FrozenDictionary<string, NominalKind> Nominals => Lists.Value.Nominals;

    private static FrozenSet<string> Set(params string[] words) => words.ToFrozenSet(StringComparer.Ordinal);

    private static (FrozenDictionary<string, string>, FrozenDictionary<string, NominalKind>, FrozenSet<string>, FrozenSet<string>) Load()
    {
        var first = new HashSet<string>(StringComparer.Ordinal);
        var last = new HashSet<string>(StringComparer.Ordinal);
        foreach (var f in Rows("speech-outlet-words.tsv"))
            (f[1] == "first" ? first : last).Add(f[0].ToLowerInvariant());
        var channels = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var f in Rows("speech-channels.tsv"))
            channels[f[0].ToLowerInvariant()] = f[1];
        var nominals = new Dictionary<string, NominalKind>(StringComparer.Ordinal);
        foreach (var f in Rows("speech-nominals.tsv"))
        {
            nominals[f[0].ToLowerInvariant()] = f[1] switch
            {
                "statement" => NominalKind.Statement,
                "outlet" => NominalKind.Outlet,
                "channel" => NominalKind.Channel,
                "group" => NominalKind.Group,
                "body" => NominalKind.Body,
                _ => throw new InvalidDataException($"speech-nominals.tsv: unknown kind {f[1]}"),
            };
        }
        return (channels.ToFrozenDictionary(StringComparer.Ordinal), nominals.ToFrozenDictionary(StringComparer.Ordinal),
            first.ToFrozenSet(StringComparer.Ordinal), last.ToFrozenSet(StringComparer.Ordinal));
    }

    private static string[] Words(string name) => [.. Rows(name).Select(f => f[0].ToLowerInvariant())];

    private static IEnumerable<string[]> Rows(string name)
    {
        using var stream = typeof(SpeechWords).Assembly.GetManifestResourceStream("Sitrep.Lexicons." + name)
            ?? throw new InvalidOperationException($"the engine was built without resources/lexicons/{name}");
        using var reader = new StreamReader(stream);
        bool header = false;
        var rows = new List<string[]>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#')
                continue;
            if (!header)
            {
                header = true;
                continue;
            }
            rows.Add(line.Split('\t'));
        }
        return rows;
    }

    public static string Title(string word) => word.Length == 0 ? word : char.ToUpper(word[0], CultureInfo.InvariantCulture) + word[1..];
}

using System.Collections.Frozen;
using Sitrep.Entities;
using Sitrep.Quotes;
using Sitrep.Text;
using Sitrep.Time;

namespace Sitrep.Events;

/// <summary>What the finder reads of one document: its text, tokens, names, quotes, times and publication day.</summary>
public sealed record EventInput(
    string Text,
    Token[] Tokens,
    Sentence[] Sentences,
    IReadOnlyList<Mention> Mentions,
    QuoteLayer Quotes,
    IReadOnlyList<TimeExpression> Times,
    DateOnly? Published);

/// <summary>
/// Reads events from sentences. A word is an event's cue when it is a form of a verb of the CAMEO
/// dictionary (<c>event-verbs.tsv</c>); the verb's phrase patterns (the words around it, "called
/// for", "fired at", "killed … in an accident") decide its PLOVER type or that it is none, else its
/// own code does. Words inside a name, and capitalised words inside a sentence that is not written in
/// title case, are names, not cues. The status comes from the nearest factuality cue in the four words
/// before the cue ("plans to", "not", "allegedly", "threatened to") or a conditional that opens its
/// clause ("if", "unless"); the actor is the nearest name before the cue (after "by" in the passive),
/// the target the first name after it, the location a place after "in", "at" or "near"; the date
/// that of the sentence's time nearest the cue with no other clause's cue between them (see <see cref="Redate"/>),
/// else the publication day (inferred); the quote the innermost one holding the cue.
/// </summary>
internal sealed class EventFinder
{
    private const int StatusWindow = 4;

    /// <summary>How far before the cue an accusation's phrase ("accusations of", "on suspicion of") is looked for.</summary>
    private const int AccusationWindow = 10;
    private const int PatternAfter = 8;
    private const int PatternBefore = 5;

    /// <summary>How far before a harm verb its subject is looked for among the hazards.</summary>
    private const int HazardWindow = 6;

    /// <summary>How far after a harm verb the preposition or conjunction that tells its hazard is looked for ("injured in China on Sunday when …").</summary>
    private const int HazardAfterWindow = 7;

    /// <summary>How many words a hazard's phrase after its preposition may hold, the hazard last ("by a Central Texas fertilizer plant explosion").</summary>
    private const int HazardPhraseReach = 7;

    /// <summary>A pattern's words are the verb's own phrase: each within this many tokens of the one before it (room for an article and an adjective).</summary>
    private const int PatternGap = 3;
    /// <summary>How many words after a noun's own "of" its argument, the phrase's head, may stand ("of its armed forces", "of some 300,000 reservists").</summary>
    private const int OfHeadWindow = 4;

    /// <summary>How many words before a noun cue its own phrase may hold ("the January U.S. air attack").</summary>
    private const int NounPhraseWords = 5;

    private static readonly System.Collections.Frozen.FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> NounWords = EventGrammar.NounContext.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly System.Collections.Frozen.FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> VerbWords = EventGrammar.VerbContext.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly System.Collections.Frozen.FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> PrepositionWords = EventGrammar.Prepositions.GetAlternateLookup<ReadOnlySpan<char>>();

    private readonly EventLexicon _lexicon;

    private EventFinder(EventLexicon lexicon) => _lexicon = lexicon;

    public static EventFinder Default { get; } = new(EventLexicon.Default);

    /// <summary>The hash of the lexicons, for the stage version.</summary>
    /// <remarks>From the lists' bytes (<see cref="Sitrep.Lexicons.Lexicon.HashOf"/>): reading it loads no list, so commands that find no events skip the lexicons.</remarks>
    public static string LexiconHash => EventLexicon.DefaultHash + Sitrep.Lexicons.Lexicon.HashOf("event-support-verbs") + Sitrep.Lexicons.Lexicon.HashOf("event-agentless-verbs") + Sitrep.Lexicons.Lexicon.HashOf("event-hazard-sizes") + Sitrep.Lexicons.Lexicon.HashOf("event-weapons") + Sitrep.Lexicons.Lexicon.HashOf("event-alliance-participles") + Sitrep.Lexicons.Lexicon.HashOf("event-relief-verbs") + Sitrep.Lexicons.Lexicon.HashOf("event-unit-nouns") + Sitrep.Lexicons.Lexicon.HashOf("event-charge-nouns") + Sitrep.Lexicons.Lexicon.HashOf("event-clause-verbs") + Sitrep.Lexicons.Lexicon.HashOf("event-promise-verbs") + Sitrep.Lexicons.Lexicon.HashOf("event-discovery-participles") + Sitrep.Lexicons.Lexicon.HashOf("event-appeal-verbs") + Sitrep.Lexicons.Lexicon.HashOf("event-agent-nouns") + Sitrep.Lexicons.Lexicon.HashOf("event-retaliation-verbs") + Sitrep.Lexicons.Lexicon.HashOf("event-strike-contexts") + Sitrep.Lexicons.Lexicon.HashOf("event-idioms") + Sitrep.Lexicons.Lexicon.HashOf("event-back-particle-verbs") + Sitrep.Lexicons.Lexicon.HashOf("event-threat-participles") + Sitrep.Lexicons.Lexicon.HashOf("event-figurative-conflicts") + Sitrep.Lexicons.Lexicon.HashOf("event-capacity-nouns") + Sitrep.Lexicons.Lexicon.HashOf("event-act-noun-verbs") + Sitrep.Lexicons.Lexicon.HashOf("event-territory-nouns") + Sitrep.Lexicons.Lexicon.HashOf("event-campaign-rallies") + Sitrep.Lexicons.Lexicon.HashOf("event-plural-counts") + Sitrep.Lexicons.Lexicon.HashOf("event-enacting-verbs") + Sitrep.Lexicons.Lexicon.HashOf("event-desire-verbs") + Sitrep.Lexicons.Lexicon.HashOf("event-dismissal-verbs") + Sitrep.Lexicons.Lexicon.HashOf("event-decrease-verbs") + Sitrep.Lexicons.Lexicon.HashOf("event-person-noun-forms") + Sitrep.Lexicons.Lexicon.HashOf("event-adjective-forms") + Sitrep.Lexicons.Lexicon.HashOf("event-poll-shares") + Sitrep.Lexicons.Lexicon.HashOf("event-verbal-attacks") + Sitrep.Lexicons.Lexicon.HashOf("event-contest-verbs") + Sitrep.Lexicons.Lexicon.HashOf("event-degree-adverbs") + Sitrep.Lexicons.Lexicon.HashOf("event-question-verbs") + Sitrep.Lexicons.Lexicon.HashOf("event-opinion-verbs") + Sitrep.Lexicons.Lexicon.HashOf("event-figurative-fire") + Sitrep.Lexicons.Lexicon.HashOf("event-weapon-adjectives") + Sitrep.Lexicons.Lexicon.HashOf("event-visit-motions") + Sitrep.Lexicons.Lexicon.HashOf("event-refused-objects") + Sitrep.Lexicons.Lexicon.HashOf("event-neg-raising-verbs") + Sitrep.Lexicons.Lexicon.HashOf("event-fight-contexts") + Sitrep.Lexicons.Lexicon.HashOf("event-harm-forms") + Sitrep.Lexicons.Lexicon.HashOf("event-harm-objects") + Sitrep.Lexicons.Lexicon.HashOf("event-occurrence-nouns") + Sitrep.Lexicons.Lexicon.HashOf("event-placing-verbs") + Sitrep.Entities.Actors.ActorTable.DefaultHash;

    public IReadOnlyList<Event> Find(EventInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var cache = t_words ??= new WordCache();
        cache.Open(Table, input.Text, input.Tokens);
        try
        {
            return FindIn(input);
        }
        finally
        {
            cache.Close();
        }
    }

    /// <summary>
    /// The lexicon's entry of each token of the document being read, looked up the first time a rule asks
    /// (the finder asks of a word again and again: as a cue, a noun, a status cue before each cue and in
    /// each clause). Per thread: the finder is shared. A token array other than the one opened (a caller
    /// outside <see cref="Find"/>) is looked up directly.
    /// </summary>
    [ThreadStatic]
    private static WordCache? t_words;

    private sealed class WordCache
    {
        private WordTable? _table;
        private string? _text;
        private Token[]? _tokens;
        private WordEntry?[] _entries = new WordEntry?[256];

        public void Open(WordTable table, string text, Token[] tokens)
        {
            if (_entries.Length < tokens.Length)
                _entries = new WordEntry?[Math.Max(tokens.Length, 2 * _entries.Length)];
            else
                Array.Clear(_entries, 0, tokens.Length);
            (_table, _text, _tokens) = (table, text, tokens);
        }

        public void Close() => (_table, _text, _tokens) = (null, null, null);

        public WordEntry Of(WordTable table, string text, Token[] tokens, int k)
        {
            if (!ReferenceEquals(tokens, _tokens) || !ReferenceEquals(text, _text) || !ReferenceEquals(table, _table))
                return table.Of(tokens[k].Span(text));
            return _entries[k] ??= table.Of(tokens[k].Span(text));
        }
    }

    /// <summary>
    /// The word sets the rules test of a token again and again (every token of every sentence is asked
    /// whether it is a weapon or a hazard, each word before a cue whether it is an article or an auxiliary),
    /// as bits of <see cref="WordEntry.Sets"/>: a token is then hashed once, with its lexicon entry, where
    /// each set hashed and probed it anew (about a quarter of the stage went to such look-ups).
    /// </summary>
    internal static class WordSet
    {
        public const uint Weapon = 1, Hazard = 1 << 1, UnarmedHazard = 1 << 2, SizedHazard = 1 << 3, HazardSize = 1 << 4,
            NounContext = 1 << 5, VerbContext = 1 << 6, Preposition = 1 << 7, Promise = 1 << 8, Retaliation = 1 << 9, Quantity = 1 << 10;
    }

    /// <summary>
    /// The lexicon's entries (<see cref="EventLexicon.Words"/>) and the members of the <see cref="WordSet"/>
    /// sets in one case-insensitive table, as the sets compare: a word's bit is set exactly when its set
    /// holds it, so a test of the bit answers as the set's own look-up.
    /// </summary>
    private sealed class WordTable
    {
        /// <summary>Each entry with its key, for <see cref="RecentWords"/>.</summary>
        private readonly FrozenDictionary<string, (string Key, WordEntry Entry)>.AlternateLookup<ReadOnlySpan<char>> _words;

        public WordTable(EventLexicon lexicon)
        {
            var sets = new (IEnumerable<string> Words, uint Bit)[]
            {
                (Weapons.All, WordSet.Weapon), (lexicon.Hazards.All, WordSet.Hazard), (UnarmedHazards.Set, WordSet.UnarmedHazard),
                (SizedHazards.Set, WordSet.SizedHazard), (HazardSizes.All, WordSet.HazardSize), (EventGrammar.NounContext, WordSet.NounContext),
                (EventGrammar.VerbContext, WordSet.VerbContext), (EventGrammar.Prepositions, WordSet.Preposition), (PromiseVerbs.All, WordSet.Promise),
                (RetaliationVerbs.All, WordSet.Retaliation), (QuantityWords.Set, WordSet.Quantity),
            };
            var bits = new Dictionary<string, uint>(StringComparer.OrdinalIgnoreCase);
            foreach (var (words, bit) in sets)
            {
                foreach (var word in words)
                    bits[word] = bits.GetValueOrDefault(word) | bit;
            }
            var entries = new Dictionary<string, WordEntry>(lexicon.Words, StringComparer.OrdinalIgnoreCase);
            foreach (var (word, bit) in bits)
            {
                var entry = entries.GetValueOrDefault(word) ?? WordEntry.None;
                entries[word] = new WordEntry(entry.Senses, entry.Nouns, entry.Status) { Sets = bit };
            }
            _words = entries.ToFrozenDictionary(kv => kv.Key, kv => (kv.Key, kv.Value), StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();
            // For ASCII keys, equal ignoring case (as the table compares) is equal once ASCII letters are folded, so
            // a folded hash filters exactly; were a key not ASCII, every word would go to the table as before.
            if (entries.Keys.All(key => System.Text.Ascii.IsValid(key)))
            {
                _filter = new ulong[FilterBits / 64];
                foreach (var key in entries.Keys)
                {
                    uint hash = FoldedHash(key, out _);
                    _filter[(hash & (FilterBits - 1)) >> 6] |= 1UL << (int)(hash & 63);
                    _filter[((hash >> 14) & (FilterBits - 1)) >> 6] |= 1UL << (int)((hash >> 14) & 63);
                }
            }
        }

        /// <summary>Bits of the keys' <see cref="FoldedHash"/>es (two a key; 32 KB: with some 8,000 keys about 0.4% of absent words pass).</summary>
        private const int FilterBits = 1 << 18;

        /// <summary>
        /// Most words of a text are neither in the lexicon nor in a set, and the table's probes of its ~8,000
        /// keys cost more than anything else the finder does with a word (an eighth of the stage): a word
        /// whose bits are not both set is in no key and is answered without the table.
        /// </summary>
        private readonly ulong[]? _filter;

        /// <summary>FNV-1a of the word with ASCII letters folded to lower case, mixed; <paramref name="ascii"/> false (and the hash unfinished) at the first other character.</summary>
        private static uint FoldedHash(ReadOnlySpan<char> word, out bool ascii)
        {
            uint hash = 2166136261;
            foreach (char c in word)
            {
                if (c >= 0x80)
                {
                    ascii = false;
                    return 0;
                }
                hash = (hash ^ ((uint)(c - 'A') <= 'Z' - 'A' ? c | 0x20u : c)) * 16777619;
            }
            ascii = true;
            hash ^= hash >> 15;
            hash *= 0x2c1b3c6d;
            return hash ^ (hash >> 12);
        }

        /// <summary>Slots of <see cref="RecentWords"/>: a power of two.</summary>
        private const int RecentSlots = 1024;

        /// <summary>
        /// The table's last keys found, per thread, in slots by their hash: the words a text repeats most ("the",
        /// "said", "was") are in the table, and a slot compared with the word costs less than the table's probe.
        /// </summary>
        private sealed class RecentWords(WordTable table)
        {
            public readonly WordTable Table = table;
            public readonly (uint Hash, string? Key, WordEntry? Entry)[] Slots = new (uint, string?, WordEntry?)[RecentSlots];
        }

        [ThreadStatic]
        private static RecentWords? t_recent;

        public WordEntry Of(ReadOnlySpan<char> word)
        {
            if (_filter is null)
                return _words.TryGetValue(word, out var found) ? found.Entry : WordEntry.None;
            uint hash = FoldedHash(word, out bool ascii);
            if (!ascii)
                return _words.TryGetValue(word, out var found) ? found.Entry : WordEntry.None;
            if ((_filter[(hash & (FilterBits - 1)) >> 6] & (1UL << (int)(hash & 63))) == 0
                || (_filter[((hash >> 14) & (FilterBits - 1)) >> 6] & (1UL << (int)((hash >> 14) & 63))) == 0)
                return WordEntry.None;
            var recent = t_recent;
            if (recent is null || !ReferenceEquals(recent.Table, this))
                t_recent = recent = new RecentWords(this);
            ref var slot = ref recent.Slots[hash & (RecentSlots - 1)];
            // Both ASCII: equal ignoring ASCII case is equal as the table compares.
            if (slot.Hash == hash && slot.Key is { } key && System.Text.Ascii.EqualsIgnoreCase(word, key))
                return slot.Entry!;
            if (!_words.TryGetValue(word, out var keyed))
                return WordEntry.None;
            slot = (hash, keyed.Key, keyed.Entry);
            return keyed.Entry;
        }
    }

    /// <summary>Made on first use, not in the constructor: <see cref="Default"/> is made before the static sets it reads.</summary>
    private WordTable? _table;

    private WordTable Table => _table ??= new WordTable(_lexicon);

    /// <summary>The lexicon's entry of token <paramref name="k"/> (<see cref="WordEntry.None"/> when it holds none).</summary>
    private WordEntry Word(string text, Token[] tokens, int k) => (t_words ??= new WordCache()).Of(Table, text, tokens, k);

    /// <summary>Token <paramref name="k"/> is in one of the sets <paramref name="sets"/> (<see cref="WordSet"/> bits).</summary>
    private static bool In(string text, Token[] tokens, int k, uint sets) => ((t_words ??= new WordCache()).Of(Default.Table, text, tokens, k).Sets & sets) != 0;

    private IReadOnlyList<Event> FindIn(EventInput input)
    {
        var text = input.Text;
        var tokens = input.Tokens;
        var owner = MentionOfToken(tokens, input.Mentions);
        var timed = TimeTokens(text, tokens, input.Times);
        var events = new List<Event>();
        bool previousHazard = false;
        // The events of the sentence before (their range in events), for a sentence that goes on telling them.
        int previousFrom = 0, previousTo = 0;
        // Where the sentence's verb cues start: a verb opens a clause of its own, so a time beyond it is not a
        // farther cue's. One set, emptied for each sentence (a new one was made for every sentence).
        var verbCues = new HashSet<int>();
        // One sense per discourse: a document whose strikes are labour strikes and none armed tells a bare one in an unarmed sentence as labour too.
        // Read over the whole document only when a strike of unknown sense asks (most documents have none).
        bool? labourStrikes = null;
        foreach (var sentence in input.Sentences)
        {
            int first = sentence.FirstToken, end = sentence.FirstToken + sentence.TokenCount;
            int sentenceFrom = events.Count;
            verbCues.Clear();
            bool titleCase = TitleCase(text, tokens, first, end);
            // The sentence's last event read from a verb (not a noun): a verb coordinated with it shares its subject.
            Event? lastVerb = null;
            // Where the sentence's last harm verb whose subject is a hazard ends: a verb coordinated with it
            // shares that subject ("a tsunami killed 222 people and injured 800").
            int hazardVerbEnd = -1;
            bool armed = NamesWeapon(text, tokens, first, end);
            // A harm with no doer right after a sentence that names a hazard is that hazard's ("A boiler exploded at the mill. Four workers were injured.").
            bool hazardBefore = previousHazard;
            previousHazard = NamesHazard(text, tokens, first, end, armed);
            // Whether this sentence names a hazard: read once here, for every harm or relief verb in it that asks.
            bool namesHazard = previousHazard;
            for (int i = first; i < end; i++)
            {
                var token = tokens[i];
                if (token.Kind != TokenKind.Word || owner[i] >= 0)
                    continue;
                var span = token.Span(text);
                if (char.IsUpper(span[0]) && !titleCase && !OpensSentence(tokens, first, i))
                    continue;
                // A capitalised word the times read as a date is the month, also in a line of capitals: "WASHINGTON, March 1 (Xinhua) --".
                if (char.IsUpper(span[0]) && timed[i])
                    continue;
                // A noun that is the object of an event verb already read is that event ("imposed sanctions on").
                // "without offering assistance", "without warning": an act named after "without" did not happen.
                if (NounEvent(text, tokens, i, end) is { } noun && !NamesCharge(text, tokens, i + noun.Words.Length - 1, end) && !(events.Count > 0 && events[^1].Start == sentence.Start && events[^1].CueEnd >= tokens[Math.Max(first, i - 2)].Start)
                    && !(noun.Type == "PROTEST" && CampaignRally(text, tokens, owner, input.Mentions, first, end, i))
                    && !AfterWithout(text, tokens, first, i) && !(i - 1 >= first && tokens[i - 1].Kind == TokenKind.Word && AfterWithout(text, tokens, first, i - 1)))
                {
                    var (nounType, nounMode) = (noun.Type, noun.Mode);
                    if (nounType == "ASSAULT" && noun.Words.Length == 1 && IsStrike(span))
                        (nounType, nounMode) = StrikeType(text, tokens, owner, input.Sentences, first, end, i, noun: true, ref labourStrikes, nounType, nounMode);
                    // The cue of a noun written with its "of" is the noun, not the preposition ("mobilization of").
                    int nounLast = i + noun.Words.Length - 1 - (noun.Words.Length > 1 && noun.Words[^1].Equals("of", StringComparison.OrdinalIgnoreCase) ? 1 : 0);
                    AddPerDay(events, Build(input, owner, sentence, first, end, i, nounLast, nounType ?? noun.Type, nounMode, noun: true), input);
                    i += noun.Words.Length - 1;
                    continue;
                }
                // "We will respond", "we'll retaliate" in a speaker's words: the speaker threatens (CAMEO 13).
                if (RetaliationThreat(input, owner, sentence, first, end, i) is { } threat)
                {
                    verbCues.Add(threat.CueStart);
                    events.Add(threat);
                    lastVerb = threat;
                    continue;
                }
                if (Word(text, tokens, i) is not { Senses: { } senses } entry || (entry.Sets & WordSet.Preposition) != 0)
                    continue;
                // A promise is an event of its own (CAMEO 03, express intent: AGREE; a promise of harm is a threat), not only the status of what it promises.
                if ((entry.Sets & WordSet.Promise) == 0 && Modality(text, tokens, i, end, timed))
                    continue;
                if (Particle(text, tokens, first, end, i) || UnitNoun(text, tokens, first, i))
                    continue;
                var (type, mode, last, nominal, phraseStatus) = Code(text, tokens, owner, input.Mentions, timed, senses, i, first, end, NounUse(text, tokens, first, i, senses[0].Nominal));
                if (last < 0)
                    continue;
                // "went on strike", "a general strike", "the union threatened a strike": a work stoppage is PROTEST, not an attack.
                if (type == "ASSAULT" && last == i && IsStrike(span))
                    (type, mode) = StrikeType(text, tokens, owner, input.Sentences, first, end, i, NounUse(text, tokens, first, i, nominal), ref labourStrikes, type, mode);
                // "struck a conciliatory note", "hit a record high", "beat expectations": a set phrase whose verb codes force names no attack (event-idioms.tsv).
                // (A form news mostly uses as a noun counts too: in "the deal strikes a balance" the object makes it a verb.)
                if (type == "ASSAULT" && last == i && Idiom(text, tokens, owner, timed, senses, end, i))
                    type = null;
                // "a campaign rally in Tulsa", "Trump's rally", "rallied supporters", "stocks rallied": no protest (event-campaign-rallies.tsv).
                if (type == "PROTEST" && last == i && CampaignRally(text, tokens, owner, input.Mentions, first, end, i))
                    type = null;
                // "a fierce election battle", "the fight against cancer", "a war of words": a contest that is no fighting (event-figurative-conflicts.tsv).
                if (type == "ASSAULT" && last == i && FigurativeConflict(text, tokens, owner, first, end, i))
                    type = null;
                // "a political attack", "an attack on the president's health care law": criticism, no use of force (event-verbal-attacks.tsv).
                if (type == "ASSAULT" && last == i && span.StartsWith("attack", StringComparison.OrdinalIgnoreCase) && !NamesWeaponBesides(text, tokens, first, end, i) && VerbalAttack(text, tokens, owner, first, end, i, NounUse(text, tokens, first, i, nominal)))
                    (type, mode) = ("ACCUSE", "disapprove");
                // "Democrats hit Romney for not releasing his returns", "hammered the governor over the closures": a verb of
                // striking that also means criticising, with a person struck "for" or "over" something, is criticism (event-verbal-attacks.tsv).
                if (type == "ASSAULT" && last == i && AttackVerbs.Contains(span) && !NamesWeaponBesides(text, tokens, first, end, i)
                    && !NounUse(text, tokens, first, i, nominal) && CriticisedFor(text, tokens, owner, input.Mentions, end, i))
                    (type, mode) = ("ACCUSE", "disapprove");
                // "Welcome to life in the suburbs": a greeting opening its sentence, no host receiving a guest.
                if (type is not null && span.SequenceEqual("Welcome") && OpensSentence(tokens, first, i) && i + 1 < end && IsAny(tokens[i + 1].Span(text), "to", "back"))
                    type = null;
                // "the decision sends a clear message to Tehran": a thing that sends a message or signal signals; only a
                // person, a body of people or a name sends one (CAMEO 040 is a message from an actor).
                if (type == "CONSULT" && SendForms.Contains(span) && SentBySomething(text, tokens, owner, first, end, i))
                    type = null;
                // "the candidate most likely to defeat President Trump", "defeated a proposed amendment": a contest won, no attack (event-contest-verbs.tsv).
                if (type == "ASSAULT" && last == i && ContestWon(text, tokens, owner, input.Mentions, first, end, i))
                    type = null;
                // "I want to serve", "what the president wants", "diverse needs": wanting, needing, hoping or preferring is a state of mind;
                // it asks something of someone, an appeal (REQUEST), only with the one asked and "to" after it ("wants Iran to stop") (event-desire-verbs.tsv).
                // Expecting asks nothing of anyone ("analysts expect the number of voters to rise"): never an appeal.
                if (type is not null && DesireVerbs.Contains(span))
                    (type, mode) = !ExpectForms.Contains(span) && DesireAsks(text, tokens, owner, input.Mentions, i, end) ? ("REQUEST", "appeal") : (null, null);
                // "Trump fired Comey", "the firing of Flynn", "Comey's firing": a person fired from a job, with no weapon named, is no attack (event-dismissal-verbs.tsv).
                if (type == "ASSAULT" && last == i && !armed && DismissalVerbs.Contains(span) && Dismissal(text, tokens, owner, input.Mentions, first, end, i))
                    type = null;
                // "came under fire from critics", "drew fire", "fired back at his critics": criticism or a retort, no use of force,
                // unless the one who fires is armed ("came under fire from militants", "troops fired back") (event-figurative-fire.tsv).
                if (type == "ASSAULT" && last == i && FireForms.Contains(span) && FigurativeFire(text, tokens, owner, input.Mentions, first, end, i))
                    type = null;
                // "fight for jobs", "fighting the virus", "the budget fight": striving or quarrelling, no use of force, unless the
                // sentence names an armed side, a weapon or war ("troops fought militants", "fighting ISIS") (event-fight-contexts.tsv).
                // (Taking the armed side from the sentence before too was tried at stop qa-events10 and dropped: on two samples of
                // 400 unseen articles it added 22 fights, 7 armed and 15 figurative, "fighting for her young life" after a crash.)
                if (type == "ASSAULT" && last == i && FightForms.Contains(span) && !ArmedFight(text, tokens, owner, input.Mentions, first, end, i))
                    type = null;
                // "caused severe damage", "a top GOP target", "it would hurt the economy": the noun of the harm done or the one aimed
                // at, and "hurt" other than a passive injury, name no act of force; "bombers target a church", "two people were hurt"
                // stay (event-harm-forms.tsv).
                if (type == "ASSAULT" && last == i && HarmForms.Contains(span) && !HarmAct(text, tokens, owner, first, end, i, nominal))
                    type = null;
                // "badly damaged the reputation of", "would harm the economy", "relations were damaged": harm to standing, trust,
                // chances or an economy is no act of force (event-harm-objects.tsv); "damaged a mosque" stays.
                if (type == "ASSAULT" && last == i && HarmObjectVerbs.Contains(span) && FigurativeHarm(text, tokens, owner, first, end, i))
                    type = null;
                // "slammed without warning", "left without a fight": an act named after "without" did not happen.
                if (type is not null && last == i && AfterWithout(text, tokens, first, i))
                    type = null;
                // "support for the bill among GOP leaders", "won bipartisan support.", "with the support of": the bare form
                // before a preposition of a noun or at the clause's end, with no subject, auxiliary or "to" before it, is the
                // noun (an opinion held), no act of support; "will support the bill", "expressed support for" stay.
                if (type == "SUPPORT" && last == i && SupportNoun(text, tokens, first, end, i))
                    type = null;
                // "came to realize", "when it comes to", "go to college", "went to war": "come" / "go" with "to" is a visit
                // (CAMEO 040) only when "to" leads to a named place, organisation or person ("went to Europe") (event-visit-motions.tsv).
                if (type == "CONSULT" && mode is null && VisitMotions.Contains(span) && !VisitDestination(text, tokens, owner, input.Mentions, first, end, i))
                    type = null;
                // "sales declined by 50 percent", "the moral decline": a decrease, no refusal; "declined to testify", "declined the offer" stay (event-decrease-verbs.tsv).
                if (type == "REJECT" && last == i && DecreaseVerbs.Contains(span) && !Refusal(text, tokens, owner, input.Mentions, timed, first, end, i))
                    type = null;
                // "special counsel Robert Mueller", "border security advocates said": a form that names a person's role is a noun there (event-person-noun-forms.tsv).
                if (type is not null && last == i && PersonNounForms.Contains(span) && RoleNoun(text, tokens, owner, first, i))
                    type = null;
                // "73 percent of Republicans support him", "independents back him by 53-27 percent": a share of those polled reports a survey's result, no act (event-poll-shares.tsv).
                if ((type is "SUPPORT" or "AGREE" || (type == "ACCUSE" && mode == "disapprove") || DesireVerbs.Contains(span)) && PollResult(text, tokens, owner, first, end, i, last))
                    type = null;
                // "the best way", "better politics": the comparative and superlative of "good" are no verbs (event-adjective-forms.tsv);
                // "free college", "are free to": a form tagged object is a verb only with its object after it ("to free the hostages").
                if (type is not null && last == i && AdjectiveForms.Contains(span) && !(ObjectAdjectives.Contains(span) && VerbWithObject(text, tokens, owner, first, end, i)))
                    type = null;
                // "very constrained", "the most admired woman", "a most challenging time": a participle after an adverb of degree, with no object, is an adjective (event-degree-adverbs.tsv).
                if (type is not null && last == i && DegreeAdjective(text, tokens, owner, first, end, i))
                    type = null;
                // "I asked him why", "was asked about the raid", "asked a question": putting a question is no appeal; "asked Iran to stop", "asked for help" stay (event-question-verbs.tsv).
                if (type == "REQUEST" && last == i && QuestionVerbs.Contains(span) && AsksQuestion(text, tokens, owner, first, end, i))
                    type = null;
                // "the plaintiffs argued the law placed undue hardships", "argues for tax credits": reasoning reported, no criticism; "argued against the bill" stays (event-opinion-verbs.tsv).
                if (type is not null && last == i && OpinionVerbs.Contains(span) && !(i + 1 < end && IsAny(tokens[i + 1].Span(text), "against")))
                    type = null;
                // "a local government ban on rallies", "after a steady decline", "an independent counsel": a base form
                // cannot be the verb of a singular subject opened by "a", so it is a noun, which names no act of these types.
                if (type is not null && !EventGrammar.NounIsEvent(type) && (SingularNounBefore(text, tokens, owner, first, i, senses) || CountedNounBefore(text, tokens, timed, first, i, senses)))
                    type = null;
                // "until demands … are met", "was met with criticism": "met" after a form of "be" is fulfilment or reception, no meeting; "was met by the envoy" stays one.
                if (type == "CONSULT" && last == i && span.Equals("met", StringComparison.OrdinalIgnoreCase) && i > first && IsAny(tokens[i - 1].Span(text), "is", "are", "was", "were", "be", "been", "being")
                    && !(i + 1 < end && IsAny(tokens[i + 1].Span(text), "by")))
                    type = null;
                // A noun names an event only for types whose nouns are occurrences; a participle used as a
                // noun names people or a state ("the wounded", "the armed"), never an event. Of those types, only a
                // noun of the act itself ("the attack", "a shooting", "protests") or a weapon names one: "a blow to
                // voting rights", "the conflict", "a crushing defeat", "the corrupt", "the surrounding area" do not
                // (event-occurrence-nouns.tsv); a strike read as a work stoppage is one ("the striking doctors").
                if (type is not null && NounUse(text, tokens, first, i, nominal) && (!EventGrammar.NounIsEvent(type) || span.EndsWith("ed", StringComparison.OrdinalIgnoreCase)
                    || (last == i && !OccurrenceNouns.Contains(span) && !Weapons.Contains(span) && !(type == "PROTEST" && IsStrike(span)) && NounByContext(text, tokens, first, i, nominal))))
                    type = null;
                // "the protective gear they may wear", "its nuclear force", "But moderates also may", "a heavy blow", "the brutal
                // assault was over": a noun phrase's head, after its modifiers or before the clause's auxiliary, is a noun too; it
                // names an event only as the noun of the act itself.
                if (type is not null && last == i && (ModifiedNoun(text, tokens, owner, first, end, i, senses) || NounBeforeAuxiliary(text, tokens, owner, first, end, i, senses)
                    // (Not over a participle right before it: "a lone gunman opened fire" is the verb's object, no phrase of "a".)
                    || (i - 1 >= first && !tokens[i - 1].Span(text).EndsWith("ed", StringComparison.OrdinalIgnoreCase) && SingularNounBefore(text, tokens, owner, first, i, senses)))
                    && !(EventGrammar.NounIsEvent(type) && (OccurrenceNouns.Contains(span) || Weapons.Contains(span))))
                    type = null;
                // "in charge", "by contrast", "under pressure", "in contact with", "in search of": a preposition takes a noun or a
                // gerund, never a bare verb, so a base form right after one is a noun, which names no act of these types.
                if (type is not null && last == i && !EventGrammar.NounIsEvent(type) && BaseAfterPreposition(text, tokens, first, i, senses))
                    type = null;
                // "have hope in them", "has support": after "have" a verb is a participle; a base or -s form there is a noun.
                if (type is not null && !EventGrammar.NounIsEvent(type) && AfterHave(text, tokens, first, i, senses))
                    type = null;
                if (type is "SUPPORT" or "COOPERATE" or "AID" && ReducedRelative(text, tokens, first, end, i, last))
                    type = null;
                // "admitted (that) pathologists harvested organs": a verb of admission with a clause after it reports a statement.
                if (type is not null && !NounUse(text, tokens, first, i, nominal) && ClauseVerb(senses) && ClauseFollows(text, tokens, last, end))
                    type = null;
                // "faces murder charges", "a terrorism trial": the noun names what is charged, not an act the sentence reports.
                if (type is not null && NounUse(text, tokens, first, i, nominal) && NamesCharge(text, tokens, last, end))
                    type = null;
                if (type is not null && Hazard(text, tokens, first, end, i, last, NounUse(text, tokens, first, i, nominal), armed, type))
                {
                    hazardVerbEnd = tokens[last].End;
                    type = null;
                }
                else if (type == "ASSAULT" && hazardVerbEnd >= 0 && (Coordinated(text, tokens, first, i, hazardVerbEnd) || ElidedCoordinate(text, tokens, first, i, hazardVerbEnd)))
                {
                    hazardVerbEnd = tokens[last].End;
                    type = null;
                }
                if (type == "ASSAULT" && !NounUse(text, tokens, first, i, nominal) && AgentlessHarm(text, tokens, first, end, i, last) && !armed && (hazardBefore || namesHazard))
                {
                    // "were killed and more than a dozen injured when a warehouse exploded": a harm coordinated with it is the hazard's too.
                    hazardVerbEnd = tokens[last].End;
                    type = null;
                }
                // Rescuing or evacuating people from a disaster is its response, no event (a hostage rescue stays AID).
                if (type == "AID" && ReliefVerbs.Contains(span) && !armed && (hazardBefore || namesHazard))
                    type = null;
                if (type == "THREATEN" && !NounUse(text, tokens, first, i, nominal) && WarnsOfRisk(text, tokens, end, last))
                    type = null;
                // "pledged to crush the rebels": a promise of force or punishment is a threat (CAMEO 13), as "threatened to" is.
                if (type == "AGREE" && PromiseVerbs.Contains(span) && PromisesHarm(text, tokens, owner, input.Mentions, timed, last, first, end))
                    (type, mode) = ("THREATEN", null);
                // "A bomb has been found near the house", "the bombs discovered on Wednesday": a weapon found is no attack.
                if (type == "ASSAULT" && Weapons.Contains(span) && NounUse(text, tokens, first, i, nominal) && WeaponFound(text, tokens, last, end))
                    type = null;
                // "Chile must leave the island; otherwise our army will attack its ships": force promised in a speaker's words should a demand go unmet is an ultimatum (CAMEO 139).
                (int Speaker, int Demanded)? ultimatum = type is "ASSAULT" or "COERCE" && !NounUse(text, tokens, first, i, nominal) ? Ultimatum(input, owner, first, i) : null;
                if (ultimatum is not null)
                    (type, mode) = ("THREATEN", null);
                if (type is not null)
                {
                    bool asNoun = NounUse(text, tokens, first, i, nominal);
                    var e = Build(input, owner, sentence, first, end, i, last, type, mode, asNoun, timed);
                    if (ultimatum is { } u)
                        e = e with { Status = EventStatus.Asserted, Actor = u.Speaker, Target = u.Demanded };
                    // A phrase that carries its own status ("claimed responsibility", "denied involvement") gives it unless a cue before already did ("would deny").
                    if (phraseStatus is { } ps && e.Status == EventStatus.Asserted)
                        e = e with { Status = ps };
                    if (!asNoun)
                    {
                        // "warned of the plan and warned about …", "trained, equipped and enabled": a verb
                        // coordinated with the one before shares its subject; the names between are that verb's objects.
                        if (lastVerb is { } before && Coordinated(text, tokens, first, i, before.CueEnd))
                            e = e with { Actor = before.Actor, Target = e.Target == before.Actor ? -1 : e.Target };
                        lastVerb = e;
                        // "pledged to protect him", "decided to send aid": PLOVER codes a commitment to cooperate as
                        // AGREE, which was made; the cooperation itself stays planned. A commitment verb already read as an event of its own is not read twice.
                        if (e.Status == EventStatus.Planned && e.Type is "CONSULT" or "SUPPORT" or "COOPERATE" or "AID" && Commitment(text, tokens, first, i, timed) is var committed and >= 0
                            && events.FindLastIndex(v => v.CueStart == tokens[committed].Start) < 0)
                        {
                            var agree = Build(input, owner, sentence, first, end, committed, committed, "AGREE", null, noun: false, timed);
                            verbCues.Add(agree.CueStart);
                            events.Add(agree);
                        }
                        verbCues.Add(e.CueStart);
                        events.Add(e);
                    }
                    else
                    {
                        AddPerDay(events, e, input);
                    }
                }
                i = last;
            }
            // A light verb of a clause that is no event here ("helped", "voted") still opens a clause of its own: a time
            // beyond it is not a farther cue's ("urged voters to consider voting early for the March 17 contest").
            var lightVerbs = LightVerbPositions(text, tokens, owner, first, end, verbCues);
            Redate(input, sentence, events, sentenceFrom, verbCues, previousFrom, previousTo, lightVerbs);
            (previousFrom, previousTo) = (sentenceFrom, events.Count);
        }
        return events;
    }

    /// <summary>The type and mode of the verb at <paramref name="i"/> and its last token; last -1 when no form matches; type null when the verb or its pattern is no event.</summary>
    private (string? Type, string? Mode, int Last, bool Nominal, EventStatus? Status) Code(string text, Token[] tokens, int[] owner, IReadOnlyList<Mention> mentions, bool[] timed, VerbSense[] senses, int i, int first, int end, bool noun)
    {
        int length = 0;
        VerbSense? fallback = null;
        bool noEvent = false;
        foreach (var sense in senses)
        {
            if (length > 0 && sense.Words.Length < length)
                break;
            if (!Follows(text, tokens, i, end, sense.Words))
                continue;
            length = sense.Words.Length;
            int last = i + length - 1;
            // Patterns are about a verb's subject and object; a noun's neighbours are not its arguments.
            if (!noun && _lexicon.Patterns.TryGetValue(sense.Lemma, out var patterns))
            {
                // Where every pattern's first position is searched: the same for all the verb's patterns, so found once.
                int limit = Math.Min(end, last + 1 + PatternAfter);
                int opens = last + 1;
                // A time right after the verb is no part of its phrase: "captured on Monday the port" reads as "captured the port".
                while (opens < limit && timed[opens])
                    opens++;
                int firstStop = GapEnd(text, tokens, owner, opens, limit);
                // The words the patterns can match (their bits) and whether a place's name stands among them:
                // most of a verb's patterns (81 for "call") name a word the window lacks, and are passed
                // over without the search. Every word a match reads lies in [opens, limit).
                ulong words = 0;
                bool place = false;
                for (int q = opens; q < limit; q++)
                {
                    words |= PatternPosition.Bit(tokens[q].Span(text));
                    place |= owner[q] >= 0 && IsPlace(mentions[owner[q]]);
                }
                foreach (var p in patterns)
                {
                    if (p.MayMatchAfter(words, place)
                        && MatchesAfter(text, tokens, owner, mentions, opens, firstStop, limit, p)
                        && MatchesBefore(text, tokens, owner, mentions, i - 1, Math.Max(first, i - PatternBefore), p.Before))
                        return (p.Type, p.Mode, last, sense.Nominal, p.Status);
                }
            }
            if (fallback is null && sense.Type is not null && !sense.Ambiguous)
                fallback = sense;
            // A form of two verbs, one of which is no event ("found": find, or found a party), says nothing by itself.
            noEvent |= sense.Type is null;
        }
        if (noEvent)
            fallback = null;
        if (length == 0)
            return (null, null, -1, false, null);
        return fallback is null ? (null, null, i + length - 1, false, null) : (fallback.Type, fallback.Mode, i + length - 1, fallback.Nominal, null);
    }

    /// <summary>A noun that names an event with its argument after it ("the deployment of missiles", "sanctions on firms").</summary>
    private NounEvent? NounEvent(string text, Token[] tokens, int i, int end)
    {
        if (Word(text, tokens, i).Nouns is not { } nouns)
            return null;
        foreach (var noun in nouns)
        {
            int next = i + noun.Words.Length;
            if (next >= end || !Follows(text, tokens, i, end, noun.Words))
                continue;
            // A noun written with its "of" ("mobilization of") names the event only by what follows: its arguments are
            // that phrase's head, over a count, an article, a possessive or a modifier ("the mobilization of 300,000
            // reservists", "of its armed forces"), not the word right after (a mobilisation of voters is no MOBILIZE).
            int reach = noun.Words.Length > 1 && noun.Words[^1].Equals("of", StringComparison.OrdinalIgnoreCase) ? Math.Min(end, next + OfHeadWindow) : next + 1;
            for (int q = next; q < reach && tokens[q].Kind is TokenKind.Word or TokenKind.Number; q++)
            {
                foreach (var argument in noun.Arguments)
                {
                    if (tokens[q].Span(text).Equals(argument, StringComparison.OrdinalIgnoreCase))
                        return noun;
                }
            }
        }
        return null;
    }

    /// <summary>
    /// The harm is a disaster's or an accident's, which has no actor: the cue is itself a hazard used as a
    /// noun ("a fire", "Fire crews"); a hazard is its subject, in the same clause before it ("an earthquake
    /// killed", "a boiler exploded"; a participle after a comma reaches back over it: "a quake struck,
    /// killing two"); or it is told in, by, after or from one, or when one struck ("killed in a crash", "hit by a storm").
    /// </summary>
    private bool Hazard(string text, Token[] tokens, int first, int end, int cue, int last, bool noun, bool armed, string? type)
    {
        // The cue is a hazard named as a noun: after an article, a possessive or a quantifier, over one adjective ("a powerful storm").
        if (IsHazard(text, tokens, first, cue, armed) && (OpensSentence(tokens, first, cue) || tokens[cue - 1].Kind == TokenKind.Number || In(text, tokens, cue - 1, WordSet.NounContext) || (cue - 2 >= first && In(text, tokens, cue - 2, WordSet.NounContext)) || Caught(text, tokens, cue)))
            return true;
        bool participle = tokens[cue].Span(text).EndsWith("ing", StringComparison.OrdinalIgnoreCase);
        int limit = Math.Max(first, cue - HazardWindow);
        for (int p = cue - 1; p >= limit; p--)
        {
            var span = tokens[p].Span(text);
            if (tokens[p].Kind == TokenKind.Punctuation)
            {
                // "…, killing two": the participle's subject is the clause's before the comma.
                if (participle && p == cue - 1 && span is ",")
                {
                    limit = Math.Max(first, p - 2 * HazardWindow);
                    continue;
                }
                break;
            }
            // "and" between two names joins places, not clauses ("leveled villages in Afghanistan and Pakistan on Monday, killing …").
            if (IsAny(span, "and") && p - 1 >= first && p + 1 < cue && char.IsUpper(tokens[p - 1].Span(text)[0]) && char.IsUpper(tokens[p + 1].Span(text)[0]))
                continue;
            if (IsAny(span, "and", "but", "when", "after", "as", "while", "because", "before", "since", "until", "which", "who", "that", "following", "amid", "despite", "during"))
            {
                // "wildfires that have forced …": a relative clause's subject is the hazard it follows.
                if (IsAny(span, "that", "which") && p - 1 >= first && IsHazard(text, tokens, first, p - 1, armed))
                    return true;
                break;
            }
            // A hazard that qualifies a noun cue names its kind, not its subject ("a gas attack").
            if (IsHazard(text, tokens, first, p, armed) && !(p == cue - 1 && noun))
                return true;
        }
        // A harm verb reaches farther for the hazard that caused it than another verb does ("inspect the facilities after a fire" is an inspection).
        bool harm = type == "ASSAULT";
        for (int p = last + 1; p < Math.Min(end, last + (harm ? HazardAfterWindow : 4)); p++)
        {
            // "killed in a crash", "hit by a storm", "died when a boiler exploded", "injured as a boiler exploded"; not "during the storm season", a time.
            // A preposition whose phrase names no hazard may be a place or a time before the one that does ("injured in China on Sunday when a warehouse exploded").
            if (tokens[p].Kind == TokenKind.Punctuation)
                break;
            if (!IsAny(tokens[p].Span(text), "in", "by", "after", "from", "when", "as"))
                continue;
            // The hazard ends its phrase, after up to five words ("demolished by a Central Texas fertilizer plant explosion", "damaged after a cold storage container exploded").
            for (int q = p + 1; q < Math.Min(end, p + (harm ? HazardPhraseReach : IsAny(tokens[p].Span(text), "when", "as", "after") ? 5 : 4)); q++)
            {
                // The phrase ends at punctuation or the next preposition or clause: "killed by gunmen during heavy rain" was not killed by the rain.
                if (tokens[q].Kind == TokenKind.Punctuation || (harm && IsAny(tokens[q].Span(text), "during", "in", "on", "at", "by", "with", "near", "amid", "while", "before", "after", "when", "as", "from", "and", "but", "that", "which", "who")))
                    break;
                if (IsHazard(text, tokens, first, q, armed))
                    return true;
            }
            if (!harm)
                break;
        }
        // "A strong earthquake on the main island of Java killed eight", "A gas leak that occurred at a plant in X, Y, has killed
        // ten": the harm verb's subject is the sentence's opening phrase, a hazard followed by its place or a relative clause.
        return harm && !noun && !participle && OpeningHazard(text, tokens, first, cue, armed);
    }

    /// <summary>Farthest a harm verb reaches back for a hazard that opens its sentence (in tokens).</summary>
    private const int OpeningHazardReach = 30;

    /// <summary>
    /// The sentence opens with a phrase whose head, within its first five words, is a hazard, and what stands between it and
    /// the harm verb at <paramref name="cue"/> is that hazard's place or relative clause: it starts with a preposition of place
    /// or "that"/"which", and holds no clause word ("and", "but", "when", "who", "where" …), no quotation and no punctuation
    /// but commas. The window before the verb (<see cref="HazardWindow"/>) misses such a subject.
    /// </summary>
    private bool OpeningHazard(string text, Token[] tokens, int first, int cue, bool armed)
    {
        int head = -1;
        for (int p = first; p < Math.Min(cue, first + 5); p++)
        {
            // "A 6.1-magnitude earthquake": numbers and hyphens may qualify the head.
            if (tokens[p].Kind is not (TokenKind.Word or TokenKind.Number or TokenKind.Dash))
                return false;
            if (tokens[p].Kind == TokenKind.Word && IsHazard(text, tokens, first, p, armed))
            {
                head = p;
                break;
            }
        }
        if (head < 0 || head + 1 >= cue || cue - head > OpeningHazardReach
            || !IsAny(tokens[head + 1].Span(text), "on", "in", "at", "near", "off", "along", "across", "outside", "inside", "that", "which"))
            return false;
        for (int p = head + 2; p < cue; p++)
        {
            var span = tokens[p].Span(text);
            if (tokens[p].Kind is TokenKind.Quote or TokenKind.Dash || (tokens[p].Kind == TokenKind.Punctuation && span is not ","))
                return false;
            if (tokens[p].Kind == TokenKind.Word && IsAny(span, "and", "but", "or", "when", "while", "after", "because", "as", "who", "whom", "where", "that", "which", "said", "says", "say", "according"))
                return false;
        }
        return true;
    }

    /// <summary>
    /// The harm verb names no one who did it: an unaccusative form ("died", "exploded") or a passive with
    /// no "by" agent in the next words ("were killed on Monday").
    /// </summary>
    private static bool AgentlessHarm(string text, Token[] tokens, int first, int end, int cue, int last)
    {
        if (AgentlessVerbs.Contains(tokens[cue].Span(text)))
            return true;
        if (cue - 1 < first || !IsAny(tokens[cue - 1].Span(text), "was", "were", "been", "being", "is", "are", "be", "got", "get"))
            return false;
        for (int p = last + 1; p < Math.Min(end, last + 5); p++)
        {
            if (IsAny(tokens[p].Span(text), "by"))
                return false;
        }
        return true;
    }

    /// <summary>The sentence names a natural hazard, an accident or a disease anywhere ("were injured on Monday … after the volcano erupted").</summary>
    private bool NamesHazard(string text, Token[] tokens, int first, int end, bool armed)
    {
        for (int p = first; p < end; p++)
        {
            if (IsHazard(text, tokens, first, p, armed))
                return true;
        }
        return false;
    }

    /// <summary>Harm verbs whose subject undergoes the harm ("died", "exploded").</summary>
    private static readonly Sitrep.Lexicons.Lexicon AgentlessVerbs = Sitrep.Lexicons.Lexicon.Get("event-agentless-verbs");

    /// <summary>Hazard words that name one only on their own or after a word of size ("fire", "smoke"; tag sized of event-hazards.tsv).</summary>
    private static readonly System.Collections.Frozen.FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> SizedHazards =
        Sitrep.Lexicons.Lexicon.Get("event-hazards").Tagged("sized").GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Words of size before such a hazard ("a huge fire"): event-hazard-sizes.tsv.</summary>
    private static readonly Sitrep.Lexicons.Lexicon HazardSizes = Sitrep.Lexicons.Lexicon.Get("event-hazard-sizes");

    /// <summary>Explosions that are an accident unless the sentence names a weapon (tag unarmed of event-hazards.tsv).</summary>
    private static readonly System.Collections.Frozen.FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> UnarmedHazards =
        Sitrep.Lexicons.Lexicon.Get("event-hazards").Tagged("unarmed").GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Weapons and attackers (event-weapons.tsv): an explosion in a sentence naming one is an attack.</summary>
    private static readonly Sitrep.Lexicons.Lexicon Weapons = Sitrep.Lexicons.Lexicon.Get("event-weapons");

    /// <summary>Nouns of force or protest that name the act itself ("the attack", "a shooting", "protests"; event-occurrence-nouns.tsv).</summary>
    private static readonly Sitrep.Lexicons.Lexicon OccurrenceNouns = Sitrep.Lexicons.Lexicon.Get("event-occurrence-nouns");

    /// <summary>Words that tell a labour strike from an armed one (event-strike-contexts.tsv).</summary>
    private static readonly Sitrep.Lexicons.Lexicon StrikeContexts = Sitrep.Lexicons.Lexicon.Get("event-strike-contexts");

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> LabourBefore = StrikeContexts.Tagged("labour-before").GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> HungerBefore = StrikeContexts.Tagged("hunger").GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> LabourAfter = StrikeContexts.Tagged("labour-after").GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> LabourActors = StrikeContexts.Tagged("labour-actor").GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> ArmedBefore = StrikeContexts.Tagged("armed-before").GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> ArmedActors = StrikeContexts.Tagged("armed-actor").GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>How far before a strike a worker or union makes it theirs ("teachers in the state's largest district went on strike").</summary>
    private const int StrikeActorBefore = 10;

    /// <summary>How far after it ("a strike of 5,000 dock workers").</summary>
    private const int StrikeActorAfter = 5;

    private enum StrikeSense { Unknown, Labour, Hunger, Armed }

    /// <summary>Set phrases of a force verb that name no attack (event-idioms.tsv): the object head nouns by the verb's lemma, the particles by "LEMMA-particle", the persons before "as" by "LEMMA-as".</summary>
    private static readonly FrozenDictionary<string, FrozenSet<string>> IdiomWords = Sitrep.Lexicons.Lexicon.Get("event-idioms").Entries
        .SelectMany(e => e.Tags.Select(tag => (Tag: tag, Word: e.Text)))
        .GroupBy(p => p.Tag, StringComparer.Ordinal)
        .ToFrozenDictionary(g => g.Key, g => g.Select(p => p.Word).ToFrozenSet(StringComparer.OrdinalIgnoreCase), StringComparer.Ordinal);

    /// <summary>How many tokens after the verb an idiom's head noun may stand ("hit a new all-time high": six).</summary>
    private const int IdiomWindow = 6;

    /// <summary>
    /// The verb at <paramref name="i"/> opens a set phrase of event-idioms.tsv: a particle right after it
    /// ("struck out", not "struck out at"), a person before "as" ("strikes me as odd"), or an object whose head noun is listed for the verb, reached over
    /// articles, numbers and modifiers and closing its phrase ("struck a conciliatory note with …", "hit a
    /// 20-year low on Monday", "beat analysts' expectations."). A name, a preposition or a conjunction
    /// before the head ends the object: "struck a military base", "hit the convoy near the high
    /// school" stay attacks; so does a listed word that is a modifier ("hit a high-rise", "hit the record store").
    /// </summary>
    private static bool Idiom(string text, Token[] tokens, int[] owner, bool[] timed, VerbSense[] senses, int end, int i)
    {
        foreach (var sense in senses)
        {
            if (sense.Words.Length != 1)
                continue;
            if (IdiomWords.TryGetValue(sense.Lemma + "-particle", out var particles) && i + 1 < end && tokens[i + 1].Kind == TokenKind.Word
                && particles.GetAlternateLookup<ReadOnlySpan<char>>().Contains(tokens[i + 1].Span(text))
                && !(i + 2 < end && IsAny(tokens[i + 2].Span(text), "at", "against")))
                return true;
            // "It strikes me as odd", "struck many as a mistake": the person the impression is made on, then "as"
            // (not a clause after it: "struck us as we fled").
            if (IdiomWords.TryGetValue(sense.Lemma + "-as", out var experiencers) && i + 2 < end && tokens[i + 1].Kind == TokenKind.Word
                && experiencers.GetAlternateLookup<ReadOnlySpan<char>>().Contains(tokens[i + 1].Span(text)) && IsAny(tokens[i + 2].Span(text), "as")
                && !(i + 3 < end && IsAny(tokens[i + 3].Span(text), "he", "she", "they", "i", "we", "it", "you")))
                return true;
            if (!IdiomWords.TryGetValue(sense.Lemma, out var objects))
                continue;
            var heads = objects.GetAlternateLookup<ReadOnlySpan<char>>();
            for (int q = i + 1; q < Math.Min(end, i + 1 + IdiomWindow); q++)
            {
                // A name ends the object ("struck a Hamas post"); a time inside it is a modifier ("a 20-year low").
                if (owner[q] >= 0)
                    break;
                if (timed[q])
                    continue;
                if (tokens[q].Kind != TokenKind.Word)
                {
                    if (tokens[q].Kind == TokenKind.Number || Joined(tokens, q))
                        continue;
                    break;
                }
                var span = tokens[q].Span(text);
                if (IdiomStops.Contains(span))
                    break;
                if (heads.Contains(span) && IdiomEnds(text, tokens, timed, end, q))
                    return true;
            }
        }
        return false;
    }

    /// <summary>Verbs of wanting, needing, hoping and preferring (event-desire-verbs.tsv): events only when they ask something of someone.</summary>
    private static readonly Sitrep.Lexicons.Lexicon DesireVerbs = Sitrep.Lexicons.Lexicon.Get("event-desire-verbs");

    /// <summary>Forms of event-desire-verbs.tsv tagged expect: a state of mind that is never an appeal.</summary>
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> ExpectForms = DesireVerbs.Tagged("expect").GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Verbs of firing that also mean dismissing someone from a job (event-dismissal-verbs.tsv).</summary>
    private static readonly Sitrep.Lexicons.Lexicon DismissalVerbs = Sitrep.Lexicons.Lexicon.Get("event-dismissal-verbs");

    /// <summary>Figurative "fire" (event-figurative-fire.tsv): the words before ("under", "drew"), after ("back"), the verb's forms and further armed words.</summary>
    private static readonly Sitrep.Lexicons.Lexicon FigurativeFireWords = Sitrep.Lexicons.Lexicon.Get("event-figurative-fire");
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> FireForms = FigurativeFireWords.Tagged("verb").GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> FireBefore = FigurativeFireWords.Tagged("before").GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> FireAfter = FigurativeFireWords.Tagged("after").GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> FireArmed = FigurativeFireWords.Tagged("armed").GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>How many words the phrase of the one who fires may hold ("from Syrian government troops").</summary>
    private const int FirerPhrase = 5;

    /// <summary>
    /// Token <paramref name="q"/> names an armed person or group, a weapon or a military post: event-weapons.tsv
    /// (not the forms of the verb "attack", which name criticism as often; "attackers" stays), the armed actors of event-strike-contexts.tsv
    /// and the armed words of event-figurative-fire.tsv; also inside a name ("the Israel Defense Forces", "Afghan National Army").
    /// </summary>
    private static bool ArmedWord(string text, Token[] tokens, int q)
    {
        if (tokens[q].Kind != TokenKind.Word)
            return false;
        var span = tokens[q].Span(text);
        return (WeaponAt(text, tokens, q, tokens.Length) && !IsAny(span, "attack", "attacks", "attacked", "attacking")) || ArmedActors.Contains(span) || FireArmed.Contains(span);
    }

    /// <summary>
    /// The phrase of the one who fires from <paramref name="from"/>: at most <see cref="FirerPhrase"/> tokens, ended by
    /// punctuation, a preposition, a conjunction or a verb. Armed when a word of it is (<see cref="ArmedWord"/>); a speaker
    /// when it holds a person's name or a noun of persons ("critics", "lawmakers") and no armed word.
    /// </summary>
    private static (bool Armed, bool Speaker) Firer(string text, Token[] tokens, int[] owner, IReadOnlyList<Mention> mentions, int from, int to)
    {
        bool speaker = false;
        for (int q = from; q < to; q++)
        {
            if (owner[q] >= 0)
            {
                if (ArmedWord(text, tokens, q))
                    return (true, false);
                speaker |= mentions[owner[q]].Type == "PERSON";
                continue;
            }
            var span = tokens[q].Span(text);
            if (tokens[q].Kind != TokenKind.Word || IsAny(span, "and", "or", "but", "who", "which", "that", "for", "over", "after", "in", "on", "at", "with", "to", "by", "about", "as", "during", "amid", "when", "saying"))
                break;
            if (ArmedWord(text, tokens, q))
                return (true, false);
            if (AgentNouns.Contains(span) || IsAny(span, "he", "she", "they", "i", "we", "him", "her", "them", "me", "us", "you"))
                speaker = true;
        }
        return (false, speaker);
    }

    /// <summary>
    /// The "fire" at <paramref name="i"/> is figurative (event-figurative-fire.tsv): "under fire", "drew fire" (over at
    /// most one modifier: "came under heavy fire") or "fired back", and the one who fires is not armed. The one who fires
    /// is told after "from" (under / drew fire) or is the subject before the verb or the one fired at after "at" (fired
    /// back); an armed word there keeps the attack ("came under fire from militants", "troops fired back at gunmen"),
    /// a person or a noun of persons makes it criticism ("came under fire from lawmakers", "Ruiz fired back at her
    /// critics"). When neither is told, the sentence decides: any armed word in it keeps the attack.
    /// </summary>
    private static bool FigurativeFire(string text, Token[] tokens, int[] owner, IReadOnlyList<Mention> mentions, int first, int end, int i)
    {
        bool before = i - 1 >= first && owner[i - 1] < 0 && FireBefore.Contains(tokens[i - 1].Span(text))
            || (i - 2 >= first && owner[i - 2] < 0 && owner[i - 1] < 0 && tokens[i - 1].Kind == TokenKind.Word && char.IsLower(text[tokens[i - 1].Start])
                && !ArmedWord(text, tokens, i - 1) && FireBefore.Contains(tokens[i - 2].Span(text)));
        bool after = !before && i + 1 < end && tokens[i + 1].Kind == TokenKind.Word && FireAfter.Contains(tokens[i + 1].Span(text));
        if (!before && !after)
            return false;
        bool speaker = false;
        if (before)
        {
            // "came under fire Tuesday from Democrats": the one who fires after "from", a few words on.
            for (int q = i + 1; q < Math.Min(end, i + 4); q++)
            {
                if (tokens[q].Kind != TokenKind.Word)
                    break;
                if (IsAny(tokens[q].Span(text), "from"))
                {
                    var (armed, named) = Firer(text, tokens, owner, mentions, q + 1, Math.Min(end, q + 1 + FirerPhrase));
                    if (armed)
                        return false;
                    speaker = named;
                    break;
                }
            }
        }
        else
        {
            // "fired back at the gunmen", "fired back with rockets": what follows the particle.
            int q = i + 2;
            if (q < end && IsAny(tokens[q].Span(text), "at", "with", "on", "against"))
            {
                var (armed, named) = Firer(text, tokens, owner, mentions, q + 1, Math.Min(end, q + 1 + FirerPhrase));
                if (armed)
                    return false;
                speaker = named;
            }
            // The subject: the words of the clause before the verb, back to punctuation or a conjunction.
            for (int p = i - 1; p >= Math.Max(first, i - 1 - FirerPhrase); p--)
            {
                if (owner[p] < 0 && (tokens[p].Kind != TokenKind.Word || IsAny(tokens[p].Span(text), "and", "but", "or", "that", "which", "when", "after", "as")))
                    break;
                if (ArmedWord(text, tokens, p))
                    return false;
            }
        }
        if (speaker)
            return true;
        // "when Gaza is under fire": a place is shot at, not criticised, when no one who fires is told.
        if (before && UnderFirePlace(text, tokens, owner, mentions, first, i))
            return false;
        for (int p = first; p < end; p++)
        {
            if (p != i && ArmedWord(text, tokens, p))
                return false;
        }
        return true;
    }

    /// <summary>Forms of harm verbs news mostly uses for no act of force (event-harm-forms.tsv): nouns of harm or aim (tag noun), "hurt" as a passive injury only (passive), never (never).</summary>
    private static readonly Sitrep.Lexicons.Lexicon HarmFormList = Sitrep.Lexicons.Lexicon.Get("event-harm-forms");
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> HarmForms = HarmFormList.Entries.Select(e => e.Text).ToFrozenSet(StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> HarmNouns = HarmFormList.Tagged("noun").GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> HarmPassives = HarmFormList.Tagged("passive").GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> HarmObjectForms = HarmFormList.Tagged("object").GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>A verb's object stands right after <paramref name="i"/>: a name, a number, an article, possessive or object pronoun.</summary>
    private static bool ObjectAfter(string text, Token[] tokens, int[] owner, int end, int i)
    {
        if (i + 1 >= end)
            return false;
        var next = tokens[i + 1];
        return owner[i + 1] >= 0 || next.Kind == TokenKind.Number
            || (next.Kind == TokenKind.Word && IsAny(next.Span(text), "the", "a", "an", "his", "her", "its", "their", "our", "my", "your", "this", "these", "those", "him", "them", "us", "me", "it", "anyone", "people", "civilians"));
    }

    /// <summary>What a harm verb harms when the harm is to standing, trust, chances or an economy (event-harm-objects.tsv): the verbs (tag verb) and the nouns (tag object).</summary>
    private static readonly Sitrep.Lexicons.Lexicon HarmObjectList = Sitrep.Lexicons.Lexicon.Get("event-harm-objects");
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> HarmObjectVerbs = HarmObjectList.Tagged("verb").GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> HarmObjects = HarmObjectList.Tagged("object").GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>
    /// The harm verb at <paramref name="i"/> harms something of event-harm-objects.tsv: the head of its object, within five
    /// words after it and before a preposition, clause word or punctuation ("damage the president's political standing by …"),
    /// or the subject of its passive, a word of the phrase before its forms of "be" (over adverbs and modals: "relations were badly damaged").
    /// </summary>
    private static bool FigurativeHarm(string text, Token[] tokens, int[] owner, int first, int end, int i)
    {
        for (int p = i + 1; p < Math.Min(end, i + 6); p++)
        {
            if (tokens[p].Kind != TokenKind.Word || (owner[p] < 0 && IsAny(tokens[p].Span(text), "of", "by", "in", "on", "at", "with", "for", "to", "from", "and", "or", "but", "that", "which", "who", "while", "as", "if", "when", "because", "than")))
                break;
            if (owner[p] < 0 && HarmObjects.Contains(tokens[p].Span(text)))
                return true;
        }
        int b = i - 1;
        while (b >= first && tokens[b].Kind == TokenKind.Word && owner[b] < 0
            && ((tokens[b].Span(text).Length > 3 && tokens[b].Span(text).EndsWith("ly", StringComparison.OrdinalIgnoreCase))
                || IsAny(tokens[b].Span(text), "not", "never", "also", "even", "all", "been", "being", "be", "will", "would", "could", "may", "might", "can", "has", "have", "had")))
            b--;
        if (b < first || !IsAny(tokens[b].Span(text), "is", "are", "was", "were", "be", "been", "being", "get", "gets", "got"))
            return false;
        // The passive's subject phrase: the words before the form of "be", back to punctuation or a clause word, over at
        // most six ("Relations between the two neighbours were damaged").
        for (int p = b - 1; p >= Math.Max(first, b - 6); p--)
        {
            if (tokens[p].Kind != TokenKind.Word || (owner[p] < 0 && IsAny(tokens[p].Span(text), "and", "but", "or", "that", "which", "who", "when", "after", "as", "while", "because", "if")))
                return false;
            if (owner[p] < 0 && HarmObjects.Contains(tokens[p].Span(text)))
                return true;
        }
        return false;
    }

    /// <summary>The cue stands right after "without", over an article or "any" ("without warning", "without a fight"): the act did not happen.</summary>
    private static bool AfterWithout(string text, Token[] tokens, int first, int i)
    {
        int b = i - 1;
        if (b >= first && IsAny(tokens[b].Span(text), "a", "an", "any", "the"))
            b--;
        return b >= first && tokens[b].Kind == TokenKind.Word && IsAny(tokens[b].Span(text), "without");
    }

    /// <summary>
    /// The harm form of event-harm-forms.tsv at <paramref name="i"/> names an act of force: a noun form (tag noun) only as a
    /// verb, with a verb's context right before it (over adverbs) or its object right after it and no noun context before
    /// it; "hurt" (tag passive) only as a passive participle, after a form of "be" or "get" (over "not" and adverbs) or
    /// before "in", "during", "when", "after" or "by" ("two people hurt in the blast"); a form tagged never, not at all.
    /// </summary>
    private static bool HarmAct(string text, Token[] tokens, int[] owner, int first, int end, int i, bool nominal)
    {
        var span = tokens[i].Span(text);
        // The nearest word before the form, over adverbs in -ly and of degree ("would surely damage", "was not hurt").
        int b = i - 1;
        while (b >= first && tokens[b].Kind == TokenKind.Word && owner[b] < 0
            && ((tokens[b].Span(text).Length > 3 && tokens[b].Span(text).EndsWith("ly", StringComparison.OrdinalIgnoreCase))
                || IsAny(tokens[b].Span(text), "not", "never", "also", "most", "further", "even", "all", "badly", "seriously", "critically", "slightly")))
            b--;
        if (HarmNouns.Contains(span))
        {
            if (NounUse(text, tokens, first, i, nominal))
                return false;
            if (b >= first && tokens[b].Kind == TokenKind.Word && (In(text, tokens, b, WordSet.VerbContext) || tokens[b].Span(text).EndsWith("n't", StringComparison.OrdinalIgnoreCase) || tokens[b].Span(text).EndsWith("n’t", StringComparison.OrdinalIgnoreCase)))
                return true;
            return ObjectAfter(text, tokens, owner, end, i);
        }
        // "damaging information", "politically damaging": the adjective, unless its object follows ("damaging the car").
        if (HarmObjectForms.Contains(span))
            return ObjectAfter(text, tokens, owner, end, i);
        if (HarmPassives.Contains(span))
        {
            if (b >= first && tokens[b].Kind == TokenKind.Word && IsAny(tokens[b].Span(text), "is", "are", "was", "were", "be", "been", "being", "get", "gets", "got", "gotten", "getting", "'s", "’s"))
                return true;
            return i + 1 < end && tokens[i + 1].Kind == TokenKind.Word && IsAny(tokens[i + 1].Span(text), "in", "during", "when", "after", "by");
        }
        return false;
    }

    /// <summary>Forms of "fight" and the words of war or bodily violence that keep one armed (event-fight-contexts.tsv).</summary>
    private static readonly Sitrep.Lexicons.Lexicon FightContexts = Sitrep.Lexicons.Lexicon.Get("event-fight-contexts");
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> FightForms = FightContexts.Tagged("form").GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> FightArmed = FightContexts.Tagged("armed").GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> FightMassBefore = FightContexts.Tagged("mass-before").GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>
    /// The "fight" at <paramref name="i"/> is a use of force: its sentence names, besides it, an armed person or group,
    /// a weapon or a military post (<see cref="ArmedWord"/>), a name the actor dictionary gives a rebel, militia,
    /// military or police sector ("fighting ISIS", "Hezbollah fought"), or a word of war or bodily violence of
    /// event-fight-contexts.tsv that is not itself figurative ("the war in Syria", not "the war on poverty").
    /// News mostly fights for causes, against viruses and over budgets, and CAMEO codes every fight 190.
    /// </summary>
    private static bool ArmedFight(string text, Token[] tokens, int[] owner, IReadOnlyList<Mention> mentions, int first, int end, int i)
    {
        // "The fighting came amid talks", "fierce fighting continues", "after fighting on October 16": "fighting" as a mass
        // noun (after an article, an adjective of intensity or a preposition of time, with no "over", "for", "against" …
        // after it) is combat; the contest is "bitter fighting over Obamacare", the striving "tired of fighting".
        if (IsAny(tokens[i].Span(text), "fighting") && i - 1 >= first && owner[i - 1] < 0
            && FightMassBefore.Contains(tokens[i - 1].Span(text))
            && !(i + 1 < end && IsAny(tokens[i + 1].Span(text), "over", "for", "against", "to", "with", "about", "back", "off", "chance", "spirit", "words")))
            return true;
        // "the battle of Verdun", "the battle over Mosul": a battle or fight of or over a named place (not its possessive, "over
        // Ohio's voting law") is fought there. ("for" is left out: "the battle for Virginia" is mostly an election.)
        if (i + 2 < end && IsAny(tokens[i + 1].Span(text), "of", "over"))
        {
            int n = IsAny(tokens[i + 2].Span(text), "the") ? i + 3 : i + 2;
            if (n < end && owner[n] >= 0 && mentions[owner[n]].Type is "GPE" or "LOC" or "FACILITY")
            {
                var place = mentions[owner[n]];
                var rest = text.AsSpan(place.End);
                var name = text.AsSpan(place.Start, place.End - place.Start);
                if (!(rest.StartsWith("'s", StringComparison.Ordinal) || rest.StartsWith("’s", StringComparison.Ordinal) || rest.StartsWith("'", StringComparison.Ordinal) || rest.StartsWith("’", StringComparison.Ordinal)
                    || name.EndsWith("'s", StringComparison.Ordinal) || name.EndsWith("’s", StringComparison.Ordinal)))
                    return true;
            }
        }
        int lastOwner = -1;
        for (int q = first; q < end; q++)
        {
            if (q == i || tokens[q].Kind != TokenKind.Word)
                continue;
            if (ArmedWord(text, tokens, q))
                return true;
            if (owner[q] >= 0)
            {
                // Each name once: the actor dictionary's sector of the whole name ("the Islamic State", "Houthi").
                if (owner[q] != lastOwner)
                {
                    lastOwner = owner[q];
                    var m = mentions[owner[q]];
                    if (Sitrep.Entities.Actors.ActorTable.Default.Of(text[m.Start..m.End])?.Sector is "rebel" or "militia" or "military" or "police")
                        return true;
                }
                continue;
            }
            if (FightArmed.Contains(tokens[q].Span(text)) && !FigurativeConflict(text, tokens, owner, first, end, q))
                return true;
        }
        return false;
    }

    /// <summary>
    /// The bare form "support" at <paramref name="i"/> is the noun: a preposition that only a noun takes after it ("for",
    /// "from", "among", "of", "in", "to") or the clause's end (punctuation), and no subject pronoun, auxiliary, modal, negation
    /// or "to" right before it that would make it a verb ("to support.", "we support in principle" stay verbs).
    /// </summary>
    private static bool SupportNoun(string text, Token[] tokens, int first, int end, int i)
    {
        if (!tokens[i].Span(text).Equals("support", StringComparison.OrdinalIgnoreCase))
            return false;
        if (i + 1 < end)
        {
            var next = tokens[i + 1];
            var nextSpan = next.Span(text);
            bool nounAfter = next.Kind == TokenKind.Punctuation ? nextSpan is "." or "," or ";" or ":" or "(" or ")" or "?" or "!"
                : next.Kind == TokenKind.Word && IsAny(nextSpan, "for", "from", "among", "of", "in", "within", "across", "behind", "to");
            if (!nounAfter)
                return false;
        }
        if (i - 1 < first || tokens[i - 1].Kind != TokenKind.Word)
            return true;
        var before = tokens[i - 1].Span(text);
        return !(In(text, tokens, i - 1, WordSet.VerbContext) || before.EndsWith("n't", StringComparison.OrdinalIgnoreCase) || before.EndsWith("n’t", StringComparison.OrdinalIgnoreCase)
            || IsAny(before, "never", "also", "still", "only", "strongly", "fully", "wholeheartedly", "you", "all"));
    }

    /// <summary>A place's name (GPE, LOC) is the subject of "under fire": before "is", "was", "came" … "under", over "has been".</summary>
    private static bool UnderFirePlace(string text, Token[] tokens, int[] owner, IReadOnlyList<Mention> mentions, int first, int i)
    {
        int u = i - 1;
        while (u > first && !IsAny(tokens[u].Span(text), "under"))
            u--;
        int p = u - 1;
        if (p < first || !IsAny(tokens[u].Span(text), "under") || u < i - 2)
            return false;
        if (!IsAny(tokens[p].Span(text), "is", "was", "are", "were", "been", "be", "came", "come", "comes", "coming", "remains", "remained"))
            return false;
        p--;
        while (p >= first && owner[p] < 0 && IsAny(tokens[p].Span(text), "has", "have", "had", "been", "also", "now", "still", "again", "will", "would"))
            p--;
        return p >= first && owner[p] >= 0 && mentions[owner[p]].Type is "GPE" or "LOC";
    }

    /// <summary>Forms of "come" and "go", a visit only when "to" leads to a name (event-visit-motions.tsv).</summary>
    private static readonly Sitrep.Lexicons.Lexicon VisitMotions = Sitrep.Lexicons.Lexicon.Get("event-visit-motions");

    /// <summary>
    /// The form of event-visit-motions.tsv at <paramref name="i"/> leads to a named place, organisation or person:
    /// "to" within two words after it (over "back", "straight" ...), then, over "the", a name ("went to Europe",
    /// "came back to the White House", "go to Moscow"). Its subject is not "it" ("when it comes to Iran": a topic);
    /// "go into emergency session" (no "to") is left to its pattern.
    /// </summary>
    private static bool VisitDestination(string text, Token[] tokens, int[] owner, IReadOnlyList<Mention> mentions, int first, int end, int i)
    {
        if (i + 1 < end && IsAny(tokens[i + 1].Span(text), "into"))
            return true;
        if (i > first && IsAny(tokens[i - 1].Span(text), "it"))
            return false;
        for (int k = i + 1; k < Math.Min(end, i + 4); k++)
        {
            if (tokens[k].Kind != TokenKind.Word || owner[k] >= 0)
                return false;
            if (!tokens[k].Span(text).Equals("to", StringComparison.OrdinalIgnoreCase))
                continue;
            int n = k + 1 < end && IsAny(tokens[k + 1].Span(text), "the") ? k + 2 : k + 1;
            return n < end && owner[n] >= 0 && mentions[owner[n]].Entity >= 0 && mentions[owner[n]].Type is "GPE" or "LOC" or "FACILITY" or "ORG" or "PERSON";
        }
        return false;
    }

    /// <summary>Forms of refusal verbs that news uses mostly for a decrease (event-decrease-verbs.tsv): "decline".</summary>
    private static readonly Sitrep.Lexicons.Lexicon DecreaseVerbs = Sitrep.Lexicons.Lexicon.Get("event-decrease-verbs");

    /// <summary>Articles, possessives and determiners that open the object of a refusal ("declined the invitation", "declined his offer", "declined this request").
    /// "that", "all", "both", "each", "every", "several" and "some" are left out: they also open a measure or a time of a decrease ("declined that much", "declined both years", "declined some 5 percent").</summary>
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> RefusedObjectOpeners = new[] { "the", "a", "an", "his", "her", "their", "its", "our", "my", "your", "any", "this", "these", "those", "such" }.ToFrozenSet(StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>
    /// The form of event-decrease-verbs.tsv at <paramref name="i"/> refuses something: an infinitive follows
    /// (over adverbs in -ly: "declined repeatedly to testify"; not a number, article or possessive after "to":
    /// "declined to 5 percent", "declined to the lowest level"), an object opened by an article or possessive
    /// that is no time ("declined the invitation"; not "declined this year"), an object opened by a name's
    /// possessive with a lower-case noun after it ("declined Trump's request"; not "declined Monday's" nor a
    /// count: "declined Apple's 5 percent"), or it ends the sentence right after a person ("He declined.").
    /// </summary>
    private static bool Refusal(string text, Token[] tokens, int[] owner, IReadOnlyList<Mention> mentions, bool[] timed, int first, int end, int i)
    {
        int k = i + 1;
        while (k < end && tokens[k].Kind == TokenKind.Word && owner[k] < 0 && tokens[k].Span(text).Length > 3 && tokens[k].Span(text).EndsWith("ly", StringComparison.OrdinalIgnoreCase))
            k++;
        if (k >= end || tokens[k].Kind == TokenKind.Punctuation && tokens[k].Span(text) is "." or "!")
            return i > first && (owner[i - 1] >= 0 ? mentions[owner[i - 1]].Type == "PERSON" : IsAny(tokens[i - 1].Span(text), "he", "she", "they", "i", "we"));
        var span = tokens[k].Span(text);
        if (span.Equals("to", StringComparison.OrdinalIgnoreCase))
            return k + 1 < end && tokens[k + 1].Kind == TokenKind.Word && owner[k + 1] < 0 && !timed[k + 1] && char.IsLower(text[tokens[k + 1].Start])
                && !RefusedObjectOpeners.Contains(tokens[k + 1].Span(text)) && !IsCount(text, tokens, k + 1) && !In(text, tokens, k + 1, WordSet.NounContext);
        if (owner[k] >= 0 && !timed[k])
        {
            // A name's possessive opens the object: "Trump's" is one token, or the name is followed by "'s".
            int last = LastTokenOf(owner, k, end);
            int next = Possessive(tokens[last], tokens[last].Span(text)) ? last + 1
                : last + 1 < end && tokens[last + 1].Span(text) is "'s" or "’s" ? last + 2 : -1;
            return next > 0 && next < end && tokens[next].Kind == TokenKind.Word && owner[next] < 0 && !timed[next]
                && char.IsLower(text[tokens[next].Start]) && !IsCount(text, tokens, next);
        }
        // "declined prosecution", "declining invitations", "declined interview requests": a bare noun of what is refused (event-refused-objects.tsv).
        if (owner[k] < 0 && !timed[k] && RefusedObjects.Contains(span))
            return true;
        return owner[k] < 0 && !timed[k] && RefusedObjectOpeners.Contains(span) && !(k + 1 < end && (timed[k + 1] || IsCount(text, tokens, k + 1)));
    }

    /// <summary>Nouns that, bare after "declined", name what is refused ("declined prosecution"; event-refused-objects.tsv).</summary>
    private static readonly Sitrep.Lexicons.Lexicon RefusedObjects = Sitrep.Lexicons.Lexicon.Get("event-refused-objects");

    /// <summary>Verb forms that are also nouns of a person's role (event-person-noun-forms.tsv): "counsel", "advocates", "host".</summary>
    private static readonly Sitrep.Lexicons.Lexicon PersonNounForms = Sitrep.Lexicons.Lexicon.Get("event-person-noun-forms");

    /// <summary>Verb forms that news uses as the comparative and superlative of "good" (event-adjective-forms.tsv).</summary>
    private static readonly Sitrep.Lexicons.Lexicon AdjectiveForms = Sitrep.Lexicons.Lexicon.Get("event-adjective-forms");

    /// <summary>Forms of event-adjective-forms.tsv tagged object: adjectives unless their object follows ("free").</summary>
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> ObjectAdjectives = AdjectiveForms.Tagged("object").GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Adverbs of degree that make a participle after them an adjective (event-degree-adverbs.tsv).</summary>
    private static readonly Sitrep.Lexicons.Lexicon DegreeAdverbs = Sitrep.Lexicons.Lexicon.Get("event-degree-adverbs");

    /// <summary>Forms of "ask", which puts a question as often as it appeals (event-question-verbs.tsv).</summary>
    private static readonly Sitrep.Lexicons.Lexicon QuestionVerbs = Sitrep.Lexicons.Lexicon.Get("event-question-verbs");

    /// <summary>Forms of verbs coded as disapproval that report reasoning ("argue"; event-opinion-verbs.tsv).</summary>
    private static readonly Sitrep.Lexicons.Lexicon OpinionVerbs = Sitrep.Lexicons.Lexicon.Get("event-opinion-verbs");

    /// <summary>
    /// The word after <paramref name="i"/> opens an object: a determiner, possessive, object pronoun or number
    /// ("free the hostages", "free them", "free 20 prisoners"), or a name ("free Tibet").
    /// </summary>
    private static bool ObjectFollows(string text, Token[] tokens, int[] owner, int end, int i)
    {
        int q = i + 1;
        if (q >= end)
            return false;
        if (owner[q] >= 0 || tokens[q].Kind == TokenKind.Number)
            return true;
        return tokens[q].Kind == TokenKind.Word && IsAny(tokens[q].Span(text), "the", "a", "an", "his", "her", "their", "its", "our", "my", "your", "this", "that", "these", "those", "all", "both", "them", "him", "us", "me", "you", "it", "himself", "herself", "themselves", "some", "any", "every", "each", "several", "dozens", "hundreds", "thousands");
    }

    /// <summary>
    /// A form news uses mostly as an adjective is a verb here: its object follows it and no article, form of
    /// "be" or adverb of degree stands before it ("to free the hostages"; not "free stuff", "are free to", "the free press").
    /// </summary>
    private static bool VerbWithObject(string text, Token[] tokens, int[] owner, int first, int end, int i)
    {
        if (i > first && tokens[i - 1].Kind == TokenKind.Word && (IsAny(tokens[i - 1].Span(text), "the", "a", "an", "be", "is", "are", "was", "were", "been", "being", "feel", "feels", "felt", "remain", "remains", "remained", "stay", "stays", "stayed", "so", "too") || DegreeAdverbs.Contains(tokens[i - 1].Span(text))))
            return false;
        return ObjectFollows(text, tokens, owner, end, i);
    }

    /// <summary>
    /// The form at <paramref name="i"/> is a participle or adjective-like form right after an adverb of degree,
    /// with no object after it ("very constrained", "the most admired woman", "more damaging to the president"):
    /// an adjective. A degree word that opens the sentence or follows a conjunction or punctuation may be a
    /// pronoun subject ("Most fled", "and more died"), and one after a count counts people ("five more injured"): not read.
    /// </summary>
    private static bool DegreeAdjective(string text, Token[] tokens, int[] owner, int first, int end, int i)
    {
        if (i - 2 < first || tokens[i - 1].Kind != TokenKind.Word || !DegreeAdverbs.Contains(tokens[i - 1].Span(text)))
            return false;
        if (tokens[i - 2].Kind != TokenKind.Word || IsAny(tokens[i - 2].Span(text), "and", "but", "or", "while", "whereas", "of", "when", "where", "who", "which", "that"))
            return false;
        // "five more injured", "many more killed": after a count "more" counts people, no degree.
        if (IsAny(tokens[i - 2].Span(text), "many", "several", "few", "dozens", "hundreds", "thousands", "millions", "scores", "some", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "twelve", "twenty", "fifty", "hundred", "thousand"))
            return false;
        var span = tokens[i].Span(text);
        bool participle = span.Length > 4 && (span.EndsWith("ing", StringComparison.OrdinalIgnoreCase) || span.EndsWith("ed", StringComparison.OrdinalIgnoreCase));
        if (!participle && !AdjectiveForms.Contains(span))
            return false;
        return !ObjectFollows(text, tokens, owner, end, i);
    }

    /// <summary>
    /// The form of "ask" at <paramref name="i"/> puts a question: before "to", "for" or "that" in its clause
    /// (the one asked may stand between), a question word or "about" ("asked him why", "asked about the raid",
    /// "asked whether"), "question(s)", a colon, question mark or the sentence's end follows it ("asks:",
    /// "asked Trump."), or "when"/"if" stands before it with a comma after ("When asked, he said"). A comma or
    /// nothing of these within eight words leaves it an appeal, and so does "if" or "whether" before "could",
    /// "can", "may" or "might" ("asked if he could use the jet": leave asked for).
    /// </summary>
    private static bool AsksQuestion(string text, Token[] tokens, int[] owner, int first, int end, int i)
    {
        if (i > first && IsAny(tokens[i - 1].Span(text), "when", "if", "once") && (i + 1 >= end || tokens[i + 1].Kind == TokenKind.Punctuation))
            return true;
        for (int q = i + 1; q < Math.Min(end, i + 9); q++)
        {
            if (owner[q] >= 0)
                continue;
            var span = tokens[q].Span(text);
            // A quote may open the words asked for ("never asked" Comey "to stop"): read on.
            if (tokens[q].Kind == TokenKind.Quote)
                continue;
            if (tokens[q].Kind == TokenKind.Punctuation)
                return IsAny(span, ":", "?", ".", "!");
            if (IsAny(span, "to", "for", "that"))
                return false;
            // "asked if he could use the jet", "asked whether they might leave": asking leave is an appeal.
            if (IsAny(span, "whether", "if"))
            {
                for (int r = q + 1; r < Math.Min(end, q + 6) && tokens[r].Kind != TokenKind.Punctuation; r++)
                {
                    if (IsAny(tokens[r].Span(text), "could", "can", "may", "might"))
                        return false;
                }
                return true;
            }
            if (IsAny(span, "about", "why", "how", "what", "question", "questions"))
                return true;
            // "who", "which", "when" ask only right after the verb, a pronoun or a name ("asked Comey who"); after a
            // common noun they open a relative clause ("asking residents who have vaped to fill out a survey").
            if (IsAny(span, "who", "whom", "whose", "when", "where", "which") && (q == i + 1 || owner[q - 1] >= 0 || IsAny(tokens[q - 1].Span(text), "me", "him", "her", "them", "us", "you")))
                return true;
        }
        return false;
    }

    /// <summary>
    /// The desire verb at <paramref name="i"/> asks something of someone: within its clause, before any
    /// punctuation or clause word, an infinitive's "to" follows the one asked ("wants Iran to stop", "needs
    /// the Senate to act", "hopes his colleagues will" does not). A bare infinitive ("want to serve") or an
    /// object alone ("wants a deal") is the speaker's own wish.
    /// </summary>
    private static bool DesireAsks(string text, Token[] tokens, int[] owner, IReadOnlyList<Mention> mentions, int i, int end)
    {
        if (i + 1 >= end || tokens[i + 1].Span(text).Equals("to", StringComparison.OrdinalIgnoreCase))
            return false;
        for (int q = i + 2; q < Math.Min(end, i + 2 + AppealWindow); q++)
        {
            var span = tokens[q].Span(text);
            // "prefer Trump to Clinton" compares: only an infinitive after "to" is asked.
            if (span.Equals("to", StringComparison.OrdinalIgnoreCase))
                return q + 1 < end && tokens[q + 1].Kind == TokenKind.Word && owner[q + 1] < 0 && char.IsLower(text[tokens[q + 1].Start]) && Agent(text, tokens, q - 1, owner, mentions);
            // A clause of its own ("hoped conservatives would rally to him"): no one asked.
            if (tokens[q].Kind is TokenKind.Punctuation or TokenKind.Quote || IsAny(span, "that", "which", "because", "but", "if", "while", "when", "and", "or") || (tokens[q].Kind == TokenKind.Word && In(text, tokens, q, WordSet.VerbContext)))
                return false;
        }
        return false;
    }

    /// <summary>
    /// The firing verb at <paramref name="i"/> dismisses a person: a person's name, an object pronoun or a noun
    /// of persons stands after it or after its "of" before any preposition or punctuation ("fired Comey", "firing
    /// former FBI Director James Comey", "the firing of national security adviser Michael Flynn"); a person's
    /// possessive or "his", "her" stands right before it ("Comey's firing", "his firing"); or a person is the
    /// subject of its passive ("Gunn was fired"). "Opened fire", "returned fire", "came under fire" are a weapon's.
    /// </summary>
    private static bool Dismissal(string text, Token[] tokens, int[] owner, IReadOnlyList<Mention> mentions, int first, int end, int i)
    {
        if (i > first && IsAny(tokens[i - 1].Span(text), "opened", "open", "opens", "opening", "returned", "return", "returning", "exchanged", "exchange", "under", "cease", "hold", "held"))
            return false;
        int k = i + 1;
        if (k < end && tokens[k].Span(text).Equals("of", StringComparison.OrdinalIgnoreCase))
            k++;
        for (int q = k; q < Math.Min(end, k + 6); q++)
        {
            if (owner[q] >= 0)
            {
                if (mentions[owner[q]].Type == "PERSON")
                    return true;
                continue;
            }
            var span = tokens[q].Span(text);
            // Only the words of a title may stand before the one fired: a preposition, conjunction or verb context ends it ("trading fire with snipers", "gas fired by police", "fire tear gas to disperse protesters").
            if (tokens[q].Kind is not (TokenKind.Word or TokenKind.Abbreviation or TokenKind.Number) || In(text, tokens, q, WordSet.VerbContext | WordSet.Preposition)
                || IsAny(span, "at", "into", "on", "upon", "toward", "towards", "from", "in", "over", "across", "through", "back", "off", "up", "and", "or", "that", "which", "who", "by", "with", "to", "as", "for", "against", "after", "during", "amid"))
                break;
            // A capitalised word inside the sentence belongs to a title ("fire Acting Attorney General Sally Yates").
            if (q > first && char.IsUpper(span[0]) && tokens[q].Kind == TokenKind.Word && !span.EndsWith("ed", StringComparison.Ordinal))
                continue;
            // A verb ends it too ("artillery fire killed four soldiers"): a past form or an event verb's form.
            if (span.EndsWith("ed", StringComparison.OrdinalIgnoreCase) || ((t_words ??= new WordCache()).Of(Default.Table, text, tokens, q) is { Senses: not null } && !AgentNouns.Contains(span)))
                break;
            if (AgentPronouns.Contains(span) && !IsAny(span, "some", "many", "all", "both", "few", "several", "most"))
                return true;
            if (AgentNouns.Contains(span) && (q + 1 >= end || owner[q + 1] < 0))
                return true;
        }
        if (i > first)
        {
            var before = tokens[i - 1].Span(text);
            if (IsAny(before, "his", "her"))
                return true;
            int p = before.Equals("'s", StringComparison.OrdinalIgnoreCase) || before.Equals("’s", StringComparison.OrdinalIgnoreCase) ? i - 2 : i - 1;
            if (p >= first && owner[p] >= 0 && mentions[owner[p]].Type == "PERSON" && (p < i - 1 || Possessive(tokens[p], tokens[p].Span(text))))
                return true;
            bool aimed = i + 1 < end && IsAny(tokens[i + 1].Span(text), "at", "on", "upon", "into", "toward", "towards");
            // "the Comey firing": a person's name used as a modifier between an article and the noun.
            if (!aimed && p == i - 1 && p - 1 >= first && owner[p] >= 0 && mentions[owner[p]].Type == "PERSON" && tokens[i].Span(text).Equals("firing", StringComparison.OrdinalIgnoreCase))
            {
                int a = p;
                while (a > first && owner[a - 1] == owner[p])
                    a--;
                if (a - 1 >= first && IsAny(tokens[a - 1].Span(text), "the", "a", "his", "her", "their"))
                    return true;
            }
            // The causative: "gets you fired", "tried to have Mueller fired", "get them fired"; and the relative "whom Trump fired".
            if (!aimed && p >= first + 1 && (owner[p] >= 0 ? mentions[owner[p]].Type == "PERSON" : IsAny(tokens[p].Span(text), "him", "her", "them", "me", "you", "us")))
            {
                int h = p;
                while (owner[p] >= 0 && h > first && owner[h - 1] == owner[p])
                    h--;
                if (h - 1 >= first && IsAny(tokens[h - 1].Span(text), "get", "gets", "got", "gotten", "getting", "have", "has", "had", "having", "whom"))
                    return true;
            }
            // "got top aides fired", "got a prosecutor fired": a noun of persons after the causative verb, over at most two words.
            if (!aimed && p >= first + 1 && owner[p] < 0 && AgentNouns.Contains(tokens[p].Span(text)))
            {
                for (int h = p - 1; h >= Math.Max(first, p - 3); h--)
                {
                    if (tokens[h].Kind is not (TokenKind.Word or TokenKind.Abbreviation))
                        break;
                    if (IsAny(tokens[h].Span(text), "get", "gets", "got", "gotten", "getting", "have", "has", "had", "having"))
                        return true;
                }
            }
            // The passive: "Gunn was fired", "he got fired", "were both fired", "is not technically fired"; "the risk of
            // being fired", with no subject, is a dismissal too when nothing is aimed at.
            int b = i - 1;
            while (b > first && owner[b] < 0 && tokens[b].Kind == TokenKind.Word && (IsAny(tokens[b].Span(text), "not", "n't", "n\u2019t", "both", "also", "all", "never", "just", "then", "later", "eventually", "summarily")
                || (tokens[b].Span(text).Length > 3 && tokens[b].Span(text).EndsWith("ly", StringComparison.OrdinalIgnoreCase))))
                b--;
            bool aimedAt = i + 1 < end && IsAny(tokens[i + 1].Span(text), "at", "on", "upon", "into", "toward", "towards");
            if (!aimedAt && b >= first && IsAny(tokens[b].Span(text), "being", "getting", "get", "gets", "got", "gotten"))
                return true;
            if (b - 1 >= first && (IsAny(tokens[b].Span(text), "was", "were", "been", "being", "is", "are", "be", "got", "get", "gets", "getting") || NegatedBe(tokens[b].Span(text))))
            {
                int s = b - 1;
                // "he has been fired", "she had been fired": the subject stands before the perfect's auxiliary.
                if (tokens[b].Span(text).Equals("been", StringComparison.OrdinalIgnoreCase) && s - 1 >= first && IsAny(tokens[s].Span(text), "has", "have", "had"))
                    s--;
                // "Michaels should be fired", "called for Michaels to be fired": the subject stands before a modal or "to".
                if (tokens[b].Span(text).Equals("be", StringComparison.OrdinalIgnoreCase) && s - 1 >= first && IsAny(tokens[s].Span(text), "to", "should", "would", "could", "will", "must", "may", "might"))
                    s--;
                if (!aimedAt && (IsAny(tokens[s].Span(text), "he", "she", "i", "they", "we", "you", "everyone", "everybody", "anyone", "anybody", "nobody", "someone", "somebody", "who") || (owner[s] >= 0 && mentions[owner[s]].Type == "PERSON") || (owner[s] < 0 && AgentNouns.Contains(tokens[s].Span(text)))))
                    return true;
            }
        }
        return false;
    }

    /// <summary>A contracted negative be-form ("wasn't", "weren't", "isn't", "aren't").</summary>
    private static bool NegatedBe(ReadOnlySpan<char> span) =>
        IsAny(span, "wasn't", "weren't", "isn't", "aren't", "wasn\u2019t", "weren\u2019t", "isn\u2019t", "aren\u2019t");

    /// <summary>
    /// The role noun form at <paramref name="i"/> names a person, not an act: no subject pronoun, auxiliary,
    /// modal or "to" (over adverbs) and no name, its subject, stands right before it ("special counsel Robert
    /// Mueller", "border security advocates said", "Advocates say"; not "who advocates", "will host", "Japan hosts").
    /// </summary>
    private static bool RoleNoun(string text, Token[] tokens, int[] owner, int first, int i)
    {
        int p = i - 1;
        while (p >= first && tokens[p].Kind == TokenKind.Word && owner[p] < 0 && tokens[p].Span(text).Length > 3 && tokens[p].Span(text).EndsWith("ly", StringComparison.OrdinalIgnoreCase))
            p--;
        if (p < first)
            return true;
        if (owner[p] >= 0)
            return false;
        return !(tokens[p].Kind == TokenKind.Word && In(text, tokens, p, WordSet.VerbContext));
    }

    /// <summary>Words of a share of those polled (event-poll-shares.tsv): before the verb (share) or after its "by" (margin).</summary>
    private static readonly Sitrep.Lexicons.Lexicon PollShares = Sitrep.Lexicons.Lexicon.Get("event-poll-shares");
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> ShareWords = PollShares.Tagged("share").GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> MarginWords = PollShares.Tagged("margin").GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>A share word, alone or as the end of a hyphenated word ("percent", "56-percent").</summary>
    private static bool IsShare(ReadOnlySpan<char> span, FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> words)
    {
        if (words.Contains(span))
            return true;
        int dash = span.LastIndexOf('-');
        return dash >= 0 && dash + 1 < span.Length && words.Contains(span[(dash + 1)..]);
    }

    /// <summary>
    /// The verb at <paramref name="i"/> reports a poll's result: a share word stands before it in its clause
    /// (back to punctuation or "while", "but", "whereas": "73 percent of Republicans support Roberts", "a 56-percent
    /// majority disapproves"), or "by" within four words after it, no infinitive between, is followed within four words
    /// by a margin word ("back him by 13 points", "voted for Davis by 53-27 percent"; not "pledged to cut emissions by
    /// 17 percent"). A share inside a name ("Majority Leader") does not count.
    /// </summary>
    private static bool PollResult(string text, Token[] tokens, int[] owner, int first, int end, int i, int last)
    {
        for (int p = i - 1; p >= Math.Max(first, i - 10); p--)
        {
            var span = tokens[p].Span(text);
            if (tokens[p].Kind is TokenKind.Punctuation or TokenKind.Quote or TokenKind.Bracket || IsAny(span, "while", "but", "whereas", "although", "though"))
                break;
            if (owner[p] < 0 && IsShare(span, ShareWords))
                return true;
        }
        for (int q = last + 1; q < Math.Min(end, last + 5); q++)
        {
            var span = tokens[q].Span(text);
            // "pledged to reduce emissions by 17 percent": the margin of an infinitive's act is no poll's.
            if (tokens[q].Kind is TokenKind.Punctuation or TokenKind.Quote or TokenKind.Bracket || span.Equals("to", StringComparison.OrdinalIgnoreCase))
                break;
            if (!span.Equals("by", StringComparison.OrdinalIgnoreCase))
                continue;
            for (int r = q + 1; r < Math.Min(end, q + 5); r++)
            {
                if (owner[r] < 0 && IsShare(tokens[r].Span(text), MarginWords))
                    return true;
            }
            break;
        }
        return false;
    }

    /// <summary>Words that make an attack verbal (event-verbal-attacks.tsv): modifiers before the noun, objects after it or the verb.</summary>
    private static readonly Sitrep.Lexicons.Lexicon VerbalAttacks = Sitrep.Lexicons.Lexicon.Get("event-verbal-attacks");
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> AttackModifiers = VerbalAttacks.Tagged("modifier").GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> AttackObjects = VerbalAttacks.Tagged("object").GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> AttackVerbs = VerbalAttacks.Tagged("verb").GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>
    /// The verb at <paramref name="i"/> strikes a named person, with at most three words of a title before the name,
    /// "for" or "over" something right after the name ("hit Romney for not releasing", "slammed Sen. Ted Cruz over
    /// his remarks", "for a remark"); not "for" a stretch of time ("for hours", "for a week") or "for no reason".
    /// </summary>
    private static bool CriticisedFor(string text, Token[] tokens, int[] owner, IReadOnlyList<Mention> mentions, int end, int i)
    {
        int k = i + 1;
        while (k < end && k <= i + 3 && owner[k] < 0 && tokens[k].Kind is TokenKind.Word or TokenKind.Abbreviation && char.IsUpper(tokens[k].Span(text)[0]))
            k++;
        if (k >= end || owner[k] < 0 || mentions[owner[k]].Type != "PERSON")
            return false;
        int person = owner[k];
        while (k < end && owner[k] == person)
            k++;
        if (k + 1 >= end || !IsAny(tokens[k].Span(text), "for", "over"))
            return false;
        // "for hours", "for a week", "for nearly two days", "for a while": how long, not what for.
        int q = k + 1;
        while (q < end && (tokens[q].Kind == TokenKind.Number || IsAny(tokens[q].Span(text), "a", "an", "several", "two", "three", "nearly", "about", "more", "almost", "over", "than")))
            q++;
        return !(q < end && IsAny(tokens[q].Span(text), "hours", "hour", "minutes", "minute", "seconds", "days", "day", "weeks", "week", "months", "month", "years", "year", "while", "time"))
            && !IsAny(tokens[k + 1].Span(text), "no");
    }

    /// <summary>
    /// The attack at <paramref name="i"/> is criticism: a listed modifier right before the noun ("a political
    /// attack", "racist attacks", "the line of attack"), or a listed object within five words after the noun's
    /// "on" or "against" or after the verb ("an attack on President Obama's health care law", "to attack his
    /// policies"), before any punctuation or preposition.
    /// </summary>
    private static bool VerbalAttack(string text, Token[] tokens, int[] owner, int first, int end, int i, bool noun)
    {
        if (i - 1 >= first && owner[i - 1] < 0 && AttackModifiers.Contains(tokens[i - 1].Span(text)))
            return true;
        if (i - 2 >= first && owner[i - 2] < 0 && tokens[i - 1].Span(text).Equals("of", StringComparison.OrdinalIgnoreCase) && AttackModifiers.Contains(tokens[i - 2].Span(text)))
            return true;
        int k = i + 1;
        if (noun)
        {
            if (k >= end || !IsAny(tokens[k].Span(text), "on", "against"))
                return false;
            k++;
        }
        for (int q = k; q < Math.Min(end, k + 5); q++)
        {
            if (owner[q] >= 0)
                continue;
            var span = tokens[q].Span(text);
            if (tokens[q].Kind is not (TokenKind.Word or TokenKind.Abbreviation) && !(span.Equals("'s", StringComparison.OrdinalIgnoreCase) || span.Equals("’s", StringComparison.OrdinalIgnoreCase)))
                return false;
            if (AttackObjects.Contains(span))
                return true;
            if (In(text, tokens, q, WordSet.Preposition | WordSet.VerbContext) || IsAny(span, "at", "in", "on", "with", "by", "from", "near", "after", "during", "and", "or", "that", "which", "who"))
                return false;
        }
        return false;
    }

    /// <summary>Verbs of winning over someone that politics uses of contests (event-contest-verbs.tsv), what is voted down and the words of contests.</summary>
    private static readonly Sitrep.Lexicons.Lexicon ContestVerbs = Sitrep.Lexicons.Lexicon.Get("event-contest-verbs");
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> DefeatForms = ContestVerbs.Tagged("defeat").GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> BeatForms = ContestVerbs.Tagged("beat").GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> VotedMeasures = ContestVerbs.Tagged("measure").GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> ContestWords = ContestVerbs.Tagged("contest").GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>
    /// The defeat or beating at <paramref name="i"/> is a contest won, in a sentence that names no weapon: a
    /// person's name or a measure voted down within four words after it or after its "of", before any
    /// punctuation, preposition or verb ("to defeat President Trump", "a defeat of Rep. Will Hurd", "defeated
    /// a proposed amendment"); for "beat", a person only in a sentence that holds a contest word.
    /// </summary>
    private static bool ContestWon(string text, Token[] tokens, int[] owner, IReadOnlyList<Mention> mentions, int first, int end, int i)
    {
        var span = tokens[i].Span(text);
        bool defeat = DefeatForms.Contains(span);
        if (!defeat && !BeatForms.Contains(span) || NamesWeapon(text, tokens, first, end))
            return false;
        int k = i + 1;
        if (k < end && tokens[k].Span(text).Equals("of", StringComparison.OrdinalIgnoreCase))
            k++;
        for (int q = k; q < Math.Min(end, k + 5); q++)
        {
            if (owner[q] >= 0)
            {
                // "to defeat Assad's tanks": a person's possessive names the owner, not the one defeated.
                if (mentions[owner[q]].Type != "PERSON" || Possessive(tokens[q], tokens[q].Span(text)) || (q + 1 < end && tokens[q + 1].Span(text) is "'s" or "’s"))
                    continue;
                if (defeat)
                    return true;
                for (int p = first; p < end; p++)
                {
                    if (tokens[p].Kind == TokenKind.Word && owner[p] < 0 && ContestWords.Contains(tokens[p].Span(text)))
                        return true;
                }
                return false;
            }
            var word = tokens[q].Span(text);
            if (VotedMeasures.Contains(word))
                return true;
            if (tokens[q].Kind is not (TokenKind.Word or TokenKind.Abbreviation) || In(text, tokens, q, WordSet.Preposition | WordSet.VerbContext) || IsAny(word, "at", "in", "on", "with", "by", "from", "and", "or", "that", "which", "who"))
                return false;
        }
        return false;
    }

    /// <summary>Conflict nouns used of contests that are no fighting (event-figurative-conflicts.tsv): the nouns (tag conflict), the modifiers before them (modifier) and the objects after a preposition (object).</summary>
    private static readonly Sitrep.Lexicons.Lexicon FigurativeConflicts = Sitrep.Lexicons.Lexicon.Get("event-figurative-conflicts");
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> ConflictNouns = FigurativeConflicts.Tagged("conflict").GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> ConflictModifiers = FigurativeConflicts.Tagged("modifier").GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> ConflictObjects = FigurativeConflicts.Tagged("object").GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>
    /// The conflict noun at <paramref name="i"/> names a contest, not fighting: a listed modifier stands right
    /// before it ("a fierce election battle", "the legal fight"), or "against", "on", "over", "with" or "of"
    /// follows it and, over at most two words, a listed object ("the fight against cancer", "a battle against
    /// the wildfires", "a war of words"). A name ends the search ("the battle over Mosul" stays one).
    /// </summary>
    private static bool FigurativeConflict(string text, Token[] tokens, int[] owner, int first, int end, int i)
    {
        if (!ConflictNouns.Contains(tokens[i].Span(text)))
            return false;
        if (i - 1 >= first && tokens[i - 1].Kind == TokenKind.Word && owner[i - 1] < 0 && ConflictModifiers.Contains(tokens[i - 1].Span(text)))
            return true;
        if (i + 1 >= end || !IsAny(tokens[i + 1].Span(text), "against", "on", "over", "with", "of"))
            return false;
        for (int q = i + 2; q < Math.Min(end, i + 5); q++)
        {
            if (tokens[q].Kind != TokenKind.Word || owner[q] >= 0)
                return false;
            var span = tokens[q].Span(text);
            if (ConflictObjects.Contains(span))
                return true;
            if (IdiomStops.Contains(span))
                return false;
        }
        return false;
    }

    /// <summary>Rallies that are no protest (event-campaign-rallies.tsv): modifiers, titles that own one, objects and market subjects of the verb.</summary>
    private static readonly Sitrep.Lexicons.Lexicon CampaignRallies = Sitrep.Lexicons.Lexicon.Get("event-campaign-rallies");
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> RallyModifiers = CampaignRallies.Tagged("modifier").GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> RallyTitles = CampaignRallies.Tagged("title").GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> RallyObjects = CampaignRallies.Tagged("object").GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> RallyMarkets = CampaignRallies.Tagged("market").GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>
    /// The "rally" at <paramref name="i"/> is a candidate's gathering, a rallying of support or a market's rise, no
    /// protest: a listed modifier, a person's name, "his", "her" or a listed title's possessive stands before it in its
    /// phrase (over adjectives and commas: "his large, energetic rally", "a Trump rally", "the president's rally"); or
    /// a listed object follows it ("rallied supporters", "rally around"); or a listed market word is right before it
    /// ("stocks rallied"). A rally "against", "for" or "in support of" something stays a protest.
    /// </summary>
    private static bool CampaignRally(string text, Token[] tokens, int[] owner, IReadOnlyList<Mention> mentions, int first, int end, int i)
    {
        var span = tokens[i].Span(text);
        if (!span.StartsWith("rall", StringComparison.OrdinalIgnoreCase))
            return false;
        if (i + 1 < end && IsAny(tokens[i + 1].Span(text), "against", "for", "in", "outside") && !(IsAny(tokens[i + 1].Span(text), "in") && (i + 2 >= end || !IsAny(tokens[i + 2].Span(text), "support", "solidarity", "protest"))))
            return false;
        if (i + 1 < end && RallyObjects.Contains(tokens[i + 1].Span(text)))
            return true;
        if (i - 1 >= first && RallyMarkets.Contains(tokens[i - 1].Span(text)))
            return true;
        for (int p = i - 1; p >= Math.Max(first, i - 5); p--)
        {
            var word = tokens[p].Span(text);
            if (owner[p] >= 0)
                return mentions[owner[p]].Type == "PERSON";
            if (tokens[p].Kind == TokenKind.Punctuation && word is ",")
                continue;
            if (tokens[p].Kind != TokenKind.Word && tokens[p].Kind != TokenKind.Number)
                return false;
            if (RallyModifiers.Contains(word) || RallyTitles.Contains(word) || IsAny(word, "his", "her"))
                return true;
            if (IsAny(word, "a", "an", "the", "their", "its", "our") || IdiomStops.Contains(word) || VerbWords.Contains(word))
                return false;
        }
        return false;
    }

    /// <summary>Words of a count or a group that make the phrase after "a" plural ("a few protesters", "a dozen soldiers", "a number of"; event-plural-counts.tsv).</summary>
    private static readonly Sitrep.Lexicons.Lexicon PluralCounts = Sitrep.Lexicons.Lexicon.Get("event-plural-counts");

    /// <summary>
    /// The word is the bare form of every single-word sense it has, and of at least one, with no past participle of the
    /// same spelling ("cut", "hit"): a form a noun can share. A phrasal sense ("blow up", "gear up") is read on its own
    /// words: "a heavy blow" is the single-word verb's form. With <paramref name="orSForm"/> the -s form counts too
    /// ("gear", "moderates"; never "attacked", "hit", "fighting").
    /// </summary>
    private static bool BareFormOfEverySense(ReadOnlySpan<char> span, VerbSense[] senses, bool orSForm = false)
    {
        int read = 0;
        foreach (var sense in senses)
        {
            if (sense.Words.Length > 1)
                continue;
            read++;
            var lemma = sense.Lemma.AsSpan();
            bool form = span.Equals(lemma, StringComparison.OrdinalIgnoreCase) && !SameParticiple.Contains(sense.Lemma)
                || orSForm && (
                    (span.Length == lemma.Length + 1 && span.StartsWith(lemma, StringComparison.OrdinalIgnoreCase) && span[^1] is 's' or 'S')
                    || (span.Length == lemma.Length + 2 && span.StartsWith(lemma, StringComparison.OrdinalIgnoreCase) && span.EndsWith("es", StringComparison.OrdinalIgnoreCase))
                    || (lemma.Length > 2 && lemma[^1] is 'y' && span.Length == lemma.Length + 2 && span.StartsWith(lemma[..^1], StringComparison.OrdinalIgnoreCase) && span.EndsWith("ies", StringComparison.OrdinalIgnoreCase)));
            if (!form)
                return false;
        }
        return read > 0;
    }

    /// <summary>
    /// The form at <paramref name="i"/> is a base form (of every verb it may be of, none whose past is its base:
    /// "a car hit") and closes a phrase opened by "a", "an", "another", "every" or "each" one to three words
    /// before ("a local government ban", "a steady decline", "an independent counsel"): a singular subject
    /// takes an -s form, so the word is a noun. Not after a verb that takes a bare infinitive or "that"
    /// ("made a crowd disperse", "demanded that a judge resign"), nor across a preposition, conjunction,
    /// auxiliary, punctuation or a count ("a few protesters march").
    /// </summary>
    private static bool SingularNounBefore(string text, Token[] tokens, int[] owner, int first, int i, VerbSense[] senses)
    {
        var span = tokens[i].Span(text);
        if (!BareFormOfEverySense(span, senses))
            return false;
        for (int p = i - 1; p >= Math.Max(first, i - 4); p--)
        {
            var word = tokens[p].Span(text);
            if (IsAny(word, "a", "an", "another", "every", "each"))
            {
                if (p == i - 1)
                    return false;
                // "heard many a Democrat blame": the word before "many a", "such a", "what a".
                int b = p - 1;
                if (b > first && IsAny(tokens[b].Span(text), "many", "such", "quite", "what", "half", "rather"))
                    b--;
                if (b < first)
                    return true;
                var verb = tokens[b].Span(text);
                // A verb that takes a bare infinitive, "that" (a subjunctive), an auxiliary or modal before its subject
                // ("does a woman want", "could a dacoit seek"), or a verb whose object names the act ("issued a scathing rebuke").
                return !IsAny(verb, "make", "makes", "made", "making", "let", "lets", "letting", "help", "helps", "helped", "helping", "see", "sees", "saw", "seen",
                    "watch", "watched", "hear", "heard", "have", "has", "had", "that", "lest", "bid", "do", "does", "did", "can", "could", "will", "would", "shall",
                    "should", "may", "might", "must")
                    && !SupportVerbs.Contains(verb) && !ActNounVerbs.Contains(verb);
            }
            if (tokens[p].Kind != TokenKind.Word || VerbWords.Contains(word) || IdiomStops.Contains(word) || PluralCounts.Contains(word)
                || IsAny(word, "you", "cannot") || word.EndsWith("n't", StringComparison.OrdinalIgnoreCase) || word.EndsWith("n’t", StringComparison.OrdinalIgnoreCase))
                return false;
        }
        return false;
    }

    /// <summary>The word at <paramref name="i"/> is the base form of a verb of the lexicon ("take", not "takes", "took").</summary>
    private bool BaseForm(string text, Token[] tokens, int i)
    {
        if (Word(text, tokens, i).Senses is not { } senses)
            return false;
        foreach (var sense in senses)
        {
            if (tokens[i].Span(text).Equals(sense.Lemma, StringComparison.OrdinalIgnoreCase))
                return true;
        }
        return false;
    }

    /// <summary>
    /// The form at <paramref name="i"/> is an -s form (of every verb it may be of) closing a phrase opened by a
    /// count above one one to three words before ("the 12 Iranian guards abducted", "three key supports"): a plural
    /// subject takes the base form, so the word is a plural noun. A number that is part of a time ("In 2019 …") opens no phrase.
    /// </summary>
    private static bool CountedNounBefore(string text, Token[] tokens, bool[] timed, int first, int i, VerbSense[] senses)
    {
        var span = tokens[i].Span(text);
        if (senses.Length == 0 || span.Length < 3 || span[^1] is not ('s' or 'S'))
            return false;
        foreach (var sense in senses)
        {
            if (!(span.Length == sense.Lemma.Length + 1 && span.StartsWith(sense.Lemma, StringComparison.OrdinalIgnoreCase))
                && !(span.Length == sense.Lemma.Length + 2 && span.StartsWith(sense.Lemma, StringComparison.OrdinalIgnoreCase) && span.EndsWith("es", StringComparison.OrdinalIgnoreCase)))
                return false;
        }
        for (int p = i - 1; p >= Math.Max(first, i - 4); p--)
        {
            var word = tokens[p].Span(text);
            if (timed[p])
                return false;
            if (tokens[p].Kind == TokenKind.Number)
                return p < i - 1 && !word.SequenceEqual("1");
            if (IsAny(word, "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "twenty", "dozens", "hundreds", "thousands", "several"))
                return p < i - 1;
            // An article, possessive or preposition, or a participle, between the count and the form: the count is no part of its phrase ("with many saying the party needs").
            if (tokens[p].Kind != TokenKind.Word || VerbWords.Contains(word) || IdiomStops.Contains(word) || NounWords.Contains(word) || IsAny(word, "you", "cannot")
                || word.EndsWith("ing", StringComparison.OrdinalIgnoreCase) || word.EndsWith("ed", StringComparison.OrdinalIgnoreCase))
                return false;
        }
        return false;
    }

    /// <summary>
    /// The form at <paramref name="i"/>, read as a noun or adjective (<see cref="NounUse"/>), is one for sure: an -ing
    /// form only right after an article, possessive, "this", "every", "each", "another" or "no" ("a devastating blow",
    /// "the surrounding area", "my firing"; after a preposition, "and" or a comma it is a gerund or participle that may
    /// take its object: "for attacking Haditha", "a campaign of torching", "approaches, firing a shot"); another form
    /// not right after a count ("three die in the crackdown") nor, as a base form, after a person or group that may be
    /// its subject ("gunmen storm a campus").
    /// </summary>
    private static bool NounByContext(string text, Token[] tokens, int first, int i, bool nominal)
    {
        var form = tokens[i].Span(text);
        if (i - 1 < first)
            return !form.EndsWith("ing", StringComparison.OrdinalIgnoreCase) && NounUse(text, tokens, first, i, nominal);
        var before = tokens[i - 1];
        var span = before.Span(text);
        if (form.EndsWith("ing", StringComparison.OrdinalIgnoreCase))
            return IsAny(span, "the", "a", "an", "its", "his", "her", "their", "our", "my", "your", "this", "every", "each", "another", "no") || (Possessive(before, span) && !ContractedIs(span));
        if (before.Kind == TokenKind.Number || IsAny(span, "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "several", "many", "some", "dozens", "hundreds", "thousands"))
            return false;
        if (!form.EndsWith("s", StringComparison.OrdinalIgnoreCase) && before.Kind == TokenKind.Word && AgentNouns.Contains(span))
            return false;
        return NounUse(text, tokens, first, i, nominal);
    }

    /// <summary>"that's", "it's", "everything's": a pronoun's 's is "is" or "has", no possessive ("the evil that's attacking us").</summary>
    private static bool ContractedIs(ReadOnlySpan<char> span) =>
        span.Length > 2 && IsAny(span[..^2], "that", "it", "he", "she", "what", "who", "there", "here", "where", "how", "everything", "everyone", "something", "someone", "nothing", "nobody", "let");

    /// <summary>Determiners that open a noun phrase whose head may follow modifiers ("the protective gear", "its nuclear force").</summary>
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> PhraseDeterminers = new[]
    {
        "the", "its", "his", "her", "their", "our", "my", "your", "this",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>
    /// The base form at <paramref name="i"/> closes a phrase opened by "the", "this" or a possessive one to four
    /// words before, over modifiers only ("the protective gear", "its nuclear force", "the revised travel ban",
    /// "her real inner circle"): a verb after such a phrase would need an -s form or a plural subject, so the
    /// word is its noun head. Not when a word between is an -s form, a person or group (event-agent-nouns.tsv:
    /// "the police attack"), a name, a number, a pronoun, auxiliary, preposition or clause word; nor after a verb
    /// that takes a bare infinitive ("made the crowd disperse", "let the voters decide"); nor with an object
    /// right after the form ("the first instance support its reversal").
    /// </summary>
    private static bool ModifiedNoun(string text, Token[] tokens, int[] owner, int first, int end, int i, VerbSense[] senses)
    {
        var span = tokens[i].Span(text);
        if (span.EndsWith("s", StringComparison.OrdinalIgnoreCase) || !BareFormOfEverySense(span, senses))
            return false;
        if (i + 1 < end && tokens[i + 1].Kind == TokenKind.Word && (owner[i + 1] >= 0 || IsAny(tokens[i + 1].Span(text), "the", "a", "an", "its", "his", "her", "their", "our", "my", "your", "him", "them", "us", "me", "it", "this", "these", "those")))
            return false;
        for (int p = i - 1; p >= Math.Max(first, i - 5); p--)
        {
            var word = tokens[p].Span(text);
            if (PhraseDeterminers.Contains(word))
            {
                if (p == i - 1)
                    return false;
                if (p - 1 < first)
                    return true;
                var verb = tokens[p - 1].Span(text);
                return !IsAny(verb, "make", "makes", "made", "making", "let", "lets", "letting", "help", "helps", "helped", "helping", "see", "sees", "saw", "seen",
                    "watch", "watched", "hear", "heard", "have", "has", "had", "that", "lest", "bid", "do", "does", "did", "can", "could", "will", "would", "shall",
                    "should", "may", "might", "must");
            }
            if (tokens[p].Kind != TokenKind.Word || owner[p] >= 0 || char.IsUpper(word[0]) || VerbWords.Contains(word) || IdiomStops.Contains(word) || PluralCounts.Contains(word)
                || AgentNouns.Contains(word) || NounWords.Contains(word) || (word.Length > 3 && word.EndsWith("s", StringComparison.OrdinalIgnoreCase) && !word.EndsWith("ss", StringComparison.OrdinalIgnoreCase))
                || IsAny(word, "you", "cannot", "what", "whose", "a", "an", "neither", "either", "nor", "also", "only", "just", "even", "still", "then", "now")
                || (word.Length > 3 && word.EndsWith("ly", StringComparison.OrdinalIgnoreCase)) || word.EndsWith("n't", StringComparison.OrdinalIgnoreCase) || word.EndsWith("n’t", StringComparison.OrdinalIgnoreCase))
                return false;
        }
        return false;
    }

    /// <summary>
    /// The base or -s form at <paramref name="i"/> stands right before an auxiliary or modal, over adverbs ("the
    /// ban will", "Pressure is mounting", "But moderates also may", "the strike was aimed"): a verb is not followed by
    /// its clause's auxiliary, so the word is the subject's noun head. Not after a subject pronoun, auxiliary, "to",
    /// a name or a clause word ("what he wants is", "the enforcers insist is", "those who protest are").
    /// </summary>
    private static bool NounBeforeAuxiliary(string text, Token[] tokens, int[] owner, int first, int end, int i, VerbSense[] senses)
    {
        if (!BareFormOfEverySense(tokens[i].Span(text), senses, orSForm: true))
            return false;
        int q = i + 1;
        while (q < end && tokens[q].Kind == TokenKind.Word && owner[q] < 0 && (IsAny(tokens[q].Span(text), "also", "still", "already", "now", "never", "only", "often", "even")
            || (tokens[q].Span(text).Length > 3 && tokens[q].Span(text).EndsWith("ly", StringComparison.OrdinalIgnoreCase) && char.IsLower(tokens[q].Span(text)[0]))))
            q++;
        if (q >= end || tokens[q].Kind != TokenKind.Word || !IsAny(tokens[q].Span(text), "is", "are", "was", "were", "has", "have", "had", "will", "would", "can", "could", "may", "might", "should", "must")
            || !char.IsLower(tokens[q].Span(text)[0]))
            return false;
        if (i - 1 < first)
            return true;
        var before = tokens[i - 1].Span(text);
        // "some supporters admit is", "which aides insist has": a base form after a plural is its verb, a clause of saying with no "that".
        var form = tokens[i].Span(text);
        if (!form.EndsWith("s", StringComparison.OrdinalIgnoreCase) && tokens[i - 1].Kind == TokenKind.Word && PluralForm(before) && !before.EndsWith("ous", StringComparison.OrdinalIgnoreCase))
            return false;
        return !(tokens[i - 1].Kind == TokenKind.Word && (VerbWords.Contains(before) || owner[i - 1] >= 0 || char.IsUpper(before[0]) && i - 1 > first
            || IsAny(before, "what", "whatever", "which", "that", "whom", "whose", "you", "cannot") || before.EndsWith("n't", StringComparison.OrdinalIgnoreCase) || before.EndsWith("n’t", StringComparison.OrdinalIgnoreCase)));
    }

    /// <summary>Verbs whose object opened by "a" names an act done ("issued a rebuke", "put an end to"; event-act-noun-verbs.tsv).</summary>
    private static readonly Sitrep.Lexicons.Lexicon ActNounVerbs = Sitrep.Lexicons.Lexicon.Get("event-act-noun-verbs");

    /// <summary>Verb forms that make the act after a noun of ability happen ("took the opportunity to", "used its power to"; event-enacting-verbs.tsv).</summary>
    private static readonly Sitrep.Lexicons.Lexicon EnactingVerbs = Sitrep.Lexicons.Lexicon.Get("event-enacting-verbs");

    /// <summary>Nouns of ability, right and permission that take an infinitive (event-capacity-nouns.tsv).</summary>
    private static readonly Sitrep.Lexicons.Lexicon CapacityNouns = Sitrep.Lexicons.Lexicon.Get("event-capacity-nouns");

    /// <summary>
    /// The verb at <paramref name="cueFirst"/> is the infinitive of a noun of ability, right or permission
    /// ("the power to evacuate", "the right to protest", "a chance to meet"), over one adverb ("the power to
    /// forcibly evacuate"), or joined by "and" or "or" to one within eight words ("the power to evacuate
    /// people and take control"): a possibility, not an act told as done. Not when a verb before the noun
    /// makes the act happen ("took the opportunity to attack", "used its power to arrest", "exercised their right to protest").
    /// </summary>
    private bool CapacityInfinitive(string text, Token[] tokens, int first, int cueFirst)
    {
        int p = cueFirst - 1;
        if (p >= first && tokens[p].Kind == TokenKind.Word && tokens[p].Span(text).Length > 3 && tokens[p].Span(text).EndsWith("ly", StringComparison.OrdinalIgnoreCase))
            p--;
        if (p < first)
            return false;
        if (IsAny(tokens[p].Span(text), "and", "or"))
        {
            // Only an infinitive is joined to one: "to claim their rights and denounces" is a finite verb.
            if (!BaseForm(text, tokens, cueFirst))
                return false;
            int q = p - 1;
            for (; q >= Math.Max(first, p - 8); q--)
            {
                var span = tokens[q].Span(text);
                if (IsAny(span, "to"))
                    break;
                if ((tokens[q].Kind == TokenKind.Punctuation && span is not ",") || IsAny(span, "that", "which", "who", "but", "because", "when", "while", "after", "before"))
                    return false;
            }
            if (q < Math.Max(first, p - 8))
                return false;
            p = q;
        }
        if (!IsAny(tokens[p].Span(text), "to") || p - 1 < first || !CapacityNouns.Contains(tokens[p - 1].Span(text)))
            return false;
        // "the right to a decent life": "to" before an article or possessive is a preposition.
        if (p + 1 < cueFirst && NounWords.Contains(tokens[p + 1].Span(text)))
            return false;
        for (int q = p - 2; q >= Math.Max(first, p - 5); q--)
        {
            if (EnactingVerbs.Contains(tokens[q].Span(text)))
                return false;
        }
        return true;
    }

    /// <summary>Closed words that end a verb's object: prepositions, conjunctions, relatives and auxiliaries.</summary>
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> IdiomStops = new[]
    {
        "of", "in", "on", "at", "to", "for", "with", "by", "from", "into", "onto", "over", "under", "near", "between", "among", "amid", "across",
        "against", "after", "before", "during", "since", "until", "than", "despite", "and", "or", "but", "nor", "that", "which", "who", "whom",
        "where", "when", "while", "as", "because", "if", "is", "are", "was", "were", "has", "have", "had", "will", "would",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The word at <paramref name="q"/> closes its phrase: the sentence ends, or punctuation, a number, a time or a closed word follows (not a hyphen or apostrophe that joins it to the next word).</summary>
    private static bool IdiomEnds(string text, Token[] tokens, bool[] timed, int end, int q)
    {
        if (q + 1 >= end || timed[q + 1])
            return true;
        if (tokens[q + 1].Kind != TokenKind.Word)
            return !(tokens[q + 1].Kind == TokenKind.Dash && Joined(tokens, q + 1));
        return IdiomStops.Contains(tokens[q + 1].Span(text));
    }

    /// <summary>A hyphen between two words with no space ("all-time", "20-year"), or an apostrophe or quotation mark right after a word ("analysts' expectations").</summary>
    private static bool Joined(Token[] tokens, int q) =>
        tokens[q].Kind is TokenKind.Dash or TokenKind.Quote && q > 0 && tokens[q - 1].End == tokens[q].Start
        && (tokens[q].Kind == TokenKind.Quote || (q + 1 < tokens.Length && tokens[q + 1].Start == tokens[q].End));

    /// <summary>A form of the noun or verb "strike".</summary>
    private static bool IsStrike(ReadOnlySpan<char> span) =>
        span.Equals("strike", StringComparison.OrdinalIgnoreCase) || span.Equals("strikes", StringComparison.OrdinalIgnoreCase)
        || span.Equals("striking", StringComparison.OrdinalIgnoreCase) || span.Equals("struck", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The type and mode of a strike read as an attack: a work stoppage is PROTEST strike, a hunger strike
    /// PROTEST hunger (the PLOVER manual's modes; CAMEO 143 and 142); an armed one, or one with no context,
    /// stays as it was, save a bare noun in an unarmed sentence of a document whose strikes are all labour ones.
    /// </summary>
    private static (string? Type, string? Mode) StrikeType(string text, Token[] tokens, int[] owner, IReadOnlyList<Sentence> sentences, int first, int end, int i, bool noun, ref bool? labourDocument, string? type, string? mode)
    {
        var sense = LocalStrikeSense(text, tokens, owner, first, end, i, noun, out bool armed);
        // Only the noun itself ("the strike", "strikes"), not "striking" ("a striking resemblance") or "struck".
        // A form news mostly uses as a verb is a noun here unless a pronoun, auxiliary, modal or "to" stands before it ("an effective strike", "the biggest strike").
        bool nounLike = noun || (i > first && tokens[i - 1].Kind == TokenKind.Word && !VerbWords.Contains(tokens[i - 1].Span(text)) && !char.IsUpper(tokens[i - 1].Span(text)[0]));
        if (sense == StrikeSense.Unknown && nounLike && !armed && tokens[i].Span(text).StartsWith("strike", StringComparison.OrdinalIgnoreCase)
            && (labourDocument ??= LabourDocument(text, tokens, owner, sentences)))
            sense = StrikeSense.Labour;
        return sense switch
        {
            StrikeSense.Labour => ("PROTEST", "strike"),
            StrikeSense.Hunger => ("PROTEST", "hunger"),
            _ => (type, mode),
        };
    }

    /// <summary>
    /// The sense a strike's own sentence gives it: the word right before it ("general", "hunger", "air";
    /// "on strike"), right after it ("strike action"), "by" workers after a noun; else armed when the
    /// sentence names a weapon or armed people, labour when it names workers or a union near the strike.
    /// A verb in the passive ("was struck by") or with "by" after it is left alone.
    /// </summary>
    private static StrikeSense LocalStrikeSense(string text, Token[] tokens, int[] owner, int first, int end, int i, bool noun, out bool armed)
    {
        armed = false;
        var cue = tokens[i].Span(text);
        int b = i - 1;
        // "the teachers' strike": the apostrophe after a plural is a token of its own.
        if (b > first && tokens[b].Kind != TokenKind.Word && tokens[b].End == tokens[i].Start - 1 && IsAny(tokens[b].Span(text), "'", "’") && tokens[b - 1].End == tokens[b].Start)
            b--;
        bool next = i + 1 < end && tokens[i + 1].Kind == TokenKind.Word;
        // A verb with an object or particle after it hits something or is an idiom ("struck a deal", "struck a
        // note", "strike a balance", "struck out"), never a work stoppage; "struck by" is a hit.
        // (The word before decides first for the noun's forms: "a general strike that closed schools".)
        bool objectAfter = !noun && next && IsAny(tokens[i + 1].Span(text), "by", "a", "an", "the", "this", "its", "his", "her", "their", "our", "out", "down", "up", "back", "at");
        if (objectAfter && !cue.StartsWith("strike", StringComparison.OrdinalIgnoreCase))
            return StrikeSense.Unknown;
        if (b >= first && tokens[b].Kind == TokenKind.Word && owner[b] < 0)
        {
            var before = tokens[b].Span(text);
            if (before.EndsWith("'s", StringComparison.OrdinalIgnoreCase) || before.EndsWith("’s", StringComparison.OrdinalIgnoreCase))
                before = before[..^2];
            if (HungerBefore.Contains(before))
                return StrikeSense.Hunger;
            // Workers before a verb with an object are its subject ("the union strikes a deal").
            if (LabourBefore.Contains(before) && !(objectAfter && LabourActors.Contains(before)))
                return StrikeSense.Labour;
            if (ArmedBefore.Contains(before))
            {
                armed = true;
                return StrikeSense.Armed;
            }
            // "went on strike", "are out on strike": the bare singular after "on".
            if (b == i - 1 && before.Equals("on", StringComparison.OrdinalIgnoreCase) && cue.Equals("strike", StringComparison.OrdinalIgnoreCase))
                return StrikeSense.Labour;
            // "was struck" is a hit; "have been striking" is a strike.
            if (!noun && cue.Equals("struck", StringComparison.OrdinalIgnoreCase) && IsAny(before, "was", "were", "been", "being", "be", "is", "are", "got", "get", "gets"))
                return StrikeSense.Unknown;
        }
        if (next && noun && LabourAfter.Contains(tokens[i + 1].Span(text)))
            return StrikeSense.Labour;
        // "a strike by 5,000 teachers", "the biggest strike by labor".
        if (next && IsAny(tokens[i + 1].Span(text), "by"))
        {
            for (int p = i + 2; p < Math.Min(end, i + 2 + StrikeActorAfter); p++)
            {
                if (tokens[p].Kind == TokenKind.Word && owner[p] < 0 && LabourActors.Contains(tokens[p].Span(text)))
                    return StrikeSense.Labour;
            }
        }
        if (objectAfter)
            return StrikeSense.Unknown;
        for (int p = first; p < end; p++)
        {
            if (tokens[p].Kind == TokenKind.Word && (Weapons.Contains(tokens[p].Span(text)) || ArmedActors.Contains(tokens[p].Span(text))))
            {
                armed = true;
                return StrikeSense.Armed;
            }
        }
        for (int p = Math.Max(first, i - StrikeActorBefore); p < Math.Min(end, i + 1 + StrikeActorAfter); p++)
        {
            // A word inside a name is no worker ("the European Union", "the Joint Chiefs of Staff").
            if (p != i && tokens[p].Kind == TokenKind.Word && owner[p] < 0 && !char.IsUpper(tokens[p].Span(text)[0]) && LabourActors.Contains(tokens[p].Span(text)))
                return StrikeSense.Labour;
        }
        return StrikeSense.Unknown;
    }

    /// <summary>The document's strikes are labour ones: at least one is told so by its sentence and none is armed.</summary>
    private static bool LabourDocument(string text, Token[] tokens, int[] owner, IReadOnlyList<Sentence> sentences)
    {
        bool labour = false;
        foreach (var sentence in sentences)
        {
            int first = sentence.FirstToken, end = sentence.FirstToken + sentence.TokenCount;
            for (int i = first; i < end; i++)
            {
                if (tokens[i].Kind != TokenKind.Word || owner[i] >= 0 || !IsStrike(tokens[i].Span(text)))
                    continue;
                switch (LocalStrikeSense(text, tokens, owner, first, end, i, NounUse(text, tokens, first, i, nominal: false), out _))
                {
                    case StrikeSense.Armed:
                        return false;
                    case StrikeSense.Labour or StrikeSense.Hunger:
                        labour = true;
                        break;
                }
            }
        }
        return labour;
    }

    /// <summary>The sentence names a weapon or an attacker ("a bomb", "militants"): its explosions are attacks, not accidents.</summary>
    /// <summary>A weapon word other than a form of "attack" (itself one of the list's words) names a weapon in the sentence.</summary>
    private static bool NamesWeaponBesides(string text, Token[] tokens, int first, int end, int i)
    {
        for (int p = first; p < end; p++)
        {
            if (p != i && tokens[p].Kind == TokenKind.Word && WeaponAt(text, tokens, p, end) && !tokens[p].Span(text).StartsWith("attack", StringComparison.OrdinalIgnoreCase))
                return true;
        }
        return false;
    }

    private static bool NamesWeapon(string text, Token[] tokens, int first, int end)
    {
        for (int p = first; p < end; p++)
        {
            if (tokens[p].Kind == TokenKind.Word && WeaponAt(text, tokens, p, end))
                return true;
        }
        return false;
    }

    /// <summary>Words of event-weapons.tsv that are also adjectives of no weapon, and the heads of arms after them (event-weapon-adjectives.tsv).</summary>
    private static readonly Sitrep.Lexicons.Lexicon WeaponAdjectives = Sitrep.Lexicons.Lexicon.Get("event-weapon-adjectives");
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> AdjectiveWeapons = WeaponAdjectives.Tagged("adjective").GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> WeaponHeads = WeaponAdjectives.Tagged("head").GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>
    /// Token <paramref name="p"/> names a weapon (event-weapons.tsv); a word that is also an adjective ("explosive") only
    /// as a noun or before a head of arms ("an explosive vest"), not before another lower-case word ("an explosive decision").
    /// </summary>
    private static bool WeaponAt(string text, Token[] tokens, int p, int end)
    {
        if (!In(text, tokens, p, WordSet.Weapon))
            return false;
        if (!AdjectiveWeapons.Contains(tokens[p].Span(text)) || p + 1 >= end || tokens[p + 1].Kind != TokenKind.Word || !char.IsLower(text[tokens[p + 1].Start]))
            return true;
        return WeaponHeads.Contains(tokens[p + 1].Span(text)) || In(text, tokens, p + 1, WordSet.Weapon | WordSet.Preposition | WordSet.VerbContext);
    }

    /// <summary>
    /// A hazard word; a fire only on its own, after a word of size or caught ("a fire", "caught fire", not
    /// "rocket fire", "sniper fire"); an explosion only in a sentence that names no weapon (<paramref name="armed"/>).
    /// </summary>
    private bool IsHazard(string text, Token[] tokens, int first, int p, bool armed)
    {
        if (tokens[p].Kind != TokenKind.Word)
            return false;
        uint sets = Word(text, tokens, p).Sets;
        // A capital inside a sentence is a name ("Storm Corps", "Hurricane Electric").
        if ((sets & WordSet.Hazard) == 0 || (char.IsUpper(tokens[p].Span(text)[0]) && !OpensSentence(tokens, first, p)))
            return false;
        if (armed && (sets & WordSet.UnarmedHazard) != 0)
            return false;
        if ((sets & WordSet.SizedHazard) == 0)
            return true;
        return p == first || tokens[p - 1].Kind != TokenKind.Word || (Word(text, tokens, p - 1).Sets & (WordSet.NounContext | WordSet.HazardSize)) != 0 || Caught(text, tokens, p);
    }

    /// <summary>"caught fire", "catching fire": the word before is a form of "catch" (closed, kept here).</summary>
    private static bool Caught(string text, Token[] tokens, int p) =>
        p > 0 && tokens[p - 1].Kind == TokenKind.Word && IsAny(tokens[p - 1].Span(text), "catch", "catches", "caught", "catching");

    /// <summary>
    /// The word at <paramref name="i"/> opens a cue of status ("plans to", "expected to", "vowed to"): it
    /// says how the next event stands, it is no event of its own. Threats are: "threatened to strike" is a
    /// THREATEN event that was made, and a threatened strike.
    /// </summary>
    private bool Modality(string text, Token[] tokens, int i, int end, bool[] timed)
    {
        // A time may stand inside the cue, after its verb: "decided on Monday to inspect".
        int after = i + 1;
        while (after < end && timed[after])
            after++;
        if (after > i + 1 && after < end && Word(text, tokens, after).Status is { } gapped)
        {
            // A loop, not a lambda: its closure was allocated on every call.
            foreach (var c in gapped)
            {
                if (c.Status != EventStatus.Threatened && !c.Act && !c.Clause && !c.Content && c.Words.Length == 2 && tokens[i].Span(text).Equals(c.Words[0], StringComparison.OrdinalIgnoreCase))
                    return true;
            }
        }
        for (int last = i; last < Math.Min(end, i + 3); last++)
        {
            if (Word(text, tokens, last).Status is not { } cues)
                continue;
            foreach (var cue in cues)
            {
                if (cue.Status != EventStatus.Threatened && !cue.Act && !cue.Clause && !cue.Content && cue.Words.Length == last - i + 1 && cue.Words.Length > 1 && Follows(text, tokens, i, end, cue.Words)
                    && tokens[i].Span(text).Equals(cue.Words[0], StringComparison.OrdinalIgnoreCase))
                    return true;
            }
        }
        return false;
    }

    /// <summary>
    /// The word at <paramref name="i"/> is used as a noun or adjective: after an article, possessive,
    /// quantifier or preposition, a number, a possessive 's or a hyphen ("Iran-backed"); a participle that
    /// opens its sentence; or a form news mostly uses so with nothing before it (a pronoun, auxiliary,
    /// modal, "to") that makes it a verb.
    /// </summary>
    private static bool NounUse(string text, Token[] tokens, int first, int i, bool nominal)
    {
        // A finite verb needs its subject before it: a participle that opens a sentence qualifies the
        // noun after it ("Suspected militants attacked …", "Armed men stormed …").
        // "a wrench into moderates’ plans": a closing apostrophe is no opening quote.
        if (i - 1 > first && PluralForm(tokens[i].Span(text)) && PluralPossessive(text, tokens, first, i - 1))
            return true;
        if (OpensSentence(tokens, first, i))
            return nominal || tokens[i].Span(text).EndsWith("ed", StringComparison.OrdinalIgnoreCase);
        var before = tokens[i - 1];
        var span = before.Span(text);
        if (before.Kind == TokenKind.Number || (before.Kind == TokenKind.Dash && before.End == tokens[i].Start && span.Length == 1))
            return true;
        if (span.Equals("'s", StringComparison.OrdinalIgnoreCase) || span.Equals("’s", StringComparison.OrdinalIgnoreCase) || Possessive(before, span))
            return true;
        if (before.Kind == TokenKind.Word && In(text, tokens, i - 1, WordSet.NounContext))
            return true;
        // "erupted in cheers", "bursting into tears", "a wrench into moderates' plans": an -s form after a preposition
        // or a plural possessive is a plural noun; a finite verb never stands there (a gerund may: "by attacking").
        if (PluralForm(tokens[i].Span(text)) && before.Kind == TokenKind.Word && IsAny(span, "in", "into", "on", "onto", "at", "by", "from", "about", "under", "over", "between", "among", "without", "within", "through", "toward", "towards", "upon", "across", "like"))
            return true;
        if (before.Kind == TokenKind.Word && In(text, tokens, i - 1, WordSet.VerbContext))
            return false;
        // An adverb in a noun phrase makes the form an adjective: "the internationally recognized government", "its newly appointed envoy".
        if (before.Kind == TokenKind.Word && span.Length > 3 && span.EndsWith("ly", StringComparison.OrdinalIgnoreCase) && i - 2 >= first)
        {
            var article = tokens[i - 2].Span(text);
            if (In(text, tokens, i - 2, WordSet.NounContext) || article.Equals("'s", StringComparison.OrdinalIgnoreCase) || article.Equals("’s", StringComparison.OrdinalIgnoreCase) || Possessive(tokens[i - 2], article))
                return true;
        }
        return nominal;
    }

    /// <summary>An -s form that can be a plural noun ("cheers", "plans"; not "discuss", "focus").</summary>
    private static bool PluralForm(ReadOnlySpan<char> span) =>
        span.Length > 3 && (span[^1] is 's' or 'S') && !(span[^2] is 's' or 'S' or 'u' or 'U' or 'i' or 'I' or '\'' or '’');

    /// <summary>The token at <paramref name="p"/> ends a plural possessive ("moderates’", "parents'"): a word in -s with its apostrophe kept on, or an apostrophe right after one.</summary>
    private static bool PluralPossessive(string text, Token[] tokens, int first, int p)
    {
        var span = tokens[p].Span(text);
        if (tokens[p].Kind == TokenKind.Word && span.Length > 3 && (span[^1] is '\'' or '’') && (span[^2] is 's' or 'S'))
            return true;
        // The apostrophe may be no token of the sentence's own: read it from the text right after the word.
        if (tokens[p].Kind == TokenKind.Word && span.Length > 2 && (span[^1] is 's' or 'S') && tokens[p].End < text.Length && text[tokens[p].End] is '\'' or '’'
            && tokens[p].End + 1 < text.Length && text[tokens[p].End + 1] == ' ')
            return true;
        return span is "'" or "’" && p - 1 >= first && tokens[p - 1].Kind == TokenKind.Word && tokens[p - 1].End == tokens[p].Start
            && tokens[p - 1].Span(text) is { Length: > 2 } w && (w[^1] is 's' or 'S');
    }

    /// <summary>A word with its possessive ending kept on ("country's", "group’s"): the tokenizer keeps inner apostrophes.</summary>
    private static bool Possessive(Token token, ReadOnlySpan<char> span) =>
        token.Kind == TokenKind.Word && span.Length > 2 && (span.EndsWith("'s", StringComparison.OrdinalIgnoreCase) || span.EndsWith("’s", StringComparison.OrdinalIgnoreCase));

    /// <summary>Verbs of asking, urging, pressing and ordering that do not imply the asked act was done (event-appeal-verbs.tsv).</summary>
    private static readonly Sitrep.Lexicons.Lexicon AppealVerbs = Sitrep.Lexicons.Lexicon.Get("event-appeal-verbs");

    /// <summary>How many words may stand between an appeal verb and the "to" of what it asks ("called on the security forces of the country to").</summary>
    private const int AppealWindow = 8;

    /// <summary>How far back the infinitive whose phrase holds another is looked for ("urges the authorities to condemn these acts and to revoke").</summary>
    private const int ChainWindow = 10;

    /// <summary>Nouns of persons and groups (event-agent-nouns.tsv, from WordNet): an appeal verb's object that can be asked to act.</summary>
    private static readonly Sitrep.Lexicons.Lexicon AgentNouns = Sitrep.Lexicons.Lexicon.Get("event-agent-nouns");

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> SendForms =
        new[] { "send", "sends", "sent", "sending" }.ToFrozenSet(StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>
    /// The send at <paramref name="i"/> has a thing for its subject and a message or signal for its object: the word
    /// right before it is a lower-case noun that names no person or body of people (event-agent-nouns.tsv), no name
    /// and no pronoun ("the ruling sends a message", "this vote sent a strong signal"), and "message" or "signal"
    /// follows within four words.
    /// </summary>
    private static bool SentBySomething(string text, Token[] tokens, int[] owner, int first, int end, int i)
    {
        if (i - 1 < first || owner[i - 1] >= 0 || tokens[i - 1].Kind != TokenKind.Word)
            return false;
        var subject = tokens[i - 1].Span(text);
        if (!char.IsLower(subject[0]) || subject.EndsWith("ly", StringComparison.Ordinal) || AgentNouns.Contains(subject) || AgentPronouns.Contains(subject)
            || IsAny(subject, "he", "she", "it", "they", "we", "i", "who", "which", "that", "also", "not", "to", "and", "or", "will", "would", "could", "should", "can", "may", "might", "must", "has", "have", "had", "was", "were", "is", "are", "be", "been", "did", "does", "do", "then", "later", "reportedly", "allegedly", "just", "never", "once", "recently", "previously", "already"))
            return false;
        for (int k = i + 1; k < Math.Min(end, i + 5); k++)
        {
            if (IsAny(tokens[k].Span(text), "message", "messages", "signal", "signals"))
                return true;
        }
        return false;
    }

    /// <summary>Object pronouns of persons, a closed class: "told him to come home", "asked them to reconsider".</summary>
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> AgentPronouns = new[]
    {
        "him", "her", "them", "us", "me", "you", "everyone", "everybody", "anyone", "anybody", "someone", "somebody", "others", "themselves", "himself", "herself",
        "some", "many", "all", "both", "few", "several", "most",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>
    /// The verb at <paramref name="cueFirst"/> is the infinitive of what someone is asked, urged, pressed
    /// or ordered to do: "to" right before it and an appeal verb before that, in the same clause ("urged
    /// Iran to release", "were ordered to withdraw", "pressuring the US forces to pull out"). Between the
    /// verb and "to" stands nothing or the one asked: a person or group (a name, a pronoun, a noun of
    /// event-agent-nouns.tsv). Any other object makes the infinitive the purpose of the verb's own act
    /// ("requested anonymity to discuss", "pushing falsehoods to mock", "called for his impeachment to
    /// protest"). "Call" without "on", "upon" or "for" ("called on Iran to", "called for the president
    /// to"), in the active, is a telephone call when the infinitive is talks or words of support
    /// (<paramref name="spoken"/>: "called Haley to apologize", "a call to discuss"), the caller's own act;
    /// else it summons ("calling its troops to prepare for operations"). The
    /// passive's "by" names the asker ("invited by the embassy to greet him"); an infinitive within an
    /// asked one's phrase is asked too.
    /// </summary>
    private static bool AskedTo(string text, Token[] tokens, int first, int cueFirst, int[] owner, IReadOnlyList<Mention> mentions, bool spoken, int depth = 0)
    {
        int to = cueFirst - 1;
        if (to <= first || !tokens[to].Span(text).Equals("to", StringComparison.OrdinalIgnoreCase))
            return false;
        if (AskedDirectly(text, tokens, first, to, owner, mentions, spoken))
            return true;
        // An infinitive inside the phrase of an asked one is not done either: joined to it ("urges the
        // authorities to condemn these acts and to revoke"), or its purpose ("urged women to use their
        // voting power to help", "called on Republicans to stop trying to undermine").
        if (depth >= 2)
            return false;
        for (int q = to - 1; q > first && q >= to - ChainWindow; q--)
        {
            var span = tokens[q].Span(text);
            if ((tokens[q].Kind == TokenKind.Punctuation && span is not ",") || IsAny(span, "that", "which", "who", "whom", "because", "but", "if", "while", "when", "after", "before"))
                return false;
            if (span.Equals("to", StringComparison.OrdinalIgnoreCase))
                return tokens[q + 1].Kind == TokenKind.Word && AskedTo(text, tokens, first, q + 1, owner, mentions, spoken: false, depth + 1);
        }
        return false;
    }

    /// <summary>The "to" at <paramref name="to"/> opens what an appeal verb's object is asked to do (see <see cref="AskedTo"/>).</summary>
    private static bool AskedDirectly(string text, Token[] tokens, int first, int to, int[] owner, IReadOnlyList<Mention> mentions, bool spoken)
    {
        int h = to - 1;
        // Adverbs and "not", "how" may stand between the one asked and "to" ("pushing them fiercely to", "telling her not to", "telling the government how to").
        while (h > first && tokens[h].Kind == TokenKind.Word && (tokens[h].Span(text).EndsWith("ly", StringComparison.OrdinalIgnoreCase) || IsAny(tokens[h].Span(text), "not", "never", "how")))
            h--;
        // A word or a dotted abbreviation ("urges the U.S. to remove").
        if (tokens[h].Kind is not (TokenKind.Word or TokenKind.Abbreviation))
            return false;
        // "We are called upon to help", "was called on to resign".
        if (h > first && IsAny(tokens[h].Span(text), "on", "upon") && IsCall(tokens[h - 1].Span(text)))
            return true;
        if (IsAppeal(text, tokens, first, h))
        {
            // Nothing between: "were ordered to withdraw", "asked to attend", "the push to repeal"; "called to congratulate" is a telephone call.
            return !IsCall(tokens[h].Span(text)) || !spoken || (h > first && IsAny(tokens[h - 1].Span(text), "was", "were", "been", "being", "is", "are", "be"));
        }
        bool preposition = false;
        for (int p = h - 1; p >= Math.Max(first, to - 1 - AppealWindow); p--)
        {
            var span = tokens[p].Span(text);
            if (tokens[p].Kind == TokenKind.Punctuation || VerbWords.Contains(span) || IsAny(span, "that", "which", "whom", "because", "but", "if", "while", "when", "after", "before"))
                return false;
            if (IsAny(span, "on", "upon", "for"))
                preposition = true;
            if (!IsAppeal(text, tokens, first, p))
                continue;
            // The passive's agent is the one who asks ("invited by the Nunciature to greet him"): the subject is asked.
            if (tokens[p + 1].Span(text).Equals("by", StringComparison.OrdinalIgnoreCase))
                return true;
            return Agent(text, tokens, h, owner, mentions) && (preposition || !spoken || !IsCall(span));
        }
        return false;
    }

    /// <summary>A form of an appeal verb (event-appeal-verbs.tsv); "in order to" is a purpose, no order.</summary>
    private static bool IsAppeal(string text, Token[] tokens, int first, int p)
    {
        var span = tokens[p].Span(text);
        return tokens[p].Kind == TokenKind.Word && AppealVerbs.Contains(span)
            && !(p > first && span.Equals("order", StringComparison.OrdinalIgnoreCase) && IsAny(tokens[p - 1].Span(text), "in"));
    }

    private static bool IsCall(ReadOnlySpan<char> span) => IsAny(span, "call", "calls", "called", "calling");

    /// <summary>
    /// The word at <paramref name="h"/> ends a phrase naming who can act: a name of a person, organisation,
    /// country or outlet, an object pronoun, or a noun of persons or groups ("his staff", "Polish authorities").
    /// </summary>
    private static bool Agent(string text, Token[] tokens, int h, int[] owner, IReadOnlyList<Mention> mentions)
    {
        var span = tokens[h].Span(text);
        int m = owner[h];
        if (m >= 0 && mentions[m].Type is not ("MISC" or "LOC"))
            return true;
        return AgentPronouns.Contains(span) || AgentNouns.Contains(span);
    }

    /// <summary>Irregular verbs whose past participle is their base form ("have hit", "has cut", "have come"): a closed class of English.</summary>
    private static readonly FrozenSet<string> SameParticiple = new[]
    {
        "beat", "bet", "bid", "broadcast", "burst", "cast", "come", "become", "overcome", "cost", "cut", "fit", "forecast", "hit", "hurt", "let",
        "put", "quit", "read", "rid", "run", "overrun", "set", "shed", "shut", "slit", "split", "spread", "thrust", "upset", "undercut", "wed", "wet",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// The verb form at <paramref name="i"/> follows a form of "have" and is the verb's base or -s form,
    /// which cannot be the participle a perfect needs ("have hope", "has plans", "have support"): a noun.
    /// </summary>
    private static bool AfterHave(string text, Token[] tokens, int first, int i, VerbSense[] senses)
    {
        if (i <= first || !IsAny(tokens[i - 1].Span(text), "have", "has", "had", "having"))
            return false;
        var span = tokens[i].Span(text);
        foreach (var sense in senses)
        {
            if (SameParticiple.Contains(sense.Lemma))
                return false;
        }
        // Every verb the form may be of must read it as base or -s form: "found" is also the participle of "find" ("has found a cache").
        foreach (var sense in senses)
        {
            if (!span.Equals(sense.Lemma, StringComparison.OrdinalIgnoreCase)
                && !(span.Length == sense.Lemma.Length + 1 && span.StartsWith(sense.Lemma, StringComparison.OrdinalIgnoreCase) && span[^1] is 's' or 'S'))
                return false;
        }
        return senses.Length > 0;
    }

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> NounPrepositions = EventGrammar.NounPrepositions.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>
    /// The verb form at <paramref name="i"/> is the base form of every verb it may be of (not also a past form:
    /// "cut", "hit") and follows a preposition that takes a noun phrase ("in charge", "by contrast", "under
    /// pressure", "into force", "on demand"): a bare verb never stands there (the infinitive's "to" is no such
    /// preposition), so it is a noun.
    /// </summary>
    private static bool BaseAfterPreposition(string text, Token[] tokens, int first, int i, VerbSense[] senses)
    {
        if (i <= first || tokens[i - 1].Kind != TokenKind.Word || !NounPrepositions.Contains(tokens[i - 1].Span(text)))
            return false;
        // (A phrasal sense is not the one read, the cue being one word: "search for" does not make "in search" a past form.)
        return BareFormOfEverySense(tokens[i].Span(text), senses) && !PlacedInCustody(text, tokens, first, i, senses);
    }

    /// <summary>Verbs of putting (event-placing-verbs.tsv): "put him in jail", "placed her under arrest".</summary>
    private static readonly Sitrep.Lexicons.Lexicon PlacingVerbs = Sitrep.Lexicons.Lexicon.Get("event-placing-verbs");

    /// <summary>How many words before the preposition a verb of putting may stand ("put the former mayor in jail").</summary>
    private const int PlacingWindow = 5;

    /// <summary>
    /// The arrest noun at <paramref name="i"/> ("jail", "arrest") follows "in", "into", "behind" or "under" and a verb of
    /// putting stands before that preposition in its clause ("put him in jail", "placed her under arrest", "threw them back in
    /// jail"): the phrase names the act of jailing or arresting (CAMEO 173), not the state ("spent three nights in jail").
    /// </summary>
    private static bool PlacedInCustody(string text, Token[] tokens, int first, int i, VerbSense[] senses)
    {
        if (!IsAny(tokens[i - 1].Span(text), "in", "into", "behind", "under") || !senses.Any(s => s.Type == "COERCE" && s.Mode == "arrest"))
            return false;
        for (int q = i - 2; q >= first && q >= i - 1 - PlacingWindow; q--)
        {
            if (tokens[q].Kind != TokenKind.Word)
                return false;
            if (PlacingVerbs.Contains(tokens[q].Span(text)))
                return true;
        }
        return false;
    }

    /// <summary>Verbs of answering force with force (event-retaliation-verbs.tsv): said of oneself in the future, a threat.</summary>
    private static readonly Sitrep.Lexicons.Lexicon RetaliationVerbs = Sitrep.Lexicons.Lexicon.Get("event-retaliation-verbs");

    /// <summary>
    /// A speaker's own threat of retaliation inside the quote of his words: "we" or "I", a future modal
    /// ("will", "'ll", "shall", over an adverb: "We will always respond"), and a verb of answering force
    /// (<see cref="RetaliationVerbs"/>). The threat is made when said (asserted), its actor the quote's
    /// speaker (the outlet names who "we" is), its target the first name after it. "respond" and "react"
    /// to a thing named after "to" answer it ("we will respond to the letter"), unless a verb follows ("respond to protect").
    /// </summary>
    private Event? RetaliationThreat(EventInput input, int[] owner, Sentence sentence, int first, int end, int i)
    {
        var text = input.Text;
        var tokens = input.Tokens;
        if (!In(text, tokens, i, WordSet.Retaliation))
            return null;
        var span = tokens[i].Span(text);
        // The modal, over up to two adverbs ("will always", "will certainly"), and the first person before it.
        int p = i - 1;
        while (p > first && p >= i - 2 && tokens[p].Kind == TokenKind.Word && (IsAny(tokens[p].Span(text), "always", "also", "then", "surely")
            || tokens[p].Span(text).EndsWith("ly", StringComparison.OrdinalIgnoreCase)))
            p--;
        if (p < first || IsAny(tokens[p].Span(text), "not", "never", "n't", "n’t"))
            return null;
        var modal = tokens[p].Span(text);
        bool contracted = modal.Equals("we'll", StringComparison.OrdinalIgnoreCase) || modal.Equals("we’ll", StringComparison.OrdinalIgnoreCase)
            || modal.Equals("i'll", StringComparison.OrdinalIgnoreCase) || modal.Equals("i’ll", StringComparison.OrdinalIgnoreCase);
        if (!contracted)
        {
            if (!IsAny(modal, "will", "shall", "'ll", "’ll") || p - 1 < first)
                return null;
            var subject = tokens[p - 1].Span(text);
            if (!IsAny(subject, "we", "i") && !(IsAny(modal, "'ll", "’ll") && p - 2 >= first && IsAny(tokens[p - 2].Span(text), "we", "i")))
                return null;
        }
        // Loops, not lambdas: a closure over this method's locals was allocated on every call, for every token.
        if (i + 1 < end && IsAny(span, "respond", "react") && tokens[i + 1].Span(text).Equals("to", StringComparison.OrdinalIgnoreCase)
            && !(i + 2 < end && Word(text, tokens, i + 2).Senses is { } next && AnyLemma(next, tokens[i + 2].Span(text))))
            return null;
        int q = QuoteOf(input.Quotes, tokens[i].Start);
        if (q < 0 || input.Quotes.Quotes[q].Speaker is not { Entity: >= 0 } speaker || !MentionsEntity(input.Mentions, speaker.Entity))
            return null;
        var e = Build(input, owner, sentence, first, end, i, i, "THREATEN", null, noun: false);
        return e with { Status = EventStatus.Asserted, Actor = speaker.Entity, Target = e.Target == speaker.Entity ? -1 : e.Target };
    }

    /// <summary>How many words may stand between "otherwise" and the verb of force ("otherwise our army will attack").</summary>
    private const int UltimatumWords = 6;

    /// <summary>
    /// An ultimatum in a speaker's quoted words: a demand ("should", "must", "have to", "need to"), then
    /// "otherwise" or "or else" opening a clause whose future ("will", "'ll", "shall", not negated) is the
    /// verb of force at <paramref name="i"/>: "Chile must leave the island; otherwise our army will attack
    /// its ships". PLOVER and CAMEO code it a threat (CAMEO 139, give ultimatum) made when said: its actor the
    /// quote's speaker, its target the first other name of the demand (-1 when none). Null when the words are no ultimatum
    /// ("the filibuster must stay, otherwise it will be gone": no verb of force).
    /// </summary>
    private (int Speaker, int Demanded)? Ultimatum(EventInput input, int[] owner, int first, int i)
    {
        var text = input.Text;
        var tokens = input.Tokens;
        int q = QuoteOf(input.Quotes, tokens[i].Start);
        if (q < 0 || input.Quotes.Quotes[q].Speaker is not { Entity: >= 0 } speaker || !MentionsEntity(input.Mentions, speaker.Entity))
            return null;
        int modal = -1, otherwise = -1;
        for (int p = i - 1; p >= first && i - p <= UltimatumWords; p--)
        {
            var span = tokens[p].Span(text);
            if (IsAny(span, "not", "never", "n't", "n\u2019t", "won't", "won\u2019t"))
                return null;
            if (modal < 0 && (IsAny(span, "will", "shall", "'ll", "\u2019ll") || span.EndsWith("'ll", StringComparison.OrdinalIgnoreCase) || span.EndsWith("\u2019ll", StringComparison.OrdinalIgnoreCase)))
                modal = p;
            else if (IsAny(span, "otherwise") || (IsAny(span, "else") && p > first && IsAny(tokens[p - 1].Span(text), "or")))
            {
                otherwise = IsAny(span, "else") ? p - 1 : p;
                break;
            }
            else if (tokens[p].Kind == TokenKind.Punctuation && span is "." or ";" or ":" or "," or "?" or "!")
            {
                return null;
            }
        }
        if (modal < 0 || otherwise <= first)
            return null;
        // "otherwise" opens a clause of its own: after a comma, semicolon or dash.
        var opening = tokens[otherwise - 1];
        if (opening.Kind != TokenKind.Punctuation || !(opening.Span(text) is ";" or "," or "\u2014" or "\u2013" or "-"))
            return null;
        // The demand: its words inside the quote, before "otherwise".
        int from = first;
        while (from < otherwise && tokens[from].Start < input.Quotes.Quotes[q].Start)
            from++;
        bool demand = false;
        int demanded = -1;
        for (int p = from; p < otherwise; p++)
        {
            var span = tokens[p].Span(text);
            if (IsAny(span, "should", "must", "ought") || (IsAny(span, "have", "has", "need", "needs") && p + 1 < otherwise && IsAny(tokens[p + 1].Span(text), "to")))
                demand = true;
            int m = owner[p];
            if (demanded < 0 && m >= 0 && input.Mentions[m].Entity >= 0 && input.Mentions[m].Entity != speaker.Entity)
                demanded = input.Mentions[m].Entity;
        }
        return demand ? (speaker.Entity, demanded) : null;
    }

    /// <summary>One of the senses has the word as its lemma (any case).</summary>
    private static bool AnyLemma(VerbSense[] senses, ReadOnlySpan<char> word)
    {
        foreach (var n in senses)
        {
            if (word.Equals(n.Lemma, StringComparison.OrdinalIgnoreCase))
                return true;
        }
        return false;
    }

    /// <summary>A mention of the entity is among the mentions.</summary>
    private static bool MentionsEntity(IReadOnlyList<Mention> mentions, int entity)
    {
        for (int k = 0; k < mentions.Count; k++)
        {
            if (mentions[k].Entity == entity)
                return true;
        }
        return false;
    }

    /// <summary>Verbs of promising (event-promise-verbs.tsv): the promise is an event, and the status of what it promises.</summary>
    private static readonly Sitrep.Lexicons.Lexicon PromiseVerbs = Sitrep.Lexicons.Lexicon.Get("event-promise-verbs");

    /// <summary>Participles of finding or making safe a weapon (event-discovery-participles.tsv): "found", "defused".</summary>
    private static readonly Sitrep.Lexicons.Lexicon DiscoveryParticiples = Sitrep.Lexicons.Lexicon.Get("event-discovery-participles");

    /// <summary>Types of force and punishment: promising one is a threat.</summary>
    private static bool IsHarm(string? type) => type is "ASSAULT" or "COERCE" or "SANCTION" or "THREATEN";

    /// <summary>The promise at <paramref name="last"/> is of harm: "to" and the verb after it (over one adverb) code force or punishment ("vowed to crush", "pledged to punish").</summary>
    private bool PromisesHarm(string text, Token[] tokens, int[] owner, IReadOnlyList<Mention> mentions, bool[] timed, int last, int first, int end)
    {
        int p = last + 1;
        if (p + 1 >= end || !IsAny(tokens[p].Span(text), "to"))
            return false;
        p++;
        if (tokens[p].Span(text).EndsWith("ly", StringComparison.OrdinalIgnoreCase) && p + 1 < end)
            p++;
        if (Word(text, tokens, p).Senses is not { } senses)
            return false;
        return IsHarm(Code(text, tokens, owner, mentions, timed, senses, p, first, end, noun: false).Type);
    }

    /// <summary>
    /// The weapon noun ending at <paramref name="last"/> is the subject of a discovery participle, over up to
    /// three auxiliaries or a relative pronoun ("has been found", "that were defused", "discovered on Monday").
    /// </summary>
    private static bool WeaponFound(string text, Token[] tokens, int last, int end)
    {
        for (int p = last + 1; p < Math.Min(end, last + 5); p++)
        {
            var span = tokens[p].Span(text);
            if (tokens[p].Kind != TokenKind.Word)
                return false;
            if (DiscoveryParticiples.Contains(span))
                return true;
            if (!IsAny(span, "has", "have", "had", "been", "was", "were", "is", "are", "being", "that", "which", "later", "also", "reportedly"))
                return false;
        }
        return false;
    }

    /// <summary>Irregular past participles of what is done to someone, after "could be" in a warning (event-threat-participles.tsv): "would be met", "could be hit".</summary>
    private static readonly Sitrep.Lexicons.Lexicon ThreatParticiples = Sitrep.Lexicons.Lexicon.Get("event-threat-participles");

    /// <summary>Relief verbs (event-relief-verbs.tsv): rescuing, evacuating, airlifting, sheltering people.</summary>
    private static readonly Sitrep.Lexicons.Lexicon ReliefVerbs = Sitrep.Lexicons.Lexicon.Get("event-relief-verbs");

    /// <summary>Verbs that take "back" as a particle or adverb ("scale back", "came back", "fight back"): event-back-particle-verbs.tsv.</summary>
    private static readonly Sitrep.Lexicons.Lexicon BackParticleVerbs = Sitrep.Lexicons.Lexicon.Get("event-back-particle-verbs");

    /// <summary>Forms of "be" and of becoming: "back" after them is an adverb ("is back in effect", "will be back").</summary>
    private static bool Copula(ReadOnlySpan<char> word) =>
        IsAny(word, "is", "are", "was", "were", "be", "been", "being", "am", "'s", "’s", "'re", "’re", "'m", "’m", "become", "becomes", "became", "remain", "remains", "remained", "stay", "stays", "stayed", "staying");

    /// <summary>
    /// Prepositions and adverbs of place and time after "back" that the verb of backing never takes
    /// (it takes its object, "by" or a particle of its own: "back the plan", "backed by", "back down"):
    /// "back to normal", "back online", "back in 2019", "back then", "back home".
    /// </summary>
    private static bool AdverbialAfterBack(ReadOnlySpan<char> word) =>
        IsAny(word, "to", "into", "onto", "in", "inside", "from", "on", "online", "offline", "at", "home", "then", "now", "again", "together", "here", "there",
            "toward", "towards", "across", "through", "around", "over", "after", "before", "when", "where", "as", "within", "behind", "upstairs", "downstairs",
            "abroad", "later", "soon", "yet", "forth", "ashore", "aboard", "underway", "indoors", "outside", "onstage", "inland", "north", "south", "east", "west",
            "above", "below", "during", "like", "for", "and");

    /// <summary>
    /// Words before "back" that make it a verb: "to", modals, "do" and negation, subject pronouns ("refused to
    /// back", "will not back", "who to back in 2016", "they back"). "it" is left out: it is mostly an object
    /// there ("dial it back").
    /// </summary>
    private static bool VerbBeforeBack(ReadOnlySpan<char> word) =>
        IsAny(word, "to", "will", "would", "could", "can", "may", "might", "should", "must", "shall", "not", "did", "does", "do", "n't", "’t", "'t", "won't", "won’t", "don't", "don’t", "didn't", "didn’t", "cannot",
            "they", "we", "i", "you", "who");

    /// <summary>
    /// "back" here is a particle or an adverb, not the verb of backing (SUPPORT): after a form of "be" ("are
    /// back online", "is now back"); after a verb that takes it, a past or -ing form or a verb of the lexicon
    /// ("pushed back", "scale back the plan", "bouncing back"); after an object pronoun ("bring it back",
    /// "handed them back the majority"); or, unless a "to", modal, negation or subject pronoun right before it
    /// makes it a verb ("who to back in 2016", "the bill they refused to back."), before a preposition or adverb
    /// of place or time that the verb never takes ("send migrants back to", "back in 2019", "back then") or
    /// before punctuation or the sentence's end ("pull its troops back.", "a step back,").
    /// </summary>
    private bool Particle(string text, Token[] tokens, int first, int end, int i)
    {
        if (!tokens[i].Span(text).Equals("back", StringComparison.OrdinalIgnoreCase))
            return false;
        if (i > first && tokens[i - 1].Kind == TokenKind.Word)
        {
            var before = tokens[i - 1].Span(text);
            if (Copula(before))
                return true;
            // "are now back", "is finally back", "was almost back": one adverb between.
            if (i - 1 > first && tokens[i - 2].Kind == TokenKind.Word && Copula(tokens[i - 2].Span(text))
                && (IsAny(before, "now", "still", "already", "finally", "soon", "nearly", "almost", "all", "right", "well", "way", "not", "never", "also") || (before.Length > 3 && before.EndsWith("ly", StringComparison.OrdinalIgnoreCase))))
                return true;
            if (IsAny(before, "it", "him", "them", "us", "me"))
                return true;
            if (VerbBeforeBack(before))
                return false;
            if (!VerbWords.Contains(before) && !NounWords.Contains(before)
                && (before.EndsWith("ed", StringComparison.OrdinalIgnoreCase) || (before.Length > 4 && before.EndsWith("ing", StringComparison.OrdinalIgnoreCase)) || Word(text, tokens, i - 1).Senses is not null || BackParticleVerbs.Contains(before)))
                return true;
        }
        // Punctuation or the end after it; "back-to-back", "back-and-forth" are one token.
        if (i + 1 >= end || tokens[i + 1].Kind != TokenKind.Word)
            return true;
        return AdverbialAfterBack(tokens[i + 1].Span(text));
    }

    /// <summary>Verbs of admission and disclosure that report a statement when a clause follows them: event-clause-verbs.tsv.</summary>
    private static readonly Sitrep.Lexicons.Lexicon ClauseVerbs = Sitrep.Lexicons.Lexicon.Get("event-clause-verbs");

    private static bool ClauseVerb(VerbSense[] senses)
    {
        foreach (var sense in senses)
        {
            if (ClauseVerbs.Contains(sense.Lemma))
                return true;
        }
        return false;
    }

    /// <summary>
    /// A clause follows the verb: "that", a subject pronoun ("admitted he lied"), a bare noun before an
    /// auxiliary or a past form ("admitted pathologists harvested"), or an article and noun before an
    /// auxiliary ("revealed the minister had lied"; not "recognised the government elected in May").
    /// </summary>
    private static bool ClauseFollows(string text, Token[] tokens, int last, int end)
    {
        int p = last + 1;
        if (p + 1 >= end || tokens[p].Kind != TokenKind.Word)
            return false;
        var w1 = tokens[p].Span(text);
        if (IsAny(w1, "that", "he", "she", "it", "they", "we", "i", "there"))
            return true;
        static bool Auxiliary(ReadOnlySpan<char> w) => IsAny(w, "was", "were", "is", "are", "has", "have", "had", "would", "could", "will", "did", "should", "might");
        var w2 = tokens[p + 1].Span(text);
        if (tokens[p + 1].Kind != TokenKind.Word)
            return false;
        static bool Past(ReadOnlySpan<char> w) => w.Length > 4 && w.EndsWith("ed", StringComparison.OrdinalIgnoreCase);
        // A subject of two words before its verb: "claims unknown men abducted", "claims its rebel combatants killed".
        bool third = p + 2 < end && tokens[p + 2].Kind == TokenKind.Word && !VerbWords.Contains(w2) && (Auxiliary(tokens[p + 2].Span(text)) || Past(tokens[p + 2].Span(text)));
        if (!NounWords.Contains(w1) && !PrepositionWords.Contains(w1))
            return Auxiliary(w2) || Past(w2) || (third && !Past(w1));
        if (!IsAny(w1, "the", "a", "an", "his", "her", "its", "their"))
            return false;
        return (p + 2 < end && tokens[p + 2].Kind == TokenKind.Word && Auxiliary(tokens[p + 2].Span(text)))
            || (p + 3 < end && tokens[p + 3].Kind == TokenKind.Word && !Past(w2) && !Past(tokens[p + 2].Span(text)) && (Auxiliary(tokens[p + 3].Span(text)) || Past(tokens[p + 3].Span(text))));
    }

    /// <summary>Nouns of legal action that an event noun before them qualifies ("murder charges"): event-charge-nouns.tsv.</summary>
    private static readonly Sitrep.Lexicons.Lexicon ChargeNouns = Sitrep.Lexicons.Lexicon.Get("event-charge-nouns");

    /// <summary>
    /// The word after the cue is a noun of legal action ("murder charges", "a terrorism trial", "the bombing
    /// suspects"): the cue names the offence charged, which the sentence does not report as having happened.
    /// </summary>
    private static bool NamesCharge(string text, Token[] tokens, int last, int end) =>
        last + 1 < end && tokens[last + 1].Kind == TokenKind.Word && ChargeNouns.Contains(tokens[last + 1].Span(text));

    /// <summary>Names of armed or official bodies ending in a verb form ("air force", "border guards"): event-unit-nouns.tsv.</summary>
    private static readonly Sitrep.Lexicons.Lexicon UnitNouns = Sitrep.Lexicons.Lexicon.Get("event-unit-nouns");

    /// <summary>The word ends the name of a body ("the air force dropped", "killing nine border guards"): a noun, no event.</summary>
    private static bool UnitNoun(string text, Token[] tokens, int first, int i)
    {
        // The word opens such a name: "riot police", "task force".
        // The phrases are written on the stack and looked up as spans: strings of them were made for most words.
        if (i + 1 < tokens.Length && tokens[i + 1].Kind == TokenKind.Word && tokens[i + 1].Start == tokens[i].End + 1
            && UnitNounsJoined(text, tokens[i], tokens[i + 1], null))
            return true;
        if (i <= first || tokens[i - 1].Kind != TokenKind.Word)
            return false;
        if (UnitNounsJoined(text, tokens[i - 1], tokens[i], null))
            return true;
        return i - 2 >= first && tokens[i - 2].Kind == TokenKind.Word && UnitNounsJoined(text, tokens[i - 2], tokens[i - 1], tokens[i]);
    }

    /// <summary>Whether the words, joined by single spaces, are a unit noun phrase (event-unit-nouns.tsv).</summary>
    private static bool UnitNounsJoined(string text, Token a, Token b, Token? c)
    {
        int length = a.Length + 1 + b.Length + (c is { } t ? 1 + t.Length : 0);
        if (length > 256)
        {
            var joined = c is { } l ? string.Concat(a.Span(text), " ", b.Span(text)) + " " + l.Text(text) : string.Concat(a.Span(text), " ", b.Span(text));
            return UnitNouns.Contains(joined);
        }
        Span<char> buffer = stackalloc char[256];
        int n = 0;
        a.Span(text).CopyTo(buffer);
        n += a.Length;
        buffer[n++] = ' ';
        b.Span(text).CopyTo(buffer[n..]);
        n += b.Length;
        if (c is { } last)
        {
            buffer[n++] = ' ';
            last.Span(text).CopyTo(buffer[n..]);
            n += last.Length;
        }
        return UnitNouns.Contains(buffer[..n]);
    }

    /// <summary>
    /// A warning whose content is a prediction about a state ("warned that such a campaign could be bloody",
    /// "warned that the plan would be a mistake") is an alert, not a threat: a modal and "be" with no
    /// participle after it, in the clause after the cue. A threat names what will be done ("warned that any
    /// attack would be met with a crushing response": a passive participle follows "be").
    /// </summary>
    private static bool WarnsOfRisk(string text, Token[] tokens, int end, int last)
    {
        int p = last + 1;
        if (p >= end || !IsAny(tokens[p].Span(text), "that"))
            return false;
        for (int q = p + 1; q + 2 < end && q <= p + 8; q++)
        {
            if (tokens[q].Kind == TokenKind.Punctuation)
                return false;
            if (!IsAny(tokens[q].Span(text), "could", "might", "may", "would") || !IsAny(tokens[q + 1].Span(text), "be"))
                continue;
            var next = tokens[q + 2].Span(text);
            return tokens[q + 2].Kind == TokenKind.Word && !next.EndsWith("ed", StringComparison.OrdinalIgnoreCase) && !next.EndsWith("en", StringComparison.OrdinalIgnoreCase)
                && !ThreatParticiples.Contains(next);
        }
        return false;
    }

    /// <summary>Which tokens lie inside a time expression ("on Monday"), with the preposition that opens it.</summary>
    private static bool[] TimeTokens(string text, Token[] tokens, IReadOnlyList<TimeExpression> times)
    {
        var timed = new bool[tokens.Length];
        if (times.Count == 0 || tokens.Length == 0)
            return timed;
        var spans = times.Select(t => (t.Start, t.End)).OrderBy(t => t.Start).ToArray();
        int k = 0;
        foreach (var (start, end) in spans)
        {
            // Tokens are in text order: move to the first one that does not end before the time.
            while (k < tokens.Length && tokens[k].End <= start)
                k++;
            for (int q = k; q < tokens.Length && tokens[q].Start < end; q++)
            {
                if (tokens[q].Start < start || tokens[q].End > end)
                    continue;
                timed[q] = true;
                // The preposition that opens the time ("on Monday", "in March").
                if (q > 0 && !timed[q - 1] && tokens[q - 1].Kind == TokenKind.Word && IsAny(tokens[q - 1].Span(text), "on", "in", "at", "during", "since", "until", "by"))
                    timed[q - 1] = true;
            }
        }
        return timed;
    }

    /// <summary>Participles of a standing relation ("backed", "sponsored", "organised"): event-alliance-participles.tsv.</summary>
    private static readonly Sitrep.Lexicons.Lexicon AllianceParticiples = Sitrep.Lexicons.Lexicon.Get("event-alliance-participles");

    /// <summary>The rows tagged alliance: participles of a standing relation before a "by" agent ("backed by", "led by").</summary>
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> AllianceWords = AllianceParticiples.Tagged("alliance").GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The rows tagged allegiance: words of a standing relation before "with" or "to" ("loyal to", "linked to").</summary>
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> AllegianceWords = AllianceParticiples.Tagged("allegiance").GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>
    /// A participle of alliance right after a noun and before its "by" agent qualifies that noun ("militants
    /// backed by Ankara", "a group supported by Iran"): it names who stands behind whom, not an act the sentence reports.
    /// </summary>
    private static bool ReducedRelative(string text, Token[] tokens, int first, int end, int cue, int last)
    {
        if (cue == last && AllianceWords.Contains(tokens[cue].Span(text)) && last + 1 < end && cue - 1 >= first
            && tokens[last + 1].Span(text).Equals("by", StringComparison.OrdinalIgnoreCase))
        {
            // "soldiers, backed by allied fighters": a comma may part the participle from its noun.
            int n = tokens[cue - 1].Span(text) is "," && cue - 2 >= first ? cue - 2 : cue - 1;
            var before = tokens[n];
            var span = before.Span(text);
            // A noun before: not an auxiliary, pronoun, conjunction or adverb ("was backed by", "and backed by", "strongly backed by").
            return before.Kind == TokenKind.Word && !VerbWords.Contains(span) && !NounWords.Contains(span)
                && !IsAny(span, "and", "or", "but", "then", "also", "not") && !span.EndsWith("ly", StringComparison.OrdinalIgnoreCase);
        }
        return false;
    }

    private Event Build(EventInput input, int[] owner, Sentence sentence, int first, int end, int cueFirst, int cueLast, string type, string? mode, bool noun, bool[]? timed = null)
    {
        var text = input.Text;
        var tokens = input.Tokens;
        int cueStart = tokens[cueFirst].Start, cueEnd = tokens[cueLast].End;
        // Talks and words of support are what a caller does on the telephone ("called Haley to apologize").
        var status = Status(text, tokens, first, cueFirst, noun, timed, owner, input.Mentions, spoken: type is "CONSULT" or "SUPPORT");
        var (actor, target, location) = Participants(input, owner, first, end, cueFirst, cueLast, noun ? NounPhraseStart(text, tokens, first, cueFirst) : (cueFirst, first), warning: type == "THREATEN" && !noun, occurrence: noun && type is "ASSAULT" or "PROTEST");
        var (date, from, to, inferred) = Date(input, sentence, cueStart, cueEnd);
        return new Event(type, mode, status, cueStart, cueEnd, sentence.Start, sentence.End, actor, target, location, date, from, to, inferred, QuoteOf(input.Quotes, cueStart));
    }

    /// <summary>
    /// The first token of the status cue nearest before the cue at <paramref name="cueFirst"/>, read as <see cref="Status"/>
    /// reads it, when that cue is a commitment ("pledged to", "promised to", "decided to"); else -1.
    /// </summary>
    private int Commitment(string text, Token[] tokens, int first, int cueFirst, bool[] timed)
    {
        for (int p = cueFirst - 1; p >= Math.Max(first, cueFirst - StatusWindow); p--)
        {
            var span = tokens[p].Span(text);
            if (tokens[p].Kind == TokenKind.Punctuation && span is ";" or ":" || (IsAny(span, "but") && !AllBut(text, tokens, first, p) && !SharedAuxiliary(text, tokens, p, cueFirst)))
                return -1;
            if (Word(text, tokens, p).Status is { } cues && NearCue(cues, text, tokens, timed, p, first) is { } cue)
            {
                if (!cue.Commitment)
                    return -1;
                return Precedes(text, tokens, p, first, cue.Words) ? p - cue.Words.Length + 1 : PrecedesOverTime(text, tokens, timed, p, first, cue.Words);
            }
        }
        return -1;
    }

    /// <summary>The verb at <paramref name="cue"/> is a gerund or an infinitive ("attempting", "to overthrow"), not a finite verb.</summary>
    private static bool NonFinite(string text, Token[] tokens, int cue) =>
        tokens[cue].Span(text).EndsWith("ing", StringComparison.OrdinalIgnoreCase) || tokens[cue - 1].Span(text).Equals("to", StringComparison.OrdinalIgnoreCase);

    /// <summary>The first cue, not far-reaching nor of a clause, whose words stand right before <paramref name="p"/> (over a gap or a time): a loop, where a lambda's closure was allocated on every call.</summary>
    private static StatusCue? NearCue(StatusCue[] cues, string text, Token[] tokens, bool[]? timed, int p, int first)
    {
        foreach (var c in cues)
        {
            if (!c.Clause && !c.Far && (Precedes(text, tokens, p, first, c.Words) || GapBeforeOf(text, tokens, p, first, c.Words) || PrecedesOverTime(text, tokens, timed, p, first, c.Words) >= 0))
                return c;
        }
        return null;
    }

    /// <summary>
    /// The verb at <paramref name="cueFirst"/> follows "or" / "nor" (over "to": "or to praise him") whose first
    /// member is an infinitive after a refusal or failure ("declined to", "refused to", "failed to": a denied cue
    /// ending in "to") or a verb after a negation ("did not criticize the governor or praise him", "never
    /// thanked them or praised them"), within <see cref="AccusationWindow"/> words and no comma, ";", ":",
    /// bracket or clause word between ("declined to comment, but praised": not joined; "not clear how many were
    /// killed or wounded": the negation is another clause's).
    /// </summary>
    private bool JoinedToRefusal(string text, Token[] tokens, bool[]? timed, int first, int cueFirst, bool negation)
    {
        int c = cueFirst - 1;
        if (c > first && IsAny(tokens[c].Span(text), "to"))
            c--;
        if (c <= first || !IsAny(tokens[c].Span(text), "or", "nor"))
            return false;
        for (int p = c - 1; p >= Math.Max(first, c - AccusationWindow); p--)
        {
            var span = tokens[p].Span(text);
            if ((tokens[p].Kind == TokenKind.Punctuation && span is "," or ";" or ":" or "(" or ")")
                || IsAny(span, "but", "and", "while", "whereas", "who", "which", "that", "because", "when", "if", "although", "whether", "said", "says",
                    "how", "what", "why", "where", "whom", "whose", "than", "only", "just", "even", "either", "necessarily"))
                return false;
            // "did not criticize X or praise him": a negation before the first member denies both. "not only",
            // "not just", "not even", "not either" stop the walk above: they deny no act, or not both.
            if (negation && NegationWord(span) && p + 1 < c)
                return !EitherBefore(text, tokens, first, p);
            if (!negation && Word(text, tokens, p).Status is { } cues && NearCue(cues, text, tokens, timed, p, first) is { Status: EventStatus.Denied } cue
                && cue.Words.Length > 1 && cue.Words[^1].Equals("to", StringComparison.OrdinalIgnoreCase))
                return true;
        }
        return false;
    }

    /// <summary>
    /// The cue right after "but" at <paramref name="p"/> is a base form ("will end the program but delay it", "may vote
    /// Democratic but tend to"): it shares the auxiliary before "but", so that cue still reaches it.
    /// </summary>
    private bool SharedAuxiliary(string text, Token[] tokens, int p, int cueFirst) =>
        p == cueFirst - 1 && Word(text, tokens, cueFirst).Senses is { Length: > 0 } senses && tokens[cueFirst].Span(text).Equals(senses[0].Lemma, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The word at <paramref name="p"/> ("that", "who", "whether" ...) opens a clause a negation before it does not reach:
    /// not "that" right before the cue (a determiner: "couldn't give him that vote"), not "that" after "not" ("Not that
    /// it helps") nor any after a verb of thinking, whose negation is the clause's ("I don't think that any harm comes").
    /// </summary>
    private static bool OpensClause(string text, Token[] tokens, int first, int p, int cueFirst)
    {
        bool that = IsAny(tokens[p].Span(text), "that");
        if (that && p == cueFirst - 1)
            return false;
        if (p == first)
            return true;
        var before = tokens[p - 1].Span(text);
        return !(that && IsAny(before, "not")) && !NegRaisingVerbs.Contains(before);
    }

    /// <summary>Verbs of thinking whose negation is their clause's ("don't think that …"; event-neg-raising-verbs.tsv).</summary>
    private static readonly Sitrep.Lexicons.Lexicon NegRaisingVerbs = Sitrep.Lexicons.Lexicon.Get("event-neg-raising-verbs");

    /// <summary>"all but" at <paramref name="p"/> ("will all but guarantee"): "almost", no contrast.</summary>
    private static bool AllBut(string text, Token[] tokens, int first, int p) => p > first && IsAny(tokens[p - 1].Span(text), "all");

    /// <summary>"either" within three words before the negation at <paramref name="p"/> ("either did not back him or backed Sanders"): the members are alternatives, the second is not denied.</summary>
    private static bool EitherBefore(string text, Token[] tokens, int first, int p)
    {
        for (int q = p - 1; q >= Math.Max(first, p - 3); q--)
        {
            if (IsAny(tokens[q].Span(text), "either"))
                return true;
        }
        return false;
    }

    /// <summary>"not", "never" or a contracted negation ("didn't", "won’t").</summary>
    private static bool NegationWord(ReadOnlySpan<char> span) =>
        IsAny(span, "not", "never") || span.EndsWith("n't", StringComparison.OrdinalIgnoreCase) || span.EndsWith("n’t", StringComparison.OrdinalIgnoreCase);

    /// <summary>A cue of a clause whose words stand right before <paramref name="p"/>.</summary>
    private static bool ClauseCue(StatusCue[] cues, string text, Token[] tokens, int p, int first)
    {
        foreach (var c in cues)
        {
            if (c.Clause && Precedes(text, tokens, p, first, c.Words))
                return true;
        }
        return false;
    }

    /// <summary>
    /// The status of a cue of content (tag content: "no evidence that", "denied that", "nothing to suggest") that
    /// ends within <see cref="AccusationWindow"/> words before the cue at <paramref name="cueFirst"/>, with no
    /// comma, ";", ":", bracket, "but", "while", "whereas", "who", "which" or "whom" between; else null.
    /// </summary>
    private EventStatus? ContentDenial(string text, Token[] tokens, int first, int cueFirst)
    {
        for (int p = cueFirst - 1; p >= Math.Max(first, cueFirst - AccusationWindow); p--)
        {
            var span = tokens[p].Span(text);
            if (Word(text, tokens, p).Status is { } cues)
            {
                foreach (var c in cues)
                {
                    if (c.Content && Precedes(text, tokens, p, first, c.Words))
                        return c.Status;
                }
            }
            if ((tokens[p].Kind == TokenKind.Punctuation && span is "," or ";" or ":" or "(" or ")")
                || IsAny(span, "but", "while", "whereas", "who", "which", "whom"))
                return null;
        }
        return null;
    }

    /// <summary>
    /// Light verbs tagged clause (event-light-verbs.tsv: "help", "vote") that take a clause or an infinitive of their
    /// own: where one stands in a sentence as no event (one-word form, not mostly a noun, not after "a", "an", "the").
    /// The other light verbs are left out: letting every one of them stop a time moved about 55 dates of 300 articles
    /// either way ("was deployed to Iraq in 2003 … when he was wounded").
    /// </summary>
    private static readonly FrozenSet<string> ClauseLightVerbs = Sitrep.Lexicons.Lexicon.Get("event-light-verbs").Tagged("clause");

    private List<(int Start, int End)>? LightVerbPositions(string text, Token[] tokens, int[] owner, int first, int end, HashSet<int> verbCues)
    {
        List<(int Start, int End)>? found = null;
        for (int i = first; i < end; i++)
        {
            if (tokens[i].Kind != TokenKind.Word || owner[i] >= 0 || verbCues.Contains(tokens[i].Start) || Word(text, tokens, i).Senses is not { } senses)
                continue;
            var span = tokens[i].Span(text);
            foreach (var sense in senses)
            {
                if (sense.Ambiguous && !sense.Nominal && sense.Words.Length == 1 && span.Equals(sense.Words[0], StringComparison.OrdinalIgnoreCase) && ClauseLightVerbs.Contains(sense.Lemma)
                    && !(i > first && IsAny(tokens[i - 1].Span(text), "a", "an", "the")))
                {
                    (found ??= []).Add((tokens[i].Start, tokens[i].End));
                    break;
                }
            }
        }
        return found;
    }

    /// <summary>The first far-reaching cue whose words stand right before <paramref name="p"/>.</summary>
    private static StatusCue? FarCue(StatusCue[] cues, string text, Token[] tokens, int p, int first)
    {
        foreach (var c in cues)
        {
            if (c.Far && Precedes(text, tokens, p, first, c.Words))
                return c;
        }
        return null;
    }

    private EventStatus Status(string text, Token[] tokens, int first, int cueFirst, bool noun, bool[]? timed, int[] owner, IReadOnlyList<Mention> mentions, bool spoken)
    {
        var status = EventStatus.Asserted;
        // "aren't the only ones crying foul", "not only attacked": a negation of "only" denies no act.
        bool only = false;
        // "did not mention that he vetoed", "not saying which man died": a negation before a word that opens a
        // clause denies the verb of the clause around, not this one.
        bool clause = false;
        for (int p = cueFirst - 1; p >= Math.Max(first, cueFirst - StatusWindow); p--)
        {
            var span = tokens[p].Span(text);
            if (IsAny(span, "only"))
                only = true;
            if (IsAny(span, "that", "who", "whom", "whose", "which", "how", "why", "where", "whether", "when", "if") && OpensClause(text, tokens, first, p, cueFirst))
                clause = true;
            if (span.EndsWith("n't", StringComparison.OrdinalIgnoreCase) || span.EndsWith("n’t", StringComparison.OrdinalIgnoreCase))
            {
                if (!only && !clause)
                    status = EventStatus.Denied;
                break;
            }
            if (only && IsAny(span, "not", "never"))
                break;
            // "declined to comment, but praised the mayor", "won't attack but will talk": "but" opens a contrasting
            // clause or member, so a cue before it is not this verb's.
            if (tokens[p].Kind == TokenKind.Punctuation && span is ";" or ":" || (IsAny(span, "but") && !AllBut(text, tokens, first, p) && !SharedAuxiliary(text, tokens, p, cueFirst)))
                break;
            if (Word(text, tokens, p).Status is { } cues && NearCue(cues, text, tokens, timed, p, first) is { } cue)
            {
                // "no" stays: "there was no plan that integrated them" denies the act of what does not exist.
                if (clause && cue.Words.Length == 1 && IsAny(cue.Words[0], "not", "never", "nor"))
                    break;
                status = cue.Status;
                // "don't want to secede", "do not need to send", "is not trying to": a negation right before a cue of
                // wish, need or try denies the act as it denies the wish.
                if (status is EventStatus.Planned or EventStatus.Hypothetical && cue.Words.Length > 1 && p - cue.Words.Length >= first)
                {
                    int q = p - cue.Words.Length;
                    var neg = tokens[q].Span(text);
                    if (IsAny(neg, "is", "are", "was", "were", "be", "been") && q - 1 >= first)
                        neg = tokens[--q].Span(text);
                    if (IsAny(neg, "not", "never") || neg.EndsWith("n't", StringComparison.OrdinalIgnoreCase) || neg.EndsWith("n’t", StringComparison.OrdinalIgnoreCase))
                        status = EventStatus.Denied;
                }
                break;
            }
        }
        // "There is no evidence that the militia's fighters attacked", "denied that the two rival groups had met": a
        // cue of denial that ends in "that" (tag content) reaches the verbs of its clause past a subject longer than
        // the four-word window above; a comma, bracket, "but" or a relative word ends that clause.
        if (status == EventStatus.Asserted && ContentDenial(text, tokens, first, cueFirst) is { } denial)
            status = denial;
        // What someone is accused or suspected of is a claim however far its phrase runs to the cue
        // ("denied accusations of espionage and attempting to overthrow the government"): a noun, a
        // gerund or an infinitive in that phrase, up to a clause break; a finite verb after it is the
        // sentence's own ("A man accused of being a thief died", "accused of crimes that threatened").
        if (status == EventStatus.Asserted && (noun || (cueFirst > first && NonFinite(text, tokens, cueFirst))))
        {
            for (int p = cueFirst - 1; p >= Math.Max(first, cueFirst - AccusationWindow); p--)
            {
                var span = tokens[p].Span(text);
                if (Word(text, tokens, p).Status is { } cues && FarCue(cues, text, tokens, p, first) is { } cue)
                {
                    status = cue.Status;
                    break;
                }
                if ((tokens[p].Kind == TokenKind.Punctuation && span is ";" or ":" or "(" or ")" or ",")
                    || IsAny(span, "but", "while", "whereas", "who", "which", "that", "whom", "was", "were", "is", "are", "has", "have", "had", "will", "would"))
                    break;
            }
        }
        // "declined to thank Trump personally or praise him": a verb joined by "or" / "nor" to a refused or failed
        // infinitive is refused with it, however far the first verb's phrase runs past the window above.
        if (status == EventStatus.Asserted && !noun && JoinedToRefusal(text, tokens, timed, first, cueFirst, negation: false))
            status = EventStatus.Denied;
        // "urged Iran to release the prisoners", "pressuring the US forces to pull out": what someone is
        // asked, pressed or ordered to do is not told as done.
        if (status == EventStatus.Asserted && !noun && AskedTo(text, tokens, first, cueFirst, owner, mentions, spoken))
            status = EventStatus.Hypothetical;
        // "gave authorities the power to evacuate people and take control", "the right to protest": an act one may do is a possibility.
        if (status == EventStatus.Asserted && !noun && CapacityInfinitive(text, tokens, first, cueFirst))
            status = EventStatus.Hypothetical;
        // "did not criticize the governor or praise him": a verb joined by "or" / "nor" to a negated verb is denied with
        // it (after the checks above: "wouldn't affect the ability to investigate or combat terrorism" stays a possibility).
        if (status == EventStatus.Asserted && !noun && JoinedToRefusal(text, tokens, timed, first, cueFirst, negation: true))
            status = EventStatus.Denied;
        if (status is EventStatus.Asserted or EventStatus.Planned)
        {
            for (int p = first; p < cueFirst; p++)
            {
                if (Word(text, tokens, p).Status is { } cues && ClauseCue(cues, text, tokens, p, first))
                    return EventStatus.Hypothetical;
            }
        }
        return status;
    }

    /// <summary>
    /// The actor is the nearest name before the cue: for a noun cue ("the U.S. strike", "Iran's attack"),
    /// only a name inside its own phrase (<paramref name="phrase"/>: where the search starts and the lowest token it reaches), unless a support verb carries it
    /// ("carried out attacks"); in the passive, the name before is what was acted on ("Soleimani was
    /// killed"), the actor the one after "by". The target is the first name after the cue, the location a
    /// place after in/at/near; neither is looked for past the end of the cue's clause (a comma, "that",
    /// "following" …): what comes after belongs to another event. After a warning verb, the doer of the
    /// act warned of ("warned of an imminent U.S. attack", "warned against America's move") is no target,
    /// nor is any name after it in the clause: they are that act's (see <see cref="AgentOfWarnedAct"/>).
    /// </summary>
    private (int Actor, int Target, int Location) Participants(EventInput input, int[] owner, int first, int end, int cueFirst, int cueLast, (int From, int Lowest) phrase, bool warning = false, bool occurrence = false)
    {
        var text = input.Text;
        var tokens = input.Tokens;
        var mentions = input.Mentions;
        int actor = -1, target = -1, location = -1;
        int actorFirst = -1, actorLast = -1;
        bool feared = false;
        // The subject or object is a phrase whose head is no name ("Iran-backed militias"): no name stands for it.
        bool actorFound = false, targetFound = false;
        // A form of "be" before a participle; before an -ing form it makes the progressive ("are warning Washington"), whose subject still acts.
        // A form of "get" makes the passive too ("saw him get shot", "who is getting attacked by Gray").
        bool passive = cueFirst > first && IsAny(tokens[cueFirst - 1].Span(text), "was", "were", "been", "being", "is", "are", "be", "get", "gets", "got", "gotten", "getting")
            && !tokens[cueFirst].Span(text).EndsWith("ing", StringComparison.OrdinalIgnoreCase);
        for (int p = phrase.From - 1; p >= phrase.Lowest; p--)
        {
            int m = owner[p];
            if (m < 0 || mentions[m].Entity < 0)
                continue;
            int start = FirstTokenOf(owner, p);
            if ((IsPlace(mentions[m]) && start > first && IsAny(tokens[start - 1].Span(text), "in", "at", "near", "outside"))
                || (occurrence && PlaceModifier(text, tokens, mentions[m], p, cueFirst)))
            {
                if (location < 0)
                    location = mentions[m].Entity;
            }
            else if (actor < 0 && !actorFound)
            {
                // A name that qualifies a phrase whose head is another word ("Iran-backed militias", "forces
                // allied with Iran") is no actor: when that head is a name it is found next, else the
                // subject has no name and none farther back is its.
                var qualifying = Qualifier(input, owner, first, end, start, p, cueFirst);
                if (qualifying is Qualifying.None)
                {
                    actor = mentions[m].Entity;
                    actorFirst = start;
                    actorLast = p;
                }
                else if (qualifying is Qualifying.OfCommonNoun)
                {
                    actorFound = true;
                }
            }
            p = start;
        }
        // "X, a former army commander who heads the Committee for Y, warned": the name before the cue lies in an appositive; the subject is the name it describes.
        if (actor >= 0 && phrase.From == cueFirst && AppositiveHead(input, owner, first, actorFirst, actorLast, cueFirst) is var head and >= 0)
            actor = head;
        // The passive's subject is what was acted on; its actor, if named, follows "by".
        if (passive)
            (actor, target) = (-1, actor);
        for (int p = cueLast + 1; p < end; p++)
        {
            int m = owner[p];
            if (m < 0 && EndsClause(text, tokens, p))
                break;
            if (m < 0 || mentions[m].Entity < 0)
                continue;
            // The word before the name, over an article ("by the Taliban").
            int b = p - 1;
            if (b > first && IsAny(tokens[b].Span(text), "the", "a", "an"))
                b--;
            var before = b >= first ? tokens[b].Span(text) : default;
            if (IsPlace(mentions[m]) && IsAny(before, "in", "at", "near", "outside", "across"))
            {
                if (location < 0)
                    location = mentions[m].Entity;
            }
            else if (Qualifier(input, owner, first, end, p, LastTokenOf(owner, p, end), cueFirst) is var qualifying && qualifying is not Qualifying.None)
            {
                // "strikes on Iran-backed militias", "attacks against Iraqi forces allied with Iran": the object is the
                // head, not the name that qualifies it; when the head is a name ("Iran-backed Kataib Hezbollah") it comes next.
                if (qualifying is Qualifying.OfCommonNoun && target < 0 && !(passive && actor < 0 && IsAny(before, "by")))
                    targetFound = true;
            }
            else if (passive && actor < 0 && IsAny(before, "by"))
            {
                actor = mentions[m].Entity;
            }
            else if (warning && target < 0 && (feared || AgentOfWarnedAct(text, tokens, owner, cueLast, p, end)))
            {
                // The names after the feared act's doer are its objects ("a U.S. attack on Iran's proxies"), not the warning's.
                feared = true;
            }
            else if (target < 0 && !targetFound && mentions[m].Entity != actor)
            {
                target = mentions[m].Entity;
            }
            while (p + 1 < end && owner[p + 1] == m)
                p++;
        }
        return (actor, target, location);
    }

    /// <summary>How a name stands in a noun phrase whose head is another word (<see cref="Qualifier"/>).</summary>
    private enum Qualifying
    {
        /// <summary>The name is a participant of its own.</summary>
        None,

        /// <summary>It qualifies a head that is a common noun ("Iran-backed militias"): the phrase has no name.</summary>
        OfCommonNoun,

        /// <summary>It qualifies a head that is another name ("Iran-backed Kataib Hezbollah"): that name is the participant.</summary>
        OfName,
    }

    /// <summary>How many words the head's run after a compound modifier may hold ("Iran-backed Shiite militia groups").</summary>
    private const int QualifiedPhraseWords = 5;

    /// <summary>
    /// Whether the name from <paramref name="nameFirst"/> to <paramref name="nameLast"/> qualifies a noun phrase
    /// whose head is another word, and so stands for no participant (the participant is the head): the name
    /// in a compound modifier ("Iran-backed militias", "the U.S.-led coalition", "pro-Iranian militias");
    /// a name after such a modifier, before the head ("Iran-backed Iraqi militia groups"); a name before a head
    /// noun that a relation of allegiance follows ("Iraqi forces allied with Iran", "Shi'ite militias loyal to
    /// Tehran"); the name in that relation after a noun ("militants backed by Ankara", "forces allied with the
    /// Islamic Republic"). A place or nationality only qualifies; a body's or person's name in the phrase is its
    /// own ("Iran-backed Hezbollah fighters", "Hezbollah fighters loyal to Iran": Hezbollah). A compound modifier of
    /// the event noun itself ("Saudi-led airstrikes") names the act's doer and stays. The relation's partner is not
    /// kept: the layer has no field for it (the mention stays in the entities).
    /// </summary>
    private Qualifying Qualifier(EventInput input, int[] owner, int first, int end, int nameFirst, int nameLast, int cueFirst)
    {
        var text = input.Text;
        var tokens = input.Tokens;
        var mention = input.Mentions[owner[nameFirst]];
        // The name in a compound modifier: "Iran-backed" is one token, the name only its first part.
        var token = tokens[nameLast];
        if (mention.End < token.End && mention.End > token.Start && text[mention.End] is '-' or '‐'
            && AllianceParticiples.Contains(text.AsSpan(mention.End + 1, token.End - mention.End - 1)))
        {
            // "Houthi-held territories", "IS-controlled territory": the name holds the land, and is the party an attack on it is aimed at (event-territory-nouns.tsv).
            if (ControlWords.Contains(text.AsSpan(mention.End + 1, token.End - mention.End - 1)) && HeldLand(text, tokens, owner, nameLast + 1, end))
                return Qualifying.None;
            return HeadAfter(text, tokens, owner, input.Mentions, nameLast + 1, end, cueFirst);
        }
        // "pro-Iranian militias": the prefix makes the name a modifier.
        var opening = tokens[nameFirst];
        if (mention.Start > opening.Start && mention.Start - opening.Start == 4 && text.AsSpan(opening.Start, 4).Equals("pro-", StringComparison.OrdinalIgnoreCase))
            return HeadAfter(text, tokens, owner, input.Mentions, nameLast + 1, end, cueFirst);
        // A name of a body or person is the phrase's own ("Russian-linked REvil cybercrime gang", "Hezbollah fighters loyal to Iran"); a place or
        // nationality before a common noun only qualifies it.
        bool identity = Identity(mention);
        // A name after a compound modifier, over other names: "Iran-backed Iraqi militia groups".
        for (int q = nameFirst - 1; !identity && q >= first && tokens[q].Kind is TokenKind.Word or TokenKind.Abbreviation; q--)
        {
            if (CompoundModifier(text, tokens[q]))
                return HeadAfter(text, tokens, owner, input.Mentions, nameFirst, end, cueFirst) is Qualifying.OfCommonNoun ? Qualifying.OfCommonNoun : Qualifying.None;
            if (owner[q] < 0)
                break;
        }
        // A head noun after the name, then a relation of allegiance: "Iraqi forces allied with", "Shi'ite militias loyal to".
        int k = nameLast + 1, words = 0;
        while (!identity && k < end && words < 3 && k != cueFirst && HeadWord(text, tokens, owner, k))
        {
            k++;
            words++;
        }
        if (words > 0 && k + 1 < end && k != cueFirst && tokens[k].Kind == TokenKind.Word && AllegianceWords.Contains(tokens[k].Span(text))
            && IsAny(tokens[k + 1].Span(text), "with", "to"))
            return Qualifying.OfCommonNoun;
        // The name in a relation after a noun: "militants backed by Ankara", "forces allied with the Islamic Republic".
        int b = nameFirst - 1;
        if (b > first && IsAny(tokens[b].Span(text), "the", "a", "an"))
            b--;
        if (b - 2 < first)
            return Qualifying.None;
        var preposition = tokens[b].Span(text);
        var relation = tokens[b - 1].Span(text);
        bool related = IsAny(preposition, "by") ? AllianceWords.Contains(relation)
            : IsAny(preposition, "with", "to") && AllegianceWords.Contains(relation);
        if (!related || b - 1 == cueFirst)
            return Qualifying.None;
        // Its head before it, over a comma ("Hezbollah, backed by Iran,"): a noun, not an auxiliary, pronoun, conjunction or adverb ("was backed by").
        int h = tokens[b - 2].Span(text) is "," && b - 3 >= first ? b - 3 : b - 2;
        // A name of a body or person right before a common head is the phrase's own ("Hezbollah fighters loyal to Iran").
        if (owner[h] >= 0 || (h - 1 >= first && owner[h - 1] >= 0 && Identity(input.Mentions[owner[h - 1]])))
            return Qualifying.OfName;
        var head = tokens[h].Span(text);
        return tokens[h].Kind == TokenKind.Word && !VerbWords.Contains(head) && !NounWords.Contains(head)
            && !IsAny(head, "and", "or", "but", "then", "also", "not", "being") && !head.EndsWith("ly", StringComparison.OrdinalIgnoreCase)
            ? Qualifying.OfCommonNoun : Qualifying.None;
    }

    /// <summary>Participles of territorial control (tag control) and nouns of land (tag land) of event-territory-nouns.tsv.</summary>
    private static readonly Sitrep.Lexicons.Lexicon TerritoryNouns = Sitrep.Lexicons.Lexicon.Get("event-territory-nouns");
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> ControlWords = TerritoryNouns.Tagged("control").GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> LandWords = TerritoryNouns.Tagged("land").GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>A noun of land right after a compound modifier at <paramref name="from"/>, or one lowercase word later ("Houthi-held northern areas").</summary>
    private static bool HeldLand(string text, Token[] tokens, int[] owner, int from, int end)
    {
        for (int k = from; k < Math.Min(end, from + 2); k++)
        {
            if (tokens[k].Kind != TokenKind.Word || owner[k] >= 0)
                return false;
            if (LandWords.Contains(tokens[k].Span(text)))
                return true;
        }
        return false;
    }

    /// <summary>A word of a compound modifier of relation: "Iran-backed", "state-run", "U.S.-led".</summary>
    private static bool CompoundModifier(string text, Token token)
    {
        var span = token.Span(text);
        int dash = span.LastIndexOfAny('-', '‐');
        return dash > 0 && dash < span.Length - 1 && AllianceParticiples.Contains(span[(dash + 1)..]);
    }

    /// <summary>
    /// The head of the phrase a compound modifier opens at <paramref name="from"/>: its run of names and lowercase
    /// nouns ends in a name ("Iran-backed Kataib Hezbollah"), in a common noun ("Iran-backed Shiite militias") or
    /// at the event noun itself ("Saudi-led airstrikes": the modifier names the act's doer, <see cref="Qualifying.None"/>).
    /// </summary>
    private static Qualifying HeadAfter(string text, Token[] tokens, int[] owner, IReadOnlyList<Mention> mentions, int from, int end, int cueFirst)
    {
        // A body's or person's name in the run is the phrase's own, with a common noun after it or not ("Iran-backed Hezbollah fighters").
        bool lastName = false, noun = false, named = false;
        int k = from;
        for (int words = 0; k < end && words < QualifiedPhraseWords; words++)
        {
            // The event's own cue: its head when no noun came before it ("Saudi-led airstrikes"), else the verb after the phrase.
            if (k == cueFirst)
                return noun ? Qualifying.OfCommonNoun : Qualifying.None;
            if (owner[k] >= 0)
            {
                lastName = true;
                named |= Identity(mentions[owner[k]]);
                k = LastTokenOf(owner, k, end) + 1;
                continue;
            }
            if (!HeadWord(text, tokens, owner, k))
                break;
            lastName = false;
            noun = true;
            k++;
        }
        return lastName || named ? Qualifying.OfName : Qualifying.OfCommonNoun;
    }

    /// <summary>A name of a body, outlet, facility or person, not of a place or nationality ("Iraqi", "Arab"): the identity of a phrase it stands in.</summary>
    private static bool Identity(Mention m) => m.Type is "ORG" or "PERSON" or "MEDIA" or "FACILITY";

    /// <summary>A lowercase word that can be a noun of a phrase: no name, function word, past form or auxiliary.</summary>
    private static bool HeadWord(string text, Token[] tokens, int[] owner, int k)
    {
        if (tokens[k].Kind != TokenKind.Word || owner[k] >= 0)
            return false;
        var span = tokens[k].Span(text);
        return char.IsLower(span[0]) && !NounWords.Contains(span) && !VerbWords.Contains(span) && !PrepositionWords.Contains(span)
            && !span.EndsWith("ed", StringComparison.OrdinalIgnoreCase) && !AllegianceWords.Contains(span)
            && !IsAny(span, "and", "or", "but", "nor", "that", "which", "whom", "whose", "in", "on", "at", "by", "to", "from", "into", "onto", "as", "than", "said", "says", "say",
                "also", "been", "being", "over", "under", "near", "across", "through", "since", "until", "while", "when", "where", "if", "because", "so", "loyal", "close");
    }

    private static int LastTokenOf(int[] owner, int p, int end)
    {
        int m = owner[p];
        while (p + 1 < end && owner[p + 1] == m)
            p++;
        return p;
    }

    /// <summary>The most words an appositive between a subject's name and its verb may have.</summary>
    private const int AppositiveWords = 30;

    /// <summary>
    /// The entity of the name an appositive describes, when the nearest name before a verb cue
    /// (<paramref name="actorFirst"/> to <paramref name="actorLast"/>) lies inside that appositive:
    /// "Ali Hassan, formerly the head of NATO's council, said that he advises …", "Hezbollah,
    /// Iran's ally, attacked …". The appositive is set off by two commas with no other comma inside; the
    /// name before the opening comma is the subject, unless a preposition puts it in a phrase of its own
    /// in the three words before it ("In Syria, Russia's ally, …", "According to Reuters, Iran's minister, said"); an appositive that
    /// opens with a name not in the possessive is the next item of a list ("Iran, Iraq and Syria, said"), one that opens
    /// with "and" or a verb, or holds a past-tense event verb outside a "who" clause, is a predicate. Nor is the name
    /// an appositive's when "which", "that" or a pronoun follows the closing comma or a new subject stands between it
    /// and the cue ("…, said the militants invaded"), or when it is a person's and the name before is not (a title). -1 when none.
    /// </summary>
    private int AppositiveHead(EventInput input, int[] owner, int first, int actorFirst, int actorLast, int cueFirst)
    {
        var text = input.Text;
        var tokens = input.Tokens;
        var mentions = input.Mentions;
        // One comma between the name and the cue, and no clause boundary other than it.
        int commas = 0;
        for (int p = actorLast + 1; p < cueFirst; p++)
        {
            if (owner[p] >= 0 && owner[p] != owner[actorLast])
                return -1;
            // A new subject after the comma ("…, said the militants invaded", "…, saying how a thief could seek"): the verb is its, not the appositive's name's.
            if (commas > 0 && tokens[p].Kind == TokenKind.Word && IsAny(tokens[p].Span(text), "the", "a", "an", "this", "these", "those", "some", "many", "several", "one", "how", "what", "why", "whether", "if"))
                return -1;
            if (tokens[p].Kind == TokenKind.Punctuation)
            {
                var span = tokens[p].Span(text);
                if (span is ",")
                    commas++;
                else if (!(span is "." && p > actorLast + 1))
                    return -1;
            }
        }
        if (commas != 1)
            return -1;
        // A relative clause of the name itself (", which opposes the accord") or a pronoun subject (", he also confessed") after the comma: the name is no appositive's.
        for (int p = actorLast + 1; p < cueFirst; p++)
        {
            if (tokens[p].Span(text) is not ",")
                continue;
            if (p + 1 < cueFirst && IsAny(tokens[p + 1].Span(text), "which", "that", "he", "she", "they", "it", "we", "i"))
                return -1;
            break;
        }
        // Back to the opening comma, over no other punctuation.
        int open = -1;
        for (int p = actorFirst - 1; p > first && actorFirst - p <= AppositiveWords; p--)
        {
            if (tokens[p].Kind != TokenKind.Punctuation)
                continue;
            if (tokens[p].Span(text) is ",")
                open = p;
            else if (tokens[p].Span(text) is "." or "-" or "\u2019" or "'")
                continue;
            break;
        }
        if (open < 0 || owner[open - 1] < 0)
            return -1;
        int head = owner[open - 1];
        if (mentions[head].Entity < 0 || mentions[head].Entity == mentions[owner[actorLast]].Entity)
            return -1;
        // An appositive is a noun phrase or a "who" clause: a verb after the comma ("Ali Hassan, called on
        // Chile to …") makes the name a subject already and what follows its predicate.
        if (tokens[open + 1].Kind == TokenKind.Word && owner[open + 1] < 0)
        {
            var word = tokens[open + 1].Span(text);
            if ((VerbWords.Contains(word) && !IsAny(word, "who")) || IsAny(word, "and", "or", "but", "nor") || word.EndsWith("ed", StringComparison.OrdinalIgnoreCase) || word.EndsWith("ing", StringComparison.OrdinalIgnoreCase)
                || (Word(text, tokens, open + 1).Senses is { } senses && Array.Exists(senses, v => !v.Ambiguous)))
                return -1;
        }
        // Nor does an appositive hold a verb of its own outside a "who" clause ("Imran Khan, on Wednesday ridiculed …,").
        for (int p = open + 1; p < actorFirst; p++)
        {
            var word = tokens[p].Span(text);
            if (IsAny(word, "who", "whose", "whom", "which", "that"))
                break;
            if (owner[p] < 0 && tokens[p].Kind == TokenKind.Word && word.EndsWith("ed", StringComparison.OrdinalIgnoreCase) && Word(text, tokens, p).Senses is not null)
                return -1;
        }
        // An appositive opening with a name is a list's next item unless the name is possessive ("Iran's proxy").
        if (owner[open + 1] >= 0)
        {
            int last = open + 1;
            while (last + 1 < actorFirst && owner[last + 1] == owner[open + 1])
                last++;
            // The tokenizer keeps "Iran's" one word.
            var word = tokens[last].Span(text);
            if (!(word.EndsWith("'s", StringComparison.OrdinalIgnoreCase) || word.EndsWith("\u2019s", StringComparison.OrdinalIgnoreCase)))
                return -1;
        }
        // A title before a person's name is no appositive's head ("Another MEP, former minister Joachim Brudzinski, accused").
        if (mentions[owner[actorLast]].Type == "PERSON" && mentions[head].Type != "PERSON")
            return -1;
        // The head's phrase: over up to three words before it ("in northeast Nigeria's Borno State", "of the Badr Organisation"), no preposition.
        int headFirst = FirstTokenOf(owner, open - 1);
        for (int p = headFirst - 1; p >= first && headFirst - p <= 3; p--)
        {
            if (tokens[p].Kind != TokenKind.Word)
                break;
            var word = tokens[p].Span(text);
            if (PrepositionWords.Contains(word) || IsAny(word, "in", "at", "on", "to", "from", "with", "by", "of", "for", "near", "against", "about", "after", "before", "unlike", "like", "than", "between", "among", "into", "over", "under", "during", "and", "or"))
                return -1;
        }
        return mentions[head].Entity;
    }

    /// <summary>How many words may stand between "of", "about" or "against" and the name in the act's phrase ("of an imminent U.S. attack").</summary>
    private const int WarnedPhraseWords = 3;

    /// <summary>
    /// The name at <paramref name="p"/> is the doer of an act a warning is about, not whom it is aimed at:
    /// in a phrase opened by "of", "about" or "against" after the cue, it qualifies an act noun (a form of
    /// an event verb or an event noun), as its possessive or modifier ("of an imminent U.S. attack",
    /// "against America's strike"), of a noun whose complement is the act ("of the US plan to strike"), or
    /// after "by" ("about an attack by the US"). The addressee is the
    /// verb's own object, with no preposition ("warned the United States against …") and stays the target.
    /// </summary>
    private bool AgentOfWarnedAct(string text, Token[] tokens, int[] owner, int cueLast, int p, int end)
    {
        int m = owner[p];
        int last = p;
        while (last + 1 < end && owner[last + 1] == m)
            last++;
        // The preposition that opens the phrase, over an article or adjectives; "by" after an act noun names its doer.
        int q = p - 1;
        if (q > cueLast && IsAny(tokens[q].Span(text), "the", "a", "an"))
            q--;
        if (q > cueLast + 1 && IsAny(tokens[q].Span(text), "by") && IsActNoun(text, tokens, q - 1))
            return OpensWarnedPhrase(text, tokens, owner, cueLast, q - 2);
        if (!OpensWarnedPhrase(text, tokens, owner, cueLast, p - 1))
            return false;
        // The name qualifies an act noun: right after it, over its possessive ending and up to two modifiers ("U.S. air attack").
        int n = last + 1;
        if (n < end && tokens[n].Span(text) is "'s" or "’s")
            n++;
        for (int k = n; k < Math.Min(end, n + 3); k++)
        {
            // A noun of plan whose complement is the act: "the new US scenario for attacking", "a U.S. plan to strike".
            if (k > n && k + 1 < end && IsAny(tokens[k].Span(text), "for", "to") && IsActNoun(text, tokens, k + 1))
                return true;
            if (tokens[k].Kind != TokenKind.Word || owner[k] >= 0 || PrepositionWords.Contains(tokens[k].Span(text)) || IsAny(tokens[k].Span(text), "of", "on", "in", "at", "to", "for", "by", "and", "or", "against", "about", "with", "from"))
                return false;
            if (IsActNoun(text, tokens, k))
                return true;
        }
        return false;
    }

    /// <summary>
    /// "of", "about" or "against" opens the warning's own phrase within <see cref="WarnedPhraseWords"/> words before
    /// <paramref name="from"/> (inclusive), with no name, punctuation or other preposition between, and no act
    /// between it and the cue ("warned in a statement of …" is the warning's): in "warned of a strike against
    /// the United States", "threatened to pull out of Ohio" or "warned about the danger to American freedoms"
    /// the name stands in a phrase of the act's own, not the warning's.
    /// </summary>
    private bool OpensWarnedPhrase(string text, Token[] tokens, int[] owner, int cueLast, int from)
    {
        for (int q = from; q > cueLast && q >= from - WarnedPhraseWords; q--)
        {
            if (tokens[q].Kind != TokenKind.Word || owner[q] >= 0)
                return false;
            var word = tokens[q].Span(text);
            if (IsAny(word, "of", "about", "against"))
            {
                for (int a = cueLast + 1; a < q; a++)
                {
                    if (IsActNoun(text, tokens, a))
                        return false;
                }
                return true;
            }
            if (PrepositionWords.Contains(word) || IsAny(word, "to"))
                return false;
        }
        return false;
    }

    /// <summary>A noun of an act: a form of an event verb or an event noun of the lexicon ("attack", "strike", "move", "invasion").</summary>
    private bool IsActNoun(string text, Token[] tokens, int k) =>
        k >= 0 && tokens[k].Kind == TokenKind.Word && (Word(text, tokens, k) is { } entry && (entry.Senses is not null || entry.Nouns is not null));

    /// <summary>
    /// Adds a noun cue's event; a plural one followed by days in a list ("attacks on March 11 and 14")
    /// names one event per day: the first is dated by the first day, a copy by each other.
    /// </summary>
    private static void AddPerDay(List<Event> events, Event e, EventInput input)
    {
        events.Add(e);
        var text = input.Text;
        if (e.CueEnd - e.CueStart < 2 || char.ToLowerInvariant(text[e.CueEnd - 1]) != 's')
            return;
        var days = new List<TimeExpression>();
        foreach (var t in input.Times)
        {
            if (t.Start < e.CueEnd || t.End > e.End || !IsDay(t))
                continue;
            // The first day within five words of the cue ("attacks on the base on March 11"); each next one
            // joined to the one before by "and", "or" or a comma.
            var between = text.AsSpan(days.Count == 0 ? e.CueEnd : days[^1].End, t.Start - (days.Count == 0 ? e.CueEnd : days[^1].End)).Trim();
            bool joined = days.Count == 0
                ? between.Length <= 40 && CountWords(between) <= 5
                : between is "," or "and" or ", and" or "or" or "&";
            if (!joined)
                break;
            days.Add(t);
        }
        if (days.Count < 2 || e.DateInferred || e.Date != days[0].Value[..10])
            return;
        foreach (var day in days.Skip(1))
            events.Add(e with { Date = day.Value[..10], From = null, To = null });
    }

    private static bool IsDay(TimeExpression t) =>
        t.Type is TimexType.Date or TimexType.Time && t.Value.Length >= 10 && char.IsAsciiDigit(t.Value[0]) && t.Value[4] == '-';

    private static int CountWords(ReadOnlySpan<char> span)
    {
        int words = 0;
        bool inWord = false;
        foreach (var c in span)
        {
            bool letter = !char.IsWhiteSpace(c);
            if (letter && !inWord)
                words++;
            inWord = letter;
        }
        return words;
    }

    /// <summary>Support verbs of event nouns ("carried out attacks"): the noun's actor is their subject.</summary>
    private static readonly Sitrep.Lexicons.Lexicon SupportVerbs = Sitrep.Lexicons.Lexicon.Get("event-support-verbs");

    /// <summary>
    /// Where the actor of a noun cue is looked for: its own phrase, back to the article, possessive,
    /// preposition or punctuation that opens it ("the January U.S. air [attack]" from "January"); when a
    /// support verb governs the phrase ("carried out more rocket [attacks]"), from that verb, as for a verb.
    /// </summary>
    private static (int From, int Lowest) NounPhraseStart(string text, Token[] tokens, int first, int cueFirst)
    {
        for (int p = cueFirst - 1; p >= first; p--)
        {
            var span = tokens[p].Span(text);
            if (tokens[p].Kind == TokenKind.Word && SupportVerbs.Contains(span))
                return (p, first);
            if (span.Equals("'s", StringComparison.OrdinalIgnoreCase) || span.Equals("’s", StringComparison.OrdinalIgnoreCase) || tokens[p].Kind is TokenKind.Dash or TokenKind.Number or TokenKind.Abbreviation)
                continue;
            // The phrase ends at an article, preposition, conjunction, verb-like word ("intensified their
            // attacks") or punctuation, and is at most NounPhraseWords long: beyond is another phrase.
            bool verbLike = char.IsLower(span[0]) && (VerbWords.Contains(span) || span.EndsWith("ed", StringComparison.OrdinalIgnoreCase) || span.EndsWith("ing", StringComparison.OrdinalIgnoreCase));
            if (cueFirst - p > NounPhraseWords || verbLike || tokens[p].Kind != TokenKind.Word || (NounWords.Contains(span) && !IsPossessive(span)) || IsAny(span, "on", "in", "at", "by", "to", "from", "and", "or", "but", "that", "which", "who", "following", "before", "since", "over", "out", "up"))
            {
                // "carried out [attacks]", "stepped up its [attacks]": the particle belongs to the support verb before it.
                if (IsAny(span, "out", "up") && p - 1 >= first && SupportVerbs.Contains(tokens[p - 1].Span(text)))
                    return (p - 1, first);
                return (cueFirst, p + 1);
            }
        }
        return (cueFirst, first);
    }

    /// <summary>
    /// The place <paramref name="mention"/>, ending at <paramref name="last"/>, modifies the noun of an attack or
    /// protest right after it, over at most two lower-case words ("the Benghazi attack", "the Sandy Hook massacre",
    /// "the Charlottesville marches", "the Fort Hood terror attack"): it tells where the attack or protest took place.
    /// A country stays the actor ("the U.S. strike", "Israeli strikes": a state acts through its forces).
    /// </summary>
    private static bool PlaceModifier(string text, Token[] tokens, Mention mention, int last, int cueFirst)
    {
        if (!IsPlace(mention) || cueFirst - last > 3 || Nation(text.AsSpan(mention.Start, mention.End - mention.Start)))
            return false;
        // "Trayvon Martin's killing", "Syria's attack": a possessive tells whose act it is, as before.
        var lastWord = tokens[last].Span(text);
        if (Possessive(tokens[last], lastWord) || (last + 1 < cueFirst && tokens[last + 1].Span(text) is "'s" or "’s"))
            return false;
        for (int q = last + 1; q < cueFirst; q++)
        {
            if (tokens[q].Kind != TokenKind.Word || !char.IsLower(text[tokens[q].Start]))
                return false;
        }
        return true;
    }

    /// <summary>A country's name or a nationality, also as the last word ("Iran", "Turkish", "North Korean"): a state acting through its forces.</summary>
    private static bool Nation(ReadOnlySpan<char> name)
    {
        var countries = Sitrep.Entities.Resolution.CountryTable.Default;
        int space = name.LastIndexOf(' ');
        var lastWord = space >= 0 ? name[(space + 1)..] : name;
        return countries.CountryOf(name) is not null || countries.CountryOfDemonym(name) is not null
            || countries.IsNationality(Sitrep.Entities.Resolution.NameKeys.Exact(lastWord.ToString()));
    }

    private static bool IsPossessive(ReadOnlySpan<char> word) => IsAny(word, "its", "his", "her", "their", "our", "my", "your");

    /// <summary>The token ends the clause a cue's object is looked for in: a comma, semicolon, colon or bracket, a word that opens another clause, or an auxiliary.</summary>
    private static bool EndsClause(string text, Token[] tokens, int p)
    {
        var span = tokens[p].Span(text);
        if (tokens[p].Kind == TokenKind.Punctuation)
            return span is "," or ";" or ":" or "(" or ")";
        // An auxiliary or modal opens the next predicate ("The strike was followed by …"): its names are not the cue's.
        return tokens[p].Kind == TokenKind.Word && IsAny(span, "that", "which", "who", "whom", "whose", "when", "while", "after", "before", "following", "because", "since", "until", "where", "but", "although", "though", "whereas",
            "was", "were", "is", "are", "has", "have", "had", "will", "would", "could", "can", "may", "might", "should", "must", "did", "does");
    }

    /// <summary>
    /// The verb at <paramref name="cue"/> is coordinated with the sentence's verb cue ending at
    /// <paramref name="previousEnd"/>: "and", "or" or "then" stands right before it, or a comma right after the previous cue.
    /// </summary>
    /// <summary>
    /// The cue is a participle whose subject and auxiliary are left out after "and" ("fifteen were killed and
    /// more than a dozen injured"): "and" after the verb before, then up to five words, none a verb cue or punctuation.
    /// </summary>
    private static bool ElidedCoordinate(string text, Token[] tokens, int first, int cue, int previousEnd)
    {
        if (!tokens[cue].Span(text).EndsWith("ed", StringComparison.OrdinalIgnoreCase))
            return false;
        for (int p = cue - 1; p >= Math.Max(first, cue - 6); p--)
        {
            if (tokens[p].Start < previousEnd || tokens[p].Kind == TokenKind.Punctuation)
                return false;
            if (IsAny(tokens[p].Span(text), "and"))
                return p > first && tokens[p - 1].End == previousEnd || (p - 1 >= first && tokens[p - 1].End <= previousEnd && tokens[p - 1].Start < previousEnd);
            if (VerbWords.Contains(tokens[p].Span(text)))
                return false;
        }
        return false;
    }

    private static bool Coordinated(string text, Token[] tokens, int first, int cue, int previousEnd)
    {
        if (cue - 1 < first || tokens[cue - 1].Start < previousEnd)
            return false;
        var before = tokens[cue - 1];
        if (before.Kind == TokenKind.Word && IsAny(before.Span(text), "and", "or", "then"))
            return true;
        return before.Kind == TokenKind.Punctuation && before.Span(text) is "," && before.Start == previousEnd;
    }

    /// <summary>Another cue that opens a clause or time of its own stands between the cue and the time, and the time does not open the sentence before every cue nor stand in brackets after them all.</summary>
    private static bool Blocked(string text, TimeExpression t, int cueStart, int cueEnd, List<(int Start, int End, bool Blocks)> cues)
    {
        if (t.End <= cues[0].Start)
            return false;
        // A time in brackets after every cue names when the whole sentence was said or written ("…,” (News agency, 31 March)).
        if (t.Start >= cues[^1].End && text.AsSpan(cues[^1].End, t.Start - cues[^1].End).Contains('('))
            return false;
        int lo = Math.Min(cueEnd, t.End), hi = Math.Max(cueStart, t.Start);
        foreach (var c in cues)
        {
            if (c.Start == cueStart || !c.Blocks || c.Start < lo || c.End > hi)
                continue;
            // Verbs joined by "and", "or" or a comma share their time ("attacked and captured … the previous day").
            int from = Math.Min(cueEnd, c.End), to = Math.Max(cueStart, c.Start);
            if (from <= to && text.AsSpan(from, to - from).Trim() is "and" or "or" or "," or ", and" or ", or")
                continue;
            return true;
        }
        return false;
    }

    /// <summary>
    /// The date of the sentence's time nearest the cue ("Last Friday, the paper wrote … after the attacks
    /// on March 11": the attacks are of March 11, the writing of last Friday), a day before a period;
    /// else the publication day (inferred).
    /// </summary>
    private static (string? Date, string? From, string? To, bool Inferred) Date(EventInput input, Sentence sentence, int cueStart, int cueEnd, List<(int Start, int End, bool Blocks)>? cues = null)
    {
        TimeExpression? best = null;
        int bestDistance = int.MaxValue;
        foreach (var t in input.Times)
        {
            if (t.Start < sentence.Start || t.End > sentence.End || t.Type is not (TimexType.Date or TimexType.Time))
                continue;
            bool isDay = t.Value.Length >= 10 && char.IsAsciiDigit(t.Value[0]) && t.Value[4] == '-';
            if (!isDay && t.Range is null)
                continue;
            if (InYearSpanBrackets(input.Text, t))
                continue;
            if (AttributiveCentury(input, t, cueStart))
                continue;
            if (cues is not null && (Blocked(input.Text, t, cueStart, cueEnd, cues) || InOtherWhoClause(input.Text, input.Tokens, sentence.FirstToken, sentence.FirstToken + sentence.TokenCount, t, cueStart)))
                continue;
            int distance = t.Start >= cueEnd ? t.Start - cueEnd : Math.Max(0, cueStart - t.End);
            if (distance < bestDistance)
                (best, bestDistance) = (t, distance);
        }
        if (best is { } time)
        {
            if (time.Value.Length >= 10 && char.IsAsciiDigit(time.Value[0]) && time.Value[4] == '-')
                return (time.Value[..10], null, null, false);
            var r = time.Range!.Value;
            return (null, r.From.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), r.To.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), false);
        }
        // "has recently been hit", "was attacked lately": the sentence writes no date, but says the event is
        // recent; it happened in the month before publication, not on the publication day.
        if (input.Published is { } published && published.DayNumber >= RecentDays && RecentAtCue(input, sentence, cueStart, cueEnd))
            return (null, published.AddDays(-RecentDays).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), DayText(published), false);
        return input.Published is { } day
            ? (DayText(day), null, null, true)
            : (null, null, null, true);
    }

    /// <summary>The last day <see cref="DayText"/> wrote, per thread (the finder is shared).</summary>
    [ThreadStatic]
    private static (DateOnly Day, string Text)? t_day;

    /// <summary>
    /// The day as yyyy-MM-dd. Most events of a document fall back to its publication day, which was
    /// formatted anew for each (and each again by <see cref="Redate"/>): the last day written is kept.
    /// </summary>
    private static string DayText(DateOnly day)
    {
        if (t_day is { } last && last.Day == day)
            return last.Text;
        var text = day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        t_day = (day, text);
        return text;
    }

    /// <summary>How far before publication "recently" reaches: a month (a reference to the recent past, TimeML's PAST_REF, has no calendar value of its own).</summary>
    internal const int RecentDays = 30;

    /// <summary>Words that may stand between "recently" and the cue of its own verb group: "has recently been hit", "recently was significantly hit".</summary>
    private const int RecentGap = 2;

    /// <summary>
    /// "recently" or "lately" in the cue's own verb group: at most <see cref="RecentGap"/> words before the cue
    /// ("has recently been hit"), or right after it or one word after ("attacked recently", "hit hard lately"),
    /// with nothing but words between. "recent" alone ("recent US moves") and "in recent weeks" are not it.
    /// </summary>
    private static bool RecentAtCue(EventInput input, Sentence sentence, int cueStart, int cueEnd)
    {
        var text = input.Text;
        var tokens = input.Tokens;
        int first = sentence.FirstToken, end = sentence.FirstToken + sentence.TokenCount;
        foreach (var t in input.Times)
        {
            if (t.Start < sentence.Start || t.End > sentence.End || t.Value != "PAST_REF")
                continue;
            var words = text.AsSpan(t.Start, t.End - t.Start);
            if (!(words.Equals("recently", StringComparison.OrdinalIgnoreCase) || words.Equals("lately", StringComparison.OrdinalIgnoreCase)))
                continue;
            int from, to, gap;
            if (t.End <= cueStart)
                (from, to, gap) = (t.End, cueStart, RecentGap);
            else if (t.Start >= cueEnd)
                (from, to, gap) = (cueEnd, t.Start, 1);
            else
                continue;
            int between = 0;
            bool plain = true;
            for (int k = first; k < end && plain; k++)
            {
                if (tokens[k].Start < from || tokens[k].End > to)
                    continue;
                if (tokens[k].Kind != TokenKind.Word)
                    plain = false;
                else
                    between++;
            }
            if (plain && between <= gap)
                return true;
        }
        return false;
    }

    /// <summary>
    /// The time is a century that qualifies a noun ("a 19th-century economist", "its 20th-century immigration model",
    /// "18th-century skirts") or is part of a name ("Twenty-First Century Fox"): it tells what kind of thing that is,
    /// never when the sentence's event happened. Only the noun it qualifies may take it ("19th-century wars").
    /// "in the 19th century", "as the 20th century wore on" stay adverbials that date their clause.
    /// </summary>
    private static bool AttributiveCentury(EventInput input, TimeExpression t, int cueStart)
    {
        var text = input.Text;
        var words = text.AsSpan(t.Start, t.End - t.Start);
        if (!words.EndsWith("century", StringComparison.OrdinalIgnoreCase))
            return false;
        foreach (var m in input.Mentions)
        {
            if (m.Start <= t.Start && t.End <= m.End)
                return true;
        }
        // The hyphenated compound ("19th-century") before a word: an adjective of the noun after it.
        if (words.Length <= "century".Length || words[^("century".Length + 1)] is not ('-' or '\u2010' or '\u2011'))
            return false;
        int next = t.End;
        while (next < text.Length && text[next] == ' ')
            next++;
        if (next == t.End || next >= text.Length || !char.IsLetter(text[next]))
            return false;
        return cueStart != next;
    }

    /// <summary>
    /// The time is a year of a span of years in brackets ("a former (1980-97) party chief", "Reagan
    /// (1981–89)"): a term of office or a life, which describes a person or a thing, never when the sentence's event happened.
    /// </summary>
    private static bool InYearSpanBrackets(string text, TimeExpression t)
    {
        int open = t.Start - 1;
        while (open >= 0 && t.Start - open <= 12 && text[open] != '(' && (char.IsAsciiDigit(text[open]) || text[open] is '-' or '\u2013' or '\u2014' or ' '))
            open--;
        int close = t.End;
        while (close < text.Length && close - t.End <= 12 && text[close] != ')' && (char.IsAsciiDigit(text[close]) || text[close] is '-' or '\u2013' or '\u2014' or ' '))
            close++;
        if (open < 0 || close >= text.Length || text[open] != '(' || text[close] != ')')
            return false;
        // Nothing but years and a dash: "(March 1-3)" may date a meeting.
        var inside = text.AsSpan(open + 1, close - open - 1);
        foreach (var c in inside)
        {
            if (!(char.IsAsciiDigit(c) || c is '-' or '\u2013' or '\u2014' or ' '))
                return false;
        }
        return inside.IndexOfAny('-', '\u2013', '\u2014') >= 0;
    }

    /// <summary>
    /// Dates the sentence's events again now that all its cues are known. A time belongs to the cue nearest
    /// it on its side: a cue does not take a time that another cue opening a clause of its own stands
    /// between ("the deployment … was meant to guard … after the attack on March 11": the day is the
    /// attack's, not the deployment's), where such a cue is a verb or a noun after "after", "before",
    /// "following", "since" or "until"; a time that opens the sentence, before every cue, dates them all.
    /// A time inside a "who" clause describes that person ("X, who today heads the committee, warned"),
    /// not the events outside it. A sentence with no time of its own that opens with "the", "this" or
    /// "that" and an event noun of a type the sentence before told with a date ("… the killing of X in
    /// early January. The strike was followed by …") goes on with that narration and keeps its date.
    /// </summary>
    private static void Redate(EventInput input, Sentence sentence, List<Event> events, int from, HashSet<int> verbCues, int previousFrom, int previousTo, List<(int Start, int End)>? lightVerbs = null)
    {
        if (from == events.Count)
            return;
        var text = input.Text;
        var tokens = input.Tokens;
        int first = sentence.FirstToken, end = sentence.FirstToken + sentence.TokenCount;
        var cues = new List<(int Start, int End, bool Blocks)>();
        for (int k = from; k < events.Count; k++)
        {
            var e = events[k];
            if (cues.Count > 0 && cues[^1].Start == e.CueStart)
                continue;
            cues.Add((e.CueStart, e.CueEnd, (verbCues.Contains(e.CueStart) && !AfterWord(text, tokens, first, end, e.CueStart, "a", "an", "the")) || AfterWord(text, tokens, first, end, e.CueStart, "after", "before", "following", "since", "until")));
        }
        if (lightVerbs is { Count: > 0 })
        {
            // Blockers only: they date nothing themselves (Date skips no cue of its own start among them).
            foreach (var (start, stop) in lightVerbs)
                cues.Add((start, stop, true));
            cues.Sort((x, y) => x.Start.CompareTo(y.Start));
        }
        for (int k = from; k < events.Count; k++)
        {
            var e = events[k];
            // A copy dated by the next day of a list ("attacks on March 11 and 14") keeps its day.
            if (k > from && events[k - 1].CueStart == e.CueStart)
                continue;
            var (date, dateFrom, dateTo, inferred) = Date(input, sentence, e.CueStart, e.CueEnd, cues);
            events[k] = e with { Date = date, From = dateFrom, To = dateTo, DateInferred = inferred };
        }
        if (previousTo == previousFrom)
            return;
        for (int k = from; k < events.Count; k++)
        {
            if (!events[k].DateInferred)
                return;
        }
        int opening = first;
        while (opening < end && tokens[opening].Kind != TokenKind.Word)
            opening++;
        if (opening >= end || !IsAny(tokens[opening].Span(text), "the", "this", "that", "these", "those"))
            return;
        // The event noun of the opening phrase ("The strike", "The U.S. strike"): the subject that names an event told before.
        int limit = opening + 1 + 3 < end ? tokens[opening + 1 + 3].Start : sentence.End;
        Event? anaphor = null;
        for (int k = from; k < events.Count; k++)
        {
            if (events[k].CueStart >= tokens[opening].End && events[k].CueStart < limit && !verbCues.Contains(events[k].CueStart))
            {
                anaphor = events[k];
                break;
            }
        }
        if (anaphor is null)
            return;
        Event? told = null;
        for (int k = previousTo - 1; k >= previousFrom; k--)
        {
            if (!events[k].DateInferred && events[k].Type == anaphor.Type)
            {
                told = events[k];
                break;
            }
        }
        if (told is null)
            return;
        for (int k = from; k < events.Count; k++)
            events[k] = events[k] with { Date = told.Date, From = told.From, To = told.To, DateInferred = false };
    }

    /// <summary>One of <paramref name="words"/> in the three words before the cue: "after the attack" opens a time of its own; "a peaceful protest" is a noun even where the finder read a verb.</summary>
    private static bool AfterWord(string text, Token[] tokens, int first, int end, int cueStart, params ReadOnlySpan<string> words)
    {
        int cue = first;
        while (cue < end && tokens[cue].Start < cueStart)
            cue++;
        for (int p = cue - 1; p >= Math.Max(first, cue - 3); p--)
        {
            if (IsAny(tokens[p].Span(text), words))
                return true;
        }
        return false;
    }

    /// <summary>The time lies in a "who", "whom" or "whose" clause (up to the next comma) that the cue is outside of.</summary>
    private static bool InOtherWhoClause(string text, Token[] tokens, int first, int end, TimeExpression t, int cueStart)
    {
        int clauseStart = -1;
        for (int p = first; p < end && tokens[p].Start < t.Start; p++)
        {
            var span = tokens[p].Span(text);
            if (IsAny(span, "who", "whom", "whose"))
                clauseStart = tokens[p].Start;
            else if (tokens[p].Kind == TokenKind.Punctuation && span is "," or ";" or ":" or "(" or ")" or "\u2014" or "\u2013")
                clauseStart = -1;
        }
        if (clauseStart < 0)
            return false;
        int clauseEnd = tokens[end - 1].End;
        for (int p = first; p < end; p++)
        {
            if (tokens[p].Start >= t.End && tokens[p].Kind == TokenKind.Punctuation && tokens[p].Span(text) is "," or ";" or ":" or "(" or ")" or "\u2014" or "\u2013")
            {
                clauseEnd = tokens[p].Start;
                break;
            }
        }
        return cueStart < clauseStart || cueStart >= clauseEnd;
    }

    /// <summary>The innermost quote that holds the cue, -1 when the cue is the outlet's own words.</summary>
    private static int QuoteOf(QuoteLayer quotes, int cueStart)
    {
        int best = -1;
        for (int q = 0; q < quotes.Quotes.Count; q++)
        {
            var quote = quotes.Quotes[q];
            if (quote.Holds(cueStart, cueStart + 1) && (best < 0 || quote.End - quote.Start < quotes.Quotes[best].End - quotes.Quotes[best].Start))
                best = q;
        }
        return best;
    }

    private static bool IsLocative(ReadOnlySpan<char> word) => IsAny(word, "in", "at", "near", "inside", "outside");

    private static bool PrepositionBetween(string text, Token[] tokens, int from, int to)
    {
        for (int q = from; q < to; q++)
        {
            if (IsAny(tokens[q].Span(text), "in", "at", "near", "on", "by", "to", "into", "for", "with", "across", "outside", "inside"))
                return true;
        }
        return false;
    }

    /// <summary>The pattern word that stands for a place's name (<c>@place</c> in event-patterns.tsv).</summary>
    internal static bool IsPlaceWord(string[] words) => words.Length == 1 && words[0] == "@place";

    private static bool IsPlace(Mention m) => m.Type is "GPE" or "LOC" or "FACILITY";

    private static bool IsAny(ReadOnlySpan<char> word, params ReadOnlySpan<string> words)
    {
        foreach (var w in words)
        {
            if (word.Equals(w, StringComparison.OrdinalIgnoreCase))
                return true;
        }
        return false;
    }

    /// <summary>The mention index each token lies in, -1 for none.</summary>
    private static int[] MentionOfToken(Token[] tokens, IReadOnlyList<Mention> mentions)
    {
        var owner = new int[tokens.Length];
        Array.Fill(owner, -1);
        int t = 0;
        for (int m = 0; m < mentions.Count; m++)
        {
            var mention = mentions[m];
            while (t < tokens.Length && tokens[t].End <= mention.Start)
                t++;
            for (int k = t; k < tokens.Length && tokens[k].Start < mention.End; k++)
                owner[k] = m;
        }
        return owner;
    }

    private static int FirstTokenOf(int[] owner, int p)
    {
        int m = owner[p];
        while (p > 0 && owner[p - 1] == m)
            p--;
        return p;
    }

    /// <summary>Every word of four letters or more capitalised: a headline, where a capital says nothing about names.</summary>
    private static bool TitleCase(string text, Token[] tokens, int first, int end)
    {
        int words = 0, capitals = 0;
        for (int i = first; i < end; i++)
        {
            if (tokens[i].Kind != TokenKind.Word || tokens[i].Length < 4)
                continue;
            words++;
            if (char.IsUpper(text[tokens[i].Start]))
                capitals++;
        }
        return words >= 3 && capitals == words;
    }

    /// <summary>The token is the sentence's first word, or the first after an opening quotation mark or dash.</summary>
    private static bool OpensSentence(Token[] tokens, int first, int i)
    {
        for (int p = i - 1; p >= first; p--)
        {
            if (tokens[p].Kind is TokenKind.Quote or TokenKind.Dash)
                return true;
            if (tokens[p].Kind is TokenKind.Word or TokenKind.Number or TokenKind.Abbreviation)
                return false;
        }
        return true;
    }

    private static bool Follows(string text, Token[] tokens, int i, int end, string[] words)
    {
        if (i + words.Length > end)
            return false;
        for (int k = 1; k < words.Length; k++)
        {
            if (!tokens[i + k].Span(text).Equals(words[k], StringComparison.OrdinalIgnoreCase))
                return false;
        }
        return true;
    }

    /// <summary>
    /// A two-word cue whose words a time splits ("decided on Monday to", "pledged Friday to"): the first token of the
    /// cue when its last word is at <paramref name="p"/> and its first stands right before the time; else -1.
    /// </summary>
    private static int PrecedesOverTime(string text, Token[] tokens, bool[]? timed, int p, int first, string[] words)
    {
        if (timed is null || words.Length != 2 || !tokens[p].Span(text).Equals(words[1], StringComparison.OrdinalIgnoreCase))
            return -1;
        int q = p - 1;
        while (q >= first && timed[q])
            q--;
        return q < p - 1 && q >= first && tokens[q].Span(text).Equals(words[0], StringComparison.OrdinalIgnoreCase) ? q : -1;
    }

    /// <summary>A cue "X of" whose object stands between its words: "accused the soldiers of looting" (up to three words between).</summary>
    private static bool GapBeforeOf(string text, Token[] tokens, int p, int first, string[] words)
    {
        if (words.Length != 2 || !words[1].Equals("of", StringComparison.OrdinalIgnoreCase))
            return false;
        for (int q = p - 2; q >= Math.Max(first, p - 4); q--)
        {
            if (tokens[q].Span(text).Equals(words[0], StringComparison.OrdinalIgnoreCase))
                return true;
        }
        return false;
    }

    /// <summary>The cue words end at token <paramref name="p"/>.</summary>
    private static bool Precedes(string text, Token[] tokens, int p, int first, string[] words)
    {
        if (p - words.Length + 1 < first)
            return false;
        for (int k = 0; k < words.Length; k++)
        {
            if (!tokens[p - words.Length + 1 + k].Span(text).Equals(words[k], StringComparison.OrdinalIgnoreCase))
                return false;
        }
        return true;
    }

    /// <summary>Each position's words appear in order from <paramref name="from"/> before <paramref name="limit"/>, gaps allowed.</summary>
    /// <remarks>
    /// The search starts at <paramref name="from"/> (past any time right after the verb) and its first
    /// position stops at <paramref name="firstStop"/> (<see cref="GapEnd"/> from there), both the same for
    /// every pattern of the verb. Each word is compared only with the alternatives that can start with it
    /// (<see cref="PatternPosition.Candidates"/>), in the list's order.
    /// </remarks>
    private static bool MatchesAfter(string text, Token[] tokens, int[] owner, IReadOnlyList<Mention> mentions, int from, int firstStop, int limit, VerbPattern pattern)
    {
        var positions = pattern.After;
        int p = from;
        for (int k = 0; k < positions.Length; k++)
        {
            var alternatives = positions[k];
            var index = pattern.AfterPositions[k];
            bool found = false;
            int opens = p;
            int stop = k == 0 ? firstStop : GapEnd(text, tokens, owner, p, limit);
            // A name only widens the gap: past the plain gap, its own words are not the pattern's ("Consider what the Kestrel Brigades are").
            int plainStop = Math.Min(limit, opens + PatternGap);
            bool first = alternatives == positions[0];
            for (; p < stop && !found; p++)
            {
                // The first word of the pattern is the verb's object, not a place where it happened: "seized the
                // capital", not "seized (pistols) in the capital" (words the pattern skips hold no "in", "at", "near").
                // The skipped words only grow with p, so once one is a locative no later position of the first word matches.
                if (first && p > opens && IsLocative(tokens[p - 1].Span(text)))
                    break;
                var span = tokens[p].Span(text);
                foreach (int a in index.Candidates(span))
                {
                    var words = alternatives[a];
                    if (IsPlaceWord(words))
                    {
                        // "@place": a place's name, over all its words ("withdrew from Afrin"), with no preposition
                        // before it in the gap: "seized the town", not "seized in Freeport".
                        if (owner[p] < 0 || !IsPlace(mentions[owner[p]]) || PrepositionBetween(text, tokens, opens, p))
                            continue;
                        found = true;
                        while (p + 1 < limit && owner[p + 1] == owner[p])
                            p++;
                        break;
                    }
                    if (p >= plainStop && owner[p] >= 0)
                        continue;
                    // The first word compared before the rest: most positions fail on it.
                    if (p + words.Length <= limit && span.Equals(words[0], StringComparison.OrdinalIgnoreCase) && Follows(text, tokens, p, limit, words))
                    {
                        found = true;
                        p += words.Length - 1;
                        break;
                    }
                }
            }
            if (!found)
                return false;
        }
        return true;
    }

    /// <summary>
    /// Where a pattern word's search from <paramref name="p"/> stops: <see cref="PatternGap"/> words on, a
    /// name with its possessive counting as one word ("expelled two US Embassy staff", "the European Union's ambassador").
    /// </summary>
    private static int GapEnd(string text, Token[] tokens, int[] owner, int p, int limit)
    {
        int q = p;
        for (int units = 0; units < PatternGap && q < limit; units++)
        {
            // A count or an article is no word of the gap: "captured two camps", "established a total of 156 posts", "defused hundreds of mines".
            while (q < limit && owner[q] < 0 && IsCount(text, tokens, q))
                q++;
            if (q >= limit)
                break;
            int m = owner[q];
            q++;
            if (m < 0)
                continue;
            while (q < limit && (owner[q] == m || (tokens[q].Span(text) is "'s" or "’s" or "'" && owner[q] < 0)))
                q++;
            // A short bracket right after a name is its abbreviation: "New People's Army (NPA) camps".
            if (q + 2 < limit && tokens[q].Kind == TokenKind.Bracket && tokens[q].Span(text) is "(" && tokens[q + 2].Span(text) is ")")
                q += 3;
        }
        return q;
    }

    /// <summary>Count words and articles, closed classes: numbers, the words of a quantity ("two", "dozens of", "a total of", "more than", "a large amount of") and "a", "an", "the" ("retook a strategic northwestern town").</summary>
    private static readonly System.Collections.Frozen.FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> QuantityWords = new[]
    {
        "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "twenty", "fifty",
        "dozen", "dozens", "hundred", "hundreds", "thousand", "thousands", "scores", "several", "total", "number", "more", "than",
        "amount", "quantity", "a", "an", "the",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The token is part of a count: a number, a count word, or "of" after one ("dozens of").</summary>
    private static bool IsCount(string text, Token[] tokens, int q)
    {
        if (tokens[q].Kind == TokenKind.Number || In(text, tokens, q, WordSet.Quantity))
            return true;
        return q > 0 && tokens[q].Span(text).Equals("of", StringComparison.OrdinalIgnoreCase)
            && (tokens[q - 1].Kind == TokenKind.Number || In(text, tokens, q - 1, WordSet.Quantity));
    }

    /// <summary>Each position's words appear in order before the verb, read backwards from <paramref name="from"/> down to <paramref name="limit"/>.</summary>
    private static bool MatchesBefore(string text, Token[] tokens, int[] owner, IReadOnlyList<Mention> mentions, int from, int limit, string[][][] positions)
    {
        int p = from;
        for (int k = positions.Length - 1; k >= 0; k--)
        {
            bool found = false;
            int stop = Math.Max(limit, p - PatternGap + 1);
            for (; p >= stop && !found; p--)
            {
                foreach (var words in positions[k])
                {
                    if (IsPlaceWord(words))
                    {
                        if (owner[p] < 0 || !IsPlace(mentions[owner[p]]))
                            continue;
                        found = true;
                        p = Math.Max(limit, FirstTokenOf(owner, p));
                        break;
                    }
                    int start = p - words.Length + 1;
                    if (start >= limit && Follows(text, tokens, start, from + 1, words) && tokens[start].Span(text).Equals(words[0], StringComparison.OrdinalIgnoreCase))
                    {
                        found = true;
                        p = start;
                        break;
                    }
                }
            }
            if (!found)
                return false;
        }
        return true;
    }
}

using System.Collections.Frozen;
using Sitrep.Lexicons;

namespace Sitrep.Events;

/// <summary>One way a verb can be coded: its words as written (one form), the PLOVER type (null for none) and mode.</summary>
internal sealed record VerbSense(string Lemma, string[] Words, string? Type, string? Mode, bool Ambiguous, bool Nominal);

/// <summary>A CAMEO phrase pattern of a verb: word positions (each a set of alternatives, each alternative its words) after and before it; <paramref name="Status"/> the status the phrase itself gives its event (tag status=: "claimed responsibility" is a claimed attribution, "denied involvement" a denied one).</summary>
internal sealed record VerbPattern(string[][][] After, string[][][] Before, string? Type, string? Mode, EventStatus? Status = null)
{
    public int Size => After.Length + Before.Length;

    /// <summary><see cref="After"/>'s positions indexed by their alternatives' first words (<see cref="PatternPosition"/>).</summary>
    public PatternPosition[] AfterPositions { get; } = [.. After.Select(alternatives => new PatternPosition(alternatives))];

    /// <summary>
    /// False when <see cref="After"/> cannot match in a window whose words' <see cref="PatternPosition.Bit"/>s
    /// are <paramref name="words"/> (<paramref name="place"/>: a place's name stands there): some position
    /// has no alternative whose first word, or no place, is in the window. True says only that it may.
    /// </summary>
    public bool MayMatchAfter(ulong words, bool place)
    {
        foreach (var position in AfterPositions)
        {
            if ((position.FirstWords & words) == 0 && !(place && position.HasPlaces))
                return false;
        }
        return true;
    }
}

/// <summary>
/// A pattern position's alternatives indexed by their first word, so that the matcher compares a token
/// with the few alternatives that can start with it instead of every one of a long list (the places a
/// capture pattern names are 50 words, tried at every word of the gap for every pattern of the verb).
/// The candidates keep the list's order, place alternatives (<c>@place</c>) among them, so the first
/// alternative that matches is the same one as when the whole list is read.
/// </summary>
internal sealed class PatternPosition
{
    /// <summary>Lists this short are read whole: comparing a few lengths is cheaper than hashing the word.</summary>
    private const int ReadWhole = 6;

    private readonly int[] _all;
    private readonly int[] _places;
    private readonly FrozenDictionary<string, int[]>.AlternateLookup<ReadOnlySpan<char>> _byFirstWord;
    private readonly bool _indexed;

    public PatternPosition(string[][] alternatives)
    {
        _all = [.. Enumerable.Range(0, alternatives.Length)];
        _places = [.. _all.Where(a => EventFinder.IsPlaceWord(alternatives[a]))];
        foreach (int a in _all)
        {
            if (!EventFinder.IsPlaceWord(alternatives[a]))
                FirstWords |= Bit(alternatives[a][0]);
        }
        _indexed = alternatives.Length > ReadWhole;
        // Case-insensitive as the matcher compares: a token equals a first word exactly when it finds its group.
        var groups = new Dictionary<string, List<int>>(StringComparer.OrdinalIgnoreCase);
        foreach (int a in _all)
        {
            if (EventFinder.IsPlaceWord(alternatives[a]))
                continue;
            if (!groups.TryGetValue(alternatives[a][0], out var list))
                groups[alternatives[a][0]] = list = [];
            list.Add(a);
        }
        _byFirstWord = groups.ToFrozenDictionary(g => g.Key, g => g.Value.Concat(_places).Order().ToArray(), StringComparer.OrdinalIgnoreCase)
            .GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>The <see cref="Bit"/>s of the alternatives' first words (places aside).</summary>
    public ulong FirstWords { get; }

    /// <summary>An alternative is a place's name (<c>@place</c>).</summary>
    public bool HasPlaces => _places.Length > 0;

    /// <summary>
    /// One of 64 bits for a word, the same for words equal ignoring case (as the matcher compares them): a
    /// window's words as bits tell cheaply that a position's alternatives cannot all be absent from it.
    /// </summary>
    public static ulong Bit(ReadOnlySpan<char> word) => 1UL << (string.GetHashCode(word, StringComparison.OrdinalIgnoreCase) & 63);

    /// <summary>The alternatives, in the list's order, that can match where <paramref name="word"/> stands: those whose first word it is, and the places.</summary>
    public ReadOnlySpan<int> Candidates(ReadOnlySpan<char> word) =>
        !_indexed ? _all : _byFirstWord.TryGetValue(word, out var candidates) ? candidates : _places;
}

/// <summary>A noun that names an event of the type when one of <paramref name="Arguments"/> follows it ("deployment" + "of").</summary>
internal sealed record NounEvent(string[] Words, string Type, string? Mode, string[] Arguments);

/// <summary>A cue of an event's status ("plans to", "if", "allegedly") and where it must stand: within a few words before the cue, anywhere before it (<paramref name="Clause"/>) or anywhere in its clause before it (<paramref name="Far"/>: "accusations of"). <paramref name="Commitment"/>: the cue is itself a commitment ("pledged to", "decided to"; tag commit), which PLOVER codes AGREE when what is committed to is cooperation. <paramref name="Act"/>: the cue's verb is an event of its own besides the status it gives ("refused to", "declined to": REJECT; tag act).</summary>
internal sealed record StatusCue(string[] Words, EventStatus Status, bool Clause, bool Far = false, bool Commitment = false, bool Act = false, bool Content = false);

/// <summary>
/// What the lexicon holds under one word (any case): its verb senses, its event nouns and the status cues
/// that end in it, each null when none; <see cref="None"/> for a word it does not hold. One look-up gives
/// all three (the finder asked each table in turn of every word, and asked again of the words around each cue).
/// </summary>
internal sealed class WordEntry(VerbSense[]? senses, NounEvent[]? nouns, StatusCue[]? status)
{
    public static readonly WordEntry None = new(null, null, null);

    public VerbSense[]? Senses { get; } = senses;

    public NounEvent[]? Nouns { get; } = nouns;

    public StatusCue[]? Status { get; } = status;

    /// <summary>The finder's word sets that hold the word, as bits (<c>EventFinder.WordSet</c>); 0 in the lexicon's own entries.</summary>
    public uint Sets { get; init; }
}

/// <summary>
/// The event lexicons: <c>event-verbs.tsv</c> (made by <c>sitrep train events</c> from the CAMEO verb
/// dictionary and the PLOVER mapping), <c>event-status.tsv</c> (cues of factuality, by hand) and
/// <c>event-light-verbs.tsv</c> (verbs that are events only through their patterns, by hand) and
/// <c>event-hazards.tsv</c> (disasters and accidents, which harm without an actor, by hand), and two
/// hand-written additions: <c>event-patterns.tsv</c> and <c>event-conflict-patterns.tsv</c> (patterns CAMEO lacks, read like its own) and
/// <c>event-nouns.tsv</c> (nouns that name an event with their argument: "the deployment of").
/// Diplomacy, aid and legal action have lists of their own, read like those two:
/// <c>event-diplomacy-patterns.tsv</c> (hand patterns that extend CAMEO's own codes to near synonyms:
/// "faces charges", "offered a reward") and <c>event-diplomacy-nouns.tsv</c> ("talks with", "the trial of").
/// </summary>
internal sealed class EventLexicon
{
    /// <summary>The shipped lists, in the order of the constructor's parameters (and of <see cref="Hash"/>).</summary>
    private static readonly string[] ShippedNames = ["event-verbs", "event-status", "event-light-verbs", "event-hazards", "event-patterns", "event-nouns", "event-diplomacy-patterns", "event-diplomacy-nouns", "event-conflict-patterns", "event-attribution-patterns", "event-attribution-nouns", "event-incident-patterns", "event-incident-nouns"];

    private static readonly Lazy<EventLexicon> LazyDefault = new(() => new EventLexicon(Lexicon.Get("event-verbs"), Lexicon.Get("event-status"), Lexicon.Get("event-light-verbs"), Lexicon.Get("event-hazards"), Lexicon.Get("event-patterns"), Lexicon.Get("event-nouns"), Lexicon.Get("event-diplomacy-patterns"), Lexicon.Get("event-diplomacy-nouns"), Lexicon.Get("event-conflict-patterns"), Lexicon.Get("event-attribution-patterns"), Lexicon.Get("event-attribution-nouns"), Lexicon.Get("event-incident-patterns"), Lexicon.Get("event-incident-nouns")));

    public static EventLexicon Default => LazyDefault.Value;

    /// <summary>The <see cref="Hash"/> of <see cref="Default"/> from the lists' bytes: the stage version, read by commands that never find events.</summary>
    public static string DefaultHash => string.Concat(Lexicon.Hashes(ShippedNames));

    /// <summary>Senses by the first word of the form, case-insensitive.</summary>
    public FrozenDictionary<string, VerbSense[]> Senses { get; }

    public FrozenDictionary<string, VerbSense[]>.AlternateLookup<ReadOnlySpan<char>> SenseLookup { get; }

    public FrozenDictionary<string, VerbPattern[]> Patterns { get; }

    /// <summary>Status cues by their last word.</summary>
    public FrozenDictionary<string, StatusCue[]> Status { get; }

    public FrozenDictionary<string, StatusCue[]>.AlternateLookup<ReadOnlySpan<char>> StatusLookup { get; }

    public string Hash { get; }

    /// <summary>Natural hazards, accidents and diseases (<c>event-hazards.tsv</c>): what harms without an actor.</summary>
    public Lexicon Hazards { get; }

    /// <summary>Nouns that name an event when their argument follows ("deployment of", "sanctions on"), by their first word.</summary>
    public FrozenDictionary<string, NounEvent[]> Nouns { get; }

    public FrozenDictionary<string, NounEvent[]>.AlternateLookup<ReadOnlySpan<char>> NounLookup { get; }

    private EventLexicon(Lexicon verbs, Lexicon status, Lexicon light, Lexicon hazards, Lexicon extraPatterns, Lexicon nounEvents, Lexicon diplomacyPatterns, Lexicon diplomacyNouns, Lexicon conflictPatterns, Lexicon attributionPatterns, Lexicon attributionNouns, Lexicon incidentPatterns, Lexicon incidentNouns)
    {
        Hash = verbs.Hash + status.Hash + light.Hash + hazards.Hash + extraPatterns.Hash + nounEvents.Hash + diplomacyPatterns.Hash + diplomacyNouns.Hash + conflictPatterns.Hash + attributionPatterns.Hash + attributionNouns.Hash + incidentPatterns.Hash + incidentNouns.Hash;
        Hazards = hazards;
        // The conflict patterns (event-conflict-patterns.tsv: armed conflict and protest phrasing) and the diplomacy
        // lists are read as parts of the hand lists they extend (after them: an earlier row wins at equal size); each is
        // a separate list so that it keeps its own source note.
        // The attribution lists (claims and denials of responsibility, accusations) and the incident list are read the same way.
        var handPatterns = extraPatterns.Entries.Concat(conflictPatterns.Entries).Concat(diplomacyPatterns.Entries).Concat(attributionPatterns.Entries).Concat(incidentPatterns.Entries).ToArray();
        Nouns = nounEvents.Entries.Concat(diplomacyNouns.Entries).Concat(attributionNouns.Entries).Concat(incidentNouns.Entries)
            .Select(e => new NounEvent(e.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries), e.Tags[0], e.Tags.FirstOrDefault(t => t.StartsWith("mode=", StringComparison.Ordinal))?[5..], (e.Columns.Count > 0 ? e.Columns[0] : "").Split('|', StringSplitOptions.RemoveEmptyEntries)))
            .GroupBy(n => n.Words[0], StringComparer.OrdinalIgnoreCase)
            .ToFrozenDictionary(g => g.Key, g => g.OrderByDescending(n => n.Words.Length).ToArray(), StringComparer.OrdinalIgnoreCase);
        NounLookup = Nouns.GetAlternateLookup<ReadOnlySpan<char>>();
        var senses = new Dictionary<string, List<VerbSense>>(StringComparer.OrdinalIgnoreCase);
        var patterns = new Dictionary<string, List<VerbPattern>>(StringComparer.OrdinalIgnoreCase);
        // The hand-written patterns come first, so that at equal size they win over CAMEO's own: they are
        // written where CAMEO's code is wrong in PLOVER ("expel diplomats" is SANCTION expel, CAMEO 174 COERCE deport).
        // A hand verb row with a type comes before CAMEO's rows too, so that it recodes a verb CAMEO files under the
        // wrong code ("sue", filed under 173 arrest, is CAMEO's own 115 lawsuit: ACCUSE); a hand none row stays after
        // them (it silences the verb wherever it stands, and CAMEO's row keeps its nominal forms first).
        static bool Typed(Sitrep.Lexicons.LexiconEntry e) => e.Tags.Count > 0 && e.Tags[0] != "none";
        foreach (var e in handPatterns.Where(e => e.Tags.Contains("pattern"))
            .Concat(handPatterns.Where(e => !e.Tags.Contains("pattern") && Typed(e)))
            .Concat(verbs.Entries)
            .Concat(handPatterns.Where(e => !e.Tags.Contains("pattern") && !Typed(e))))
        {
            var type = e.Tags.Count > 0 && e.Tags[0] != "none" ? e.Tags[0] : null;
            var mode = e.Tags.FirstOrDefault(t => t.StartsWith("mode=", StringComparison.Ordinal))?[5..];
            if (e.Tags.Contains("pattern"))
            {
                var after = Positions(e.Columns.Count > 0 ? e.Columns[0] : "");
                var before = Positions(e.Columns.Count > 1 ? e.Columns[1] : "");
                if (after.Length + before.Length == 0)
                    continue;
                if (!patterns.TryGetValue(e.Text, out var list))
                    patterns[e.Text] = list = [];
                var patternStatus = e.Tags.FirstOrDefault(t => t.StartsWith("status=", StringComparison.Ordinal)) is { } st ? Enum.Parse<EventStatus>(st[7..], ignoreCase: true) : (EventStatus?)null;
                list.Add(new VerbPattern(after, before, type, mode, patternStatus));
                continue;
            }
            // A light verb ("take", "leave", "lead") says nothing by itself: only its patterns code it.
            bool ambiguous = e.Tags.Contains("ambiguous") || light.Contains(e.Text);
            var nouns = (e.Columns.Count > 1 ? e.Columns[1] : "").Split('|', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
            foreach (var form in (e.Columns.Count > 0 ? e.Columns[0] : e.Text).Split('|', StringSplitOptions.RemoveEmptyEntries))
            {
                var words = form.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (!senses.TryGetValue(words[0], out var list))
                    senses[words[0]] = list = [];
                list.Add(new VerbSense(e.Text, words, type, mode, ambiguous, nouns.Contains(form)));
            }
        }
        // Longer forms first, so "shoot down" is tried before "shoot".
        Senses = senses.ToFrozenDictionary(kv => kv.Key, kv => kv.Value.OrderByDescending(s => s.Words.Length).ToArray(), StringComparer.OrdinalIgnoreCase);
        SenseLookup = Senses.GetAlternateLookup<ReadOnlySpan<char>>();
        // Patterns with more words first: the most specific match decides.
        Patterns = patterns.ToFrozenDictionary(kv => kv.Key, kv => kv.Value.OrderByDescending(p => p.Size).ToArray(), StringComparer.OrdinalIgnoreCase);
        var cues = new Dictionary<string, List<StatusCue>>(StringComparer.OrdinalIgnoreCase);
        foreach (var e in status.Entries)
        {
            var words = e.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var s = Enum.Parse<EventStatus>(e.Tags[0], ignoreCase: true);
            if (!cues.TryGetValue(words[^1], out var list))
                cues[words[^1]] = list = [];
            list.Add(new StatusCue(words, s, e.Tags.Contains("clause"), e.Tags.Contains("far"), e.Tags.Contains("commit"), e.Tags.Contains("act"), e.Tags.Contains("content")));
        }
        Status = cues.ToFrozenDictionary(kv => kv.Key, kv => kv.Value.OrderByDescending(c => c.Words.Length).ToArray(), StringComparer.OrdinalIgnoreCase);
        StatusLookup = Status.GetAlternateLookup<ReadOnlySpan<char>>();
        var entries = new Dictionary<string, WordEntry>(StringComparer.OrdinalIgnoreCase);
        foreach (var key in Senses.Keys.Concat(Nouns.Keys).Concat(Status.Keys))
        {
            if (!entries.ContainsKey(key))
                entries[key] = new WordEntry(SenseLookup.TryGetValue(key, out var s) ? s : null, NounLookup.TryGetValue(key, out var n) ? n : null, StatusLookup.TryGetValue(key, out var c) ? c : null);
        }
        Words = entries.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
        WordLookup = Words.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>The senses, nouns and status cues of every word that has any, case-insensitive.</summary>
    public FrozenDictionary<string, WordEntry> Words { get; }

    public FrozenDictionary<string, WordEntry>.AlternateLookup<ReadOnlySpan<char>> WordLookup { get; }

    /// <summary>The entry of a word, <see cref="WordEntry.None"/> when the lexicon does not hold it.</summary>
    public WordEntry Of(ReadOnlySpan<char> word) => WordLookup.TryGetValue(word, out var entry) ? entry : WordEntry.None;

    private static string[][][] Positions(string column) =>
        [.. column.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(p => p.Split('|').Select(a => a.Split('_')).ToArray())];
}

using System.Globalization;
using System.Text;
using System.Text.Json;
using Sitrep.Documents;
using Sitrep.Entities;
using Sitrep.Entities.Resolution;
using Sitrep.Ingest;
using Sitrep.Quotes;

namespace Sitrep.Stories;

/// <summary>Exact characters of one article: [<see cref="Start"/>, <see cref="End"/>) of the cleaned text of <see cref="Document"/>.</summary>
public sealed record FramingSpan(string Document, int Start, int End);

/// <summary>A word or name with how often it was written.</summary>
public sealed record FramingCount(string Text, int Count);

/// <summary>
/// What one outlet calls one of the story's recurring actors (an entity two outlets or more name in
/// their own words): the names it uses and the lowercase words it writes beside them, best first.
/// <see cref="Rank"/> orders the actors of the story (1: named by the most outlets, then articles).
/// </summary>
public sealed record FramedActor(int Rank, long Entity, string Name, int Outlets, int Documents, IReadOnlyList<FramingCount> Names, IReadOnlyList<FramingCount> Words, FramingSpan Evidence);

/// <summary>A word an outlet writes beside the story's actors far more than the other outlets (log-odds z-score, informative Dirichlet prior).</summary>
public sealed record FramedTerm(string Text, int Count, double Score, FramingSpan Evidence);

/// <summary>How many quotes an outlet gives to speakers of one sector or one country (<see cref="Dimension"/> "sector" or "country"; <see cref="Value"/> "unknown" when not known).</summary>
public sealed record FramedVoice(string Dimension, string Value, int Quotes, FramingSpan Evidence);

/// <summary>
/// How one outlet frames one story: its articles by genre (its share of opinion against news), what it
/// calls the recurring actors, its distinctive words beside actors, and whose voices it quotes.
/// </summary>
public sealed record OutletFramingRow(
    string Outlet,
    int Articles,
    int News,
    int Opinion,
    int Analysis,
    int Unknown,
    IReadOnlyList<FramedActor> Actors,
    IReadOnlyList<FramedTerm> Terms,
    IReadOnlyList<FramedVoice> Voices)
{
    /// <summary>Opinion articles against opinion and news articles together; null when the outlet has neither.</summary>
    public double? OpinionShare => News + Opinion == 0 ? null : Math.Round((double)Opinion / (News + Opinion), 3);
}

/// <summary>
/// What one article gives its story's framing, in the article's own words (a name or word inside a
/// direct or partial quote is the speaker's, not the outlet's, and is not counted): its outlet, day and
/// genre; per resolved actor the names and the words beside them; every word beside a typed name; and
/// per quote the speaker (stored entity id and the article's own sector and country for it).
/// Kept per document so a story's framing is summed again without reading its articles.
/// </summary>
public sealed record FramingTally(
    string Document,
    string Outlet,
    string? Published,
    string? Genre,
    IReadOnlyList<FramingTally.Actor> Actors,
    IReadOnlyList<FramingTally.Word> Words,
    IReadOnlyList<FramingTally.Voice> Voices)
{
    /// <summary>One resolved actor of the article: its stored id and type, its names and the words beside them, and its first mention.</summary>
    public sealed record Actor(long Entity, string Type, IReadOnlyDictionary<string, int> Names, IReadOnlyDictionary<string, int> Words, int Start, int End);

    /// <summary>A word written beside a name of the article: how often, and its first place.</summary>
    public sealed record Word(string Text, int Count, int Start, int End);

    /// <summary>A quote with a speaker: the stored entity (null when not resolved), the article's sector and country for it, and the quote's words.</summary>
    public sealed record Voice(long? Entity, string? Sector, string? Country, int Start, int End);
}

/// <summary>Limits of what is kept of a story's framing.</summary>
public sealed record FramingOptions(int Actors = 10, int NamesPerActor = 3, int WordsPerActor = 4, int TermsPerOutlet = 8)
{
    public static FramingOptions Default { get; } = new();
}

/// <summary>
/// Framing per outlet, learned from the story's own articles with no list of loaded words: the lowercase
/// words written beside the names of actors ("the Assad regime", "Iran-backed militias"), less the
/// story's closed class (function words and the words most of its articles use anyway), and per outlet
/// the ones it uses far more than the other outlets (the log-odds ratio with an informative Dirichlet
/// prior of Monroe, Colaresi and Quinn, "Fightin' Words", 2008, as a z-score).
/// </summary>
public static class StoryFraming
{
    /// <summary>The outlet a document without one is counted under.</summary>
    public const string UnknownOutlet = "(outlet not known)";

    /// <summary>The least z-score a distinctive word needs (95 % two-sided).</summary>
    private const double MinScore = 1.96;

    private static readonly string[] Types = ["PERSON", "ORG", "GPE", "MISC"];

    /// <summary>What <paramref name="document"/> gives its story's framing (see <see cref="FramingTally"/>).</summary>
    public static FramingTally Tally(Document document, IDocumentStore store) => Tally(document, store, null);

    /// <summary>
    /// The words beside each name of <paramref name="document"/> that a tally may count, and the name as a tally writes
    /// it (<see cref="Line"/>), by the name's place: what needs no store, worked out ahead on the analysing threads
    /// (<see cref="FramingStage.Prepare"/>). Both depend on the text and the place alone, so a tally made with them is
    /// the same as one made without.
    /// </summary>
    internal static Dictionary<(int Start, int End), PreparedName> PrepareNames(Document document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var text = document.Text;
        var names = new Dictionary<(int Start, int End), PreparedName>();
        foreach (var m in document.Mentions())
        {
            if (m.Demonym || !Types.Contains(m.Type) || names.ContainsKey((m.Start, m.End)))
                continue;
            names[(m.Start, m.End)] = new PreparedName(FramingWords.BesideSpans(text, m.Start, m.End), Line(m.Text(text)));
        }
        return names;
    }

    /// <summary>What <see cref="PrepareNames"/> keeps of one name: the words beside it (any inside a quote are left out later) and the name as written.</summary>
    internal sealed record PreparedName(List<(string Word, int Start, int End)> Beside, string Line);

    /// <summary>The same, with the names' words worked out ahead (<see cref="PrepareNames"/>) where given; a name not among them is worked out here.</summary>
    internal static FramingTally Tally(Document document, IDocumentStore store, Dictionary<(int Start, int End), PreparedName>? prepared)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(store);
        var text = document.Text;
        var own = document.Entities();
        var resolved = MentionsTable.EntitiesOf(document, store.Feature<IEntityDirectory>());
        var layer = document.Layers.Get(QuotesFeature.Quotes);
        // The words in quotation marks: the speaker's words, not the outlet's (the attribution between two parts is the outlet's).
        var quoted = layer is null
            ? []
            : layer.Quotes.Where(q => q.Kind is QuoteKind.Direct or QuoteKind.Partial).SelectMany(q => q.Pieces).Select(r => (r.Start, r.End)).OrderBy(r => r.Start).ToArray();
        var actors = new Dictionary<long, (string Type, Dictionary<string, int> Names, Dictionary<string, int> Words, int Start, int End)>();
        var words = new Dictionary<string, (int Count, int Start, int End)>(StringComparer.Ordinal);
        foreach (var m in document.Mentions())
        {
            if (m.Demonym || !Types.Contains(m.Type) || Inside(quoted, m.Start))
                continue;
            var name = prepared is not null && prepared.TryGetValue((m.Start, m.End), out var ahead) ? ahead : null;
            var beside = (name?.Beside ?? FramingWords.BesideSpans(text, m.Start, m.End)).Where(w => !Inside(quoted, w.Start)).ToList();
            foreach (var (word, s, e) in beside)
                words[word] = words.TryGetValue(word, out var w) ? (w.Count + 1, w.Start, w.End) : (1, s, e);
            if (m.Entity < 0 || m.Entity >= resolved.Length || resolved[m.Entity] is not { } stored || !Types.Contains(stored.Type))
                continue;
            if (!actors.TryGetValue(stored.Id, out var actor))
                actors[stored.Id] = actor = (stored.Type, new Dictionary<string, int>(StringComparer.Ordinal), new Dictionary<string, int>(StringComparer.Ordinal), m.Start, m.End);
            Bump(actor.Names, name?.Line ?? Line(m.Text(text)));
            foreach (var (word, _, _) in beside)
                Bump(actor.Words, word);
        }
        var voices = new List<FramingTally.Voice>();
        if (layer is not null)
        {
            foreach (var q in layer.Quotes)
            {
                // A voice is someone whose words the outlet quotes: a thought or belief ("X believes"), an
                // evidential ("X seems to", "it appears that") or a deed is kept among the quotes but gives no voice.
                if (q.Speaker is not { } speaker || !q.IsSpeech)
                    continue;
                int local = speaker.Entity;
                var entity = local >= 0 && local < own.Count ? own[local] : null;
                var stored = local >= 0 && local < resolved.Length ? resolved[local] : null;
                voices.Add(new FramingTally.Voice(stored?.Id, entity?.Sector, entity?.Nationality, q.Start, q.End));
            }
        }
        return new FramingTally(
            document.Id,
            document.Metadata.Outlet ?? UnknownOutlet,
            document.Metadata.Published,
            document.Metadata.Genre?.ToString().ToLowerInvariant(),
            [.. actors.OrderBy(a => a.Key).Select(a => new FramingTally.Actor(a.Key, a.Value.Type, a.Value.Names, a.Value.Words, a.Value.Start, a.Value.End))],
            [.. words.OrderBy(w => w.Key, StringComparer.Ordinal).Select(w => new FramingTally.Word(w.Key, w.Value.Count, w.Value.Start, w.Value.End))],
            voices);
    }

    private static bool Inside((int Start, int End)[] ranges, int position)
    {
        foreach (var (start, end) in ranges)
        {
            if (start > position)
                return false;
            if (position < end)
                return true;
        }
        return false;
    }

    private static void Bump(Dictionary<string, int> counts, string key) => counts[key] = counts.GetValueOrDefault(key) + 1;

    internal static string Line(string words) => string.Join(' ', words.Split((char[])[' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries));

    /// <summary>
    /// The story's closed class, from each article's terms as story grouping counts them (lowercase, function
    /// words left out, common endings cut): a word is closed when it is a function word, or its term is in at
    /// least half of the articles (in every one of fewer than four, and never with one article).
    /// </summary>
    public static Func<string, bool> ClosedClass(IReadOnlyList<IReadOnlyCollection<string>> articleTerms)
    {
        ArgumentNullException.ThrowIfNull(articleTerms);
        var df = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var terms in articleTerms)
        {
            foreach (var t in terms)
                df[t] = df.GetValueOrDefault(t) + 1;
        }
        return ClosedClass(df, articleTerms.Count);
    }

    /// <summary>
    /// The closed class from how many of the story's <paramref name="articles"/> articles have each term
    /// (<paramref name="df"/>, ordinal keys; kept by the function returned), as <see cref="IStoryIndex.CountTerms"/> counts them.
    /// </summary>
    public static Func<string, bool> ClosedClass(Dictionary<string, int> df, int articles)
    {
        ArgumentNullException.ThrowIfNull(df);
        int least = articles >= 4 ? (articles + 1) / 2 : Math.Max(articles, 2);
        var lookup = df.GetAlternateLookup<ReadOnlySpan<char>>();
        return word =>
        {
            // "iran-backed": closed when each of its parts is.
            var span = word.AsSpan();
            foreach (var range in span.Split('-'))
            {
                var part = span[range];
                if (part.IsEmpty || StoryTerms.IsStopword(part))
                    continue;
                // Framing words are letters and hyphens only (FramingWords), so a part is one term as grouping counts it.
                if ((lookup.TryGetValue(StoryTerms.Stem(part), out int n) ? n : 0) < least)
                    return false;
            }
            return true;
        };
    }

    /// <summary>
    /// Every term <see cref="ClosedClass(Dictionary{string, int}, int)"/> may look up for the words of <paramref name="tallies"/>
    /// (the words beside names and beside actors: all that <see cref="Compute"/> asks it about), each at 0: what
    /// <see cref="IStoryIndex.CountListedTerms"/> then counts, instead of every term of the story.
    /// </summary>
    public static Dictionary<string, int> ClosedClassTerms(IEnumerable<FramingTally> tallies)
    {
        ArgumentNullException.ThrowIfNull(tallies);
        var terms = new Dictionary<string, int>(StringComparer.Ordinal);
        var lookup = terms.GetAlternateLookup<ReadOnlySpan<char>>();
        foreach (var t in tallies)
        {
            foreach (var w in t.Words)
                Add(w.Text);
            foreach (var a in t.Actors)
            {
                foreach (var (word, _) in a.Words)
                    Add(word);
            }
        }
        return terms;

        // As the closed class splits and stems a word.
        void Add(string word)
        {
            var span = word.AsSpan();
            foreach (var range in span.Split('-'))
            {
                var part = span[range];
                if (!part.IsEmpty && !StoryTerms.IsStopword(part))
                    lookup.TryAdd(StoryTerms.Stem(part), 0);
            }
        }
    }

    /// <summary>An article's terms as story grouping counts them, for <see cref="ClosedClass"/> where the store keeps none.</summary>
    public static IReadOnlyCollection<string> Terms(Document document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var counts = new Dictionary<string, double>(StringComparer.Ordinal);
        StoryTerms.Count(document.Metadata.Title, 1, counts);
        StoryTerms.Count(document.Text, 1, counts);
        return counts.Keys;
    }

    /// <summary>
    /// The framing of a story, per outlet (by name), from its articles' tallies: <paramref name="closed"/>
    /// is its closed class, <paramref name="directory"/> (when the store resolves entities) names the actors
    /// and gives a speaker's sector and country as most of the entity's articles give them.
    /// </summary>
    public static IReadOnlyList<OutletFramingRow> Compute(IReadOnlyList<FramingTally> tallies, Func<string, bool> closed, IEntityDirectory? directory, FramingOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(tallies);
        ArgumentNullException.ThrowIfNull(closed);
        options ??= FramingOptions.Default;
        // Publication order, then id: "first" is the earliest place.
        var ordered = tallies.OrderBy(t => t.Published ?? "9999", StringComparer.Ordinal).ThenBy(t => t.Document, StringComparer.Ordinal).ToList();
        var outlets = ordered.Select(t => t.Outlet).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var actors = Actors(ordered, closed, directory, options);
        var terms = Distinctive(ordered, closed, options.TermsPerOutlet);
        var voices = Voices(ordered, directory);
        return [.. outlets.Select(o =>
        {
            var own = ordered.Where(t => t.Outlet == o).ToList();
            return new OutletFramingRow(
                o,
                own.Count,
                own.Count(t => t.Genre == "news"),
                own.Count(t => t.Genre == "opinion"),
                own.Count(t => t.Genre == "analysis"),
                own.Count(t => t.Genre is null),
                actors.GetValueOrDefault(o) ?? [],
                terms.GetValueOrDefault(o) ?? [],
                voices.GetValueOrDefault(o) ?? []);
        })];
    }

    private static long Canonical(IEntityDirectory? directory, long id, Dictionary<long, StoredEntity?> cache)
    {
        if (directory is null)
            return id;
        return Stored(directory, id, cache)?.Id ?? id;
    }

    private static StoredEntity? Stored(IEntityDirectory directory, long id, Dictionary<long, StoredEntity?> cache)
    {
        if (!cache.TryGetValue(id, out var stored))
        {
            try
            {
                stored = directory.Get(id);
            }
            catch (KeyNotFoundException)
            {
                stored = null;
            }
            cache[id] = stored;
        }
        return stored;
    }

    /// <summary>The actors two outlets or more name in their own words (at most <see cref="FramingOptions.Actors"/>), and what each outlet calls them.</summary>
    private static Dictionary<string, List<FramedActor>> Actors(List<FramingTally> tallies, Func<string, bool> closed, IEntityDirectory? directory, FramingOptions options)
    {
        var result = new Dictionary<string, List<FramedActor>>(StringComparer.Ordinal);
        // An actor recurs when two outlets name it: a story of one outlet has none (most stories; no entity is looked up).
        if (tallies.Select(t => t.Outlet).Distinct(StringComparer.Ordinal).Take(2).Count() < 2)
            return result;
        var cache = new Dictionary<long, StoredEntity?>();
        var tally = new Dictionary<long, (HashSet<string> Outlets, int Documents, string Name)>();
        var names = new Dictionary<(long, string), Dictionary<string, int>>();
        var words = new Dictionary<(long, string), Dictionary<string, int>>();
        var first = new Dictionary<(long, string), FramingSpan>();
        foreach (var t in tallies)
        {
            foreach (var a in t.Actors)
            {
                long id = Canonical(directory, a.Entity, cache);
                if (!tally.TryGetValue(id, out var entry))
                {
                    var name = directory is not null && Stored(directory, id, cache) is { } s ? s.Name : a.Names.OrderByDescending(n => n.Value).ThenBy(n => n.Key, StringComparer.Ordinal).First().Key;
                    entry = (new HashSet<string>(StringComparer.Ordinal), 0, name);
                }
                entry.Outlets.Add(t.Outlet);
                tally[id] = (entry.Outlets, entry.Documents + 1, entry.Name);
                var key = (id, t.Outlet);
                first.TryAdd(key, new FramingSpan(t.Document, a.Start, a.End));
                Add(names, key, a.Names, _ => true);
                Add(words, key, a.Words, w => !closed(w));
            }
        }
        var recurring = tally.Where(e => e.Value.Outlets.Count >= 2)
            .OrderByDescending(e => e.Value.Outlets.Count).ThenByDescending(e => e.Value.Documents).ThenBy(e => e.Value.Name, StringComparer.Ordinal).ThenBy(e => e.Key)
            .Take(options.Actors).ToList();
        for (int rank = 0; rank < recurring.Count; rank++)
        {
            var (id, (outlets, documents, name)) = (recurring[rank].Key, recurring[rank].Value);
            foreach (var outlet in outlets.Order(StringComparer.Ordinal))
            {
                var key = (id, outlet);
                if (!result.TryGetValue(outlet, out var list))
                    result[outlet] = list = [];
                list.Add(new FramedActor(rank + 1, id, name, outlets.Count, documents, Top(names.GetValueOrDefault(key), options.NamesPerActor), Top(words.GetValueOrDefault(key), options.WordsPerActor), first[key]));
            }
        }
        return result;
    }

    private static void Add(Dictionary<(long, string), Dictionary<string, int>> table, (long, string) key, IReadOnlyDictionary<string, int> counts, Func<string, bool> keep)
    {
        if (!table.TryGetValue(key, out var into))
            table[key] = into = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (word, n) in counts)
        {
            if (keep(word))
                into[word] = into.GetValueOrDefault(word) + n;
        }
    }

    private static List<FramingCount> Top(Dictionary<string, int>? counts, int n) =>
        counts is null ? [] : [.. counts.OrderByDescending(c => c.Value).ThenBy(c => c.Key, StringComparer.Ordinal).Take(n).Select(c => new FramingCount(c.Key, c.Value))];

    /// <summary>Per outlet, up to <paramref name="perOutlet"/> words it writes beside names far more than the others (z ≥ 1.96, used twice or more), best first.</summary>
    private static Dictionary<string, List<FramedTerm>> Distinctive(List<FramingTally> tallies, Func<string, bool> closed, int perOutlet)
    {
        var result = new Dictionary<string, List<FramedTerm>>(StringComparer.Ordinal);
        // A word is distinctive of one outlet against others: none with one outlet.
        if (tallies.Select(t => t.Outlet).Distinct(StringComparer.Ordinal).Take(2).Count() < 2)
            return result;
        var counts = new Dictionary<string, Dictionary<string, int>>(StringComparer.Ordinal);
        var first = new Dictionary<(string Outlet, string Word), FramingSpan>();
        var all = new Dictionary<string, int>(StringComparer.Ordinal);
        var isClosed = new Dictionary<string, bool>(StringComparer.Ordinal);
        foreach (var t in tallies)
        {
            if (!counts.TryGetValue(t.Outlet, out var own))
                counts[t.Outlet] = own = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var w in t.Words)
            {
                if (!isClosed.TryGetValue(w.Text, out var c))
                    isClosed[w.Text] = c = closed(w.Text);
                if (c)
                    continue;
                own[w.Text] = own.GetValueOrDefault(w.Text) + w.Count;
                all[w.Text] = all.GetValueOrDefault(w.Text) + w.Count;
                first.TryAdd((t.Outlet, w.Text), new FramingSpan(t.Document, w.Start, w.End));
            }
        }
        if (counts.Count < 2)
            return result;
        double total = all.Values.Sum();
        // The prior: the story's own use of each word, with the weight of a short article.
        const double priorWeight = 500;
        foreach (var (outlet, own) in counts)
        {
            double n = own.Values.Sum();
            double rest = total - n;
            var scored = new List<FramedTerm>();
            foreach (var (word, y) in own)
            {
                if (y < 2)
                    continue;
                double alpha = priorWeight * all[word] / total;
                double other = all[word] - y;
                double delta = Math.Log((y + alpha) / (n + priorWeight - y - alpha)) - Math.Log((other + alpha) / (rest + priorWeight - other - alpha));
                double z = delta / Math.Sqrt((1 / (y + alpha)) + (1 / (other + alpha)));
                if (z >= MinScore)
                    scored.Add(new FramedTerm(word, y, Math.Round(z, 2), first[(outlet, word)]));
            }
            if (scored.Count > 0)
                result[outlet] = [.. scored.OrderByDescending(t => t.Score).ThenBy(t => t.Text, StringComparer.Ordinal).Take(perOutlet)];
        }
        return result;
    }

    /// <summary>Per outlet, its quotes by the speaker's sector and by the speaker's country: what most of the stored entity's articles say, else what this article says.</summary>
    private static Dictionary<string, List<FramedVoice>> Voices(List<FramingTally> tallies, IEntityDirectory? directory)
    {
        var affiliations = new Dictionary<long, (string? Sector, string? Country)>();
        var counts = new Dictionary<(string Outlet, string Dimension, string Value), (int Count, FramingSpan First)>();
        foreach (var t in tallies)
        {
            foreach (var v in t.Voices)
            {
                (string? sector, string? country) = (null, null);
                if (v.Entity is { } id && directory is not null)
                {
                    if (!affiliations.TryGetValue(id, out var a))
                    {
                        try
                        {
                            a = directory.Affiliation(id);
                        }
                        catch (KeyNotFoundException)
                        {
                            a = (null, null);
                        }
                        affiliations[id] = a;
                    }
                    (sector, country) = a;
                }
                var evidence = new FramingSpan(t.Document, v.Start, v.End);
                foreach (var (dimension, value) in new[] { ("sector", sector ?? v.Sector), ("country", country ?? v.Country) })
                {
                    var key = (t.Outlet, dimension, value ?? "unknown");
                    counts[key] = counts.TryGetValue(key, out var c) ? (c.Count + 1, c.First) : (1, evidence);
                }
            }
        }
        return counts.GroupBy(c => c.Key.Outlet, StringComparer.Ordinal).ToDictionary(
            g => g.Key,
            g => g.OrderBy(c => c.Key.Dimension, StringComparer.Ordinal).ThenByDescending(c => c.Value.Count).ThenBy(c => c.Key.Value, StringComparer.Ordinal)
                .Select(c => new FramedVoice(c.Key.Dimension, c.Key.Value, c.Value.Count, c.Value.First)).ToList(),
            StringComparer.Ordinal);
    }
}

/// <summary>How framing is kept in the store: a document's tally and an outlet's lists as compact JSON.</summary>
public static class FramingCodec
{
    public static string WriteTally(FramingTally tally)
    {
        ArgumentNullException.ThrowIfNull(tally);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
            WriteTally(tally, json);
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>
    /// Writes what <see cref="WriteTally(FramingTally)"/> returns to <paramref name="json"/> (a writer with the default options):
    /// the store writes a tally for every article, from a buffer it reuses, without a string of it.
    /// </summary>
    public static void WriteTally(FramingTally tally, Utf8JsonWriter json)
    {
        ArgumentNullException.ThrowIfNull(tally);
        ArgumentNullException.ThrowIfNull(json);
        {
            json.WriteStartObject();
            json.WriteString("outlet", tally.Outlet);
            json.WriteString("published", tally.Published);
            json.WriteString("genre", tally.Genre);
            json.WriteStartArray("actors");
            foreach (var a in tally.Actors)
            {
                json.WriteStartObject();
                json.WriteNumber("entity", a.Entity);
                json.WriteString("type", a.Type);
                WriteCounts(json, "names", a.Names);
                WriteCounts(json, "words", a.Words);
                json.WriteNumber("start", a.Start);
                json.WriteNumber("end", a.End);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            // Words as [text, count, start, end]: the longest list.
            json.WriteStartArray("words");
            foreach (var w in tally.Words)
            {
                json.WriteStartArray();
                json.WriteStringValue(w.Text);
                json.WriteNumberValue(w.Count);
                json.WriteNumberValue(w.Start);
                json.WriteNumberValue(w.End);
                json.WriteEndArray();
            }
            json.WriteEndArray();
            json.WriteStartArray("voices");
            foreach (var v in tally.Voices)
            {
                json.WriteStartObject();
                if (v.Entity is { } e)
                    json.WriteNumber("entity", e);
                if (v.Sector is { } s)
                    json.WriteString("sector", s);
                if (v.Country is { } c)
                    json.WriteString("country", c);
                json.WriteNumber("start", v.Start);
                json.WriteNumber("end", v.End);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
    }

    public static FramingTally ReadTally(string document, string text)
    {
        using var doc = JsonDocument.Parse(text);
        var root = doc.RootElement;
        return new FramingTally(
            document,
            root.GetProperty("outlet").GetString()!,
            root.GetProperty("published").GetString(),
            root.GetProperty("genre").GetString(),
            [.. root.GetProperty("actors").EnumerateArray().Select(a => new FramingTally.Actor(
                a.GetProperty("entity").GetInt64(),
                a.GetProperty("type").GetString()!,
                ReadCounts(a.GetProperty("names")),
                ReadCounts(a.GetProperty("words")),
                a.GetProperty("start").GetInt32(),
                a.GetProperty("end").GetInt32()))],
            [.. root.GetProperty("words").EnumerateArray().Select(w => new FramingTally.Word(w[0].GetString()!, w[1].GetInt32(), w[2].GetInt32(), w[3].GetInt32()))],
            [.. root.GetProperty("voices").EnumerateArray().Select(v => new FramingTally.Voice(
                v.TryGetProperty("entity", out var e) ? e.GetInt64() : null,
                v.TryGetProperty("sector", out var s) ? s.GetString() : null,
                v.TryGetProperty("country", out var c) ? c.GetString() : null,
                v.GetProperty("start").GetInt32(),
                v.GetProperty("end").GetInt32()))]);
    }

    private static void WriteCounts(Utf8JsonWriter json, string name, IReadOnlyDictionary<string, int> counts)
    {
        json.WriteStartObject(name);
        foreach (var (k, v) in counts.OrderBy(c => c.Key, StringComparer.Ordinal))
            json.WriteNumber(k, v);
        json.WriteEndObject();
    }

    private static Dictionary<string, int> ReadCounts(JsonElement element)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var p in element.EnumerateObject())
            counts[p.Name] = p.Value.GetInt32();
        return counts;
    }

    /// <summary>The lists of one outlet's framing row (actors, terms, voices) as the store keeps them and the analysis JSON writes them.</summary>
    public static string WriteActors(IReadOnlyList<FramedActor> actors) => Write(json => WriteActors(json, actors));

    public static string WriteTerms(IReadOnlyList<FramedTerm> terms) => Write(json => WriteTerms(json, terms));

    public static string WriteVoices(IReadOnlyList<FramedVoice> voices) => Write(json => WriteVoices(json, voices));

    private static string Write(Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
            write(json);
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>One outlet's row as an object of the analysis JSON (docs/analysis-json-extensions.md).</summary>
    public static void WriteRow(Utf8JsonWriter json, OutletFramingRow row)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(row);
        json.WriteStartObject();
        json.WriteString("outlet", row.Outlet);
        json.WriteNumber("articles", row.Articles);
        json.WriteStartObject("genres");
        json.WriteNumber("news", row.News);
        json.WriteNumber("opinion", row.Opinion);
        json.WriteNumber("analysis", row.Analysis);
        json.WriteNumber("unknown", row.Unknown);
        json.WriteEndObject();
        if (row.OpinionShare is { } share)
            json.WriteNumber("opinion_share", share);
        else
            json.WriteNull("opinion_share");
        json.WritePropertyName("actors");
        WriteActors(json, row.Actors);
        json.WritePropertyName("terms");
        WriteTerms(json, row.Terms);
        json.WritePropertyName("voices");
        WriteVoices(json, row.Voices);
        json.WriteEndObject();
    }

    private static void WriteSpan(Utf8JsonWriter json, FramingSpan span)
    {
        json.WriteString("document", span.Document);
        json.WriteNumber("start", span.Start);
        json.WriteNumber("end", span.End);
    }

    private static void WriteActors(Utf8JsonWriter json, IReadOnlyList<FramedActor> actors)
    {
        json.WriteStartArray();
        foreach (var a in actors)
        {
            json.WriteStartObject();
            json.WriteNumber("rank", a.Rank);
            json.WriteString("entity", "E" + a.Entity.ToString(CultureInfo.InvariantCulture));
            json.WriteString("name", a.Name);
            json.WriteNumber("outlets", a.Outlets);
            json.WriteNumber("documents", a.Documents);
            WriteList(json, "names", a.Names);
            WriteList(json, "words", a.Words);
            WriteSpan(json, a.Evidence);
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }

    private static void WriteList(Utf8JsonWriter json, string name, IReadOnlyList<FramingCount> counts)
    {
        json.WriteStartArray(name);
        foreach (var c in counts)
        {
            json.WriteStartObject();
            json.WriteString("text", c.Text);
            json.WriteNumber("count", c.Count);
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }

    private static void WriteTerms(Utf8JsonWriter json, IReadOnlyList<FramedTerm> terms)
    {
        json.WriteStartArray();
        foreach (var t in terms)
        {
            json.WriteStartObject();
            json.WriteString("text", t.Text);
            json.WriteNumber("count", t.Count);
            json.WriteNumber("score", t.Score);
            WriteSpan(json, t.Evidence);
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }

    private static void WriteVoices(Utf8JsonWriter json, IReadOnlyList<FramedVoice> voices)
    {
        json.WriteStartArray();
        foreach (var v in voices)
        {
            json.WriteStartObject();
            json.WriteString("dimension", v.Dimension);
            json.WriteString("value", v.Value);
            json.WriteNumber("quotes", v.Quotes);
            WriteSpan(json, v.Evidence);
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }

    private static FramingSpan ReadSpan(JsonElement e) => new(e.GetProperty("document").GetString()!, e.GetProperty("start").GetInt32(), e.GetProperty("end").GetInt32());

    private static List<FramingCount> ReadList(JsonElement e) =>
        [.. e.EnumerateArray().Select(c => new FramingCount(c.GetProperty("text").GetString()!, c.GetProperty("count").GetInt32()))];

    public static IReadOnlyList<FramedActor> ReadActors(string text)
    {
        using var doc = JsonDocument.Parse(text);
        return [.. doc.RootElement.EnumerateArray().Select(a => new FramedActor(
            a.GetProperty("rank").GetInt32(),
            long.Parse(a.GetProperty("entity").GetString()!.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture),
            a.GetProperty("name").GetString()!,
            a.GetProperty("outlets").GetInt32(),
            a.GetProperty("documents").GetInt32(),
            ReadList(a.GetProperty("names")),
            ReadList(a.GetProperty("words")),
            ReadSpan(a)))];
    }

    public static IReadOnlyList<FramedTerm> ReadTerms(string text)
    {
        using var doc = JsonDocument.Parse(text);
        return [.. doc.RootElement.EnumerateArray().Select(t => new FramedTerm(t.GetProperty("text").GetString()!, t.GetProperty("count").GetInt32(), t.GetProperty("score").GetDouble(), ReadSpan(t)))];
    }

    public static IReadOnlyList<FramedVoice> ReadVoices(string text)
    {
        using var doc = JsonDocument.Parse(text);
        return [.. doc.RootElement.EnumerateArray().Select(v => new FramedVoice(v.GetProperty("dimension").GetString()!, v.GetProperty("value").GetString()!, v.GetProperty("quotes").GetInt32(), ReadSpan(v)))];
    }
}

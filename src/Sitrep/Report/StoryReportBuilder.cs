using System.Globalization;
using Sitrep.Documents;
using Sitrep.Entities;
using Sitrep.Entities.Resolution;
using Sitrep.Ingest;
using Sitrep.Quotes;
using Sitrep.Stories;
using Sitrep.Time;

namespace Sitrep.Report;

/// <summary>
/// How much of each section a report shows: the page is read first, so it stays one story on one screen per section.
/// <see cref="Stories"/> and <see cref="ArticlesPerStory"/> bound the whole report, whatever the store holds: a
/// report of every story of a corpus of 37,554 articles would be a page of ~800 MB, built in several GB of memory,
/// that no browser opens. Past <see cref="Stories"/> the stories are listed (title, id, articles, dates), each
/// reported on its own with <c>--story</c>; a story of more than <see cref="ArticlesPerStory"/> articles is read
/// from its newest ones, and the page says how many it left out.
/// </summary>
public sealed record ReportLimits(int Entities = 8, int Speakers = 12, int QuotesPerOutlet = 3, int Sources = 16, int Actors = 10, int TermsPerOutlet = 8,
    int Stories = 50, int ArticlesPerStory = 300)
{
    public static ReportLimits Default { get; } = new();
}

/// <summary>Builds a story's report from what the store keeps of its documents (text, metadata, entities, quotes, times).</summary>
public sealed class StoryReportBuilder(IDocumentStore store, ReportLimits? limits = null)
{
    /// <summary>What the report says while no contradiction is computed.</summary>
    public const string NoContradictions = "No contradiction found between these articles (dates of one death, holders of one office, figures for the same thing, whether force was used).";

    private readonly ReportLimits _limits = limits ?? ReportLimits.Default;

    /// <summary>The reports of every story of <paramref name="stories"/> (or only <paramref name="storyId"/>), largest first; empty when there is none.</summary>
    /// <remarks>Without <paramref name="storyId"/>, only the <see cref="ReportLimits.Stories"/> largest; <see cref="Unreported"/> lists the others.</remarks>
    public IReadOnlyList<StoryReport> Build(IStoryReportSource stories, string? storyId = null)
    {
        ArgumentNullException.ThrowIfNull(stories);
        var ids = storyId is null ? stories.StoryIds().Take(_limits.Stories) : stories.Title(storyId) is null ? [] : [storyId];
        return [.. ids.Select(id => Build(id, stories.Title(id) ?? id, stories.DocumentIds(id)))
            .OrderByDescending(r => r.Summary.Articles + r.ArticlesLeftOut)];
    }

    /// <summary>The stories past the <see cref="ReportLimits.Stories"/> largest that <see cref="Build(IStoryReportSource, string)"/> reports: listed, not reported.</summary>
    public IReadOnlyList<StoryListing> Unreported(IStoryReportSource stories)
    {
        ArgumentNullException.ThrowIfNull(stories);
        return [.. stories.List().Skip(_limits.Stories)];
    }

    /// <summary>The report of one story made of the stored documents named (ids not stored are left out).</summary>
    public StoryReport Build(string id, string title, IReadOnlyList<string> documentIds)
    {
        ArgumentNullException.ThrowIfNull(documentIds);
        var directory = store.Feature<IEntityDirectory>();
        // The newest: a story's ids come by publication day (the whole store's in the order stored).
        int leftOut = Math.Max(0, documentIds.Count - _limits.ArticlesPerStory);
        var docs = new List<Loaded>(documentIds.Count - leftOut);
        foreach (var documentId in documentIds.Skip(leftOut))
        {
            if (store.Load(documentId) is { } d)
                docs.Add(new Loaded(d, d.Metadata.Outlet ?? "(outlet not known)", MentionsTable.EntitiesOf(d, directory), StoredQuotes.Of(d, store)));
        }
        // Oldest first, then by id: "first said" and every list read in publication order.
        docs.Sort((a, b) => string.CompareOrdinal(a.Document.Metadata.Published ?? "9999", b.Document.Metadata.Published ?? "9999") is var c && c != 0 ? c : string.CompareOrdinal(a.Document.Id, b.Document.Id));
        var shares = Shares(docs);
        return new StoryReport(
            id,
            title,
            Summary(docs, shares),
            Timeline(docs, store),
            Statements(docs),
            Citations(docs),
            Framing(id, docs),
            NoContradictions,
            [.. docs.Select(d => new ReportArticle(d.Document.Id, d.Document.Metadata.Title, d.Outlet, d.Document.Metadata.Published, GenreName(d.Document.Metadata.Genre), d.Document.Metadata.Url, d.Document.Text))])
        {
            ArticlesLeftOut = leftOut,
            Contradictions = Contradictions(docs),
        };
    }

    private List<ContradictionItem> Contradictions(List<Loaded> docs)
    {
        var outlets = docs.ToDictionary(d => d.Document.Id, d => d.Outlet, StringComparer.Ordinal);
        return [.. Sitrep.Contradictions.StoryContradictions.Of([.. docs.Select(d => d.Document).TakeLast(Stories.StoryView.StatementDocuments)], store)
            .Select(c => new ContradictionItem(c.KindName, c.About, [.. c.Sides.Select(s => new ContradictionSideItem(outlets.GetValueOrDefault(s.Document, s.Document), s.Text, new Evidence(s.Document, s.Start, s.End)))]))];
    }

    internal sealed record Loaded(Document Document, string Outlet, StoredEntity?[] Resolved, IReadOnlyList<StoredQuote> Quotes);

    private static string? GenreName(Genre? genre) => genre?.ToString().ToLowerInvariant();

    private static List<OutletShare> Shares(List<Loaded> docs) =>
        [.. docs.GroupBy(d => d.Outlet, StringComparer.Ordinal)
            .Select(g => new OutletShare(
                g.Key,
                g.Count(),
                g.Count(d => d.Document.Metadata.Genre == Genre.News),
                g.Count(d => d.Document.Metadata.Genre == Genre.Opinion),
                g.Count(d => d.Document.Metadata.Genre == Genre.Analysis),
                g.Count(d => d.Document.Metadata.Genre is null)))
            .OrderByDescending(s => s.Articles).ThenBy(s => s.Outlet, StringComparer.Ordinal)];

    private ReportSummary Summary(List<Loaded> docs, List<OutletShare> shares)
    {
        var dates = docs.Select(d => d.Document.Metadata.Published).OfType<string>().Select(p => p.Length >= 10 ? p[..10] : p).Order(StringComparer.Ordinal).ToList();
        var entities = EntityTally(docs);
        List<ReportEntity> Top(Func<string, bool> type) =>
            [.. entities.Where(e => type(e.Type)).OrderByDescending(e => e.Documents).ThenByDescending(e => e.Outlets).ThenBy(e => e.Name, StringComparer.Ordinal).Take(_limits.Entities)];
        return new ReportSummary(
            docs.Count,
            dates.FirstOrDefault(),
            dates.LastOrDefault(),
            shares,
            Top(t => t == "PERSON"),
            Top(t => t is "ORG" or "MEDIA"),
            Top(t => t is "GPE" or "LOC" or "FACILITY"));
    }

    /// <summary>Every entity the documents name (resolved across them where the store did), with documents, outlets and first mention.</summary>
    internal static List<ReportEntity> EntityTally(List<Loaded> docs)
    {
        var tally = new Dictionary<string, (string? Id, string Name, string Type, HashSet<string> Docs, HashSet<string> Outlets, Evidence First)>(StringComparer.Ordinal);
        foreach (var d in docs)
        {
            var own = d.Document.Entities();
            foreach (var m in d.Document.Mentions())
            {
                if (m.Demonym || m.Entity < 0 || m.Entity >= own.Count)
                    continue;
                var stored = m.Entity < d.Resolved.Length ? d.Resolved[m.Entity] : null;
                var key = stored is null ? "local:" + d.Document.Id + ":" + m.Entity.ToString(CultureInfo.InvariantCulture) : MentionsTable.EntityId(stored.Id);
                if (!tally.TryGetValue(key, out var entry))
                {
                    entry = (stored is null ? null : key, stored?.Name ?? own[m.Entity].Name, stored?.Type ?? own[m.Entity].Type, new HashSet<string>(StringComparer.Ordinal), new HashSet<string>(StringComparer.Ordinal), new Evidence(d.Document.Id, m.Start, m.End));
                    tally[key] = entry;
                }
                entry.Docs.Add(d.Document.Id);
                entry.Outlets.Add(d.Outlet);
            }
        }
        return [.. tally.Values.Select(e => new ReportEntity(e.Id, e.Name, e.Type, e.Docs.Count, e.Outlets.Count, e.First))];
    }

    private static List<TimelineItem> Timeline(List<Loaded> docs, IDocumentStore store)
    {
        var items = new List<TimelineItem>();
        // The story's events that two or more articles report: one item per article, on the event's day
        // (the day most reports give), linked to the sentence of the article's first report.
        var outlets = docs.ToDictionary(d => d.Document.Id, d => d.Outlet, StringComparer.Ordinal);
        var texts = docs.ToDictionary(d => d.Document.Id, d => d.Document.Text, StringComparer.Ordinal);
        foreach (var e in Stories.StoryEvents.Of([.. docs.TakeLast(Stories.StoryView.StatementDocuments).Select(d => d.Document)], store))
        {
            var day = e.Date ?? e.From;
            var reports = e.Reports.GroupBy(r => r.Document, StringComparer.Ordinal).Select(g => g.First()).ToList();
            if (day is not { Length: 10 } || reports.Count < 2)
                continue;
            foreach (var r in reports)
            {
                var sentence = texts[r.Document][r.Start..r.End];
                items.Add(new TimelineItem(day, outlets[r.Document], e.Type + (e.DatesDisagree ? " (dates disagree)" : "") + ": " + Line(StoredQuote.Shorten(sentence, 160)), "event", new Evidence(r.Document, r.Start, r.End)));
            }
        }
        foreach (var d in docs)
        {
            var text = d.Document.Text;
            foreach (var t in d.Document.Layers.Get(TimesFeature.Times) ?? [])
            {
                // Only what lands on one calendar day: "2020-03-31", not "March" or "two weeks".
                if (t.Day is { } day)
                    items.Add(new TimelineItem(day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), d.Outlet, Line(t.Text(text)), "time", new Evidence(d.Document.Id, t.Start, t.End)));
            }
            foreach (var q in d.Quotes)
            {
                // Only words said or written have a day they were said: a thought or belief ("X believes"), an
                // evidential ("X seems to") or a deed is no statement, so its date is not when words were given.
                if (q.Quote.IsSpeech && q.Date is { Length: 10 } date && date[0] != 'X')
                    items.Add(new TimelineItem(date, d.Outlet, StoredQuote.Shorten(q.Words, 120), "quote", new Evidence(d.Document.Id, q.Quote.Start, q.Quote.End)));
            }
        }
        // The same words of the same article on the same day are one item (an event's sentence that is also its time expression's).
        return [.. items.Distinct().OrderBy(i => i.Date, StringComparer.Ordinal).ThenBy(i => i.Outlet, StringComparer.Ordinal).ThenBy(i => i.Evidence.Document, StringComparer.Ordinal).ThenBy(i => i.Evidence.Start)];
    }

    private List<SpeakerStatements> Statements(List<Loaded> docs)
    {
        var bySpeaker = new Dictionary<string, List<(Loaded Doc, StoredQuote Quote)>>(StringComparer.Ordinal);
        foreach (var d in docs)
        {
            foreach (var q in d.Quotes)
            {
                // Who said what: words said or written. A thought ("X believes"), an evidential ("X seems to",
                // "it appears that") or a deed ("X nominated …") is kept in the article's quotes but is no statement.
                if (q.Speaker is null || !q.Quote.IsSpeech)
                    continue;
                var key = q.SpeakerId ?? "name:" + q.Speaker.ToUpperInvariant();
                if (!bySpeaker.TryGetValue(key, out var list))
                    bySpeaker[key] = list = [];
                list.Add((d, q));
            }
        }
        var result = new List<SpeakerStatements>();
        foreach (var (_, quotes) in bySpeaker
            .OrderByDescending(s => s.Value.Select(q => q.Doc.Outlet).Distinct(StringComparer.Ordinal).Count())
            .ThenByDescending(s => s.Value.Count)
            .ThenBy(s => s.Key, StringComparer.Ordinal)
            .Take(_limits.Speakers))
        {
            var items = new List<StatementItem>();
            foreach (var outlet in quotes.GroupBy(q => q.Doc.Outlet, StringComparer.Ordinal))
            {
                // The outlet's fullest words first: direct quotes, then the longest; words the outlet's
                // versions already shown carry (a partial quote inside a reported sentence, the same words
                // in two of its articles) are not shown twice.
                var shown = new List<(Loaded Doc, StoredQuote Quote, string Words)>();
                foreach (var q in outlet
                    .OrderBy(q => q.Quote.Quote.Kind == QuoteKind.Direct ? 0 : 1)
                    .ThenByDescending(q => q.Quote.Quote.End - q.Quote.Quote.Start))
                {
                    if (shown.Count >= _limits.QuotesPerOutlet)
                        break;
                    var words = WordsKey(q.Quote.Words);
                    if (words.Length == 0 || shown.Any(s => Repeats(s.Doc, s.Quote, s.Words, q.Doc, q.Quote, words)))
                        continue;
                    shown.Add((q.Doc, q.Quote, words));
                }
                items.AddRange(shown.Select(q => Item(q.Doc, q.Quote)));
            }
            var first = quotes
                .OrderBy(q => FirstDate(q.Doc, q.Quote), StringComparer.Ordinal)
                .ThenBy(q => q.Doc.Document.Metadata.Published ?? "9999", StringComparer.Ordinal)
                .First();
            var (speakerDoc, speakerQuote) = quotes[0];
            var (sector, country) = Affiliation(store.Feature<IEntityDirectory>(), speakerDoc, speakerQuote.Quote.Speaker!.Entity);
            result.Add(new SpeakerStatements(speakerQuote.Speaker!, speakerQuote.SpeakerId, sector, country, items, Item(first.Doc, first.Quote)));
        }
        return result;
    }

    /// <summary>The words of a quote as lowercase letters and digits between single spaces, padded with one space each side.</summary>
    internal static string WordsKey(string words)
    {
        var key = new System.Text.StringBuilder(words.Length + 2).Append(' ');
        foreach (char c in words)
        {
            if (char.IsLetterOrDigit(c))
                key.Append(char.ToLowerInvariant(c));
            else if (key[^1] != ' ')
                key.Append(' ');
        }
        if (key[^1] != ' ')
            key.Append(' ');
        return key.Length <= 2 ? "" : key.ToString();
    }

    /// <summary>One version repeats another: its characters lie within the other's in the same article, or its words within the other's words.</summary>
    private static bool Repeats(Loaded aDoc, StoredQuote a, string aWords, Loaded bDoc, StoredQuote b, string bWords) =>
        (ReferenceEquals(aDoc, bDoc) && ((b.Quote.Start >= a.Quote.Start && b.Quote.End <= a.Quote.End) || (a.Quote.Start >= b.Quote.Start && a.Quote.End <= b.Quote.End)))
        || aWords.Contains(bWords, StringComparison.Ordinal) || bWords.Contains(aWords, StringComparison.Ordinal);

    private static string FirstDate(Loaded doc, StoredQuote quote) =>
        quote.Date is { Length: 10 } date && date[0] != 'X' ? date
        : doc.Document.Metadata.Published is { Length: >= 10 } p ? p[..10] : "9999";

    private static StatementItem Item(Loaded doc, StoredQuote q) =>
        new(doc.Outlet, doc.Document.Metadata.Published, StoredQuote.Shorten(q.Words, 400), QuoteJson.KindName(q.Quote.Kind), q.CitedName, q.Date, new Evidence(doc.Document.Id, q.Quote.Start, q.Quote.End));

    private List<CitationEdge> Citations(List<Loaded> docs)
    {
        var edges = new Dictionary<(string Outlet, string Source), (int Count, Evidence First)>();
        void Add(string outlet, string source, Evidence evidence)
        {
            // An outlet naming itself as the source is its own reporting, not a citation.
            if (SameName(outlet, source))
                return;
            edges[(outlet, source)] = edges.TryGetValue((outlet, source), out var e) ? (e.Count + 1, e.First) : (1, evidence);
        }
        foreach (var d in docs)
        {
            var layer = d.Document.Layers.Get(QuotesFeature.Quotes);
            var cited = new HashSet<string>(StringComparer.Ordinal);
            foreach (var q in d.Quotes)
            {
                if (q.CitedName is { } name && q.Quote.Cited?.Source is { } source)
                {
                    Add(d.Outlet, name, new Evidence(d.Document.Id, source.Start, source.End));
                    cited.Add(name);
                }
            }
            if (layer is null)
                continue;
            // The article's sources no quote names (a report it relies on): once each, at their first words.
            var names = StoredQuotes.Cites(d.Document, store);
            for (int i = 0; i < layer.Cites.Count && i < names.Count; i++)
            {
                if (cited.Contains(names[i].Name) || FirstWords(d.Document, layer, layer.Cites[i]) is not { } at)
                    continue;
                Add(d.Outlet, names[i].Name, new Evidence(d.Document.Id, at.Start, at.End));
            }
        }
        var sources = edges.GroupBy(e => e.Key.Source, StringComparer.Ordinal)
            .OrderByDescending(g => g.Sum(e => e.Value.Count)).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Take(_limits.Sources).Select(g => g.Key).ToHashSet(StringComparer.Ordinal);
        return [.. edges.Where(e => sources.Contains(e.Key.Source))
            .OrderByDescending(e => e.Value.Count).ThenBy(e => e.Key.Outlet, StringComparer.Ordinal).ThenBy(e => e.Key.Source, StringComparer.Ordinal)
            .Select(e => new CitationEdge(e.Key.Outlet, e.Key.Source, e.Value.Count, e.Value.First))];
    }

    /// <summary>One name is the other, or the other's first words ("CNN" and "CNN (Web News)").</summary>
    private static bool SameName(string outlet, string source)
    {
        var a = outlet.Trim();
        var b = source.Trim();
        if (a.Length < b.Length)
            (a, b) = (b, a);
        return a.StartsWith(b, StringComparison.OrdinalIgnoreCase) && (a.Length == b.Length || !char.IsLetterOrDigit(a[b.Length]));
    }

    private static TextRange? FirstWords(Document document, QuoteLayer layer, int entity)
    {
        if (layer.ChannelOf(entity) is { } channel)
            return channel.Spans.Count > 0 ? channel.Spans[0] : null;
        foreach (var m in document.Mentions())
        {
            if (m.Entity == entity)
                return new TextRange(m.Start, m.End);
        }
        return null;
    }

    /// <summary>
    /// How each outlet frames the story: as the framing stage keeps it for a stored story, else (the whole
    /// store as one story, or a store analysed before the stage existed) summed from the articles themselves
    /// the same way (<see cref="StoryFraming"/>).
    /// </summary>
    private OutletFraming Framing(string id, List<Loaded> docs)
    {
        IReadOnlyList<OutletFramingRow> rows = [];
        if (StoryIds.Parse(id) is { } number && store.Feature<IStoryFraming>() is { } framing && store.Feature<IStoryIndex>()?.Story(number) is { } story)
            rows = framing.Framing(story.Id);
        if (rows.Count == 0 && docs.Count > 0)
        {
            var options = new FramingOptions(Actors: _limits.Actors, TermsPerOutlet: _limits.TermsPerOutlet);
            rows = StoryFraming.Compute(
                [.. docs.Select(d => StoryFraming.Tally(d.Document, store))],
                StoryFraming.ClosedClass([.. docs.Select(d => StoryFraming.Terms(d.Document))]),
                store.Feature<IEntityDirectory>(),
                options);
        }
        static Evidence Of(FramingSpan span) => new(span.Document, span.Start, span.End);
        static List<TermCount> Counts(IReadOnlyList<FramingCount> counts) => [.. counts.Select(c => new TermCount(c.Text, c.Count))];
        var byOutlet = rows.OrderBy(r => r.Outlet, StringComparer.Ordinal).ToList();
        return new OutletFraming(
            [.. byOutlet.SelectMany(r => r.Actors.Where(a => a.Rank <= _limits.Actors).Select(a => (r.Outlet, Actor: a)))
                .OrderBy(x => x.Actor.Rank).ThenBy(x => x.Outlet, StringComparer.Ordinal)
                .Select(x => new ActorNaming(x.Actor.Name, MentionsTable.EntityId(x.Actor.Entity), x.Outlet, Counts(x.Actor.Names), Counts(x.Actor.Words), Of(x.Actor.Evidence)))],
            [.. byOutlet.SelectMany(r => r.Terms.Take(_limits.TermsPerOutlet).Select(t => new OutletTerm(r.Outlet, t.Text, t.Count, t.Score, Of(t.Evidence))))],
            [.. rows.Select(r => new OutletShare(r.Outlet, r.Articles, r.News, r.Opinion, r.Analysis, r.Unknown))
                .OrderByDescending(s => s.Articles).ThenBy(s => s.Outlet, StringComparer.Ordinal)],
            [.. byOutlet.SelectMany(r => r.Voices.Select(v => new VoiceCount(r.Outlet, v.Dimension, v.Value, v.Quotes, Of(v.Evidence))))]);
    }

    /// <summary>A speaker's sector and country: what most of the stored entity's documents say, else what this article says.</summary>
    private static (string? Sector, string? Country) Affiliation(IEntityDirectory? directory, Loaded doc, int local)
    {
        var own = doc.Document.Entities();
        var entity = local >= 0 && local < own.Count ? own[local] : null;
        var stored = local >= 0 && local < doc.Resolved.Length ? doc.Resolved[local] : null;
        var (sector, country) = stored is not null && directory is not null ? directory.Affiliation(stored.Id) : (null, null);
        return (sector ?? entity?.Sector, country ?? entity?.Nationality);
    }

    internal static string Line(string words) => string.Join(' ', words.Split((char[])[' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries));
}

using Sitrep.Documents;
using Sitrep.Entities.Resolution;
using Sitrep.Ingest;
using Sitrep.Quotes;
using Sitrep.Stories;

namespace Sitrep.Contradictions;

/// <summary>Where one version of a claim comes from: an outlet's own reporting, or a source it cites (another outlet, a channel).</summary>
public sealed record ClaimOrigin(string Source, string? Entity, bool Cited, IReadOnlyList<string> Documents);

/// <summary>How many outlets carry one statement of a story and how many independent origins they rest on.</summary>
public sealed record StatementAgreement(string Statement, string Speaker, IReadOnlyList<string> Outlets, int Independent, IReadOnlyList<ClaimOrigin> Origins);

/// <summary>
/// Agreement and origin of a story's statements. Each article that carries a statement counts for its
/// outlet, once however often it quotes it; a wire copy (<c>duplicate_of</c>) counts as the article
/// it copies. When an article gives the words as another source's ("the New York Times reported",
/// a quote's cited source) the origin is that source, so three outlets repeating one newspaper's
/// report are one independent origin; otherwise the origin is the outlet itself.
/// </summary>
public static class StoryAgreement
{
    public static IReadOnlyList<StatementAgreement> Of(StoryView story, IDocumentStore store)
    {
        ArgumentNullException.ThrowIfNull(story);
        ArgumentNullException.ThrowIfNull(store);
        var documents = story.Documents.ToDictionary(d => d.Id, StringComparer.Ordinal);
        var quotes = new Dictionary<string, IReadOnlyList<StoredQuote>>(StringComparer.Ordinal);
        var result = new List<StatementAgreement>();
        for (int i = 0; i < story.Statements.Count; i++)
        {
            var statement = story.Statements[i];
            var origins = new Dictionary<string, (string Source, string? Entity, bool Cited, List<string> Documents)>(StringComparer.OrdinalIgnoreCase);
            var outlets = new List<string>();
            foreach (var byDocument in statement.Quotes.GroupBy(q => q.Document, StringComparer.Ordinal))
            {
                if (!documents.TryGetValue(byDocument.Key, out var document))
                    continue;
                // A copy counts as its original.
                var counted = document.DuplicateOf is { } original && documents.TryGetValue(original, out var o) ? o : document;
                var outlet = counted.Metadata.Outlet ?? counted.Id;
                if (!outlets.Contains(outlet, StringComparer.OrdinalIgnoreCase))
                    outlets.Add(outlet);
                if (!quotes.TryGetValue(document.Id, out var stored))
                    quotes[document.Id] = stored = StoredQuotes.Of(document, store);
                var cited = byDocument.Select(q => q.Quote < stored.Count ? stored[q.Quote] : null).FirstOrDefault(q => q?.CitedName is not null);
                var (source, entity, isCited) = cited is not null ? (cited.CitedName!, cited.CitedId, true) : (outlet, (string?)null, false);
                var key = entity ?? source;
                if (!origins.TryGetValue(key, out var entry))
                    origins[key] = entry = (source, entity, isCited, []);
                if (!entry.Documents.Contains(counted.Id, StringComparer.Ordinal))
                    entry.Documents.Add(counted.Id);
            }
            result.Add(new StatementAgreement(
                "T" + (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture),
                statement.SpeakerName,
                outlets,
                origins.Count,
                [.. origins.Values.Select(v => new ClaimOrigin(v.Source, v.Entity, v.Cited, v.Documents))]));
        }
        return result;
    }
}

/// <summary>One outlet citing one source (an outlet or a channel): in how many quotes and how many articles.</summary>
public sealed record Citation(string Outlet, string Cites, string? Entity, int Quotes, int Documents);

/// <summary>
/// Who cites whom: for each outlet, the sources its articles give words or reports to (the quotes'
/// cited source and the article's <c>cites</c>), with counts. An outlet citing itself is left out.
/// </summary>
public static class Citations
{
    /// <summary>
    /// Who cites whom across every stored article: from the store's index of quotes when it has one (no article
    /// decoded: the cited parts with their names and links), else reading each article's quotes and names.
    /// </summary>
    public static IReadOnlyList<Citation> Of(IDocumentStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        if (LayerItemIndexes.For(store, QuotesFeature.Quotes.Name, byEntity: true) is { } index
            && store.Feature<IDocumentCatalog>() is { } catalog)
        {
            return FromIndex(store, index, catalog);
        }
        return Of(store.LoadAll(StoredQuotes.ReadLayers), store);
    }

    public static IReadOnlyList<Citation> Of(IEnumerable<Document> documents, IDocumentStore store)
    {
        ArgumentNullException.ThrowIfNull(documents);
        ArgumentNullException.ThrowIfNull(store);
        var counts = new Counts();
        foreach (var document in documents)
        {
            // A wire copy counts once, as the original; an article that quotes no source and lists none costs no look-up of its names.
            if (document.DuplicateOf is not null || !CitesAnything(document))
                continue;
            counts.Add(
                document.Metadata.Outlet,
                document.Id,
                StoredQuotes.Of(document, store).Select(q => (q.CitedName, q.CitedId)),
                StoredQuotes.Cites(document, store));
        }
        return counts.Citations();
    }

    /// <summary>
    /// The same count read off the store's index of quotes: each article's cited parts in order (its quotes', then its
    /// sources'), named as <see cref="StoredQuotes"/> names them (the stored entity, merges followed, else the
    /// article's name), with outlets and wire copies from the catalog. CitationsIndexTests: the same as reading every article.
    /// </summary>
    private static IReadOnlyList<Citation> FromIndex(IDocumentStore store, ILayerItemIndex index, IDocumentCatalog catalog)
    {
        var directory = store.Feature<IEntityDirectory>();
        var stored = new Dictionary<long, StoredEntity?>();
        (string? Name, string? Id) Named(LayerItemPartHit part)
        {
            if (part.Linked is { } linked && directory is not null)
            {
                if (!stored.TryGetValue(linked, out var entity))
                    stored[linked] = entity = directory.Get(linked);
                if (entity is not null)
                    return (entity.Name, Sitrep.Entities.MentionsTable.EntityId(entity.Id));
            }
            return (part.Name, null);
        }
        var counts = new Counts();
        foreach (var chunk in Documents(index.Parts(QuotesFeature.Quotes.Name, StoredQuotes.CitedRole)).Chunk(1_000))
        {
            var summaries = catalog.Summaries(chunk.Select(d => d.Document));
            foreach (var (document, parts) in chunk)
            {
                if (!summaries.TryGetValue(document, out var summary) || summary.DuplicateOf is not null)
                    continue;
                var quoted = parts.Where(p => p.Kind != StoredQuotes.SourceKind).Select(Named).ToList();
                // A source the article does not name is indexed as "?", as StoredQuotes.Cites shows it.
                var cites = parts.Where(p => p.Kind == StoredQuotes.SourceKind).Select(Named).Select(c => (c.Name ?? "?", c.Id)).Distinct().ToList();
                counts.Add(summary.Outlet, document, quoted, cites);
            }
        }
        return counts.Citations();
    }

    /// <summary>The parts grouped by document, in the order they come.</summary>
    private static IEnumerable<(string Document, List<LayerItemPartHit> Parts)> Documents(IEnumerable<LayerItemPartHit> parts)
    {
        string? current = null;
        var list = new List<LayerItemPartHit>();
        foreach (var part in parts)
        {
            if (current is not null && !string.Equals(current, part.Document, StringComparison.Ordinal))
            {
                yield return (current, list);
                list = [];
            }
            current = part.Document;
            list.Add(part);
        }
        if (current is not null)
            yield return (current, list);
    }

    /// <summary>The tally: outlet and source, with the source's entity, its quotes and its articles.</summary>
    private sealed class Counts
    {
        private readonly Dictionary<(string Outlet, string Cites), (string? Entity, int Quotes, HashSet<string> Documents)> _counts = [];

        /// <summary>One article: the cited source of each of its quotes (null when none) and its list of sources.</summary>
        public void Add(string? outlet, string document, IEnumerable<(string? Name, string? Id)> quoted, IEnumerable<(string Name, string? Id)> cites)
        {
            // An article without a known outlet stands for itself: lumping such articles together would invent an outlet.
            outlet ??= document;
            var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var (cited, id) in quoted)
            {
                if (cited is null || Same(cited, outlet))
                    continue;
                var entry = Entry(outlet, cited, id);
                _counts[(outlet, cited)] = (entry.Entity, entry.Quotes + 1, entry.Documents);
                entry.Documents.Add(document);
                seen.Add(cited);
            }
            foreach (var (name, id) in cites)
            {
                if (Same(name, outlet) || seen.Contains(name))
                    continue;
                Entry(outlet, name, id).Documents.Add(document);
            }
        }

        public IReadOnlyList<Citation> Citations() =>
            [.. _counts.Select(c => new Citation(c.Key.Outlet, c.Key.Cites, c.Value.Entity, c.Value.Quotes, c.Value.Documents.Count))
                .OrderBy(c => c.Outlet, StringComparer.OrdinalIgnoreCase).ThenByDescending(c => c.Documents).ThenByDescending(c => c.Quotes).ThenBy(c => c.Cites, StringComparer.OrdinalIgnoreCase)];

        private (string? Entity, int Quotes, HashSet<string> Documents) Entry(string outlet, string cited, string? id)
        {
            if (!_counts.TryGetValue((outlet, cited), out var entry))
                _counts[(outlet, cited)] = entry = (id, 0, new HashSet<string>(StringComparer.Ordinal));
            return entry;
        }
    }

    private static bool CitesAnything(Document document) =>
        document.Layers.Get(QuotesFeature.Quotes) is { } layer && (layer.Cites.Count > 0 || layer.Quotes.Any(q => q.Cited?.Source is not null));

    private static bool Same(string a, string b) => a.Equals(b, StringComparison.OrdinalIgnoreCase)
        || a.Replace("The ", "", StringComparison.OrdinalIgnoreCase).Equals(b.Replace("The ", "", StringComparison.OrdinalIgnoreCase), StringComparison.OrdinalIgnoreCase);
}

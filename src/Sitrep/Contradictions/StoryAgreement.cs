using Sitrep.Documents;
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
    /// <summary>Who cites whom across every stored article, reading only each article's quotes and names.</summary>
    public static IReadOnlyList<Citation> Of(IDocumentStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        return Of(store.LoadAll(StoredQuotes.ReadLayers), store);
    }

    public static IReadOnlyList<Citation> Of(IEnumerable<Document> documents, IDocumentStore store)
    {
        ArgumentNullException.ThrowIfNull(documents);
        ArgumentNullException.ThrowIfNull(store);
        var counts = new Dictionary<(string Outlet, string Cites), (string? Entity, int Quotes, HashSet<string> Documents)>();
        foreach (var document in documents)
        {
            // A wire copy counts once, as the original; an article that quotes no source and lists none costs no look-up of its names.
            if (document.DuplicateOf is not null || !CitesAnything(document))
                continue;
            // An article without a known outlet stands for itself: lumping such articles together would invent an outlet.
            var outlet = document.Metadata.Outlet ?? document.Id;
            var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var q in StoredQuotes.Of(document, store))
            {
                if (q.CitedName is not { } cited || Same(cited, outlet))
                    continue;
                var entry = Entry(counts, outlet, cited, q.CitedId);
                counts[(outlet, cited)] = (entry.Entity, entry.Quotes + 1, entry.Documents);
                entry.Documents.Add(document.Id);
                seen.Add(cited);
            }
            foreach (var (name, id) in StoredQuotes.Cites(document, store))
            {
                if (Same(name, outlet) || seen.Contains(name))
                    continue;
                Entry(counts, outlet, name, id).Documents.Add(document.Id);
            }
        }
        return [.. counts.Select(c => new Citation(c.Key.Outlet, c.Key.Cites, c.Value.Entity, c.Value.Quotes, c.Value.Documents.Count))
            .OrderBy(c => c.Outlet, StringComparer.OrdinalIgnoreCase).ThenByDescending(c => c.Documents).ThenByDescending(c => c.Quotes).ThenBy(c => c.Cites, StringComparer.OrdinalIgnoreCase)];
    }

    private static bool CitesAnything(Document document) =>
        document.Layers.Get(QuotesFeature.Quotes) is { } layer && (layer.Cites.Count > 0 || layer.Quotes.Any(q => q.Cited?.Source is not null));

    private static (string? Entity, int Quotes, HashSet<string> Documents) Entry(Dictionary<(string, string), (string? Entity, int Quotes, HashSet<string> Documents)> counts, string outlet, string cited, string? id)
    {
        if (!counts.TryGetValue((outlet, cited), out var entry))
            counts[(outlet, cited)] = entry = (id, 0, new HashSet<string>(StringComparer.Ordinal));
        return entry;
    }

    private static bool Same(string a, string b) => a.Equals(b, StringComparison.OrdinalIgnoreCase)
        || a.Replace("The ", "", StringComparison.OrdinalIgnoreCase).Equals(b.Replace("The ", "", StringComparison.OrdinalIgnoreCase), StringComparison.OrdinalIgnoreCase);
}

using System.Globalization;
using Sitrep.Documents;
using Sitrep.Entities;
using Sitrep.Entities.Resolution;
using Sitrep.Ingest;
using Sitrep.Pipeline;

namespace Sitrep.Quotes;

/// <summary>
/// One stored quote as people read it: the document, its index in the document's quotes, the words,
/// the speaker (the stored entity's name, else the article's own name for it, else the words that
/// name it) with the words as written and the entity id, the cue, the cited source and date.
/// </summary>
public sealed record StoredQuote(
    string Document,
    int Index,
    Quote Quote,
    string Words,
    string? Speaker,
    string? SpeakerWords,
    string? SpeakerId,
    string? Cue,
    string? CitedName,
    string? CitedSource,
    string? CitedId,
    string? Date)
{
    /// <summary>The words on one line, cut in the middle when longer than <paramref name="max"/> characters.</summary>
    public static string Shorten(string words, int max)
    {
        ArgumentNullException.ThrowIfNull(words);
        var line = string.Join(' ', words.Split((char[])['\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        return line.Length <= max ? line : string.Concat(line.AsSpan(0, max * 2 / 3), " … ", line.AsSpan(line.Length - max / 3));
    }
}

/// <summary>What a listing of stored quotes asks for: a speaker and a cited source by name or entity id ("E12"), a document, and a kind of attribution (null for every kind).</summary>
public sealed record QuoteQuery(string? Speaker = null, string? Cited = null, string? Document = null)
{
    /// <summary>Only quotes of this kind of attribution (words said, thought, evidence, a deed); null for all.</summary>
    public QuoteAttribution? Attribution { get; init; }
}

/// <summary>Reading the quotes a store keeps, with speakers and sources as stored entities.</summary>
public static class StoredQuotes
{
    /// <summary>What a listing or a count of citations reads of each article: its quotes and the names of speakers and sources (events and times are not decoded).</summary>
    internal static readonly IReadOnlySet<string> ReadLayers = new HashSet<string>(StringComparer.Ordinal)
    {
        QuotesFeature.Quotes.Name, Entities.EntityLayers.Mentions.Name, Entities.EntityLayers.DocumentEntities.Name,
    };

    /// <summary>The document's quotes in text order; empty when the quotes stage did not run on it.</summary>
    public static IReadOnlyList<StoredQuote> Of(Document document, IDocumentStore store)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(store);
        var layer = document.Layers.Get(QuotesFeature.Quotes);
        if (layer is null || layer.Quotes.Count == 0)
            return [];
        var names = new EntityNames(document, store, layer);
        var text = document.Text;
        var list = new List<StoredQuote>(layer.Quotes.Count);
        for (int i = 0; i < layer.Quotes.Count; i++)
        {
            var q = layer.Quotes[i];
            var speaker = q.Speaker;
            var source = q.Cited?.Source;
            list.Add(new StoredQuote(
                document.Id,
                i,
                q,
                q.Words(text),
                speaker is null ? null : names.Name(speaker.Entity) ?? text[speaker.Start..speaker.End],
                speaker is null ? null : text[speaker.Start..speaker.End],
                speaker is null ? null : names.Id(speaker.Entity),
                q.Cue is { } cue ? text[cue.Start..cue.End] : null,
                source is null ? null : names.Name(source.Entity) ?? QuoteJson.SourceName(text, source, layer),
                source is null ? null : QuoteJson.SourceName(text, source, layer),
                source is null ? null : names.Id(source.Entity),
                q.Cited?.Date));
        }
        return list;
    }

    /// <summary>The outlets and channels the document uses as sources: name and stored entity id (null for a channel the tagger did not name).</summary>
    public static IReadOnlyList<(string Name, string? Id)> Cites(Document document, IDocumentStore store)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(store);
        var layer = document.Layers.Get(QuotesFeature.Quotes);
        if (layer is null || layer.Cites.Count == 0)
            return [];
        var names = new EntityNames(document, store, layer);
        return [.. layer.Cites.Select(c => (names.Name(c) ?? "?", names.Id(c))).Distinct()];
    }

    /// <summary>
    /// The stored quotes <paramref name="query"/> asks for, document by document. A speaker or source
    /// given as an entity id ("E12") matches quotes whose words name that entity; given as a name, it
    /// matches the stored entity's name, the article's names for it and the words as written (any case).
    /// </summary>
    public static IEnumerable<StoredQuote> Find(IDocumentStore store, QuoteQuery query)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(query);
        var catalog = store.Feature<IEntityCatalog>();
        long? speakerId = EntityId(query.Speaker);
        long? citedId = EntityId(query.Cited);
        IEnumerable<Document> documents;
        if (query.Document is { } id)
        {
            documents = store.Load(id) is { } d ? [d] : [];
        }
        else if (catalog is not null && (speakerId ?? citedId) is { } entity)
        {
            // Only the documents that name the entity: the catalog links them, no scan; with the store's index of
            // quotes, only those where it speaks or is cited. In the catalog's order (document id), as before the index.
            var role = speakerId is not null ? SpeakerRole : CitedRole;
            var ids = LayerItemIndexes.For(store, QuotesFeature.Quotes.Name, byEntity: true) is { } index
                ? index.Documents(new LayerItemQuery(QuotesFeature.Quotes.Name, Kind(query), Entity: entity) { Role = role }).Order(StringComparer.Ordinal)
                : catalog.Links(entity).Select(l => l.Document).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
            documents = ids.Select(d => store.Load(d, ReadLayers)).OfType<Document>();
        }
        else if ((query.Speaker is not null || query.Cited is not null || query.Attribution is not null)
            && LayerItemIndexes.For(store, QuotesFeature.Quotes.Name, byEntity: query.Speaker is not null || query.Cited is not null) is { } index)
        {
            // The documents whose quotes may match, from the store's index (a speaker's or source's stored name, the
            // article's names for it and its words as written; or only the kind), in store order; each is tested below
            // as a scan would.
            var itemQuery = new LayerItemQuery(QuotesFeature.Quotes.Name, Kind(query), EntityName: query.Speaker ?? query.Cited)
            {
                Role = query.Speaker is not null ? SpeakerRole : CitedRole,
            };
            documents = index.Documents(itemQuery).Select(d => store.Load(d, ReadLayers)).OfType<Document>();
        }
        else
        {
            documents = store.LoadAll(ReadLayers);
        }
        foreach (var document in documents)
        {
            foreach (var q in Of(document, store))
            {
                if (query.Attribution is { } a && q.Quote.Attribution != a)
                    continue;
                if (query.Speaker is { } s && !Matches(s, speakerId, q.SpeakerId, q.Speaker, q.SpeakerWords))
                    continue;
                if (query.Cited is { } c && !Matches(c, citedId, q.CitedId, q.CitedName, q.CitedSource))
                    continue;
                yield return q;
            }
        }
    }

    /// <summary>The roles of a quote's parts in the store's index: who speaks, and the outlet or channel the words are cited from (also each of the article's sources).</summary>
    public const string SpeakerRole = "speaker", CitedRole = "cited";

    /// <summary>The kind of the index's items that are the article's sources (its <c>cites</c>) rather than quotes.</summary>
    public const string SourceKind = "source";

    private static string? Kind(QuoteQuery query) => query.Attribution is { } a ? CueClasses.Name(a) : null;

    /// <summary>
    /// The items of the quotes layer the store indexes: each quote (its attribution as kind, its kind as status, the
    /// day its words were given, its speaker and cited source with the names the article gives them: the words as
    /// written, the article's own name of the entity, a channel's name), then each of the article's sources, as an
    /// item of kind <see cref="SourceKind"/> numbered after the quotes.
    /// </summary>
    public static IReadOnlyList<LayerItem> Items(QuoteLayer layer, Document document)
    {
        ArgumentNullException.ThrowIfNull(layer);
        ArgumentNullException.ThrowIfNull(document);
        if (layer.Quotes.Count == 0 && layer.Cites.Count == 0)
            return [];
        var own = document.Entities();
        var text = document.Text;
        var items = new List<LayerItem>(layer.Quotes.Count + layer.Cites.Count);
        for (int i = 0; i < layer.Quotes.Count; i++)
        {
            var q = layer.Quotes[i];
            var parts = new List<LayerItemPart>(2);
            if (q.Speaker is { } speaker)
            {
                var words = text[speaker.Start..speaker.End];
                parts.Add(Part(SpeakerRole, speaker.Entity, words, words, layer, own));
            }
            if (q.Cited?.Source is { } source)
            {
                var name = QuoteJson.SourceName(text, source, layer);
                parts.Add(Part(CitedRole, source.Entity, name, name, layer, own));
            }
            items.Add(new LayerItem(i, q.Start, CueClasses.Name(q.Attribution), QuoteJson.KindName(q.Kind), Day(q.Cited?.Date), parts));
        }
        for (int j = 0; j < layer.Cites.Count; j++)
            items.Add(new LayerItem(layer.Quotes.Count + j, -1, SourceKind, null, null, [Part(CitedRole, layer.Cites[j], null, "?", layer, own)]));
        return items;
    }

    /// <summary>
    /// A part as the listings read it: a channel is no entity of the document (it is never linked), and the name to
    /// show when the entity is not linked is the channel's, else the article's own name of it, else the words.
    /// </summary>
    private static LayerItemPart Part(string role, int entity, string? words, string? fallback, QuoteLayer layer, IReadOnlyList<DocumentEntity> own)
    {
        if (layer.ChannelOf(entity) is { } channel)
            return new LayerItemPart(role, -1, channel.Name, words);
        bool mine = entity >= 0 && entity < own.Count;
        return new LayerItemPart(role, mine ? entity : -1, mine ? own[entity].Name : fallback, words);
    }

    private static string? Day(string? date) =>
        date is { Length: 10 } && DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _) ? date : null;

    /// <summary>The number of an entity id written "E12" (or "e12"), or null when the text is a name.</summary>
    public static long? EntityId(string? text) =>
        text is { Length: > 1 } && (text[0] == 'E' || text[0] == 'e')
        && long.TryParse(text.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out long id) ? id : null;

    private static bool Matches(string wanted, long? wantedId, string? id, string? name, string? words)
    {
        if (wantedId is { } n)
            return id == "E" + n.ToString(CultureInfo.InvariantCulture);
        return Contains(name, wanted) || Contains(words, wanted);
    }

    private static bool Contains(string? text, string wanted) =>
        text is not null && text.Contains(wanted.Trim(), StringComparison.OrdinalIgnoreCase);

    /// <summary>Names and stored ids of the entity indexes of one document's quote layer (its own entities, then its channels).</summary>
    private sealed class EntityNames
    {
        private readonly IReadOnlyList<DocumentEntity> _own;
        private readonly StoredEntity?[] _resolved;
        private readonly QuoteLayer _layer;

        public EntityNames(Document document, IDocumentStore store, QuoteLayer layer)
        {
            _own = document.Entities();
            _resolved = MentionsTable.EntitiesOf(document, store.Feature<IEntityDirectory>());
            _layer = layer;
        }

        public string? Name(int entity)
        {
            if (entity < 0)
                return null;
            if (_layer.ChannelOf(entity) is { } channel)
                return channel.Name;
            if (entity < _resolved.Length && _resolved[entity] is { } stored)
                return stored.Name;
            return entity < _own.Count ? _own[entity].Name : null;
        }

        public string? Id(int entity) =>
            entity >= 0 && entity < _resolved.Length && _layer.ChannelOf(entity) is null && _resolved[entity] is { } stored
                ? MentionsTable.EntityId(stored.Id)
                : null;
    }
}

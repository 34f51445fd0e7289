using Sitrep.Documents;
using Sitrep.Entities;
using Sitrep.Entities.Resolution;
using Sitrep.Ingest;
using Sitrep.Pipeline;

namespace Sitrep.Events;

/// <summary>One stored event as people read it: the document, its id there (V1…), the event, cue words, and actor, target and location as names and stored entity ids.</summary>
public sealed record StoredEvent(
    string Document,
    string Id,
    Event Event,
    string Cue,
    string Sentence,
    string? Actor,
    string? ActorId,
    string? Target,
    string? TargetId,
    string? Location,
    string? LocationId)
{
    /// <summary>The date, "from..to", or empty.</summary>
    public string DateText => EventCodec.DateText(Event) ?? "";
}

/// <summary>The first events of a listing, in its order, and how many it found in all.</summary>
public sealed record EventListing(IReadOnlyList<StoredEvent> Events, int Total);

/// <summary>What a listing of stored events asks for: a PLOVER type, a status, an actor (name or "E12" id, as actor or target), a date range, a document.</summary>
public sealed record EventQuery(string? Type = null, EventStatus? Status = null, string? Actor = null, DateOnly? From = null, DateOnly? To = null, string? Document = null);

/// <summary>Reading the events a store keeps, with their participants as stored entities.</summary>
public static class StoredEvents
{
    /// <summary>What a listing reads of each article: its events and the names of their participants (quotes and times are not decoded).</summary>
    private static readonly IReadOnlySet<string> ReadLayers = new HashSet<string>(StringComparer.Ordinal)
    {
        EventsFeature.Events.Name, EntityLayers.Mentions.Name, EntityLayers.DocumentEntities.Name,
    };

    /// <summary>The document's events in text order; empty when the events stage did not run on it.</summary>
    public static IReadOnlyList<StoredEvent> Of(Document document, IDocumentStore store)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(store);
        var events = document.Layers.Get(EventsFeature.Events);
        if (events is null || events.Count == 0)
            return [];
        var own = document.Entities();
        var resolved = MentionsTable.EntitiesOf(document, store.Feature<IEntityDirectory>());
        string? Name(int e) => e < 0 ? null : e < resolved.Length && resolved[e] is { } s ? s.Name : e < own.Count ? own[e].Name : null;
        string? Id(int e) => e >= 0 && e < resolved.Length && resolved[e] is { } s ? MentionsTable.EntityId(s.Id) : null;
        var text = document.Text;
        return [.. events.Select((e, i) => new StoredEvent(
            document.Id,
            "V" + (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture),
            e,
            e.Cue(text),
            text[e.Start..e.End],
            Name(e.Actor),
            Id(e.Actor),
            Name(e.Target),
            Id(e.Target),
            Name(e.Location),
            Id(e.Location)))];
    }

    /// <summary>The stored events <paramref name="query"/> asks for, in date order (undated last), then document and text order.</summary>
    public static IReadOnlyList<StoredEvent> Find(IDocumentStore store, EventQuery query) => Find(store, query, int.MaxValue).Events;

    /// <summary>
    /// The first <paramref name="limit"/> of the stored events <paramref name="query"/> asks for, in the order of
    /// <see cref="Find(IDocumentStore, EventQuery)"/>, and how many there are in all. Only those kept are held in
    /// memory (a heap of <paramref name="limit"/>), so listing the first hundred of a store's million events
    /// costs a scan, not the million.
    /// </summary>
    public static EventListing Find(IDocumentStore store, EventQuery query, int limit)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        long? actorId = Quotes.StoredQuotes.EntityId(query.Actor);
        if (query.Document is null && LayerItemIndexes.For(store, EventsFeature.Events.Name, byEntity: query.Actor is not null) is { } index)
        {
            return FromIndex(store, index, query, actorId, limit);
        }
        IEnumerable<Document> documents = query.Document is { } id ? (store.Load(id) is { } d ? [d] : []) : store.LoadAll(ReadLayers);
        // The last of the kept at the top: a new event earlier than it takes its place.
        var kept = new PriorityQueue<StoredEvent, Order>(Comparer<Order>.Create((a, b) => b.CompareTo(a)));
        int total = 0;
        foreach (var document in documents)
        {
            foreach (var e in Of(document, store))
            {
                if (query.Type is { } type && !e.Event.Type.Equals(type, StringComparison.OrdinalIgnoreCase))
                    continue;
                if (query.Status is { } status && e.Event.Status != status)
                    continue;
                if (query.Actor is { } actor && !Involves(e, actor, actorId))
                    continue;
                var day = Day(e.Event.Date ?? e.Event.From);
                if (query.From is { } from && (day is null || day < from))
                    continue;
                if (query.To is { } to && (day is null || day > to))
                    continue;
                var order = new Order(day ?? DateOnly.MaxValue, e.Document, e.Event.CueStart, total++);
                if (kept.Count < limit)
                    kept.Enqueue(e, order);
                else if (kept.TryPeek(out _, out var last) && order.CompareTo(last) < 0)
                    kept.DequeueEnqueue(e, order);
            }
        }
        var events = new StoredEvent[kept.Count];
        for (int i = events.Length - 1; i >= 0; i--)
            events[i] = kept.Dequeue();
        return new EventListing(events, total);
    }

    /// <summary>
    /// The items of the events layer the store indexes: type, status, day (as the listing reads it: the date, or the
    /// first day of the range, when it names a day) and the actor and target, which a listing by actor matches (by
    /// the stored entity's name: the events listing matches no words of the article).
    /// </summary>
    public static IReadOnlyList<LayerItem> Items(IReadOnlyList<Event> events, Document document)
    {
        ArgumentNullException.ThrowIfNull(events);
        var items = new LayerItem[events.Count];
        for (int i = 0; i < items.Length; i++)
        {
            var e = events[i];
            var parts = new List<LayerItemPart>(2);
            if (e.Actor >= 0)
                parts.Add(new LayerItemPart(ActorRole, e.Actor));
            if (e.Target >= 0)
                parts.Add(new LayerItemPart(TargetRole, e.Target));
            items[i] = new LayerItem(
                i,
                e.CueStart,
                e.Type,
                EventCodec.StatusName(e.Status),
                Day(e.Date ?? e.From)?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                parts);
        }
        return items;
    }

    /// <summary>The roles of an event's parts in the store's index.</summary>
    public const string ActorRole = "actor", TargetRole = "target";

    /// <summary>
    /// The listing read off the store's index of events: the first <paramref name="limit"/> found there, and only
    /// their articles decoded. The same events in the same order as reading every article (StoredEventsIndexTests).
    /// </summary>
    private static EventListing FromIndex(IDocumentStore store, ILayerItemIndex index, EventQuery query, long? actorId, int limit)
    {
        var page = index.Find(
            new LayerItemQuery(
                EventsFeature.Events.Name,
                query.Type,
                query.Status is { } status ? EventCodec.StatusName(status) : null,
                query.From,
                query.To,
                actorId,
                actorId is null ? query.Actor : null),
            limit);
        var read = new Dictionary<string, IReadOnlyList<StoredEvent>>(StringComparer.Ordinal);
        var events = new List<StoredEvent>(page.First.Count);
        foreach (var hit in page.First)
        {
            if (!read.TryGetValue(hit.Document, out var ofDocument))
                read[hit.Document] = ofDocument = store.Load(hit.Document, ReadLayers) is { } document ? Of(document, store) : [];
            if (hit.Item < ofDocument.Count)
                events.Add(ofDocument[hit.Item]);
        }
        return new EventListing(events, page.Total);
    }

    /// <summary>Date (undated last), document, cue, then the order found: what a stable sort by the first three gives.</summary>
    private readonly record struct Order(DateOnly Day, string Document, int CueStart, int Found) : IComparable<Order>
    {
        public int CompareTo(Order other)
        {
            int c = Day.CompareTo(other.Day);
            if (c == 0)
                c = string.CompareOrdinal(Document, other.Document);
            if (c == 0)
                c = CueStart.CompareTo(other.CueStart);
            return c != 0 ? c : Found.CompareTo(other.Found);
        }
    }

    private static bool Involves(StoredEvent e, string wanted, long? id)
    {
        if (id is { } n)
        {
            var written = MentionsTable.EntityId(n);
            return e.ActorId == written || e.TargetId == written;
        }
        return Contains(e.Actor, wanted) || Contains(e.Target, wanted);
    }

    private static bool Contains(string? text, string wanted) => text is not null && text.Contains(wanted.Trim(), StringComparison.OrdinalIgnoreCase);

    private static DateOnly? Day(string? iso) =>
        iso is { Length: >= 10 } && DateOnly.TryParseExact(iso.AsSpan(0, 10), "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var d) ? d : null;
}

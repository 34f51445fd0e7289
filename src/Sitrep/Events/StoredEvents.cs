using Sitrep.Documents;
using Sitrep.Entities;
using Sitrep.Entities.Resolution;
using Sitrep.Ingest;

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

/// <summary>What a listing of stored events asks for: a PLOVER type, a status, an actor (name or "E12" id, as actor or target), a date range, a document.</summary>
public sealed record EventQuery(string? Type = null, EventStatus? Status = null, string? Actor = null, DateOnly? From = null, DateOnly? To = null, string? Document = null);

/// <summary>Reading the events a store keeps, with their participants as stored entities.</summary>
public static class StoredEvents
{
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
    public static IReadOnlyList<StoredEvent> Find(IDocumentStore store, EventQuery query)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(query);
        IEnumerable<Document> documents = query.Document is { } id ? (store.Load(id) is { } d ? [d] : []) : store.LoadAll();
        long? actorId = Quotes.StoredQuotes.EntityId(query.Actor);
        var found = new List<StoredEvent>();
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
                found.Add(e);
            }
        }
        return [.. found.OrderBy(e => Day(e.Event.Date ?? e.Event.From) ?? DateOnly.MaxValue).ThenBy(e => e.Document, StringComparer.Ordinal).ThenBy(e => e.Event.CueStart)];
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

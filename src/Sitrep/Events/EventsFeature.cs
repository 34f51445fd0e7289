using System.Globalization;
using System.Text.Json;
using Sitrep.Analysis;
using Sitrep.Documents;
using Sitrep.Entities;
using Sitrep.Ingest;
using Sitrep.Pipeline;
using Sitrep.Quotes;
using Sitrep.Text;
using Sitrep.Time;

namespace Sitrep.Events;

/// <summary>
/// <c>events</c>: what happened, to whom, when and where, and whether it happened at all. Events are
/// read from the sentences and coded in PLOVER (<see cref="EventFinder"/>); actors, targets and places
/// are the article's entities, dates come from the times layer, and an event told inside a quote
/// carries the quote's index: it is the speaker's claim, not the outlet's.
/// </summary>
public sealed class EventsFeature : IPipelineFeature
{
    /// <summary>The article's events, in text order of their cues.</summary>
    public static readonly Layer<IReadOnlyList<Event>> Events = new("events");

    public string Name => "events";

    public string Description => "events coded in PLOVER with status, actor, target, place, date and the quote they are told in";

    public void Register(PipelineBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder
            .UseTokens()
            .UseEntities()
            .UseQuotes()
            .UseTimes()
            .Use(new EventStage())
            .UseCodec(Events, EventCodec.ToJson, EventCodec.FromJson, StoredEvents.Items)
            .UseJson(new EventsJsonPart())
            .UseTable(new EventsTable())
            .UseView(new EventsView());
    }

    private sealed class EventStage : IDocumentStage
    {
        public string Name => "events";

        /// <summary>Bump when any event can change for the same input; the lexicons' hash is part of it.</summary>
        public string Version => StageVersion.Of("44", EventFinder.LexiconHash);

        public IReadOnlyList<Layer> Requires { get; } =
            [CoreLayers.Body, CoreLayers.Metadata, TextLayers.Tokens, EntityLayers.Mentions, QuotesFeature.Quotes, TimesFeature.Times];

        public IReadOnlyList<Layer> Produces { get; } = [Events];

        public void Process(DocumentContext context)
        {
            var (tokens, sentences) = context.Get(TextLayers.Tokens);
            context.Set(Events, EventFinder.Default.Find(new EventInput(
                context.Text,
                tokens,
                sentences,
                context.Get(EntityLayers.Mentions),
                context.Get(QuotesFeature.Quotes),
                context.Get(TimesFeature.Times),
                QuotesFeature.PublishedDay(context.Get(CoreLayers.Metadata).Published))));
        }
    }

    /// <summary>The contract's <c>events</c> of each document, participants as the stored entity ids the entities section resolved.</summary>
    private sealed class EventsJsonPart : IAnalysisJsonPart
    {
        public IAnalysisJsonSection Open(AnalysisJsonSession session)
        {
            ArgumentNullException.ThrowIfNull(session);
            return new Section(session);
        }

        private sealed class Section(AnalysisJsonSession session) : IAnalysisJsonSection
        {
            public IReadOnlyList<string> DocumentFields => ["events"];

            public IReadOnlyList<string> TopLevelFields => [];

            public void WriteDocument(Utf8JsonWriter json, Document document)
            {
                ArgumentNullException.ThrowIfNull(document);
                var entities = session.Section<EntitiesJsonPart.Section>();
                EventCodec.WriteContract(json, document.Text, document.Layers.Get(Events) ?? [], local => entities?.Resolved(document.Id, local)?.Id);
            }

            public void WriteTopLevel(Utf8JsonWriter json)
            {
            }
        }
    }
}

/// <summary>The CSV table of every event: the document, its id, type, mode, status, cue, actor, target, location, date, quote and sentence range.</summary>
public sealed class EventsTable : IExportTable
{
    public string Name => "events";

    public IReadOnlyList<string> Columns { get; } =
        ["document", "event", "type", "mode", "status", "cue", "cue_start", "cue_end", "actor", "actor_entity", "target", "target_entity", "location", "location_entity", "date", "date_inferred", "quote", "start", "end"];

    public IEnumerable<IReadOnlyList<string?>> DocumentRows(Document document, IDocumentStore store)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(store);
        foreach (var e in StoredEvents.Of(document, store))
        {
            var v = e.Event;
            yield return
            [
                document.Id,
                e.Id,
                v.Type,
                v.Mode,
                EventCodec.StatusName(v.Status),
                e.Cue,
                Number(v.CueStart),
                Number(v.CueEnd),
                e.Actor,
                e.ActorId,
                e.Target,
                e.TargetId,
                e.Location,
                e.LocationId,
                EventCodec.DateText(v),
                v.DateInferred ? "true" : null,
                v.Quote >= 0 ? Number(v.Quote) : null,
                Number(v.Start),
                Number(v.End),
            ];
        }
    }

    public IEnumerable<IReadOnlyList<string?>> StoreRows(IDocumentStore store) => [];

    private static string Number(int n) => n.ToString(CultureInfo.InvariantCulture);
}

/// <summary>The events section of <c>sitrep documents show</c>: what happened, who to whom, when, and whether it did.</summary>
public sealed class EventsView : IFeatureView
{
    public IEnumerable<ViewTable> Document(Document document, IDocumentStore store)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(store);
        var events = StoredEvents.Of(document, store);
        if (events.Count == 0)
            yield break;
        yield return new ViewTable(
            "events",
            ["#", "type", "status", "cue", "actor", "target", "where", "date", "quote"],
            [.. events.Select(e => (IReadOnlyList<string>)
            [
                e.Id,
                e.Event.Type + (e.Event.Mode is { } m ? " (" + m + ")" : ""),
                EventCodec.StatusName(e.Event.Status),
                e.Cue,
                e.Actor ?? "",
                e.Target ?? "",
                e.Location ?? "",
                e.DateText + (e.Event.DateInferred && e.DateText.Length > 0 ? " (published)" : ""),
                e.Event.Quote >= 0 ? e.Event.Quote.ToString(CultureInfo.InvariantCulture) : "",
            ])]);
    }

    public IEnumerable<ViewTable> Statistics(IDocumentStore store) => [];
}

/// <summary>Registration of the events feature.</summary>
public static class EventPipelineExtensions
{
    public static PipelineBuilder UseEvents(this PipelineBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.UseFeature(new EventsFeature());
    }
}

using System.CommandLine;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Sitrep.Events;
using Sitrep.Ingest;
using Spectre.Console;

namespace Sitrep.Cli.Commands;

/// <summary><c>sitrep events</c>: what happened, to whom and when, across the stored articles, in date order.</summary>
internal static class EventsCommand
{
    private static readonly string[] Types =
        ["AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"];

    public static Command Create(IAnsiConsole console)
    {
        var db = StoreOptions.Database();
        var actor = new Option<string?>("--actor") { Description = "Only events this entity takes part in as actor or target: an entity id (E12) or a name (any case, part of it will do)." };
        var type = new Option<string?>("--type") { Description = "Only events of this PLOVER type (ASSAULT, THREATEN, PROTEST, …)." };
        var status = new Option<string?>("--status") { Description = "Only events of this status: asserted, threatened, planned, hypothetical, denied or claimed." };
        var from = new Option<string?>("--from") { Description = "Only events dated on or after this day (yyyy-MM-dd)." };
        var to = new Option<string?>("--to") { Description = "Only events dated on or before this day (yyyy-MM-dd)." };
        var document = new Option<string?>("--document") { Description = "Only events of this stored document." };
        var top = new Option<int>("--top") { Description = "How many to list.", DefaultValueFactory = _ => 100 }.AtLeast(1);
        var json = new Option<bool>("--json") { Description = "Write the events as JSON (one array) instead of a table." };
        var command = new Command("events", """
            What happened in the stored articles: each event coded in PLOVER with its status (asserted,
            threatened, planned, hypothetical, denied, claimed), actor, target, place and date, in date
            order. An event told inside a quote is the speaker's claim: its quote column says which.

            Examples:
              sitrep events --type ASSAULT
              sitrep events --actor Iran --status threatened
              sitrep events --from 2020-01-01 --to 2020-01-31 --json
            """);
        foreach (var o in new Option[] { db, actor, type, status, from, to, document, top, json })
            command.Options.Add(o);
        command.SetAction(parse =>
        {
            var wantedType = Blank(parse.GetValue(type))?.ToUpperInvariant();
            if (wantedType is not null && !Types.Contains(wantedType))
            {
                Errors.Write(console, $"unknown event type '{wantedType}'; the PLOVER types are {string.Join(", ", Types)}");
                return ExitCodes.Usage;
            }
            EventStatus? wantedStatus = null;
            if (Blank(parse.GetValue(status)) is { } s)
            {
                try
                {
                    wantedStatus = EventCodec.ParseStatus(s.ToLowerInvariant());
                }
                catch (FormatException)
                {
                    Errors.Write(console, $"unknown status '{s}'; the statuses are asserted, threatened, planned, hypothetical, denied, claimed");
                    return ExitCodes.Usage;
                }
            }
            DateOnly? fromDay = null, toDay = null;
            foreach (var (value, name) in new[] { (parse.GetValue(from), "--from"), (parse.GetValue(to), "--to") })
            {
                if (Blank(value) is not { } v)
                    continue;
                if (!DateOnly.TryParseExact(v, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
                {
                    Errors.Write(console, $"{name} takes a day written yyyy-MM-dd, not '{v}'");
                    return ExitCodes.Usage;
                }
                if (name == "--from")
                    fromDay = day;
                else
                    toDay = day;
            }
            using var engine = StoreOptions.OpenExisting(console, parse.GetValue(db)!, out int exitCode);
            if (engine is null)
                return exitCode;
            var store = engine.Store;
            var query = new EventQuery(wantedType, wantedStatus, Blank(parse.GetValue(actor)), fromDay, toDay, Blank(parse.GetValue(document)));
            if (query.Document is { } id && store.Load(id) is null)
            {
                Errors.Write(console, $"no document {id} in the store {store.Location} ('sitrep documents list' or 'sitrep search' finds ids)");
                return ExitCodes.NothingRead;
            }
            int limit = Math.Max(1, parse.GetValue(top));
            var listing = StoredEvents.Find(store, query, limit);
            var events = listing.Events;
            if (parse.GetValue(json))
            {
                using var buffer = new MemoryStream();
                WriteJson(buffer, events);
                console.Profile.Out.Writer.Write(System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
                console.Profile.Out.Writer.Flush();
                return ExitCodes.Ok;
            }
            if (events.Count == 0)
            {
                console.MarkupLine("No event found.");
                return ExitCodes.Ok;
            }
            var table = new Table().Border(TableBorder.Rounded).AddColumns("date", "type", "status", "actor", "cue", "target", "where", "article");
            foreach (var e in events)
            {
                table.AddRow(
                    Markup.Escape(e.DateText + (e.Event.DateInferred && e.DateText.Length > 0 ? "*" : "")),
                    Markup.Escape(e.Event.Type + (e.Event.Mode is { } m ? " (" + m + ")" : "")),
                    Markup.Escape(EventCodec.StatusName(e.Event.Status) + (e.Event.Quote >= 0 ? ", in quote " + e.Event.Quote.ToString(CultureInfo.InvariantCulture) : "")),
                    Markup.Escape(Named(e.Actor, e.ActorId)),
                    Markup.Escape(e.Cue),
                    Markup.Escape(Named(e.Target, e.TargetId)),
                    Markup.Escape(Named(e.Location, e.LocationId)),
                    Markup.Escape(e.Document + " " + e.Id));
            }
            console.Write(table);
            console.MarkupLineInterpolated($"{ViewRenderer.Count(events.Count, "event", "events")}{(listing.Total > limit ? $" of {listing.Total} shown (--top N lists more)" : "")}; * the publication date stands in for a date the sentence does not give.");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static string Named(string? name, string? id) => name is null ? "" : id is null ? name : $"{name} ({id})";

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static void WriteJson(Stream output, IReadOnlyList<StoredEvent> events)
    {
        using var json = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        json.WriteStartArray();
        foreach (var e in events)
        {
            json.WriteStartObject();
            json.WriteString("document", e.Document);
            json.WriteString("event", e.Id);
            json.WriteString("type", e.Event.Type);
            Write(json, "mode", e.Event.Mode);
            json.WriteString("status", EventCodec.StatusName(e.Event.Status));
            json.WriteString("cue", e.Cue);
            Write(json, "actor", e.Actor);
            Write(json, "actor_entity", e.ActorId);
            Write(json, "target", e.Target);
            Write(json, "target_entity", e.TargetId);
            Write(json, "location", e.Location);
            Write(json, "location_entity", e.LocationId);
            Write(json, "date", e.DateText.Length == 0 ? null : e.DateText);
            json.WriteBoolean("date_inferred", e.Event.DateInferred);
            if (e.Event.Quote >= 0)
                json.WriteNumber("quote", e.Event.Quote);
            else
                json.WriteNull("quote");
            json.WriteString("sentence", e.Sentence);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.Flush();
        output.Write("\n"u8);
    }

    private static void Write(Utf8JsonWriter json, string name, string? value)
    {
        if (value is null)
            json.WriteNull(name);
        else
            json.WriteString(name, value);
    }
}

using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Sitrep.Events;

/// <summary>
/// The events layer to and from JSON: a compact form for the store
/// (<c>[{"t":"ASSAULT","m":"firearms","st":"planned","c":[10,18],"s":[0,40],"a":2,"g":3,"l":1,"d":"2020-01-03","di":true,"q":0}]</c>,
/// defaults left out) and the contract's <c>events</c> array for the analysis JSON.
/// </summary>
public static class EventCodec
{
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string ToJson(IReadOnlyList<Event> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        return Pipeline.JsonStrings.Write(Options, json =>
        {
            json.WriteStartArray();
            foreach (var e in events)
            {
                json.WriteStartObject();
                json.WriteString("t", e.Type);
                if (e.Mode is not null)
                    json.WriteString("m", e.Mode);
                if (e.Status != EventStatus.Asserted)
                    json.WriteString("st", StatusName(e.Status));
                Pair(json, "c", e.CueStart, e.CueEnd);
                Pair(json, "s", e.Start, e.End);
                Index(json, "a", e.Actor);
                Index(json, "g", e.Target);
                Index(json, "l", e.Location);
                if (e.Date is not null)
                    json.WriteString("d", e.Date);
                if (e.From is not null)
                    json.WriteString("f", e.From);
                if (e.To is not null)
                    json.WriteString("u", e.To);
                if (e.DateInferred)
                    json.WriteBoolean("di", true);
                Index(json, "q", e.Quote);
                json.WriteEndObject();
            }
            json.WriteEndArray();
        });
    }

    /// <summary>Reads what <see cref="ToJson"/> wrote; throws <see cref="FormatException"/> on anything else.</summary>
    public static IReadOnlyList<Event> FromJson(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            using var doc = JsonDocument.Parse(json);
            var events = new List<Event>(doc.RootElement.GetArrayLength());
            foreach (var e in doc.RootElement.EnumerateArray())
            {
                var cue = e.GetProperty("c");
                var sentence = e.GetProperty("s");
                events.Add(new Event(
                    e.GetProperty("t").GetString() ?? throw new FormatException("an event without a type"),
                    Text(e, "m"),
                    e.TryGetProperty("st", out var st) ? ParseStatus(st.GetString()) : EventStatus.Asserted,
                    cue[0].GetInt32(),
                    cue[1].GetInt32(),
                    sentence[0].GetInt32(),
                    sentence[1].GetInt32(),
                    Number(e, "a"),
                    Number(e, "g"),
                    Number(e, "l"),
                    Text(e, "d"),
                    Text(e, "f"),
                    Text(e, "u"),
                    e.TryGetProperty("di", out var di) && di.GetBoolean(),
                    Number(e, "q")));
            }
            return events;
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException or IndexOutOfRangeException)
        {
            throw new FormatException("not a stored events layer: " + ex.Message, ex);
        }
    }

    /// <summary>
    /// Writes the contract's <c>"events"</c> property: id (V1, V2, … in text order), type, mode, actor,
    /// target and location as entity ids (via <paramref name="entityId"/>, null when unknown), date (an ISO
    /// date, {from, to}, or null), date_inferred, status, quote, cue {start, end, text}, start and end.
    /// </summary>
    public static void WriteContract(Utf8JsonWriter json, string text, IReadOnlyList<Event> events, Func<int, string?> entityId)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(entityId);
        json.WriteStartArray("events");
        for (int i = 0; i < events.Count; i++)
        {
            var e = events[i];
            json.WriteStartObject();
            json.WriteString("id", "V" + (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
            json.WriteString("type", e.Type);
            StringOrNull(json, "mode", e.Mode);
            StringOrNull(json, "actor", e.Actor >= 0 ? entityId(e.Actor) : null);
            StringOrNull(json, "target", e.Target >= 0 ? entityId(e.Target) : null);
            StringOrNull(json, "location", e.Location >= 0 ? entityId(e.Location) : null);
            if (e.Date is not null)
            {
                json.WriteString("date", e.Date);
            }
            else if (e.From is not null && e.To is not null)
            {
                json.WriteStartObject("date");
                json.WriteString("from", e.From);
                json.WriteString("to", e.To);
                json.WriteEndObject();
            }
            else
            {
                json.WriteNull("date");
            }
            json.WriteBoolean("date_inferred", e.DateInferred);
            json.WriteString("status", StatusName(e.Status));
            if (e.Quote >= 0)
                json.WriteNumber("quote", e.Quote);
            else
                json.WriteNull("quote");
            json.WriteStartObject("cue");
            json.WriteNumber("start", e.CueStart);
            json.WriteNumber("end", e.CueEnd);
            json.WriteString("text", e.Cue(text));
            json.WriteEndObject();
            json.WriteNumber("start", e.Start);
            json.WriteNumber("end", e.End);
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }

    /// <summary>The contract's name of a status: asserted, threatened, planned, hypothetical, denied, claimed.</summary>
    public static string StatusName(EventStatus status) => status switch
    {
        EventStatus.Threatened => "threatened",
        EventStatus.Planned => "planned",
        EventStatus.Hypothetical => "hypothetical",
        EventStatus.Denied => "denied",
        EventStatus.Claimed => "claimed",
        _ => "asserted",
    };

    public static EventStatus ParseStatus(string? s) => s switch
    {
        "asserted" => EventStatus.Asserted,
        "threatened" => EventStatus.Threatened,
        "planned" => EventStatus.Planned,
        "hypothetical" => EventStatus.Hypothetical,
        "denied" => EventStatus.Denied,
        "claimed" => EventStatus.Claimed,
        _ => throw new FormatException($"unknown event status '{s}'"),
    };

    /// <summary>The event's date as one line: the date, "from … to …", or null.</summary>
    public static string? DateText(Event e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return e.Date ?? (e.From is not null ? e.From + ".." + e.To : null);
    }

    private static void Pair(Utf8JsonWriter json, string name, int a, int b)
    {
        json.WriteStartArray(name);
        json.WriteNumberValue(a);
        json.WriteNumberValue(b);
        json.WriteEndArray();
    }

    private static void Index(Utf8JsonWriter json, string name, int value)
    {
        if (value >= 0)
            json.WriteNumber(name, value);
    }

    private static void StringOrNull(Utf8JsonWriter json, string name, string? value)
    {
        if (value is null)
            json.WriteNull(name);
        else
            json.WriteString(name, value);
    }

    private static string? Text(JsonElement e, string name) => e.TryGetProperty(name, out var v) ? v.GetString() : null;

    private static int Number(JsonElement e, string name) => e.TryGetProperty(name, out var v) ? v.GetInt32() : -1;
}

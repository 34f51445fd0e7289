using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Sitrep.Time;

/// <summary>
/// The times layer to and from JSON: a compact form for the store
/// (<c>[{"s":0,"e":11,"t":"DATE","v":"2020-03-27","m":null,"f":"2020-03-01","u":"2020-03-10","a":"published"}]</c>)
/// and the contract's <c>times</c> array for the analysis JSON.
/// </summary>
public static class TimeCodec
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static string ToJson(IReadOnlyList<TimeExpression> times)
    {
        ArgumentNullException.ThrowIfNull(times);
        return Pipeline.JsonStrings.Write(default, json =>
        {
            json.WriteStartArray();
            foreach (var t in times)
            {
                json.WriteStartObject();
                json.WriteNumber("s", t.Start);
                json.WriteNumber("e", t.End);
                json.WriteString("t", TypeName(t.Type));
                json.WriteString("v", t.Value);
                if (t.Mod is not null)
                    json.WriteString("m", t.Mod);
                if (t.Range is { } r)
                {
                    json.WriteString("f", Iso(r.From));
                    json.WriteString("u", Iso(r.To));
                }
                if (t.Anchor != TimeAnchor.None)
                    json.WriteString("a", AnchorName(t.Anchor));
                json.WriteEndObject();
            }
            json.WriteEndArray();
        });
    }

    /// <summary>Reads what <see cref="ToJson"/> wrote; throws <see cref="FormatException"/> on anything else.</summary>
    public static IReadOnlyList<TimeExpression> FromJson(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            using var doc = JsonDocument.Parse(json);
            var times = new List<TimeExpression>(doc.RootElement.GetArrayLength());
            foreach (var e in doc.RootElement.EnumerateArray())
            {
                DateRange? range = e.TryGetProperty("f", out var f) && e.TryGetProperty("u", out var u)
                    ? new DateRange(ParseIso(f.GetString()), ParseIso(u.GetString()))
                    : null;
                times.Add(new TimeExpression(
                    e.GetProperty("s").GetInt32(),
                    e.GetProperty("e").GetInt32(),
                    ParseType(e.GetProperty("t").GetString()),
                    e.GetProperty("v").GetString() ?? throw new FormatException("a time without a value"),
                    e.TryGetProperty("m", out var m) ? m.GetString() : null,
                    range,
                    e.TryGetProperty("a", out var a) ? ParseAnchor(a.GetString()) : TimeAnchor.None));
            }
            return times;
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw new FormatException("not a stored times layer: " + ex.Message, ex);
        }
    }

    /// <summary>
    /// Writes the contract's <c>"times"</c> property: start, end, text, type, value, mod, range
    /// ({from, to} or null) and anchor ("published", "text" or null) of each expression.
    /// Times name no entity; <paramref name="entityId"/> is taken for the common shape of layer writers.
    /// </summary>
    public static void WriteContract(Utf8JsonWriter json, string text, IReadOnlyList<TimeExpression> times, Func<int, string?>? entityId = null)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(times);
        json.WriteStartArray("times");
        foreach (var t in times)
        {
            json.WriteStartObject();
            json.WriteNumber("start", t.Start);
            json.WriteNumber("end", t.End);
            json.WriteString("text", t.Text(text));
            json.WriteString("type", TypeName(t.Type));
            json.WriteString("value", t.Value);
            if (t.Mod is null)
                json.WriteNull("mod");
            else
                json.WriteString("mod", t.Mod);
            if (t.Range is { } r)
            {
                json.WriteStartObject("range");
                json.WriteString("from", Iso(r.From));
                json.WriteString("to", Iso(r.To));
                json.WriteEndObject();
            }
            else
            {
                json.WriteNull("range");
            }
            if (t.Anchor == TimeAnchor.None)
                json.WriteNull("anchor");
            else
                json.WriteString("anchor", AnchorName(t.Anchor));
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }

    public static string TypeName(TimexType type) => type switch
    {
        TimexType.Date => "DATE",
        TimexType.Time => "TIME",
        TimexType.Duration => "DURATION",
        _ => "SET",
    };

    private static TimexType ParseType(string? s) => s switch
    {
        "DATE" => TimexType.Date,
        "TIME" => TimexType.Time,
        "DURATION" => TimexType.Duration,
        "SET" => TimexType.Set,
        _ => throw new FormatException($"unknown time type '{s}'"),
    };

    /// <summary>The contract's name of an anchor: "published", "text", or null for an absolute expression.</summary>
    public static string? AnchorName(TimeAnchor a) => a switch
    {
        TimeAnchor.Published => "published",
        TimeAnchor.Text => "text",
        _ => null,
    };

    private static TimeAnchor ParseAnchor(string? s) => s switch
    {
        "published" => TimeAnchor.Published,
        "text" => TimeAnchor.Text,
        null => TimeAnchor.None,
        _ => throw new FormatException($"unknown time anchor '{s}'"),
    };

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", Invariant);

    private static DateOnly ParseIso(string? s) =>
        DateOnly.TryParseExact(s, "yyyy-MM-dd", Invariant, DateTimeStyles.None, out var d) ? d : throw new FormatException($"not an ISO date: '{s}'");
}

using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Sitrep.Documents;

namespace Sitrep.Storage;

/// <summary>
/// The JSON of the document columns that hold lists. Written by hand rather than by reflection so
/// the stored shape is fixed here, independent of how the model's records are declared.
/// </summary>
internal static class StoredJson
{
    // The JSON never goes near HTML; escaping every non-ASCII letter would only bloat the rows.
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string WriteSegments(IReadOnlyList<OffsetMap.Segment> segments) => Write(w =>
    {
        w.WriteStartArray();
        foreach (var s in segments)
        {
            w.WriteStartArray();
            w.WriteNumberValue(s.BodyStart);
            w.WriteNumberValue(s.RawStart);
            w.WriteNumberValue(s.Length);
            w.WriteEndArray();
        }
        w.WriteEndArray();
    });

    public static OffsetMap ReadSegments(string json)
    {
        using var doc = JsonDocument.Parse(json);
        var segments = new List<OffsetMap.Segment>(doc.RootElement.GetArrayLength());
        foreach (var e in doc.RootElement.EnumerateArray())
            segments.Add(new OffsetMap.Segment(e[0].GetInt32(), e[1].GetInt32(), e[2].GetInt32()));
        return OffsetMap.FromSegments(segments);
    }

    public static string WriteRemoved(IReadOnlyList<RemovedBlock> removed) => Write(w =>
    {
        w.WriteStartArray();
        foreach (var block in removed)
        {
            w.WriteStartObject();
            w.WriteString("text", block.Text);
            w.WriteString("reason", block.Reason.ToContractName());
            w.WriteNumber("start", block.Raw.Start);
            w.WriteNumber("end", block.Raw.End);
            w.WriteEndObject();
        }
        w.WriteEndArray();
    });

    public static List<RemovedBlock> ReadRemoved(string json)
    {
        using var doc = JsonDocument.Parse(json);
        var removed = new List<RemovedBlock>(doc.RootElement.GetArrayLength());
        foreach (var e in doc.RootElement.EnumerateArray())
        {
            removed.Add(new RemovedBlock(
                RequiredString(e, "text"),
                RemovalReasonNames.Parse(RequiredString(e, "reason")),
                new TextRange(e.GetProperty("start").GetInt32(), e.GetProperty("end").GetInt32())));
        }
        return removed;
    }

    public static string WriteCaptions(IReadOnlyList<Caption> captions) => Write(w =>
    {
        w.WriteStartArray();
        foreach (var caption in captions)
        {
            w.WriteStartObject();
            w.WriteString("text", caption.Text);
            w.WriteNumber("start", caption.Raw.Start);
            w.WriteNumber("end", caption.Raw.End);
            w.WriteEndObject();
        }
        w.WriteEndArray();
    });

    public static List<Caption> ReadCaptions(string json)
    {
        using var doc = JsonDocument.Parse(json);
        var captions = new List<Caption>(doc.RootElement.GetArrayLength());
        foreach (var e in doc.RootElement.EnumerateArray())
        {
            captions.Add(new Caption(
                RequiredString(e, "text"),
                new TextRange(e.GetProperty("start").GetInt32(), e.GetProperty("end").GetInt32())));
        }
        return captions;
    }

    public static string WriteStages(IReadOnlyDictionary<string, string> stages) => Write(w =>
    {
        w.WriteStartObject();
        foreach (var (stage, version) in stages.OrderBy(kv => kv.Key, StringComparer.Ordinal))
            w.WriteString(stage, version);
        w.WriteEndObject();
    });

    public static IReadOnlyDictionary<string, string> ReadStages(string json)
    {
        using var doc = JsonDocument.Parse(json);
        var stages = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var p in doc.RootElement.EnumerateObject())
            stages[p.Name] = p.Value.GetString() ?? throw new JsonException($"stage '{p.Name}' has no version");
        return stages;
    }

    public static string WriteStrings(IReadOnlyList<string> strings) => Write(w =>
    {
        w.WriteStartArray();
        foreach (var s in strings)
            w.WriteStringValue(s);
        w.WriteEndArray();
    });

    public static List<string> ReadStrings(string json)
    {
        using var doc = JsonDocument.Parse(json);
        var strings = new List<string>(doc.RootElement.GetArrayLength());
        foreach (var e in doc.RootElement.EnumerateArray())
            strings.Add(e.GetString() ?? throw new JsonException("null in a list of strings"));
        return strings;
    }

    public static string WriteStated(StatedMetadata stated) => Write(w =>
    {
        w.WriteStartObject();
        WriteIfPresent(w, "title", stated.Title);
        WriteIfPresent(w, "byline", stated.Byline);
        WriteIfPresent(w, "outlet", stated.Outlet);
        WriteIfPresent(w, "published", stated.Published);
        WriteIfPresent(w, "url", stated.Url);
        w.WriteEndObject();
    });

    public static StatedMetadata ReadStated(string json)
    {
        using var doc = JsonDocument.Parse(json);
        var e = doc.RootElement;
        return new StatedMetadata
        {
            Title = OptionalString(e, "title"),
            Byline = OptionalString(e, "byline"),
            Outlet = OptionalString(e, "outlet"),
            Published = OptionalString(e, "published"),
            Url = OptionalString(e, "url"),
        };
    }

    private static string Write(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
            write(writer);
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static void WriteIfPresent(Utf8JsonWriter w, string name, string? value)
    {
        if (value is not null)
            w.WriteString(name, value);
    }

    private static string RequiredString(JsonElement e, string name) =>
        e.GetProperty(name).GetString() ?? throw new JsonException($"'{name}' is null");

    private static string? OptionalString(JsonElement e, string name) =>
        e.TryGetProperty(name, out var value) ? value.GetString() : null;
}

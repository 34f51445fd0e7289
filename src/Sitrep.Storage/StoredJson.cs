using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Sitrep.Documents;
using Sitrep.Entities.Resolution;

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

    public static string WriteMentions(IReadOnlyList<Mention> mentions) => Write(w =>
    {
        w.WriteStartArray();
        foreach (var m in mentions)
        {
            w.WriteStartArray();
            w.WriteNumberValue(m.Start);
            w.WriteNumberValue(m.End);
            w.WriteStringValue(m.Type);
            if (m.Entity >= 0)
                w.WriteNumberValue(m.Entity);
            w.WriteEndArray();
        }
        w.WriteEndArray();
    });

    public static List<Mention> ReadMentions(string json)
    {
        using var doc = JsonDocument.Parse(json);
        var mentions = new List<Mention>(doc.RootElement.GetArrayLength());
        foreach (var e in doc.RootElement.EnumerateArray())
            mentions.Add(new Mention(e[0].GetInt32(), e[1].GetInt32(), e[2].GetString() ?? "MISC") { Entity = e.GetArrayLength() > 3 ? e[3].GetInt32() : -1 });
        return mentions;
    }

    public static string WriteEntities(IReadOnlyList<DocumentEntity> entities) => Write(w =>
    {
        w.WriteStartArray();
        foreach (var e in entities)
        {
            w.WriteStartObject();
            w.WriteString("name", e.Name);
            w.WriteString("type", e.Type);
            if (e.Country is not null)
                w.WriteString("country", e.Country);
            w.WriteStartArray("aliases");
            foreach (var a in e.Aliases)
                w.WriteStringValue(a);
            w.WriteEndArray();
            if (e.Roles.Count > 0)
            {
                w.WriteStartArray("roles");
                foreach (var r in e.Roles)
                    w.WriteStringValue(r);
                w.WriteEndArray();
            }
            w.WriteEndObject();
        }
        w.WriteEndArray();
    });

    public static List<DocumentEntity> ReadEntities(string json)
    {
        using var doc = JsonDocument.Parse(json);
        var entities = new List<DocumentEntity>(doc.RootElement.GetArrayLength());
        foreach (var e in doc.RootElement.EnumerateArray())
        {
            entities.Add(new DocumentEntity(
                RequiredString(e, "name"),
                RequiredString(e, "type"),
                e.TryGetProperty("country", out var c) ? c.GetString() : null,
                e.GetProperty("aliases").EnumerateArray().Select(a => a.GetString() ?? "").ToList(),
                e.TryGetProperty("roles", out var roles) ? roles.EnumerateArray().Select(r => r.GetString() ?? "").ToList() : []));
        }
        return entities;
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

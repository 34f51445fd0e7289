using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Sitrep.Entities.Resolution;
using Sitrep.Pipeline;

namespace Sitrep.Entities;

/// <summary>The layers of the entities feature and how the stored ones are written.</summary>
public static class EntityLayers
{
    /// <summary>Names as the tagger found and typed them, before coreference: passing.</summary>
    public static readonly Layer<IReadOnlyList<Mention>> Names = new("names", transient: true);

    /// <summary>Names in the body, in order, each with the index of the document entity it names.</summary>
    public static readonly Layer<IReadOnlyList<Mention>> Mentions = new("mentions");

    /// <summary>The things the mentions name, one per referent in the article: what cross-document resolution files.</summary>
    public static readonly Layer<IReadOnlyList<DocumentEntity>> DocumentEntities = new("document-entities");

    // The JSON never goes near HTML; escaping every non-ASCII letter would only bloat the rows.
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>JSON [[start, end, type, entity?, "demonym"?], ...].</summary>
    public static string WriteMentions(IReadOnlyList<Mention> mentions) => Write(w =>
    {
        ArgumentNullException.ThrowIfNull(mentions);
        w.WriteStartArray();
        foreach (var m in mentions)
        {
            w.WriteStartArray();
            w.WriteNumberValue(m.Start);
            w.WriteNumberValue(m.End);
            w.WriteStringValue(m.Type);
            if (m.Entity >= 0 || m.Demonym)
                w.WriteNumberValue(m.Entity);
            if (m.Demonym)
                w.WriteStringValue("demonym");
            w.WriteEndArray();
        }
        w.WriteEndArray();
    });

    public static IReadOnlyList<Mention> ReadMentions(string json)
    {
        using var doc = JsonDocument.Parse(json);
        var mentions = new List<Mention>(doc.RootElement.GetArrayLength());
        foreach (var e in doc.RootElement.EnumerateArray())
        {
            int length = e.GetArrayLength();
            mentions.Add(new Mention(e[0].GetInt32(), e[1].GetInt32(), e[2].GetString() ?? "MISC")
            {
                Entity = length > 3 ? e[3].GetInt32() : -1,
                Demonym = length > 4 && e[4].GetString() == "demonym",
            });
        }
        return mentions;
    }

    /// <summary>JSON [{"name", "type", "country"?, "of"?, "sector"?, "cued"?, "aliases": [...], "roles"?: [...]}, ...].</summary>
    public static string WriteEntities(IReadOnlyList<DocumentEntity> entities) => Write(w =>
    {
        ArgumentNullException.ThrowIfNull(entities);
        w.WriteStartArray();
        // Loops by index: a foreach over the lists' interfaces made an enumerator for every entity, alias list and role list.
        for (int i = 0; i < entities.Count; i++)
        {
            var e = entities[i];
            w.WriteStartObject();
            w.WriteString("name", e.Name);
            w.WriteString("type", e.Type);
            if (e.Country is not null)
                w.WriteString("country", e.Country);
            if (e.Nationality is not null && e.Nationality != e.Country)
                w.WriteString("of", e.Nationality);
            if (e.Sector is not null)
                w.WriteString("sector", e.Sector);
            if (e.TypeCued)
                w.WriteBoolean("cued", true);
            w.WriteStartArray("aliases");
            for (int k = 0; k < e.Aliases.Count; k++)
                w.WriteStringValue(e.Aliases[k]);
            w.WriteEndArray();
            if (e.Roles.Count > 0)
            {
                w.WriteStartArray("roles");
                for (int k = 0; k < e.Roles.Count; k++)
                    w.WriteStringValue(e.Roles[k]);
                w.WriteEndArray();
            }
            w.WriteEndObject();
        }
        w.WriteEndArray();
    });

    public static IReadOnlyList<DocumentEntity> ReadEntities(string json)
    {
        using var doc = JsonDocument.Parse(json);
        var entities = new List<DocumentEntity>(doc.RootElement.GetArrayLength());
        foreach (var e in doc.RootElement.EnumerateArray())
        {
            entities.Add(new DocumentEntity(
                e.GetProperty("name").GetString() ?? throw new JsonException("an entity without a name"),
                e.GetProperty("type").GetString() ?? throw new JsonException("an entity without a type"),
                e.TryGetProperty("country", out var c) ? c.GetString() : null,
                e.GetProperty("aliases").EnumerateArray().Select(a => a.GetString() ?? "").ToList(),
                e.TryGetProperty("roles", out var roles) ? roles.EnumerateArray().Select(r => r.GetString() ?? "").ToList() : [])
            {
                Sector = e.TryGetProperty("sector", out var sector) ? sector.GetString() : null,
                Nationality = e.TryGetProperty("of", out var of) ? of.GetString() : e.TryGetProperty("country", out var own) ? own.GetString() : null,
                TypeCued = e.TryGetProperty("cued", out var cued) && cued.ValueKind == JsonValueKind.True,
            });
        }
        return entities;
    }

    private static string Write(Action<Utf8JsonWriter> write) => Pipeline.JsonStrings.Write(WriterOptions, write);
}

/// <summary>Reading a document's entity layers.</summary>
public static class EntityDocumentExtensions
{
    /// <summary>The document's mentions; empty when the entity stages did not run on it.</summary>
    public static IReadOnlyList<Mention> Mentions(this Documents.Document document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return document.Layers.Get(EntityLayers.Mentions) ?? [];
    }

    /// <summary>The document's own entities (what its mentions name); empty when the entity stages did not run on it.</summary>
    public static IReadOnlyList<DocumentEntity> Entities(this Documents.Document document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return document.Layers.Get(EntityLayers.DocumentEntities) ?? [];
    }
}

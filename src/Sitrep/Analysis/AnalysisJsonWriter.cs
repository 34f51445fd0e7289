using System.Text.Encodings.Web;
using System.Text.Json;
using Sitrep.Documents;
using Sitrep.Entities.Resolution;

namespace Sitrep.Analysis;

/// <summary>
/// Writes the analysis JSON (the contract in docs/analysis-json.md) as a stream: documents are
/// written one at a time as they are enumerated, so memory does not grow with the batch.
/// </summary>
public static class AnalysisJsonWriter
{
    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>
    /// Writes the documents and, when <paramref name="entities"/> is given, each mention's entity id
    /// and the entities they name (with their aliases, roles and documents among those written).
    /// </summary>
    public static void Write(Stream output, IEnumerable<Document> documents, IEntityDirectory? entities = null)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(documents);
        using var json = new Utf8JsonWriter(output, Options);
        var summary = entities is null ? null : new EntitySummary(entities);
        json.WriteStartObject();
        json.WriteStartArray("documents");
        foreach (var document in documents)
        {
            WriteDocument(json, document, summary?.Add(document));
            if (json.BytesPending > 1 << 16)
                json.Flush();
        }
        json.WriteEndArray();
        json.WriteStartArray("entities");
        summary?.Write(json);
        json.WriteEndArray();
        json.WriteStartArray("stories");
        json.WriteEndArray();
        json.WriteEndObject();
        json.Flush();
    }

    /// <summary>What each of the document's own entities resolved to (id and type), null where it is not resolved.</summary>
    public static IReadOnlyList<ResolvedEntity?> EntityIds(Document document, IEntityDirectory directory)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(directory);
        var ids = new ResolvedEntity?[document.Entities.Count];
        for (int i = 0; i < ids.Length; i++)
        {
            if (directory.EntityOf(document.Id, i) is { } id)
            {
                var entity = directory.Get(id);
                ids[i] = new ResolvedEntity(EntitySummary.Format(entity.Id), entity.Type);
            }
        }
        return ids;
    }

    /// <param name="entities">
    /// What each of the document's own entities resolved to (null where unresolved); null writes every
    /// mention's entity as null. A resolved mention takes its entity's type: one entity, one type, even
    /// where this article alone made it something else (a militia read as a person in one article).
    /// </param>
    public static void WriteDocument(Utf8JsonWriter json, Document d, IReadOnlyList<ResolvedEntity?>? entities = null)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(d);
        var m = d.Metadata;
        json.WriteStartObject();
        json.WriteString("id", d.Id);
        json.WriteString("source", d.Source);
        WriteNullable(json, "url", m.Url);
        WriteNullable(json, "language", m.Language);
        WriteNullable(json, "outlet", m.Outlet);
        WriteNullable(json, "original_publisher", m.OriginalPublisher);
        WriteNullable(json, "title", m.Title);
        WriteNullable(json, "byline", m.Byline);
        WriteNullable(json, "published", m.Published);
        json.WriteBoolean("published_inferred", m.PublishedInferred);
        WriteNullable(json, "genre", m.Genre?.ToString().ToLowerInvariant());
        WriteNullable(json, "duplicate_of", d.DuplicateOf);
        json.WriteString("text", d.Text);

        json.WriteStartArray("removed");
        foreach (var r in d.Removed)
        {
            json.WriteStartObject();
            json.WriteString("text", r.Text);
            json.WriteString("reason", r.Reason.ToContractName());
            json.WriteNumber("raw_start", r.Raw.Start);
            json.WriteNumber("raw_end", r.Raw.End);
            json.WriteEndObject();
        }
        json.WriteEndArray();

        json.WriteStartArray("captions");
        foreach (var c in d.Captions)
        {
            json.WriteStartObject();
            json.WriteString("text", c.Text);
            json.WriteNumber("raw_start", c.Raw.Start);
            json.WriteNumber("raw_end", c.Raw.End);
            json.WriteEndObject();
        }
        json.WriteEndArray();

        json.WriteStartArray("mentions");
        foreach (var mention in d.Mentions)
        {
            json.WriteStartObject();
            json.WriteNumber("start", mention.Start);
            json.WriteNumber("end", mention.End);
            json.WriteString("text", mention.Text(d.Text));
            var resolved = entities is not null && mention.Entity >= 0 && mention.Entity < entities.Count ? entities[mention.Entity] : null;
            json.WriteString("type", resolved?.Type ?? mention.Type);
            if (resolved is not null)
                json.WriteString("entity", resolved.Id);
            else
                json.WriteNull("entity");
            json.WriteEndObject();
        }
        json.WriteEndArray();

        foreach (var layer in (ReadOnlySpan<string>)["quotes", "times", "events", "cites"])
        {
            json.WriteStartArray(layer);
            json.WriteEndArray();
        }

        // Body offset -> raw offset, as [body_start, raw_start, length] runs: the way back to the input.
        json.WriteStartArray("offset_map");
        foreach (var s in d.Map.Segments)
        {
            json.WriteStartArray();
            json.WriteNumberValue(s.BodyStart);
            json.WriteNumberValue(s.RawStart);
            json.WriteNumberValue(s.Length);
            json.WriteEndArray();
        }
        json.WriteEndArray();

        json.WriteStartArray("notes");
        foreach (var n in d.Notes)
            json.WriteStringValue(n);
        json.WriteEndArray();
        json.WriteString("pipeline_version", d.PipelineVersion);
        json.WriteEndObject();
    }

    private static void WriteNullable(Utf8JsonWriter json, string name, string? value)
    {
        if (value is null)
            json.WriteNull(name);
        else
            json.WriteString(name, value);
    }
}

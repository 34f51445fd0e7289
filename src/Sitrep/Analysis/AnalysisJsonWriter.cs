using System.Text.Encodings.Web;
using System.Text.Json;
using Sitrep.Documents;
using Sitrep.Ingest;

namespace Sitrep.Analysis;

/// <summary>
/// Writes the analysis JSON (the contract in docs/analysis-json.md) as a stream: documents are
/// written one at a time as they are enumerated, so memory does not grow with the batch. The core
/// fields are written here; each feature's fields by its registered <see cref="IAnalysisJsonPart"/>;
/// a contract field no registered part writes is written empty, so the shape never depends on which
/// features are installed.
/// </summary>
public static class AnalysisJsonWriter
{
    /// <summary>The document arrays the contract names, written empty when no part writes them.</summary>
    private static readonly string[] ContractDocumentArrays = ["mentions", "quotes", "times", "events", "cites"];

    /// <summary>The top-level arrays the contract names, after "documents".</summary>
    private static readonly string[] ContractTopLevelArrays = ["entities", "stories"];

    private static readonly JsonWriterOptions Indented = new()
    {
        Indented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static readonly JsonWriterOptions OneLine = new()
    {
        Indented = false,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Opens the parts for one JSON over <paramref name="store"/>, in registration order.</summary>
    public static AnalysisJsonSession Open(IReadOnlyList<IAnalysisJsonPart> parts, IDocumentStore? store, bool topLevel = true)
    {
        ArgumentNullException.ThrowIfNull(parts);
        var session = new AnalysisJsonSession(store, topLevel);
        foreach (var part in parts)
            session.Add(part.Open(session));
        return session;
    }

    /// <summary>Writes the whole analysis JSON: the documents, then each part's top-level fields.</summary>
    public static void Write(Stream output, IEnumerable<Document> documents, IReadOnlyList<IAnalysisJsonPart> parts, IDocumentStore? store)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(documents);
        var session = Open(parts, store);
        using var json = new Utf8JsonWriter(output, Indented);
        json.WriteStartObject();
        json.WriteStartArray("documents");
        foreach (var document in documents)
        {
            WriteDocument(json, document, session);
            if (json.BytesPending > 1 << 16)
                json.Flush();
        }
        json.WriteEndArray();
        WriteTopLevel(json, session);
        json.WriteEndObject();
        json.Flush();
    }

    /// <summary>Each part's top-level fields, then the contract's top-level arrays no part wrote, empty.</summary>
    private static void WriteTopLevel(Utf8JsonWriter json, AnalysisJsonSession session)
    {
        var written = new HashSet<string>(StringComparer.Ordinal);
        foreach (var section in session.Sections)
        {
            section.WriteTopLevel(json);
            written.UnionWith(section.TopLevelFields);
        }
        foreach (var name in ContractTopLevelArrays)
        {
            if (!written.Contains(name))
            {
                json.WriteStartArray(name);
                json.WriteEndArray();
            }
        }
    }

    /// <summary>
    /// Writes documents as JSONL, one analysis document per line (an export), streamed; then, when
    /// <paramref name="topLevel"/>, one last line with the top-level fields of the documents written
    /// (<c>{"entities": […], "stories": […]}</c>), so the ids in the documents can be resolved.
    /// Returns how many documents were written.
    /// </summary>
    public static int WriteLines(Stream output, IEnumerable<Document> documents, IReadOnlyList<IAnalysisJsonPart> parts, IDocumentStore? store, bool topLevel = false)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(documents);
        var session = Open(parts, store, topLevel);
        int count = 0;
        foreach (var document in documents)
        {
            using (var json = new Utf8JsonWriter(output, OneLine))
                WriteDocument(json, document, session);
            output.WriteByte((byte)'\n');
            count++;
        }
        if (topLevel)
        {
            using (var json = new Utf8JsonWriter(output, OneLine))
            {
                json.WriteStartObject();
                WriteTopLevel(json, session);
                json.WriteEndObject();
            }
            output.WriteByte((byte)'\n');
        }
        return count;
    }

    /// <summary>Writes one document object: the core fields, each part's fields, and the contract's empty arrays no part wrote.</summary>
    public static void WriteDocument(Utf8JsonWriter json, Document d, AnalysisJsonSession session)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(d);
        ArgumentNullException.ThrowIfNull(session);
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

        var written = new HashSet<string>(StringComparer.Ordinal);
        foreach (var section in session.Sections)
        {
            section.WriteDocument(json, d);
            written.UnionWith(section.DocumentFields);
        }
        foreach (var name in ContractDocumentArrays)
        {
            if (!written.Contains(name))
            {
                json.WriteStartArray(name);
                json.WriteEndArray();
            }
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
        json.WriteStartObject("stages");
        foreach (var (stage, version) in d.Stages.OrderBy(kv => kv.Key, StringComparer.Ordinal))
            json.WriteString(stage, version);
        json.WriteEndObject();
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

using System.Buffers;
using System.Text;
using System.Text.Json;
using Sitrep.Documents;

namespace Sitrep.Quotes;

/// <summary>
/// The quote layer as JSON: a compact form for the store (<see cref="ToJson"/>, <see cref="FromJson"/>)
/// and the contract's <c>quotes</c> and <c>cites</c> fields of the analysis JSON (<see cref="WriteContract"/>).
/// </summary>
public static class QuoteJson
{
    private const int Version = 1;

    /// <summary>The layer for the store: offsets and indexes only, the text is the document's.</summary>
    public static string ToJson(QuoteLayer layer)
    {
        ArgumentNullException.ThrowIfNull(layer);
        return Pipeline.JsonStrings.Write(default, json =>
        {
            json.WriteStartObject();
            json.WriteNumber("v", Version);
            json.WriteStartArray("quotes");
            foreach (var q in layer.Quotes)
            {
                json.WriteStartObject();
                json.WriteNumber("s", q.Start);
                json.WriteNumber("e", q.End);
                json.WriteNumber("k", (int)q.Kind);
                WriteRef(json, "sp", q.Speaker);
                if (q.Cue is { } cue)
                {
                    json.WriteStartArray("cue");
                    json.WriteNumberValue(cue.Start);
                    json.WriteNumberValue(cue.End);
                    json.WriteEndArray();
                }
                if (q.Cited is { } cited)
                {
                    json.WriteStartObject("cited");
                    WriteRef(json, "src", cited.Source);
                    if (cited.Date is not null)
                        json.WriteString("date", cited.Date);
                    if (cited.DateInferred)
                        json.WriteBoolean("inf", true);
                    json.WriteEndObject();
                }
                json.WriteNumber("st", q.Statement);
                if (q.Within >= 0)
                    json.WriteNumber("in", q.Within);
                // Speech, the common case, is written as nothing; a layer stored before the field reads as speech.
                if (q.Attribution != QuoteAttribution.Speech)
                    json.WriteNumber("a", (int)q.Attribution);
                if (q.Parts is { } parts)
                {
                    json.WriteStartArray("p");
                    foreach (var r in parts)
                    {
                        json.WriteNumberValue(r.Start);
                        json.WriteNumberValue(r.End);
                    }
                    json.WriteEndArray();
                }
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteStartArray("cites");
            foreach (int c in layer.Cites)
                json.WriteNumberValue(c);
            json.WriteEndArray();
            json.WriteStartArray("channels");
            foreach (var c in layer.Channels)
            {
                json.WriteStartArray();
                json.WriteStringValue(c.Name);
                foreach (var r in c.Spans)
                {
                    json.WriteNumberValue(r.Start);
                    json.WriteNumberValue(r.End);
                }
                json.WriteEndArray();
            }
            json.WriteEndArray();
            json.WriteNumber("base", layer.ChannelBase);
            json.WriteEndObject();
        });
    }

    /// <summary>Reads what <see cref="ToJson"/> wrote; throws <see cref="JsonException"/> on anything else.</summary>
    public static QuoteLayer FromJson(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        using var doc = JsonDocument.Parse(json);
        var root = doc.RootElement;
        if (!root.TryGetProperty("v", out var v) || v.GetInt32() != Version)
            throw new JsonException("quote layer: unknown version");
        var quotes = new List<Quote>();
        foreach (var q in root.GetProperty("quotes").EnumerateArray())
        {
            TextRange? cue = q.TryGetProperty("cue", out var c) ? new TextRange(c[0].GetInt32(), c[1].GetInt32()) : null;
            QuoteCitation? cited = null;
            if (q.TryGetProperty("cited", out var ci))
            {
                cited = new QuoteCitation(
                    ReadRef(ci, "src"),
                    ci.TryGetProperty("date", out var d) ? d.GetString() : null,
                    ci.TryGetProperty("inf", out var inf) && inf.GetBoolean());
            }
            quotes.Add(new Quote(
                q.GetProperty("s").GetInt32(),
                q.GetProperty("e").GetInt32(),
                (QuoteKind)q.GetProperty("k").GetInt32(),
                ReadRef(q, "sp"),
                cue,
                cited,
                q.GetProperty("st").GetInt32(),
                q.TryGetProperty("in", out var w) ? w.GetInt32() : -1,
                q.TryGetProperty("p", out var p) ? ReadParts(p) : null,
                q.TryGetProperty("a", out var a) ? (QuoteAttribution)a.GetInt32() : QuoteAttribution.Speech));
        }
        var cites = root.GetProperty("cites").EnumerateArray().Select(e => e.GetInt32()).ToList();
        var channels = new List<QuoteChannel>();
        foreach (var c in root.GetProperty("channels").EnumerateArray())
        {
            var spans = new List<TextRange>();
            for (int i = 1; i + 1 < c.GetArrayLength(); i += 2)
                spans.Add(new TextRange(c[i].GetInt32(), c[i + 1].GetInt32()));
            channels.Add(new QuoteChannel(c[0].GetString() ?? "", spans));
        }
        return new QuoteLayer(quotes, cites, channels, root.GetProperty("base").GetInt32());
    }

    private static List<TextRange> ReadParts(JsonElement p)
    {
        var parts = new List<TextRange>(p.GetArrayLength() / 2);
        for (int i = 0; i + 1 < p.GetArrayLength(); i += 2)
            parts.Add(new TextRange(p[i].GetInt32(), p[i + 1].GetInt32()));
        return parts;
    }

    /// <summary>
    /// Writes the contract's <c>quotes</c> and <c>cites</c> properties (docs/analysis-json.md) into the
    /// open document object. <paramref name="entityId"/> maps an entity index of the layer (channels
    /// included, see <see cref="QuoteRef.Entity"/>) to the stored entity id, or null; cited outlets
    /// without an id are left out of <c>cites</c>.
    /// </summary>
    public static void WriteContract(Utf8JsonWriter json, string text, QuoteLayer layer, Func<int, string?> entityId)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(layer);
        ArgumentNullException.ThrowIfNull(entityId);
        json.WriteStartArray("quotes");
        foreach (var q in layer.Quotes)
        {
            json.WriteStartObject();
            json.WriteNumber("start", q.Start);
            json.WriteNumber("end", q.End);
            json.WriteString("text", text[q.Start..q.End]);
            json.WriteString("kind", KindName(q.Kind));
            // Project field (docs/analysis-json-extensions.md): what kind of attribution the quote is, from its
            // cue: speech (words said or written), thought, evidential or action.
            json.WriteString("attribution", CueClasses.Name(q.Attribution));
            if (q.Speaker is { } sp)
            {
                json.WriteStartObject("speaker");
                json.WriteString("text", text[sp.Start..sp.End]);
                WriteId(json, "entity", sp.Entity, entityId);
                json.WriteNumber("start", sp.Start);
                json.WriteNumber("end", sp.End);
                json.WriteEndObject();
            }
            else
            {
                json.WriteNull("speaker");
            }
            if (q.Cue is { } cue)
            {
                json.WriteStartObject("cue");
                json.WriteNumber("start", cue.Start);
                json.WriteNumber("end", cue.End);
                json.WriteString("text", text[cue.Start..cue.End]);
                json.WriteEndObject();
            }
            else
            {
                json.WriteNull("cue");
            }
            if (q.Cited is { } cited)
            {
                json.WriteStartObject("cited");
                if (cited.Source is { } src)
                {
                    json.WriteString("source", SourceName(text, src, layer));
                    WriteId(json, "entity", src.Entity, entityId);
                    json.WriteNumber("start", src.Start);
                    json.WriteNumber("end", src.End);
                }
                else
                {
                    json.WriteNull("source");
                    json.WriteNull("entity");
                }
                if (cited.Date is null)
                    json.WriteNull("date");
                else
                    json.WriteString("date", cited.Date);
                if (cited.DateInferred)
                    json.WriteBoolean("date_inferred", true);
                json.WriteEndObject();
            }
            else
            {
                json.WriteNull("cited");
            }
            json.WriteNumber("statement", q.Statement);
            if (q.Within >= 0)
                json.WriteNumber("within", q.Within);
            else
                json.WriteNull("within");
            // Project field (docs/analysis-json-extensions.md): the pieces of words split by their own
            // attribution; start..end then runs from the first piece to the last.
            if (q.Parts is { } parts)
            {
                json.WriteStartArray("parts");
                foreach (var r in parts)
                {
                    json.WriteStartObject();
                    json.WriteNumber("start", r.Start);
                    json.WriteNumber("end", r.End);
                    json.WriteString("text", text[r.Start..r.End]);
                    json.WriteEndObject();
                }
                json.WriteEndArray();
            }
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteStartArray("cites");
        var written = new HashSet<string>(StringComparer.Ordinal);
        foreach (int c in layer.Cites)
        {
            if (entityId(c) is { } id && written.Add(id))
                json.WriteStringValue(id);
        }
        json.WriteEndArray();
    }

    /// <summary>The contract's name of a kind: direct, partial or indirect.</summary>
    public static string KindName(QuoteKind kind) => kind switch { QuoteKind.Direct => "direct", QuoteKind.Partial => "partial", _ => "indirect" };

    /// <summary>A channel's own name ("Twitter" for "tweeted"); otherwise the words as written.</summary>
    internal static string SourceName(string text, QuoteRef source, QuoteLayer layer) =>
        layer.ChannelOf(source.Entity)?.Name ?? text[source.Start..source.End];

    private static void WriteId(Utf8JsonWriter json, string name, int entity, Func<int, string?> entityId)
    {
        if (entity >= 0 && entityId(entity) is { } id)
            json.WriteString(name, id);
        else
            json.WriteNull(name);
    }

    private static void WriteRef(Utf8JsonWriter json, string name, QuoteRef? r)
    {
        if (r is null)
            return;
        json.WriteStartArray(name);
        json.WriteNumberValue(r.Start);
        json.WriteNumberValue(r.End);
        json.WriteNumberValue(r.Entity);
        json.WriteEndArray();
    }

    private static QuoteRef? ReadRef(JsonElement parent, string name) =>
        parent.TryGetProperty(name, out var r) ? new QuoteRef(r[0].GetInt32(), r[1].GetInt32(), r[2].GetInt32()) : null;
}

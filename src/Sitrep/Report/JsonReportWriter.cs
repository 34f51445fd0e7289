using System.Text.Encodings.Web;
using System.Text.Json;

namespace Sitrep.Report;

/// <summary>The report as JSON: the same items as the page and the Markdown, each with its evidence (document, start, end, key).</summary>
public static class JsonReportWriter
{
    /// <param name="output">Where the JSON goes.</param>
    /// <param name="reports">The stories reported in full, largest first.</param>
    /// <param name="unreported">Stories listed under <c>unreported</c> without a report of their own (past <see cref="ReportLimits.Stories"/>).</param>
    public static void Write(Stream output, IReadOnlyList<StoryReport> reports, IReadOnlyList<StoryListing>? unreported = null)
    {
        ArgumentNullException.ThrowIfNull(reports);
        // The default encoder escapes <, > and & too: the JSON stays inert if pasted into a page.
        using var json = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.Default });
        json.WriteStartObject();
        json.WriteStartArray("stories");
        foreach (var r in reports)
            WriteStory(json, r);
        json.WriteEndArray();
        json.WriteStartArray("unreported");
        foreach (var l in unreported ?? [])
        {
            json.WriteStartObject();
            json.WriteString("id", l.Id);
            json.WriteString("title", l.Title);
            json.WriteNumber("articles", l.Articles);
            json.WriteString("from", l.From);
            json.WriteString("to", l.To);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
        json.Flush();
        output.Write("\n"u8);
    }

    private static void WriteStory(Utf8JsonWriter json, StoryReport r)
    {
        json.WriteStartObject();
        json.WriteString("id", r.Id);
        json.WriteString("title", r.Title);
        var s = r.Summary;
        json.WriteStartObject("summary");
        json.WriteNumber("articles", s.Articles);
        json.WriteNumber("articlesLeftOut", r.ArticlesLeftOut);
        json.WriteString("from", s.From);
        json.WriteString("to", s.To);
        json.WriteStartArray("outlets");
        foreach (var o in s.Outlets)
            Share(json, o);
        json.WriteEndArray();
        Entities(json, "people", s.People);
        Entities(json, "organisations", s.Organisations);
        Entities(json, "places", s.Places);
        json.WriteEndObject();

        json.WriteStartArray("timeline");
        foreach (var t in r.Timeline)
        {
            json.WriteStartObject();
            json.WriteString("date", t.Date);
            json.WriteString("outlet", t.Outlet);
            json.WriteString("kind", t.Kind);
            json.WriteString("words", t.Words);
            Evidence(json, t.Evidence);
            json.WriteEndObject();
        }
        json.WriteEndArray();

        json.WriteStartArray("statements");
        foreach (var sp in r.Statements)
        {
            json.WriteStartObject();
            json.WriteString("speaker", sp.Speaker);
            json.WriteString("entity", sp.EntityId);
            json.WriteString("sector", sp.Sector);
            json.WriteString("country", sp.Country);
            json.WritePropertyName("first_said");
            Statement(json, sp.FirstSaid);
            json.WriteStartArray("versions");
            foreach (var q in sp.Statements)
                Statement(json, q);
            json.WriteEndArray();
            json.WriteEndObject();
        }
        json.WriteEndArray();

        json.WriteStartArray("citations");
        foreach (var c in r.Citations)
        {
            json.WriteStartObject();
            json.WriteString("outlet", c.Outlet);
            json.WriteString("source", c.Source);
            json.WriteNumber("count", c.Count);
            Evidence(json, c.Evidence);
            json.WriteEndObject();
        }
        json.WriteEndArray();

        json.WriteStartObject("framing");
        json.WriteStartArray("actors");
        foreach (var a in r.Framing.Actors)
        {
            json.WriteStartObject();
            json.WriteString("actor", a.Actor);
            json.WriteString("entity", a.EntityId);
            json.WriteString("outlet", a.Outlet);
            Terms(json, "names", a.Names);
            Terms(json, "descriptors", a.Descriptors);
            Evidence(json, a.Evidence);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteStartArray("terms");
        foreach (var t in r.Framing.Terms)
        {
            json.WriteStartObject();
            json.WriteString("outlet", t.Outlet);
            json.WriteString("term", t.Term);
            json.WriteNumber("count", t.Count);
            json.WriteNumber("z", t.Score);
            Evidence(json, t.Evidence);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteStartArray("genres");
        foreach (var o in r.Framing.Genres)
            Share(json, o);
        json.WriteEndArray();
        json.WriteStartArray("voices");
        foreach (var v in r.Framing.Voices)
        {
            json.WriteStartObject();
            json.WriteString("outlet", v.Outlet);
            json.WriteString("by", v.Dimension);
            json.WriteString("value", v.Value);
            json.WriteNumber("quotes", v.Quotes);
            Evidence(json, v.Evidence);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();

        json.WriteStartArray("contradictions");
        foreach (var c in r.Contradictions)
        {
            json.WriteStartObject();
            json.WriteString("kind", c.Kind);
            json.WriteString("about", c.About);
            json.WriteStartArray("sides");
            foreach (var side in c.Sides)
            {
                json.WriteStartObject();
                json.WriteString("outlet", side.Outlet);
                json.WriteString("text", side.Words);
                Evidence(json, side.Evidence);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteString("contradictions_note", r.ContradictionsNote);

        json.WriteStartArray("articles");
        foreach (var a in r.Articles)
        {
            json.WriteStartObject();
            json.WriteString("id", a.Id);
            json.WriteString("title", a.Title);
            json.WriteString("outlet", a.Outlet);
            json.WriteString("published", a.Published);
            json.WriteString("genre", a.Genre);
            json.WriteString("url", a.Url);
            json.WriteString("text", a.Text);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void Share(Utf8JsonWriter json, OutletShare o)
    {
        json.WriteStartObject();
        json.WriteString("outlet", o.Outlet);
        json.WriteNumber("articles", o.Articles);
        json.WriteNumber("news", o.News);
        json.WriteNumber("opinion", o.Opinion);
        json.WriteNumber("analysis", o.Analysis);
        json.WriteNumber("genre_unknown", o.Unknown);
        json.WriteEndObject();
    }

    private static void Entities(Utf8JsonWriter json, string name, IReadOnlyList<ReportEntity> entities)
    {
        json.WriteStartArray(name);
        foreach (var e in entities)
        {
            json.WriteStartObject();
            json.WriteString("entity", e.EntityId);
            json.WriteString("name", e.Name);
            json.WriteString("type", e.Type);
            json.WriteNumber("documents", e.Documents);
            json.WriteNumber("outlets", e.Outlets);
            Evidence(json, e.Evidence);
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }

    private static void Statement(Utf8JsonWriter json, StatementItem q)
    {
        json.WriteStartObject();
        json.WriteString("outlet", q.Outlet);
        json.WriteString("published", q.Published);
        json.WriteString("kind", q.Kind);
        json.WriteString("words", q.Words);
        json.WriteString("cited", q.Cited);
        json.WriteString("date", q.Date);
        Evidence(json, q.Evidence);
        json.WriteEndObject();
    }

    private static void Terms(Utf8JsonWriter json, string name, IReadOnlyList<TermCount> terms)
    {
        json.WriteStartArray(name);
        foreach (var t in terms)
        {
            json.WriteStartObject();
            json.WriteString("term", t.Term);
            json.WriteNumber("count", t.Count);
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }

    private static void Evidence(Utf8JsonWriter json, Evidence e)
    {
        json.WriteStartObject("evidence");
        json.WriteString("document", e.Document);
        json.WriteNumber("start", e.Start);
        json.WriteNumber("end", e.End);
        json.WriteString("key", e.Key);
        json.WriteEndObject();
    }
}

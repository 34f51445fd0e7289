using System.Globalization;
using System.Text.Json;
using Sitrep.Analysis;
using Sitrep.Documents;
using Sitrep.Pipeline;
using Sitrep.Stories;

namespace Sitrep.Contradictions;

/// <summary>
/// <c>contradictions</c>: across the articles of each story, where outlets disagree
/// (<see cref="StoryContradictions"/>), how many independent outlets carry each statement and which
/// only repeat one origin (<see cref="StoryAgreement"/>), and who cites whom (<see cref="Citations"/>).
/// All are read from the stored layers when asked for (the JSON, <c>sitrep stories show</c>,
/// <c>sitrep citations</c>, the report); there is no stage to run and nothing to re-record when a rule changes.
/// </summary>
public sealed class ContradictionsFeature : IPipelineFeature
{
    public string Name => "contradictions";

    public string Description => "where the outlets of a story disagree, how many independent outlets carry each statement, and who cites whom";

    public void Register(PipelineBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder
            .UseStories()
            .UseJson(new ContradictionsJsonPart())
            .UseTable(new CitationsTable());
    }

    /// <summary>Inside each story of the analysis JSON: <c>contradictions</c> (the contract), <c>agreement</c> and <c>citations</c> (Sitrep's own).</summary>
    private sealed class ContradictionsJsonPart : StoryFieldsJsonPart
    {
        protected override void WriteStory(Utf8JsonWriter json, StoryView story, AnalysisJsonSession session)
        {
            var documents = story.Documents.TakeLast(StoryView.StatementDocuments).ToList();
            json.WriteStartArray("contradictions");
            foreach (var c in StoryContradictions.Of(documents, session.Store))
            {
                json.WriteStartObject();
                json.WriteString("about", c.About);
                json.WriteString("kind", c.KindName);
                json.WriteStartArray("sides");
                foreach (var side in c.Sides)
                {
                    json.WriteStartObject();
                    json.WriteString("document", side.Document);
                    json.WriteNumber("start", side.Start);
                    json.WriteNumber("end", side.End);
                    json.WriteString("text", side.Text);
                    json.WriteEndObject();
                }
                json.WriteEndArray();
                json.WriteEndObject();
            }
            json.WriteEndArray();
            if (session.Store is not { } store)
                return;
            json.WriteStartArray("agreement");
            foreach (var a in StoryAgreement.Of(story, store))
            {
                json.WriteStartObject();
                json.WriteString("statement", a.Statement);
                json.WriteNumber("outlets", a.Outlets.Count);
                json.WriteNumber("independent", a.Independent);
                json.WriteStartArray("origins");
                foreach (var o in a.Origins)
                {
                    json.WriteStartObject();
                    json.WriteString("source", o.Source);
                    json.WriteString("entity", o.Entity);
                    json.WriteBoolean("cited", o.Cited);
                    json.WriteStartArray("documents");
                    foreach (var d in o.Documents)
                        json.WriteStringValue(d);
                    json.WriteEndArray();
                    json.WriteEndObject();
                }
                json.WriteEndArray();
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteStartArray("citations");
            foreach (var c in Citations.Of(story.Documents, store))
            {
                json.WriteStartObject();
                json.WriteString("outlet", c.Outlet);
                json.WriteString("cites", c.Cites);
                json.WriteString("entity", c.Entity);
                json.WriteNumber("quotes", c.Quotes);
                json.WriteNumber("documents", c.Documents);
                json.WriteEndObject();
            }
            json.WriteEndArray();
        }
    }
}

/// <summary>The CSV table of citations across the store: outlet, the source it cites, in how many quotes and articles.</summary>
internal sealed class CitationsTable : IExportTable
{
    public string Name => "citations";

    public IReadOnlyList<string> Columns { get; } = ["outlet", "cites", "entity", "quotes", "documents"];

    public IEnumerable<IReadOnlyList<string?>> DocumentRows(Document document, Ingest.IDocumentStore store) => [];

    public IEnumerable<IReadOnlyList<string?>> StoreRows(Ingest.IDocumentStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        foreach (var c in Citations.Of(store))
            yield return [c.Outlet, c.Cites, c.Entity, c.Quotes.ToString(CultureInfo.InvariantCulture), c.Documents.ToString(CultureInfo.InvariantCulture)];
    }
}

/// <summary>Registration of the contradictions feature.</summary>
public static class ContradictionPipelineExtensions
{
    public static PipelineBuilder UseContradictions(this PipelineBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.UseFeature(new ContradictionsFeature());
    }
}

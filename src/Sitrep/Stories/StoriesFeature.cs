using System.Globalization;
using System.Text.Json;
using Sitrep.Analysis;
using Sitrep.Documents;
using Sitrep.Events;
using Sitrep.Ingest;
using Sitrep.Pipeline;
using Sitrep.Quotes;

namespace Sitrep.Stories;

/// <summary>
/// <c>stories</c>: articles about one developing situation grouped across the store, incrementally
/// (<see cref="StoryGrouper"/>, a cross-document stage after entity resolution), and within each
/// story the same statement as several outlets report it (<see cref="StoryStatements"/>) and each
/// real-world event with every report of it (<see cref="StoryEvents"/>). Builds on the entities,
/// quotes and events features.
/// </summary>
public sealed class StoriesFeature : IPipelineFeature
{
    private readonly StoryOptions _options;

    public StoriesFeature(StoryOptions? options = null) => _options = options ?? StoryOptions.Default;

    public string Name => "stories";

    public string Description => "articles about one developing situation grouped into stories, with the statements several outlets report";

    public void Register(PipelineBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder
            .UseQuotes()
            .UseEvents()
            .UseJson(new StoriesJsonPart())
            .UseTable(new StoriesTable())
            .UseView(new StoriesView())
            .UseCrossDocument("stories", store => new StoryGrouper(
                store.Feature<IStoryIndex>() ?? throw new InvalidOperationException($"the store {store.Location} keeps no stories"),
                store,
                _options));
    }

    /// <summary>The contract's top-level <c>stories</c>: every story that holds a document written, with all its documents and its statements.</summary>
    private sealed class StoriesJsonPart : IAnalysisJsonPart
    {
        public IAnalysisJsonSection Open(AnalysisJsonSession session)
        {
            ArgumentNullException.ThrowIfNull(session);
            return new Section(session);
        }

        private sealed class Section(AnalysisJsonSession session) : IAnalysisJsonSection
        {
            private readonly SortedSet<long> _stories = [];

            public IReadOnlyList<string> DocumentFields => [];

            public IReadOnlyList<string> TopLevelFields => ["stories"];

            public void WriteDocument(Utf8JsonWriter json, Document document)
            {
                ArgumentNullException.ThrowIfNull(document);
                if (session.TopLevel && session.Store?.Feature<IStoryIndex>()?.MemberOf(document.Id) is { } member)
                    _stories.Add(member.Story);
            }

            public void WriteTopLevel(Utf8JsonWriter json)
            {
                ArgumentNullException.ThrowIfNull(json);
                json.WriteStartArray("stories");
                if (session.Store is { } store && store.Feature<IStoryIndex>() is { } index)
                {
                    foreach (var id in _stories)
                    {
                        // Written out as it goes, as the documents are (AnalysisJsonWriter): the stories of a whole store are many.
                        if (json.BytesPending > 1 << 16)
                            json.Flush();
                        if (StoryView.Read(store, index, id) is { } story)
                            Write(json, story, session.Sections.OfType<IStoryJsonFields>());
                    }
                }
                json.WriteEndArray();
            }

            private static void WriteEvent(Utf8JsonWriter json, string id, StoryEvent e)
            {
                json.WriteStartObject();
                json.WriteString("id", id);
                json.WriteString("type", e.Type);
                WriteDate(json, e.Date, e.From, e.To);
                json.WriteBoolean("date_inferred", e.DateInferred);
                json.WriteBoolean("dates_disagree", e.DatesDisagree);
                json.WriteStartArray("participants");
                foreach (var p in e.Participants)
                    json.WriteStringValue(p);
                json.WriteEndArray();
                json.WriteStartArray("reports");
                foreach (var r in e.Reports)
                {
                    json.WriteStartObject();
                    json.WriteString("document", r.Document);
                    json.WriteString("event", r.Event);
                    WriteDate(json, r.Date, r.From, r.To);
                    json.WriteBoolean("date_inferred", r.DateInferred);
                    if (r.DateWords is { } words)
                        WriteSpan(json, "date_words", words);
                    else
                        json.WriteNull("date_words");
                    WriteSpan(json, "cue", r.Cue);
                    json.WriteNumber("start", r.Start);
                    json.WriteNumber("end", r.End);
                    json.WriteString("status", EventCodec.StatusName(r.Status));
                    if (r.Quote is { } q)
                        json.WriteNumber("quote", q);
                    else
                        json.WriteNull("quote");
                    json.WriteEndObject();
                }
                json.WriteEndArray();
                json.WriteEndObject();
            }

            private static void WriteDate(Utf8JsonWriter json, string? date, string? from, string? to)
            {
                if (date is not null)
                {
                    json.WriteString("date", date);
                }
                else if (from is not null && to is not null)
                {
                    json.WriteStartObject("date");
                    json.WriteString("from", from);
                    json.WriteString("to", to);
                    json.WriteEndObject();
                }
                else
                {
                    json.WriteNull("date");
                }
            }

            private static void WriteSpan(Utf8JsonWriter json, string name, TextSpan span)
            {
                json.WriteStartObject(name);
                json.WriteNumber("start", span.Start);
                json.WriteNumber("end", span.End);
                json.WriteString("text", span.Text);
                json.WriteEndObject();
            }

            private static void Write(Utf8JsonWriter json, StoryView story, IEnumerable<IStoryJsonFields> more)
            {
                json.WriteStartObject();
                json.WriteString("id", story.Record.Name);
                if (story.Record.Title is { } title)
                    json.WriteString("title", title);
                else
                    json.WriteNull("title");
                json.WriteStartArray("documents");
                foreach (var d in story.Documents)
                    json.WriteStringValue(d.Id);
                json.WriteEndArray();
                json.WriteString("first", story.Record.First);
                json.WriteString("last", story.Record.Last);
                json.WriteStartArray("events");
                for (int i = 0; i < story.Events.Count; i++)
                    WriteEvent(json, "X" + (i + 1).ToString(CultureInfo.InvariantCulture), story.Events[i]);
                json.WriteEndArray();
                json.WriteStartArray("statements");
                for (int i = 0; i < story.Statements.Count; i++)
                {
                    var statement = story.Statements[i];
                    json.WriteStartObject();
                    json.WriteString("id", "T" + (i + 1).ToString(CultureInfo.InvariantCulture));
                    json.WriteString("speaker", statement.Speaker);
                    json.WriteString("speaker_name", statement.SpeakerName);
                    json.WriteStartArray("quotes");
                    foreach (var q in statement.Quotes)
                    {
                        json.WriteStartObject();
                        json.WriteString("document", q.Document);
                        json.WriteNumber("quote", q.Quote);
                        json.WriteString("text", q.Words);
                        json.WriteString("date", q.Date);
                        json.WriteEndObject();
                    }
                    json.WriteEndArray();
                    json.WriteEndObject();
                }
                json.WriteEndArray();
                // Fields other features add to a story (contradictions, agreement, citations).
                foreach (var fields in more)
                    fields.WriteStory(json, story);
                json.WriteEndObject();
            }
        }
    }
}

/// <summary>A story as read for people and the JSON: its record, its documents (by day), the statements several of them report and its events with every report.</summary>
public sealed record StoryView(StoryRecord Record, IReadOnlyList<Document> Documents, IReadOnlyList<StoryStatement> Statements, IReadOnlyList<StoryEvent> Events)
{
    /// <summary>Stories larger than this list their documents but look for shared statements and events only among their newest this many.</summary>
    public const int StatementDocuments = 200;

    /// <summary>The story with this id (a merged id finds the story that absorbed it); null when there is none.</summary>
    public static StoryView? Read(IDocumentStore store, IStoryIndex index, long id)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(index);
        if (index.Story(id) is not { } state || state.Size == 0)
            return null;
        var documents = index.Documents(state.Id).Select(store.Load).Where(d => d is not null).Select(d => d!).ToList();
        var record = new StoryRecord(state.Id, state.Title, documents.Count, state.First, state.Last);
        IReadOnlyList<Document> newest = [.. documents.TakeLast(StatementDocuments)];
        var statements = StoryStatements.Of(newest, store);
        return new StoryView(record, documents, statements, StoryEvents.Of(newest, store, statements));
    }
}

/// <summary>The CSV table of stories: one row per article in a story, with the story's id and title.</summary>
public sealed class StoriesTable : IExportTable
{
    public string Name => "stories";

    public IReadOnlyList<string> Columns { get; } = ["story", "title", "document", "outlet", "published", "document_title"];

    public IEnumerable<IReadOnlyList<string?>> DocumentRows(Document document, IDocumentStore store) => [];

    public IEnumerable<IReadOnlyList<string?>> StoreRows(IDocumentStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        if (store.Feature<IStoryIndex>() is not { } index)
            yield break;
        foreach (var story in index.List().OrderBy(s => s.Id))
        {
            foreach (var id in index.Documents(story.Id))
            {
                var d = store.Load(id);
                yield return [story.Name, story.Title, id, d?.Metadata.Outlet, d?.Metadata.Published, d?.Metadata.Title];
            }
        }
    }
}

/// <summary>The story of a document in <c>sitrep documents show</c>, and the count of stories in the statistics.</summary>
public sealed class StoriesView : IFeatureView
{
    public IEnumerable<ViewTable> Document(Document document, IDocumentStore store)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(store);
        if (store.Feature<IStoryIndex>() is not { } index || index.MemberOf(document.Id) is not { } member || index.Story(member.Story) is not { } story)
            yield break;
        yield return new ViewTable(
            "story",
            ["story", "title", "articles", "first", "last"],
            [[StoryIds.Format(story.Id), story.Title ?? "", story.Size.ToString(CultureInfo.InvariantCulture), story.First ?? "", story.Last ?? ""]]);
    }

    public IEnumerable<ViewTable> Statistics(IDocumentStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        if (store.Feature<IStoryIndex>() is not { } index)
            yield break;
        var stories = index.List();
        if (stories.Count == 0)
            yield break;
        yield return new ViewTable(
            "stories",
            ["stories", "with 2+ articles", "largest"],
            [[stories.Count.ToString(CultureInfo.InvariantCulture), stories.Count(s => s.Size > 1).ToString(CultureInfo.InvariantCulture), stories.Max(s => s.Size).ToString(CultureInfo.InvariantCulture)]]);
    }
}

/// <summary>Registration of the stories feature.</summary>
public static class StoryPipelineExtensions
{
    public static PipelineBuilder UseStories(this PipelineBuilder builder, StoryOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.UseFeature(new StoriesFeature(options));
    }
}

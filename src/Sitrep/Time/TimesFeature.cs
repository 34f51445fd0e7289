using System.Text.Json;
using Sitrep.Analysis;
using Sitrep.Documents;
using Sitrep.Pipeline;
using Sitrep.Text;

namespace Sitrep.Time;

/// <summary>
/// <c>times</c>: temporal expressions (TIMEX3) with exact offsets, normalised against the article's
/// publication date (or the date a quote gives its own words).
/// </summary>
public sealed class TimesFeature : IPipelineFeature
{
    private readonly IReadOnlyList<TimexRecognizer.Pattern>? _patterns;

    public TimesFeature()
    {
    }

    /// <summary>A times feature whose tagger runs other patterns (tests: one that gives up on its text).</summary>
    internal TimesFeature(IReadOnlyList<TimexRecognizer.Pattern> patterns) => _patterns = patterns;

    /// <summary>The body's temporal expressions, in text order.</summary>
    public static readonly Layer<IReadOnlyList<TimeExpression>> Times = new("times");

    public string Name => "times";

    public string Description => "time expressions (dates, times, durations, sets) normalised against the article's date";

    public void Register(PipelineBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder
            .UseTokens()
            .UseOnce(StageName, () => new TimeStage(_patterns))
            .UseCodec(Times, TimeCodec.ToJson, TimeCodec.FromJson)
            .UseJson(new TimesJsonPart())
            .UseTable(new TimesTable())
            .UseView(new TimesView());
    }

    /// <summary>The name of the stage that finds the times.</summary>
    internal const string StageName = "times";

    /// <summary>The stage that finds the times; a feature that reads them (quotes) adds it before its own stage.</summary>
    internal static IDocumentStage CreateStage() => new TimeStage();

    private sealed class TimeStage(IReadOnlyList<TimexRecognizer.Pattern>? patterns = null) : IDocumentStage
    {
        public string Name => StageName;

        /// <summary>Bump when any time's span, type or value can change for the same input; the word lists' hash is part of it.</summary>
        public string Version => StageVersion.Of("28", Lexicons.Hash);

        public IReadOnlyList<Layer> Requires { get; } = [CoreLayers.Body, CoreLayers.Metadata, TextLayers.Tokens];

        public IReadOnlyList<Layer> Produces { get; } = [Times];

        public void Process(DocumentContext context)
        {
            var (tokens, sentences) = context.Get(TextLayers.Tokens);
            var published = context.Get(CoreLayers.Metadata).Published;
            // A window in which a pattern gave up on a pathological text is said on the document, not lost silently.
            context.Set(Times, TimeExpressions.Find(context.Text, tokens, sentences, published, null, context.Note, patterns));
        }
    }

    private sealed class TimesJsonPart : IAnalysisJsonPart
    {
        public IAnalysisJsonSection Open(AnalysisJsonSession session) => new Section();

        private sealed class Section : IAnalysisJsonSection
        {
            public IReadOnlyList<string> DocumentFields => ["times"];

            public IReadOnlyList<string> TopLevelFields => [];

            public void WriteDocument(Utf8JsonWriter json, Document document) =>
                TimeCodec.WriteContract(json, document.Text, document.Layers.Get(Times) ?? []);

            public void WriteTopLevel(Utf8JsonWriter json)
            {
            }
        }
    }
}

/// <summary>The CSV table of every temporal expression: the document, its range, its words, type, value, mod, range and anchor.</summary>
public sealed class TimesTable : IExportTable
{
    public string Name => "times";

    public IReadOnlyList<string> Columns { get; } = ["document", "start", "end", "text", "type", "value", "mod", "from", "to", "anchor"];

    public IEnumerable<IReadOnlyList<string?>> DocumentRows(Document document, Ingest.IDocumentStore store)
    {
        ArgumentNullException.ThrowIfNull(document);
        foreach (var t in document.Layers.Get(TimesFeature.Times) ?? [])
        {
            yield return
            [
                document.Id,
                t.Start.ToString(System.Globalization.CultureInfo.InvariantCulture),
                t.End.ToString(System.Globalization.CultureInfo.InvariantCulture),
                t.Text(document.Text),
                TimeCodec.TypeName(t.Type),
                t.Value,
                t.Mod,
                t.Range?.From.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                t.Range?.To.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                TimeCodec.AnchorName(t.Anchor),
            ];
        }
    }

    public IEnumerable<IReadOnlyList<string?>> StoreRows(Ingest.IDocumentStore store) => [];
}

/// <summary>The times section of <c>sitrep documents show</c>.</summary>
public sealed class TimesView : IFeatureView
{
    public IEnumerable<ViewTable> Document(Document document, Ingest.IDocumentStore store)
    {
        ArgumentNullException.ThrowIfNull(document);
        var times = document.Layers.Get(TimesFeature.Times) ?? [];
        if (times.Count == 0)
            yield break;
        yield return new ViewTable(
            "times",
            ["words", "type", "value", "read against"],
            [.. times.Select(t => (IReadOnlyList<string>)[t.Text(document.Text), TimeCodec.TypeName(t.Type), t.Value + (t.Mod is null ? "" : " (" + t.Mod + ")"), TimeCodec.AnchorName(t.Anchor) ?? ""])]);
    }

    public IEnumerable<ViewTable> Statistics(Ingest.IDocumentStore store) => [];
}

/// <summary>Registration of the times feature.</summary>
public static class TimePipelineExtensions
{
    public static PipelineBuilder UseTimes(this PipelineBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.UseFeature(new TimesFeature());
    }
}

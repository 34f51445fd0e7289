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
    /// <summary>The body's temporal expressions, in text order.</summary>
    public static readonly Layer<IReadOnlyList<TimeExpression>> Times = new("times");

    public string Name => "times";

    public string Description => "time expressions (dates, times, durations, sets) normalised against the article's date";

    public void Register(PipelineBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder
            .UseTokens()
            .Use(new TimeStage())
            .UseCodec(Times, TimeCodec.ToJson, TimeCodec.FromJson)
            .UseJson(new TimesJsonPart());
    }

    private sealed class TimeStage : IDocumentStage
    {
        public string Name => "times";

        /// <summary>Bump when any time's span, type or value can change for the same input; the word lists' hash is part of it.</summary>
        public string Version => StageVersion.Of("1", Lexicons.Hash);

        public IReadOnlyList<Layer> Requires { get; } = [CoreLayers.Body, CoreLayers.Metadata, TextLayers.Tokens];

        public IReadOnlyList<Layer> Produces { get; } = [Times];

        public void Process(DocumentContext context)
        {
            var (tokens, sentences) = context.Get(TextLayers.Tokens);
            var published = context.Get(CoreLayers.Metadata).Published;
            context.Set(Times, TimeExpressions.Find(context.Text, tokens, sentences, published));
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

/// <summary>Registration of the times feature.</summary>
public static class TimePipelineExtensions
{
    public static PipelineBuilder UseTimes(this PipelineBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.UseFeature(new TimesFeature());
    }
}

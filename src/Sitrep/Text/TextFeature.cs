using Sitrep.Pipeline;

namespace Sitrep.Text;

/// <summary>
/// <c>text</c>: cleaning (body, offset map, removed blocks, captions), language and metadata; the
/// base every other feature builds on, and the fast ingest path on its own (<c>--stages text</c>).
/// </summary>
public sealed class TextFeature : IPipelineFeature
{
    public string Name => "text";

    public string Description => "clean text, language and metadata (title, byline, outlet, date, genre)";

    public void Register(PipelineBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder
            .UseOnce("clean", () => new Cleaning.CleaningStage())
            .UseOnce("language", () => new LanguageStage())
            .UseOnce("metadata", () => new Metadata.MetadataStage());
    }
}

/// <summary>Registration of the text feature and of the shared tokens stage.</summary>
public static class TextPipelineExtensions
{
    public static PipelineBuilder UseText(this PipelineBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.UseFeature(new TextFeature());
    }

    /// <summary>Adds tokens and sentences once, for the features that read them.</summary>
    public static PipelineBuilder UseTokens(this PipelineBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.UseText().UseOnce("tokens", () => new TokenStage());
    }
}

using System.Collections.Immutable;

namespace Sitrep.Pipeline;

/// <summary>
/// Composes stages into an immutable <see cref="DocumentPipeline"/>, checking that each stage
/// finds what it requires among what the stages before it produce.
/// </summary>
public sealed class PipelineBuilder
{
    private readonly List<IDocumentStage> _stages = [];

    public PipelineBuilder Use(IDocumentStage stage)
    {
        ArgumentNullException.ThrowIfNull(stage);
        _stages.Add(stage);
        return this;
    }

    public DocumentPipeline Build()
    {
        var available = Layers.RawText;
        foreach (var stage in _stages)
        {
            var missing = stage.Requires & ~available;
            if (missing != Layers.None)
                throw new InvalidOperationException($"stage '{stage.Name}' requires {missing}, which no earlier stage produces");
            available |= stage.Produces;
        }
        var version = string.Join("+", _stages.Select(s => s.Name)) + "@" + EngineVersion.Pipeline;
        return new DocumentPipeline([.. _stages], version);
    }

    /// <summary>The default pipeline: cleaning, language, metadata; with <paramref name="entities"/>, tokens and names too.</summary>
    public static DocumentPipeline CreateDefault(bool entities = false)
    {
        var builder = new PipelineBuilder()
            .Use(new Cleaning.CleaningStage())
            .Use(new Text.LanguageStage())
            .Use(new Metadata.MetadataStage());
        if (entities)
            builder.Use(new Text.TokenStage()).Use(new Entities.EntityStage()).Use(new Entities.Resolution.CoreferenceStage());
        return builder.Build();
    }
}

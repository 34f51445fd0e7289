namespace Sitrep.Pipeline;

/// <summary>
/// A capability that plugs in whole (the Markdig extension pattern): one registration brings its
/// stages, how its layers are stored (<see cref="PipelineBuilder.UseCodec{T}"/>), its part of the
/// analysis JSON and its cross-document stages. A feature registers the features it builds on first
/// (<see cref="PipelineBuilder.UseFeature"/> adds each once).
/// </summary>
public interface IPipelineFeature
{
    /// <summary>The name users select it by (<c>--stages entities</c>).</summary>
    string Name { get; }

    /// <summary>What it adds, for <c>analyze --help</c>.</summary>
    string Description { get; }

    void Register(PipelineBuilder builder);
}

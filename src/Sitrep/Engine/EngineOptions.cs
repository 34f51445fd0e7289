using Sitrep.Ingest.Web;
using Sitrep.Pipeline;

namespace Sitrep.Engine;

/// <summary>How an engine runs: which features (all by default), fetching manners, batch size, cores.</summary>
public sealed record EngineOptions
{
    public static EngineOptions Default { get; } = new();

    /// <summary>Every feature the engine knows (their layers, JSON and reanalysis); <see cref="Features.All"/> by default.</summary>
    public IReadOnlyList<IPipelineFeature> Features { get; init; } = Engine.Features.All;

    /// <summary>The names of the features to run, with what they build on; null runs every one.</summary>
    public IReadOnlyCollection<string>? Stages { get; init; }

    public FetchOptions Fetch { get; init; } = FetchOptions.Default;

    /// <summary>Documents per store transaction.</summary>
    public int BatchSize { get; init; } = 256;

    /// <summary>Threads that analyse; one per core when null.</summary>
    public int? Parallelism { get; init; }
}

namespace Sitrep.Ingest;

/// <summary>A progress report: how many inputs are done and how fast, and what is happening when it is not analysing (<see cref="Phase"/>).</summary>
public readonly record struct BatchProgress(int Done, int Failed, double ArticlesPerSecond)
{
    /// <summary>What the engine is doing besides analysing ("resolving entities"); null while it analyses.</summary>
    public string? Phase { get; init; }
}

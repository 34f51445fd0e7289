namespace Sitrep.Ingest;

/// <summary>A progress report: how many inputs are done and how fast.</summary>
public readonly record struct BatchProgress(int Done, int Failed, double ArticlesPerSecond);

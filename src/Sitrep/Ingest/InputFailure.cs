namespace Sitrep.Ingest;

/// <summary>An input that could not be read or analysed, and why, in words a user can act on.</summary>
public sealed record InputFailure(string Source, string Reason);

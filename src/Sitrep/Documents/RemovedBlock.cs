namespace Sitrep.Documents;

/// <summary>A block the cleaner took out of the body, where it was in the raw text, and why.</summary>
public sealed record RemovedBlock(string Text, RemovalReason Reason, TextRange Raw);

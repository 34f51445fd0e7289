namespace Sitrep.Entities;

/// <summary>What a document's own entity resolved to: the stored entity's id ("E12") and its type (the type most of its documents give it).</summary>
public sealed record ResolvedEntity(string Id, string Type);

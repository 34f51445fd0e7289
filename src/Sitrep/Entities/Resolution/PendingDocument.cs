namespace Sitrep.Entities.Resolution;

/// <summary>A stored document whose entities have not been resolved against the store yet.</summary>
public sealed record PendingDocument(string Id, IReadOnlyList<DocumentEntity> Entities);

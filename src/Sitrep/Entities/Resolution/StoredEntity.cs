namespace Sitrep.Entities.Resolution;

/// <summary>An entity as the store keeps it: its stable id, name, type, and in how many documents it is named.</summary>
public sealed record StoredEntity(long Id, string Name, string Type, int Documents);

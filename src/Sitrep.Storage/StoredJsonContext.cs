using System.Text.Json.Serialization;

namespace Sitrep.Storage;

/// <summary>Source-generated JSON for the few small shapes the store writes without a hand-written writer.</summary>
[JsonSerializable(typeof(IReadOnlyList<string>))]
internal sealed partial class StoredJsonContext : JsonSerializerContext;

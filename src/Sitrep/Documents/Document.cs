namespace Sitrep.Documents;

/// <summary>
/// An analysed article: the raw text once, the cleaned body once, the map between them, and
/// everything read from it as offsets into the body. Immutable once the pipeline returns it.
/// </summary>
public sealed record Document
{
    public required string Id { get; init; }
    public required string Source { get; init; }
    public required InputFormat Format { get; init; }
    public required string RawText { get; init; }

    /// <summary>The cleaned article body, without the title.</summary>
    public required string Text { get; init; }

    public required OffsetMap Map { get; init; }
    public required DocumentMetadata Metadata { get; init; }
    public required StatedMetadata Stated { get; init; }
    public IReadOnlyList<RemovedBlock> Removed { get; init; } = [];
    public IReadOnlyList<Caption> Captions { get; init; } = [];

    /// <summary>Names found in the body, in order; empty when the pipeline had no entity stage.</summary>
    public IReadOnlyList<Mention> Mentions { get; init; } = [];

    /// <summary>The things the mentions name, one per referent in this article; a mention's <see cref="Mention.Entity"/> indexes it.</summary>
    public IReadOnlyList<Entities.Resolution.DocumentEntity> Entities { get; init; } = [];
    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>Hash of the raw input (with its stated metadata).</summary>
    public required string ContentHash { get; init; }

    /// <summary>Hash of the cleaned body: equal bodies from different sources are syndicated copies.</summary>
    public string TextHash => field ??= Hashing.Hex(Text);

    /// <summary>The id of an earlier stored document with the same body from another source.</summary>
    public string? DuplicateOf { get; init; }

    public required string PipelineVersion { get; init; }
}

using Sitrep.Pipeline;

namespace Sitrep.Documents;

/// <summary>
/// An analysed article: the raw text once, the cleaned body once, the map between them, and
/// everything read from it as offsets into the body. Immutable once the pipeline returns it.
/// The core fields are its own; what features add (mentions, quotes, …) is in <see cref="Layers"/>.
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

    /// <summary>The layers features added (mentions, quotes, …), read with their typed keys.</summary>
    public LayerSet Layers { get; init; } = LayerSet.Empty;

    /// <summary>Which stages analysed this document, each with the version it ran at.</summary>
    public IReadOnlyDictionary<string, string> Stages { get; init; } = new Dictionary<string, string>();

    /// <summary>What reading the input had to do ("not valid UTF-8; decoded as Windows-1252"): part of the input, kept across reanalysis.</summary>
    public IReadOnlyList<string> InputNotes { get; init; } = [];

    /// <summary>What the stages noted in the last analysis (a stage that failed, a language without a tagger); made anew by each analysis.</summary>
    public IReadOnlyList<string> StageNotes { get; init; } = [];

    /// <summary>Every note, the input's first.</summary>
    public IEnumerable<string> Notes => InputNotes.Concat(StageNotes);

    /// <summary>Hash of the raw input (with its stated metadata).</summary>
    public required string ContentHash { get; init; }

    /// <summary>Hash of the cleaned body: equal bodies from different sources are syndicated copies.</summary>
    public string TextHash => field ??= Hashing.Hex(Text);

    /// <summary>The id of an earlier stored document with the same body from another source.</summary>
    public string? DuplicateOf { get; init; }

    /// <summary>A short summary of the stages and versions that made this analysis (for display; <see cref="Stages"/> is what counts).</summary>
    public required string PipelineVersion { get; init; }

    /// <summary>The input again, as it was received: what reanalysis starts from.</summary>
    public ArticleInput ToInput() => new(Source, Id, Format, RawText, Stated, InputNotes);

    /// <summary>The body as a layer value, for stages that read it back after a reload.</summary>
    public CleanedBody Body => new(Text, Map, Removed, Captions);
}

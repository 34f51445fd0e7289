using Sitrep.Documents;
using Sitrep.Pipeline;

namespace Sitrep.Cleaning;

/// <summary>A cleaned body with its map to the raw text, what was removed, and what the page told about itself.</summary>
public sealed record CleaningResult(
    string Text,
    OffsetMap Map,
    IReadOnlyList<RemovedBlock> Removed,
    IReadOnlyList<Caption> Captions,
    PageHints Hints);

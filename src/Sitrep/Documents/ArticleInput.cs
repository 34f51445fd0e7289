namespace Sitrep.Documents;

/// <summary>
/// One article as received, decoded to text but otherwise untouched: the input of the
/// per-document pipeline, and what the store keeps so a document can be analysed again.
/// </summary>
/// <param name="Source">Where it came from: a file path, or a path with a line number, or a URL.</param>
/// <param name="Id">The document id the contract asks for (file stem, relative path, or a hash).</param>
/// <param name="Format">How <paramref name="RawText"/> is to be read.</param>
/// <param name="RawText">The decoded raw input; body offsets map back into it.</param>
/// <param name="Stated">Metadata the input states outright.</param>
/// <param name="Notes">What decoding had to do, e.g. a fallback encoding.</param>
public sealed record ArticleInput(
    string Source,
    string Id,
    InputFormat Format,
    string RawText,
    StatedMetadata Stated,
    IReadOnlyList<string> Notes)
{
    /// <summary>Identity of the raw content: equal inputs from the same source are stored once.</summary>
    public string ContentHash { get; } = Hashing.Hex(Format + "\n" + RawText + "\n" + Stated.HashKey);
}

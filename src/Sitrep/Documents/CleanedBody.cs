namespace Sitrep.Documents;

/// <summary>
/// What cleaning makes of the raw input: the article body (one string, without the title), the map
/// from each of its characters back to the raw input, and every block taken out, captions apart.
/// </summary>
public sealed record CleanedBody(string Text, OffsetMap Map, IReadOnlyList<RemovedBlock> Removed, IReadOnlyList<Caption> Captions)
{
    public static readonly CleanedBody Empty = new("", OffsetMap.Identity(0), [], []);
}

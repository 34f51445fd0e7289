namespace Sitrep.Stories;

/// <summary>
/// What the framing stage keeps in a store: each grouped article's tally (what it gives its story's
/// framing, with the story it was summed into) and each story's framing, one row per outlet.
/// </summary>
public interface IStoryFraming
{
    /// <summary>The story the document's tally was last summed into, or null when it has none.</summary>
    long? TallyStory(string document);

    /// <summary>Keeps the document's tally, summed into <paramref name="story"/> (replacing any it had).</summary>
    void SaveTally(long story, FramingTally tally);

    void RemoveTally(string document);

    /// <summary>
    /// The documents whose tallies were last summed into <paramref name="story"/>: after a story split (an
    /// article left it, and what it held together fell apart), some of them are in another story now.
    /// </summary>
    IReadOnlyList<string> TalliedDocuments(long story);

    /// <summary>The stored tallies of these documents (those without one are left out).</summary>
    IReadOnlyList<FramingTally> Tallies(IReadOnlyList<string> documents);

    /// <summary>The story's framing, one row per outlet by name; empty when none is stored.</summary>
    IReadOnlyList<OutletFramingRow> Framing(long story);

    /// <summary>
    /// Replaces the story's framing with <paramref name="rows"/> (only the rows that changed are written),
    /// and drops the framing of the stories merged into it.
    /// </summary>
    void SaveFraming(long story, IReadOnlyList<OutletFramingRow> rows);
}

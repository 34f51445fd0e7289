namespace Sitrep.Ingest;

/// <summary>What a batch did, for the summary table; <see cref="DocumentIds"/> lists every input's document in input order.</summary>
public sealed class BatchSummary
{
    public int Read { get; set; }
    public int Stored { get; set; }
    public int Updated { get; set; }
    public int AlreadyStored { get; set; }
    public int Duplicates { get; set; }

    /// <summary>Feeds whose server said nothing changed since the last poll.</summary>
    public int Unchanged { get; set; }
    public List<InputFailure> Failures { get; } = [];

    /// <summary>Documents stored although a stage failed on them (each keeps the layers before it and a note; <c>reanalyze</c> tries the stage again).</summary>
    public List<InputFailure> StageFailures { get; } = [];
    public List<string> DocumentIds { get; } = [];
    public TimeSpan Elapsed { get; set; }

    public int Failed => Failures.Count;
}

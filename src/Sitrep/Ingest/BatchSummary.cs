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

    /// <summary>
    /// How long the one thread that stores each batch and runs the cross-document stages held its core
    /// (wall time): when it is close to <see cref="Elapsed"/>, that thread sets the pace.
    /// </summary>
    public TimeSpan StoringBusy { get; set; }

    /// <summary>The processor time of that storing (Linux; zero elsewhere): less than <see cref="StoringBusy"/> by what it lost to other threads, the collector and the disk.</summary>
    public TimeSpan StoringProcessor { get; set; }

    /// <summary>How long the analysing threads, done with a batch, waited for the batch before it to be stored.</summary>
    public TimeSpan AnalysisWaited { get; set; }

    public int Failed => Failures.Count;
}

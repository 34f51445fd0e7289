using Sitrep.Ingest;

namespace Sitrep.Engine;

/// <summary>What a reanalysis did.</summary>
public sealed class ReanalysisSummary
{
    /// <summary>Documents looked at.</summary>
    public int Checked { get; set; }

    /// <summary>Documents brought up to date (some of their stages ran again).</summary>
    public int Analysed { get; set; }

    /// <summary>Documents already up to date.</summary>
    public int UpToDate { get; set; }

    /// <summary>Documents that could not be analysed again (kept as they were), and cross-document failures.</summary>
    public List<InputFailure> Failures { get; } = [];

    /// <summary>Documents analysed again although a stage failed on them.</summary>
    public List<InputFailure> StageFailures { get; } = [];

    public TimeSpan Elapsed { get; set; }
}

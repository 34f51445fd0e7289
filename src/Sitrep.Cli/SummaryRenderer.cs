using Sitrep.Ingest;
using Spectre.Console;

namespace Sitrep.Cli;

/// <summary>The table a user reads after a batch: what was read, stored, skipped, and what failed and why.</summary>
internal static class SummaryRenderer
{
    private const int FailuresShown = 20;

    public static void Render(IAnsiConsole console, BatchSummary s, string db, string? json, bool verbose)
    {
        var table = new Table().Border(TableBorder.Rounded).AddColumn("").AddColumn(new TableColumn("articles").RightAligned());
        table.AddRow("read", s.Read.ToString("N0", System.Globalization.CultureInfo.InvariantCulture));
        table.AddRow("stored", s.Stored.ToString("N0", System.Globalization.CultureInfo.InvariantCulture));
        if (s.Updated > 0)
            table.AddRow("updated (input changed)", s.Updated.ToString("N0", System.Globalization.CultureInfo.InvariantCulture));
        table.AddRow("already stored", s.AlreadyStored.ToString("N0", System.Globalization.CultureInfo.InvariantCulture));
        if (s.Unchanged > 0)
            table.AddRow("feeds not modified since last poll", s.Unchanged.ToString("N0", System.Globalization.CultureInfo.InvariantCulture));
        table.AddRow("duplicates of another source", s.Duplicates.ToString("N0", System.Globalization.CultureInfo.InvariantCulture));
        table.AddRow(s.Failed > 0 ? "[red]failed[/]" : "failed", s.Failed.ToString("N0", System.Globalization.CultureInfo.InvariantCulture));
        console.Write(table);

        double rate = s.Read / Math.Max(s.Elapsed.TotalSeconds, 1e-3);
        console.MarkupLineInterpolated($"{s.Read:N0} {(s.Read == 1 ? "article" : "articles")} in {s.Elapsed.TotalSeconds:N1} s ({rate:N0}/s). Store: {db}");
        if (verbose)
        {
            // Where the time went: whether the one storing thread set the pace, and what it lost to the rest.
            console.MarkupLineInterpolated($"Storing and cross-document stages: {s.StoringBusy.TotalSeconds:N1} s on their thread ({s.StoringProcessor.TotalSeconds:N1} s of processor time); analysis waited {s.AnalysisWaited.TotalSeconds:N1} s for them; garbage collection paused every thread {GC.GetTotalPauseDuration().TotalSeconds:N1} s.");
        }
        if (s.Stored == 0 && s.Updated == 0 && (s.AlreadyStored > 0 || s.Unchanged > 0))
            console.MarkupLine("Nothing new: every input was already stored.");
        if (json is not null)
            console.MarkupLineInterpolated($"Analysis JSON: {json}");

        if (s.Failures.Count > 0 || s.StageFailures.Count > 0)
            console.MarkupLineInterpolated($"Failures are listed on standard error{(verbose || s.Failures.Count + s.StageFailures.Count <= FailuresShown ? "" : $" (the first {FailuresShown}; --verbose lists them all)")}.");
    }

    /// <summary>
    /// Each failure on a line of its own on standard error, so a log or a pipe keeps them apart from the
    /// summary: the first <see cref="FailuresShown"/> of each kind unless <paramref name="all"/>.
    /// </summary>
    public static void RenderFailures(IAnsiConsole console, BatchSummary s, bool all)
    {
        var shown = all ? s.Failures : s.Failures.Take(FailuresShown).ToList();
        foreach (var f in shown)
            Errors.Write(console, $"failed: {f.Source}: {f.Reason}");
        if (shown.Count < s.Failures.Count)
            Errors.Write(console, $"… and {s.Failures.Count - shown.Count:N0} more failures (--verbose lists them all)");
        var stageFailures = all ? s.StageFailures : s.StageFailures.Take(FailuresShown).ToList();
        foreach (var f in stageFailures)
            Errors.Write(console, $"stored, but a stage failed: {f.Source}: {f.Reason}");
        if (stageFailures.Count < s.StageFailures.Count)
            Errors.Write(console, $"… and {s.StageFailures.Count - stageFailures.Count:N0} more documents stored with a failed stage (--verbose lists them all)");
    }
}

using Sitrep.Engine;
using Sitrep.Ingest;
using Spectre.Console;

namespace Sitrep.Cli;

/// <summary>
/// What a person watching the terminal sees while Sitrep works: "loading model" while the models load,
/// then a bar over the bytes of the inputs (compressed bytes for .gz, so a .jsonl.gz moves as it is
/// read) with articles per second and the time remaining. Nothing where output is not a terminal.
/// </summary>
internal static class BatchProgressView
{
    /// <summary>Runs <paramref name="work"/> under a "loading model" spinner (opening the engine loads the tagger).</summary>
    public static T Loading<T>(IAnsiConsole? console, Func<T> work)
    {
        if (!Interactive(console))
            return work();
        T result = default!;
        console!.Status().Spinner(Spinner.Known.Dots).Start("loading model…", _ => result = work());
        return result;
    }

    public static BatchSummary Run(IAnsiConsole? console, InputResolver inputs, Func<IProgress<BatchProgress>?, BatchSummary> work)
    {
        if (!Interactive(console))
            return work(null);
        bool measurable = !inputs.HasUrls && inputs.TotalBytes > 0;
        BatchSummary? summary = null;
        console!.Progress()
            .AutoClear(false)
            .HideCompleted(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new ElapsedTimeColumn(), new SpinnerColumn())
            .Start(context =>
            {
                var task = context.AddTask("reading", maxValue: measurable ? inputs.TotalBytes : 1);
                task.IsIndeterminate = !measurable;
                summary = work(new TaskProgress(task, measurable ? () => inputs.BytesRead : null));
                task.Value = task.MaxValue;
                task.StopTask();
            });
        return summary!;
    }

    /// <summary>A bar over the stored documents while they are checked and brought up to date.</summary>
    public static ReanalysisSummary RunReanalysis(IAnsiConsole? console, int total, Func<IProgress<BatchProgress>?, ReanalysisSummary> work)
    {
        if (!Interactive(console))
            return work(null);
        ReanalysisSummary? summary = null;
        console!.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new ElapsedTimeColumn(), new SpinnerColumn())
            .Start(context =>
            {
                var task = context.AddTask("checking", maxValue: Math.Max(total, 1));
                int count = total;
                summary = work(new TaskProgress(task, null, () => count));
                task.Value = task.MaxValue;
                task.StopTask();
            });
        return summary!;
    }

    private static bool Interactive(IAnsiConsole? console) => console is not null && console.Profile.Capabilities.Interactive;

    private sealed class TaskProgress(ProgressTask task, Func<long>? bytes, Func<int>? documents = null) : IProgress<BatchProgress>
    {
        public void Report(BatchProgress value)
        {
            var done = documents is null ? $"{value.Done:N0} articles" : $"{value.Done:N0} of {documents():N0} documents";
            task.Description = value.Phase is { } phase
                ? $"{done}: {phase}"
                : $"{done}, {value.ArticlesPerSecond:N0}/s" + (value.Failed > 0 ? $", {value.Failed:N0} failed" : "");
            if (bytes is not null)
                task.Value = Math.Min(bytes(), task.MaxValue);
            else if (documents is not null)
                task.Value = Math.Min(value.Done, task.MaxValue);
        }
    }
}

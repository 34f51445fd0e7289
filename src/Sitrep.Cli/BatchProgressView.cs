using Sitrep.Ingest;
using Spectre.Console;

namespace Sitrep.Cli;

/// <summary>A live progress bar with articles per second, where the terminal can show one.</summary>
internal static class BatchProgressView
{
    public static BatchSummary Run(IAnsiConsole? console, int? total, Func<IProgress<BatchProgress>?, BatchSummary> work)
    {
        if (console is null || !console.Profile.Capabilities.Interactive)
            return work(null);
        BatchSummary? summary = null;
        console.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new SpinnerColumn())
            .Start(context =>
            {
                var task = context.AddTask("analyzing", maxValue: total ?? 1);
                task.IsIndeterminate = total is null;
                summary = work(new TaskProgress(task, total));
                task.Value = task.MaxValue;
                task.StopTask();
            });
        return summary!;
    }

    /// <summary>A progress bar over the stored documents while they are checked and brought up to date.</summary>
    public static Sitrep.Engine.ReanalysisSummary RunReanalysis(IAnsiConsole? console, int total, Func<IProgress<BatchProgress>?, Sitrep.Engine.ReanalysisSummary> work)
    {
        if (console is null || !console.Profile.Capabilities.Interactive)
            return work(null);
        Sitrep.Engine.ReanalysisSummary? summary = null;
        console.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new SpinnerColumn())
            .Start(context =>
            {
                var task = context.AddTask("reanalysing", maxValue: Math.Max(total, 1));
                summary = work(new TaskProgress(task, total));
                task.Value = task.MaxValue;
                task.StopTask();
            });
        return summary!;
    }

    private sealed class TaskProgress(ProgressTask task, int? total) : IProgress<BatchProgress>
    {
        public void Report(BatchProgress value)
        {
            task.Description = $"{value.Done:N0} articles, {value.ArticlesPerSecond:N0}/s" + (value.Failed > 0 ? $", {value.Failed:N0} failed" : "");
            if (total is not null)
                task.Value = Math.Min(value.Done, total.Value);
        }
    }
}

using System.CommandLine;
using Spectre.Console;

namespace Sitrep.Cli.Commands;

/// <summary>
/// <c>sitrep reanalyze</c>: brings stored documents up to the current pipeline from the raw input kept
/// with them, running only the stages each one misses or had at another version, never dropping a layer.
/// </summary>
internal static class ReanalyzeCommand
{
    public static Command Create(IAnsiConsole console)
    {
        var db = StoreOptions.Database();
        var all = new Option<bool>("--all") { Description = "Analyse every stored document again with every stage, not only what is missing or outdated." };
        var stages = AnalyzeCommand.StageOption();
        var command = new Command("reanalyze", """
            Bring stored documents up to the current pipeline, from the raw input kept with each: every
            stage a document misses, or had at another version, runs again (with the stages that build
            on it); layers a document has are kept up to date, never dropped.

            Examples:
              sitrep reanalyze --db news.db
              sitrep reanalyze --all
            """);
        var entities = new Option<bool>("--entities") { Description = "Accepted and ignored (entities are part of the default pipeline now); kept for one release." };
        command.Options.Add(db);
        command.Options.Add(all);
        command.Options.Add(stages);
        command.Options.Add(entities);
        command.SetAction(parse => Run(console, parse.GetValue(db)!, parse.GetValue(all), parse.GetValue(stages)));
        return command;
    }

    private static int Run(IAnsiConsole console, FileInfo db, bool all, string? stages)
    {
        if (!AnalyzeCommand.TryOptions(console, stages, Sitrep.Ingest.Web.FetchOptions.Default, out var options))
            return ExitCodes.Usage;
        if (!File.Exists(db.FullName))
            return StoreOptions.OpenExisting(console, db, out int missing) is null ? missing : ExitCodes.Internal;
        using var storeLock = StoreLock.TryTake(db.FullName, out var inUse);
        if (inUse is not null)
        {
            Errors.Write(console, inUse);
            return ExitCodes.StoreError;
        }
        int exitCode = ExitCodes.Ok;
        using var engine = BatchProgressView.Loading(console, () => StoreOptions.OpenExisting(console, db, out exitCode, options));
        if (engine is null)
            return exitCode;
        var summary = BatchProgressView.RunReanalysis(console, engine.Store.Count(), progress => engine.Reanalyze(all, progress));
        foreach (var failure in summary.Failures)
            Errors.Write(console, $"failed: {failure.Source}: {failure.Reason}");
        foreach (var failure in summary.StageFailures)
            Errors.Write(console, $"analysed, but a stage failed: {failure.Source}: {failure.Reason}");
        console.MarkupLineInterpolated($"{summary.Analysed:N0} documents brought up to date, {summary.UpToDate:N0} already up to date{(summary.Failures.Count > 0 ? $", {summary.Failures.Count:N0} failed" : "")} ({summary.Elapsed.TotalSeconds:N1} s).");
        return ExitCodes.Ok;
    }
}

using System.CommandLine;
using Sitrep.Engine;
using Spectre.Console;

namespace Sitrep.Cli.Commands;

/// <summary><c>sitrep analyze INPUT…</c>: read, analyse with every stage (or those named), store, and optionally write the analysis JSON.</summary>
internal static class AnalyzeCommand
{
    public static Command Create(IAnsiConsole console)
    {
        var inputs = new Argument<string[]>("inputs")
        {
            Description = "Files, folders (searched recursively) and http(s) URLs: .txt and .html/.htm(.gz) articles, .jsonl(.gz) with one article per line, RSS/Atom feeds (.rss, .atom, .xml or a feed URL), web pages.",
            Arity = ArgumentArity.OneOrMore,
        };
        var db = StoreOptions.Database(createsStore: true);
        var json = new Option<FileInfo?>("--json")
        {
            Description = "Write the analysis of every input named here (stored now or before) to this JSON file.",
        };
        var quiet = new Option<bool>("--quiet", "-q") { Description = "Print nothing but errors." };
        var verbose = new Option<bool>("--verbose", "-v") { Description = "List every failed input (the summary lists the first 20) and say where the time and the memory went." };
        var timeout = new Option<double>("--timeout")
        {
            Description = "Seconds to wait for a web page or feed before giving up on it.",
            DefaultValueFactory = _ => 20,
        };
        var stages = StageOption();

        var command = new Command("analyze", $"""
            Read articles, analyse them with every stage, and store them.

            Stages (every one runs by default; --stages runs fewer, with what they build on):
            {string.Join("\n", Features.All.Select(f => $"  {f.Name,-14} {f.Description}"))}

            Examples:
              sitrep analyze examples/
              sitrep analyze article.txt more-articles/ --db news.db --json analysis.json
              sitrep analyze dump.jsonl.gz --stages text --quiet
              sitrep analyze https://example.com/news/feed.xml --json feed.json

            Re-running on the same inputs stores nothing new and writes the same JSON.
            Exit code: 0 when the batch ran (bad inputs are reported in the summary),
            1 on a usage error, 2 when nothing could be read, 3 when the store or an output
            file could not be opened or written, 4 on a bug (one line, never a stack trace).
            """);
        command.Arguments.Add(inputs);
        command.Options.Add(db);
        command.Options.Add(json);
        command.Options.Add(quiet);
        command.Options.Add(verbose);
        command.Options.Add(timeout);
        var hostInterval = new Option<double>("--host-interval")
        {
            Description = "Seconds to leave between two requests to the same web site (politeness).",
            DefaultValueFactory = _ => 1,
        };
        command.Options.Add(hostInterval);
        // Checked with the command line, before any model loads or store opens: a negative wait was
        // an internal error (exit 4) after the models had loaded and the store was created.
        timeout.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<double>() is not (> 0 and <= 86_400))
                result.AddError($"--timeout {result.GetValueOrDefault<double>()}: give a number of seconds above 0 (at most a day)");
        });
        hostInterval.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<double>() is not (>= 0 and <= 86_400))
                result.AddError($"--host-interval {result.GetValueOrDefault<double>()}: give a number of seconds, 0 or more (at most a day)");
        });
        command.Options.Add(stages);
        var entities = new Option<bool>("--entities")
        {
            Description = "Accepted and ignored (entities are found by default now); kept for one release.",
        };
        command.Options.Add(entities);
        command.SetAction(parse => Run(
            console,
            parse.GetValue(inputs) ?? [],
            parse.GetValue(db)!,
            parse.GetValue(json),
            parse.GetValue(quiet),
            parse.GetValue(verbose),
            parse.GetValue(timeout),
            parse.GetValue(hostInterval),
            parse.GetValue(stages)));
        return command;
    }

    /// <summary><c>--stages LIST</c>, shared by analyze and reanalyze.</summary>
    public static Option<string?> StageOption() => new("--stages")
    {
        Description = $"Run only these stages (comma-separated, with what they build on): {string.Join(", ", Features.Names)}. Default: every stage.",
    };

    /// <summary>The options for the stages named; null (every stage) when none are; a usage error says which name is wrong.</summary>
    public static bool TryOptions(IAnsiConsole console, string? stages, Sitrep.Ingest.Web.FetchOptions fetch, out EngineOptions options)
    {
        options = EngineOptions.Default with { Fetch = fetch };
        if (stages is null)
            return true;
        var names = Features.Parse(stages);
        var unknown = names.Where(n => !Features.Names.Contains(n)).ToList();
        if (unknown.Count > 0 || names.Count == 0)
        {
            Errors.Write(console, $"--stages: {(names.Count == 0 ? "no stage named" : "unknown stage " + string.Join(", ", unknown.Select(u => $"'{u}'")))}; the stages are {string.Join(", ", Features.Names)}");
            return false;
        }
        options = options with { Stages = names };
        return true;
    }

    private static int Run(IAnsiConsole output, string[] inputs, FileInfo db, FileInfo? json, bool quiet, bool verbose, double timeout, double hostInterval, string? stages)
    {
        var console = quiet ? null : output;
        var fetch = Sitrep.Ingest.Web.FetchOptions.Default with { Timeout = TimeSpan.FromSeconds(timeout), PerHostInterval = TimeSpan.FromSeconds(hostInterval) };
        if (!TryOptions(output, stages, fetch, out var options))
            return ExitCodes.Usage;
        // Where the results go is checked before anything is read, so a typo costs nothing.
        if (!OutputPaths.CheckFiles(output, ("--db", db.FullName), ("--json", json?.FullName)))
            return ExitCodes.Usage;
        bool newStore = !File.Exists(db.FullName);
        // One writing run per store, checked before the models load: a second run waits for nothing and loses nothing.
        bool lockFileExisted = File.Exists(StoreLock.PathFor(db.FullName));
        using var storeLock = StoreLock.TryTake(db.FullName, out var inUse);
        if (inUse is not null)
        {
            Errors.Write(output, inUse);
            return ExitCodes.StoreError;
        }
        int exitCode = ExitCodes.Ok;
        var engine = BatchProgressView.Loading(console, () =>
        {
            var opened = StoreOptions.OpenEngine(output, db, options, out exitCode);
            opened?.Warm();
            return opened;
        });
        if (engine is null)
        {
            storeLock?.Dispose();
            if (!lockFileExisted)
                StoreOptions.DeleteLockFile(db.FullName);
            return exitCode;
        }
        Sitrep.Ingest.BatchSummary summary;
        string? jsonError = null;
        bool jsonWritten = false;
        // With --verbose, where the memory went as well as the time.
        using var memory = verbose ? MemoryWatch.Start() : null;
        using (engine)
        {
            using var resolver = engine.OpenInputs(inputs);
            summary = BatchProgressView.Run(console, resolver, progress => engine.Analyze(resolver, progress));
            if (json is not null && summary.DocumentIds.Count > 0)
            {
                try
                {
                    using var file = File.Create(json.FullName);
                    engine.WriteAnalysisJson(file, summary.DocumentIds);
                    jsonWritten = true;
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    // The documents are stored: the summary still says so, and how to get the JSON again.
                    jsonError = $"cannot write --json {json.FullName}: {e.Message}; the documents are stored, and running the same command again writes it";
                }
            }
            bool readNothing = summary.Read == 0 || summary.Read == summary.Failed;
            if (console is not null)
            {
                var store = readNothing && newStore ? "none (no article could be read, so none was created)" : db.FullName;
                // Said only when written: with no article analysed there is nothing to write, and an old file is left as it was.
                var jsonLine = json is null || jsonError is not null ? null
                    : jsonWritten ? json.FullName
                    : $"not written ({json.FullName}: no article was analysed)";
                SummaryRenderer.Render(console, summary, store, jsonLine, verbose);
                if (memory is not null)
                    console.WriteLine(memory.Describe());
                int behind = engine.CountBehind(summary.DocumentIds);
                if (behind > 0)
                    console.MarkupLineInterpolated($"[yellow]{behind:N0} of these documents are behind the stages run here (a stage missing, failed, or run at another version); run 'sitrep reanalyze' to bring them up to date.[/]");
            }
            SummaryRenderer.RenderFailures(output, summary, verbose || console is null);
        }
        bool nothingRead = summary.Read == 0 || summary.Read == summary.Failed;
        if (nothingRead && newStore)
        {
            storeLock?.Dispose();
            StoreOptions.DeleteStoreFiles(db.FullName);
            if (!lockFileExisted)
                StoreOptions.DeleteLockFile(db.FullName);
        }
        if (jsonError is not null)
        {
            Errors.Write(output, jsonError);
            return ExitCodes.StoreError;
        }
        return nothingRead ? ExitCodes.NothingRead : ExitCodes.Ok;
    }
}

using System.CommandLine;
using Sitrep.Analysis;
using Sitrep.Ingest;
using Sitrep.Pipeline;
using Sitrep.Storage;
using Spectre.Console;

namespace Sitrep.Cli.Commands;

/// <summary><c>sitrep analyze INPUT…</c>: read, clean, store, and optionally write the analysis JSON.</summary>
internal static class AnalyzeCommand
{
    public static Command Create(IAnsiConsole console)
    {
        var inputs = new Argument<string[]>("inputs")
        {
            Description = "Files, folders (searched recursively) and http(s) URLs: .txt and .html/.htm(.gz) articles, .jsonl(.gz) with one article per line, RSS/Atom feeds (.rss, .atom, .xml or a feed URL), web pages.",
            Arity = ArgumentArity.OneOrMore,
        };
        var db = StoreOptions.Database();
        var json = new Option<FileInfo?>("--json")
        {
            Description = "Write the analysis of every input named here (stored now or before) to this JSON file.",
        };
        var quiet = new Option<bool>("--quiet", "-q") { Description = "Print nothing but errors." };
        var verbose = new Option<bool>("--verbose", "-v") { Description = "List every failed input and each document's outcome." };
        var timeout = new Option<double>("--timeout")
        {
            Description = "Seconds to wait for a web page or feed before giving up on it.",
            DefaultValueFactory = _ => 20,
        };

        var command = new Command("analyze", """
            Read articles, clean them, and store them with their metadata.

            Examples:
              sitrep analyze examples/
              sitrep analyze article.txt more-articles/ --db news.db --json analysis.json
              sitrep analyze dump.jsonl.gz --quiet
              sitrep analyze https://example.com/news/feed.xml --json feed.json

            Re-running on the same inputs stores nothing new and writes the same JSON.
            Exit code: 0 when the batch ran (bad inputs are reported in the summary),
            1 on a usage error, 2 when nothing could be read, 3 when the store failed.
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
        var entities = new Option<bool>("--entities")
        {
            Description = "Also find the names in each article (people, organisations, places, media) with the trained tagger. Slower; still in progress.",
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
            parse.GetValue(entities)));
        return command;
    }

    private static int Run(IAnsiConsole output, string[] inputs, FileInfo db, FileInfo? json, bool quiet, bool verbose, double timeout, double hostInterval, bool entities)
    {
        var console = quiet ? null : output;
        SqliteDocumentStore store;
        try
        {
            store = SqliteDocumentStore.Open(db.FullName);
        }
        catch (StoreException e)
        {
            WriteError(output, e.Message);
            return ExitCodes.StoreError;
        }
        using (store)
        {
            using var fetcher = new Sitrep.Ingest.Web.WebFetcher(Sitrep.Ingest.Web.FetchOptions.Default with { Timeout = TimeSpan.FromSeconds(timeout), PerHostInterval = TimeSpan.FromSeconds(hostInterval) });
            using var resolver = new InputResolver(inputs, fetcher, store);
            var pipeline = PipelineBuilder.CreateDefault(entities);
            var analyzer = new BatchAnalyzer(pipeline, store, crossDocument: [new Sitrep.Entities.Resolution.EntityResolver(store.Entities)]);
            var total = resolver.AllFilesAreSingleArticles ? resolver.FileCount : (int?)null;
            var summary = BatchProgressView.Run(console, total, progress => analyzer.Run(resolver.Items(), progress));

            if (json is not null && summary.DocumentIds.Count > 0)
            {
                using var file = File.Create(json.FullName);
                AnalysisJsonWriter.Write(file, summary.DocumentIds.Distinct(StringComparer.Ordinal).Select(id => store.Load(id)!), store.Entities);
            }
            if (console is not null)
            {
                SummaryRenderer.Render(console, summary, db.FullName, json?.FullName, verbose);
                int stale = store.IdsWithPipelineVersionOtherThan(pipeline.Version).Count();
                if (stale > 0)
                    console.MarkupLineInterpolated($"[yellow]{stale:N0} stored documents were analysed by another pipeline version; run 'sitrep reanalyze' to bring them up to date.[/]");
            }
            else
            {
                foreach (var f in summary.Failures)
                    WriteError(output, $"failed: {f.Source}: {f.Reason}");
            }
            return summary.Read == 0 || summary.Read == summary.Failed ? ExitCodes.NothingRead : ExitCodes.Ok;
        }
    }

    private static void WriteError(IAnsiConsole console, string message)
    {
        if (ReferenceEquals(console, AnsiConsole.Console))
            Console.Error.WriteLine($"sitrep: {message}");
        else
            console.WriteLine($"sitrep: {message}");
    }
}

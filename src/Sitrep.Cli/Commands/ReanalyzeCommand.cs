using System.CommandLine;
using Sitrep.Documents;
using Sitrep.Pipeline;
using Sitrep.Storage;
using Spectre.Console;

namespace Sitrep.Cli.Commands;

/// <summary>
/// <c>sitrep reanalyze</c>: analyses stored documents again from the raw input kept with them,
/// so a store never mixes the output of two pipeline versions without saying so.
/// </summary>
internal static class ReanalyzeCommand
{
    private const int BatchSize = 256;

    public static Command Create(IAnsiConsole console)
    {
        var db = StoreOptions.Database();
        var all = new Option<bool>("--all") { Description = "Analyse every stored document again, not only those from another pipeline version." };
        var command = new Command("reanalyze", """
            Analyse stored documents again from their stored raw input with the current pipeline:
            by default those analysed by another pipeline version, with --all every one.

            Examples:
              sitrep reanalyze --db news.db
              sitrep reanalyze --all
            """);
        var entities = new Option<bool>("--entities") { Description = "Use the pipeline with the entity stage (as analyze --entities does)." };
        command.Options.Add(db);
        command.Options.Add(all);
        command.Options.Add(entities);
        command.SetAction(parse => Run(console, parse.GetValue(db)!, parse.GetValue(all), parse.GetValue(entities)));
        return command;
    }

    private static int Run(IAnsiConsole console, FileInfo db, bool all, bool entities)
    {
        var store = StoreOptions.OpenExisting(console, db, out int exitCode);
        if (store is null)
            return exitCode;
        using (store)
        {
            var pipeline = PipelineBuilder.CreateDefault(entities);
            // Ids first: the store cannot be read and written at once on one connection.
            var ids = (all ? store.LoadAll().Select(d => d.Id) : store.IdsWithPipelineVersionOtherThan(pipeline.Version)).ToList();
            int done = 0, failed = 0;
            var resolver = new Sitrep.Entities.Resolution.EntityResolver(store.Entities);
            foreach (var chunk in ids.Chunk(BatchSize))
            {
                var inputs = chunk.Select(id => store.Load(id)).Where(d => d is not null).Select(d => new ArticleInput(d!.Source, d.Id, d.Format, d.RawText, d.Stated, d.Notes)).ToList();
                var results = new Document?[inputs.Count];
                var errors = new string?[inputs.Count];
                Parallel.For(0, inputs.Count, i =>
                {
                    try
                    {
                        results[i] = pipeline.Analyze(inputs[i]);
                    }
                    catch (InputRejectedException e)
                    {
                        errors[i] = e.Message;
                    }
                });
                store.SaveReanalysed([.. results.Where(r => r is not null).Select(r => r!)]);
                foreach (var failure in resolver.Update())
                {
                    failed++;
                    console.MarkupLineInterpolated($"[red]failed[/] {failure.Source}: {failure.Reason}");
                }
                done += results.Count(r => r is not null);
                for (int i = 0; i < errors.Length; i++)
                {
                    if (errors[i] is { } error)
                    {
                        failed++;
                        console.MarkupLineInterpolated($"[red]failed[/] {inputs[i].Source}: {error}");
                    }
                }
            }
            console.MarkupLineInterpolated($"{done:N0} documents analysed again with pipeline {pipeline.Version}{(failed > 0 ? $", {failed:N0} failed" : "")}.");
            return ExitCodes.Ok;
        }
    }
}

using System.CommandLine;
using Spectre.Console;

namespace Sitrep.Cli.Commands;

/// <summary><c>sitrep export</c>: every stored document as one JSON object per line, streamed.</summary>
internal static class ExportCommand
{
    public static Command Create(IAnsiConsole console)
    {
        var db = StoreOptions.Database();
        var output = new Option<FileInfo?>("--out", "-o") { Description = "Write to this file (default: standard output)." };
        var command = new Command("export", """
            Write every stored document as JSONL: one analysis document per line, in store order,
            with the fields of the analysis JSON.

            Examples:
              sitrep export --db news.db --out news.jsonl
              sitrep export | gzip > news.jsonl.gz
            """);
        command.Options.Add(db);
        command.Options.Add(output);
        command.SetAction(parse => Run(console, parse.GetValue(db)!, parse.GetValue(output)));
        return command;
    }

    private static int Run(IAnsiConsole console, FileInfo db, FileInfo? output)
    {
        using var engine = StoreOptions.OpenExisting(console, db, out int exitCode);
        if (engine is null)
            return exitCode;
        using var stream = output is null ? Console.OpenStandardOutput() : File.Create(output.FullName);
        int count = engine.Export(stream);
        if (output is not null)
            console.MarkupLineInterpolated($"{count:N0} documents written to {output.FullName}");
        return ExitCodes.Ok;
    }
}

using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;
using Sitrep.Analysis;
using Sitrep.Storage;
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
        var store = StoreOptions.OpenExisting(console, db, out int exitCode);
        if (store is null)
            return exitCode;
        using (store)
        {
            using var stream = output is null ? Console.OpenStandardOutput() : File.Create(output.FullName);
            var options = new JsonWriterOptions { Indented = false, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
            int count = 0;
            foreach (var document in store.LoadAll())
            {
                using (var json = new Utf8JsonWriter(stream, options))
                    AnalysisJsonWriter.WriteDocument(json, document, AnalysisJsonWriter.EntityIds(document, store.Entities));
                stream.WriteByte((byte)'\n');
                count++;
            }
            if (output is not null)
                console.MarkupLineInterpolated($"{count:N0} documents written to {output.FullName}");
            return ExitCodes.Ok;
        }
    }
}

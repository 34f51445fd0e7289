using System.CommandLine;
using Sitrep.Analysis;
using Spectre.Console;

namespace Sitrep.Cli.Commands;

/// <summary>
/// <c>sitrep export</c>: everything stored, streamed: JSONL (one analysis document per line, then a
/// line with the entities they name), or CSV (one file per table: documents, then each feature's).
/// </summary>
internal static class ExportCommand
{
    public static Command Create(IAnsiConsole console)
    {
        var db = StoreOptions.Database();
        var output = new Option<string?>("--out", "-o") { Description = "JSONL: the file to write (default: standard output). CSV: the folder to write one file per table into (created if only it is missing)." };
        var format = new Option<string>("--format") { Description = "jsonl (default) or csv.", DefaultValueFactory = _ => "jsonl" };
        format.AcceptOnlyFromAmong("jsonl", "csv");
        var tables = new Option<string[]>("--table")
        {
            Description = "CSV: only this table (repeatable): documents, mentions, entities, and each later feature's. One table without --out goes to standard output.",
            AllowMultipleArgumentsPerToken = true,
        };
        var command = new Command("export", """
            Write everything stored.

            JSONL (default): one analysis document per line, in store order, with the fields of the
            analysis JSON; the last line holds the entities those documents name ({"entities": [...],
            "stories": [...]}), so every "entity" id in a mention can be looked up.
            CSV: one file per table, documents.csv (metadata and text), mentions.csv (document, start,
            end, text, type, entity), entities.csv (id, name, type, documents), and one per later feature.

            Examples:
              sitrep export --db news.db --out news.jsonl
              sitrep export | gzip > news.jsonl.gz
              sitrep export --format csv --out tables/
              sitrep export --format csv --table mentions > mentions.csv
            """);
        command.Options.Add(db);
        command.Options.Add(output);
        command.Options.Add(format);
        command.Options.Add(tables);
        command.SetAction(parse => Run(console, parse.GetValue(db)!, parse.GetValue(output), parse.GetValue(format)!, parse.GetValue(tables) ?? []));
        return command;
    }

    private static int Run(IAnsiConsole console, FileInfo db, string? output, string format, string[] tables)
    {
        bool csv = format == "csv";
        if (!csv && tables.Length > 0)
        {
            Errors.Write(console, "--table is for --format csv");
            return ExitCodes.Usage;
        }
        if (csv && output is null && tables.Length != 1)
        {
            Errors.Write(console, "--format csv writes one file per table: give --out FOLDER, or one --table NAME for standard output");
            return ExitCodes.Usage;
        }
        var problem = output is null ? null : csv ? OutputPaths.FolderProblem("--out", output) : OutputPaths.FileProblem("--out", output);
        if (problem is not null)
        {
            Errors.Write(console, problem);
            return ExitCodes.Usage;
        }
        using var engine = StoreOptions.OpenExisting(console, db, out int exitCode);
        if (engine is null)
            return exitCode;
        if (!csv)
        {
            using var stream = output is null ? Console.OpenStandardOutput() : File.Create(output);
            int count = engine.Export(stream);
            if (output is not null)
                console.MarkupLineInterpolated($"{count:N0} documents written to {Path.GetFullPath(output)}, with the entities they name on the last line");
            return ExitCodes.Ok;
        }
        var unknown = tables.Where(t => !engine.ExportTables.Any(e => e.Name == t)).ToList();
        if (unknown.Count > 0)
        {
            Errors.Write(console, $"--table: no table {string.Join(", ", unknown.Select(u => $"'{u}'"))}; the tables are {string.Join(", ", engine.ExportTables.Select(e => e.Name))}");
            return ExitCodes.Usage;
        }
        var written = new List<string>();
        if (output is not null)
            Directory.CreateDirectory(output);
        int documents = engine.ExportCsv(
            table =>
            {
                if (output is null)
                    return new StreamWriter(Console.OpenStandardOutput(), CsvExport.Encoding);
                var path = Path.Combine(output, table.Name + ".csv");
                written.Add(path);
                return new StreamWriter(path, append: false, CsvExport.Encoding);
            },
            tables.Length > 0 ? tables : null);
        if (output is not null)
            console.MarkupLineInterpolated($"{documents:N0} documents exported as CSV: {string.Join(", ", written.Select(Path.GetFileName))} in {Path.GetFullPath(output)}");
        return ExitCodes.Ok;
    }
}

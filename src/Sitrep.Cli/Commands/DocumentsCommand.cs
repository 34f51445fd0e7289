using System.CommandLine;
using System.Text.RegularExpressions;
using Sitrep.Ingest;
using Spectre.Console;

namespace Sitrep.Cli.Commands;

/// <summary><c>sitrep documents list|show|delete</c>: find, read and remove stored documents.</summary>
internal static partial class DocumentsCommand
{
    public static Command Create(IAnsiConsole console)
    {
        var command = new Command("documents", """
            The stored documents: list them (newest first, by outlet or date), read one with its
            metadata, text and what each stage found in it, or delete one.

            Examples:
              sitrep documents list --outlet "Harbor Ledger" --from 2025-03-01 --to 2025-03-07
              sitrep documents show harbor-ledger_2025-03-03
              sitrep documents delete harbor-ledger_2025-03-03
            """);
        command.Subcommands.Add(List(console));
        command.Subcommands.Add(Show(console));
        command.Subcommands.Add(Delete(console));
        return command;
    }

    private static Command List(IAnsiConsole console)
    {
        var db = StoreOptions.Database();
        var outlet = new Option<string?>("--outlet") { Description = "Only documents of this outlet (as stored, ignoring case)." };
        var from = new Option<string?>("--from") { Description = "Only documents published on or after this date (2025-03-01, 2025-03 or 2025)." };
        var to = new Option<string?>("--to") { Description = "Only documents published on or before this date (inclusive)." };
        var top = new Option<int>("--top") { Description = "How many to list.", DefaultValueFactory = _ => 50 }.AtLeast(1);
        var command = new Command("list", "Stored documents, newest first (undated last): id, date, outlet, title.");
        command.Options.Add(db);
        command.Options.Add(outlet);
        command.Options.Add(from);
        command.Options.Add(to);
        command.Options.Add(top);
        command.SetAction(parse =>
        {
            foreach (var (name, value) in new[] { ("--from", parse.GetValue(from)), ("--to", parse.GetValue(to)) })
            {
                if (value is not null && !IsRealDate(value))
                {
                    Errors.Write(console, $"{name} {value}: not a date; write 2025-03-01, 2025-03 or 2025");
                    return ExitCodes.Usage;
                }
            }
            using var engine = StoreOptions.OpenExisting(console, parse.GetValue(db)!, out int exitCode);
            if (engine is null)
                return exitCode;
            var catalog = StoreOptions.Documents(engine);
            var query = new DocumentQuery { Outlet = parse.GetValue(outlet), From = parse.GetValue(from), To = parse.GetValue(to), Limit = Math.Max(1, parse.GetValue(top)) };
            var documents = catalog.List(query);
            int total = catalog.Count(query);
            var table = new Table().Border(TableBorder.Rounded).AddColumns("id", "published", "outlet", "title");
            foreach (var d in documents)
                table.AddRow(Markup.Escape(d.Id), Markup.Escape(Date(d)), Markup.Escape(d.Outlet ?? ""), Markup.Escape(d.Title ?? "(no title)"));
            if (documents.Count > 0)
                console.Write(table);
            if (documents.Any(d => d.PublishedInferred && d.Published is not null))
                console.MarkupLine("* date inferred from the text");
            console.MarkupLineInterpolated($"{(documents.Count < total ? $"{documents.Count:N0} of " : "")}{ViewRenderer.Count(total, "document", "documents")}{(documents.Count < total ? " (--top N lists more)" : "")}.");
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>2025-03-01, 2025-03 or 2025, and a day or month that exists (not 2025-13-45).</summary>
    private static bool IsRealDate(string value)
    {
        if (!IsoDate().IsMatch(value))
            return false;
        var full = value.Length switch { 4 => value + "-01-01", 7 => value + "-01", _ => value };
        return DateOnly.TryParseExact(full, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out _);
    }

    private static Command Show(IAnsiConsole console)
    {
        var db = StoreOptions.Database();
        var id = new Argument<string>("id") { Description = "The document's id (as 'documents list', 'search' and the analysis JSON give it)." };
        var noText = new Option<bool>("--no-text") { Description = "Leave the text out." };
        var json = new Option<bool>("--json") { Description = "Write the document's analysis JSON instead (the contract's fields)." };
        var command = new Command("show", "A document's metadata, its text, and what each stage found in it (entities, quotes, times, events and its story).");
        command.Options.Add(db);
        command.Arguments.Add(id);
        command.Options.Add(noText);
        command.Options.Add(json);
        command.SetAction(parse =>
        {
            using var engine = StoreOptions.OpenExisting(console, parse.GetValue(db)!, out int exitCode);
            if (engine is null)
                return exitCode;
            var documentId = parse.GetValue(id)!;
            var document = engine.Load(documentId);
            if (document is null)
            {
                Errors.Write(console, $"no document {documentId} in the store {engine.Store.Location} ('sitrep documents list' or 'sitrep search' finds ids)");
                return ExitCodes.NothingRead;
            }
            if (parse.GetValue(json))
            {
                using var stdout = Console.OpenStandardOutput();
                engine.WriteAnalysisJson(stdout, [document.Id]);
                return ExitCodes.Ok;
            }
            var m = document.Metadata;
            var grid = new Grid().AddColumn(new GridColumn().NoWrap()).AddColumn();
            void Row(string name, string? value) => grid.AddRow(new Markup($"[grey]{name}[/]"), new Spectre.Console.Text(value ?? "—"));
            Row("id", document.Id);
            Row("title", m.Title);
            Row("outlet", m.Outlet);
            if (m.OriginalPublisher is not null)
                Row("first published by", m.OriginalPublisher);
            Row("byline", m.Byline);
            Row("published", m.Published is null ? null : m.Published + (m.PublishedInferred ? " (inferred from the text)" : ""));
            Row("genre", m.Genre?.ToString().ToLowerInvariant());
            Row("language", m.Language);
            Row("source", document.Source);
            if (document.DuplicateOf is not null)
                Row("duplicate of", document.DuplicateOf);
            Row("length", $"{document.Text.Length:N0} characters, {document.Removed.Count:N0} {(document.Removed.Count == 1 ? "block" : "blocks")} removed, {document.Captions.Count:N0} {(document.Captions.Count == 1 ? "caption" : "captions")}");
            Row("stages", string.Join(", ", document.Stages.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => $"{s.Key} {s.Value}")));
            foreach (var note in document.InputNotes.Concat(document.StageNotes))
                Row("note", note);
            console.Write(grid);
            if (!parse.GetValue(noText))
            {
                console.WriteLine();
                console.WriteLine(document.Text);
            }
            foreach (var view in engine.DocumentViews(document))
                ViewRenderer.Render(console, view);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Delete(IAnsiConsole console)
    {
        var db = StoreOptions.Database();
        var ids = new Argument<string[]>("ids") { Description = "The ids of the documents to delete.", Arity = ArgumentArity.OneOrMore };
        var command = new Command("delete", "Delete stored documents; what was built from them across documents (entity links and counts) follows.");
        command.Options.Add(db);
        command.Arguments.Add(ids);
        command.SetAction(parse =>
        {
            using var engine = StoreOptions.OpenExisting(console, parse.GetValue(db)!, out int exitCode);
            if (engine is null)
                return exitCode;
            int missing = 0;
            foreach (var id in (parse.GetValue(ids) ?? []).Distinct(StringComparer.Ordinal))
            {
                var summary = StoreOptions.Documents(engine).Summaries([id]).GetValueOrDefault(id);
                var (deleted, failures) = engine.Delete(id);
                if (!deleted)
                {
                    Errors.Write(console, $"no document {id} in the store {engine.Store.Location}");
                    missing++;
                    continue;
                }
                foreach (var failure in failures)
                    Errors.Write(console, $"failed: {failure.Source}: {failure.Reason}");
                console.MarkupLineInterpolated($"deleted {id}: {(summary is null ? "" : ViewRenderer.Describe(summary))}");
            }
            console.MarkupLineInterpolated($"{ViewRenderer.Count(engine.Store.Count(), "document", "documents")} left in the store.");
            return missing > 0 ? ExitCodes.NothingRead : ExitCodes.Ok;
        });
        return command;
    }

    private static string Date(DocumentSummary d) =>
        d.Published is null ? "" : (d.Published.Length > 10 ? d.Published[..10] : d.Published) + (d.PublishedInferred ? "*" : "");

    [GeneratedRegex(@"^\d{4}(-\d{2}(-\d{2})?)?$", RegexOptions.None, 1000)]
    private static partial Regex IsoDate();
}

using System.CommandLine;
using System.Globalization;
using Sitrep.Contradictions;
using Spectre.Console;

namespace Sitrep.Cli.Commands;

/// <summary><c>sitrep citations</c>: who cites whom across the stored articles, outlet → outlet or channel.</summary>
internal static class CitationsCommand
{
    public static Command Create(IAnsiConsole console)
    {
        var db = StoreOptions.Database();
        var outlet = new Option<string?>("--outlet") { Description = "Only this citing outlet, or this cited source (any case, part of the name will do)." };
        var top = new Option<int>("--top") { Description = "How many to list.", DefaultValueFactory = _ => 100 }.AtLeast(1);
        var command = new Command("citations", """
            Who cites whom across the stored articles: each outlet and the sources (other outlets, news
            agencies, channels such as Twitter) its articles give words or reports to, from the quotes'
            cited sources and each article's list of sources, with how many quotes and articles. A wire
            copy (duplicate of another article) is counted once, as the original.

            Examples:
              sitrep citations
              sitrep citations --outlet Reuters
            """);
        command.Options.Add(db);
        command.Options.Add(outlet);
        command.Options.Add(top);
        command.SetAction(parse =>
        {
            using var engine = StoreOptions.OpenExisting(console, parse.GetValue(db)!, out int exitCode);
            if (engine is null)
                return exitCode;
            var wanted = parse.GetValue(outlet)?.Trim();
            var all = Citations.Of(engine.Store)
                .Where(c => string.IsNullOrEmpty(wanted) || c.Outlet.Contains(wanted, StringComparison.OrdinalIgnoreCase) || c.Cites.Contains(wanted, StringComparison.OrdinalIgnoreCase))
                .ToList();
            if (all.Count == 0)
            {
                console.MarkupLine(string.IsNullOrEmpty(wanted) ? "No citation in the store." : "No citation by or of that outlet.");
                return ExitCodes.Ok;
            }
            int limit = Math.Max(1, parse.GetValue(top));
            var table = new Table().Border(TableBorder.Rounded).AddColumns("outlet", "cites", "entity").AddColumn(new TableColumn("quotes").RightAligned()).AddColumn(new TableColumn("articles").RightAligned());
            foreach (var c in all.Take(limit))
                table.AddRow(Markup.Escape(c.Outlet), Markup.Escape(c.Cites), Markup.Escape(c.Entity ?? ""), c.Quotes.ToString("N0", CultureInfo.InvariantCulture), c.Documents.ToString("N0", CultureInfo.InvariantCulture));
            console.Write(table);
            console.MarkupLineInterpolated($"{ViewRenderer.Count(all.Count, "citation", "citations")}{(all.Count > limit ? $", {limit} shown (--top N lists more)" : "")}.");
            return ExitCodes.Ok;
        });
        return command;
    }
}

using System.CommandLine;
using Spectre.Console;

namespace Sitrep.Cli.Commands;

/// <summary><c>sitrep search "QUERY"</c>: full-text search over the titles and texts of the stored documents.</summary>
internal static class SearchCommand
{
    public static Command Create(IAnsiConsole console)
    {
        var db = StoreOptions.Database();
        var query = new Argument<string[]>("query")
        {
            Description = "Words to find, as you would type them; \"a phrase\" in double quotes; word* for a prefix; OR between two words for either.",
            Arity = ArgumentArity.OneOrMore,
        };
        var top = new Option<int>("--top") { Description = "How many documents to show.", DefaultValueFactory = _ => 20 }.AtLeast(1);
        var command = new Command("search", """
            Find stored documents by the words of their titles and texts, best match first (a word in
            the title counts more), each with the passage where the words are. Every word must be found;
            apostrophes, hyphens and stray quotes are read as a person means them.

            Examples:
              sitrep search Kolvar
              sitrep search "border crossing" Serin
              sitrep search "Valdoria's defence minister"
              sitrep search drone OR missile
            """);
        command.Options.Add(db);
        command.Arguments.Add(query);
        command.Options.Add(top);
        command.SetAction(parse =>
        {
            var text = string.Join(' ', parse.GetValue(query) ?? []);
            using var engine = StoreOptions.OpenExisting(console, parse.GetValue(db)!, out int exitCode);
            if (engine is null)
                return exitCode;
            var result = StoreOptions.Documents(engine).Search(text, Math.Max(1, parse.GetValue(top)));
            if (result.RunQuery is null)
            {
                Errors.Write(console, $"nothing to search for in '{text}': no letter or digit");
                return ExitCodes.Usage;
            }
            int rank = 0;
            foreach (var hit in result.Hits)
            {
                rank++;
                console.MarkupLine($"{rank}. [bold]{Markup.Escape(ViewRenderer.Describe(hit.Document))}[/]  [grey]{Markup.Escape(hit.Document.Id)}[/]");
                console.MarkupLine("   " + ViewRenderer.Snippet(hit.Snippet));
            }
            console.MarkupLineInterpolated($"{(result.Hits.Count < result.Total ? $"{result.Hits.Count:N0} of " : "")}{ViewRenderer.Count(result.Total, "document", "documents")} found{(result.Hits.Count < result.Total ? " (--top N shows more)" : "")}.");
            return result.Total == 0 ? ExitCodes.NothingRead : ExitCodes.Ok;
        });
        return command;
    }
}

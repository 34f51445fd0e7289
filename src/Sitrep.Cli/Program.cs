using System.CommandLine;
using System.CommandLine.Parsing;
using Sitrep.Cli.Commands;
using Spectre.Console;

namespace Sitrep.Cli;

public static class Program
{
    /// <summary>Lines written where output is not a terminal are never wrapped: a log keeps each failure on one line.</summary>
    private const int UnwrappedWidth = 1 << 15;

    public static int Main(string[] args)
    {
        var console = AnsiConsole.Console;
        if (Console.IsOutputRedirected)
            console.Profile.Width = UnwrappedWidth;
        return Run(args, console);
    }

    /// <summary>Runs a command line, rendering to <paramref name="console"/> (tests pass one that records).</summary>
    internal static int Run(string[] args, IAnsiConsole console, TextWriter? output = null)
    {
        var root = new RootCommand("""
            Sitrep turns a pile of news articles into a sourced situation picture: clean text with
            outlet, title, byline and date; the people, organisations and places they name; who said
            what, when, and what happened; stories across outlets with their contradictions; all kept
            in an embedded store you can list, search, export and read as a report.

            Start with: sitrep analyze examples/   then: sitrep report --out report.html
            """);
        root.Subcommands.Add(AnalyzeCommand.Create(console));
        root.Subcommands.Add(DocumentsCommand.Create(console));
        root.Subcommands.Add(SearchCommand.Create(console));
        root.Subcommands.Add(EntitiesCommand.Create(console));
        root.Subcommands.Add(QuotesCommand.Create(console));
        root.Subcommands.Add(EventsCommand.Create(console));
        root.Subcommands.Add(StoriesCommand.Create(console));
        root.Subcommands.Add(CitationsCommand.Create(console));
        root.Subcommands.Add(ReportCommand.Create(console));
        root.Subcommands.Add(StatsCommand.Create(console));
        root.Subcommands.Add(ExportCommand.Create(console));
        root.Subcommands.Add(ReanalyzeCommand.Create(console));
        var train = new Command("train", "Train a model or build a name list from the shared data (reproducibly).");
        train.Subcommands.Add(NerTrainCommand.Create(console));
        train.Subcommands.Add(CountryListCommand.Create(console));
        train.Subcommands.Add(OutletListCommand.Create(console));
        train.Subcommands.Add(ActorListCommand.Create(console));
        train.Subcommands.Add(EventTrainCommand.Create(console));
        root.Subcommands.Add(train);
        var eval = new Command("eval", "Evaluate a model on a labelled file.");
        eval.Subcommands.Add(NerEvalCommand.Create(console));
        root.Subcommands.Add(eval);

        // "@file" is a path a user means, not a file of more arguments.
        var parse = root.Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });
        if (UsageError(parse) is { } usage)
        {
            Errors.Write(console, usage);
            Errors.Write(console, $"run '{CommandPath(parse)} --help' for its usage");
            return ExitCodes.Usage;
        }
        var invocation = new InvocationConfiguration { EnableDefaultExceptionHandler = false };
        if (output is not null)
        {
            invocation.Output = output;
            invocation.Error = output;
        }
        try
        {
            return parse.Invoke(invocation);
        }
        catch (IOException e)
        {
            // A full disk, a file another program holds: said in one line, never as a stack trace.
            Errors.Write(console, $"cannot read or write a file: {e.Message}");
            return ExitCodes.StoreError;
        }
        catch (UnauthorizedAccessException e)
        {
            Errors.Write(console, $"permission denied: {e.Message}");
            return ExitCodes.StoreError;
        }
        catch (Sitrep.Storage.StoreException e)
        {
            Errors.Write(console, e.Message);
            return ExitCodes.StoreError;
        }
#pragma warning disable CA1031 // The last line of defence: a bug is reported in one line, not as a stack trace.
        catch (Exception e)
#pragma warning restore CA1031
        {
            // One line for the user; the trace, which a report of the bug needs, goes to a file beside the others of its kind.
            var details = CrashReport.Write(e);
            Errors.Write(console, $"internal error (please report it{(details is null ? "" : ", with " + details)}): {e.GetType().Name}: {e.Message}");
            return ExitCodes.Internal;
        }
    }

    /// <summary>
    /// What is wrong with the command line, in one line, or null: the parser's own errors, and an
    /// argument that looks like an option but names no file (<c>analyze --bogus x</c> must not read
    /// "--bogus" as an input).
    /// </summary>
    private static string? UsageError(ParseResult parse)
    {
        if (parse.Errors.Count > 0)
        {
            var required = parse.CommandResult.Command.Arguments.Where(a => a.Arity.MinimumNumberOfValues > 0 && !parse.CommandResult.Children.OfType<ArgumentResult>().Any(r => r.Argument == a && r.Tokens.Count > 0)).Select(a => a.Name.ToUpperInvariant()).ToList();
            return string.Join("; ", parse.Errors.Select(e => e.Message)) + (required.Count > 0 ? $" (give {string.Join(", ", required)})" : "");
        }
        foreach (var argument in parse.CommandResult.Children.OfType<ArgumentResult>())
        {
            foreach (var token in argument.Tokens)
            {
                var value = token.Value;
                if (value.Length > 1 && value[0] == '-' && !double.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, out _)
                    && !File.Exists(value) && !Directory.Exists(value))
                    return $"unknown option '{value}' for '{CommandPath(parse)}'";
            }
        }
        return null;
    }

    private static string CommandPath(ParseResult parse)
    {
        var names = new List<string>();
        for (var result = (SymbolResult?)parse.CommandResult; result is not null; result = result.Parent)
        {
            if (result is CommandResult command)
                names.Add(command.Command is RootCommand ? "sitrep" : command.Command.Name);
        }
        names.Reverse();
        return string.Join(' ', names);
    }
}

using System.CommandLine;
using Sitrep.Cli.Commands;
using Spectre.Console;

namespace Sitrep.Cli;

public static class Program
{
    public static int Main(string[] args) => Run(args, AnsiConsole.Console);

    /// <summary>Runs a command line, rendering to <paramref name="console"/> (tests pass one that records).</summary>
    internal static int Run(string[] args, IAnsiConsole console, TextWriter? output = null)
    {
        var root = new RootCommand("""
            Sitrep turns a pile of news articles into a sourced situation picture:
            clean text with outlet, title, byline and date, stored in an embedded database.
            """);
        root.Subcommands.Add(AnalyzeCommand.Create(console));
        root.Subcommands.Add(ExportCommand.Create(console));
        root.Subcommands.Add(ReanalyzeCommand.Create(console));
        root.Subcommands.Add(EntitiesCommand.Create(console));
        var train = new Command("train", "Train a model or build a name list from the shared data (reproducibly).");
        train.Subcommands.Add(NerTrainCommand.Create(console));
        train.Subcommands.Add(CountryListCommand.Create(console));
        train.Subcommands.Add(OutletListCommand.Create(console));
        train.Subcommands.Add(ActorListCommand.Create(console));
        root.Subcommands.Add(train);
        var eval = new Command("eval", "Evaluate a model on a labelled file.");
        eval.Subcommands.Add(NerEvalCommand.Create(console));
        root.Subcommands.Add(eval);
        var invocation = new InvocationConfiguration();
        if (output is not null)
        {
            invocation.Output = output;
            invocation.Error = output;
        }
        return root.Parse(args).Invoke(invocation);
    }
}

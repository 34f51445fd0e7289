using System.CommandLine;
using Sitrep.Cli.Commands;

namespace Sitrep.Cli;

public static class Program
{
    public static int Main(string[] args)
    {
        var root = new RootCommand("""
            Sitrep turns a pile of news articles into a sourced situation picture:
            clean text with outlet, title, byline and date, stored in an embedded database.
            """);
        root.Subcommands.Add(AnalyzeCommand.Create());
        return root.Parse(args).Invoke();
    }
}

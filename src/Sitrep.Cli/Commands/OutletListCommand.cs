using System.CommandLine;
using Sitrep.Entities;
using Spectre.Console;

namespace Sitrep.Cli.Commands;

/// <summary><c>sitrep train outlets</c>: rebuilds resources/lexicons/outlets.tsv from the shared data.</summary>
internal static class OutletListCommand
{
    private const string Provenance =
        "Built by `sitrep train outlets` from the outlet names of the allsides corpus (ramybaly/Article-Bias-Prediction @ ced8111, Apache-2.0; names only) "
        + "and the media entries of PETRARCH2's Phoenix.International.actors.txt (openeventdata/petrarch2 @ 676801c, MIT).";

    public static Command Create(IAnsiConsole console)
    {
        var allsides = new Option<FileInfo>("--allsides")
        {
            Description = "The allsides corpus (JSONL, gzipped): each article's source names an outlet.",
            DefaultValueFactory = _ => new FileInfo(Path.Combine("..", "shared", "data", "corpus", "allsides-articles", "articles.jsonl.gz")),
        };
        var actors = new Option<DirectoryInfo>("--actors")
        {
            Description = "Folder with the PETRARCH2 Phoenix actor dictionaries (their media entries).",
            DefaultValueFactory = _ => new DirectoryInfo(Path.Combine("..", "shared", "data", "actors", "petrarch2")),
        };
        var output = new Option<FileInfo>("--out")
        {
            Description = "Where to write the list.",
            DefaultValueFactory = _ => new FileInfo(Path.Combine("resources", "lexicons", "outlets.tsv")),
        };
        var command = new Command("outlets", """
            Build the list of news outlets that types names MEDIA (resources/lexicons/outlets.tsv)
            from the allsides corpus's sources and PETRARCH2's media actors in ../shared/data.
            """);
        command.Options.Add(allsides);
        command.Options.Add(actors);
        command.Options.Add(output);
        command.SetAction(parse =>
        {
            var corpus = parse.GetValue(allsides)!;
            var dictionaries = parse.GetValue(actors)!;
            if (!corpus.Exists && !dictionaries.Exists)
            {
                Errors.Write(console, $"neither {corpus.FullName} nor {dictionaries.FullName} exists");
                return ExitCodes.NothingRead;
            }
            var outlets = OutletListBuilder.Build(corpus.Exists ? corpus.FullName : null, dictionaries.Exists ? dictionaries.FullName : null, NerModel.Default);
            var target = parse.GetValue(output)!;
            target.Directory?.Create();
            using (var writer = new StreamWriter(target.FullName) { NewLine = "\n" })
                OutletListBuilder.Write(outlets, writer, Provenance);
            console.MarkupLineInterpolated($"{outlets.Count} outlets written to {target.FullName}");
            return ExitCodes.Ok;
        });
        return command;
    }
}

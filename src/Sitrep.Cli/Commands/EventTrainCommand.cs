using System.CommandLine;
using Sitrep.Events.Training;
using Spectre.Console;

namespace Sitrep.Cli.Commands;

/// <summary><c>sitrep train events</c>: rebuilds resources/lexicons/event-verbs.tsv from the CAMEO verb dictionary and the PLOVER manual's mapping.</summary>
internal static class EventTrainCommand
{
    public static Command Create(IAnsiConsole console)
    {
        var verbs = new Option<FileInfo>("--verbs")
        {
            Description = "The PETRARCH2 CAMEO verb dictionary.",
            DefaultValueFactory = _ => new FileInfo(Path.Combine("..", "shared", "data", "actors", "petrarch2", "CAMEO.2.0.txt")),
        };
        var mapping = new Option<FileInfo>("--plover")
        {
            Description = "The PLOVER manual's CAMEO-to-PLOVER table.",
            DefaultValueFactory = _ => new FileInfo(Path.Combine("..", "shared", "data", "events", "plover", "CAMEO2PLOVER-2021.txt")),
        };
        var corpus = new Option<FileInfo>("--corpus")
        {
            Description = "Unlabelled news (JSONL.gz with a content_original field, as allsides-articles) to learn which verb forms are mostly nouns or adjectives.",
            DefaultValueFactory = _ => new FileInfo(Path.Combine("..", "shared", "data", "corpus", "allsides-articles", "articles.jsonl.gz")),
        };
        var articles = new Option<int>("--articles") { Description = "How many articles of the corpus to read (the first N).", DefaultValueFactory = _ => 5000 };
        var output = new Option<FileInfo>("--out")
        {
            Description = "The lexicon to write.",
            DefaultValueFactory = _ => new FileInfo(Path.Combine("resources", "lexicons", "event-verbs.tsv")),
        };
        var command = new Command("events", """
            Build the event verb lexicon (resources/lexicons/event-verbs.tsv): the CAMEO verbs and
            phrase patterns of the PETRARCH2 dictionary, each coded in PLOVER through the PLOVER
            manual's CAMEO2PLOVER table (../shared/data/actors/petrarch2, ../shared/data/events/plover).
            """);
        command.Options.Add(verbs);
        command.Options.Add(mapping);
        command.Options.Add(corpus);
        command.Options.Add(articles);
        command.Options.Add(output);
        command.SetAction(parse =>
        {
            var source = parse.GetValue(verbs)!;
            var table = parse.GetValue(mapping)!;
            var news = parse.GetValue(corpus)!;
            foreach (var f in new[] { source, table, news })
            {
                if (!f.Exists)
                {
                    Errors.Write(console, $"{f.FullName} not found");
                    return ExitCodes.NothingRead;
                }
            }
            var target = parse.GetValue(output)!;
            var (count, patterns) = EventVerbBuilder.Build(
                source.FullName,
                table.FullName,
                news.FullName,
                parse.GetValue(articles),
                target.FullName,
                "CAMEO.2.0.txt of openeventdata/petrarch2 @ 676801c (MIT) and CAMEO2PLOVER-2021.txt of openeventdata/PLOVER @ 5e0c24f (CC BY-SA 4.0); noun uses counted in the first " + parse.GetValue(articles).ToString(System.Globalization.CultureInfo.InvariantCulture) + " articles of ramybaly/Article-Bias-Prediction (allsides-articles; counts only, no text).");
            console.MarkupLineInterpolated($"{count} verbs and {patterns} patterns written to {target.FullName}");
            return ExitCodes.Ok;
        });
        return command;
    }
}

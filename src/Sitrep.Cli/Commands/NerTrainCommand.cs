using System.CommandLine;
using System.Globalization;
using Sitrep.Entities;
using Spectre.Console;

namespace Sitrep.Cli.Commands;

/// <summary>
/// <c>sitrep train ner</c>: trains the named-entity tagger from CoNLL-2003 (../shared/data/ner) and
/// the GeoNames/world-countries name lists, reproducibly (fixed seed), and saves the model file.
/// </summary>
internal static class NerTrainCommand
{
    public static Command Create(IAnsiConsole console)
    {
        var data = new Option<DirectoryInfo>("--data")
        {
            Description = "Folder with conllpp_train.txt and conllpp_dev.txt.",
            DefaultValueFactory = _ => new DirectoryInfo(Path.Combine("..", "shared", "data", "ner", "conll2003pp")),
        };
        var geo = new Option<DirectoryInfo>("--geo")
        {
            Description = "Folder with countries.json and cities.tsv, the name lists.",
            DefaultValueFactory = _ => new DirectoryInfo(Path.Combine("..", "shared", "data", "geo")),
        };
        var actors = new Option<DirectoryInfo>("--actors")
        {
            Description = "Folder with the Phoenix/PETRARCH2 actor dictionaries (organisations, people) added to the name lists.",
            DefaultValueFactory = _ => new DirectoryInfo(Path.Combine("..", "shared", "data", "actors", "petrarch2")),
        };
        var noActors = new Option<bool>("--no-actors") { Description = "Leave the actor dictionaries out of the name lists." };
        var output = new Option<FileInfo>("--out")
        {
            Description = "Where to write the model.",
            DefaultValueFactory = _ => new FileInfo(Path.Combine("resources", "ner", "model.bin.gz")),
        };
        var epochs = new Option<int>("--epochs") { Description = "Passes over the training data.", DefaultValueFactory = _ => 10 };
        var seed = new Option<int>("--seed") { Description = "Seed of the shuffling.", DefaultValueFactory = _ => new NerTrainingOptions().Seed };
        var beam = new Option<int>("--beam") { Description = "Beam width while training (1 = greedy).", DefaultValueFactory = _ => new NerTrainingOptions().Beam };
        var runs = new Option<int>("--runs") { Description = "Models trained with seeds seed, seed + 1, ... whose weights are averaged into one.", DefaultValueFactory = _ => new NerTrainingOptions().Runs };
        var wordDropout = new Option<float>("--word-dropout") { Description = "Share of training tokens whose word features are hidden in each pass (the model then learns more from shape, clusters and context).", DefaultValueFactory = _ => new NerTrainingOptions().WordDropout };
        var scheme = new Option<string>("--scheme")
        {
            Description = "Tags the model learns: bilou (begin, inside, last, unit; the default) or iob2. The tagger answers in IOB2 either way.",
            DefaultValueFactory = _ => "bilou",
        };
        scheme.AcceptOnlyFromAmong("bilou", "iob2");
        var minWeight = new Option<float>("--min-weight") { Description = "Drop features whose averaged weights are all smaller than this.", DefaultValueFactory = _ => new NerTrainingOptions().MinWeight };
        var clusters = new Option<FileInfo>("--clusters")
        {
            Description = "Word clusters (word TAB fine TAB middle TAB coarse, gzip'd); not used if missing.",
            DefaultValueFactory = _ => new FileInfo(Path.Combine("resources", "ner", "clusters.tsv.gz")),
        };
        var noClusters = new Option<bool>("--no-clusters") { Description = "Train without word clusters." };
        var buildClusters = new Option<FileInfo?>("--build-clusters") { Description = "First rebuild the --clusters file from this news corpus (.jsonl.gz with content_original), seeded by --seed." };
        var clusterWords = new Option<int>("--cluster-words") { Description = "With --build-clusters: how many of the corpus's most frequent word forms get a cluster.", DefaultValueFactory = _ => 80_000 };
        var clusterWindow = new Option<int>("--cluster-window") { Description = "With --build-clusters: neighbours counted on each side of a word (1 or 2).", DefaultValueFactory = _ => 1 };
        var clusterIterations = new Option<int>("--cluster-iterations") { Description = "With --build-clusters: k-means iterations for the fine clusters (twice as many for the coarser levels).", DefaultValueFactory = _ => 12 };
        var clusterSeed = new Option<int?>("--cluster-seed") { Description = "With --build-clusters: the seed of the projection and k-means (default: --seed)." };
        var clusterDimensions = new Option<int>("--cluster-dimensions") { Description = "With --build-clusters: dimensions of the random projection of the neighbour counts.", DefaultValueFactory = _ => 128 };
        var clustersOnly = new Option<bool>("--clusters-only") { Description = "Only rebuild the clusters file, train nothing." };
        var withDev = new Option<bool>("--train-on-dev") { Description = "Train on the development set too, for the fixed number of epochs (no epoch selection; the dev F1 printed is then not held out)." };
        var command = new Command("ner", """
            Train the named-entity tagger (averaged perceptron) on CoNLL-2003 and save it.
            The development set picks the epoch kept and is scored after each.

            Example:
              sitrep train ner --data ../shared/data/ner/conll2003pp --out resources/ner/model.bin.gz
            """);
        command.Options.Add(data);
        command.Options.Add(geo);
        command.Options.Add(output);
        command.Options.Add(epochs);
        command.Options.Add(seed);
        command.Options.Add(minWeight);
        command.Options.Add(beam);
        command.Options.Add(runs);
        command.Options.Add(wordDropout);
        command.Options.Add(scheme);
        command.Options.Add(withDev);
        command.Options.Add(actors);
        command.Options.Add(noActors);
        command.Options.Add(clusters);
        command.Options.Add(noClusters);
        command.Options.Add(buildClusters);
        command.Options.Add(clustersOnly);
        command.Options.Add(clusterWords);
        command.Options.Add(clusterWindow);
        command.Options.Add(clusterIterations);
        command.Options.Add(clusterSeed);
        command.Options.Add(clusterDimensions);
        command.SetAction(parse =>
        {
            var options = new NerTrainingOptions(parse.GetValue(epochs), parse.GetValue(seed), parse.GetValue(minWeight), parse.GetValue(beam), parse.GetValue(runs), parse.GetValue(wordDropout), parse.GetValue(scheme) == "bilou");
            var clusterFile = parse.GetValue(clusters)!;
            if (parse.GetValue(buildClusters) is { } corpus)
            {
                if (!corpus.Exists)
                {
                    console.WriteLine($"sitrep: no corpus at {corpus.FullName}");
                    return ExitCodes.NothingRead;
                }
                clusterFile.Directory?.Create();
                WordClusters.Build(corpus.FullName, clusterFile.FullName, parse.GetValue(clusterSeed) ?? options.Seed, parse.GetValue(clusterWords), dimensions: parse.GetValue(clusterDimensions), iterations: parse.GetValue(clusterIterations), window: Math.Clamp(parse.GetValue(clusterWindow), 1, 2), log: line => console.WriteLine(line));
                clusterFile.Refresh();
                console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"wrote {clusterFile.FullName} ({clusterFile.Length / 1024.0 / 1024.0:0.00} MB)"));
            }
            if (parse.GetValue(clustersOnly))
                return ExitCodes.Ok;
            var wordClusters = !parse.GetValue(noClusters) && clusterFile.Exists ? WordClusters.LoadFile(clusterFile.FullName) : WordClusters.Empty;
            return Run(console, parse.GetValue(data)!, parse.GetValue(geo)!, parse.GetValue(output)!, options, parse.GetValue(withDev), wordClusters, parse.GetValue(noActors) ? null : parse.GetValue(actors));
        });
        return command;
    }

    private static int Run(IAnsiConsole console, DirectoryInfo data, DirectoryInfo geo, FileInfo output, NerTrainingOptions options, bool trainOnDev, WordClusters clusters, DirectoryInfo? actors)
    {
        var trainFile = Path.Combine(data.FullName, "conllpp_train.txt");
        var devFile = Path.Combine(data.FullName, "conllpp_dev.txt");
        if (!File.Exists(trainFile))
        {
            console.WriteLine($"sitrep: no training data at {trainFile}");
            return ExitCodes.NothingRead;
        }
        if (options.Epochs < 1)
        {
            console.WriteLine("sitrep: --epochs must be at least 1");
            return ExitCodes.Usage;
        }
        var train = ConllReader.ReadFile(trainFile);
        var dev = File.Exists(devFile) ? ConllReader.ReadFile(devFile) : [];
        if (trainOnDev)
        {
            train = [.. train, .. dev];
            dev = [];
        }
        if (actors is { Exists: false })
            console.WriteLine($"sitrep: no actor dictionaries at {actors.FullName}; the name lists are places only");
        var gazetteer = geo.Exists ? Gazetteer.LoadGeo(geo.FullName, actorsDirectory: actors is { Exists: true } ? actors.FullName : null) : Gazetteer.Empty;
        console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"training on {train.Count} sentences ({train.Sum(s => s.Words.Length)} tokens), dev {dev.Count} sentences, {gazetteer.Count} listed names, {clusters.Count} clustered words, {options.Epochs} epochs, seed {options.Seed}, {(options.Bilou ? "BILOU" : "IOB2")} tags"));
        var model = PerceptronTrainer.Train(train, dev, gazetteer, options, e =>
            console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"epoch {e.Epoch,2}: train token accuracy {e.TrainTokenAccuracy:0.0000}, dev F1 {e.Dev?.F1 ?? double.NaN:0.0000} (P {e.Dev?.Precision ?? double.NaN:0.000} R {e.Dev?.Recall ?? double.NaN:0.000}), {e.Elapsed.TotalSeconds:0}s")), clusters);
        output.Directory?.Create();
        model.Save(output.FullName);
        output.Refresh();
        console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"saved {model.FeatureCount} features to {output.FullName} ({output.Length / 1024.0 / 1024.0:0.00} MB)"));
        return ExitCodes.Ok;
    }
}

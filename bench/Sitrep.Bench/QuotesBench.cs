using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Sitrep.Analysis;
using Sitrep.Documents;
using Sitrep.Entities.Resolution;
using Sitrep.Ingest;
using Sitrep.Pipeline;
using Sitrep.Quotes;
using Sitrep.Quotes.Training;
using Sitrep.Storage;

namespace Sitrep.Bench;

/// <summary>
/// The quote finder's training and a look inside it (<c>sitrep analyze</c> runs it as the <c>quotes</c>
/// feature, and the stage benchmark times it):
/// <list type="bullet">
/// <item><c>quotes-train [--data DIR] [--out DIR]</c> learns the cue lexicons from PolNeAR's train split
/// into resources/lexicons (<see cref="CueTrainer"/>).</item>
/// <item><c>quotes-show FILE | --text TEXT</c> prints what the finder makes of a text, one quote a line.</item>
/// </list>
/// </summary>
internal static class QuotesBench
{
    private static readonly JsonWriterOptions Options = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static int Train(string[] args)
    {
        string root = RepositoryRoot();
        string data = Option(args, "--data") ?? Path.Combine(root, "..", "shared", "data", "attribution", "polnear", "data", "train");
        string output = Option(args, "--out") ?? Path.Combine(root, "resources", "lexicons");
        var clock = Stopwatch.StartNew();
        var options = new CueTrainingOptions();
        if (Option(args, "--min-weight") is { } minWeight)
            options = options with { MinWeight = float.Parse(minWeight, CultureInfo.InvariantCulture) };
        var result = CueTrainer.Train(BratAttributions.ReadFolder(data), options, Console.Out);
        const string Source = "PolNeAR v1.0.0 train split (networkdynamics/PolNeAR @ c3eee833, 840 US political news articles of 2016; research use, helper code MIT; the texts are not in this repository)";
        const string Command = "`dotnet run -c Release --project bench/Sitrep.Bench -- quotes-train` (resources/lexicons/NOTE.md)";
        Directory.CreateDirectory(output);
        using (var w = new StreamWriter(Path.Combine(output, "speech-cues.tsv"), false, new UTF8Encoding(false)))
        {
            CueTrainer.WriteLexicon(w, result.Lexicon,
                $"Speech and attribution cue words learned from {Source} by {Command}: per word (lower case), its uses as the head of an attribution cue and in all, and the shares of those attributions with the content after it, with the source before it, and with words between it and the content.");
        }
        using (var w = new StreamWriter(Path.Combine(output, "speech-cue-patterns.tsv"), false, new UTF8Encoding(false)))
        {
            CueTrainer.WritePatterns(w, result.Patterns,
                $"Weights of the patterns around a cue word (Sitrep.Quotes.CueFeatures; averaged perceptron, {options.Epochs} epochs, seed {options.Seed}, |weight| >= {options.MinWeight}) learned from {Source} by {Command}; a lexicon word is a cue where its patterns sum above the finder's threshold (FinderRun.Threshold).");
        }
        using (var w = new StreamWriter(Path.Combine(output, "speech-cue-phrases.tsv"), false, new UTF8Encoding(false)))
        {
            CueTrainer.WritePhrases(w, result.Phrases,
                $"Cue phrases learned from {Source} by {Command}: a cue word and the word after it that were one cue (at least {CueTrainer.MinPhrase} times and in three of four uses: \"called for\", \"pointed out\"); the reported words start after the phrase.");
        }
        Console.WriteLine($"{result.Articles} articles, {result.Attributions} attributions, {result.Lexicon.Count} cue words, {result.Patterns.Count} patterns kept, {result.Candidates} examples; {clock.Elapsed.TotalSeconds:N1} s");
        return 0;
    }

    /// <summary>Prints what the finder makes of a text file (or of the text given after <c>--text</c>), one quote a line.</summary>
    public static int Show(string[] args)
    {
        string text = Option(args, "--text") ?? File.ReadAllText(args[0]);
        var (input, _) = PipelineReading.Read(text);
        var layer = QuoteFinder.Default.Find(input);
        var body = input.Text;
        string Name(int e) => e < 0 ? "-" : layer.ChannelOf(e) is { } c ? $"{c.Name}(channel)" : e < input.Entities.Count ? $"{input.Entities[e].Name}/{input.Entities[e].Type}" : "?";
        for (int i = 0; i < layer.Quotes.Count; i++)
        {
            var q = layer.Quotes[i];
            var words = body[q.Start..q.End].Replace('\n', '/');
            if (words.Length > 90)
                words = words[..60] + " … " + words[^25..];
            var speaker = q.Speaker is { } sp ? $"{body[sp.Start..sp.End]} = {Name(sp.Entity)}" : "none";
            var cue = q.Cue is { } c ? body[c.Start..c.End] : "-";
            var cited = q.Cited is { } ci ? $"{(ci.Source is { } src ? body[src.Start..src.End] + " = " + Name(src.Entity) : "-")} {ci.Date}{(ci.DateInferred ? "*" : "")}" : "-";
            Console.WriteLine($"{i,3} {q.Kind,-8} st{q.Statement}{(q.Within >= 0 ? " in" + q.Within : "")} [{speaker}] <{cue}> ({cited}) «{words}»");
        }
        Console.WriteLine("cites: " + string.Join(", ", layer.Cites.Select(Name)));
        return 0;
    }

    private static string? Option(string[] args, string name)
    {
        int i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    private static List<string> Positional(string[] args, params string[] valued)
    {
        var list = new List<string>();
        for (int i = 0; i < args.Length; i++)
        {
            if (valued.Contains(args[i]))
            {
                i++;
                continue;
            }
            if (!args[i].StartsWith("--", StringComparison.Ordinal))
                list.Add(args[i]);
        }
        return list;
    }

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Sitrep.sln")))
            dir = dir.Parent;
        return dir?.FullName ?? Directory.GetCurrentDirectory();
    }
}

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
/// The quote layer's training and measurement until the engine carries it (issue 11):
/// <list type="bullet">
/// <item><c>quotes-train [--data DIR] [--out DIR]</c> learns the cue lexicons from PolNeAR's train split
/// into resources/lexicons (<see cref="CueTrainer"/>).</item>
/// <item><c>quotes-eval INPUT… --out a.json</c> reads and analyses as <c>sitrep analyze --entities</c> does
/// (InputResolver, the default pipeline with entities, BatchAnalyzer into a temporary store with the
/// EntityResolver), runs the quote finder after coreference (its channels added to the document's
/// entities and mentions, as the engine will), and writes the analysis JSON with <c>quotes</c> and
/// <c>cites</c> spliced in. <c>--raw</c> reads .txt files as they are, without cleaning or a store.</item>
/// <item><c>quotes-speed INPUT [--limit N]</c>: the finder's cost per article next to the pipeline's, on one core.</item>
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

    public static int Eval(string[] args)
    {
        string? output = Option(args, "--out");
        var inputs = Positional(args, "--out", "--lexicons");
        if (output is null || inputs.Count == 0)
        {
            Console.Error.WriteLine("usage: quotes-eval INPUT… --out a.json [--raw] [--lexicons DIR]");
            return 1;
        }
        var clock = Stopwatch.StartNew();
        var finder = QuoteFinder.Default;
        if (Option(args, "--lexicons") is { } lexicons)
        {
            using var l = new StreamReader(Path.Combine(lexicons, "speech-cues.tsv"));
            using var p = new StreamReader(Path.Combine(lexicons, "speech-cue-patterns.tsv"));
            using var ph = new StreamReader(Path.Combine(lexicons, "speech-cue-phrases.tsv"));
            finder = new QuoteFinder(CueModel.Load(l, p, ph));
        }
        int count = args.Contains("--raw") ? EvalRaw(inputs, output, finder) : EvalFull(inputs, output, finder);
        Console.WriteLine($"{count} documents -> {output} in {clock.Elapsed.TotalSeconds:N1} s");
        return 0;
    }

    /// <summary>Runs the finder as the last per-document stage and keeps its layer by document id.</summary>
    private sealed class HarnessStage(QuoteFinder finder, ConcurrentDictionary<string, QuoteLayer> layers) : IDocumentStage
    {
        public string Name => "quotes";

        public Layers Requires => Layers.Coreference;

        public Layers Produces => Layers.None;

        public void Process(DocumentContext context)
        {
            var layer = finder.Find(new QuoteInput(context.Text ?? "", context.Tokens, context.Sentences, [.. context.Mentions], [.. context.Entities], PublishedDate(context.Metadata?.Published)));
            AddChannels(context, layer);
            layers[context.Input.Id] = layer;
        }
    }

    /// <summary>What the engine will do with a layer's channels (<see cref="QuoteChannels.AddTo"/>).</summary>
    internal static void AddChannels(DocumentContext context, QuoteLayer layer) => QuoteChannels.AddTo(layer, context.Mentions, context.Entities);

    private static DateOnly? PublishedDate(string? published) =>
        published is { Length: >= 10 } && DateOnly.TryParseExact(published[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    private static int EvalFull(List<string> inputs, string output, QuoteFinder finder)
    {
        var db = Path.Combine(Path.GetTempPath(), $"sitrep-quotes-{Environment.ProcessId}.db");
        var layers = new ConcurrentDictionary<string, QuoteLayer>(StringComparer.Ordinal);
        try
        {
            using var store = SqliteDocumentStore.Open(db);
            var builder = new PipelineBuilder();
            foreach (var stage in PipelineBuilder.CreateDefault(entities: true).Stages)
                builder.Use(stage);
            builder.Use(new HarnessStage(finder, layers));
            var pipeline = builder.Build();
            using var resolver = new InputResolver(inputs);
            var analyzer = new BatchAnalyzer(pipeline, store, crossDocument: [new EntityResolver(store.Entities)]);
            var summary = analyzer.Run(resolver.Items());
            foreach (var f in summary.Failures)
                Console.Error.WriteLine($"failed: {f.Source}: {f.Reason}");
            var documents = summary.DocumentIds.Distinct(StringComparer.Ordinal).Select(id => store.Load(id)!).ToList();
            using var buffer = new MemoryStream();
            AnalysisJsonWriter.Write(buffer, documents, store.Entities);
            var root = JsonNode.Parse(buffer.ToArray())!.AsObject();
            var byId = documents.ToDictionary(d => d.Id, StringComparer.Ordinal);
            foreach (var node in root["documents"]!.AsArray())
            {
                var id = node!["id"]!.GetValue<string>();
                if (!layers.TryGetValue(id, out var layer) || !byId.TryGetValue(id, out var document))
                    continue;
                var ids = AnalysisJsonWriter.EntityIds(document, store.Entities);
                Splice(node.AsObject(), document.Text, layer, e => e >= 0 && e < ids.Count ? ids[e]?.Id : null);
            }
            using var file = File.Create(output);
            using var json = new Utf8JsonWriter(file, Options);
            root.WriteTo(json);
            return documents.Count;
        }
        finally
        {
            foreach (var f in new[] { db, db + "-wal", db + "-shm" })
                File.Delete(f);
        }
    }

    private static void Splice(JsonObject document, string text, QuoteLayer layer, Func<int, string?> entityId)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            QuoteJson.WriteContract(json, text, layer, entityId);
            json.WriteEndObject();
        }
        var part = JsonNode.Parse(buffer.ToArray())!.AsObject();
        foreach (var name in (ReadOnlySpan<string>)["quotes", "cites"])
        {
            var value = part[name];
            part.Remove(name);
            document[name] = value;
        }
    }

    /// <summary>
    /// Development mode: .txt files through the same pipeline (cleaning to coreference) without a store;
    /// entity ids are the document's own indexes ("L3").
    /// </summary>
    private static int EvalRaw(List<string> inputs, string output, QuoteFinder finder)
    {
        var files = inputs.SelectMany(i => Directory.Exists(i) ? Directory.EnumerateFiles(i, "*.txt", SearchOption.AllDirectories) : [i]).Order(StringComparer.Ordinal).ToList();
        var results = new (string Id, string Path, QuoteLayer Layer, QuoteInput Input, OffsetMap Map)[files.Count];
        Parallel.For(0, files.Count, i =>
        {
            var id = Path.GetFileNameWithoutExtension(files[i]);
            var (input, map) = PipelineReading.Read(File.ReadAllText(files[i]), id);
            results[i] = (id, files[i], finder.Find(input), input, map);
        });
        using var file = File.Create(output);
        using var json = new Utf8JsonWriter(file, Options);
        json.WriteStartObject();
        json.WriteStartArray("documents");
        foreach (var (id, path, layer, input, map) in results)
        {
            var text = input.Text;
            json.WriteStartObject();
            json.WriteString("id", id);
            json.WriteString("source", path);
            json.WriteString("text", text);
            json.WriteStartArray("offset_map");
            foreach (var s in map.Segments)
            {
                json.WriteStartArray();
                json.WriteNumberValue(s.BodyStart);
                json.WriteNumberValue(s.RawStart);
                json.WriteNumberValue(s.Length);
                json.WriteEndArray();
            }
            json.WriteEndArray();
            json.WriteStartArray("mentions");
            foreach (var m in input.Mentions)
            {
                json.WriteStartObject();
                json.WriteNumber("start", m.Start);
                json.WriteNumber("end", m.End);
                json.WriteString("text", m.Text(text));
                json.WriteString("type", m.Type);
                json.WriteString("entity", "L" + m.Entity.ToString(CultureInfo.InvariantCulture));
                json.WriteEndObject();
            }
            json.WriteEndArray();
            QuoteJson.WriteContract(json, text, layer, e => e >= 0 ? "L" + e.ToString(CultureInfo.InvariantCulture) : null);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteStartArray("entities");
        json.WriteEndArray();
        json.WriteEndObject();
        return results.Length;
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

    /// <summary>
    /// The finder's cost next to the pipeline's: the default pipeline with entities runs stage by stage
    /// on one core over the first <c>--limit</c> articles (2,000), then the finder over the same documents.
    /// </summary>
    public static int Speed(string[] args)
    {
        var inputs = Positional(args, "--limit");
        int limit = int.Parse(Option(args, "--limit") ?? "2000", CultureInfo.InvariantCulture);
        var pipeline = PipelineBuilder.CreateDefault(entities: true);
        using var resolver = new InputResolver(inputs);
        var articles = resolver.Items().Where(i => i.Article is not null).Take(limit).Select(i => i.Article!).ToList();
        var contexts = articles.Select(a => new DocumentContext(a)).ToList();
        var times = new double[pipeline.Stages.Length];
        for (int s = 0; s < pipeline.Stages.Length; s++)
        {
            var clock = Stopwatch.StartNew();
            foreach (var c in contexts)
                pipeline.Stages[s].Process(c);
            times[s] = clock.Elapsed.TotalSeconds;
        }
        var finder = QuoteFinder.Default;
        finder.Find(new QuoteInput("warm up", [], [], [], [], null));
        var inputsOf = contexts.Select(c => new QuoteInput(c.Text ?? "", c.Tokens, c.Sentences, [.. c.Mentions], [.. c.Entities], PublishedDate(c.Metadata?.Published))).ToList();
        long before = GC.GetTotalAllocatedBytes(precise: true);
        var timer = Stopwatch.StartNew();
        int quotes = 0, reported = 0;
        foreach (var input in inputsOf)
        {
            var layer = finder.Find(input);
            quotes += layer.Quotes.Count;
            reported += layer.Quotes.Count(q => q.Kind == QuoteKind.Indirect);
        }
        double finderSeconds = timer.Elapsed.TotalSeconds;
        long allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
        double pipelineSeconds = times.Sum();
        Console.WriteLine($"{articles.Count:N0} articles from {string.Join(", ", inputs)}, one core");
        for (int s = 0; s < times.Length; s++)
            Console.WriteLine($"  {pipeline.Stages[s].Name,-14} {times[s] * 1000 / articles.Count,8:N3} ms/article");
        Console.WriteLine($"  {"pipeline",-14} {pipelineSeconds * 1000 / articles.Count,8:N3} ms/article ({articles.Count / pipelineSeconds:N0} articles/s)");
        Console.WriteLine($"  {"quotes",-14} {finderSeconds * 1000 / articles.Count,8:N3} ms/article ({articles.Count / finderSeconds:N0} articles/s; {quotes:N0} quotes, {reported:N0} reported; {allocated / 1024.0 / articles.Count:N1} KB allocated per article)");
        Console.WriteLine($"  quotes add {finderSeconds / pipelineSeconds:P1} to the pipeline's time");
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

using System.Diagnostics;
using System.Text.Encodings.Web;
using System.Text.Json;
using Sitrep.Documents;
using Sitrep.Ingest;
using Sitrep.Pipeline;
using Sitrep.Text;
using Sitrep.Time;

namespace Sitrep.Bench;

/// <summary>
/// The temporal tagger end to end before the engine runs it as a stage:
/// <c>timex-eval INPUT… --out a.json [--entities]</c> reads the inputs as <c>sitrep analyze</c> does
/// (InputResolver and the default pipeline, so texts and offsets are Sitrep's cleaned bodies), finds
/// the times of each and writes an analysis JSON with id, source, text, offset_map, published and
/// times, for <c>score_timex.py</c>.
/// <c>timex-speed INPUT… [--limit N]</c> measures, on one core, the default pipeline with entities
/// and the tagger on its output, per article.
/// </summary>
public static class TimexEvaluation
{
    private static readonly JsonWriterOptions Options = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static int Run(string[] args)
    {
        int outAt = Array.IndexOf(args, "--out");
        if (outAt < 0 || outAt + 1 >= args.Length)
        {
            Console.Error.WriteLine("usage: timex-eval INPUT... --out a.json [--entities] [--limit N]");
            return 2;
        }
        var output = args[outAt + 1];
        bool entities = args.Contains("--entities");
        int limitAt = Array.IndexOf(args, "--limit");
        int limit = limitAt >= 0 && limitAt + 1 < args.Length ? int.Parse(args[limitAt + 1], System.Globalization.CultureInfo.InvariantCulture) : int.MaxValue;
        var inputs = args.Where((a, i) => i != outAt && i != outAt + 1 && a != "--entities" && (limitAt < 0 || i != limitAt && i != limitAt + 1)).ToArray();
        var pipeline = PipelineBuilder.CreateDefault(entities);
        int count = 0, times = 0, failed = 0;
        using var stream = File.Create(output);
        using var json = new Utf8JsonWriter(stream, Options);
        json.WriteStartObject();
        json.WriteStartArray("documents");
        using var resolver = new InputResolver(inputs);
        foreach (var item in resolver.Items())
        {
            if (item.Article is not { } article)
                continue;
            if (count + failed >= limit)
                break;
            Document doc;
            try
            {
                doc = pipeline.Analyze(article);
            }
            catch (InputRejectedException e)
            {
                Console.Error.WriteLine($"{article.Source}: {e.Message}");
                failed++;
                continue;
            }
            var tokens = Tokenizer.Tokenize(doc.Text);
            var sentences = SentenceSplitter.Split(doc.Text, tokens);
            var found = TimeExpressions.Find(doc.Text, tokens, sentences, doc.Metadata.Published);
            WriteDocument(json, doc, found);
            count++;
            times += found.Count;
        }
        json.WriteEndArray();
        json.WriteStartArray("entities");
        json.WriteEndArray();
        json.WriteStartArray("stories");
        json.WriteEndArray();
        json.WriteEndObject();
        json.Flush();
        Console.WriteLine($"{count} documents, {times} times, {failed} rejected -> {output}");
        return 0;
    }

    private static void WriteDocument(Utf8JsonWriter json, Document d, IReadOnlyList<TimeExpression> times)
    {
        json.WriteStartObject();
        json.WriteString("id", d.Id);
        json.WriteString("source", d.Source);
        if (d.Metadata.Published is null)
            json.WriteNull("published");
        else
            json.WriteString("published", d.Metadata.Published);
        json.WriteBoolean("published_inferred", d.Metadata.PublishedInferred);
        json.WriteString("text", d.Text);
        TimeCodec.WriteContract(json, d.Text, times);
        json.WriteStartArray("offset_map");
        foreach (var s in d.Map.Segments)
        {
            json.WriteStartArray();
            json.WriteNumberValue(s.BodyStart);
            json.WriteNumberValue(s.RawStart);
            json.WriteNumberValue(s.Length);
            json.WriteEndArray();
        }
        json.WriteEndArray();
        json.WriteEndObject();
        if (json.BytesPending > 1 << 16)
            json.Flush();
    }

    /// <summary><c>timex-profile INPUT… [--limit N]</c>: time spent in each of the tagger's patterns (read by reflection).</summary>
    public static int Profile(string[] args)
    {
        int limitAt = Array.IndexOf(args, "--limit");
        int limit = limitAt >= 0 ? int.Parse(args[limitAt + 1], System.Globalization.CultureInfo.InvariantCulture) : 500;
        var inputs = args.Where((a, i) => limitAt < 0 || i != limitAt && i != limitAt + 1).ToArray();
        var pipeline = PipelineBuilder.CreateDefault();
        var texts = new List<string>();
        using (var resolver = new InputResolver(inputs))
        {
            foreach (var item in resolver.Items())
            {
                if (texts.Count >= limit)
                    break;
                if (item.Article is { } a)
                    texts.Add(pipeline.Analyze(a).Text);
            }
        }
        // Each pattern as the recognizer runs it (in windows around its trigger words), by reflection on its private table.
        const System.Reflection.BindingFlags Private = System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static;
        var recognizer = typeof(TimeExpressions).Assembly.GetType("Sitrep.Time.TimexRecognizer")!;
        var patterns = (Array)recognizer.GetField("Patterns", Private)!.GetValue(null)!;
        var run = recognizer.GetMethod("Run", Private)!;
        var rows = new List<(string Name, double Ms, int Matches)>();
        foreach (var pattern in patterns)
        {
            var regex = (System.Text.RegularExpressions.Regex)pattern.GetType().GetProperty("Regex")!.GetValue(pattern)!;
            var triggers = pattern.GetType().GetProperty("Triggers")!.GetValue(pattern)!;
            var find = triggers.GetType().GetMethod("Find")!;
            var candidates = Activator.CreateInstance(typeof(List<>).MakeGenericType(recognizer.Assembly.GetType("Sitrep.Time.Candidate")!))!;
            long start = Stopwatch.GetTimestamp();
            foreach (var t in texts)
                run.Invoke(null, [pattern, find.Invoke(triggers, [t]), t, candidates]);
            rows.Add((regex.GetType().Name + " " + triggers.GetType().GetProperty("Id")!.GetValue(triggers), Stopwatch.GetElapsedTime(start).TotalMilliseconds / texts.Count, ((System.Collections.ICollection)candidates).Count));
        }
        long all = Stopwatch.GetTimestamp();
        foreach (var t in texts)
            TimeExpressions.Find(t, "2020-03-31");
        Console.WriteLine($"{texts.Count} texts, {texts.Average(t => t.Length):N0} chars on average; whole tagger (with tokenizing) {Stopwatch.GetElapsedTime(all).TotalMilliseconds / texts.Count:N3} ms/text");
        foreach (var (name, ms, matches) in rows.OrderByDescending(r => r.Ms))
            Console.WriteLine($"{name,-20} {ms,8:N3} ms/text {matches,8:N0} matches");
        return 0;
    }

    /// <summary><c>timex-show PUBLISHED TEXT</c>: the times of one text, for looking at a rule.</summary>
    public static int Show(string[] args)
    {
        if (args.Length < 2)
        {
            Console.Error.WriteLine("usage: timex-show PUBLISHED|- TEXT");
            return 2;
        }
        var text = string.Join(' ', args[1..]);
        foreach (var t in TimeExpressions.Find(text, args[0] == "-" ? null : args[0]))
            Console.WriteLine($"{t.Text(text),-32} {TimeCodec.TypeName(t.Type),-8} {t.Value,-20} {t.Mod ?? "-",-10} {(t.Range is { } r ? $"{r.From:yyyy-MM-dd}..{r.To:yyyy-MM-dd}" : "-"),-22} {t.Anchor}");
        return 0;
    }

    /// <summary>
    /// One core, chunk by chunk: the default pipeline with entities (every stage, as `sitrep analyze
    /// --entities` runs it per document), then the tagger on the same documents' tokens.
    /// </summary>
    public static int Speed(string[] args)
    {
        int limit = int.MaxValue;
        int limitAt = Array.IndexOf(args, "--limit");
        if (limitAt >= 0 && limitAt + 1 < args.Length)
            limit = int.Parse(args[limitAt + 1], System.Globalization.CultureInfo.InvariantCulture);
        var inputs = args.Where((a, i) => limitAt < 0 || i != limitAt && i != limitAt + 1).ToArray();
        var pipeline = PipelineBuilder.CreateDefault(entities: true);
        double pipelineSeconds = 0, tokenSeconds = 0, timexSeconds = 0, pipelineCpu = 0, timexCpu = 0;
        using var self = Process.GetCurrentProcess();
        long pipelineAlloc = 0, timexAlloc = 0;
        int articles = 0, times = 0;
        using var resolver = new InputResolver(inputs);
        using var items = resolver.Items().GetEnumerator();
        bool warm = false;
        while (articles < limit)
        {
            var chunk = new List<ArticleInput>(256);
            while (chunk.Count < 256 && articles + chunk.Count < limit && items.MoveNext())
            {
                if (items.Current.Article is { } a)
                    chunk.Add(a);
            }
            if (chunk.Count == 0)
                break;
            var contexts = chunk.Select(a => new DocumentContext(a)).ToList();
            long before = GC.GetAllocatedBytesForCurrentThread();
            self.Refresh();
            var cpu = self.TotalProcessorTime;
            long start = Stopwatch.GetTimestamp();
            foreach (var c in contexts)
            {
                try
                {
                    foreach (var stage in pipeline.Stages)
                        stage.Process(c);
                }
                catch (InputRejectedException)
                {
                    c.Text = null;
                }
            }
            pipelineSeconds += Stopwatch.GetElapsedTime(start).TotalSeconds;
            self.Refresh();
            pipelineCpu += (self.TotalProcessorTime - cpu).TotalSeconds;
            pipelineAlloc += GC.GetAllocatedBytesForCurrentThread() - before;
            if (!warm)
            {
                // The first pass over a few articles runs the tagger's code for the first time: not counted.
                foreach (var c in contexts.Take(20))
                    TimeExpressions.Find(c.Text ?? "", c.Tokens, c.Sentences, c.Metadata?.Published);
                warm = true;
            }
            before = GC.GetAllocatedBytesForCurrentThread();
            self.Refresh();
            cpu = self.TotalProcessorTime;
            start = Stopwatch.GetTimestamp();
            foreach (var c in contexts)
            {
                if (c.Text is null)
                    continue;
                times += TimeExpressions.Find(c.Text, c.Tokens, c.Sentences, c.Metadata?.Published).Count;
            }
            timexSeconds += Stopwatch.GetElapsedTime(start).TotalSeconds;
            self.Refresh();
            timexCpu += (self.TotalProcessorTime - cpu).TotalSeconds;
            timexAlloc += GC.GetAllocatedBytesForCurrentThread() - before;
            start = Stopwatch.GetTimestamp();
            foreach (var c in contexts)
                _ = Tokenizer.Tokenize(c.Text ?? "");
            tokenSeconds += Stopwatch.GetElapsedTime(start).TotalSeconds;
            articles += chunk.Count;
        }
        Console.WriteLine($"{articles:N0} articles, {times:N0} times ({(double)times / Math.Max(1, articles):N1} per article)");
        Console.WriteLine($"default pipeline with entities: {pipelineSeconds:N2} s, {1000 * pipelineSeconds / Math.Max(1, articles):N3} ms/article, {pipelineAlloc / 1048576.0:N0} MB allocated");
        Console.WriteLine($"times (tagger):                 {timexSeconds:N2} s, {1000 * timexSeconds / Math.Max(1, articles):N3} ms/article, {timexAlloc / 1048576.0:N0} MB allocated");
        Console.WriteLine($"times / pipeline: {100 * timexSeconds / Math.Max(1e-9, pipelineSeconds):N1}% of wall clock, {100 * timexCpu / Math.Max(1e-9, pipelineCpu):N1}% of CPU time ({1000 * timexCpu / Math.Max(1, articles):N3} vs {1000 * pipelineCpu / Math.Max(1, articles):N3} ms CPU/article); tokenizing once more, for scale: {1000 * tokenSeconds / Math.Max(1, articles):N3} ms/article");
        return 0;
    }
}

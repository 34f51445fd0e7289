using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using Sitrep.Cleaning.Html;

namespace Sitrep.Bench;

/// <summary>
/// <c>dotnet run -c Release --project bench/Sitrep.Bench -- extraction [PAGES_DIR] [GROUND_TRUTH_JSON] [--out DIR]</c>:
/// Sitrep's HTML cleaner and SmartReader (a reference, used only here) side by side on the Zyte
/// article-extraction benchmark, in one process: quality by the benchmark's metric
/// (<see cref="ZyteMetric"/>), the median of three timed runs per page, and both outputs written as
/// <c>{page_id: {"articleBody": text}}</c> for <c>shared/tools/score_extraction.py</c> to cross-check.
/// </summary>
public static class ExtractionBenchmark
{
    private const int Runs = 3;

    private const int WarmupPasses = 3;

    private sealed record Page(string Id, string Url, string Truth, string? Html);

    private sealed record Extractor(string Name, string File, Func<Page, string> Extract);

    private sealed record Result(string Name, string File, ZyteMetric.Score Score, int Errors, double[] Millis);

    public static int Run(string[] args)
    {
        string? outDir = null;
        bool quick = false, quickReference = false;
        var positional = new List<string>();
        for (int i = 0; i < args.Length; i++)
        {
            if (args[i] == "--out" && i + 1 < args.Length)
                outDir = args[++i];
            else if (args[i] == "--quick")
                quick = true;
            else if (args[i] == "--quick-reference")
                (quick, quickReference) = (true, true);
            else if (args[i].StartsWith("--", StringComparison.Ordinal))
                return Usage($"unknown option {args[i]}");
            else
                positional.Add(args[i]);
        }
        if (positional.Count > 2)
            return Usage("too many arguments");

        var root = FindRepoRoot();
        string Default(string rel) => root is null ? rel : Path.GetFullPath(Path.Combine(root, "..", "shared", "data", "extraction", "zyte-benchmark", rel));
        var pagesDir = positional.Count > 0 ? positional[0] : Default("html");
        var truthPath = positional.Count > 1 ? positional[1] : Default("ground-truth.json");
        if (!Directory.Exists(pagesDir))
            return Missing($"pages folder not found: {pagesDir}");
        if (!File.Exists(truthPath))
            return Missing($"ground truth not found: {truthPath}");

        var pages = Load(pagesDir, truthPath, out int missingHtml);
        if (pages.Count == 0)
            return Missing($"no pages of the ground truth in {pagesDir} (*.html.gz)");
        outDir ??= Path.Combine(Path.GetTempPath(), $"sitrep-extraction-{Environment.ProcessId}");
        Directory.CreateDirectory(outDir);

        var cleaner = new HtmlCleaner();
        if (quick)
            return quickReference ? QuickReference(pages, outDir) : Quick(cleaner, pages, outDir);
        Extractor[] extractors =
        [
            new("Sitrep", "sitrep.json", p => cleaner.Clean(p.Html!).Text),
            new("SmartReader 0.11.1", "smartreader.json", p => new SmartReader.Reader(p.Url, p.Html!).GetArticle().TextContent ?? ""),
        ];

        Console.WriteLine($"{pages.Count} pages ({missingHtml} of the ground truth without HTML, scored as empty) from {pagesDir}");
        Console.WriteLine($"median of {Runs} runs per page, the extractors interleaved, after {WarmupPasses} full warm-up passes each, a gen-0 collection before each run; 1 thread");
        Console.WriteLine();

        var results = MeasureAll(extractors, pages, outDir);

        Console.WriteLine($"{"extractor",-20} {"pages",6} {"empty",6} {"errors",6} {"precision",9} {"recall",7} {"F1",6} {"median ms",10} {"mean ms",8} {"p90 ms",8} {"max ms",8} {"total s",8}");
        foreach (var r in results)
        {
            var ms = r.Millis;
            Console.WriteLine(
                $"{r.Name,-20} {r.Score.Pages,6} {r.Score.Empty,6} {r.Errors,6} {r.Score.Precision,9:F3} {r.Score.Recall,7:F3} {r.Score.F1,6:F3} " +
                $"{Median(ms),10:F2} {ms.Average(),8:F2} {Percentile(ms, 0.9),8:F2} {ms.Max(),8:F2} {ms.Sum() / 1000,8:F2}");
        }
        Console.WriteLine();
        Console.WriteLine($"speed ratio (SmartReader median / Sitrep median): {Median(results[1].Millis) / Median(results[0].Millis):F2}x");
        Console.WriteLine("total s = sum of the per-page medians (one pass over all pages).");
        Console.WriteLine();
        Console.WriteLine($"outputs in {outDir}; cross-check with:");
        var scorer = Path.GetFullPath(Path.Combine(root ?? "..", "..", "shared", "tools", "score_extraction.py"));
        foreach (var r in results)
        {
            Console.WriteLine($"  python3 {scorer} {Path.GetFullPath(Path.Combine(outDir, r.File))} {Path.GetFullPath(truthPath)}");
            Console.WriteLine($"    (expect precision {r.Score.Precision:F6}  recall {r.Score.Recall:F6}  F1 {r.Score.F1:F6})");
        }
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        Console.WriteLine($"peak working set: {process.PeakWorkingSet64 / 1048576.0:N0} MB");
        return 0;
    }

    /// <summary>
    /// Runs the extractors interleaved (page by page, run by run) so that both see the same machine:
    /// load from other processes shifts their times alike and leaves the ratio fair.
    /// </summary>
    private static List<Result> MeasureAll(Extractor[] extractors, List<Page> pages, string outDir)
    {
        var withHtml = pages.Where(p => p.Html is not null).ToList();
        // Full passes each, with pauses, so both run tier-1 JIT code when timing starts. One pass was
        // not enough on a loaded machine: the runtime promotes a method in the background, only after
        // 100 ms without new tier-0 compilations, and the timed runs sometimes began on tier-0 and OSR
        // code (Sitrep's median then moved between 1.2 and 3 ms from one run to the next).
        for (int pass = 0; pass < WarmupPasses; pass++)
        {
            foreach (var e in extractors)
            {
                foreach (var p in withHtml)
                    Try(e, p, out _);
            }
            Thread.Sleep(500);
        }
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();

        var outputs = extractors.Select(_ => new Dictionary<string, string>(StringComparer.Ordinal)).ToArray();
        var millis = extractors.Select(_ => new List<double>(withHtml.Count)).ToArray();
        var errors = new int[extractors.Length];
        var runs = new double[extractors.Length, Runs];
        foreach (var page in withHtml)
        {
            var failed = new bool[extractors.Length];
            for (int r = 0; r < Runs; r++)
            {
                for (int e = 0; e < extractors.Length; e++)
                {
                    // Each run starts from a collected heap, so one extractor's garbage is not collected
                    // on the other's time.
                    GC.Collect(0, GCCollectionMode.Forced, blocking: true);
                    long start = Stopwatch.GetTimestamp();
                    bool ok = Try(extractors[e], page, out var text);
                    runs[e, r] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                    failed[e] |= !ok;
                    outputs[e][page.Id] = text;
                }
            }
            for (int e = 0; e < extractors.Length; e++)
            {
                errors[e] += failed[e] ? 1 : 0;
                millis[e].Add(Median([.. Enumerable.Range(0, Runs).Select(r => runs[e, r])]));
            }
        }

        var results = new List<Result>(extractors.Length);
        for (int e = 0; e < extractors.Length; e++)
        {
            WriteOutputs(Path.Combine(outDir, extractors[e].File), pages, outputs[e]);
            var score = ZyteMetric.Evaluate(pages.Select(p => (p.Truth, outputs[e].GetValueOrDefault(p.Id, ""))).ToList());
            results.Add(new(extractors[e].Name, extractors[e].File, score, errors[e], [.. millis[e]]));
        }
        return results;
    }

    /// <summary>
    /// <c>--quick</c>: Sitrep alone, one untimed pass, for iterating on rules: prints the score and writes
    /// <c>sitrep.json</c> with each page's body and the metadata the cleaner read (title, byline, printed date).
    /// </summary>
    private static int Quick(HtmlCleaner cleaner, List<Page> pages, string outDir)
    {
        var outputs = new Dictionary<string, string>(StringComparer.Ordinal);
        var path = Path.Combine(outDir, "sitrep.json");
        using (var stream = File.Create(path))
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            foreach (var p in pages)
            {
                string text = "";
                Pipeline.PageHints? hints = null;
                IReadOnlyList<Sitrep.Documents.RemovedBlock> removed = [];
                if (p.Html is not null)
                {
                    try
                    {
                        var result = cleaner.Clean(p.Html);
                        text = result.Text;
                        hints = result.Hints;
                        removed = result.Removed;
                    }
#pragma warning disable CA1031 // a failing page is a result of the benchmark, not a reason to stop it
                    catch (Exception e)
#pragma warning restore CA1031
                    {
                        Console.Error.WriteLine($"Sitrep failed on {p.Id}: {e}");
                    }
                }
                outputs[p.Id] = text;
                json.WriteStartObject(p.Id);
                json.WriteString("articleBody", text);
                json.WriteString("title", hints?.Title);
                json.WriteString("byline", hints?.Byline);
                json.WriteString("printedDate", hints?.PrintedDate);
                // What the cleaner removed and why, to group the losses by cause.
                json.WriteStartArray("removed");
                foreach (var r in removed)
                {
                    json.WriteStartObject();
                    json.WriteString("reason", r.Reason.ToString());
                    json.WriteString("text", r.Text);
                    json.WriteEndObject();
                }
                json.WriteEndArray();
                json.WriteEndObject();
            }
            json.WriteEndObject();
        }
        var score = ZyteMetric.Evaluate(pages.Select(p => (p.Truth, outputs.GetValueOrDefault(p.Id, ""))).ToList());
        Console.WriteLine($"pages {score.Pages}  empty {score.Empty}  precision {score.Precision:F4}  recall {score.Recall:F4}  F1 {score.F1:F4}");
        Console.WriteLine($"output: {path}");
        return 0;
    }

    /// <summary>
    /// <c>--quick-reference</c>: SmartReader alone, one untimed pass, writing <c>smartreader.json</c>
    /// with its text, title, byline and publication date, to compare page metadata with Sitrep's.
    /// </summary>
    private static int QuickReference(List<Page> pages, string outDir)
    {
        var outputs = new Dictionary<string, string>(StringComparer.Ordinal);
        var path = Path.Combine(outDir, "smartreader.json");
        using (var stream = File.Create(path))
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            foreach (var p in pages)
            {
                SmartReader.Article? article = null;
                if (p.Html is not null)
                {
                    try
                    {
                        article = new SmartReader.Reader(p.Url, p.Html).GetArticle();
                    }
#pragma warning disable CA1031 // a failing page is a result of the benchmark, not a reason to stop it
                    catch (Exception e)
#pragma warning restore CA1031
                    {
                        Console.Error.WriteLine($"SmartReader failed on {p.Id}: {e.GetType().Name}: {e.Message}");
                    }
                }
                outputs[p.Id] = article?.TextContent ?? "";
                json.WriteStartObject(p.Id);
                json.WriteString("articleBody", outputs[p.Id]);
                json.WriteString("title", article?.Title);
                json.WriteString("byline", article?.Byline ?? article?.Author);
                json.WriteString("printedDate", article?.PublicationDate?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
                json.WriteEndObject();
            }
            json.WriteEndObject();
        }
        var score = ZyteMetric.Evaluate(pages.Select(p => (p.Truth, outputs.GetValueOrDefault(p.Id, ""))).ToList());
        Console.WriteLine($"pages {score.Pages}  empty {score.Empty}  precision {score.Precision:F4}  recall {score.Recall:F4}  F1 {score.F1:F4}");
        Console.WriteLine($"output: {path}");
        return 0;
    }

    /// <summary>An extractor that throws on a page yields nothing for it; the page counts as an error and as empty.</summary>
    private static bool Try(Extractor extractor, Page page, out string text)
    {
        try
        {
            text = extractor.Extract(page);
            return true;
        }
#pragma warning disable CA1031 // a failing page is a result of the benchmark, not a reason to stop it
        catch (Exception e)
#pragma warning restore CA1031
        {
            Console.Error.WriteLine($"{extractor.Name} failed on {page.Id}: {e.GetType().Name}: {e.Message}");
            text = "";
            return false;
        }
    }

    private static List<Page> Load(string pagesDir, string truthPath, out int missingHtml)
    {
        var utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);
        using var truth = JsonDocument.Parse(File.ReadAllBytes(truthPath));
        var pages = new List<Page>();
        missingHtml = 0;
        foreach (var entry in truth.RootElement.EnumerateObject())
        {
            string body = entry.Value.TryGetProperty("articleBody", out var b) && b.ValueKind == JsonValueKind.String ? b.GetString()! : "";
            string url = entry.Value.TryGetProperty("url", out var u) && u.ValueKind == JsonValueKind.String ? u.GetString()! : "https://example.invalid/";
            var file = Path.Combine(pagesDir, entry.Name + ".html.gz");
            string? html = null;
            if (File.Exists(file))
            {
                using var gz = new GZipStream(File.OpenRead(file), CompressionMode.Decompress);
                using var buffer = new MemoryStream();
                gz.CopyTo(buffer);
                html = utf8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length).TrimStart('\uFEFF');
            }
            else
            {
                missingHtml++;
            }
            pages.Add(new(entry.Name, url, body, html));
        }
        return pages;
    }

    private static void WriteOutputs(string path, List<Page> pages, Dictionary<string, string> outputs)
    {
        using var stream = File.Create(path);
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        foreach (var p in pages)
        {
            json.WriteStartObject(p.Id);
            json.WriteString("articleBody", outputs.GetValueOrDefault(p.Id, ""));
            json.WriteEndObject();
        }
        json.WriteEndObject();
    }

    private static double Median(double[] xs)
    {
        var s = xs.Order().ToArray();
        return s.Length == 0 ? 0 : s.Length % 2 == 1 ? s[s.Length / 2] : (s[s.Length / 2 - 1] + s[s.Length / 2]) / 2;
    }

    private static double Percentile(double[] xs, double q)
    {
        var s = xs.Order().ToArray();
        return s.Length == 0 ? 0 : s[Math.Min(s.Length - 1, (int)Math.Ceiling(q * s.Length) - 1)];
    }

    private static string? FindRepoRoot()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Environment.CurrentDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Sitrep.sln")))
                    return dir.FullName;
            }
        }
        return null;
    }

    private static int Missing(string message)
    {
        Console.Error.WriteLine($"extraction: {message}");
        Console.Error.WriteLine("The Zyte benchmark is expected at <repo>/../shared/data/extraction/zyte-benchmark/{html/*.html.gz,ground-truth.json}; name PAGES_DIR and GROUND_TRUTH_JSON to use another copy.");
        return 2;
    }

    private static int Usage(string message)
    {
        Console.Error.WriteLine($"extraction: {message}");
        Console.Error.WriteLine("usage: Sitrep.Bench extraction [PAGES_DIR] [GROUND_TRUTH_JSON] [--out DIR]");
        return 2;
    }
}

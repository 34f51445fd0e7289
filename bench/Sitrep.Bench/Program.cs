using System.Diagnostics;
using BenchmarkDotNet.Running;
using Sitrep.Documents;
using Sitrep.Ingest;
using Sitrep.Pipeline;
using Sitrep.Storage;

namespace Sitrep.Bench;

/// <summary>
/// Throughput per stage: <c>dotnet run -c Release --project bench/Sitrep.Bench -- [INPUT…]</c>
/// prints articles/s and peak memory for reading, each per-document stage, the whole pipeline on
/// all cores, and storing. <c>-- bdn</c> runs the BenchmarkDotNet micro-benchmarks instead;
/// <c>-- extraction</c> compares HTML extraction with SmartReader on the Zyte benchmark
/// (<see cref="ExtractionBenchmark"/>).
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "bdn")
        {
            BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args[1..]);
            return 0;
        }
        if (args.Length > 0 && args[0] == "extraction")
            return ExtractionBenchmark.Run(args[1..]);
        var inputs = args.Length > 0 ? args : [FindExamples()];
        var rows = new List<(string Stage, int Articles, TimeSpan Time, long PeakBytes, long Allocated)>();

        var articles = new List<ArticleInput>();
        rows.Add(Measure("read + decode", () =>
        {
            foreach (var item in new InputResolver(inputs).Items())
            {
                if (item.Article is { } a)
                    articles.Add(a);
            }
            return articles.Count;
        }));

        var pipeline = PipelineBuilder.CreateDefault();
        var contexts = articles.Select(a => new DocumentContext(a)).ToList();
        foreach (var stage in pipeline.Stages)
        {
            rows.Add(Measure($"{stage.Name} (1 core)", () =>
            {
                foreach (var c in contexts)
                    stage.Process(c);
                return contexts.Count;
            }));
        }
        contexts.Clear();

        var documents = new Document[articles.Count];
        rows.Add(Measure($"pipeline ({Environment.ProcessorCount} cores)", () =>
        {
            Parallel.For(0, articles.Count, i => documents[i] = pipeline.Analyze(articles[i]));
            return documents.Length;
        }));

        var db = Path.Combine(Path.GetTempPath(), $"sitrep-bench-{Environment.ProcessId}.db");
        try
        {
            using var store = SqliteDocumentStore.Open(db);
            rows.Add(Measure("store (SQLite)", () =>
            {
                foreach (var chunk in documents.Chunk(256))
                    store.SaveBatch(chunk);
                return documents.Length;
            }));
        }
        finally
        {
            foreach (var f in new[] { db, db + "-wal", db + "-shm" })
                File.Delete(f);
        }

        Console.WriteLine($"{"stage",-22} {"articles",9} {"seconds",9} {"articles/s",11} {"peak MB",8} {"alloc MB",9}");
        foreach (var (stage, n, time, peak, alloc) in rows)
            Console.WriteLine($"{stage,-22} {n,9:N0} {time.TotalSeconds,9:N2} {n / Math.Max(time.TotalSeconds, 1e-6),11:N0} {peak / 1048576.0,8:N0} {alloc / 1048576.0,9:N0}");
        return 0;
    }

    private static (string, int, TimeSpan, long, long) Measure(string stage, Func<int> work)
    {
        long allocated = GC.GetTotalAllocatedBytes(precise: true);
        var clock = Stopwatch.StartNew();
        int n = work();
        clock.Stop();
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        return (stage, n, clock.Elapsed, process.PeakWorkingSet64, GC.GetTotalAllocatedBytes(precise: true) - allocated);
    }

    private static string FindExamples()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !Directory.Exists(Path.Combine(dir.FullName, "examples")))
            dir = dir.Parent;
        return dir is null ? throw new InvalidOperationException("no examples/ folder found; name the inputs") : Path.Combine(dir.FullName, "examples");
    }
}

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
/// all cores, and storing; with <c>--entities</c> the entity stages too, and cross-document entity
/// resolution over the store. <c>-- bdn</c> runs the BenchmarkDotNet micro-benchmarks instead;
/// <c>-- extraction</c> compares HTML extraction with SmartReader on the Zyte benchmark
/// (<see cref="ExtractionBenchmark"/>); <c>-- quotes-train</c>, <c>-- quotes-eval</c> and <c>-- quotes-speed</c>
/// train and measure the quote layer (<see cref="QuotesBench"/>).
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
        if (args.Length > 0 && args[0] == "quotes-train")
            return QuotesBench.Train(args[1..]);
        if (args.Length > 0 && args[0] == "quotes-eval")
            return QuotesBench.Eval(args[1..]);
        if (args.Length > 0 && args[0] == "quotes-show")
            return QuotesBench.Show(args[1..]);
        if (args.Length > 0 && args[0] == "quotes-speed")
            return QuotesBench.Speed(args[1..]);
        bool entities = args.Contains("--entities");
        var rest = args.Where(a => a != "--entities").ToArray();
        var inputs = rest.Length > 0 ? rest : [FindExamples()];
        return Stream(inputs, entities);
    }

    /// <summary>
    /// Streams the inputs in chunks, so memory stays flat however large the corpus: each chunk is
    /// read, run stage by stage on one core (the per-stage figures), then analysed on all cores and
    /// stored as `sitrep analyze` does (the end-to-end figure).
    /// </summary>
    private static int Stream(string[] inputs, bool entities)
    {
        const int ChunkSize = 512;
        var pipeline = PipelineBuilder.CreateDefault(entities);
        var names = new List<string> { "read + decode" };
        names.AddRange(pipeline.Stages.Select(s => s.Name + " (1 core)"));
        names.Add($"analyze ({Environment.ProcessorCount} cores)");
        names.Add("store (SQLite)");
        if (entities)
            names.Add("entity resolution (store)");
        var time = new double[names.Count];
        var allocated = new long[names.Count];
        int articles = 0;
        var db = Path.Combine(Path.GetTempPath(), $"sitrep-bench-{Environment.ProcessId}.db");
        var total = Stopwatch.StartNew();
        try
        {
            using var store = SqliteDocumentStore.Open(db);
            var entityResolver = new Sitrep.Entities.Resolution.EntityResolver(store.Entities);
            using var resolver = new InputResolver(inputs);
            using var items = resolver.Items().GetEnumerator();
            while (true)
            {
                var chunk = new List<ArticleInput>(ChunkSize);
                Timed(0, () =>
                {
                    while (chunk.Count < ChunkSize && items.MoveNext())
                    {
                        if (items.Current.Article is { } a)
                            chunk.Add(a);
                    }
                });
                if (chunk.Count == 0)
                    break;
                articles += chunk.Count;
                var contexts = chunk.Select(a => new DocumentContext(a)).ToList();
                for (int s = 0; s < pipeline.Stages.Length; s++)
                {
                    var stage = pipeline.Stages[s];
                    Timed(1 + s, () =>
                    {
                        foreach (var c in contexts)
                            stage.Process(c);
                    });
                }
                var documents = new Document[chunk.Count];
                int analyzeRow = pipeline.Stages.Length + 1;
                Timed(analyzeRow, () => Parallel.For(0, chunk.Count, i => documents[i] = pipeline.Analyze(chunk[i])));
                Timed(analyzeRow + 1, () => store.SaveBatch(documents));
                if (entities)
                    Timed(analyzeRow + 2, () => entityResolver.Update());
            }
        }
        finally
        {
            foreach (var f in new[] { db, db + "-wal", db + "-shm" })
                File.Delete(f);
        }

        using var process = Process.GetCurrentProcess();
        process.Refresh();
        Console.WriteLine($"{articles:N0} articles from {string.Join(", ", inputs)}");
        Console.WriteLine($"{"stage",-24} {"seconds",9} {"articles/s",11} {"alloc MB",9}");
        for (int i = 0; i < names.Count; i++)
            Console.WriteLine($"{names[i],-24} {time[i],9:N2} {articles / Math.Max(time[i], 1e-6),11:N0} {allocated[i] / 1048576.0,9:N0}");
        double endToEnd = time[0] + time[pipeline.Stages.Length + 1] + time[pipeline.Stages.Length + 2] + (entities ? time[^1] : 0);
        Console.WriteLine($"{(entities ? "read + analyze + store + resolve" : "read + analyze + store"),-24} {endToEnd,9:N2} {articles / Math.Max(endToEnd, 1e-6),11:N0}");
        Console.WriteLine($"peak memory (working set): {process.PeakWorkingSet64 / 1048576.0:N0} MB; wall clock {total.Elapsed.TotalSeconds:N1} s");
        return 0;

        void Timed(int row, Action work)
        {
            long before = GC.GetTotalAllocatedBytes(precise: false);
            long start = Stopwatch.GetTimestamp();
            work();
            time[row] += Stopwatch.GetElapsedTime(start).TotalSeconds;
            allocated[row] += GC.GetTotalAllocatedBytes(precise: false) - before;
        }
    }

    private static string FindExamples()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !Directory.Exists(Path.Combine(dir.FullName, "examples")))
            dir = dir.Parent;
        return dir is null ? throw new InvalidOperationException("no examples/ folder found; name the inputs") : Path.Combine(dir.FullName, "examples");
    }
}

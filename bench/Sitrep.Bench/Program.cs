using System.Diagnostics;
using BenchmarkDotNet.Running;
using Sitrep.Documents;
using Sitrep.Engine;
using Sitrep.Ingest;
using Sitrep.Pipeline;
using Sitrep.Storage;

namespace Sitrep.Bench;

/// <summary>
/// Throughput per stage: <c>dotnet run -c Release --project bench/Sitrep.Bench -- [INPUT…] [--stages LIST] [--limit N]</c>
/// prints articles/s and allocations for reading and for each per-document stage on one core, then
/// runs the engine end to end on a fresh store (read, analyse on every core, store, cross-document
/// stages) as <c>sitrep analyze</c> does, with the cross-document stages timed apart and the peak memory
/// (<c>--per-stage</c> stops after the per-document stages). The shipped models and tables are loaded on
/// a row of their own before the stages run.
/// <c>-- bdn</c> runs the BenchmarkDotNet micro-benchmarks instead; <c>-- extraction</c> compares HTML
/// extraction with SmartReader on the Zyte benchmark (<see cref="ExtractionBenchmark"/>); <c>-- timex-profile</c>
/// and <c>-- timex-show</c> look inside the temporal tagger (<see cref="TimexEvaluation"/>); <c>-- search STORE</c>
/// times full-text search over a store (<see cref="SearchBenchmark"/>); <c>-- quotes-train</c> learns the quote
/// finder's cue lexicons from PolNeAR and <c>-- quotes-show</c> prints what it finds in a text (<see cref="QuotesBench"/>);
/// <c>-- repeat STAGE REPS INPUT…</c> times one stage several times over the same articles (<see cref="RepeatBench"/>);
/// <c>-- regex-time INPUT…</c> times each stage per article and each regex's slowest call (<see cref="RegexBench"/>);
/// <c>-- store-growth BASE STAGED</c> times storing and the cross-document stages on a grown store (<see cref="StoreGrowthBench"/>).
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
        if (args.Length > 0 && args[0] == "timex-profile")
            return TimexEvaluation.Profile(args[1..]);
        if (args.Length > 0 && args[0] == "timex-show")
            return TimexEvaluation.Show(args[1..]);
        if (args.Length > 0 && args[0] == "search")
            return SearchBenchmark.Run(args[1..]);
        if (args.Length > 0 && args[0] == "quotes-train")
            return QuotesBench.Train(args[1..]);
        if (args.Length > 0 && args[0] == "stories-regroup")
            return StoriesBench.Regroup(args[1..]);
        if (args.Length > 0 && args[0] == "store-growth")
            return StoreGrowthBench.Run(args[1..]);
        if (args.Length > 0 && args[0] == "contradictions")
            return ContradictionsBench.Run(args[1..]);
        if (args.Length > 0 && args[0] == "repeat")
            return RepeatBench.Run(args[1..]);
        if (args.Length > 0 && args[0] == "regex-time")
            return RegexBench.Run(args[1..]);
        if (args.Length > 0 && args[0] == "quotes-show")
            return QuotesBench.Show(args[1..]);
        var inputs = new List<string>();
        IReadOnlyList<string>? stages = null;
        int limit = int.MaxValue;
        bool perStageOnly = false;
        for (int i = 0; i < args.Length; i++)
        {
            if (args[i] == "--stages" && i + 1 < args.Length)
                stages = Features.Parse(args[++i]);
            else if (args[i] == "--limit" && i + 1 < args.Length)
                limit = int.Parse(args[++i], System.Globalization.CultureInfo.InvariantCulture);
            else if (args[i] == "--entities")
                continue;
            else if (args[i] == "--per-stage")
                perStageOnly = true;
            else
                inputs.Add(args[i]);
        }
        if (inputs.Count == 0)
            inputs.Add(FindExamples());
        return Stream([.. inputs], stages, limit, perStageOnly);
    }

    /// <summary>
    /// Streams the inputs in chunks, so memory stays flat however large the corpus: each chunk is run
    /// stage by stage on one core (the per-stage figures). Then the engine analyses the same inputs
    /// into a fresh store, the end-to-end figure.
    /// </summary>
    private static int Stream(string[] inputs, IReadOnlyList<string>? stages, int limit, bool perStageOnly)
    {
        const int ChunkSize = 512;
        var pipeline = Features.Build(Features.All, stages);
        var names = new List<string> { "read + decode", "load models and tables" };
        names.AddRange(pipeline.Stages.Select(s => s.Name + " (1 core)"));
        names.Add("store (SQLite)");
        names.AddRange(pipeline.CrossDocument.Select(c => c.Name + " (store)"));
        var time = new double[names.Count];
        var cpu = new double[names.Count];
        var threadCpu = new double[names.Count];
        var allocated = new long[names.Count];
        int articles = 0;
        var stageDb = Path.Combine(Path.GetTempPath(), $"sitrep-bench-stages-{Environment.ProcessId}.db");
        using (var stageStore = StoreFactory.Open(stageDb, pipeline.Codecs))
        using (var resolver = new InputResolver(inputs))
        {
            var crossDocument = pipeline.CrossDocument.Select(c => c.Create(stageStore)).ToList();
            using var items = resolver.Items().GetEnumerator();
            while (articles < limit)
            {
                var chunk = new List<ArticleInput>(ChunkSize);
                Timed(0, () =>
                {
                    while (chunk.Count < ChunkSize && articles + chunk.Count < limit && items.MoveNext())
                    {
                        if (items.Current.Article is { } a)
                            chunk.Add(a);
                    }
                });
                if (chunk.Count == 0)
                    break;
                articles += chunk.Count;
                var contexts = chunk.Select(a => new DocumentContext(a)).ToList();
                if (articles == chunk.Count)
                    Timed(1, LoadResources);
                for (int s = 0; s < pipeline.Stages.Length; s++)
                {
                    var stage = pipeline.Stages[s];
                    Timed(2 + s, () => RepeatBench.RunStage(stage, contexts));
                }
                if (perStageOnly)
                    continue;
                // The documents as the pipeline makes them (untimed), then storing them and the cross-document stages, timed apart.
                var documents = new Document[chunk.Count];
                Parallel.For(0, chunk.Count, i => documents[i] = pipeline.Analyze(chunk[i]));
                int row = pipeline.Stages.Length + 2;
                Timed(row, () => stageStore.SaveBatch(documents));
                for (int c = 0; c < crossDocument.Count; c++)
                    Timed(row + 1 + c, () => crossDocument[c].Update(stageStore.Changes.Cursor(crossDocument[c].Name, crossDocument[c].DependsOn), CancellationToken.None));
            }
        }
        foreach (var f in new[] { stageDb, stageDb + "-wal", stageDb + "-shm" })
            File.Delete(f);

        Console.WriteLine($"{articles:N0} articles from {string.Join(", ", inputs)}; stages: {string.Join(", ", pipeline.Features.Select(f => f.Name))}");
        // Processor seconds as well as wall seconds: on a machine shared with other work the first is what
        // the stage costs, the second what it took. The process's processor time counts the runtime's own
        // threads too (the JIT compiling hot methods again in the background, a quarter of a 2,000-article
        // run, and the background collector), charged to whichever stage runs then; ms/article is the
        // processor time of the thread that runs the stage (with the collections it triggers), on Linux.
        Console.WriteLine($"{"stage",-34} {"seconds",9} {"articles/s",11} {"cpu s",9} {"per cpu s",10} {"alloc MB",9} {"ms/article",11}");
        for (int i = 0; i < (perStageOnly ? pipeline.Stages.Length + 2 : names.Count); i++)
            Console.WriteLine($"{names[i],-34} {time[i],9:N2} {articles / Math.Max(time[i], 1e-6),11:N0} {cpu[i],9:N2} {articles / Math.Max(cpu[i], 1e-6),10:N0} {allocated[i] / 1048576.0,9:N0}   {1000 * threadCpu[i] / Math.Max(articles, 1),11:N2}");
        if (perStageOnly)
            return 0;

        // End to end, as `sitrep analyze` runs: the engine on a fresh store.
        var db = Path.Combine(Path.GetTempPath(), $"sitrep-bench-{Environment.ProcessId}.db");
        try
        {
            var options = EngineOptions.Default with { Stages = stages };
            using var engine = SitrepEngine.Open(codecs => StoreFactory.Open(db, codecs), options);
            using var resolver = engine.OpenInputs(inputs);
            var clock = Stopwatch.StartNew();
            var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            var summary = engine.Analyze(resolver.Items().Take(limit));
            double seconds = clock.Elapsed.TotalSeconds;
            double cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds;
            Console.WriteLine($"{"engine end to end",-34} {seconds,9:N2} {summary.Read / Math.Max(seconds, 1e-6),11:N0} {cpuSeconds,9:N2} {summary.Read / Math.Max(cpuSeconds, 1e-6),10:N0}");
            Console.WriteLine($"  (read + analyze on {Environment.ProcessorCount} cores + store + cross-document stages, as sitrep analyze runs)");
        }
        finally
        {
            foreach (var f in new[] { db, db + "-wal", db + "-shm" })
                File.Delete(f);
        }
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        Console.WriteLine($"peak memory (working set): {process.PeakWorkingSet64 / 1048576.0:N0} MB; garbage collections gen0/1/2: {GC.CollectionCount(0):N0}/{GC.CollectionCount(1):N0}/{GC.CollectionCount(2):N0}, paused {GC.GetTotalPauseDuration().TotalSeconds:N1} s");
        return 0;

        void Timed(int row, Action work)
        {
            long before = GC.GetTotalAllocatedBytes(precise: false);
            var cpuStart = Process.GetCurrentProcess().TotalProcessorTime;
            double threadStart = ThreadCpuSeconds();
            long start = Stopwatch.GetTimestamp();
            work();
            time[row] += Stopwatch.GetElapsedTime(start).TotalSeconds;
            cpu[row] += (Process.GetCurrentProcess().TotalProcessorTime - cpuStart).TotalSeconds;
            threadCpu[row] += ThreadCpuSeconds() - threadStart;
            allocated[row] += GC.GetTotalAllocatedBytes(precise: false) - before;
        }
    }

    /// <summary>The processor seconds of the calling thread (the engine's thread clock on Linux); elsewhere the process's.</summary>
    internal static double ThreadCpuSeconds() =>
        OperatingSystem.IsLinux() ? Sitrep.Ingest.ThreadClock.Now().TotalSeconds : Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds;

    /// <summary>
    /// The shipped models and tables the stages load when they first run, loaded here on their own row:
    /// a stage's figure is then what it costs per article, not per article plus a share of a one-off load.
    /// </summary>
    private static void LoadResources()
    {
        _ = Entities.NerModel.Default;
        _ = Entities.Actors.ActorTable.Default;
        _ = Entities.Resolution.CountryTable.Default;
        _ = Quotes.CueModel.Default;
    }

    private static string FindExamples()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !Directory.Exists(Path.Combine(dir.FullName, "examples")))
            dir = dir.Parent;
        return dir is null ? throw new InvalidOperationException("no examples/ folder found; name the inputs") : Path.Combine(dir.FullName, "examples");
    }
}

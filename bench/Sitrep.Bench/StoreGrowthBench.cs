using System.Diagnostics;
using System.Globalization;
using Sitrep.Documents;
using Sitrep.Engine;
using Sitrep.Storage;

namespace Sitrep.Bench;

/// <summary>
/// <c>store-growth BASE|empty STAGED [--batch N] [--keep PATH]</c>: the store-bound work alone, on a store that has
/// grown. The documents of STAGED (a store analysed before, e.g. by <c>sitrep analyze</c>) are read
/// back, untimed, and stored into a copy of BASE (or an empty store) in batches as <c>sitrep analyze</c>
/// stores them, each batch followed by the cross-document stages; prints the processor seconds of
/// storing and of each stage. Run it on a base of 20,000 articles and on an empty one to see what grows
/// with the store. Each document is prepared for the store (<see cref="Ingest.IDocumentStore.Prepare"/>) untimed
/// before its batch is stored, as the analysing threads of <c>sitrep analyze</c> prepare it.
/// </summary>
public static class StoreGrowthBench
{
    public static int Run(string[] args)
    {
        if (args.Length < 2)
        {
            Console.Error.WriteLine("usage: store-growth BASE|empty STAGED [--batch N] [--keep PATH]");
            return 1;
        }
        int batchSize = 256;
        // --keep PATH: the store written is kept there (to compare two builds' stores row for row).
        string? keep = null;
        for (int i = 2; i < args.Length; i++)
        {
            if (args[i] == "--batch" && i + 1 < args.Length)
                batchSize = int.Parse(args[++i], CultureInfo.InvariantCulture);
            else if (args[i] == "--keep" && i + 1 < args.Length)
                keep = args[++i];
        }
        var pipeline = Features.Default;
        var db = Path.Combine(Path.GetTempPath(), $"sitrep-bench-growth-{Environment.ProcessId}.db");
        Delete(db);
        if (args[0] != "empty")
            File.Copy(args[0], db);
        var staged = new List<Document>();
        using (var source = StoreFactory.Open(args[1], pipeline.Codecs))
            staged.AddRange(source.LoadAll());

        var names = new List<string> { "store (SQLite)" };
        names.AddRange(pipeline.CrossDocument.Select(c => c.Name + " (store)"));
        names.Add("commit");
        int commitRow = names.Count - 1;
        var cpu = new double[names.Count];
        // The storing thread's own processor time apart (the process's includes the collector's threads and
        // the store's background checkpoints).
        var thread = new double[names.Count];
        // Bytes the storing thread allocated in each step (what the collector must later reclaim).
        var alloc = new double[names.Count];
        var pausedBefore = GC.GetTotalPauseDuration();
        try
        {
            var open = Stopwatch.StartNew();
            using var store = StoreFactory.Open(db, pipeline.Codecs);
            Console.WriteLine($"opened {(args[0] == "empty" ? "an empty store" : args[0])} ({store.Count():N0} documents) in {open.Elapsed.TotalSeconds:F1} s");
            var spellings = Sitrep.Entities.Resolution.SpellingFactsCache.For(Sitrep.Entities.Resolution.CountryTable.Default, Sitrep.Entities.Actors.ActorTable.Default);
            var stages = pipeline.CrossDocument.Select(c => c.Create(store)).ToList();
            // Stages catch up with what the base left on the feed first, untimed.
            foreach (var stage in stages)
                stage.Update(store.Changes.Cursor(stage.Name, stage.DependsOn), CancellationToken.None);
            foreach (var batch in staged.Chunk(batchSize))
            {
                // What the analysing threads do ahead of storing, as sitrep analyze does it: untimed.
                foreach (var document in batch)
                {
                    store.Prepare(document);
                    foreach (var stage in stages)
                        stage.Prepare(document);
                    // And what the coreference stage makes ahead for entity resolution (the facts of each entity's spelling).
                    if (document.Layers.Get(Sitrep.Entities.EntityLayers.DocumentEntities) is { } entities)
                        spellings.Prepare(entities);
                }
                // One transaction a batch, as sitrep analyze stores it; what is left of the whole once the
                // steps inside are counted is the commit (the pages written to the log).
                var steps = cpu.Sum() - cpu[commitRow];
                var stepsThread = thread.Sum() - thread[commitRow];
                var stepsAlloc = alloc.Sum() - alloc[commitRow];
                Timed(commitRow, () => store.InOneTransaction(() =>
                {
                    Timed(0, () => store.SaveBatch(batch));
                    for (int c = 0; c < stages.Count; c++)
                        Timed(1 + c, () => stages[c].Update(store.Changes.Cursor(stages[c].Name, stages[c].DependsOn), CancellationToken.None));
                }));
                cpu[commitRow] -= cpu.Sum() - cpu[commitRow] - steps;
                thread[commitRow] -= thread.Sum() - thread[commitRow] - stepsThread;
                alloc[commitRow] -= alloc.Sum() - alloc[commitRow] - stepsAlloc;
            }
        }
        finally
        {
            if (keep is not null)
            {
                Delete(keep);
                File.Move(db, keep);
            }
            Delete(db);
        }
        Console.WriteLine($"{staged.Count:N0} documents from {args[1]}, batches of {batchSize}; load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]}");
        Console.WriteLine($"{"step",-34} {"cpu s",9} {"ms/article",11} {"thread s",9} {"alloc MB",9}");
        for (int i = 0; i < names.Count; i++)
            Console.WriteLine($"{names[i],-34} {cpu[i],9:N2} {cpu[i] * 1000 / Math.Max(staged.Count, 1),11:N2} {thread[i],9:N2} {alloc[i] / 1e6,9:N1}");
        Console.WriteLine($"{"total",-34} {cpu.Sum(),9:N2} {cpu.Sum() * 1000 / Math.Max(staged.Count, 1),11:N2} {thread.Sum(),9:N2} {alloc.Sum() / 1e6,9:N1}");
        Console.WriteLine($"GC: pauses {(GC.GetTotalPauseDuration() - pausedBefore).TotalSeconds:F2} s while storing (load untimed before), collections gen0/1/2 {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)}");
        return 0;

        void Timed(int row, Action work)
        {
            var start = Process.GetCurrentProcess().TotalProcessorTime;
            double threadStart = ThreadSeconds();
            long allocStart = GC.GetAllocatedBytesForCurrentThread();
            work();
            alloc[row] += GC.GetAllocatedBytesForCurrentThread() - allocStart;
            cpu[row] += (Process.GetCurrentProcess().TotalProcessorTime - start).TotalSeconds;
            thread[row] += ThreadSeconds() - threadStart;
        }
    }

    /// <summary>The calling thread's processor time (Linux; 0 elsewhere).</summary>
    private static double ThreadSeconds() => Sitrep.Ingest.ThreadClock.Now().TotalSeconds;

    private static void Delete(string db)
    {
        foreach (var f in new[] { db, db + "-wal", db + "-shm" })
            File.Delete(f);
    }
}

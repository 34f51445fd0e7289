using System.Diagnostics;
using System.Globalization;
using Sitrep.Engine;
using Sitrep.Ingest;
using Sitrep.Storage;

namespace Sitrep.Bench;

/// <summary>
/// <c>dotnet run -c Release --project bench/Sitrep.Bench -- search STORE [--runs N] [--top N] [QUERY…]</c>:
/// how long <c>sitrep search</c> takes in-process, warm: the store is opened once (a schema migration,
/// such as building the full-text index of an older store, is timed apart), every query runs once to
/// warm the page cache and the JIT, then each runs N times (default 20) for the top 20 documents with
/// snippets and their total count, as the command asks; prints the median, 90th percentile and worst
/// time per query.
/// </summary>
internal static class SearchBenchmark
{
    /// <summary>Common and rare words, a phrase, a prefix, an apostrophe, a hyphen, a stray quote and an or.</summary>
    private static readonly string[] DefaultQueries =
    [
        "trump", "said", "iran", "health care", "\"supreme court\"", "immigra*", "Trump's tweets",
        "al-Qaeda", "\"border wall", "soleimani", "zurufi", "climate OR weather", "Mueller report obstruction",
    ];

    public static int Run(string[] args)
    {
        if (args.Length == 0 || args[0].StartsWith('-'))
        {
            Console.Error.WriteLine("usage: search STORE [--runs N] [--top N] [QUERY…]");
            return 1;
        }
        var path = args[0];
        int runs = 20, top = 20;
        var queries = new List<string>();
        for (int i = 1; i < args.Length; i++)
        {
            if (args[i] == "--runs" && i + 1 < args.Length)
                runs = int.Parse(args[++i], CultureInfo.InvariantCulture);
            else if (args[i] == "--top" && i + 1 < args.Length)
                top = int.Parse(args[++i], CultureInfo.InvariantCulture);
            else
                queries.Add(args[i]);
        }
        if (queries.Count == 0)
            queries.AddRange(DefaultQueries);

        var open = Stopwatch.StartNew();
        using var engine = SitrepEngine.Open(codecs => StoreFactory.Open(path, codecs));
        open.Stop();
        var catalog = engine.Catalog ?? throw new InvalidOperationException("the store keeps no catalog");
        int documents = engine.Store.Count();
        Console.WriteLine($"{path}: {documents:N0} documents; opened in {open.Elapsed.TotalSeconds:N1} s (with any schema migration)");

        foreach (var q in queries)
            catalog.Search(q, top);

        // Wall time and processor time: on a machine shared with other work the wall time of one query
        // waits for a core, and processor time is what the query itself costs.
        Console.WriteLine($"{"query",-30} {"found",8} {"median ms",10} {"p90 ms",8} {"max ms",8} {"cpu ms",8}");
        var medians = new List<double>();
        var cpus = new List<double>();
        var process = Process.GetCurrentProcess();
        foreach (var q in queries)
        {
            var times = new double[runs];
            var cpu = new double[runs];
            SearchResult result = null!;
            for (int r = 0; r < runs; r++)
            {
                process.Refresh();
                var before = process.TotalProcessorTime;
                var clock = Stopwatch.StartNew();
                result = catalog.Search(q, top);
                times[r] = clock.Elapsed.TotalMilliseconds;
                process.Refresh();
                cpu[r] = (process.TotalProcessorTime - before).TotalMilliseconds;
            }
            Array.Sort(times);
            Array.Sort(cpu);
            double median = times[runs / 2], p90 = times[Math.Min(runs - 1, (int)(runs * 0.9))], max = times[^1];
            medians.Add(median);
            cpus.Add(cpu[runs / 2]);
            Console.WriteLine($"{q,-30} {result.Total,8:N0} {median,10:N1} {p90,8:N1} {max,8:N1} {cpu[runs / 2],8:N1}");
        }
        medians.Sort();
        cpus.Sort();
        Console.WriteLine($"median of the queries' medians {medians[medians.Count / 2]:N1} ms (processor {cpus[cpus.Count / 2]:N1} ms); slowest median {medians[^1]:N1} ms (processor {cpus[^1]:N1} ms); top {top} with snippets and the total count, {runs} runs each, warm");
        return 0;
    }
}

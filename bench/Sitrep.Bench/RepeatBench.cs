using System.Diagnostics;
using System.Globalization;
using Sitrep.Documents;
using Sitrep.Engine;
using Sitrep.Ingest;
using Sitrep.Pipeline;

namespace Sitrep.Bench;

/// <summary>
/// <c>-- repeat STAGE REPS INPUT… [--limit N]</c>: one per-document stage run REPS times over the same
/// articles (the stages before it run untimed before each round), with the processor time of the
/// thread that runs it per round. On a machine shared with other work the fastest round is the
/// steadiest figure; the rounds after the first also leave out compiling the stage's code.
/// </summary>
public static class RepeatBench
{
    public static int Run(string[] args)
    {
        if (args.Length < 3)
        {
            Console.Error.WriteLine("usage: repeat STAGE REPS INPUT… [--limit N]");
            return 1;
        }
        string name = args[0];
        int reps = int.Parse(args[1], CultureInfo.InvariantCulture);
        int limit = int.MaxValue;
        var inputs = new List<string>();
        for (int i = 2; i < args.Length; i++)
        {
            if (args[i] == "--limit" && i + 1 < args.Length)
                limit = int.Parse(args[++i], CultureInfo.InvariantCulture);
            else
                inputs.Add(args[i]);
        }
        var pipeline = Features.Build(Features.All, null);
        int target = Array.FindIndex(pipeline.Stages.ToArray(), s => s.Name == name);
        if (target < 0)
        {
            Console.Error.WriteLine($"no stage '{name}'; the stages are {string.Join(", ", pipeline.Stages.Select(s => s.Name))}");
            return 1;
        }
        var articles = BenchInputs.ReadArticles(inputs, limit);
        var times = new List<double>();
        long allocated = 0;
        for (int r = 0; r < reps; r++)
        {
            var contexts = articles.Select(a => new DocumentContext(a)).ToList();
            for (int s = 0; s < target; s++)
                RunStage(pipeline.Stages[s], contexts);
            long before = GC.GetTotalAllocatedBytes(precise: true);
            double start = Program.ThreadCpuSeconds();
            RunStage(pipeline.Stages[target], contexts);
            times.Add(Program.ThreadCpuSeconds() - start);
            allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
            if (r == 0)
                Console.WriteLine($"{name}: digest of the layers it wrote {Digest(pipeline.Stages[target], contexts)}");
        }
        var perArticle = times.Select(t => 1000 * t / Math.Max(articles.Count, 1)).ToList();
        Console.WriteLine($"{name}: {articles.Count:N0} articles, {reps} rounds; ms of this thread's processor time per article: {string.Join(" ", perArticle.Select(t => t.ToString("F3", CultureInfo.InvariantCulture)))}");
        Console.WriteLine($"{name}: fastest {perArticle.Min():F3} ms, median {perArticle.Order().ElementAt(perArticle.Count / 2):F3} ms; allocated {allocated / 1048576.0:N1} MB a round ({allocated / Math.Max(articles.Count, 1) / 1024.0:N1} KB an article)");
        return 0;
    }

    /// <summary>A hash of the layers the stage wrote, as JSON: the same before and after a change that must not change them.</summary>
    private static string Digest(IDocumentStage stage, List<DocumentContext> contexts)
    {
        var tryGet = typeof(DocumentContext).GetMethod(nameof(DocumentContext.TryGet))!;
        using var hash = System.Security.Cryptography.IncrementalHash.CreateHash(System.Security.Cryptography.HashAlgorithmName.SHA256);
        foreach (var c in contexts)
        {
            foreach (var layer in stage.Produces)
            {
                var type = layer.GetType().GetGenericArguments()[0];
                object? value = tryGet.MakeGenericMethod(type).Invoke(c, [layer]);
                hash.AppendData(System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(value, type));
            }
        }
        return Convert.ToHexString(hash.GetHashAndReset())[..16];
    }

    /// <summary>Runs one stage over every article that has what it needs, as the pipeline does: a failure skips that article.</summary>
    internal static void RunStage(IDocumentStage stage, List<DocumentContext> contexts)
    {
        foreach (var c in contexts)
        {
            if (stage.Requires.Any(l => !c.Has(l)))
                continue;
            try
            {
                stage.Process(c);
            }
#pragma warning disable CA1031 // Measured as the pipeline runs it: a stage's failure on one article skips that article.
            catch (Exception)
#pragma warning restore CA1031
            {
            }
        }
    }
}

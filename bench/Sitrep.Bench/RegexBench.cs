using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;
using Sitrep.Documents;
using Sitrep.Engine;
using Sitrep.Ingest;
using Sitrep.Pipeline;

namespace Sitrep.Bench;

/// <summary>
/// <c>-- regex-time INPUT… [--limit N] [--top K] [--only NAME,…]</c>: how long the engine's regexes take on real
/// articles, to find the ones that can come near their match time-out (<see cref="RegexTimeouts"/>) on a
/// loaded machine. Part 1 times each per-document stage on each article (this thread's processor time)
/// and prints the slowest articles per stage. Part 2 runs every regex the Sitrep assembly exposes as a
/// static member (generated or built) over each article's raw text, whole and line by line, and prints
/// the regexes by their slowest single call (this thread's processor time, so a busy machine does not inflate it): a call near the time-out is what loses a layer. Times are
/// printed, never asserted; on a shared machine compare the "max" column between builds, not runs.
/// </summary>
public static class RegexBench
{
    public static int Run(string[] args)
    {
        int limit = int.MaxValue, top = 25;
        HashSet<string>? only = null;
        var inputs = new List<string>();
        for (int i = 0; i < args.Length; i++)
        {
            if (args[i] == "--limit" && i + 1 < args.Length)
                limit = int.Parse(args[++i], CultureInfo.InvariantCulture);
            else if (args[i] == "--top" && i + 1 < args.Length)
                top = int.Parse(args[++i], CultureInfo.InvariantCulture);
            else if (args[i] == "--only" && i + 1 < args.Length)
                only = [.. args[++i].Split(',')];
            else
                inputs.Add(args[i]);
        }
        var articles = BenchInputs.ReadArticles(inputs, limit);
        Console.WriteLine($"{articles.Count:N0} articles");
        if (only is null)
            TimeStages(articles, top);
        TimeRegexes(articles, top, only);
        return 0;
    }

    private static void TimeStages(List<ArticleInput> articles, int top)
    {
        var pipeline = Features.Build(Features.All, null);
        var perStage = pipeline.Stages.Select(_ => new List<(double Ms, string Id)>()).ToArray();
        foreach (var a in articles)
        {
            var c = new DocumentContext(a);
            for (int s = 0; s < pipeline.Stages.Length; s++)
            {
                var stage = pipeline.Stages[s];
                if (stage.Requires.Any(l => !c.Has(l)))
                    continue;
                double start = Program.ThreadCpuSeconds();
                try
                {
                    stage.Process(c);
                }
#pragma warning disable CA1031 // Timed as the pipeline runs it: a failure is noted and the next stage runs.
                catch (Exception e)
#pragma warning restore CA1031
                {
                    Console.WriteLine($"  {stage.Name} failed on {a.Id}: {e.GetType().Name}");
                }
                perStage[s].Add((1000 * (Program.ThreadCpuSeconds() - start), $"{a.Id} {a.Source}"));
            }
        }
        for (int s = 0; s < pipeline.Stages.Length; s++)
        {
            var t = perStage[s];
            if (t.Count == 0)
                continue;
            var sorted = t.OrderByDescending(x => x.Ms).ToList();
            Console.WriteLine($"stage {pipeline.Stages[s].Name}: mean {t.Average(x => x.Ms):F2} ms, slowest {string.Join(", ", sorted.Take(Math.Min(top, 5)).Select(x => $"{x.Ms:F1} ({x.Id})"))}");
        }
    }

    private static void TimeRegexes(List<ArticleInput> articles, int top, HashSet<string>? only)
    {
        var regexes = Find().Where(r => only is null || only.Any(o => r.Name.StartsWith(o, StringComparison.Ordinal))).ToList();
        var rows = new List<(string Name, double Total, double Max, string MaxId, int Timeouts, string Options)>();
        foreach (var (name, regex) in regexes)
        {
            double total = 0, max = 0;
            string maxId = "";
            int timeouts = 0;
            foreach (var a in articles)
            {
                string text = a.RawText ?? "";
                double whole = Time(regex, text, ref timeouts);
                double lines = 0, worstLine = 0;
                foreach (var line in text.Split('\n'))
                {
                    double t = Time(regex, line, ref timeouts);
                    lines += t;
                    worstLine = Math.Max(worstLine, t);
                }
                total += whole + lines;
                double worst = Math.Max(whole, worstLine);
                if (worst > max)
                {
                    max = worst;
                    maxId = $"{a.Id} {a.Source}";
                }
            }
            rows.Add((name, total, max, maxId, timeouts, regex.Options.ToString()));
        }
        Console.WriteLine($"{regexes.Count} regexes; by slowest single call (ms of this thread's processor time; whole raw text or one line):");
        foreach (var r in rows.OrderByDescending(r => r.Max).Take(top))
            Console.WriteLine($"  max {r.Max,9:F3}  total {r.Total,9:F1}  timeouts {r.Timeouts}  {r.Name} [{r.Options}] on {r.MaxId}");
    }

    private static double Time(Regex regex, string text, ref int timeouts)
    {
        double start = Program.ThreadCpuSeconds();
        try
        {
            for (var m = regex.Match(text); m.Success; m = m.NextMatch())
            {
            }
        }
        catch (RegexMatchTimeoutException)
        {
            timeouts++;
        }
        return 1000 * (Program.ThreadCpuSeconds() - start);
    }

    /// <summary>Every regex the Sitrep assembly holds as a static member: generated methods and properties, and static fields (Lazy too).</summary>
    private static IEnumerable<(string Name, Regex Regex)> Find()
    {
        const BindingFlags All = BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly;
        var seen = new HashSet<Regex>(ReferenceEqualityComparer.Instance);
        foreach (var type in typeof(RegexTimeouts).Assembly.GetTypes())
        {
            if (type.ContainsGenericParameters || type.Namespace?.StartsWith("System", StringComparison.Ordinal) == true)
                continue;
            foreach (var m in type.GetMethods(All))
            {
                if (m.ReturnType != typeof(Regex) || m.GetParameters().Length != 0 || m.IsGenericMethod)
                    continue;
                Regex? r = null;
                try { r = (Regex?)m.Invoke(null, null); } catch (TargetInvocationException) { }
                if (r is not null && seen.Add(r))
                    yield return ($"{type.Name}.{m.Name.Replace("get_", "", StringComparison.Ordinal)}", r);
            }
            foreach (var f in type.GetFields(All))
            {
                Regex? r = null;
                if (f.FieldType == typeof(Regex))
                    r = (Regex?)f.GetValue(null);
                else if (f.FieldType == typeof(Lazy<Regex>))
                    r = ((Lazy<Regex>?)f.GetValue(null))?.Value;
                if (r is not null && seen.Add(r))
                    yield return ($"{type.Name}.{f.Name}", r);
            }
        }
    }
}

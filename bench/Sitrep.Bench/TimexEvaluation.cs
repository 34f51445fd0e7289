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
/// Looking inside the temporal tagger: <c>timex-profile INPUT… [--limit N]</c> times each of its
/// patterns; <c>timex-show PUBLISHED TEXT</c> prints the times of one text. (Evaluation runs through
/// <c>sitrep analyze</c> and <c>score_timex.py</c>; its cost per article is in the benchmark's stage table.)
/// </summary>
public static class TimexEvaluation
{
    private static readonly JsonWriterOptions Options = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary><c>timex-profile INPUT… [--limit N]</c>: time spent in each of the tagger's patterns (read by reflection).</summary>
    public static int Profile(string[] args)
    {
        int limitAt = Array.IndexOf(args, "--limit");
        int limit = limitAt >= 0 ? int.Parse(args[limitAt + 1], System.Globalization.CultureInfo.InvariantCulture) : 500;
        var inputs = args.Where((a, i) => limitAt < 0 || i != limitAt && i != limitAt + 1).ToArray();
        var pipeline = Sitrep.Engine.Features.Build(Sitrep.Engine.Features.All, ["text"]);
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
}

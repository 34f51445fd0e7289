using System.Text.RegularExpressions;

namespace Sitrep.Bench;

/// <summary>
/// The Zyte article-extraction-benchmark metric exactly as <c>shared/tools/score_extraction.py</c>
/// computes it: <c>\w+</c> tokens, word 4-gram multisets per page, tp/fp/fn normalised to sum 1 per
/// page, precision and recall averaged over the pages where they are defined, F1 of the averages.
/// </summary>
public static partial class ZyteMetric
{
    /// <summary>
    /// Python 3's <c>\w</c> on str is <c>str.isalnum() or '_'</c>: letters (L*), and characters with
    /// a numeric value (Nd, Nl, No). .NET's own <c>\w</c> differs (it takes Mn and every Pc but not
    /// Nl or No), so the class is spelled out. Only characters outside the BMP differ still: .NET
    /// matches UTF-16 code units, and those are surrogates to it.
    /// </summary>
    [GeneratedRegex(@"[\p{L}\p{Nd}\p{Nl}\p{No}_]+", RegexOptions.CultureInvariant)]
    private static partial Regex Token();

    public readonly record struct PageCounts(double Tp, double Fp, double Fn);

    public readonly record struct Score(int Pages, int Empty, double Precision, double Recall, double F1);

    /// <summary>The 4-gram multiset of a text; a text of 1–3 tokens is one shorter shingle, as in Python.</summary>
    public static Dictionary<string, int> Shingles(string? text, int n = 4)
    {
        var tokens = Token().Matches(text ?? "").Select(m => m.Value).ToArray();
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < Math.Max(1, tokens.Length - n + 1); i++)
        {
            int take = Math.Min(n, tokens.Length - i);
            if (take <= 0)
                continue;
            // Tokens hold no spaces, so a space-joined key is as distinct as Python's tuple.
            var key = string.Join(' ', tokens, i, take);
            counts[key] = counts.GetValueOrDefault(key) + 1;
        }
        return counts;
    }

    public static PageCounts Page(string? truth, string? prediction)
    {
        var t = Shingles(truth);
        var p = Shingles(prediction);
        double tp = 0, fp = 0, fn = 0;
        foreach (var key in t.Keys.Union(p.Keys))
        {
            int tc = t.GetValueOrDefault(key), pc = p.GetValueOrDefault(key);
            tp += Math.Min(tc, pc);
            fp += Math.Max(0, pc - tc);
            fn += Math.Max(0, tc - pc);
        }
        double s = tp + fp + fn;
        return s > 0 ? new(tp / s, fp / s, fn / s) : new(0, 0, 0);
    }

    public static Score Evaluate(IReadOnlyList<(string Truth, string Prediction)> pages)
    {
        var counts = pages.Select(p => Page(p.Truth, p.Prediction)).ToList();
        var withPrecision = counts.Where(c => c.Tp + c.Fp > 0).ToList();
        var withRecall = counts.Where(c => c.Tp + c.Fn > 0).ToList();
        double precision = withPrecision.Sum(Precision) / Math.Max(1, withPrecision.Count);
        double recall = withRecall.Sum(Recall) / Math.Max(1, withRecall.Count);
        double f1 = precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0;
        int empty = pages.Count(p => string.IsNullOrWhiteSpace(p.Prediction));
        return new(pages.Count, empty, precision, recall, f1);
    }

    private static double Precision(PageCounts c)
    {
        if (c.Fp == 0 && c.Fn == 0)
            return 1;
        if (c.Tp == 0 && c.Fp == 0)
            return 0;
        return c.Tp / (c.Tp + c.Fp);
    }

    private static double Recall(PageCounts c)
    {
        if (c.Fp == 0 && c.Fn == 0)
            return 1;
        if (c.Tp == 0 && c.Fn == 0)
            return 0;
        return c.Tp / (c.Tp + c.Fn);
    }
}

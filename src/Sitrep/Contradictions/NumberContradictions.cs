using System.Globalization;
using System.Text.RegularExpressions;
using Sitrep.Lexicons;

namespace Sitrep.Contradictions;

/// <summary>
/// A figure for the same thing that differs beyond rounding: "killed 12 soldiers" against "killed 20
/// soldiers". A figure is a number before a counted noun (<c>counted-nouns</c>: troops, casualties,
/// rockets, dollars) with the verb next to it ("killed 12 soldiers", "12 soldiers were killed"); two
/// figures are of the same thing when the noun and the verb's stem agree and their sentences name a
/// common actor or place (the same stored entity) and no two different days. Each figure is a range:
/// exact for "12", within a tenth for a round "3,000", a fifth for "about"/"some", open for "more
/// than"/"at least", and they contradict only when the ranges cannot meet. Not a contradiction: a
/// later article's figure that it marks as grown ("rose to", "now", "climbed to", "toll").
/// </summary>
internal static partial class NumberContradictions
{
    private static readonly Lexicon Nouns = Lexicon.Get("counted-nouns");

    private static readonly Lazy<Regex> FigurePattern = new(() => new Regex(
        @"(?<hedge>\b(?:about|around|nearly|almost|roughly|some|approximately|an\s+estimated|more\s+than|over|at\s+least|fewer\s+than|less\s+than|up\s+to|as\s+many\s+as)\s+)?"
        + @"\b(?<number>\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?:\s+(?<scale>thousand|million|billion))?\s+(?:[\p{L}\-]+\s+){0,2}?(?<noun>"
        + string.Join("|", Nouns.Entries.Select(e => e.Text).OrderByDescending(t => t.Length).Select(t => Regex.Escape(t).Replace("\\ ", "\\s+", StringComparison.Ordinal))) + @")\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(RegexTimeouts.Milliseconds)));

    [GeneratedRegex(@"([\p{L}]+)\s*$", RegexOptions.CultureInvariant, RegexTimeouts.Milliseconds)]
    private static partial Regex WordBefore();

    [GeneratedRegex(@"^\s*(?:(?:were|was|have\s+been|had\s+been|has\s+been|are|being)\s+)?([\p{L}]+)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, RegexTimeouts.Milliseconds)]
    private static partial Regex WordAfter();

    /// <summary>Words that mark a figure as grown or revised ("rose to", "now", "toll"): <c>figure-updates</c>.</summary>
    private static readonly Lexicon Updates = Lexicon.Get("figure-updates");

    /// <summary>Words that make a figure a running total over a span ("this year", "since Tuesday", "so far"): <c>figure-totals</c>.</summary>
    private static readonly Lexicon Totals = Lexicon.Get("figure-totals");

    private static bool MarksUpdate(string sentence) => Updates.Phrases.Occurs(sentence);

    /// <summary>Words before a figure that are no verb of what happened to the counted.</summary>
    private static readonly HashSet<string> NotVerbs = new(StringComparer.OrdinalIgnoreCase)
    {
        "the", "a", "an", "of", "and", "or", "to", "with", "by", "for", "in", "on", "at", "from", "than", "about", "around", "nearly", "almost", "some", "over",
        "least", "estimated", "roughly", "approximately", "many", "as", "up", "fewer", "less", "more", "its", "their", "his", "her", "all", "were", "was", "are",
        "is", "be", "been", "had", "has", "have", "that", "which", "who", "another", "other", "only", "just",
    };

    public static IEnumerable<Contradiction> Find(IReadOnlyList<StoryText> documents)
    {
        var figures = documents.SelectMany(Figures).ToList();
        var used = new HashSet<Figure>();
        foreach (var same in figures.GroupBy(f => (f.Noun, f.Verb)))
        {
            var list = same.ToList();
            for (int i = 0; i < list.Count; i++)
            {
                if (used.Contains(list[i]))
                    continue;
                var group = new List<Figure> { list[i] };
                for (int j = 0; j < list.Count; j++)
                {
                    var b = list[j];
                    if (j == i || used.Contains(b) || b.Document.Id == list[i].Document.Id || !SameThing(list[i], b) || !Differ(list[i], b))
                        continue;
                    if (group.Any(g => g.Document.Id == b.Document.Id))
                        continue;
                    group.Add(b);
                }
                if (group.Count < 2)
                    continue;
                used.UnionWith(group);
                yield return new Contradiction(
                    ContradictionKind.Number,
                    $"how many {list[i].Noun} were {list[i].VerbWord}",
                    [.. group.Select(f => new ContradictionSide(f.Document.Id, f.Start, f.End, f.Document.Text[f.Start..f.End]))]);
            }
        }
    }

    private static bool SameThing(Figure a, Figure b)
    {
        if (!a.Entities.Overlaps(b.Entities))
            return false;
        // Two actors sending troops to each other's border count different troops.
        if (a.Actor is not null && b.Actor is not null && a.Actor != b.Actor)
            return false;
        if (a.Days.Count > 0 && b.Days.Count > 0 && !a.Days.Overlaps(b.Days))
            return false;
        // A figure without a day of its own is of the days just before its article: "militants fired 200
        // rockets" in an article of November and "13 rockets were fired Thursday" in one of a year before
        // count different salvoes, and a figure of an undated article is of no known day.
        if (!NearInTime(a, b) || !NearInTime(b, a))
            return false;
        // A later article that says the figure grew reports an update.
        var (early, late) = (a.Document.Published ?? DateOnly.MinValue) <= (b.Document.Published ?? DateOnly.MinValue) ? (a, b) : (b, a);
        return !(late.Updated && late.Document.Published != early.Document.Published) && !(a.Updated && b.Updated);
    }

    /// <summary>How many days before its article an undated figure may be of.</summary>
    private const int UndatedReach = 2;

    /// <summary>Whether the days of <paramref name="a"/> can be those of <paramref name="b"/> when <paramref name="b"/> states none.</summary>
    private static bool NearInTime(Figure a, Figure b)
    {
        if (b.Days.Count > 0)
            return true;
        if (b.Document.Published is not { } published)
            return false;
        bool Near(DateOnly day) => day <= published.AddDays(1) && day >= published.AddDays(-UndatedReach);
        return a.Days.Count > 0 ? a.Days.Any(Near) : a.Document.Published is { } other && Near(other);
    }

    private static bool Differ(Figure a, Figure b) => a.High < b.Low || b.High < a.Low;

    internal static IEnumerable<Figure> Figures(StoryText d)
    {
        var text = d.Text;
        foreach (Match m in FigurePattern.Value.Matches(text))
        {
            if (d.InQuote(m.Index, m.Index + m.Length))
                continue;
            if (!double.TryParse(m.Groups["number"].Value.Replace(",", "", StringComparison.Ordinal), NumberStyles.Float, CultureInfo.InvariantCulture, out double value))
                continue;
            // A year ("in 2019 soldiers …") is no count.
            if (value is >= 1900 and <= 2100 && !m.Groups["number"].Value.Contains(',', StringComparison.Ordinal))
                continue;
            double scale = m.Groups["scale"].Value.ToLowerInvariant() switch { "thousand" => 1e3, "million" => 1e6, "billion" => 1e9, _ => 1 };
            value *= scale;
            var (sentenceStart, sentenceEnd) = d.Sentence(m.Index);
            // A figure and its noun are in one sentence.
            if (m.Index + m.Length > sentenceEnd)
                continue;
            var verb = WordBefore().Match(text[sentenceStart..m.Index]) is { Success: true } wb && !NotVerbs.Contains(wb.Groups[1].Value) ? wb.Groups[1].Value
                : WordAfter().Match(text[(m.Index + m.Length)..sentenceEnd]) is { Success: true } wa && !NotVerbs.Contains(wa.Groups[1].Value) ? wa.Groups[1].Value
                : null;
            if (verb is null)
                continue;
            // A running total ("750 rockets fired this year", "360 rockets since Tuesday") counts over a
            // span of its own; two outlets' totals, or a total against one day's count, are not one figure.
            if (Totals.Phrases.Occurs(text.AsSpan(sentenceStart, sentenceEnd - sentenceStart)))
                continue;
            var hedge = m.Groups["hedge"].Success ? string.Join(' ', m.Groups["hedge"].Value.ToLowerInvariant().Split((char[])[' ', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries)) : "";
            var (low, high) = Range(value, hedge, scale > 1 || Round(value));
            var entities = d.Mentions.Where(x => x.Start >= sentenceStart && x.End <= sentenceEnd && d.Key(x.Entity) is not null).Select(x => d.Key(x.Entity)!).ToHashSet(StringComparer.Ordinal);
            var days = d.Times.Where(t => t.Start >= sentenceStart && t.End <= sentenceEnd && t.Day is not null).Select(t => t.Day!.Value).ToHashSet();
            // The actor: the last name before the figure in its sentence ("Turkey deployed 3,000 troops").
            var actor = d.Mentions.Where(x => x.Start >= sentenceStart && x.End <= m.Index).Select(x => d.Key(x.Entity)).LastOrDefault(k => k is not null);
            int start = m.Index;
            // The side is the verb and the figure: "killed 12 soldiers".
            if (WordBefore().Match(text[sentenceStart..m.Index]) is { Success: true } v && v.Groups[1].Value == verb)
                start = sentenceStart + v.Groups[1].Index;
            int end = m.Index + m.Length;
            yield return new Figure(d, Stem(m.Groups["noun"].Value.ToLowerInvariant()), Stem(verb.ToLowerInvariant()), verb.ToLowerInvariant(), low, high, actor, entities, days,
                MarksUpdate(text[sentenceStart..sentenceEnd]), start, end);
        }
    }

    /// <summary>A number people round: a multiple of 100, or of 10 from 50 up.</summary>
    private static bool Round(double v) => v >= 100 ? v % 100 == 0 : v >= 50 && v % 10 == 0;

    private static (double Low, double High) Range(double v, string hedge, bool round) => hedge switch
    {
        "more than" or "over" or "at least" => (v, double.MaxValue),
        "fewer than" or "less than" or "up to" or "as many as" => (0, v),
        "nearly" or "almost" => (v * 0.85, v),
        "" => round ? (v * 0.9, v * 1.1) : (v, v),
        _ => (v * 0.8, v * 1.2),
    };

    /// <summary>A crude stem so "killed"/"killing"/"kills" and "soldier"/"soldiers" meet.</summary>
    private static string Stem(string w)
    {
        foreach (var suffix in (string[])["ing", "ed", "es", "s", "d"])
        {
            if (w.Length > suffix.Length + 2 && w.EndsWith(suffix, StringComparison.Ordinal))
                return w[..^suffix.Length];
        }
        return w;
    }

    internal sealed record Figure(StoryText Document, string Noun, string Verb, string VerbWord, double Low, double High, string? Actor, HashSet<string> Entities, HashSet<DateOnly> Days, bool Updated, int Start, int End);
}

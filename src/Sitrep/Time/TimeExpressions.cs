using System.Runtime.CompilerServices;
using Sitrep.Text;

namespace Sitrep.Time;

/// <summary>
/// Finds the temporal expressions (TimeML TIMEX3) of an English text and normalises them: absolute
/// dates, dates relative to the publication date or to a quote's own date, year-less dates placed by
/// tense, times of day, durations (never turned into dates) and sets. Thread-safe; its one state is
/// what the metadata stage's date guess recognised, kept for the times stage (<see cref="Kept"/>).
/// </summary>
public static class TimeExpressions
{
    /// <summary>
    /// The candidates recognised in a text by <see cref="FindKeeping"/> (the metadata stage's date guess
    /// on the body and captions, before any publication date is known), kept for the next tokenized
    /// <c>Find</c> of the same string (the times stage's, read against the date then known), which takes them: the
    /// patterns run once per body instead of twice. What the words say does not depend on the
    /// publication date, and resolving never changes a candidate, so both read the same candidates they
    /// would have recognised themselves. An entry lives no longer than its string.
    /// </summary>
    private static readonly ConditionalWeakTable<string, Recognized> Kept = new();

    /// <summary>The chosen candidates of a text and the windows in which a pattern gave up.</summary>
    private sealed record Recognized(List<Candidate> Chosen, List<LostWindow> Lost);

    /// <summary>
    /// The temporal expressions of <paramref name="text"/>, in text order.
    /// </summary>
    /// <param name="text">The cleaned body; offsets index it.</param>
    /// <param name="tokens">Its tokens and <paramref name="sentences"/> its sentences (the tense of a year-less date is read from them).</param>
    /// <param name="published">The publication date (ISO date or date-time) relative expressions are read against; null leaves them underspecified ("XXXX-03-31").</param>
    /// <param name="quoteAnchors">Quoted spans whose words were said on a known date (ISO): a relative date inside one is read against that date.</param>
    public static IReadOnlyList<TimeExpression> Find(string text, Token[] tokens, Sentence[] sentences, string? published,
        IReadOnlyList<(int Start, int End, string Date)>? quoteAnchors = null) =>
        Find(text, tokens, sentences, published, quoteAnchors, note: null);

    /// <summary>
    /// As <see cref="Find(string, Token[], Sentence[], string?, IReadOnlyList{ValueTuple{int, int, string}}?)"/>, telling
    /// <paramref name="note"/> of each window in which a pattern gave up on the text (its match timeout), whether
    /// it gave up here or in the metadata stage's reading of the same text: the times there may be missing.
    /// </summary>
    internal static IReadOnlyList<TimeExpression> Find(string text, Token[] tokens, Sentence[] sentences, string? published,
        IReadOnlyList<(int Start, int End, string Date)>? quoteAnchors, Action<string>? note, IReadOnlyList<TimexRecognizer.Pattern>? patterns = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(tokens);
        ArgumentNullException.ThrowIfNull(sentences);
        if (text.Length == 0)
            return [];
        var recognized = patterns is null && Kept.TryGetValue(text, out var kept) && Kept.Remove(text) ? kept : Recognize(text, patterns);
        if (note is not null)
        {
            foreach (var lost in recognized.Lost)
                note(lost.Note());
        }
        return Resolve(text, tokens, sentences, published, quoteAnchors, recognized.Chosen);
    }

    /// <summary>As <see cref="Find(string, string?)"/>, keeping what the patterns recognised for the next <c>Find</c> with tokens of the same string.</summary>
    internal static IReadOnlyList<TimeExpression> FindKeeping(string text, IReadOnlyList<TimexRecognizer.Pattern>? patterns = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length == 0)
            return [];
        var recognized = Recognize(text, patterns);
        Kept.AddOrUpdate(text, recognized);
        var tokens = Tokenizer.Tokenize(text);
        return Resolve(text, tokens, SentenceSplitter.Split(text, tokens), null, null, recognized.Chosen);
    }

    /// <summary>The candidates the patterns find, the longest kept, clock times joined to their days: what the words say before any reference date.</summary>
    private static Recognized Recognize(string text, IReadOnlyList<TimexRecognizer.Pattern>? patterns = null)
    {
        var lost = new List<LostWindow>();
        var chosen = Choose(patterns is null ? TimexRecognizer.Recognize(text, lost) : TimexRecognizer.Recognize(text, patterns, lost));
        AttachDaysToClockTimes(text, chosen);
        AttachEndDays(text, chosen);
        AttachDayBeforeOrAfter(text, chosen);
        Candidate? nextDay = null;
        for (int i = chosen.Count - 1; i >= 0; i--)
        {
            var c = chosen[i];
            if (i + 1 < chosen.Count)
            {
                ListYear(text, c, chosen[i + 1]);
                YearAnaphor(text, c, chosen[i + 1]);
            }
            if (c.Rule == Rule.Clock && c.DayPart is null)
                c.NextDay = nextDay;
            if (c.Grain == Grain.Day && c.Type != TimexType.Set && c.Rule is Rule.Weekday or Rule.Deictic or Rule.MonthDay or Rule.Calendar)
                nextDay = c;
            // "at 4 in the morning (4 a.m. EDT Thursday)": the day of a later clock time serves an earlier one too.
            else if (c.Rule == Rule.Clock && c.DayPart is { } day)
                nextDay = day;
        }
        return new Recognized(chosen, lost);
    }

    /// <summary>
    /// "conducted in August and September 2016", "between May and August 2016", "from December to March 2017": a year-less
    /// month (or day) joined to the dated month after it by "and", "or", "to", "through", a dash or a comma takes that
    /// month's year, or the year before when it comes later in the calendar; along a list ("March, April and May 2016") the
    /// year passes on.
    /// </summary>
    private static void ListYear(string text, Candidate c, Candidate next)
    {
        if (c.Rule is not (Rule.Month or Rule.MonthDay) || c.Relative != Candidate.None || c.YearRelative != Candidate.None
            || c.Quarter == -2 || c.Month == Candidate.None || next.Month == Candidate.None || next.Start < c.End)
        {
            return;
        }
        int year = next.Rule == Rule.Calendar && next.Year != Candidate.None ? next.Year : next.ListYear;
        if (year == Candidate.None)
            return;
        var gap = text.AsSpan(c.End, next.Start - c.End);
        if (gap.Length > 20)
            return;
        foreach (var range in gap.SplitAny(" \n"))
        {
            var w = gap[range].Trim(',');
            if (w.Length > 0 && w is not ("and" or "or" or "to" or "through" or "thru" or "until" or "till" or "-" or "–" or "—"))
                return;
        }
        c.ListYear = c.Month > next.Month ? year - 1 : year;
    }

    /// <summary>
    /// "in November of that year", "from August to November of that year", "in March of the following year": the month's
    /// year is the anaphoric year after "of", counted from the year the text named before, not the month's own nearest to
    /// the publication date (which "that year" would then take from it). A month listed before such a one takes the same
    /// year, or the year before when it comes later in the calendar ("from December to March of the following year").
    /// </summary>
    private static void YearAnaphor(string text, Candidate c, Candidate next)
    {
        if (c.Rule is not (Rule.Month or Rule.MonthDay) || c.Relative != Candidate.None || c.YearRelative != Candidate.None
            || c.Quarter == -2 || c.Month == Candidate.None || c.ListYear != Candidate.None || next.Start < c.End)
        {
            return;
        }
        var gap = text.AsSpan(c.End, next.Start - c.End).Trim();
        if (next.Rule == Rule.Anaphoric && next.Grain == Grain.Year && next.Mod is null && gap is "of" or ", of"
            && text.AsSpan(next.Start, next.Length).Trim().EndsWith("year", StringComparison.OrdinalIgnoreCase))
        {
            c.YearAnaphor = next.Relative == Candidate.None ? 0 : next.Relative;
            next.OfMonth = true;
            return;
        }
        if (next.YearAnaphor == Candidate.None || next.Month == Candidate.None || gap.Length > 20)
            return;
        foreach (var range in gap.SplitAny(" \n"))
        {
            var w = gap[range].Trim(',');
            if (w.Length > 0 && w is not ("and" or "or" or "to" or "through" or "thru" or "until" or "till" or "-" or "–" or "—"))
                return;
        }
        c.YearAnaphor = c.Month > next.Month ? next.YearAnaphor - 1 : next.YearAnaphor;
    }

    /// <summary>Reads each candidate against the publication date (or a quote's); candidates are only read, never changed.</summary>
    private static List<TimeExpression> Resolve(string text, Token[] tokens, Sentence[] sentences, string? published,
        IReadOnlyList<(int Start, int End, string Date)>? quoteAnchors, List<Candidate> chosen)
    {
        var resolver = new TimexResolver(text, tokens, sentences, TimexResolver.ParseDate(published), quoteAnchors);
        var found = new List<TimeExpression>(chosen.Count);
        foreach (var c in chosen)
        {
            if (resolver.Resolve(c) is { } e)
                found.Add(e);
        }
        return found;
    }

    /// <summary>The temporal expressions of a text that has not been tokenized (a caption, a stated date).</summary>
    public static IReadOnlyList<TimeExpression> Find(string text, string? published)
    {
        ArgumentNullException.ThrowIfNull(text);
        var tokens = Tokenizer.Tokenize(text);
        return Find(text, tokens, SentenceSplitter.Split(text, tokens), published);
    }

    /// <summary>The longest candidates that do not overlap (ties to the higher priority, then the earlier), in text order, without the blocks.</summary>
    private static List<Candidate> Choose(List<Candidate> candidates)
    {
        // Ties of span and priority go to the candidate found first (the earlier pattern): List.Sort is not stable, so
        // without the order found the winner of two equal candidates depended on how many others the text held.
        for (int i = 0; i < candidates.Count; i++)
            candidates[i].Found = i;
        candidates.Sort(static (a, b) =>
        {
            int byLength = b.Length.CompareTo(a.Length);
            if (byLength != 0)
                return byLength;
            int byPriority = b.Priority.CompareTo(a.Priority);
            if (byPriority != 0)
                return byPriority;
            int byStart = a.Start.CompareTo(b.Start);
            return byStart != 0 ? byStart : a.Found.CompareTo(b.Found);
        });
        var kept = new List<Candidate>(candidates.Count);
        // Many candidates (a text of 100,000 "on Tuesday"s) are checked against the characters the kept
        // ones cover, not against each kept one: the same choice, in time linear in the text, where the
        // scan below is quadratic (a 6.9 MB article of 100,000 dated sentences did not finish in 10 minutes).
        if (candidates.Count > 64 && candidates.TrueForAll(static c => c.Start >= 0 && c.End > c.Start))
        {
            int extent = 0;
            foreach (var c in candidates)
                extent = Math.Max(extent, c.End);
            var covered = new bool[extent];
            foreach (var c in candidates)
            {
                if (Array.IndexOf(covered, true, c.Start, c.End - c.Start) >= 0)
                    continue;
                Array.Fill(covered, true, c.Start, c.End - c.Start);
                kept.Add(c);
            }
            kept.RemoveAll(static c => c.Rule == Rule.Block);
            kept.Sort(static (a, b) => a.Start.CompareTo(b.Start));
            return kept;
        }
        foreach (var c in candidates)
        {
            bool free = true;
            foreach (var k in kept)
            {
                if (k.Overlaps(c))
                {
                    free = false;
                    break;
                }
            }
            if (free)
                kept.Add(c);
        }
        kept.RemoveAll(static c => c.Rule == Rule.Block);
        kept.Sort(static (a, b) => a.Start.CompareTo(b.Start));
        return kept;
    }

    /// <summary>"the quarter ended Sept. 30": the day that names which quarter.</summary>
    private static void AttachEndDays(string text, List<Candidate> chosen)
    {
        for (int i = 0; i + 1 < chosen.Count; i++)
        {
            var quarter = chosen[i];
            var day = chosen[i + 1];
            if (quarter.Rule != Rule.NamedQuarter || quarter.Grain is not (Grain.Quarter or Grain.Day) || day.Grain != Grain.Day
                || day.Rule is not (Rule.MonthDay or Rule.Calendar))
            {
                continue;
            }
            var gap = text.AsSpan(quarter.End, day.Start - quarter.End).Trim();
            if (gap is "ended" or "ending" or "that ended" or "which ended" or "ended on" or "through" or "to")
                quarter.DayPart = day;
        }
    }

    /// <summary>
    /// "the day before last Tuesday's hearing", "the day after Christmas": one date, the day before (after) the one named.
    /// Only a day the words name ("the day before the vote" names none, and stays unresolved).
    /// </summary>
    private static void AttachDayBeforeOrAfter(string text, List<Candidate> chosen)
    {
        foreach (var c in chosen.ToArray())
        {
            if (c.Grain != Grain.Day || c.Type != TimexType.Date || c.DayShift != 0
                || c.Rule is not (Rule.Weekday or Rule.MonthDay or Rule.Calendar or Rule.Holiday))
            {
                continue;
            }
            var before = text.AsSpan(0, c.Start).TrimEnd();
            int shift = before.EndsWith("the day before", StringComparison.OrdinalIgnoreCase) ? -1
                : before.EndsWith("the day after", StringComparison.OrdinalIgnoreCase) ? 1 : 0;
            if (shift == 0)
                continue;
            int start = before.Length - (shift < 0 ? "the day before" : "the day after").Length;
            // "on Monday, the day before Election Day": the apposition's "the day" gives way to the whole phrase.
            if (start > 0 && char.IsLetterOrDigit(text[start - 1])
                || chosen.Any(o => o != c && o.Start < c.Start && o.End > start && !(o.Apposition && o.Start >= start)))
            {
                continue;
            }
            chosen.RemoveAll(o => o.Apposition && o.Start >= start && o.End <= c.Start);
            c.DayShift = shift;
            c.Start = start;
        }
    }

    /// <summary>"9 a.m. Tuesday", "3 p.m. on March 4": a clock time followed by its day is one TIME.</summary>
    private static void AttachDaysToClockTimes(string text, List<Candidate> chosen)
    {
        for (int i = 0; i + 1 < chosen.Count; i++)
        {
            var clock = chosen[i];
            var day = chosen[i + 1];
            if (clock.Rule != Rule.Clock || day.Type == TimexType.Set || day.Grain != Grain.Day
                || day.Rule is not (Rule.Weekday or Rule.Deictic or Rule.MonthDay or Rule.Calendar or Rule.Holiday))
            {
                continue;
            }
            var gap = text.AsSpan(clock.End, day.Start - clock.End).Trim();
            if (gap.Length == 0 || gap is "," || gap.Equals("on", StringComparison.OrdinalIgnoreCase) || gap is ", on")
            {
                clock.DayPart = day;
                clock.End = day.End;
                chosen.RemoveAt(i + 1);
            }
        }
    }
}

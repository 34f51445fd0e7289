using System.Collections.Frozen;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Sitrep.Time;

/// <summary>
/// Runs the patterns of <see cref="TimexPatterns"/> over a text and turns each match into
/// candidates: what the words say, before any reference date is known.
/// </summary>
internal static class TimexRecognizer
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>Words after which a bare month or a four-digit year reads as a date.</summary>
    private static readonly HashSet<string> DateCues = new(StringComparer.OrdinalIgnoreCase)
    {
        "in", "since", "until", "till", "by", "through", "throughout", "during", "from", "to", "before", "after", "between", "and", "or",
        "of", "early", "late", "mid", "last", "next", "this", "that", "around", "circa", "c.", "year", "summer", "spring", "autumn",
        "winter", "fall", "for", "on", "as", "than", "at", "into", "the", "within", "across", "over", "beginning", "starting", "ending",
        "till", "til", "but", "nor", "then", "with", "against", "vs", "versus",
    };

    /// <summary>Words before (or after) a four-digit number that make it a count, a measure or a label, not a year (resources/lexicons/time-not-a-year.tsv).</summary>
    private static readonly (HashSet<string> Before, HashSet<string> After) NotAYear = Lexicons.NotAYear();

    // Here rather than beside Lexicons.Hash: every command reads the stage version, only the tagger reads the words.

    /// <summary>Nouns after "current" that make it no time ("current account"; resources/lexicons/time-not-a-time.tsv).</summary>
    private static readonly System.Collections.Frozen.FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> NotATimeAfterCurrent =
        Sitrep.Lexicons.Lexicon.Get("time-not-a-time").Tagged("after-current").GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Nouns after "quarter" that make it a share or a measure ("a quarter century", "quarter finals").</summary>
    private static readonly System.Collections.Frozen.FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> NotATimeAfterTodays =
        Sitrep.Lexicons.Lexicon.Get("time-not-a-time").Tagged("after-todays").GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly System.Collections.Frozen.FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> NotATimeAfterQuarter =
        Sitrep.Lexicons.Lexicon.Get("time-not-a-time").Tagged("after-quarter").GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>
    /// Closed-class words that may follow "in the short term" used as an adverbial ("in the short term it will …");
    /// any other lower-case word after "term" makes the phrase a noun's modifier ("the short term loans").
    /// </summary>
    private static readonly System.Collections.Frozen.FrozenSet<string> AfterTermAdverbial = System.Collections.Frozen.FrozenSet.ToFrozenSet(
        ["it", "we", "they", "he", "she", "i", "you", "there", "the", "a", "an", "this", "that", "these", "those", "its", "their", "our", "his", "her",
         "to", "and", "but", "or", "nor", "so", "as", "because", "if", "unless", "while", "though", "although", "than", "when", "before", "after",
         "at", "for", "with", "by", "from", "in", "on", "of", "despite", "is", "are", "was", "were", "will", "would", "could", "should", "may", "might",
         "can", "not", "only", "even", "too", "anyway", "however", "yet", "rather"],
        StringComparer.OrdinalIgnoreCase);

    private static HashSet<string> NotYearBefore => NotAYear.Before;

    private static HashSet<string> NotYearAfter => NotAYear.After;

    /// <summary>A pattern (named for the notes), the words it needs, how far before and after them it may reach, and how its matches are read.</summary>
    /// <param name="Core">When given, a part every match holds: a window where it is not found is not searched with the whole pattern.</param>
    internal sealed record Pattern(string Name, Regex Regex, Triggers Triggers, int Before, int After, Action<Match, string, List<Candidate>> Read, Regex? Core = null);

    internal static readonly Pattern[] Patterns =
    [
        new(nameof(TimexPatterns.NotATime), TimexPatterns.NotATime(), Triggers.Names, 40, 40, Block),
        new(nameof(TimexPatterns.Age), TimexPatterns.Age(), Triggers.Old, 60, 10, Block),
        new(nameof(TimexPatterns.IsoDate), TimexPatterns.IsoDate(), Triggers.Digits, 10, 30, IsoDate),
        new(nameof(TimexPatterns.SlashDate), TimexPatterns.SlashDate(), Triggers.Digits, 10, 20, SlashDate),
        new(nameof(TimexPatterns.MonthDay), TimexPatterns.MonthDay(), Triggers.Months, 30, 60, MonthDay, TimexPatterns.MonthCore()),
        new(nameof(TimexPatterns.DayMonth), TimexPatterns.DayMonth(), Triggers.Months, 60, 30, MonthDay, TimexPatterns.MonthCore()),
        new(nameof(TimexPatterns.MonthYear), TimexPatterns.MonthYear(), Triggers.Months, 30, 30, MonthYear, TimexPatterns.MonthCore()),
        new(nameof(TimexPatterns.BareMonth), TimexPatterns.BareMonth(), Triggers.Months, 30, 30, BareMonth, TimexPatterns.MonthCore()),
        new(nameof(TimexPatterns.YearNumber), TimexPatterns.YearNumber(), Triggers.Digits, 40, 20, YearNumber, TimexPatterns.YearCore()),
        new(nameof(TimexPatterns.ShortYear), TimexPatterns.ShortYear(), Triggers.Digits, 20, 10, ShortYear),
        new(nameof(TimexPatterns.SpelledYear), TimexPatterns.SpelledYear(), Triggers.Spelled, 20, 40, SpelledYear),
        new(nameof(TimexPatterns.Decade), TimexPatterns.Decade(), Triggers.Decades, 40, 10, Decade),
        new(nameof(TimexPatterns.Century), TimexPatterns.Century(), Triggers.Centuries, 50, 10, Century),
        new(nameof(TimexPatterns.Season), TimexPatterns.Season(), Triggers.Seasons, 20, 30, Season),
        new(nameof(TimexPatterns.Quarter), TimexPatterns.Quarter(), Triggers.Quarters, 70, 50, Quarter),
        new(nameof(TimexPatterns.NamedQuarter), TimexPatterns.NamedQuarter(), Triggers.Quarters, 50, 30, NamedQuarter),
        new(nameof(TimexPatterns.Weekday), TimexPatterns.Weekday(), Triggers.Weekdays, 20, 30, Weekday),
        new(nameof(TimexPatterns.Weekend), TimexPatterns.Weekend(), Triggers.Weekends, 20, 10, Weekend),
        new(nameof(TimexPatterns.PeriodEnd), TimexPatterns.PeriodEnd(), Triggers.Periods, 40, 10, PeriodEnd),
        new(nameof(TimexPatterns.Deictic), TimexPatterns.Deictic(), Triggers.DaysOfNow, 30, 30, Deictic),
        new(nameof(TimexPatterns.OrdinalDay), TimexPatterns.OrdinalDay(), Triggers.Units, 40, 10, OrdinalDay),
        new(nameof(TimexPatterns.RelativePeriod), TimexPatterns.RelativePeriod(), Triggers.Periods, 60, 20, RelativePeriod, TimexPatterns.RelativePeriodCore()),
        new(nameof(TimexPatterns.Anaphoric), TimexPatterns.Anaphoric(), Triggers.Periods, 50, 20, Anaphoric, TimexPatterns.AnaphoricCore()),
        new(nameof(TimexPatterns.TheYear), TimexPatterns.TheYear(), Triggers.Periods, 40, 30, TheYear),
        new(nameof(TimexPatterns.Ago), TimexPatterns.Ago(), Triggers.Units, 50, 25, Ago, TimexPatterns.AgoCore()),
        new(nameof(TimexPatterns.Duration), TimexPatterns.Duration(), Triggers.Units, 50, 25, Duration, TimexPatterns.DurationCore()),
        new(nameof(TimexPatterns.LongAdjective), TimexPatterns.LongAdjective(), Triggers.Long, 12, 8, LongAdjective),
        new(nameof(TimexPatterns.VagueDuration), TimexPatterns.VagueDuration(), Triggers.Units, 40, 20, VagueDuration, TimexPatterns.VagueDurationCore()),
        new(nameof(TimexPatterns.EverySet), TimexPatterns.EverySet(), Triggers.Every, 5, 50, EverySet),
        new(nameof(TimexPatterns.AdverbSet), TimexPatterns.AdverbSet(), Triggers.Frequencies, 10, 40, AdverbSet),
        new(nameof(TimexPatterns.FrequencySet), TimexPatterns.FrequencySet(), Triggers.Times, 30, 40, FrequencySet),
        // The rate's lookbehind reaches back over its quantity and up to three words ("1.2 million tests a day"): a
        // window of five characters before the trigger saw only the word right before it.
        new(nameof(TimexPatterns.RateSet), TimexPatterns.RateSet(), Triggers.Rates, 60, 20, RateSet),
        new(nameof(TimexPatterns.ClockTime), TimexPatterns.ClockTime(), Triggers.Clock, 40, 30, ClockTime, TimexPatterns.ClockCore()),
        new(nameof(TimexPatterns.Reference), TimexPatterns.Reference(), Triggers.References, 20, 30, Reference),
        new(nameof(TimexPatterns.Holiday), TimexPatterns.Holiday(), Triggers.Named, 20, 30, Holiday),
    ];

    /// <summary>
    /// The candidates of <paramref name="text"/>. A window in which a pattern gave up (its match timeout, on a
    /// pathological text) loses that pattern's remaining matches there; each such window is added to
    /// <paramref name="lost"/> (when given) so the stage can say so on the document.
    /// </summary>
    public static List<Candidate> Recognize(string text, List<LostWindow>? lost = null) => Recognize(text, Patterns, lost);

    /// <summary>As <see cref="Recognize(string, List{LostWindow}?)"/> with other patterns (tests give one that times out).</summary>
    internal static List<Candidate> Recognize(string text, IReadOnlyList<Pattern> patterns, List<LostWindow>? lost)
    {
        var found = new List<Candidate>(32);
        var positions = Triggers.FindAll(text);
        foreach (var pattern in patterns)
        {
            var at = positions[pattern.Triggers.Id];
            if (at.Count > 0)
                Run(pattern, at, text, found, lost);
        }
        return found;
    }

    /// <summary>Runs a pattern in the windows around its triggers, merged where they overlap and widened to whole words.</summary>
    private static void Run(Pattern pattern, List<int> at, string text, List<Candidate> into, List<LostWindow>? lost)
    {
        int i = 0;
        while (i < at.Count)
        {
            int start = Math.Max(0, at[i] - pattern.Before);
            int end = Math.Min(text.Length, at[i] + pattern.After);
            i++;
            while (i < at.Count && at[i] - pattern.Before <= end)
            {
                end = Math.Min(text.Length, at[i] + pattern.After);
                i++;
            }
            while (start > 0 && !char.IsWhiteSpace(text[start - 1]))
                start--;
            while (end < text.Length && !char.IsWhiteSpace(text[end]))
                end++;
            int found = into.Count;
            if (TryWindow(pattern, text, start, end, into) is null)
                continue;
            // The time-out is wall-clock time: on a loaded machine an ordinary window can pass it once, and
            // what is found must not depend on the load, so the window is read once more from its start.
            into.RemoveRange(found, into.Count - found);
            if (TryWindow(pattern, text, start, end, into) is { } timeout)
            {
                // A pathological text: this window's remaining matches are lost, the others still run.
                lost?.Add(new LostWindow(pattern.Name, start, end, timeout));
            }
        }
    }

    /// <summary>Reads one window's matches into <paramref name="into"/>; the time-out that stopped it, or null.</summary>
    private static TimeSpan? TryWindow(Pattern pattern, string text, int start, int end, List<Candidate> into)
    {
        try
        {
            if (pattern.Core is { } core && !core.IsMatch(text.AsSpan(start, end - start)))
                return null;
            for (var m = pattern.Regex.Match(text, start, end - start); m.Success; m = m.NextMatch())
                pattern.Read(m, text, into);
            return null;
        }
        catch (RegexMatchTimeoutException e)
        {
            return e.MatchTimeout;
        }
    }

    private static Candidate Add(List<Candidate> into, int start, int end, Rule rule, int priority = 0)
    {
        var c = new Candidate { Start = start, End = end, Rule = rule, Priority = priority };
        into.Add(c);
        return c;
    }

    private static Candidate Add(List<Candidate> into, Match m, Rule rule, int priority = 0) => Add(into, m.Index, m.Index + m.Length, rule, priority);

    private static int Int(Group g) => int.Parse(g.ValueSpan, NumberStyles.None, Invariant);

    private static void Block(Match m, string text, List<Candidate> into) => Add(into, m, Rule.Block, 10);

    private static void IsoDate(Match m, string text, List<Candidate> into)
    {
        int y = Int(m.Groups["year"]), mo = Int(m.Groups["mon"]), d = Int(m.Groups["d"]);
        if (!ValidDay(y, mo, d))
            return;
        var c = Add(into, m, Rule.Calendar, 2);
        c.Year = y;
        c.Month = mo;
        c.Day = d;
        c.Grain = Grain.Day;
        if (m.Groups["h"].Success && int.Parse(m.Groups["h"].ValueSpan, Invariant) < 24)
        {
            c.Hour = Int(m.Groups["h"]);
            c.Minute = Int(m.Groups["mi"]);
            c.Type = TimexType.Time;
        }
    }

    private static void SlashDate(Match m, string text, List<Candidate> into)
    {
        int a = Int(m.Groups["a"]), b = Int(m.Groups["b"]);
        var yg = m.Groups["y"];
        int y = Int(yg);
        if (yg.Length == 2)
            y += y < 50 ? 2000 : 1900;
        // The American order (month/day) unless the first number cannot be a month.
        (int mo, int d) = a > 12 ? (b, a) : (a, b);
        if (!ValidDay(y, mo, d))
            return;
        var c = Add(into, m, Rule.Calendar, 1);
        c.Year = y;
        c.Month = mo;
        c.Day = d;
        c.Grain = Grain.Day;
    }

    private static bool ValidDay(int y, int mo, int d) => y is >= 1 and <= 9999 && mo is >= 1 and <= 12 && d >= 1 && d <= DateTime.DaysInMonth(y, mo);

    /// <summary>"March 11", "Tuesday, March 31, 2020", "11 and 14 March": one date per day named.</summary>
    private static void MonthDay(Match m, string text, List<Candidate> into)
    {
        int month = TimeWords.Month(m.Groups["month"].ValueSpan);
        var days = m.Groups["d"].Captures;
        if (month == 0 || days.Count == 0)
            return;
        int year = m.Groups["year"].Success ? Int(m.Groups["year"]) : Candidate.None;
        int yearRel = YearRelative(m.Groups["yrel"]);
        int weekday = m.Groups["wdp"].Success ? TimeWords.Weekday(m.Groups["wdp"].ValueSpan) : Candidate.None;
        bool dayFirst = days[0].Index < m.Groups["month"].Index;
        for (int i = 0; i < days.Count; i++)
        {
            int d = int.Parse(days[i].ValueSpan, Invariant);
            if (d is < 1 or > 31 || d > DateTime.DaysInMonth(year == Candidate.None ? 2000 : year, month))
                return;
        }
        for (int i = 0; i < days.Count; i++)
        {
            var day = days[i];
            int start, end;
            bool weekOf = false;
            if (days.Count == 1)
            {
                (start, end) = (m.Index, m.Index + m.Length);
                // "the week of March 6": the ISO week that holds the day.
                const string WeekOf = "the week of ";
                if (!m.Groups["wdp"].Success && start >= WeekOf.Length && text.AsSpan(start - WeekOf.Length, WeekOf.Length).Equals(WeekOf, StringComparison.OrdinalIgnoreCase))
                {
                    start -= WeekOf.Length;
                    weekOf = true;
                }
            }
            else if (dayFirst)
            {
                // "11 and 14 March 2020": the last day takes the month and year, the first the weekday before it.
                start = i == 0 ? m.Index : day.Index;
                end = i == days.Count - 1 ? m.Index + m.Length : EndOfOrdinal(text, day.Index + day.Length);
            }
            else
            {
                // "March 11 and 14, 2020": the first day takes the month, the last the year.
                start = i == 0 ? m.Index : day.Index;
                end = i == days.Count - 1 ? m.Index + m.Length : EndOfOrdinal(text, day.Index + day.Length);
            }
            var c = Add(into, start, end, Rule.MonthDay, 2);
            c.Month = month;
            c.Day = int.Parse(day.ValueSpan, Invariant);
            c.Year = year;
            c.YearRelative = yearRel;
            c.Grain = Grain.Day;
            c.WeekOf = weekOf;
            if (i == 0)
                c.Weekday = weekday;
            if (year != Candidate.None)
                c.Rule = Rule.Calendar;
        }
    }

    private static int EndOfOrdinal(string text, int end)
    {
        if (end + 1 < text.Length && text.AsSpan(end, 2) is "st" or "nd" or "rd" or "th")
            return end + 2;
        return end;
    }

    private static int YearRelative(Group g) => !g.Success ? Candidate.None : g.ValueSpan switch
    {
        var s when s.Equals("last", StringComparison.OrdinalIgnoreCase) => -1,
        var s when s.Equals("next", StringComparison.OrdinalIgnoreCase) => 1,
        _ => 0,
    };

    private static int Relative(Group g)
    {
        if (!g.Success)
            return Candidate.None;
        var s = g.Value.ToLowerInvariant();
        if (s.Contains("past", StringComparison.Ordinal) || s is "last" or "previous" or "prior" or "preceding")
            return -1;
        if (s.Contains("coming", StringComparison.Ordinal) || s is "next" or "following" or "subsequent" or "ensuing")
            return 1;
        return 0;
    }

    /// <summary>TIMEX3 mod and whether the range is cut at the reference date, for "early", "late", "the end of", "earlier"…</summary>
    private static (string? Mod, int Side) PeriodMod(Group g)
    {
        if (!g.Success)
            return (null, 0);
        var s = g.Value.ToLowerInvariant();
        if (s.StartsWith("earlier", StringComparison.Ordinal))
            return (null, -1);
        if (s.StartsWith("later", StringComparison.Ordinal) || s.Contains("rest", StringComparison.Ordinal) || s.Contains("remainder", StringComparison.Ordinal))
            return (null, 1);
        if (s.StartsWith("early", StringComparison.Ordinal) || s.Contains("beginning", StringComparison.Ordinal) || s.Contains("start", StringComparison.Ordinal) || s.Contains("first half", StringComparison.Ordinal))
            return ("START", 0);
        if (s.StartsWith("mid", StringComparison.Ordinal) || s.Contains("middle", StringComparison.Ordinal))
            return ("MID", 0);
        if (s.StartsWith("late", StringComparison.Ordinal) || s.Contains("end", StringComparison.Ordinal) || s.Contains("close", StringComparison.Ordinal) || s.Contains("second half", StringComparison.Ordinal)
            || s.Contains("last half", StringComparison.Ordinal) || s.Contains("latter half", StringComparison.Ordinal))
            return ("END", 0);
        return (null, 0);
    }

    private static void MonthYear(Match m, string text, List<Candidate> into)
    {
        int month = TimeWords.Month(m.Groups["month"].ValueSpan);
        if (month == 0)
            return;
        int year = m.Groups["year"].Success ? Int(m.Groups["year"]) : Candidate.None;
        var c = Add(into, m, Rule.Calendar, 1);
        c.Month = month;
        c.Year = year;
        if (year == Candidate.None)
        {
            // "March '98": the century nearest the reference date, settled when it is known.
            c.Rule = Rule.Month;
            c.Day = Int(m.Groups["yy"]);
            c.Quarter = -2;
        }
        c.Grain = Grain.Month;
        (c.Mod, c.Side) = PeriodMod(m.Groups["mod"]);
    }

    private static void BareMonth(Match m, string text, List<Candidate> into)
    {
        int month = TimeWords.Month(m.Groups["month"].ValueSpan);
        bool qualified = m.Groups["rel"].Success || m.Groups["mod"].Success || m.Groups["yrel"].Success;
        if (!qualified)
        {
            var before = PreviousWord(text, m.Index);
            bool possessive = m.Index + m.Length + 1 < text.Length && text[m.Index + m.Length] is '\'' or '’' && text[m.Index + m.Length + 1] == 's';
            bool cue = DateCues.Contains(before.ToString());
            // "a June agreement" (but "a May" is too rare to tell from the verb).
            bool article = before is "a" or "A" && month != 5;
            if (!cue && !possessive && !article)
                return;
            // "Tom March's", "Theresa May's": a capitalised name before a month that is also a name.
            if (!cue && before.Length > 0 && char.IsUpper(before[0]))
                return;
            // "the March on Washington", "a March for Peace": a protest march.
            if (month == 3 && before is "the" or "The" or "a" or "A" && NextWord(text, m.Index + m.Length) is "on" or "for" or "against" or "to" or "through")
                return;
            // "Trump said to May", "a spokesman for May", "May's government": in a text that names a person so ("Theresa May",
            // "Mrs. May"), the month's name after a word that does not mark a date is that person.
            // The cheap test first: NamesAPerson searches the whole text.
            if (!MarksTheMonth(text, m.Index, before, possessive) && NamesAPerson(text, m.Groups["month"].Value))
                return;
        }
        var c = Add(into, m, Rule.Month, 0);
        c.Month = month;
        c.Grain = Grain.Month;
        c.Relative = Relative(m.Groups["rel"]);
        c.YearRelative = YearRelative(m.Groups["yrel"]);
        (c.Mod, c.Side) = PeriodMod(m.Groups["mod"]);
    }

    /// <summary>Words before a month's name that say it is the month even in a text where the name is also a person's ("in May", "since May").</summary>
    private static readonly HashSet<string> MonthOnlyCues = new(StringComparer.OrdinalIgnoreCase)
    {
        "in", "since", "until", "till", "til", "by", "through", "throughout", "during", "from", "before", "after", "between", "of",
        "early", "late", "mid", "last", "next", "this", "that", "around", "circa", "c.", "the", "within", "into", "beginning",
        "starting", "ending", "year", "summer", "spring", "autumn", "winter", "fall",
    };

    /// <summary>Cues before a possessive month's name that still make it the month ("last May's vote", "since May's election").</summary>
    private static readonly HashSet<string> PossessiveMonthCues = new(StringComparer.OrdinalIgnoreCase)
    {
        "last", "next", "this", "early", "late", "mid", "since", "until", "before", "after", "the",
    };

    /// <summary>
    /// Whether the word before a month's name (<paramref name="before"/>, the name at <paramref name="at"/>) marks it as the month
    /// in a text where the name is also a person's: a preposition of time ("in May", not "to May" or "for May"), or "and", "or",
    /// "to" right after another month or a number ("April and May", "from April to May"). A possessive is the person's unless
    /// a word of time comes before it ("last May's vote", not "in May's government").
    /// </summary>
    private static bool MarksTheMonth(string text, int at, ReadOnlySpan<char> before, bool possessive)
    {
        var word = before.ToString();
        if (possessive)
            return PossessiveMonthCues.Contains(word);
        if (MonthOnlyCues.Contains(word))
            return true;
        if (word is "and" or "or" or "to" or "through" or "-" or "–")
        {
            int i = at - 1;
            while (i >= 0 && char.IsWhiteSpace(text[i]))
                i--;
            var prior = PreviousWord(text, i + 1 - before.Length);
            return TimeWords.Month(prior) > 0 || prior.Length > 0 && char.IsDigit(prior[^1]);
        }
        return false;
    }

    /// <summary>
    /// Whether <paramref name="text"/> names a person <paramref name="month"/> ("Theresa May", "Mrs. May", "April Ryan"): the
    /// name after a capitalised word inside a sentence that is neither a word of time nor a weekday or month, not followed
    /// by a number or by another capitalised word (a headline in title case: "Fed May Raise Rates").
    /// </summary>
    internal static bool NamesAPerson(string text, string month)
    {
        if (month.Length < 3 || !char.IsLower(month[1]))
            return false;
        for (int at = text.IndexOf(month, StringComparison.Ordinal); at >= 0; at = text.IndexOf(month, at + month.Length, StringComparison.Ordinal))
        {
            int end = at + month.Length;
            if (at > 0 && char.IsLetterOrDigit(text[at - 1]) || end < text.Length && char.IsLetterOrDigit(text[end]))
                continue;
            if (at < 2 || text[at - 1] != ' ')
                continue;
            var before = PreviousWord(text, at);
            if (before.Length < 2 || !char.IsUpper(before[0]) || !char.IsLetter(before[^1]) && before[^1] != '.')
                continue;
            if (DateCues.Contains(before.ToString()) || MonthOnlyCues.Contains(before.ToString()) || TimeWords.Month(before) > 0 || TimeWords.Weekday(before) > 0)
                continue;
            if (before.EndsWith("day", StringComparison.OrdinalIgnoreCase))
                continue;
            // "Come November, voters will ...": a capitalised word opening a sentence may be any word.
            if (IsSentenceStart(text, at - 1 - before.Length))
                continue;
            var next = NextWord(text, end);
            if (next.Length > 0 && (char.IsDigit(next[0]) || char.IsUpper(next[0])))
                continue;
            return true;
        }
        return false;
    }

    private static void YearNumber(Match m, string text, List<Candidate> into)
    {
        int year = Int(m.Groups["year"]);
        bool qualified = m.Groups["mod"].Success || m.Groups["fy"].Success;
        var before = PreviousWord(text, m.Index);
        var after = NextWord(text, m.Index + m.Length);
        if (!qualified)
        {
            if (NotYearBefore.Contains(before.ToString()))
                return;
            if (after.Length > 0 && NotYearAfter.Contains(after.ToString()))
                return;
            if (m.Index + m.Length < text.Length && text[m.Index + m.Length] == ':')
                return;
            if (year < 1900 && !DateCues.Contains(before.ToString()))
                return;
            if (year > 2099)
                return;
        }
        int end = m.Groups["y2"].Success ? m.Groups["year"].Index + m.Groups["year"].Length : m.Index + m.Length;
        var c = Add(into, m.Index, end, Rule.Year, 0);
        c.Year = year;
        c.Grain = Grain.Year;
        (c.Mod, c.Side) = PeriodMod(m.Groups["mod"]);
        if (m.Groups["y2"].Success)
        {
            // "1998-99", "2019/20": the second year of the span.
            var g = m.Groups["y2"];
            int y2 = Int(g);
            if (g.Length == 2)
                y2 += year / 100 * 100 + (y2 < year % 100 ? 100 : 0);
            if (y2 > year && y2 - year < 100)
            {
                var c2 = Add(into, g.Index, g.Index + g.Length, Rule.Year, 0);
                c2.Year = y2;
                c2.Grain = Grain.Year;
            }
        }
    }

    private static void ShortYear(Match m, string text, List<Candidate> into)
    {
        var c = Add(into, m, Rule.Year, 0);
        c.Year = Candidate.None;
        c.Day = Int(m.Groups["yy"]);
        c.Quarter = -2;
        c.Grain = Grain.Year;
    }

    private static void SpelledYear(Match m, string text, List<Candidate> into)
    {
        int year;
        if (m.Groups["thy"].Success)
        {
            year = 2000 + (m.Groups["y2"].Success ? TimeWords.Small(Words(m.Groups["y2"].Value)) : 0);
        }
        else
        {
            int century = m.Groups["c"].Value.Equals("nineteen", StringComparison.OrdinalIgnoreCase) ? 1900 : 2000;
            var y = Words(m.Groups["y"].Value);
            if (y == "hundred")
                year = century;
            else if (y.StartsWith("oh ", StringComparison.Ordinal) || y.StartsWith("o ", StringComparison.Ordinal))
                year = century + TimeWords.Small(y[(y.IndexOf(' ', StringComparison.Ordinal) + 1)..]);
            else
                year = century + TimeWords.Small(y);
            // "twenty twenty" is 2020, but "nineteen" alone before "nine" is not a year: the second part must be 10 or more.
            if (TimeWords.Small(y) is >= 0 and < 10 && !y.StartsWith('o'))
                return;
        }
        var c = Add(into, m, Rule.Year, 1);
        c.Year = year;
        c.Grain = Grain.Year;
        // "January nineteen ninety-seven" (broadcast transcripts): the month of that year.
        int i = m.Index - 1;
        while (i >= 0 && text[i] == ' ')
            i--;
        int wordEnd = i + 1;
        while (i >= 0 && char.IsLetter(text[i]))
            i--;
        var word = text.AsSpan(i + 1, wordEnd - i - 1);
        if (word.Length > 2 && char.IsUpper(word[0]) && TimeWords.Month(word) is > 0 and var month
            && word.Equals(CultureInfo.InvariantCulture.DateTimeFormat.MonthNames[month - 1], StringComparison.OrdinalIgnoreCase))
        {
            c.Start = i + 1;
            c.Rule = Rule.Calendar;
            c.Grain = Grain.Month;
            c.Month = month;
        }
        else if (word.Equals("of", StringComparison.OrdinalIgnoreCase))
        {
            // "the winter of nineteen ninety-four": the season of that year.
            int j = i;
            while (j >= 0 && text[j] == ' ')
                j--;
            int seasonEnd = j + 1;
            while (j >= 0 && char.IsLetter(text[j]))
                j--;
            var season = text.AsSpan(j + 1, seasonEnd - j - 1);
            if (season.Length > 0 && char.IsLower(season[0]) && TimeWords.Season(season) is > 0 and var first)
            {
                int start = j + 1;
                var before = PreviousWord(text, start);
                if (before.Equals("the", StringComparison.OrdinalIgnoreCase))
                    start -= before.Length + 1;
                c.Start = start;
                c.Rule = Rule.Season;
                c.Grain = Grain.Season;
                c.Month = first;
            }
        }
    }

    private static string Words(string s) => string.Join(' ', s.ToLowerInvariant().Split([' ', '-', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries));

    private static void Decade(Match m, string text, List<Candidate> into)
    {
        var c = Add(into, m, Rule.Decade, 1);
        c.Grain = Grain.Decade;
        (c.Mod, c.Side) = PeriodMod(m.Groups["mod"]);
        if (m.Groups["dec"].Success)
        {
            c.Year = Int(m.Groups["dec"]);
        }
        else if (m.Groups["dd"].Success)
        {
            c.Day = Int(m.Groups["dd"]);
            c.Quarter = -2;
        }
        else
        {
            var w = m.Groups["w"].Value.ToLowerInvariant();
            int tens = TimeWords.Small(w[(w.LastIndexOf(' ') + 1)..].Replace("ies", "y", StringComparison.Ordinal).Split('-')[^1]);
            if (tens < 20)
            {
                into.Remove(c);
                return;
            }
            if (w.StartsWith("nineteen", StringComparison.Ordinal))
                c.Year = 1900 + tens;
            else
            {
                c.Day = tens;
                c.Quarter = -2;
            }
        }
    }

    private static void Century(Match m, string text, List<Candidate> into)
    {
        var c = Add(into, m, Rule.Century, 1);
        c.Grain = Grain.Century;
        (c.Mod, c.Side) = PeriodMod(m.Groups["mod"]);
        if (m.Groups["ord"].Success)
        {
            int n = TimeWords.Ordinal(m.Groups["ord"].ValueSpan);
            if (n is < 1 or > 21)
            {
                into.Remove(c);
                return;
            }
            c.Year = (n - 1) * 100;
            c.Rule = Rule.Calendar;
        }
        else if (m.Groups["rel"].Value.StartsWith("the", StringComparison.OrdinalIgnoreCase) && Relative(m.Groups["rel"]) < 0)
        {
            // "the past century": the hundred years up to now.
            c.Rule = Rule.Fixed;
            c.Type = TimexType.Duration;
            c.Value = "P100Y";
        }
        else
        {
            c.Relative = Relative(m.Groups["rel"]);
        }
    }

    private static void Weekend(Match m, string text, List<Candidate> into)
    {
        var c = Add(into, m, Rule.Weekend, 0);
        c.Grain = Grain.Weekend;
        (c.Mod, _) = PeriodMod(m.Groups["mod"]);
    }

    private static void PeriodEnd(Match m, string text, List<Candidate> into)
    {
        if (m.Groups["ye"].Success)
        {
            // "by year-end" is "the end of the year" (TIMEX3: the year with mod END): the year whose last day the
            // tense points to ("since year-end" last year's, a year-end survey published on Jan. 1 the year just over).
            var y = Add(into, m, Rule.MonthDay, 0);
            y.Month = 12;
            y.Day = 31;
            y.Grain = Grain.Day;
            y.Mod = "END";
            y.YearOf = true;
            return;
        }
        var c = Add(into, m, Rule.RelativePeriod, 0);
        c.Relative = 0;
        c.Grain = m.Groups["unit"].Value.ToLowerInvariant() switch
        {
            "week" => Grain.Week,
            "month" => Grain.Month,
            "quarter" => Grain.Quarter,
            "decade" => Grain.Decade,
            _ => Grain.Year,
        };
        (c.Mod, c.Side) = m.Groups["mod"].Success ? PeriodMod(m.Groups["mod"]) : ("END", 0);
    }

    private static void Season(Match m, string text, List<Candidate> into)
    {
        var word = m.Groups["season"].ValueSpan;
        bool lower = char.IsLower(word[0]);
        bool qualified = m.Groups["rel"].Success || m.Groups["mod"].Success || m.Groups["year"].Success
            || m.Groups["yrel"].Success && !word.Equals("fall", StringComparison.OrdinalIgnoreCase);
        if (!lower && !m.Groups["year"].Success && !IsSentenceStart(text, m.Groups["season"].Index))
            return;
        if (!qualified)
        {
            var before = PreviousWord(text, m.Index).ToString().ToLowerInvariant();
            bool the = m.Groups["the"].Success;
            // "prices fall", "a spring of water": a season needs a preposition or an article before it.
            if (word.Equals("fall", StringComparison.OrdinalIgnoreCase) && !m.Groups["yrel"].Success && !(the && before is "in" or "this" or "during" or "by" or "until" or "since" or "through" or "over"))
                return;
            if (!the && !(before is "in" or "during" or "by" or "until" or "since" or "through" or "over" or "this" or "last" or "next"))
                return;
            if (the && !(before is "in" or "during" or "by" or "until" or "since" or "through" or "over" or "of" or "throughout" or "for" or "into" or "before" or "after"))
                return;
        }
        var c = Add(into, m, Rule.Season, 0);
        c.Grain = Grain.Season;
        c.Month = TimeWords.Season(word);
        c.Relative = Relative(m.Groups["rel"]);
        c.YearRelative = YearRelative(m.Groups["yrel"]);
        c.Year = m.Groups["year"].Success ? Int(m.Groups["year"]) : Candidate.None;
        (c.Mod, c.Side) = PeriodMod(m.Groups["mod"]);
    }

    private static void Quarter(Match m, string text, List<Candidate> into)
    {
        var c = Add(into, m, Rule.Quarter, 1);
        c.Year = m.Groups["year"].Success ? Int(m.Groups["year"]) : Candidate.None;
        c.YearRelative = YearRelative(m.Groups["yrel"]);
        if (m.Groups["q"].Success)
        {
            c.Grain = Grain.Quarter;
            c.Quarter = Int(m.Groups["q"]);
        }
        else if (m.Groups["h"].Success)
        {
            c.Grain = Grain.Half;
            c.Quarter = Int(m.Groups["h"]);
        }
        else
        {
            // "the first two quarters of 1990" is its first half, "the last two quarters" its second.
            // Without a year, "the last two quarters" is the six months just past, a length of time.
            bool two = m.Groups["two"].Success;
            if (two && !m.Groups["year"].Success && !m.Groups["yrel"].Success && !m.Groups["theyear"].Success)
            {
                into.Remove(c);
                return;
            }
            bool half = two || m.Groups["unit"].Value.Equals("half", StringComparison.OrdinalIgnoreCase);
            c.Grain = half ? Grain.Half : Grain.Quarter;
            int n = TimeWords.Ordinal(m.Groups["ord"].ValueSpan);
            c.Quarter = n == -1 ? (half ? 2 : 4) : two && n == 2 ? 2 : two && n != 1 ? 0 : n;
            if (c.Quarter < 1 || c.Quarter > (half ? 2 : 4))
            {
                into.Remove(c);
                return;
            }
        }
        foreach (Capture q in m.Groups["yq"].Captures)
        {
            var s = q.Value.ToLowerInvariant();
            if (s.StartsWith("year", StringComparison.Ordinal) || s is "previous" or "prior")
                c.YearShift = -1;
        }
        if (c.Year != Candidate.None)
            c.Rule = Rule.Calendar;
    }

    private static void NamedQuarter(Match m, string text, List<Candidate> into)
    {
        bool the = m.Groups["the"].Success;
        var adj = m.Groups["adj"].Success ? m.Groups["adj"].Value.ToLowerInvariant() : m.Groups["adj2"].Success ? m.Groups["adj2"].Value.ToLowerInvariant() : null;
        var unit = m.Groups["unit"].Success ? m.Groups["unit"].Value.ToLowerInvariant() : null;
        bool year = m.Groups["year"].Success;
        bool lastYear = m.Groups["ly"].Success;
        if (unit is null && adj is null)
            return;
        if (unit == "quarter" && !the && adj is null)
            return;
        if (unit == "period" && !year && adj is not ("latest" or "year-earlier" or "year-ago" or "same" or "comparable" or "corresponding" or "current" or "just-ended" or "most recent"))
            return;
        // "a quarter of the vote", "the quarter of a century": a quarter as a share.
        var after = NextWord(text, m.Index + m.Length);
        if (after is "of" || NotATimeAfterQuarter.Contains(after))
            return;
        var c = Add(into, m, Rule.NamedQuarter, 0);
        c.Grain = unit == "period" ? Grain.Day : Grain.Quarter;
        if (unit is null)
            c.Grain = Grain.Year;
        if (year)
        {
            // "the 1988 quarter", "the 1989 period": the quarter the text is about, in that year.
            c.Year = Int(m.Groups["year"]);
            c.TextAnchored = true;
            c.Reported = true;
            return;
        }
        c.Relative = adj switch
        {
            "current" or "this" => 0,
            "next" or "coming" => 1,
            "last" or "past" or "previous" or "prior" => -1,
            _ => Candidate.None,
        };
        // "the quarter", "the latest quarter", "the previous quarter" refer to the quarter the text is about;
        // "this quarter", "last quarter" to the reference date.
        c.TextAnchored = adj is null or "latest" or "just-ended" or "most recent" or "recent" or "same" or "comparable" or "corresponding" or "year-earlier" or "year-ago"
            || the && adj is "previous" or "prior" or "past" or "last";
        if (adj is "year-earlier" or "year-ago" || lastYear)
            c.YearShift = -1;
        c.Reported = adj is "latest" or "just-ended" or "most recent" or "year-earlier" or "year-ago" or "comparable" or "corresponding" || lastYear;
        // "This quarter's loss includes charges", in a report on a quarter just ended: results already known are the
        // reported quarter's, not those of the quarter under way.
        if (adj == "this" && unit == "quarter" && ResultsOf(text, m.Index + m.Length))
        {
            c.TextAnchored = true;
            c.Reported = true;
        }
    }

    private static void Weekday(Match m, string text, List<Candidate> into)
    {
        int wd = TimeWords.Weekday(m.Groups["wd"].ValueSpan);
        var part = m.Groups["part"];
        bool plural = m.Groups["pl"].Success || part.Success && part.Value.EndsWith('s');
        var c = Add(into, m, Rule.Weekday, 0);
        c.Weekday = wd;
        c.Grain = Grain.Day;
        c.Relative = Relative(m.Groups["rel"]);
        // "the previous Friday", "the following Monday": read against the day the text named last.
        c.TextAnchored = m.Groups["the"].Success && m.Groups["rel"].Value.ToLowerInvariant() is "previous" or "following" or "preceding" or "next";
        c.Part = part.Success ? TimeWords.PartOfDay(part.ValueSpan) : null;
        (c.Mod, _) = PeriodMod(m.Groups["mod"]);
        if (plural && !m.Groups["rel"].Success)
        {
            // "on Fridays", "Tuesday nights": every such day ("close early on Fridays" keeps "early" out).
            c.Start = m.Groups["wd"].Index;
            c.Mod = null;
            c.Rule = Rule.Fixed;
            c.Type = TimexType.Set;
            c.Value = $"XXXX-WXX-{wd}" + (c.Part is null ? "" : "T" + c.Part);
        }
        else if (c.Part is not null)
        {
            c.Type = TimexType.Time;
        }
    }

    private static void Deictic(Match m, string text, List<Candidate> into)
    {
        // "the Today programme", "The Tonight Show": a capitalised day word inside a sentence is a name.
        var dayWord = m.Groups["dd"];
        if (dayWord.Success && char.IsUpper(dayWord.Value[0]) && !dayWord.Value.All(char.IsUpper) && !IsSentenceStart(text, m.Index))
            return;
        var dd = m.Groups["dd"].Value.ToLowerInvariant();
        // "today's youth", "in today's world": the present age, not the publication day; the gold of TimeBank and
        // AQUAINT leaves such uses unmarked while it marks "today's vote" and "today's editions".
        if (dd == "today" && !m.Groups["part"].Success && PresentAge(text, m.Index + m.Length))
            return;
        // "the people of tomorrow", "the cars of tomorrow": the age to come, not the day after publication ("the end of
        // tomorrow", "the morning of tomorrow" are the day). The gold of TimeBank leaves such a use unmarked.
        if (dd == "tomorrow" && !m.Groups["part"].Success && !m.Groups["mod"].Success && FutureAge(text, m.Index))
            return;
        var c = Add(into, m, Rule.Deictic, 0);
        c.Grain = Grain.Day;
        var part = m.Groups["part"];
        c.Part = part.Success ? TimeWords.PartOfDay(part.ValueSpan) : null;
        c.Day = dd switch
        {
            "yesterday" => -1,
            "tomorrow" => 1,
            "last" => -1,
            _ => 0,
        };
        if (m.Groups["da"].Success)
            c.Day = m.Groups["da"].Value.StartsWith("before", StringComparison.OrdinalIgnoreCase) ? -2 : 2;
        if (dd == "tonight")
            c.Part = "NI";
        if (dd == "last" && c.Part is "NI")
            c.Day = -1;
        else if (dd == "last")
        {
            // "last evening" is yesterday's; "last morning" is not English enough to read.
            c.Day = -1;
        }
        if (c.Part is not null)
            c.Type = TimexType.Time;
        // "by mid-afternoon", "mid-morning yesterday": the middle of that part of the day (today's without a day word).
        if (m.Groups["mid"].Success)
            c.Mod = "MID";
        var mod = m.Groups["mod"];
        if (mod.Success)
        {
            var s = mod.Value.ToLowerInvariant();
            c.Mod = s == "early" ? "START" : s == "late" ? "END" : null;
        }
    }

    private static void OrdinalDay(Match m, string text, List<Candidate> into)
    {
        // The match starts at "today"/"it" (a literal start keeps the pattern cheap); the time is the ordinal day alone.
        var d = m.Groups["d"];
        var c = Add(into, d.Index, d.Index + d.Length, Rule.Deictic, 1);
        c.Grain = Grain.Day;
        c.Day = 0;
    }

    /// <summary>"the NOUN of" right before <paramref name="at"/>, the noun not a part of a day ("the leaders of tomorrow", not "the end of tomorrow").</summary>
    private static bool FutureAge(string text, int at)
    {
        var head = text.AsSpan(0, at).TrimEnd();
        if (!head.EndsWith(" of", StringComparison.OrdinalIgnoreCase))
            return false;
        head = head[..^3].TrimEnd();
        int i = head.Length;
        while (i > 0 && char.IsLetter(head[i - 1]))
            i--;
        var noun = head[i..];
        var det = PreviousWord(text, i);
        return noun.Length > 2 && det.Equals("the", StringComparison.OrdinalIgnoreCase)
            && noun is not ("end" or "rest" or "start" or "beginning" or "middle" or "morning" or "afternoon" or "evening" or "night" or "part" or "close" or "events" or "results" or "session");
    }

    /// <summary>"'s" at <paramref name="at"/> and a listed noun next or one word later ("today's personal computers").</summary>
    private static bool PresentAge(string text, int at)
    {
        if (at + 2 >= text.Length || text[at] is not ('\'' or '’') || text[at + 1] != 's')
            return false;
        int i = at + 2;
        for (int word = 0; word < 2; word++)
        {
            while (i < text.Length && char.IsWhiteSpace(text[i]))
                i++;
            int start = i;
            while (i < text.Length && char.IsLetter(text[i]))
                i++;
            if (i == start)
                return false;
            if (NotATimeAfterTodays.Contains(text.AsSpan(start, i - start).ToString().ToLowerInvariant()))
                return true;
        }
        return false;
    }

    private static void RelativePeriod(Match m, string text, List<Candidate> into)
    {
        // "ABC's This Week": a capitalised unit is a name.
        if (char.IsUpper(m.Groups["unit"].Value[0]))
            return;
        var unit = m.Groups["unit"].Value.ToLowerInvariant();
        var rel = m.Groups["rel"].Value.ToLowerInvariant();
        // "the previous week", "the next year" are left to the anaphoric pattern, which reads them against the last date
        // named (in a past clause, for "the next") or else the reference date; which of the two equal candidates won
        // used to depend on how many other times the text held (an unstable sort).
        if (m.Groups["the"].Success && rel is "previous" or "next" && unit is "week" or "weekend" or "month" or "quarter" or "year")
            return;
        if (m.Groups["the"].Success && unit == "decade" && rel is "past" or "last")
        {
            // "over the past decade": the ten years up to now.
            var d = Add(into, m, Rule.Fixed, 0);
            d.Type = TimexType.Duration;
            d.Value = "P10Y";
            return;
        }
        var c = Add(into, m, Rule.RelativePeriod, 0);
        c.Grain = unit switch
        {
            "week" => Grain.Week,
            "weekend" => Grain.Weekend,
            "month" => Grain.Month,
            "quarter" => Grain.Quarter,
            "decade" => Grain.Decade,
            _ => Grain.Year,
        };
        c.Relative = Relative(m.Groups["rel"]);
        (c.Mod, c.Side) = PeriodMod(m.Groups["mod"]);
    }

    private static void Anaphoric(Match m, string text, List<Candidate> into)
    {
        // "at 6:30 in the morning", "four o'clock in the afternoon": the clock time's part of the day, not a time of its own.
        if (m.Groups["inpart"].Success && AfterClock(text, m.Index))
            return;
        var unit = m.Groups["unit"].Value.ToLowerInvariant();
        int shift = 0;
        if (m.Groups["dem"].Success)
        {
            var dem = m.Groups["dem"].Value.ToLowerInvariant();
            shift = dem.Contains("previous", StringComparison.Ordinal) || dem.Contains("preceding", StringComparison.Ordinal) || dem.Contains("prior", StringComparison.Ordinal) ? -1
                : dem.Contains("following", StringComparison.Ordinal) || dem.Contains("next", StringComparison.Ordinal) || dem.Contains("subsequent", StringComparison.Ordinal) || dem.Contains("ensuing", StringComparison.Ordinal) ? 1
                : 0;
        }
        else if (m.Groups["dir"].Success)
        {
            // "the day before the vote" is read against the vote, which is not a date: not resolved.
            int after = m.Index + m.Length;
            while (after < text.Length && text[after] == ' ')
                after++;
            if (after < text.Length && char.IsLetterOrDigit(text[after]))
            {
                // "after Oct. 12, the day before the plunge": an apposition that says what the date just named was;
                // "the day" is that date.
                if (!AfterNamedDate(text, m.Index, into))
                    return;
                var unitGroup = m.Groups["unit"];
                var same = Add(into, m.Index, unitGroup.Index + unitGroup.Length, Rule.Anaphoric, 0);
                same.TextAnchored = true;
                same.Apposition = true;
                same.Relative = 0;
                same.Grain = GrainOf(unitGroup.Value.ToLowerInvariant());
                return;
            }
            var dir = m.Groups["dir"].Value.ToLowerInvariant();
            shift = dir is "before" or "earlier" or "prior" ? -1 : 1;
        }
        var c = Add(into, m, Rule.Anaphoric, 0);
        c.TextAnchored = true;
        // "earlier in the year": the year the sentence is about, or else the reference date's. "in the morning": the
        // morning of a day the text has just named, or no time at all (a habit: "she runs in the morning").
        c.Side = m.Groups["dem"].Success || m.Groups["dir"].Success ? 0 : m.Groups["inpart"].Success ? 3 : 2;
        // "trades made that day": with no day named before it, "that day" is one the reader is asked to imagine.
        c.NeedsAntecedent = m.Groups["dem"].Value is var d && (d.Equals("that", StringComparison.OrdinalIgnoreCase)
            || d.StartsWith("the", StringComparison.OrdinalIgnoreCase) && d.EndsWith("same", StringComparison.OrdinalIgnoreCase));
        c.Relative = shift;
        // "over the next year" looks ahead from now; "The next year, he ran again" goes on from the year just named.
        c.TheNext = m.Groups["dem"].Value.Equals("the next", StringComparison.OrdinalIgnoreCase) && unit is not ("day" or "night" or "morning" or "afternoon" or "evening");
        c.Grain = GrainOf(unit);
        c.Part = TimeWords.PartOfDay(unit);
        if (c.Part is not null)
            c.Type = TimexType.Time;
        // "by mid-afternoon", "mid-morning yesterday": the middle of that part of the day (today's without a day word).
        if (m.Groups["mid"].Success)
            c.Mod = "MID";
        var mod = m.Groups["mod"];
        if (mod.Success)
        {
            var s = mod.Value.ToLowerInvariant();
            c.Mod = s == "early" ? "START" : s == "late" ? "END" : null;
        }
    }

    /// <summary>Whether the word before the "in" that ends right before <paramref name="at"/> is a clock time ("6:30 in", "four o'clock in").</summary>
    private static bool AfterClock(string text, int at)
    {
        int i = at - 1;
        while (i >= 0 && char.IsWhiteSpace(text[i]))
            i--;
        i -= 1; // the "in"
        if (i <= 0)
            return false;
        var word = PreviousWord(text, i);
        if (word.Length == 0)
            return false;
        return char.IsDigit(word[^1]) || word.Equals("clock", StringComparison.OrdinalIgnoreCase)
            || TimeWords.Small(word.ToString().ToLowerInvariant()) is > 0 and <= 12;
    }

    private static Grain GrainOf(string unit) => unit switch
    {
        "week" => Grain.Week,
        "weekend" => Grain.Weekend,
        "month" => Grain.Month,
        "quarter" => Grain.Quarter,
        "year" => Grain.Year,
        _ => Grain.Day,
    };

    /// <summary>
    /// Whether a comma right before <paramref name="at"/> ends a date another pattern has found ("Oct. 12, ",
    /// "on Monday, ", "in 1989, "), so that what follows the comma may restate it.
    /// </summary>
    private static bool AfterNamedDate(string text, int at, List<Candidate> found)
    {
        int i = at - 1;
        while (i >= 0 && text[i] == ' ')
            i--;
        if (i < 1 || text[i] != ',')
            return false;
        foreach (var c in found)
        {
            if (c.End == i && c.Rule is not Rule.Block and not Rule.Fixed && c.Type is TimexType.Date or TimexType.Time)
                return true;
        }
        return false;
    }

    private static void TheYear(Match m, string text, List<Candidate> into)
    {
        var span = m.Groups["span"];
        var c = Add(into, span.Index, span.Index + span.Length, Rule.TheYear, 0);
        c.Grain = m.Groups["unit"].Value.Equals("week", StringComparison.OrdinalIgnoreCase) ? Grain.Week : Grain.Year;
        if (m.Groups["dur"].Success)
        {
            c.Rule = Rule.Fixed;
            c.Type = TimexType.Duration;
            c.Value = c.Grain == Grain.Week ? "P1W" : "P1Y";
        }
    }

    private static void Ago(Match m, string text, List<Candidate> into)
    {
        var dir = m.Groups["dir"].Value.ToLowerInvariant();
        var unit = TimeWords.Unit(m.Groups["unit"].ValueSpan);
        if (unit is null or "WE" || !LowerOrSentenceStart(text, m.Groups["unit"]))
            return;
        double? count = m.Groups["num"].Success ? TimeWords.Count(m.Groups["num"].ValueSpan) : null;
        if (count is double.NaN)
            return;
        bool plural = m.Groups["unit"].Value.EndsWith('s');
        if (!m.Groups["num"].Success && !plural)
            return;
        // "it is a matter of days before he returns": "soon", said with a unit.
        if (!m.Groups["num"].Success && MatterOf(text, m.Index))
            return;
        string? mod = Approximation(m.Groups["mod"]);
        if (unit is "S" or "MIN" or "H")
        {
            // "an hour later": a length of time; its date is the one it follows, which the text gives elsewhere.
            var d = Add(into, m.Index, m.Groups["unit"].Index + m.Groups["unit"].Length, Rule.Fixed, 0);
            d.Type = TimexType.Duration;
            d.Value = DurationValue(count, unit, plural);
            d.Mod = mod;
            return;
        }
        if (dir is "before" or "after" or "since" or "on")
        {
            // "two days before the vote": a length of time before an event, not a date.
            int after = m.Index + m.Length;
            while (after < text.Length && text[after] == ' ')
                after++;
            if (after < text.Length && text[after] is not ('.' or ',' or ';' or ':' or '!' or '?' or ')' or '\n' or '—' or '–'))
            {
                var d = Add(into, m.Index, m.Groups["unit"].Index + m.Groups["unit"].Length, Rule.Fixed, 0);
                d.Type = TimexType.Duration;
                d.Value = DurationValue(count, unit, plural);
                d.Mod = mod;
                return;
            }
        }
        if (count is null && dir is "later" or "earlier" or "after" or "before" or "afterward" or "afterwards")
        {
            // "a few days later": an unknown length after a day the text named, no date of its own (and never the future).
            var d = Add(into, m.Index, m.Groups["unit"].Index + m.Groups["unit"].Length, Rule.Fixed, 0);
            d.Type = TimexType.Duration;
            d.Value = DurationValue(count, unit, plural);
            d.Mod = mod;
            return;
        }
        var c = Add(into, m, Rule.Ago, 1);
        c.Unit = unit;
        c.Count = count;
        c.Mod = mod;
        c.Relative = dir is "ago" or "earlier" or "before" or "previously" or "prior" or "back" ? -1 : 1;
        c.TextAnchored = dir is not ("ago" or "from now" or "hence" or "back");
    }

    /// <summary>"'s" and a word for reported results right after <paramref name="at"/>: "quarter's loss", "quarter's results".</summary>
    private static bool ResultsOf(string text, int at) =>
        at + 2 < text.Length && text[at] is '\'' or '’' && text[at + 1] == 's'
        && NextWord(text, at + 2) is "loss" or "losses" or "profit" or "profits" or "earnings" or "results" or "net" or "sales" or "revenue" or "charge" or "charges";

    /// <summary>"matter of" right before <paramref name="at"/>: "a matter of days" means "soon", no span of time.</summary>
    private static bool MatterOf(string text, int at)
    {
        var head = text.AsSpan(0, at).TrimEnd();
        return head.EndsWith(" of", StringComparison.OrdinalIgnoreCase) && head[..^3].TrimEnd().EndsWith("matter", StringComparison.OrdinalIgnoreCase);
    }

    private static string? Approximation(Group g)
    {
        if (!g.Success)
            return null;
        var s = string.Join(' ', g.Value.ToLowerInvariant().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return s switch
        {
            "about" or "around" or "approximately" or "roughly" or "some" or "close to" => "APPROX",
            "nearly" or "almost" or "less than" or "under" or "fewer than" or "just under" or "barely" => "LESS_THAN",
            "more than" or "over" or "well over" or "just over" or "upwards of" or "in excess of" or "little more than" or "a little over" => "MORE_THAN",
            "at least" or "no less than" or "a full" or "fully" => "EQUAL_OR_MORE",
            "at most" or "up to" or "no more than" or "not more than" => "EQUAL_OR_LESS",
            _ => null,
        };
    }

    /// <summary>The TIMEX3 duration for a count of units: P2W, PT3H, P1Y6M, PXY (an unknown count).</summary>
    internal static string DurationValue(double? count, string unit, bool plural)
    {
        if (count is null)
        {
            return unit switch
            {
                "S" => "PTXS",
                "MIN" => "PTXM",
                "H" => "PTXH",
                "DE" => "PXDE",
                "CE" => "PXCE",
                "ML" => "PXML",
                "FN" => "PXW",
                _ => "PX" + unit,
            };
        }
        double n = count.Value;
        (double scaled, string u) = unit switch
        {
            "DE" => (n * 10, "Y"),
            "CE" => (n * 100, "Y"),
            "ML" => (n * 1000, "Y"),
            "FN" => (n * 2, "W"),
            _ => (n, unit),
        };
        if (scaled != Math.Floor(scaled))
        {
            // "a year and a half" is P1Y6M; "half an hour" PT30M.
            (double whole, double frac) = (Math.Floor(scaled), scaled - Math.Floor(scaled));
            (string? smaller, int per) = u switch
            {
                "Y" => ("M", 12),
                "W" => ("D", 7),
                "D" => ("H", 24),
                "H" => ("MIN", 60),
                "MIN" => ("S", 60),
                _ => (null, 0),
            };
            if (smaller is not null && frac * per == Math.Floor(frac * per))
            {
                var parts = (whole > 0 ? Format(whole, u) : "") + Format(frac * per, smaller);
                bool timeOnly = u is "H" or "MIN" or "S" || smaller is "H";
                return timeOnly ? "PT" + parts.Replace("MIN", "M", StringComparison.Ordinal) : "P" + parts;
            }
        }
        return u switch
        {
            "S" or "MIN" or "H" => "PT" + Format(scaled, u == "MIN" ? "M" : u),
            _ => "P" + Format(scaled, u),
        };

        static string Format(double v, string u) => v.ToString("0.##", CultureInfo.InvariantCulture) + u;
    }

    private static void Duration(Match m, string text, List<Candidate> into)
    {
        var unit = TimeWords.Unit(m.Groups["unit"].ValueSpan);
        if (unit is null or "WE" || !LowerOrSentenceStart(text, m.Groups["unit"]))
            return;
        var num = m.Groups["num"];
        double? count = TimeWords.Count(num.ValueSpan);
        if (count is double.NaN)
            return;
        // "a second attempt" is an ordinal; "three-quarters of the vote" a share.
        if (unit == "S" && num.ValueSpan.Length <= 2 && char.IsLetter(num.ValueSpan[0]) && !m.Groups["unit"].Value.EndsWith('s'))
            return;
        if (unit == "Q" && NextWord(text, m.Index + m.Length) is "of")
            return;
        // "20 kilometres an hour": a speed (see EverySet), not a length of time.
        if (unit == "H" && count == 1 && SpeedBefore(text, m.Index))
            return;
        // "the 1988 quarter": a year, not a count.
        if (num.Length == 4 && count is >= 1900 and < 2100)
            return;
        bool plural = m.Groups["unit"].Value.EndsWith('s');
        // "a minute and a half" is PT1M30S.
        if (m.Groups["half"].Success && count is { } whole)
            count = whole + 0.5;
        // "a year", "one day" need the singular; "two day" appears only before a noun ("a two-day visit").
        var c = Add(into, m, Rule.Fixed, 0);
        if (SomeDay(m, text, unit, plural))
        {
            // "Islam will one day be the second religion", "hopes he one day follows": some day ahead, not a length.
            c.Type = TimexType.Date;
            c.Value = "FUTURE_REF";
            return;
        }
        c.Type = TimexType.Duration;
        c.Value = DurationValue(count, unit, plural);
        c.Mod = Approximation(m.Groups["mod"]);
        var adj = m.Groups["adj"];
        // "over the past two months": "over" is the preposition, not "more than".
        if (m.Groups["mod"].Success && (m.Groups["the"].Success || adj.Success) && m.Groups["mod"].Value.Equals("over", StringComparison.OrdinalIgnoreCase))
        {
            c.Start = m.Groups["the"].Success ? m.Groups["the"].Index : adj.Index;
            c.Mod = null;
        }
        if (adj.Success && adj.Value.StartsWith("year-", StringComparison.OrdinalIgnoreCase))
            c.Mod = null;
        // "$1.5 trillion over 10 years", "testimony over three days", "Over a decade, the fund grew": "over" spreads
        // something across the length, the preposition again, so the length is the time and it has no mod. It stays
        // "more than" after a preposition or a form of "be" ("for over a year", "in over a century", "it has been over
        // a week"), after a verb whose object is a length ("lasted over a week", "took over an hour"), and before a
        // word that measures from the length's end ("over a year after the attack").
        if (c.Mod is "MORE_THAN" && !m.Groups["the"].Success && !adj.Success && m.Groups["num"].Success
            && m.Groups["mod"].Value.Equals("over", StringComparison.OrdinalIgnoreCase)
            && !OverMeansMoreThan(text, m.Groups["mod"].Index, m.Index + m.Length))
        {
            c.Start = num.Index;
            c.Mod = null;
        }
    }

    private static bool OverMeansMoreThan(string text, int over, int end)
    {
        var before = PreviousWord(text, over).ToString().ToLowerInvariant();
        var after = NextWord(text, end).ToString().ToLowerInvariant();
        return OverAsMoreThanAfter.Contains(before) || DurationObjectVerbs.Contains(before) || OverAsMoreThanBefore.Contains(after);
    }

    /// <summary>Prepositions, forms of "be" and adverbs before "over a year" that make it "more than a year" ("in little over a year", "dates back over a century"): closed classes.</summary>
    private static readonly FrozenSet<string> OverAsMoreThanAfter = FrozenSet.ToFrozenSet(
        ["for", "in", "of", "by", "after", "within", "than", "to", "from", "with", "at", "about", "into", "since", "under", "is", "was",
         "were", "are", "be", "been", "being", "s", "already", "now", "still", "yet", "little", "slightly", "well", "just", "back"], StringComparer.Ordinal);

    /// <summary>Words after the length that measure from its end ("over a year after"): closed class.</summary>
    private static readonly FrozenSet<string> OverAsMoreThanBefore = FrozenSet.ToFrozenSet(
        ["after", "before", "since", "old", "apart", "behind", "ahead", "away", "out"], StringComparer.Ordinal);

    /// <summary>Verbs whose object is a length of time ("lasted", "took", "spent"): resources/lexicons/tense-words.tsv, tag duration-object.</summary>
    private static readonly FrozenSet<string> DurationObjectVerbs = Sitrep.Lexicons.Lexicon.Get("tense-words").Tagged("duration-object");

    /// <summary>
    /// "one day" between a modal, "to" or a subject pronoun and a verb ("will one day be", "to one day run", "he one
    /// day follows"): an adverb for a day to come. "for one day", "one day later", "One day, he left" stay as they are.
    /// </summary>
    private static bool SomeDay(Match m, string text, string unit, bool plural)
    {
        if (unit != "D" || plural || m.Groups["mod"].Success || m.Groups["adj"].Success || m.Groups["the"].Success
            || !m.Groups["num"].Value.Equals("one", StringComparison.Ordinal))
        {
            return false;
        }
        var before = PreviousWord(text, m.Index).ToString();
        var after = NextWord(text, m.Index + m.Length);
        return SomeDayBefore.Contains(before) && after.Length > 1 && char.IsLower(after[0]) && !NotAVerbAfterOneDay.Contains(after.ToString());
    }

    /// <summary>Modals, "to" and subject pronouns: closed classes.</summary>
    private static readonly FrozenSet<string> SomeDayBefore = FrozenSet.ToFrozenSet(
        ["will", "would", "could", "can", "may", "might", "shall", "should", "must", "to", "he", "she", "they", "we", "I", "you", "it"], StringComparer.Ordinal);

    /// <summary>Words after "one day" that make it a length or a point in a sequence, not "some day": closed class.</summary>
    private static readonly FrozenSet<string> NotAVerbAfterOneDay = FrozenSet.ToFrozenSet(
        ["of", "and", "or", "after", "before", "later", "earlier", "ago", "in", "to", "a", "the", "per", "each", "off", "at", "for", "from", "only", "more", "less", "ahead", "early", "late", "trip", "visit", "strike", "event"],
        StringComparer.Ordinal);

    private static void LongAdjective(Match m, string text, List<Candidate> into)
    {
        var word = m.Groups["unit"].ValueSpan;
        var unit = TimeWords.Unit(word);
        if (unit is null)
            return;
        bool plural = word.EndsWith("s", StringComparison.OrdinalIgnoreCase);
        var c = Add(into, m, Rule.Fixed, 0);
        c.Type = TimexType.Duration;
        c.Value = DurationValue(plural ? null : 1, unit, plural);
    }

    private static void VagueDuration(Match m, string text, List<Candidate> into)
    {
        var unit = TimeWords.Unit(m.Groups["unit"].ValueSpan);
        if (unit is null || !LowerOrSentenceStart(text, m.Groups["unit"]))
            return;
        var adj = m.Groups["adj"].Success ? m.Groups["adj"].Value.ToLowerInvariant() : null;
        if (adj is null)
        {
            var before = PreviousWord(text, m.Index).ToString().ToLowerInvariant();
            var after = NextWord(text, m.Index + m.Length).ToString().ToLowerInvariant();
            bool cue = before is "for" or "over" or "within" or "after" or "than" or "throughout" or "during" or "took" or "take" or "takes"
                or "taken" or "spent" or "spend" or "lasted" or "last" or "lasting" or "waited" or "wait" or "in" or "into" or "of" or "ago"
                || after == "of" && unit is "Y" or "DE" or "CE" or "M" || m.Groups["ahead"].Success;
            if (m.Groups["the"].Success && !m.Groups["ahead"].Success ? !SpanOfThe(text, m, before, after, unit) : !cue)
                return;
            // "a matter of days", "in a matter of months": "soon", said with a unit; no span of time is meant, and
            // the gold of TimeBank and AQUAINT leaves both halves' uses unmarked.
            if (MatterOf(text, m.Index))
                return;
            // "in days" and "in hours" are spans of waiting; "in years" only after a superlative or negation ("the first time in years").
        }
        // "in recent weeks", "the coming months": spans of unknown length that end or begin now.
        var c = Add(into, m, Rule.Fixed, -1);
        c.Type = TimexType.Duration;
        c.Value = DurationValue(null, unit, true);
    }

    /// <summary>
    /// "over the years", "through the decades", "down the centuries", "in the years that followed", "in the months since
    /// the attack", "in the weeks to come": the years (months ...) of a stretch the sentence places, a span of unknown length
    /// like "for years" (`PXY`). Both TBAQ halves mark each of their uses so ("over the years" TimeBank, "in the years that
    /// followed" AQUAINT). "the years" after any other word ("the years of war", "in the years 2001 to 2005") stays unmarked.
    /// </summary>
    private static bool SpanOfThe(string text, Match m, string before, string after, string unit)
    {
        if (before is "over" or "through" or "throughout" or "across")
            return true;
        if (before == "down")
            return unit is "Y" or "DE" or "CE";
        if (before is not ("in" or "during"))
            return false;
        if (after == "since")
            return true;
        int i = m.Index + m.Length;
        while (i < text.Length && char.IsWhiteSpace(text[i]))
            i++;
        while (i < text.Length && char.IsLetterOrDigit(text[i]))
            i++;
        var next = NextWord(text, i).ToString().ToLowerInvariant();
        return after == "that" && next.StartsWith("follow", StringComparison.Ordinal) || after == "to" && next == "come";
    }

    private static void EverySet(Match m, string text, List<Candidate> into)
    {
        var c = Add(into, m, Rule.Fixed, 2);
        c.Type = TimexType.Set;
        bool other = m.Groups["other"].Success && m.Groups["other"].Value.Equals("other", StringComparison.OrdinalIgnoreCase);
        bool per = m.Groups["q"].Value.Equals("per", StringComparison.OrdinalIgnoreCase);
        if (m.Groups["unit"].Success)
        {
            var unit = TimeWords.Unit(m.Groups["unit"].ValueSpan);
            double? count = m.Groups["num"].Success ? TimeWords.Count(m.Groups["num"].ValueSpan) : 1;
            if (unit is null || count is null or double.NaN)
            {
                into.Remove(c);
                return;
            }
            // "15 million instructions per second", "3,000 revolutions per minute", "60 miles per hour": a speed, which
            // TimeML does not mark (its guidelines list expressions of speed among the non-markable ones); a rate per
            // day or longer ("twice per week") is a set.
            if (per && m.Groups["num"].Success is false && (unit is "S" or "MIN" || unit == "H" && SpeedBefore(text, m.Index)))
            {
                into.Remove(c);
                return;
            }
            c.Value = unit == "WE" ? "XXXX-WXX-WE" : DurationValue(count * (other ? 2 : 1), unit, false);
        }
        else if (per || m.Groups["num"].Success)
        {
            into.Remove(c);
        }
        else if (m.Groups["wd"].Success)
        {
            c.Value = $"XXXX-WXX-{TimeWords.Weekday(m.Groups["wd"].ValueSpan)}";
        }
        else if (m.Groups["part"].Success)
        {
            c.Value = "XXXX-XX-XXT" + TimeWords.PartOfDay(m.Groups["part"].ValueSpan);
        }
        else if (m.Groups["month"].Success)
        {
            c.Value = $"XXXX-{TimeWords.Month(m.Groups["month"].ValueSpan):D2}";
        }
        else
        {
            c.Value = "XXXX-" + (TimeWords.Season(m.Groups["season"].ValueSpan) switch { 3 => "SP", 6 => "SU", 9 => "FA", _ => "WI" });
        }
    }

    /// <summary>
    /// Words that may follow a frequency adverb ("rallies held daily in Havana"); any other word is the noun it qualifies
    /// ("quarterly dividend"), and "of" makes the word itself a noun ("declared its initial quarterly of five cents": a
    /// dividend; "a weekly of the left": a paper).
    /// </summary>
    private static readonly HashSet<string> AfterAdverb = new(StringComparer.Ordinal)
    {
        "and", "or", "but", "in", "on", "at", "for", "to", "from", "with", "by", "since", "until", "through", "as", "the", "a",
        "an", "while", "when", "after", "before", "during", "over", "across", "around", "outside", "inside", "near", "between", "into",
        "is", "are", "was", "were", "will", "would", "basis", "if", "than", "that", "this", "these", "those", "so", "because", "throughout",
    };

    /// <summary>
    /// Frequency adjectives that stay a recurrence before their noun ("his weekly radio address", "average hourly earnings",
    /// "the monthly jobs report": one each week, hour, month). "daily", "quarterly" and "annual(ly)" before a noun are left:
    /// there they mostly name a kind of figure ("daily volume", "quarterly dividend"), which neither TBAQ half marks (TimeBank
    /// 1 of 5 attributive "daily", 1 of 11 "quarterly"), while both halves mark the words here (1 of 1 each).
    /// </summary>
    private static readonly HashSet<string> AttributiveSets = new(StringComparer.Ordinal)
    {
        "weekly", "monthly", "hourly", "nightly", "yearly", "biweekly", "bi-weekly", "fortnightly", "bimonthly",
    };

    private static void AdverbSet(Match m, string text, List<Candidate> into)
    {
        int after = m.Index + m.Length;
        while (after < text.Length && text[after] == ' ')
            after++;
        if (after < text.Length && char.IsLower(text[after]) && !AfterAdverb.Contains(NextWord(text, after).ToString())
            && !(AttributiveSets.Contains(m.Value) && after > m.Index + m.Length && NextWord(text, after) is not "of"))
            return;
        // "the Communist Party daily Granma": a newspaper.
        if (after < text.Length && char.IsUpper(text[after]) && after > m.Index + m.Length)
            return;
        var c = Add(into, m, Rule.Fixed, 1);
        c.Type = TimexType.Set;
        c.Value = m.Value.ToLowerInvariant().Replace("-", "", StringComparison.Ordinal) switch
        {
            "daily" => "P1D",
            "weekly" => "P1W",
            "monthly" => "P1M",
            "annually" or "yearly" => "P1Y",
            "quarterly" => "P1Q",
            "hourly" => "PT1H",
            "nightly" => "XXXX-XX-XXTNI",
            "biannually" or "semiannually" => "P6M",
            "biennially" => "P2Y",
            "fortnightly" or "biweekly" => "P2W",
            "bimonthly" => "P2M",
            _ => "P1D",
        };
    }

    private static void FrequencySet(Match m, string text, List<Candidate> into)
    {
        var unit = TimeWords.Unit(m.Groups["unit"].ValueSpan);
        if (unit is null or "WE")
            return;
        var c = Add(into, m, Rule.Fixed, 2);
        c.Type = TimexType.Set;
        c.Value = DurationValue(1, unit, false);
    }

    private static void RateSet(Match m, string text, List<Candidate> into)
    {
        var unit = TimeWords.Unit(m.Groups["unit"].ValueSpan);
        if (unit is null)
            return;
        // "60 miles an hour": a speed, not a set (see EverySet).
        if (unit == "H" && SpeedBefore(text, m.Index))
            return;
        // "1,000 people a day after the vote": a distance from an event, not a rate; right after the number it is a
        // rate still ("earning $15 an hour before the raise").
        if (RateDirectionAfter.Contains(NextWord(text, m.Index + m.Length).ToString().ToLowerInvariant())
            && !PreviousWord(text, m.Index).ToString().Any(char.IsDigit))
            return;
        var c = Add(into, m, Rule.Fixed, 2);
        c.Type = TimexType.Set;
        c.Value = DurationValue(1, unit, false);
    }

    /// <summary>Words after "a day" that measure from it ("a day after", "a week before"): closed class.</summary>
    private static readonly FrozenSet<string> RateDirectionAfter = FrozenSet.ToFrozenSet(
        ["before", "after", "ahead", "away", "out", "from", "early", "late", "into", "since", "until"], StringComparer.Ordinal);

    /// <summary>A unit of distance right before <paramref name="at"/> ("miles per hour", "kilometres an hour"): what follows is a speed.</summary>
    private static bool SpeedBefore(string text, int at) =>
        PreviousWord(text, at).ToString().ToLowerInvariant() is "miles" or "mile" or "kilometers" or "kilometres" or "kilometer" or "kilometre"
            or "km" or "meters" or "metres" or "feet" or "knots" or "mph" or "kph";

    private static void ClockTime(Match m, string text, List<Candidate> into)
    {
        int hour, minute = 0;
        if (m.Groups["nm"].Success)
        {
            // "High Noon": a capitalised noon inside a sentence is a title.
            if (char.IsUpper(m.Groups["nm"].Value[0]) && !IsSentenceStart(text, m.Groups["nm"].Index))
                return;
            // "For the people of Poland, high noon comes today": the hour of decision, an idiom, not twelve o'clock;
            // after a preposition it is the clock's ("a rally at high noon Friday").
            var high = PreviousWord(text, m.Groups["nm"].Index);
            if (high.Equals("high", StringComparison.OrdinalIgnoreCase)
                && PreviousWord(text, text.AsSpan(0, m.Groups["nm"].Index).TrimEnd().Length - high.Length).ToString().ToLowerInvariant()
                    is not ("at" or "by" or "until" or "till" or "before" or "after" or "from" or "around" or "since" or "near" or "about"))
                return;
            hour = m.Groups["nm"].Value.Equals("midnight", StringComparison.OrdinalIgnoreCase) ? 24 : 12;
        }
        else if (m.Groups["hm"].Success)
        {
            hour = int.Parse(m.Groups["hm"].ValueSpan[..2], Invariant);
            minute = int.Parse(m.Groups["hm"].ValueSpan[2..], Invariant);
        }
        else if (m.Groups["hw"].Success)
        {
            var hw = m.Groups["hw"].Value;
            hour = char.IsDigit(hw[0]) ? int.Parse(hw, Invariant) : TimeWords.Small(hw.ToLowerInvariant());
            var part = m.Groups["part"];
            if (part.Success && part.Value is "afternoon" or "evening" or "night" && hour < 12)
                hour += 12;
        }
        else
        {
            hour = Int(m.Groups["h"]);
            minute = m.Groups["mi"].Success ? Int(m.Groups["mi"]) : 0;
            if (m.Groups["ap"].Success)
            {
                if (hour is < 1 or > 12)
                    return;
                bool pm = m.Groups["ap"].ValueSpan[0] is 'p' or 'P';
                hour = hour % 12 + (pm ? 12 : 0);
            }
            else if (!m.Groups["tz"].Success)
            {
                // "at 10:30": a clock time needs a preposition or a zone; "a 3:2 vote" is not one.
                var before = PreviousWord(text, m.Groups["h"].Index).ToString().ToLowerInvariant();
                if (before is not ("at" or "by" or "around" or "about" or "before" or "after" or "until" or "till" or "from" or "to" or "since" or "between" or "and" or "approximately"))
                    return;
            }
        }
        if (hour > 24 || minute > 59)
            return;
        var c = Add(into, m, Rule.Clock, 1);
        c.Type = TimexType.Time;
        c.Hour = hour;
        c.Minute = minute;
        c.Grain = Grain.Day;
        var mod = m.Groups["mod"];
        if (mod.Success)
            c.Mod = mod.Value.StartsWith("shortly", StringComparison.OrdinalIgnoreCase) || mod.Value.StartsWith("just", StringComparison.OrdinalIgnoreCase)
                ? (mod.Value.EndsWith("before", StringComparison.OrdinalIgnoreCase) ? "BEFORE" : "AFTER") : "APPROX";
    }

    private static void Reference(Match m, string text, List<Candidate> into)
    {
        // "Blast From The Past": a capitalised word inside a sentence belongs to a title.
        int lastWord = m.Value.LastIndexOf(' ') + 1;
        if (char.IsUpper(m.Value[lastWord]) && !m.Value.All(c => !char.IsLetter(c) || char.IsUpper(c)) && !(lastWord == 0 && IsSentenceStart(text, m.Index)))
            return;
        // "the past three summers", "the past few years": a length of time, not "the past".
        if (m.Groups["past"].Success && m.Value.EndsWith("past", StringComparison.OrdinalIgnoreCase)
            && NextWord(text, m.Index + m.Length) is { Length: > 0 } next && (TimeWords.Count(next) is double n && !double.IsNaN(n) || next.Equals("few", StringComparison.OrdinalIgnoreCase)
                || next.Equals("several", StringComparison.OrdinalIgnoreCase) || next.Equals("many", StringComparison.OrdinalIgnoreCase)))
        {
            return;
        }
        if (m.Groups["present"].Success && m.Value.Equals("current", StringComparison.OrdinalIgnoreCase))
        {
            // "current" qualifies a noun ("the current government"); "the current", "current account" are not times.
            var after = NextWord(text, m.Index + m.Length).ToString().ToLowerInvariant();
            if (after.Length == 0 || NotATimeAfterCurrent.Contains(after)
                || !char.IsLetter(text[Math.Min(text.Length - 1, m.Index + m.Length + 1)]))
            {
                return;
            }
        }
        // "Now, why is that?", "Now, let me say …": a sentence-opening "Now" set off by a comma before "why", "how", "let"
        // or a comment adverb is the discourse marker that turns to a new point, not a time. "Now, they have voted to keep
        // the cuts" (after what they did before) is the present against the past, and stays; so does "Now, what people
        // are focused on is …" (a pseudo-cleft, which "what" cannot tell from a question).
        if (m.Groups["present"].Success && m.Value.Equals("now", StringComparison.OrdinalIgnoreCase) && IsSentenceStart(text, m.Index)
            && m.Index + m.Length < text.Length && text[m.Index + m.Length] == ','
            && NextWord(text, m.Index + m.Length + 1).ToString().ToLowerInvariant() is "why" or "how" or "let" or "let's"
                or "let’s" or "interestingly" or "obviously" or "clearly" or "remember" or "look" or "listen" or "mind" or "admittedly" or "granted")
        {
            return;
        }
        // "in the short term, …": an adverbial; "in the short term loans market": a modifier.
        if (m.Groups["future"].Success && m.Value.EndsWith("term", StringComparison.OrdinalIgnoreCase)
            && NextWord(text, m.Index + m.Length) is { Length: > 0 } word && char.IsLower(word[0]) && text[m.Index + m.Length] == ' '
            && !AfterTermAdverbial.Contains(word.ToString()))
        {
            return;
        }
        // "the then current price", "the then-current chairman": current at a past time.
        bool then = m.Groups["present"].Success && m.Value.Equals("current", StringComparison.OrdinalIgnoreCase)
            && m.Index >= 5 && text.AsSpan(m.Index - 5, 4).Equals("then", StringComparison.OrdinalIgnoreCase) && text[m.Index - 1] is ' ' or '-'
            && (m.Index == 5 || !char.IsLetter(text[m.Index - 6]));
        var c = then ? Add(into, m.Index - 5, m.Index + m.Length, Rule.Fixed, -1) : Add(into, m, Rule.Fixed, -1);
        c.Type = TimexType.Date;
        c.Value = then ? "PAST_REF" : m.Groups["present"].Success ? "PRESENT_REF" : m.Groups["past"].Success ? "PAST_REF" : "FUTURE_REF";
    }

    private static void Holiday(Match m, string text, List<Candidate> into)
    {
        var c = Add(into, m, Rule.Holiday, 1);
        c.Holiday = string.Join(' ', m.Groups["hol"].Value.Replace('’', '\'').Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        c.Relative = Relative(m.Groups["rel"]);
        c.Year = m.Groups["year"].Success ? Int(m.Groups["year"]) : Candidate.None;
        // "Easter week", "Thanksgiving weekend": the ISO week (or its weekend) that holds the day; Ramadan is a month already.
        c.Grain = m.Groups["week"].Success && c.Holiday != "Ramadan"
            ? m.Groups["week"].ValueSpan.Length > 4 ? Grain.Weekend : Grain.Week
            : Grain.Day;
    }

    // ---- words around a match ----

    /// <summary>Unit words are written in lower case except at the start of a sentence ("60 Minutes" is a programme).</summary>
    private static bool LowerOrSentenceStart(string text, Group unit) =>
        !char.IsUpper(unit.Value[0]) || IsSentenceStart(text, unit.Index) && (unit.Index == 0 || !char.IsLetterOrDigit(text[unit.Index - 1])) && PreviousWord(text, unit.Index).Length == 0
        || unit.Value.All(char.IsUpper);

    internal static ReadOnlySpan<char> PreviousWord(string text, int at)
    {
        int i = at - 1;
        while (i >= 0 && char.IsWhiteSpace(text[i]))
            i--;
        int end = i + 1;
        while (i >= 0 && (char.IsLetterOrDigit(text[i]) || text[i] == '.' && i > 0 && char.IsLetter(text[i - 1])))
            i--;
        return text.AsSpan(i + 1, end - i - 1);
    }

    internal static ReadOnlySpan<char> NextWord(string text, int at)
    {
        int i = at;
        while (i < text.Length && char.IsWhiteSpace(text[i]))
            i++;
        int start = i;
        while (i < text.Length && char.IsLetterOrDigit(text[i]))
            i++;
        return text.AsSpan(start, i - start);
    }

    internal static bool IsSentenceStart(string text, int at)
    {
        int i = at - 1;
        while (i >= 0 && (char.IsWhiteSpace(text[i]) || text[i] is '"' or '“' or '\'' or '‘' or '`' or '(' or '['))
            i--;
        return i < 0 || text[i] is '.' or '!' or '?' or ':' or '\n' || i >= 0 && char.IsWhiteSpace(text[i]);
    }
}

/// <summary>A window of the text in which a pattern gave up (its match timeout) and its remaining matches were lost.</summary>
internal readonly record struct LostWindow(string Pattern, int Start, int End, TimeSpan After)
{
    /// <summary>The document note ("times: …") that says so: which pattern, where, and that times there may be missing.</summary>
    public string Note() => string.Create(System.Globalization.CultureInfo.InvariantCulture,
        $"the time pattern '{Pattern}' gave up after {After.TotalSeconds:0.###} s on characters {Start}-{End}; times there may be missing");
}

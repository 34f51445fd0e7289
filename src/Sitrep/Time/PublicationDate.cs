using System.Globalization;
using System.Text.RegularExpressions;

namespace Sitrep.Time;

/// <summary>
/// The publication date of an article: a stated one normalised, or one inferred from what the
/// article says when nothing states it. It cannot have been published before the latest date it
/// reports, and a year written anywhere in it anchors the dates written without one. Reads the text
/// through <see cref="TimeExpressions"/>, the one temporal tagger.
/// </summary>
public static partial class PublicationDate
{
    /// <summary>Words that put a date in the future of the article ("will meet on May 3", "until June 1").</summary>
    [GeneratedRegex("""(?i)\b(will|would|could|might|until|till|through|scheduled|slated|set\s+to|due|next|upcoming|planned|expected|deadline|by\s+no\s+later\s+than|ahead\s+of)\b[^.;!?]{0,30}$""", RegexOptions.None, RegexTimeouts.Milliseconds)]
    private static partial Regex FutureContext();

    /// <summary>
    /// A date used as a name or a memory rather than a report: "the Sept. 11, 2001, attacks", "the Jan. 6
    /// riot", "post-Sept. 11", an anniversary, a file photo.
    /// </summary>
    [GeneratedRegex("""(?i)(\b(the|a|an)\s*|\bpost-|\bpre-)$|\b(anniversar\w*|commemorat\w*|FILE|file\s+photo|archives?|remember\w*|since)\b[^.;!?]{0,30}$""", RegexOptions.None, RegexTimeouts.Milliseconds)]
    private static partial Regex NameOrMemoryBefore();

    [GeneratedRegex("""(?i)^[\s,]{0,3}(-style|anniversary|file\s+photo|attacks?\b|terror|riot|insurrection|era\b|generation\b)""", RegexOptions.None, RegexTimeouts.Milliseconds)]
    private static partial Regex NameOrMemoryAfter();

    /// <summary>
    /// What introduces a date the page itself carries: "Published Feb. 23, 2021", a signed post "(@handle) May 3,
    /// 2020", a dated citation "(Washington Free Beacon, 31 March 2020)", a line that starts with it or with a
    /// dateline ("WASHINGTON, …") or a byline ("By …"). The label opens its line or sentence, follows a separator,
    /// or is the page's own ("This story was first published …"): after a noun it dates something the story cites
    /// ("an essay published Dec. 23, 2019", "the report, dated Sept. 14, 2011"), which is as often years old.
    /// </summary>
    [GeneratedRegex("""(?i)(((^|\n|[.!?|•·:(\[\u2013\u2014-]\s*|\b(was|is|been|were|first|originally|last)\s+)(published|updated|posted|last\s+modified|corrected|correction|dated)|(?-i:\b(Published|Updated|Posted|Last\s+[Mm]odified|Corrected|Correction|Dated)))\b[^.!?\n]{0,25}|\(@\w+\)\s*|\([^()\n]{1,60},\s*|(^|\n)(?-i:[\p{Lu}\p{P}\s]{0,30}|By\s[^.!?\n]{0,40}))$""", RegexOptions.None, RegexTimeouts.Milliseconds)]
    private static partial Regex PageDateBefore();

    /// <summary>"on" just before a day, a weekday between them or not ("reported on March 29", "On Saturday, March 28"): a day something happened on, not one set ("starting Oct. 1", "returns to session Sept. 25", "from June 2 to June 9").</summary>
    [GeneratedRegex("""(?i)\bon\s+((monday|tuesday|wednesday|thursday|friday|saturday|sunday),?\s+)?$""", RegexOptions.None, RegexTimeouts.Milliseconds)]
    private static partial Regex OnBefore();

    /// <summary>A text that looks back decades ("Seventy years ago on that day", "the 75th anniversary"): its days written without a year may be the history's.</summary>
    [GeneratedRegex("""(?i)\b(\d{2,3}|(ten|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred)(-\w+)?)\s+years\s+(ago|earlier|before)\b|\b(\d{2,3}(st|nd|rd|th)|\w+(tieth|tenth|hundredth)|\w+-\w+(th|st|nd|rd))\s+anniversary\b""", RegexOptions.None, RegexTimeouts.Milliseconds)]
    private static partial Regex LooksBackDecades();

    /// <summary>A weekday written just before a date ("on Tuesday, Nov. 4").</summary>
    [GeneratedRegex("""(?i)\b(?<day>monday|tuesday|wednesday|thursday|friday|saturday|sunday)\s*,?\s*$""", RegexOptions.None, RegexTimeouts.Milliseconds)]
    private static partial Regex WeekdayBefore();

    [GeneratedRegex("""(?i)^(?<day>monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b""", RegexOptions.None, RegexTimeouts.Milliseconds)]
    private static partial Regex WeekdayAtStart();

    /// <summary>
    /// The publication date that <paramref name="texts"/> imply, as yyyy-MM-dd; null when in doubt, since a
    /// wrong date is worse than none. Only a day the page itself carries ("Published Feb. 23, 2021", a line
    /// that starts with it, a signed post) or one a weekday ties to the week of the news ("on Monday, May
    /// 9, 2022") counts; the latest of them wins, as the article is at least that late. A year-less day
    /// borrows the latest year the text names only when its weekday falls in that year ("Tuesday, Nov. 4").
    /// A day used as a name or a memory ("the Sept. 11, 2001, attacks", an anniversary, a file photo)
    /// reports nothing, and a day before a year or month the text reports as past ("Aug. 6, 1945" in a
    /// text that speaks of 2017) is history. Days reported within the week after the page's day are later
    /// news of the same run; with no page day, a year-less day something happened "on" within the week after
    /// one written with its year is this year's news (not in a text that looks back decades). Measured on
    /// AllSides full texts with their dates removed (2026-12-04): 88 guesses for 1,312 articles, 81% within
    /// [-7, +1] days of the true date (was 421, 28%); with their dates and addresses removed (2026-12-07, seed
    /// 7173): 117 guesses of 1,200, 80% of the 107 with a stated date within [-7, +1], now 111 and 85%.
    /// </summary>
    public static string? Infer(IEnumerable<string> texts, int? currentYear = null)
    {
        ArgumentNullException.ThrowIfNull(texts);
        int maxYear = currentYear ?? DateTime.UtcNow.Year;
        var days = new List<(string Text, TimeExpression Time, int Year, int Month, int Day)>();
        // The earliest the article can be: the first day of the latest year, month, season or quarter the
        // text reports as past ("in 2017", "since November 2023", "in the autumn of 2023").
        DateOnly? notBefore = null;
        int? anchor = null;
        bool looksBack = false;
        foreach (var text in texts)
        {
            if (string.IsNullOrEmpty(text))
                continue;
            looksBack |= LooksBackDecades().IsMatch(text);
            // The candidates are kept for the times stage, which reads the body against the date found here.
            foreach (var t in TimeExpressions.FindKeeping(text))
            {
                // Only dates the text writes out count: "the next morning" is read from one of them.
                if (t.Type is not (TimexType.Date or TimexType.Time) || t.Anchor != TimeAnchor.None)
                    continue;
                var v = t.Value.AsSpan();
                DateOnly? past = null;
                if (IsYear(v, out int year))
                {
                    if (year >= 1 && year <= maxYear)
                    {
                        anchor = anchor is null ? year : Math.Max(anchor.Value, year);
                        if (!InFutureContext(text, t))
                            past = new DateOnly(year, 1, 1);
                    }
                }
                else if (PeriodStart(v) is { } start)
                {
                    if (!InFutureContext(text, t) && start.Year <= maxYear)
                        past = start;
                }
                else if (DayParts(v, out int y, out int month, out int day))
                {
                    days.Add((text, t, y, month, day));
                    if (y > 0 && y <= maxYear + 1)
                        anchor = anchor is null ? y : Math.Max(anchor.Value, y);
                }
                if (past is { } p && (notBefore is null || p > notBefore))
                    notBefore = p;
            }
        }
        // The days the text reports, each with whether the page carries it or a weekday ties it to the news.
        DateOnly? latest = null;
        var reported = new List<(DateOnly Date, bool YearWritten, bool On)>();
        foreach (var (text, t, y, month, day) in days)
        {
            if (InFutureContext(text, t) || IsNameOrMemory(text, t))
                continue;
            var weekday = WrittenWeekday(text, t);
            int year = y > 0 ? y : anchor ?? 0;
            // Next year's days are allowed: a page dated just after New Year, read on a clock still in December.
            if (year <= 0 || year > maxYear + 1 || day > DateTime.DaysInMonth(year, month))
                continue;
            var date = new DateOnly(year, month, day);
            // A weekday that does not fit the date: one of the two is wrong, so neither dates the article.
            if (weekday is { } w && date.DayOfWeek != w)
                continue;
            if (notBefore is { } nb && date < nb)
                continue;
            reported.Add((date, y > 0, IsOnDay(text, t)));
            // A borrowed year stands only when the weekday written with the day falls in it (checked above).
            if (y <= 0 && weekday is null)
                continue;
            // Only a day the page itself carries or one a weekday ties to the week of the news dates the
            // article alone: a day the story recalls ("on Feb. 28, 2020, an email arrived"), or a photo
            // credit's (file photos), is too often months or years old.
            if (weekday is null && !IsPageDate(text, t))
                continue;
            if (latest is null || date > latest)
                latest = date;
        }
        // The news runs on from a day the page carries: a day reported within the week after it is later news of
        // the same run ("on Saturday March 28 … reported on March 29"). Without its year, only a day something
        // happened "on": a day set ahead ("returns to session Sept. 25", "starting Oct. 1", "from June 2 to June 9")
        // is not news yet.
        if (latest is { } l)
        {
            foreach (var (d, yearWritten, on) in reported)
            {
                if (d > latest && d.DayNumber <= l.DayNumber + 7 && (yearWritten || (on && !looksBack)))
                    latest = d;
            }
        }
        // Otherwise a day written without its year, that something happened "on", within the week after one
        // written with it: writers drop the year for this year's news, so "March 31, 2020 … On April 1" is a run of
        // news in 2020, while a lone day, or one whose year only a bare year elsewhere supplies ("Oct. 1" beside
        // "the 2020 election"), is as often a memory. Not in a text that looks back decades: "on June 8" after
        // "June 6, 1944" in a piece that says "Seventy years ago" is the history's.
        else if (!looksBack)
        {
            foreach (var (d, yearWritten, on) in reported)
            {
                if (!yearWritten && on && (latest is null || d > latest)
                    && reported.Exists(r => r.YearWritten && r.Date < d && r.Date.DayNumber >= d.DayNumber - 7))
                {
                    latest = d;
                }
            }
        }
        return latest?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    }

    /// <summary>A colon after a date ("March 13: Trump says …"): an entry of a timeline or a list, not the page's date.</summary>
    [GeneratedRegex("""^[ \t]*:(?![ \t]*\d)""", RegexOptions.None, RegexTimeouts.Milliseconds)]
    private static partial Regex EntryColonAfter();

    private static bool IsPageDate(string text, TimeExpression t)
    {
        int to = Math.Min(text.Length, t.End + 10);
        if (EntryColonAfter().IsMatch(text.AsSpan(t.End, to - t.End).ToString()))
            return false;
        int from = Math.Max(0, t.Start - 60);
        return PageDateBefore().IsMatch(text.AsSpan(from, t.Start - from).ToString());
    }

    private static bool IsOnDay(string text, TimeExpression t)
    {
        int from = Math.Max(0, t.Start - 20);
        return OnBefore().IsMatch(text.AsSpan(from, t.Start - from).ToString());
    }

    private static bool IsNameOrMemory(string text, TimeExpression t)
    {
        int from = Math.Max(0, t.Start - 60);
        if (NameOrMemoryBefore().IsMatch(text.AsSpan(from, t.Start - from).ToString()))
            return true;
        int to = Math.Min(text.Length, t.End + 40);
        return NameOrMemoryAfter().IsMatch(text.AsSpan(t.End, to - t.End).ToString());
    }

    private static DayOfWeek? WrittenWeekday(string text, TimeExpression t)
    {
        var m = WeekdayAtStart().Match(text.Substring(t.Start, t.End - t.Start));
        if (!m.Success)
        {
            int from = Math.Max(0, t.Start - 20);
            m = WeekdayBefore().Match(text.AsSpan(from, t.Start - from).ToString());
        }
        return m.Success && Enum.TryParse<DayOfWeek>(m.Groups["day"].Value, ignoreCase: true, out var d) ? d : null;
    }

    private static bool InFutureContext(string text, TimeExpression t)
    {
        int from = Math.Max(0, t.Start - 60);
        return FutureContext().IsMatch(text.AsSpan(from, t.Start - from).ToString());
    }

    /// <summary>The first day of a month ("2023-11"), season ("2023-FA") or quarter ("2023-Q4") value; null for anything else.</summary>
    private static DateOnly? PeriodStart(ReadOnlySpan<char> v)
    {
        if (v.Length != 7 || v[4] != '-' || !int.TryParse(v[..4], NumberStyles.None, CultureInfo.InvariantCulture, out int year) || year < 1)
            return null;
        var part = v[5..];
        if (int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out int month) && month is >= 1 and <= 12)
            return new DateOnly(year, month, 1);
        int? start = part switch
        {
            "SP" => 3,
            "SU" => 6,
            "FA" => 9,
            "WI" => 12,
            "Q1" => 1,
            "Q2" => 4,
            "Q3" => 7,
            "Q4" => 10,
            _ => null,
        };
        return start is { } m ? new DateOnly(year, m, 1) : null;
    }

    /// <summary>A stated date in any common form, as ISO: a date, or a UTC date-time when a time is given.</summary>
    public static string? Normalize(string? stated)
    {
        if (string.IsNullOrWhiteSpace(stated))
            return null;
        var s = stated.Trim();
        if (DateOnly.TryParseExact(s, ["yyyy-MM-dd", "yyyy/MM/dd", "yyyyMMdd"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
            return d.Year < EarliestYear || d > Latest() ? null : d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        if (DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces, out var dto))
        {
            if (dto.UtcDateTime.Year < EarliestYear || DateOnly.FromDateTime(dto.UtcDateTime) > Latest())
                return null;
            bool hasTime = s.Contains(':', StringComparison.Ordinal);
            // "2025-06-25T20:57:54-04:00" keeps its offset: the day is the one the outlet published on where it is (in UTC
            // it would be the 26th), and every reader of the publication day takes the first ten characters.
            return !hasTime ? dto.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
                : dto.Offset == TimeSpan.Zero ? dto.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)
                : dto.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
        }
        foreach (var t in TimeExpressions.Find(s, published: null))
        {
            if (DayParts(t.Value, out int y, out int month, out int day) && y >= EarliestYear && new DateOnly(y, month, day) <= Latest())
                return new DateOnly(y, month, day).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }
        return null;
    }

    /// <summary>
    /// A stated date before this year is a placeholder, not a date: a page's "datePublished" of
    /// "0001-01-01T00:00:00Z" (an unset timestamp in Go, .NET's DateTime.MinValue) names no day, and a
    /// publication day at the calendar's first days breaks every date counted back from it.
    /// </summary>
    private const int EarliestYear = 1000;

    /// <summary>
    /// The latest stated publication day taken: two days after today (UTC; a page dated in a time zone ahead, a clock
    /// a little fast). A later one is a mistake in the data, not a day the article was published ("2050-09-30" for an
    /// article about the year 2050): it names no day, and the next source (a printed date, the text) gives it.
    /// </summary>
    private static DateOnly Latest() => DateOnly.FromDateTime(DateTime.UtcNow).AddDays(2);

    /// <summary>A day written in a path ("/2020/03/31/", "/news/2018-07-20-1408/"): news sites' content systems write the day of first publication into the address.</summary>
    [GeneratedRegex(@"/((?:19|20)\d{2})[/-](\d{2})[/-](\d{2})(?:/|\b)", RegexOptions.None, RegexTimeouts.Milliseconds)]
    private static partial Regex UrlDate();

    /// <summary>
    /// The day an article's address writes ("https://example.com/2020/03/31/story"), as yyyy-MM-dd; null when it
    /// writes none, or one that is no day or lies in the future. The page's own, like a printed date, so not inferred.
    /// </summary>
    internal static string? UrlDay(string? url)
    {
        if (string.IsNullOrEmpty(url) || UrlDate().Match(url) is not { Success: true } u)
            return null;
        return Normalize($"{u.Groups[1].Value}-{u.Groups[2].Value}-{u.Groups[3].Value}");
    }

    /// <summary>Whether the text names a full date with its year ("March 31, 2020", "2020-03-31"): a dateline does.</summary>
    public static bool NamesDatedDay(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (var t in TimeExpressions.Find(text, published: null))
        {
            if (t.Type is TimexType.Date or TimexType.Time && DayParts(t.Value, out int y, out _, out _) && y > 0)
                return true;
        }
        return false;
    }

    private static bool IsYear(ReadOnlySpan<char> v, out int year)
    {
        year = 0;
        return v.Length == 4 && int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out year);
    }

    /// <summary>The parts of "2020-03-31" or "XXXX-03-31" (year 0), optionally followed by a time.</summary>
    private static bool DayParts(ReadOnlySpan<char> v, out int year, out int month, out int day)
    {
        year = month = day = 0;
        if (v.Length < 10 || v[4] != '-' || v[7] != '-' || v.Length > 10 && v[10] != 'T')
            return false;
        if (!v[..4].SequenceEqual("XXXX") && !int.TryParse(v[..4], NumberStyles.None, CultureInfo.InvariantCulture, out year))
            return false;
        return int.TryParse(v.Slice(5, 2), NumberStyles.None, CultureInfo.InvariantCulture, out month)
            && int.TryParse(v.Slice(8, 2), NumberStyles.None, CultureInfo.InvariantCulture, out day)
            && month is >= 1 and <= 12 && day is >= 1 and <= 31;
    }
}

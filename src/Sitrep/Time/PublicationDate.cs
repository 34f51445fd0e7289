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
    [GeneratedRegex("""(?i)\b(will|would|until|till|scheduled|due|next|upcoming|planned|expected|deadline|by\s+no\s+later\s+than|ahead\s+of)\b[^.;!?]{0,30}$""", RegexOptions.None, 10_000)]
    private static partial Regex FutureContext();

    /// <summary>The latest date that <paramref name="texts"/> report, as yyyy-MM-dd; null when none is dated.</summary>
    public static string? Infer(IEnumerable<string> texts, int? currentYear = null)
    {
        ArgumentNullException.ThrowIfNull(texts);
        int maxYear = currentYear ?? DateTime.UtcNow.Year;
        var days = new List<(string Text, TimeExpression Time, int Year, int Month, int Day)>();
        var years = new List<int>();
        // The first day of every month, season or quarter the text reports with its year ("since November
        // 2023", "in the autumn of 2023"): the article is later than each of them.
        var reported = new List<DateOnly>();
        int? anchor = null;
        foreach (var text in texts)
        {
            if (string.IsNullOrEmpty(text))
                continue;
            // The candidates are kept for the times stage, which reads the body against the date found here.
            foreach (var t in TimeExpressions.FindKeeping(text))
            {
                // Only dates the text writes out count: "the next morning" is read from one of them.
                if (t.Type is not (TimexType.Date or TimexType.Time) || t.Anchor != TimeAnchor.None)
                    continue;
                var v = t.Value.AsSpan();
                if (IsYear(v, out int year))
                {
                    years.Add(year);
                }
                else if (PeriodStart(v) is { } start && !InFutureContext(text, t))
                {
                    reported.Add(start);
                }
                else if (DayParts(v, out int y, out int month, out int day))
                {
                    days.Add((text, t, y, month, day));
                    if (y > 0 && y <= maxYear + 1)
                        anchor = anchor is null ? y : Math.Max(anchor.Value, y);
                }
            }
        }
        // Without a full date, a bare year named anywhere anchors the dates written without one.
        if (anchor is null)
        {
            foreach (int y in years)
            {
                if (y <= maxYear)
                    anchor = anchor is null ? y : Math.Max(anchor.Value, y);
            }
        }
        DateOnly? latest = null;
        foreach (var (text, t, y, month, day) in days)
        {
            if (InFutureContext(text, t))
                continue;
            int year = y > 0 ? y : anchor ?? 0;
            if (year <= 0 || year > maxYear + 1 || day > DateTime.DaysInMonth(year, month))
                continue;
            var date = new DateOnly(year, month, day);
            // A day whose year was borrowed from elsewhere in the text cannot come before a month the
            // text reports as past ("4 March" with "since November 2023": not March 2023). Which later
            // year it is the text does not say, so the day gives no date at all.
            if (y <= 0 && reported.Exists(r => r > date))
                continue;
            if (latest is null || date > latest)
                latest = date;
        }
        return latest?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
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
            return d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        if (DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces, out var dto))
        {
            bool hasTime = s.Contains(':', StringComparison.Ordinal);
            return hasTime
                ? dto.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)
                : dto.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }
        foreach (var t in TimeExpressions.Find(s, published: null))
        {
            if (DayParts(t.Value, out int y, out int month, out int day) && y > 0)
                return new DateOnly(y, month, day).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }
        return null;
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

using System.Buffers;

namespace Sitrep.Time;

/// <summary>
/// The words without which a pattern cannot match ("year" for "two years ago", a month name for
/// "March 11"). The recognizer finds them with one vectorised search per set and runs each pattern
/// only in windows around them, instead of trying its optional words at every position of the text.
/// Substrings are enough ("day" finds "Monday" and "today"): a trigger only says where to look.
/// </summary>
internal sealed class Triggers
{
    private readonly SearchValues<string>? _words;
    private readonly bool _digits;
    private readonly bool _wordStart;

    /// <param name="wordStart">Only where a word begins ("day" in "two days", not in "Monday"); false for suffixes such as "0s".</param>
    private Triggers(int id, string[] words, bool digits, bool wordStart = true)
    {
        Id = id;
        _words = words.Length > 0 ? SearchValues.Create(words, StringComparison.OrdinalIgnoreCase) : null;
        _digits = digits;
        _wordStart = wordStart;
    }

    /// <summary>Index of this set in <see cref="All"/>: positions are found once per set and text.</summary>
    public int Id { get; }

    public static readonly Triggers Units = new(0, ["second", "minute", "mins", "hour", "hrs", "day", "night", "week", "fortnight", "month",
        "quarter", "year", "decade", "centur", "millenni"], false);

    public static readonly Triggers Months = new(1, ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"], false);

    public static readonly Triggers Weekdays = new(2, ["mon", "tue", "wed", "thu", "fri", "sat", "sun"], false);

    public static readonly Triggers Digits = new(3, [], true);

    public static readonly Triggers DaysOfNow = new(4, ["today", "yesterday", "tomorrow", "tonight", "morning", "afternoon", "evening", "night"], false);

    public static readonly Triggers Clock = new(5, [":", "a.m", "p.m", "am", "pm", "gmt", "utc", "hours", "hrs", "local time", "noon", "midnight",
        "midday", "clock", "in the morning", "in the afternoon", "in the evening"], false);

    public static readonly Triggers References = new(6, ["now", "current", "recent", "late", "past", "future", "these days", "present", "moment", "term"], false);

    public static readonly Triggers Named = new(7, ["christmas", "new year", "thanksgiving", "easter", "good friday", "halloween", "valentine",
        "fourth of july", "july fourth", "labor day", "labour day", "memorial day", "veterans day", "election day", "boxing day", "nowruz",
        "norouz", "ramadan", "eid "], false);

    public static readonly Triggers Spelled = new(8, ["nineteen", "twenty", "thousand"], false);

    public static readonly Triggers Seasons = new(9, ["spring", "summer", "fall", "autumn", "winter"], false);

    public static readonly Triggers Quarters = new(10, ["quarter", "half", "q1", "q2", "q3", "q4", "1h", "2h", "h1", "h2", "period", "year-ago", "year-earlier"], false);

    public static readonly Triggers Centuries = new(11, ["century"], false);

    public static readonly Triggers Decades = new(12, ["0s", "0's", "0’s", "ties"], false, wordStart: false);

    public static readonly Triggers Frequencies = new(13, ["daily", "weekly", "monthly", "annually", "yearly", "quarterly", "hourly", "nightly",
        "biannually", "biennially", "annually", "fortnightly", "bimonthly", "weekly"], false);

    public static readonly Triggers Names = new(14, ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today",
        "daily", "fall of"], false);

    public static readonly Triggers Old = new(15, ["old"], false);

    public static readonly Triggers Every = new(16, ["every", "each", "per"], false);

    public static readonly Triggers Periods = new(17, ["week", "month", "year", "quarter", "decade", "day", "night", "morning", "afternoon", "evening"], false);

    public static readonly Triggers Weekends = new(18, ["weekend"], false);

    public static readonly Triggers Rates = new(19, ["a day", "a night", "a week", "a month", "a year", "an hour", "a quarter", "per day", "per night",
        "per week", "per month", "per year", "per hour", "per quarter"], false);

    public static readonly Triggers Long = new(20, ["-long"], false, wordStart: false);

    public static readonly Triggers Times = new(21, ["once", "twice", "thrice", "times"], false);

    public const int Count = 22;

    /// <summary>Every position in <paramref name="text"/> where one of the words (or a digit) begins.</summary>
    public List<int> Find(string text)
    {
        var found = new List<int>();
        var span = text.AsSpan();
        if (_words is not null)
        {
            int at = 0;
            while (at < span.Length)
            {
                int i = span[at..].IndexOfAny(_words);
                if (i < 0)
                    break;
                if (!_wordStart || at + i == 0 || !char.IsLetter(span[at + i - 1]))
                    found.Add(at + i);
                at += i + 1;
            }
        }
        if (_digits)
        {
            int at = 0;
            while (at < span.Length)
            {
                int i = span[at..].IndexOfAnyInRange('0', '9');
                if (i < 0)
                    break;
                found.Add(at + i);
                // One position per run of digits is enough.
                at += i + 1;
                while (at < span.Length && char.IsAsciiDigit(span[at]))
                    at++;
            }
            if (_words is not null)
                found.Sort();
        }
        return found;
    }
}

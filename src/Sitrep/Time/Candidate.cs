namespace Sitrep.Time;

/// <summary>Which pattern found a candidate, and so how it is read.</summary>
internal enum Rule : byte
{
    /// <summary>Text that looks temporal but is not (an age, a newspaper's name): it wins its span and yields nothing.</summary>
    Block,
    Calendar,
    MonthDay,
    Month,
    Year,
    Decade,
    Century,
    Season,
    Quarter,
    NamedQuarter,
    Weekday,
    Weekend,
    Deictic,
    RelativePeriod,
    Anaphoric,
    TheYear,
    Ago,
    Fixed,
    Clock,
    Holiday,
}

/// <summary>A span a pattern proposed, with what it read; <see cref="TimexTagger"/> keeps the longest and resolves them in text order.</summary>
internal sealed class Candidate
{
    public const int None = int.MinValue;

    public int Start;
    public int End;

    /// <summary>The order in which the patterns found it, which breaks ties between equal candidates.</summary>
    public int Found;

    /// <summary>"the next week (month, quarter, year)": from the last date named only in a past clause, else from the reference date.</summary>
    public bool TheNext;
    public Rule Rule;

    /// <summary>Breaks ties between candidates of one span: higher wins.</summary>
    public int Priority;

    public int Year = None;
    public int Month = None;
    public int Day = None;
    public int Weekday = None;
    public int Quarter = None;
    public int Hour = None;
    public int Minute;

    /// <summary>last = -1, this = 0, next = +1, or <see cref="None"/>.</summary>
    public int Relative = None;

    /// <summary>"June last year": the year relative to the reference, or <see cref="None"/>.</summary>
    public int YearRelative = None;

    public Grain Grain;
    public double? Count;
    public string? Unit;
    public string? Mod;

    /// <summary>The TIMEX3 part of the day ("MO", "AF", "EV", "NI", "MI").</summary>
    public string? Part;

    public TimexType Type = TimexType.Date;

    /// <summary>A value known from the words alone: durations, sets, PRESENT_REF.</summary>
    public string? Value;

    /// <summary>Read against an earlier date in the text rather than the publication date.</summary>
    public bool TextAnchored;

    /// <summary>The same period a year (or more) before: "the year-earlier quarter".</summary>
    public int YearShift;

    /// <summary>A clock time followed by its day ("9 a.m. Tuesday"): the day's candidate.</summary>
    public Candidate? DayPart;

    public string? Holiday;

    /// <summary>
    /// A year-less month or day listed before a dated one ("in August and September 2016", "from December to March 2017"):
    /// the year the list gives it (the year before when its month comes later in the calendar), else <see cref="None"/>.
    /// </summary>
    public int ListYear = None;

    /// <summary>
    /// "November of that year", "in March of the following year", "from August to November of that year": a year-less
    /// month or day whose year is an anaphoric one after "of" (0 that/the same year, +1 the following, -1 the previous),
    /// resolved before the month is placed in it; else <see cref="None"/>.
    /// </summary>
    public int YearAnaphor = None;

    /// <summary>"that year" in "November of that year": the year of the month before it, not a year of its own.</summary>
    public bool OfMonth;

    /// <summary>For a clock time: the next day-naming candidate in the text, which may be its day.</summary>
    public Candidate? NextDay;

    /// <summary>The candidate whose surroundings give this one's tense ("until 9 a.m. Tuesday": the clock time's).</summary>
    public Candidate? TenseFrom;

    /// <summary>"earlier this month": the range stops at the reference date (-1) or starts after it (+1).</summary>
    public int Side;

    /// <summary>"the week of March 6": the day stands for the week that holds it.</summary>
    public bool WeekOf;

    /// <summary>"the day before last Tuesday's hearing": days to add to the day the rest of the span names (-1, +1).</summary>
    public int DayShift;

    /// <summary>"year-end": the day stands for the year it ends (TIMEX3: the year with mod END); the day picks the year.</summary>
    public bool YearOf;

    /// <summary>
    /// "the latest quarter", "the year-ago period": a quarter whose results are reported, so one that is
    /// over by the reference date; a quarter the text looks ahead to ("a fourth-quarter charge") is not it.
    /// </summary>
    public bool Reported;

    /// <summary>"that day", "the same week": the period an earlier date of the text names, else no time at all.</summary>
    public bool NeedsAntecedent;

    /// <summary>"Oct. 12, the day before the plunge": restates the date that ends right before its comma, or is no time.</summary>
    public bool Apposition;

    public int Length => End - Start;

    public bool Overlaps(Candidate other) => Start < other.End && other.Start < End;
}

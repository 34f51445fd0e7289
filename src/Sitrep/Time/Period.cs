using System.Globalization;

namespace Sitrep.Time;

/// <summary>How much of the calendar a value names, finest first.</summary>
internal enum Grain : byte
{
    Day,
    Weekend,
    Week,
    Month,
    Quarter,
    Half,
    Season,
    Year,
    Decade,
    Century,
}

/// <summary>
/// A calendar period: its grain and first day. Weeks are ISO weeks (starting Monday), a weekend is
/// the Saturday and Sunday of one, seasons are meteorological (spring = March to May, winter =
/// December to February, named by the year of its December).
/// </summary>
internal readonly record struct Period(Grain Grain, DateOnly Start)
{
    public static Period OfDay(DateOnly d) => new(Grain.Day, d);

    /// <summary>The period of <paramref name="grain"/> that holds <paramref name="d"/>.</summary>
    public static Period Containing(Grain grain, DateOnly d) => grain switch
    {
        Grain.Day => new(grain, d),
        Grain.Week => new(grain, d.AddDays(-(((int)d.DayOfWeek + 6) % 7))),
        Grain.Weekend => new(grain, d.AddDays(-(((int)d.DayOfWeek + 6) % 7) + 5)),
        Grain.Month => new(grain, new DateOnly(d.Year, d.Month, 1)),
        Grain.Quarter => new(grain, new DateOnly(d.Year, (d.Month - 1) / 3 * 3 + 1, 1)),
        Grain.Half => new(grain, new DateOnly(d.Year, d.Month <= 6 ? 1 : 7, 1)),
        Grain.Season => d.Month switch
        {
            12 => new(grain, new DateOnly(d.Year, 12, 1)),
            1 or 2 => new(grain, new DateOnly(d.Year - 1, 12, 1)),
            _ => new(grain, new DateOnly(d.Year, (d.Month - 3) / 3 * 3 + 3, 1)),
        },
        Grain.Year => new(grain, new DateOnly(d.Year, 1, 1)),
        Grain.Decade => new(grain, new DateOnly(d.Year / 10 * 10 == 0 ? 1 : d.Year / 10 * 10, 1, 1)),
        _ => new(grain, new DateOnly(Math.Max(1, d.Year / 100 * 100), 1, 1)),
    };

    /// <summary>The last day of the period.</summary>
    public DateOnly End => Grain switch
    {
        Grain.Day => Start,
        Grain.Weekend => Start.AddDays(1),
        Grain.Week => Start.AddDays(6),
        Grain.Month => Start.AddMonths(1).AddDays(-1),
        Grain.Quarter or Grain.Season => Start.AddMonths(3).AddDays(-1),
        Grain.Half => Start.AddMonths(6).AddDays(-1),
        Grain.Year => Start.AddYears(1).AddDays(-1),
        Grain.Decade => new DateOnly(Start.Year / 10 * 10 + 9, 12, 31),
        _ => new DateOnly(Start.Year / 100 * 100 + 99, 12, 31),
    };

    /// <summary>The period <paramref name="n"/> of its own grain later (earlier when negative).</summary>
    public Period Shift(int n) => Grain switch
    {
        Grain.Day => new(Grain, Start.AddDays(n)),
        Grain.Week or Grain.Weekend => new(Grain, Start.AddDays(7 * n)),
        Grain.Month => new(Grain, Start.AddMonths(n)),
        Grain.Quarter or Grain.Season => new(Grain, Start.AddMonths(3 * n)),
        Grain.Half => new(Grain, Start.AddMonths(6 * n)),
        Grain.Year => new(Grain, Start.AddYears(n)),
        Grain.Decade => new(Grain, Start.AddYears(10 * n)),
        _ => new(Grain, Start.AddYears(100 * n)),
    };

    /// <summary>The same period one or more years away ("the year-earlier quarter").</summary>
    public Period ShiftYears(int years) => Grain switch
    {
        Grain.Week or Grain.Weekend => Containing(Grain, Start.AddYears(years)),
        _ => new(Grain, Start.AddYears(years)),
    };

    public DateRange Range => new(Start, End);

    /// <summary>The TIMEX3 value: 2020-03-27, 2020-W13, 2020-W13-WE, 2020-03, 2020-Q1, 2020-H1, 2020-SU, 2020, 202, 20.</summary>
    public string Value
    {
        get
        {
            var c = CultureInfo.InvariantCulture;
            return Grain switch
            {
                Grain.Day => Start.ToString("yyyy-MM-dd", c),
                Grain.Week => IsoWeek(Start),
                Grain.Weekend => IsoWeek(Start) + "-WE",
                Grain.Month => Start.ToString("yyyy-MM", c),
                Grain.Quarter => $"{Start.Year:D4}-Q{(Start.Month - 1) / 3 + 1}",
                Grain.Half => $"{Start.Year:D4}-H{(Start.Month <= 6 ? 1 : 2)}",
                Grain.Season => $"{Start.Year:D4}-{Start.Month switch { 3 => "SP", 6 => "SU", 9 => "FA", _ => "WI" }}",
                Grain.Year => Start.Year.ToString("D4", c),
                Grain.Decade => (Start.Year / 10).ToString("D3", c),
                _ => (Start.Year / 100).ToString("D2", c),
            };
        }
    }

    private static string IsoWeek(DateOnly d)
    {
        var dt = d.ToDateTime(TimeOnly.MinValue);
        return $"{ISOWeek.GetYear(dt):D4}-W{ISOWeek.GetWeekOfYear(dt):D2}";
    }

    /// <summary>
    /// The first, middle or last part of the period (early, mid, late): a month's 1-10, 11-20, 21-end;
    /// a year's January-April, May-August, September-December; a decade's years 0-3, 4-6, 7-9; other
    /// periods in thirds of their days.
    /// </summary>
    public DateRange Part(string? mod)
    {
        if (Grain == Grain.Day || mod is not ("START" or "MID" or "END"))
            return Range;
        int part = mod switch { "START" => 0, "MID" => 1, _ => 2 };
        switch (Grain)
        {
            case Grain.Month:
                return part switch
                {
                    0 => new(Start, Start.AddDays(9)),
                    1 => new(Start.AddDays(10), Start.AddDays(19)),
                    _ => new(Start.AddDays(20), End),
                };
            case Grain.Year:
                return new(Start.AddMonths(4 * part), Start.AddMonths(4 * part + 4).AddDays(-1));
            case Grain.Decade:
                int first = Start.Year / 10 * 10;
                return part switch
                {
                    0 => new(new DateOnly(first, 1, 1), new DateOnly(first + 3, 12, 31)),
                    1 => new(new DateOnly(first + 4, 1, 1), new DateOnly(first + 6, 12, 31)),
                    _ => new(new DateOnly(first + 7, 1, 1), End),
                };
            default:
                int days = End.DayNumber - Start.DayNumber + 1;
                int third = days / 3;
                return part switch
                {
                    0 => new(Start, Start.AddDays(third - 1)),
                    1 => new(Start.AddDays(third), Start.AddDays(2 * third - 1)),
                    _ => new(Start.AddDays(2 * third), End),
                };
        }
    }

    /// <summary>Days between the period and <paramref name="d"/>: 0 when it holds it, negative when the period is before it.</summary>
    public int DistanceTo(DateOnly d) =>
        d < Start ? Start.DayNumber - d.DayNumber : d > End ? End.DayNumber - d.DayNumber : 0;
}

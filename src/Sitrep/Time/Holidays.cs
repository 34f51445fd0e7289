using System.Globalization;

namespace Sitrep.Time;

/// <summary>
/// The dates of named days: fixed ones (Christmas, Halloween), ones set by a weekday rule (US
/// Thanksgiving, Labor Day, Memorial Day, Election Day), Easter by the Gregorian computus, and the
/// Islamic ones by the Umm al-Qura calendar .NET ships (1900-2077).
/// </summary>
internal static class Holidays
{
    private static readonly UmAlQuraCalendar Hijri = new();

    public static bool IsFixed(string name) => name is "Christmas" or "Christmas Day" or "Christmas Eve" or "New Year's Day" or "New Year's"
        or "New Year's Eve" or "Halloween" or "Valentine's Day" or "Fourth of July" or "July Fourth" or "Veterans Day" or "Boxing Day"
        or "Nowruz" or "Norouz";

    /// <summary>The day <paramref name="name"/> falls on in <paramref name="year"/>; for Ramadan its first day.</summary>
    public static DateOnly? Date(string name, int year)
    {
        if (year is < 1901 or > 2076)
            return null;
        return name switch
        {
            "Christmas" or "Christmas Day" => new DateOnly(year, 12, 25),
            "Christmas Eve" => new DateOnly(year, 12, 24),
            "New Year's Day" or "New Year's" => new DateOnly(year, 1, 1),
            "New Year's Eve" => new DateOnly(year, 12, 31),
            "Halloween" => new DateOnly(year, 10, 31),
            "Valentine's Day" => new DateOnly(year, 2, 14),
            "Fourth of July" or "July Fourth" => new DateOnly(year, 7, 4),
            "Veterans Day" => new DateOnly(year, 11, 11),
            "Boxing Day" => new DateOnly(year, 12, 26),
            // The Iranian new year begins at the March equinox: the 20th or 21st; the 20th in most years of this century.
            "Nowruz" or "Norouz" => new DateOnly(year, 3, 20),
            "Thanksgiving" or "Thanksgiving Day" => NthWeekday(year, 11, DayOfWeek.Thursday, 4),
            "Labor Day" or "Labour Day" => NthWeekday(year, 9, DayOfWeek.Monday, 1),
            "Memorial Day" => LastWeekday(year, 5, DayOfWeek.Monday),
            "Election Day" => NthWeekday(year, 11, DayOfWeek.Monday, 1).AddDays(1),
            "Easter" or "Easter Sunday" => Easter(year),
            "Easter Monday" => Easter(year).AddDays(1),
            "Good Friday" => Easter(year).AddDays(-2),
            "Ramadan" => IslamicDay(year, 9, 1),
            "Eid al-Fitr" or "Eid ul-Fitr" => IslamicDay(year, 10, 1),
            "Eid al-Adha" or "Eid ul-Adha" => IslamicDay(year, 12, 10),
            _ => null,
        };
    }

    /// <summary>The days of the Ramadan that begins on <paramref name="first"/>.</summary>
    public static DateRange? RamadanFrom(DateOnly first)
    {
        var start = first.ToDateTime(TimeOnly.MinValue);
        int hy = Hijri.GetYear(start);
        int days = Hijri.GetDaysInMonth(hy, 9);
        return new DateRange(first, first.AddDays(days - 1));
    }

    /// <summary>The Gregorian date of an Islamic month's day in the Hijri year that falls mostly in <paramref name="year"/>.</summary>
    private static DateOnly? IslamicDay(int year, int month, int day)
    {
        var mid = new DateTime(year, 7, 1);
        int hy = Hijri.GetYear(mid);
        foreach (int y in (ReadOnlySpan<int>)[hy - 1, hy, hy + 1])
        {
            try
            {
                var d = DateOnly.FromDateTime(Hijri.ToDateTime(y, month, day, 0, 0, 0, 0));
                if (d.Year == year)
                    return d;
            }
            catch (ArgumentOutOfRangeException)
            {
                // Outside the calendar's supported range.
            }
        }
        return null;
    }

    private static DateOnly NthWeekday(int year, int month, DayOfWeek weekday, int n)
    {
        var d = new DateOnly(year, month, 1);
        while (d.DayOfWeek != weekday)
            d = d.AddDays(1);
        return d.AddDays(7 * (n - 1));
    }

    private static DateOnly LastWeekday(int year, int month, DayOfWeek weekday)
    {
        var d = new DateOnly(year, month, DateTime.DaysInMonth(year, month));
        while (d.DayOfWeek != weekday)
            d = d.AddDays(-1);
        return d;
    }

    /// <summary>Easter Sunday (the anonymous Gregorian algorithm).</summary>
    private static DateOnly Easter(int year)
    {
        int a = year % 19, b = year / 100, c = year % 100, d = b / 4, e = b % 4, f = (b + 8) / 25, g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30, i = c / 4, k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7, m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31, day = (h + l - 7 * m + 114) % 31 + 1;
        return new DateOnly(year, month, day);
    }
}

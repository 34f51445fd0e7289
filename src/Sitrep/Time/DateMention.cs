using Sitrep.Documents;

namespace Sitrep.Time;

/// <summary>A calendar date written in a text; <see cref="Year"/> is null when the text leaves it out.</summary>
public readonly record struct DateMention(TextRange Range, int? Year, int Month, int Day, bool HasWeekday)
{
    public DateOnly? Resolve(int? anchorYear)
    {
        int? year = Year ?? anchorYear;
        if (year is null || Month < 1 || Month > 12 || Day < 1 || Day > DateTime.DaysInMonth(year.Value, Month))
            return null;
        return new DateOnly(year.Value, Month, Day);
    }
}

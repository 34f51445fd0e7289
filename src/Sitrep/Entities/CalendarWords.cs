using System.Collections.Frozen;

namespace Sitrep.Entities;

/// <summary>
/// The weekdays and months (a closed class): words that date a sentence and run into names the tagger
/// finds ("Hewitt Tuesday", "a January Washington Post poll", "Mr. Chavez Thursday"). Any case.
/// </summary>
internal static class CalendarWords
{
    private static readonly FrozenSet<string> Months = FrozenSet.ToFrozenSet(
        ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"],
        StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenSet<string> Weekdays = FrozenSet.ToFrozenSet(
        ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"], StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> WeekdayLookup = Weekdays.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> MonthLookup = Months.GetAlternateLookup<ReadOnlySpan<char>>();

    public static bool IsWeekday(ReadOnlySpan<char> word) => WeekdayLookup.Contains(word);

    public static bool IsMonth(ReadOnlySpan<char> word) => MonthLookup.Contains(word);

    /// <summary>A month other than "May", which is a given name and a surname as often as a month ("Theresa May").</summary>
    public static bool IsMonthNotMay(ReadOnlySpan<char> word) => IsMonth(word) && !word.Equals("May", StringComparison.OrdinalIgnoreCase);
}

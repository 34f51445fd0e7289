namespace Sitrep.Time;

/// <summary>The days a DATE covers when it is not one day ("early January" = 1 to 10 January), both ends included.</summary>
public readonly record struct DateRange(DateOnly From, DateOnly To);

/// <summary>
/// A temporal expression (TimeML TIMEX3) in the cleaned body: [<see cref="Start"/>, <see cref="End"/>)
/// in UTF-16 units, its type, its normalised TIMEX3 value ("2020-03-27", "2020-W13", "P2W",
/// "PRESENT_REF", "XXXX-03-31" when no year can be known), its TIMEX3 mod (START, MID, END, APPROX,
/// LESS_THAN, MORE_THAN, EQUAL_OR_LESS, EQUAL_OR_MORE) or null, the days it covers when a DATE is not
/// one day, and what it was read against.
/// </summary>
public sealed record TimeExpression(int Start, int End, TimexType Type, string Value, string? Mod, DateRange? Range, TimeAnchor Anchor)
{
    public string Text(string body)
    {
        ArgumentNullException.ThrowIfNull(body);
        return body[Start..End];
    }

    /// <summary>The one day this expression names (a DATE or a TIME with a full date), or null.</summary>
    public DateOnly? Day => Type is TimexType.Date or TimexType.Time && Value.Length >= 10
        && DateOnly.TryParseExact(Value.AsSpan(0, 10), "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var d)
        ? d : null;
}

namespace Sitrep.Time;

/// <summary>The four TimeML TIMEX3 types.</summary>
public enum TimexType
{
    /// <summary>A calendar date or period: "March 31", "last week", "2020-Q1", "PRESENT_REF".</summary>
    Date,

    /// <summary>A time of day, with its date when the text gives one: "3 p.m. Tuesday", "this morning".</summary>
    Time,

    /// <summary>A length of time, never placed on the calendar: "two weeks", "P2W".</summary>
    Duration,

    /// <summary>A recurrence: "every Friday", "daily".</summary>
    Set,
}

/// <summary>What a relative expression was read against (the contract's <c>anchor</c>).</summary>
public enum TimeAnchor
{
    /// <summary>Absolute ("March 31, 2020") or not placed on the calendar (a duration): the contract's null.</summary>
    None,

    /// <summary>The publication date: "yesterday", "last Friday", "March 31" without a year.</summary>
    Published,

    /// <summary>An earlier date in the text, or the date of the quote it stands in: "the next day", "a year earlier".</summary>
    Text,
}

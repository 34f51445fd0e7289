namespace Sitrep.Events;

/// <summary>Whether the article tells an event as having happened, and if not, how.</summary>
public enum EventStatus
{
    /// <summary>Told as having happened (a threat that was made is an asserted THREATEN).</summary>
    Asserted,

    /// <summary>Only threatened ("threatened to strike").</summary>
    Threatened,

    /// <summary>Announced or intended, not done ("plans to", "will").</summary>
    Planned,

    /// <summary>Possible, conditional or wished ("could", "if this happens").</summary>
    Hypothetical,

    /// <summary>Said not to have happened ("did not attack", "denied attacking").</summary>
    Denied,

    /// <summary>Alleged by someone, not established ("allegedly", "accused of").</summary>
    Claimed,
}

/// <summary>
/// One event read from a sentence, coded in PLOVER: its type and mode, status, the document entities
/// (indexes, -1 for none) that act, are acted on and where, its date, the quote (index in the quote
/// layer, -1 for the outlet's own words) it is told in, the cue and the sentence's range.
/// <see cref="Date"/> is an ISO date or the TIMEX3 value of the sentence's time; <see cref="From"/>
/// and <see cref="To"/> a range when only that is known; <see cref="DateInferred"/> is true when the
/// sentence gave no time and the publication date stands in.
/// </summary>
public sealed record Event(
    string Type,
    string? Mode,
    EventStatus Status,
    int CueStart,
    int CueEnd,
    int Start,
    int End,
    int Actor = -1,
    int Target = -1,
    int Location = -1,
    string? Date = null,
    string? From = null,
    string? To = null,
    bool DateInferred = false,
    int Quote = -1)
{
    public string Cue(string body) => body[CueStart..CueEnd];

    /// <summary>Only asserted events happened as far as the teller says.</summary>
    public bool Happened => Status == EventStatus.Asserted;
}

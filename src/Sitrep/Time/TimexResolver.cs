using System.Globalization;
using Sitrep.Text;

namespace Sitrep.Time;

/// <summary>
/// Gives each chosen candidate its TIMEX3 value, in text order: relative expressions are read
/// against the publication date (or the date of the quote they stand in), anaphoric ones ("the
/// next day", "a year earlier") against the date the text named last, and a year-less date takes
/// the year that puts it nearest the reference date in the direction its sentence's tense says.
/// </summary>
internal sealed class TimexResolver
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    private readonly string _text;
    private readonly Token[] _tokens;
    private readonly Sentence[] _sentences;
    private readonly DateOnly? _published;
    private readonly IReadOnlyList<(int Start, int End, string Date)>? _quotes;

    /// <summary>The last day the text named, for "the next day".</summary>
    private Period? _lastDay;

    /// <summary>
    /// Whether the text has moved back from <see cref="_lastDay"/> to an earlier period it dates on its own ("in 2000",
    /// "in October 2011", "in September of 1949", "that year"): "the next day", "that night" after it belong to that
    /// period, on a day the text does not give, not to the day named before it.
    /// </summary>
    private bool _movedOffLastDay;
    private int _lastDaySentence = -10;

    /// <summary>The last period of any grain the text named, and its sentence, for "a year earlier", "the quarter".</summary>
    private Period? _lastPeriod;
    private int _lastPeriodSentence = -10;

    /// <summary>The direction (-1 ago, +1 from now) when <see cref="_lastPeriod"/> was itself counted from the present ("a year ago"), else 0.</summary>
    private int _lastPeriodShift;

    /// <summary>The last quarter or half the text named, for "the quarter", "the year-ago period".</summary>
    private Period? _lastQuarter;
    private int _lastQuarterSentence = -10;

    /// <summary>
    /// The last quarter or half the text named whose results a report gives: one over by the reference date, or
    /// the first quarter the text names when it has begun; for "the latest quarter", "the year-ago period" and
    /// results "a year ago". A quarter the text looks ahead to ("a fourth-quarter charge", "through the third
    /// quarter of 1990") is not it.
    /// </summary>
    private Period? _lastEndedQuarter;
    private int _lastEndedQuarterSentence = -10;
    private bool _quarterSeen;

    /// <summary>
    /// The company's own quarter, when the last ordinal quarter the text named was a fiscal one ("the fiscal first
    /// quarter"), and its sentence: "the quarter ended Sept. 29" right after it is that quarter, not the calendar
    /// quarter the day falls in.
    /// </summary>
    private Period? _fiscalQuarter;
    private int _fiscalQuarterSentence = -10;

    /// <summary>The sentence that last named a report's span of four to eleven months ("the first nine months"), for "a year earlier".</summary>
    private int _monthsSpanSentence = -10;

    /// <summary>A year the current sentence wrote out ("in March 2015 and again in June"), for the year-less dates after it.</summary>
    private int _sentenceYear;
    private int _sentenceYearSentence = -10;
    private int _sentenceYearEnd;

    public TimexResolver(string text, Token[] tokens, Sentence[] sentences, DateOnly? published, IReadOnlyList<(int Start, int End, string Date)>? quotes)
    {
        _text = text;
        _tokens = tokens;
        _sentences = sentences;
        _published = published;
        _quotes = quotes;
    }

    public TimeExpression? Resolve(Candidate c)
    {
        try
        {
            return ResolveOnCalendar(c);
        }
        catch (ArgumentOutOfRangeException)
        {
            // Arithmetic that leaves the calendar DateOnly holds (years 1 to 9999): "2500 years ago" read
            // in 2023, "3000 BCE", "in 9,000 years". The words are a time expression all the same; its
            // value is unknown at its grain rather than a wrong date, and one such phrase never fails the stage.
            return new TimeExpression(c.Start, c.End, c.Type, UnknownAtGrain(c), c.Mod, null, TimeAnchor.None);
        }
    }

    private static string UnknownAtGrain(Candidate c) => c.Type switch
    {
        TimexType.Duration => "PXY",
        TimexType.Set => "XXXX",
        // "2500 years ago" and "3000 BCE": the unit of an ago-phrase, else the candidate's grain.
        _ => (c.Rule == Rule.Ago ? c.Unit : null) switch
        {
            "D" or "H" or "MI" or "S" => "XXXX-XX-XX",
            "M" or "W" or "FN" => "XXXX-XX",
            "Y" or "DE" or "CE" or "ML" => "XXXX",
            _ => c.Grain switch
            {
                Grain.Day => "XXXX-XX-XX",
                Grain.Month => "XXXX-XX",
                _ => "XXXX",
            },
        },
    };

    private TimeExpression? ResolveOnCalendar(Candidate c)
    {
        var (reference, anchor) = ReferenceFor(c);
        int sentence = SentenceOf(c.Start);
        Resolved? r = c.Rule switch
        {
            Rule.Fixed => new Resolved(null, c.Value!, TimeAnchor.None),
            Rule.Calendar => Calendar(c),
            Rule.MonthDay => YearlessDay(c, reference, anchor),
            Rule.Month => Month(c, reference, anchor),
            Rule.Year => ShortYear(c, reference, anchor),
            Rule.Decade => Decade(c, reference, anchor),
            Rule.Century => Century(c, reference, anchor),
            Rule.Season => Season(c, reference, anchor),
            Rule.Quarter => Quarter(c, reference, anchor),
            Rule.NamedQuarter => NamedQuarter(c, reference, anchor),
            Rule.Weekday => Weekday(c, reference, anchor),
            Rule.Weekend => Weekend(c, reference, anchor),
            Rule.Deictic => reference is { } d ? new Resolved(Period.OfDay(d.AddDays(c.Day)), null, anchor) : Unknown("XXXX-XX-XX"),
            Rule.RelativePeriod => RelativePeriod(c, reference, anchor),
            Rule.Anaphoric => Anaphoric(c, reference, anchor),
            Rule.TheYear => reference is { } y ? new Resolved(Period.Containing(c.Grain, y).Shift(SundayLooksAhead(c, y) ? 1 : 0), null, anchor) : Unknown(c.Grain == Grain.Week ? "XXXX-WXX" : "XXXX"),
            Rule.Ago => Ago(c, reference, anchor, sentence),
            Rule.Clock => Clock(c, reference, anchor, sentence),
            Rule.Holiday => Holiday(c, reference, anchor),
            _ => null,
        };
        if (r is null)
            return null;
        var (period, value, how, range) = r.Value;
        if (c.Rule == Rule.Quarter && c.YearShift == 0 && c.YearRelative == Candidate.None)
        {
            // A quarter named by its ordinal: a fiscal one is what "the quarter ended ..." after it means; any other
            // ends that reading (the text has moved on to a calendar quarter, or to another company's).
            bool fiscal = _text.AsSpan(c.Start, c.Length).Contains("fiscal", StringComparison.OrdinalIgnoreCase);
            _fiscalQuarter = fiscal ? period : null;
            _fiscalQuarterSentence = sentence;
        }
        if (c.Type == TimexType.Duration && value is { Length: 3 } v && v[0] == 'P' && v[2] == 'M' && v[1] is >= '4' and <= '9'
            && _text.AsSpan(c.Start).StartsWith("the ", StringComparison.OrdinalIgnoreCase) && !EndsOnADay(c.End))
        {
            _monthsSpanSentence = sentence;
        }
        if (c.DayShift != 0 && period is { Grain: Grain.Day } named)
        {
            period = Period.OfDay(named.Start.AddDays(c.DayShift));
            value = null;
        }
        else if (c.DayShift != 0 && period is null)
        {
            value = "XXXX-XX-XX";
        }
        if (c.WeekOf && period is { Grain: Grain.Day } day)
            period = Period.Containing(Grain.Week, day.Start);
        if (c.YearOf && period is { Grain: Grain.Day } lastDay)
            period = Period.Containing(Grain.Year, lastDay.Start);
        if (period is { } p)
        {
            value ??= p.Value;
            if (c.Type == TimexType.Date && p.Grain != Grain.Day && range is null)
            {
                range = p.Part(c.Mod);
                if (c.Side != 0 && reference is { } refDay)
                {
                    range = c.Side < 0
                        ? new DateRange(p.Start, Min(p.End, refDay.AddDays(-1)))
                        : new DateRange(Max(p.Start, refDay.AddDays(1)), p.End);
                    if (range.Value.To < range.Value.From)
                        range = p.Range;
                }
            }
            if (c.Type == TimexType.Time && c.Rule != Rule.Clock && c.Part is not null && p.Grain == Grain.Day)
                value += "T" + c.Part;
            _shifting = c.Rule == Rule.Ago && !c.TextAnchored && c.Relative != Candidate.None ? Math.Sign(c.Relative) : 0;
            bool own = (how == TimeAnchor.None || how == TimeAnchor.Text && anchor != TimeAnchor.Text)
                && !TimexRecognizer.PreviousWord(_text, c.Start).Equals("since", StringComparison.OrdinalIgnoreCase);
            _inEarlierYear = own && reference is { } year && p.End < new DateOnly(year.Year, 1, 1);
            if (p.Grain == Grain.Day)
                _lastDayFromReference = how != TimeAnchor.None && !(how == TimeAnchor.Text && anchor != TimeAnchor.Text);
            Remember(p, sentence, main: c.YearShift == 0 && (c.Rule is not (Rule.Ago or Rule.NamedQuarter) || c.DayPart is not null),
                ownDate: (how == TimeAnchor.None || how == TimeAnchor.Text && anchor != TimeAnchor.Text)
                    && !TimexRecognizer.PreviousWord(_text, c.Start).Equals("since", StringComparison.OrdinalIgnoreCase));
            if (p.Grain is Grain.Quarter or Grain.Half && c.YearShift == 0 && c.Rule != Rule.Ago && !(c.Rule == Rule.NamedQuarter && c.Year != Candidate.None)
                && reference is { } over)
            {
                // A report's own quarter is over, or is the first it names and has begun (a fiscal quarter
                // reported just after it closed); one it looks ahead to is not.
                bool first = !_quarterSeen;
                _quarterSeen = true;
                // A quarter before the one already reported ("after a flat second quarter" in a third-quarter report)
                // is a look back, not the period "the year-earlier period" and "the 1989 period" compare.
                bool earlier = _lastEndedQuarter is { } reported && p.End < reported.Start;
                if (!earlier && (p.End < over || first && p.Start <= over && TenseOf(c) != Tense.Future))
                {
                    _lastEndedQuarter = p;
                    _lastEndedQuarterSentence = sentence;
                }
            }
            if (how == TimeAnchor.None && c.Rule is Rule.Calendar or Rule.Year && p.Grain <= Grain.Year)
            {
                _sentenceYear = p.Start.Year;
                _sentenceYearSentence = sentence;
                _sentenceYearEnd = c.End;
            }
        }
        else if (c.Type == TimexType.Time && c.Part is not null && value is not null && !value.Contains('T', StringComparison.Ordinal))
        {
            value += "T" + c.Part;
        }
        _lastEnd = c.End;
        return new TimeExpression(c.Start, c.End, c.Type, value!, c.Mod, range, how);
    }

    /// <summary>Where the last expression read ends, for an apposition right after it.</summary>
    private int _lastEnd = -1;

    /// <summary>The direction of the ago-phrase being remembered, for <see cref="_lastPeriodShift"/>.</summary>
    private int _shifting;

    private readonly record struct Resolved(Period? Period, string? Value, TimeAnchor Anchor, DateRange? Range = null);

    private static Resolved Unknown(string value) => new(null, value, TimeAnchor.None);

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;

    /// <summary>Keeps the period for anaphora; a period read from another ("a year earlier") is not what later ones refer back to.</summary>
    private void Remember(Period p, int sentence, bool main, bool ownDate)
    {
        if (p.Grain == Grain.Day)
        {
            _lastDay = p;
            _lastDaySentence = sentence;
            _movedOffLastDay = false;
        }
        else if (ownDate && _lastDay is { } day && p.End < day.Start && sentence > _lastDaySentence)
        {
            // A period wholly before the last day, in a later sentence, dated by the text itself rather than counted from
            // the publication date or a quote's date, nor opening a span to the present ("since 1980"): "In 2000" is where
            // the story has gone; "last year" in a report of Monday's vote, or "the largest turnout since 1980", is a side
            // glance.
            _movedOffLastDay = true;
        }
        if (!main && p.Grain is Grain.Quarter or Grain.Half)
            return;
        _lastPeriod = p;
        _lastPeriodSentence = sentence;
        _lastPeriodShift = _shifting;
        if (p.Grain is Grain.Quarter or Grain.Half)
        {
            _lastQuarter = p;
            _lastQuarterSentence = sentence;
        }
    }

    /// <summary>The date a relative expression is read against: its quote's date when the quote has one, else the publication date.</summary>
    private (DateOnly? Date, TimeAnchor Anchor) ReferenceFor(Candidate c)
    {
        if (_quotes is not null)
        {
            foreach (var (start, end, date) in _quotes)
            {
                if (start <= c.Start && c.End <= end && ParseDate(date) is { } d)
                    return (d, TimeAnchor.Text);
            }
        }
        return (_published, TimeAnchor.Published);
    }

    internal static DateOnly? ParseDate(string? iso)
    {
        if (iso is null || iso.Length < 10)
            return null;
        return DateOnly.TryParseExact(iso.AsSpan(0, 10), "yyyy-MM-dd", Invariant, DateTimeStyles.None, out var d) ? d : null;
    }

    private int SentenceOf(int offset)
    {
        int lo = 0, hi = _sentences.Length - 1, found = -1;
        while (lo <= hi)
        {
            int mid = (lo + hi) / 2;
            if (_sentences[mid].Start <= offset)
            {
                found = mid;
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }
        return found;
    }

    private Tense TenseOf(Candidate c)
    {
        if (c.TenseFrom is { } from && from != c)
            return TenseOf(from);
        // "the November election", "November's midterm elections", "the Nov. 3 ballot": a date naming a scheduled event.
        // After "for", "before", "ahead of" the verbs tell of what leads up to the event, not of the event ("chose candidates
        // for November's elections"): the nearest such event is meant. After "after" or "since" it is read back as any date;
        // otherwise the verbs decide as for any date, and with none the nearest such event is meant (no leaning to the past).
        int scheduled = TenseReader.NamesScheduledEvent(_text, c.Start, c.End);
        _scheduled = scheduled > 0;
        int s = SentenceOf(c.Start);
        _tenseDistance = int.MaxValue;
        // "the last debate before Monday's caucuses", "ahead of the Wednesday vote": a weekday is at most a week off, and a
        // weekday event the text looks toward is the coming one, unless the clause is past ("Hours before Thursday's vote,
        // Democrats went to ..."), when the nearest such day is meant (the one just gone or the one next).
        if (scheduled == 2 && c.Rule == Rule.Weekday)
        {
            var around = s < 0 ? Tense.None : TenseReader.Read(_text, _tokens, _sentences[s], c.Start, c.End, out _);
            return around == Tense.Past ? Tense.None : Tense.Future;
        }
        _timeLimit = scheduled == 3;
        _nearPast = false;
        if (scheduled == 3 && s >= 0)
        {
            // "reached its goal by its self-imposed March 31 deadline": after "by" the finite verb of the clause says whether
            // the limit was met (behind) or is to be (ahead); the tense carries at most FarthestDirected days (no near cue).
            var byTense = TenseReader.LimitAfterBy(_text, _tokens, _sentences[s], c.Start);
            if (byTense != Tense.None)
                return byTense;
            _nearPast = TenseReader.Read(_text, _tokens, _sentences[s], c.Start, c.End, out int cue) == Tense.Past && cue <= NearCue;
        }
        // "a judge set a May 28 deadline", "racing a Sept. 30 deadline", "missed a Feb. 15 deadline": the nearest such day.
        if (scheduled is 2 or 3)
            return Tense.None;
        // "Wednesday's ruling": a possessive date names an event, whatever the verbs around it say.
        if (Possessive(c))
            return Tense.None;
        var tense = s < 0 ? Tense.None : TenseReader.Read(_text, _tokens, _sentences[s], c.Start, c.End, out _tenseDistance);
        return tense;
    }

    /// <summary>"Wednesday's ruling", "November’s election": the expression is followed by a possessive "'s".</summary>
    private bool Possessive(Candidate c) => c.End + 1 < _text.Length && _text[c.End] is '\'' or '’' && _text[c.End + 1] == 's';

    /// <summary>How far the cue of the last tense read was from its expression: a verb beside the date is trusted further.</summary>
    private int _tenseDistance = int.MaxValue;

    /// <summary>Whether the expression whose tense was read last names a time limit ("a Thursday deadline").</summary>
    private bool _timeLimit;

    /// <summary>Whether a past verb stands right beside the time limit read last ("missed a Tuesday deadline").</summary>
    private bool _nearPast;

    /// <summary>Whether the expression whose tense was read last names a scheduled event ("the November election"): with no tense, the nearest reading, no leaning to the past.</summary>
    private bool _scheduled;

    private const int NearCue = 2;

    /// <summary>
    /// Of the periods <paramref name="make"/> gives for the years around the reference date, the one
    /// the tense points to: past, the latest that began by the reference date; future, the earliest
    /// that has not ended before it; otherwise the nearest. A year-less date is rarely more than half
    /// a year from its article: when the tense points further than that, the nearest wins (the tense
    /// read from a neighbouring verb was likely not the date's own).
    /// </summary>
    private Period? Choose(Func<int, Period?> make, DateOnly reference, Tense tense, Func<Period, bool>? fits = null)
    {
        int limit = _tenseDistance <= NearCue ? 366 : _tenseDistance <= 2 * NearCue ? 335 : FarthestDirected;
        Period? directed = null, nearest = null;
        int nearestDistance = int.MaxValue;
        for (int y = reference.Year - 1; y <= reference.Year + 1; y++)
        {
            if (make(y) is not { } p || fits is not null && !fits(p))
                continue;
            if (tense == Tense.Past && p.Start <= reference && (directed is null || p.Start > directed.Value.Start))
                directed = p;
            if (tense == Tense.Future && p.End >= reference && (directed is null || p.Start < directed.Value.Start))
                directed = p;
            int distance = Math.Abs(p.DistanceTo(reference));
            if (distance < nearestDistance)
            {
                nearest = p;
                nearestDistance = distance;
            }
        }
        if (directed is { } d && Math.Abs(d.DistanceTo(reference)) <= limit)
            return d;
        if (tense == Tense.None && !_scheduled && nearest is { } n && n.DistanceTo(reference) > 0)
        {
            // With no verb to go by, news tells what has happened: the past reading unless the future one is much nearer.
            var past = Choose(make, reference, Tense.Past, fits);
            if (past is { } p && Math.Abs(p.DistanceTo(reference)) <= FarthestDirected && Math.Abs(p.DistanceTo(reference)) < 2 * n.DistanceTo(reference))
                return p;
        }
        return nearest ?? directed;
    }

    /// <summary>How far the tense may carry a year-less date from the reference date before the nearest reading wins.</summary>
    private const int FarthestDirected = 300;

    private const int HalfYear = 183;

    private static Resolved? Calendar(Candidate c)
    {
        Period p;
        switch (c.Grain)
        {
            case Grain.Day:
                p = Period.OfDay(new DateOnly(c.Year, c.Month, c.Day));
                break;
            case Grain.Month:
                p = new Period(Grain.Month, new DateOnly(c.Year, c.Month, 1));
                break;
            case Grain.Quarter:
                p = new Period(Grain.Quarter, new DateOnly(c.Year, 3 * c.Quarter - 2, 1));
                break;
            case Grain.Half:
                p = new Period(Grain.Half, new DateOnly(c.Year, 6 * c.Quarter - 5, 1));
                break;
            case Grain.Century:
                p = new Period(Grain.Century, new DateOnly(Math.Max(1, c.Year), 1, 1));
                break;
            default:
                return null;
        }
        if (c.YearShift != 0)
            p = p.ShiftYears(c.YearShift);
        if (c.Type == TimexType.Time)
            return new Resolved(null, $"{p.Value}T{c.Hour:D2}:{c.Minute:D2}", TimeAnchor.None);
        return new Resolved(p, null, TimeAnchor.None);
    }

    private Resolved? YearlessDay(Candidate c, DateOnly? reference, TimeAnchor anchor)
    {
        if (c.YearAnaphor != Candidate.None)
        {
            return AnaphoricYear(c) is { } ay && c.Day <= DateTime.DaysInMonth(ay, c.Month)
                ? new Resolved(Period.OfDay(new DateOnly(ay, c.Month, c.Day)), null, TimeAnchor.Text)
                : Unknown($"XXXX-{c.Month:D2}-{c.Day:D2}");
        }
        if (reference is not { } r)
            return Unknown($"XXXX-{c.Month:D2}-{c.Day:D2}");
        if (c.YearRelative != Candidate.None)
        {
            int year = r.Year + c.YearRelative;
            return c.Day <= DateTime.DaysInMonth(year, c.Month) ? new Resolved(Period.OfDay(new DateOnly(year, c.Month, c.Day)), null, anchor) : null;
        }
        if (c.ListYear != Candidate.None && c.Day <= DateTime.DaysInMonth(c.ListYear, c.Month))
            return new Resolved(Period.OfDay(new DateOnly(c.ListYear, c.Month, c.Day)), null, TimeAnchor.Text);
        if (NarrativeYear(c, r) is { } narrative && c.Day <= DateTime.DaysInMonth(narrative, c.Month))
            return new Resolved(Period.OfDay(new DateOnly(narrative, c.Month, c.Day)), null, TimeAnchor.Text);
        Func<Period, bool>? fits = null;
        if (c.Weekday != Candidate.None)
        {
            int wd = c.Weekday;
            fits = p => IsoDay(p.Start) == wd;
        }
        var tense = TenseOf(c);
        // A year's end is never more than a year away: the tense decides however far its cue ("since year-end" in November).
        if (c.YearOf)
            _tenseDistance = 0;
        var chosen = Choose(y => c.Day <= DateTime.DaysInMonth(y, c.Month) ? Period.OfDay(new DateOnly(y, c.Month, c.Day)) : null, r, tense, fits)
            ?? Choose(y => c.Day <= DateTime.DaysInMonth(y, c.Month) ? Period.OfDay(new DateOnly(y, c.Month, c.Day)) : null, r, tense);
        return chosen is { } p ? new Resolved(p, null, anchor) : null;
    }

    /// <summary>
    /// The year of a dated expression this year-less one is joined to ("in March 2015 and again in
    /// June", "from May 3, 2016 to June 9"), when it is not the reference date's year.
    /// </summary>
    private int? NarrativeYear(Candidate c, DateOnly reference)
    {
        if (_sentenceYearSentence != SentenceOf(c.Start) || _sentenceYear == reference.Year || _sentenceYearEnd > c.Start)
            return null;
        foreach (var word in _text.AsSpan(_sentenceYearEnd, c.Start - _sentenceYearEnd).Split(' '))
        {
            var w = _text.AsSpan(_sentenceYearEnd, c.Start - _sentenceYearEnd)[word].Trim().Trim(',');
            if (w.Length > 0 && !Joiners.Contains(w.ToString()))
                return null;
        }
        return _sentenceYear;
    }

    private static readonly HashSet<string> Joiners = new(StringComparer.OrdinalIgnoreCase)
    {
        "and", "or", "to", "through", "until", "till", "again", "then", "in", "on", "by", "from", "between", "of", "also", "later",
        "before", "after", "-", "–", "—",
    };

    private static int IsoDay(DateOnly d) => ((int)d.DayOfWeek + 6) % 7 + 1;

    private Resolved? Month(Candidate c, DateOnly? reference, TimeAnchor anchor)
    {
        if (c.Quarter == -2)
        {
            // "March '98": the century that puts it nearest the reference date (or the 1900s without one).
            int year = NearestCentury(c.Day, reference);
            return new Resolved(new Period(Grain.Month, new DateOnly(year, c.Month, 1)), null, reference is null ? TimeAnchor.None : anchor);
        }
        if (c.YearAnaphor != Candidate.None)
        {
            return AnaphoricYear(c) is { } ay
                ? new Resolved(new Period(Grain.Month, new DateOnly(ay, c.Month, 1)), null, TimeAnchor.Text)
                : Unknown($"XXXX-{c.Month:D2}");
        }
        if (reference is not { } r)
            return Unknown($"XXXX-{c.Month:D2}");
        if (c.YearRelative != Candidate.None)
            return new Resolved(new Period(Grain.Month, new DateOnly(r.Year + c.YearRelative, c.Month, 1)), null, anchor);
        if (c.ListYear != Candidate.None)
            return new Resolved(new Period(Grain.Month, new DateOnly(c.ListYear, c.Month, 1)), null, TimeAnchor.Text);
        if (c.Relative == Candidate.None && NarrativeYear(c, r) is { } narrative)
            return new Resolved(new Period(Grain.Month, new DateOnly(narrative, c.Month, 1)), null, TimeAnchor.Text);
        var current = Period.Containing(Grain.Month, r);
        Period? p = c.Relative switch
        {
            // "last February" written in March is a year back: the month just gone would be "last month".
            -1 => LatestBefore(y => new Period(Grain.Month, new DateOnly(y, c.Month, 1)), current.Start.AddMonths(-1)),
            1 => EarliestAfter(y => new Period(Grain.Month, new DateOnly(y, c.Month, 1)), current.Start),
            0 => new Period(Grain.Month, new DateOnly(r.Year, c.Month, 1)),
            _ => Choose(y => new Period(Grain.Month, new DateOnly(y, c.Month, 1)), r, TenseOf(c)),
        };
        return p is null ? null : new Resolved(p, null, anchor);
    }

    /// <summary>
    /// The year of "November of that year" (or "of the following year"): the year of the last period the text named, as
    /// "that year" alone would take it, shifted as the words say; null when the text named none (the month's year is then
    /// not known, rather than the one nearest the publication date). Kept for the "that year" after the month.
    /// </summary>
    private int? AnaphoricYear(Candidate c)
    {
        // "from January to March of the following year": the months of a list count from the same antecedent, not each
        // from the month before it (the last candidate read was then the list's month before this one).
        int? basis = _lastEnd >= 0 && _lastEnd == _monthAnaphorEnd ? _monthAnaphorBase
            : _lastPeriod is { } lp && lp.Grain <= Grain.Year ? lp.Start.Year : null;
        int? year = basis + c.YearAnaphor;
        _monthAnaphorBase = basis;
        _monthAnaphorEnd = c.End;
        _monthAnaphorYear = year is >= 1 and <= 9999 ? year : null;
        return _monthAnaphorYear;
    }

    /// <summary>The antecedent's year of the last "Month of that year" and where that month ends, for the months listed with it.</summary>
    private int? _monthAnaphorBase;
    private int _monthAnaphorEnd = -1;

    /// <summary>The year found for the last "Month of that year", for the "that year" that follows the month.</summary>
    private int? _monthAnaphorYear;

    private static Period LatestStarted(Func<int, Period> make, DateOnly limit)
    {
        var p = make(limit.Year);
        return p.Start <= limit ? p : make(limit.Year - 1);
    }

    /// <summary>The latest of the yearly periods that starts before <paramref name="limit"/>.</summary>
    private static Period? LatestBefore(Func<int, Period> make, DateOnly limit)
    {
        for (int y = limit.Year; y >= limit.Year - 2; y--)
        {
            var p = make(y);
            if (p.Start < limit)
                return p;
        }
        return null;
    }

    private static Period? EarliestAfter(Func<int, Period> make, DateOnly limit)
    {
        for (int y = limit.Year - 1; y <= limit.Year + 2; y++)
        {
            var p = make(y);
            if (p.Start > limit)
                return p;
        }
        return null;
    }

    private static int NearestCentury(int twoDigits, DateOnly? reference)
    {
        if (reference is not { } r)
            return 1900 + twoDigits;
        int best = 0, bestDistance = int.MaxValue;
        for (int century = r.Year / 100 * 100 - 100; century <= r.Year / 100 * 100; century += 100)
        {
            int y = century + twoDigits;
            // A two-digit year is rarely more than a few years in the future.
            int distance = y > r.Year + 10 ? int.MaxValue - 1 : Math.Abs(y - r.Year);
            if (distance < bestDistance)
            {
                best = y;
                bestDistance = distance;
            }
        }
        return best;
    }

    private static Resolved? ShortYear(Candidate c, DateOnly? reference, TimeAnchor anchor)
    {
        if (c.Quarter == -2)
            return new Resolved(Period.Containing(Grain.Year, new DateOnly(NearestCentury(c.Day, reference), 1, 1)), null, reference is null ? TimeAnchor.None : anchor);
        if (c.Year is < 1 or > 9999)
            return null;
        return new Resolved(new Period(Grain.Year, new DateOnly(c.Year, 1, 1)), null, TimeAnchor.None);
    }

    private static Resolved? Decade(Candidate c, DateOnly? reference, TimeAnchor anchor)
    {
        if (c.Quarter == -2)
        {
            // "the '90s", "the twenties": the latest such decade that has begun by the reference date.
            int year = reference is { } r ? (r.Year / 100 * 100 + c.Day <= r.Year ? r.Year / 100 * 100 + c.Day : r.Year / 100 * 100 - 100 + c.Day) : 1900 + c.Day;
            return new Resolved(new Period(Grain.Decade, new DateOnly(year, 1, 1)), null, reference is null ? TimeAnchor.None : anchor);
        }
        return new Resolved(new Period(Grain.Decade, new DateOnly(Math.Max(1, c.Year), 1, 1)), null, TimeAnchor.None);
    }

    private static Resolved? Century(Candidate c, DateOnly? reference, TimeAnchor anchor)
    {
        if (reference is not { } r)
            return Unknown("XX");
        return new Resolved(Period.Containing(Grain.Century, r).Shift(c.Relative == Candidate.None ? 0 : c.Relative), null, anchor);
    }

    private static Period SeasonOf(int year, int firstMonth) => new(Grain.Season, new DateOnly(year, firstMonth, 1));

    private Resolved? Season(Candidate c, DateOnly? reference, TimeAnchor anchor)
    {
        string code = c.Month switch { 3 => "SP", 6 => "SU", 9 => "FA", _ => "WI" };
        if (c.Year != Candidate.None)
            return new Resolved(SeasonOf(c.Year, c.Month), null, TimeAnchor.None);
        if (reference is not { } r)
            return Unknown("XXXX-" + code);
        if (c.YearRelative != Candidate.None)
            return new Resolved(SeasonOf(r.Year + c.YearRelative, c.Month), null, anchor);
        Period? p = c.Relative switch
        {
            -1 => LatestEndedBefore(y => SeasonOf(y, c.Month), r),
            1 => EarliestAfter(y => SeasonOf(y, c.Month), r),
            0 => SeasonOf(c.Month == 12 && r.Month <= 2 ? r.Year - 1 : r.Year, c.Month),
            _ => Choose(y => SeasonOf(y, c.Month), r, TenseOf(c)),
        };
        return p is null ? null : new Resolved(p, null, anchor);
    }

    private static Period? LatestEndedBefore(Func<int, Period> make, DateOnly limit)
    {
        for (int y = limit.Year; y >= limit.Year - 2; y--)
        {
            var p = make(y);
            if (p.End < limit)
                return p;
        }
        return null;
    }

    private Resolved? Quarter(Candidate c, DateOnly? reference, TimeAnchor anchor)
    {
        Period Make(int y) => c.Grain == Grain.Half ? new Period(Grain.Half, new DateOnly(y, 6 * c.Quarter - 5, 1)) : new Period(Grain.Quarter, new DateOnly(y, 3 * c.Quarter - 2, 1));
        if (reference is not { } r)
            return Unknown(c.Grain == Grain.Half ? $"XXXX-H{c.Quarter}" : $"XXXX-Q{c.Quarter}");
        Period? p;
        if (c.YearRelative != Candidate.None)
        {
            p = Make(r.Year + c.YearRelative);
        }
        else if (_lastQuarter is { } last && c.YearShift != 0)
        {
            // "the year-earlier third quarter": a year before the quarter the text is about.
            p = Make(last.Start.Year);
        }
        else
        {
            // A quarter named without a year has begun by the reference date (results are reported after it),
            // unless the sentence looks ahead and that quarter is long over.
            var started = LatestStarted(Make, r);
            p = TenseOf(c) == Tense.Future && started.End.AddDays(HalfYear) < r ? EarliestAfter(Make, r) : started;
        }
        if (p is null)
            return null;
        return new Resolved(c.YearShift != 0 ? p.Value.ShiftYears(c.YearShift) : p, null, anchor);
    }

    private Resolved? NamedQuarter(Candidate c, DateOnly? reference, TimeAnchor anchor)
    {
        if (reference is not { } r)
            return c.Grain == Grain.Quarter ? Unknown("XXXX-QX") : null;
        var current = Period.Containing(Grain.Quarter, r);
        var lastCompleted = current.Shift(-1);
        // "the quarter ended Sept. 30": the calendar quarter whose end is nearest that day.
        if (c.DayPart is { } day && c.Grain is Grain.Quarter or Grain.Day && Resolve(day) is { } ended && ended.Day is { } endDay)
        {
            // "earned $5 million in the fiscal first quarter. Sales for the quarter ended Sept. 29 rose": the fiscal
            // quarter just named, whose end that day is (its calendar quarter would contradict the text's own name).
            if (c.YearShift == 0 && _fiscalQuarter is { } fiscal && SentenceOf(c.Start) - _fiscalQuarterSentence is 0 or 1
                && Math.Abs(endDay.DayNumber - r.DayNumber) <= 366)
            {
                return new Resolved(fiscal, null, TimeAnchor.Text);
            }
            var q = Period.Containing(Grain.Quarter, endDay);
            var before = q.Shift(-1);
            var p = Math.Abs(before.End.DayNumber - endDay.DayNumber) < Math.Abs(q.End.DayNumber - endDay.DayNumber) ? before : q;
            return new Resolved(c.YearShift != 0 ? p.ShiftYears(c.YearShift) : p, null, TimeAnchor.Text);
        }
        var textQuarter = c.Reported ? _lastEndedQuarter : _lastQuarter;
        // "In the first nine months, net was $306 million, against a loss in the 1988 period" (or "year-earlier net";
        // "the year-ago quarter" stays a quarter):
        // the same months of that year, which only the year can name.
        if (c.Grain is Grain.Year or Grain.Day && (c.Year != Candidate.None || c.YearShift != 0) && MonthsSpanIsTopic(SentenceOf(c.Start)))
        {
            int year = c.Year != Candidate.None ? c.Year : (_lastEndedQuarter?.Start ?? r).Year + c.YearShift;
            return new Resolved(Period.Containing(Grain.Year, new DateOnly(year, 1, 1)), null, TimeAnchor.Text);
        }
        // "a 4% increase over the same period in 2017", "fell ... during that same period" (after "between 2003 and 2013"):
        // a span of the text's own, of any length, when the text has named no quarter; the quarter before the
        // publication date would be a guess, so its value is not known.
        if (c.Grain == Grain.Day && c.TextAnchored && textQuarter is null && c.Year == Candidate.None && IsSamePeriod(c))
            return Unknown("XXXX");
        if (c.Year != Candidate.None)
        {
            var basisQuarter = textQuarter ?? lastCompleted;
            return new Resolved(new Period(basisQuarter.Grain, new DateOnly(c.Year, basisQuarter.Start.Month, 1)), null, TimeAnchor.Text);
        }
        Period basis;
        var how = anchor;
        if (c.Grain == Grain.Year)
        {
            // "year-earlier results": a year before the period the text is about.
            basis = _lastEndedQuarter ?? _lastQuarter ?? _lastPeriod ?? Period.Containing(Grain.Year, r);
            if (_lastQuarter is not null || _lastPeriod is not null)
                how = TimeAnchor.Text;
        }
        else if (c.Relative == 0 && c.Reported && (TenseOf(c) == Tense.Future || textQuarter is null))
        {
            // "This quarter's results will be reported in January": the quarter under way after all.
            basis = current;
        }
        else if (c.TextAnchored && textQuarter is { } lq)
        {
            basis = c.Relative is Candidate.None or 0 ? lq : lq.Shift(c.Relative);
            how = TimeAnchor.Text;
        }
        else if (c.TextAnchored)
        {
            basis = c.Relative is Candidate.None or 0 ? lastCompleted : lastCompleted.Shift(c.Relative);
        }
        else
        {
            basis = current.Shift(c.Relative == Candidate.None ? 0 : c.Relative);
        }
        var result = basis;
        if (c.YearShift != 0)
            result = result.ShiftYears(c.YearShift);
        return new Resolved(result, null, how);
    }

    /// <summary>"the same period", "the comparable period", "the corresponding period": a period named by its likeness to another.</summary>
    private bool IsSamePeriod(Candidate c)
    {
        var words = _text.AsSpan(c.Start, c.Length);
        return words.Contains("same", StringComparison.OrdinalIgnoreCase) || words.Contains("comparable", StringComparison.OrdinalIgnoreCase)
            || words.Contains("corresponding", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>"the six months ended Aug. 12": a span that ends on a day, whose year-earlier counterpart is that day's (the date).</summary>
    private bool EndsOnADay(int end)
    {
        var next = TimexRecognizer.NextWord(_text, end);
        return next is "ended" or "ending" or "ends" or "through" or "to" or "until" or "that";
    }

    /// <summary>
    /// Whether the report's period at <paramref name="sentence"/> is a span of months longer than a quarter ("the first nine
    /// months", "the six months"), named in this sentence or the one before and after the last quarter the text named.
    /// </summary>
    private bool MonthsSpanIsTopic(int sentence) =>
        _monthsSpanSentence >= 0 && sentence - _monthsSpanSentence is 0 or 1 && _monthsSpanSentence >= _lastQuarterSentence
        && _monthsSpanSentence >= _lastEndedQuarterSentence;

    private Resolved? Weekday(Candidate c, DateOnly? reference, TimeAnchor anchor)
    {
        if (reference is not { } r)
            return Unknown($"XXXX-WXX-{c.Weekday}");
        // "the previous Friday", "the following Monday": around the day the text named last.
        if (c.TextAnchored && _lastDay is { } last)
        {
            r = last.Start;
            anchor = TimeAnchor.Text;
        }
        int today = IsoDay(r);
        int back = (today - c.Weekday + 7) % 7;     // days back to the latest such day, 0 when today
        int ahead = (c.Weekday - today + 7) % 7;    // days ahead to the next such day, 0 when today
        DateOnly d = c.Relative switch
        {
            -1 => r.AddDays(-(back == 0 ? 7 : back)),
            1 => r.AddDays(ahead == 0 ? 7 : ahead),
            0 => Period.Containing(Grain.Week, r).Start.AddDays(c.Weekday - 1),
            _ => TenseOf(c) switch
            {
                Tense.Past => r.AddDays(-back),
                Tense.Future => r.AddDays(ahead),
                Tense.Present => back < ahead ? r.AddDays(-back) : r.AddDays(ahead),
                // A weekday before the name of a scheduled event ("Thursday confirmation hearings", "a Friday vote") with no
                // verb to go by: the nearest such day, as for a month ("the November election"), no leaning to the past. Not a
                // possessive, which news mostly uses of an event reported after it ("At Wednesday's hearing, Democrats seemed").
                // A weekday time limit three days back or four ahead ("before a fast-approaching Thursday deadline" in a Sunday's
                // article, "to meet Thursday's deadline" in a Monday's): the coming one, a limit being told of mostly before it
                // falls, unless a past verb stands beside it ("had missed a Tuesday deadline" in a Friday's article).
                _ when _timeLimit && !_nearPast => back + 1 < ahead ? r.AddDays(-back) : r.AddDays(ahead),
                _ when _scheduled && !Possessive(c) => back < ahead ? r.AddDays(-back) : r.AddDays(ahead),
                // With no verb to go by, news tells what has happened: the past unless the next such day is much nearer.
                _ => back <= ahead + 1 ? r.AddDays(-back) : r.AddDays(ahead),
            },
        };
        return new Resolved(Period.OfDay(d), null, anchor);
    }

    private Resolved? Weekend(Candidate c, DateOnly? reference, TimeAnchor anchor)
    {
        if (reference is not { } r)
            return Unknown("XXXX-WXX-WE");
        var thisWeekend = Period.Containing(Grain.Weekend, r);
        var past = thisWeekend.Start <= r ? thisWeekend : thisWeekend.Shift(-1);
        var ahead = thisWeekend.End >= r ? thisWeekend : thisWeekend.Shift(1);
        var chosen = TenseOf(c) switch
        {
            Tense.Past => past,
            Tense.Future or Tense.Present => ahead,
            _ => Math.Abs(past.DistanceTo(r)) <= Math.Abs(ahead.DistanceTo(r)) ? past : ahead,
        };
        return new Resolved(chosen, null, anchor);
    }

    /// <summary>The value of a day, week, month, quarter or year the text refers to but never dates.</summary>
    private static string UnknownOfGrain(Grain grain) => grain switch
    {
        Grain.Week => "XXXX-WXX",
        Grain.Weekend => "XXXX-WXX-WE",
        Grain.Month => "XXXX-XX",
        Grain.Quarter => "XXXX-QX",
        Grain.Year => "XXXX",
        _ => "XXXX-XX-XX",
    };

    private Resolved? RelativePeriod(Candidate c, DateOnly? reference, TimeAnchor anchor)
    {
        if (reference is not { } r)
        {
            return Unknown(c.Grain switch
            {
                Grain.Week => "XXXX-WXX",
                Grain.Weekend => "XXXX-WXX-WE",
                Grain.Month => "XXXX-XX",
                Grain.Quarter => "XXXX-QX",
                Grain.Decade => "XXX",
                _ => "XXXX",
            });
        }
        int shift = c.Relative == Candidate.None ? 0 : c.Relative;
        var period = Period.Containing(c.Grain, r).Shift(shift);
        // "the report, published this weekend" in a Monday's paper: the weekend of the week is still ahead, the one told of in the past is the one just gone.
        if (c.Grain == Grain.Weekend && shift == 0 && period.Start > r && TenseOf(c) == Tense.Past)
            period = period.Shift(-1);
        // "must find the time to practise this week" in a Sunday's paper: the (ISO) week ends that day, so the week it looks
        // ahead to is the next one.
        if (shift == 0 && SundayLooksAhead(c, r))
            period = period.Shift(1);
        return new Resolved(period, null, anchor);
    }

    /// <summary>
    /// A week of the publication's own in a Sunday's paper that the sentence looks ahead to ("will use this week to", "in
    /// the week ahead"): the ISO week ends that Sunday, so the next one is meant. Not a weekend: "raids expected to begin
    /// this weekend" in a Sunday's paper may be that day's.
    /// </summary>
    private bool SundayLooksAhead(Candidate c, DateOnly r) =>
        c.Grain == Grain.Week && r.DayOfWeek == DayOfWeek.Sunday
        && (TenseOf(c) == Tense.Future || c.End <= _text.Length && _text.AsSpan(c.End).TrimStart().StartsWith("ahead", StringComparison.Ordinal));

    private Resolved? Anaphoric(Candidate c, DateOnly? reference, TimeAnchor anchor)
    {
        // "that year" in "November of that year": the year the month was placed in (or, like the month, not known).
        if (c.OfMonth)
            return _monthAnaphorYear is { } y ? new Resolved(new Period(Grain.Year, new DateOnly(y, 1, 1)), null, TimeAnchor.Text) : Unknown("XXXX");
        Period? basis = null;
        var how = TimeAnchor.Text;
        bool fromReference = false;
        bool sameSentenceOnly = c.Side == 2;
        // "in the morning" is a day's morning only right after the text has named that day ("dashed Friday. Buyers
        // placed orders in the morning"); anywhere else it is a habit or a hypothesis, no time.
        if (c.Side == 3 && (_lastPeriod is not { Grain: Grain.Day } || SentenceOf(c.Start) - _lastPeriodSentence > 1))
            return null;
        // Looking ahead ("We'll see you in the morning" after "tonight") it may be the next day's: not read.
        if (c.Side == 3 && TenseOf(c) == Tense.Future)
            return null;
        // An apposition restates the expression that ends right before its comma; after anything else it is no time.
        if (c.Apposition && !(_lastEnd >= 0 && _lastEnd < c.Start && _text.AsSpan(_lastEnd, c.Start - _lastEnd).Trim() is ","))
            return null;
        if (c.Grain == Grain.Day ? _lastDay is not null : _lastPeriod is { } lp && lp.Grain <= c.Grain)
            basis = c.Grain == Grain.Day ? _lastDay : _lastPeriod;
        // "It happened in October 2011 ... on the receiving line the previous day", after a day the text named earlier (or
        // the publication's "today"): the day is one of that earlier period that the text never dates.
        if (c.Grain == Grain.Day && basis is not null && _movedOffLastDay)
            return Unknown("XXXX-XX-XX");
        if (c.TheNext && TenseOf(c) != Tense.Past)
            basis = null;
        if (sameSentenceOnly && SentenceOf(c.Start) - _lastPeriodSentence > 1)
            basis = null;
        if (basis is null)
        {
            if (c.NeedsAntecedent)
                return null;
            if (reference is not { } r)
            {
                return Unknown(UnknownOfGrain(c.Grain));
            }
            // "The next day, Boehner held a rally", "went bankrupt the following year": a day after one the text never
            // dated, told in the past. Counted from the publication date it would fall after the report of it; not known.
            if (c.Relative > 0 && c.Relative != Candidate.None && TenseOf(c) == Tense.Past)
                return Unknown(UnknownOfGrain(c.Grain));
            basis = Period.OfDay(r);
            how = anchor;
            fromReference = true;
        }
        int shift = c.Relative == Candidate.None ? 0 : c.Relative;
        if (fromReference && shift == 0 && SundayLooksAhead(c, basis.Value.Start))
            shift = 1;
        return new Resolved(Period.Containing(c.Grain, basis.Value.Start).Shift(shift), null, how);
    }

    private Resolved? Ago(Candidate c, DateOnly? reference, TimeAnchor anchor, int sentence)
    {
        if (c.Count is null)
            return new Resolved(null, c.Relative < 0 ? "PAST_REF" : "FUTURE_REF", TimeAnchor.None);
        double n = c.Count.Value;
        string unit = c.Unit!;
        // A fraction counts in the next smaller unit: "a year and a half ago" is 18 months ago, "half a century ago" 50 years.
        if (n != Math.Floor(n))
        {
            (unit, n) = unit switch
            {
                "DE" => ("Y", n * 10),
                "CE" => ("Y", n * 100),
                "ML" => ("Y", n * 1000),
                "Y" => ("M", n * 12),
                "M" => ("D", Math.Round(n * 30)),
                "W" => ("D", n * 7),
                "D" => ("H", n * 24),
                _ => (unit, Math.Round(n)),
            };
            if (n != Math.Floor(n))
                n = Math.Round(n);
        }
        int count = (int)Math.Min(n, 5000) * (c.Relative < 0 ? -1 : 1);
        Grain grain = unit switch
        {
            "W" or "FN" => Grain.Week,
            "M" => Grain.Month,
            "Q" => Grain.Quarter,
            "Y" or "DE" or "CE" or "ML" => Grain.Year,
            _ => Grain.Day,
        };
        if (unit == "FN")
            count *= 2;
        Period? basis = null;
        var how = anchor;
        if (c.TextAnchored)
        {
            // "fell from a year ago ... compared with a year earlier": two looks back from the same present, not one
            // counted from the other; "two years ago ... a year later" does count from the first.
            basis = grain == Grain.Day ? _lastDay : _lastPeriod is { } lp && lp.Grain <= Grain.Year && _lastPeriodShift != Math.Sign(c.Relative) ? lp : null;
            // "Three days later" after the text has gone back to "In 2000": not counted from the day named before that.
            if (grain == Grain.Day && c.Relative > 0 && _movedOffLastDay)
                basis = null;
            if (basis is not null)
                how = TimeAnchor.Text;
        }
        // Results "a year ago" in a report about a quarter are that quarter a year before.
        if (grain == Grain.Year && unit == "Y" && Math.Abs(count) == 1 && _lastEndedQuarter is { } q && sentence - _lastEndedQuarterSentence <= 2)
        {
            basis = q;
            how = TimeAnchor.Text;
        }
        // "For the nine months, net rose ... from a year earlier": the comparison is with the same months of the year
        // before, which no quarter names; the year is the value.
        if (grain == Grain.Year && unit == "Y" && Math.Abs(count) == 1 && MonthsSpanIsTopic(sentence))
        {
            basis = Period.Containing(Grain.Year, (_lastEndedQuarter?.Start ?? reference ?? _published)!.Value);
            how = TimeAnchor.Text;
        }
        // "Ten years later, there is another collapse", "Three years later, Reid says ...": "later" counts from a time of the
        // narrative; with none the text gives, or with one that would put it after the publication date in a clause that does
        // not look ahead, its date is not known, and it is what TimeML writes for it, a length of time ("later" its signal).
        bool forward = c.TextAnchored && c.Relative > 0;
        if (forward && basis is null)
            return Length(c);
        if (basis is null)
        {
            if (reference is not { } r)
                return Unknown(grain == Grain.Day ? "XXXX-XX-XX" : "XXXX");
            basis = Period.Containing(grain, r);
        }
        var b = basis.Value;
        DateOnly shifted = unit switch
        {
            "S" or "MIN" or "H" => b.Start,
            "D" => b.Start.AddDays(count),
            "W" or "FN" => b.Start.AddDays(7 * count),
            "M" => b.Start.AddMonths(count),
            "Q" => b.Start.AddMonths(3 * count),
            "DE" => b.Start.AddYears(10 * count),
            "CE" => b.Start.AddYears(100 * count),
            "ML" => b.Start.AddYears(1000 * count),
            _ => b.Start.AddYears(count),
        };
        // A finer date in the text keeps its grain ("March 3 ... a year earlier" is a day); otherwise the unit's.
        var g = b.Grain < grain ? b.Grain : grain;
        var result = Period.Containing(g, shifted);
        if (forward && _published is { } published && result.Start > published && TenseOf(c) != Tense.Future)
            return Length(c);
        return new Resolved(result, null, how);
    }

    /// <summary>A "later" phrase whose date is not known: its length of time ("Ten years later" = P10Y), as TimeML writes it.</summary>
    private static Resolved Length(Candidate c)
    {
        c.Type = TimexType.Duration;
        return new Resolved(null, TimexRecognizer.DurationValue(c.Count, c.Unit!, c.Count is not 1), TimeAnchor.None);
    }

    private Resolved? Clock(Candidate c, DateOnly? reference, TimeAnchor anchor, int sentence)
    {
        string time = $"T{c.Hour:D2}:{c.Minute:D2}";
        if (c.DayPart is { } day)
        {
            day.TenseFrom = c;
            var resolved = Resolve(day);
            if (resolved is { Type: TimexType.Date or TimexType.Time } e && e.Day is { } d)
                return new Resolved(null, d.ToString("yyyy-MM-dd", Invariant) + time, e.Anchor);
            return new Resolved(null, "XXXX-XX-XX" + time, TimeAnchor.None);
        }
        if (_lastDay is { } last && _lastPeriodSentence == sentence)
            return new Resolved(null, last.Value + time, TimeAnchor.Text);
        // "at 10:35 a.m. (0735 GMT) Friday": a day later in the sentence.
        if (c.NextDay is { } next && SentenceOf(next.Start) == sentence)
        {
            // The day is read as it is read on its own, so that the clock and the day agree ("At 6:30 in the morning on
            // April 25, officers ... arrived": both last April 25); the clock's tense serves only a day with none of its own.
            if (TenseOf(next) == Tense.None)
                next.TenseFrom ??= c;
            var resolved = Resolve(next);
            next.TenseFrom = null;
            if (resolved?.Day is { } nd)
                return new Resolved(null, nd.ToString("yyyy-MM-dd", Invariant) + time, resolved.Anchor);
        }
        // "In 1999 ... I generally arrived at 6:30 a.m.", "On Sept. 11, 2001 ... By 10:30 a.m., both towers had collapsed":
        // a clock time with no day of its own right after the text has gone to an earlier year it dates itself is a time
        // of that story, not of the publication day: the day the text named last when that is where the story is, else
        // not known. Not a stamp of the article ("Updated at 3:15 p.m."), nor one the sentence looks ahead to.
        // A story the text has already set on a day counted from the publication date ("early Wednesday morning") keeps that
        // present: a year after it is a side glance ("who joined the force in 2005").
        if (_inEarlierYear && !_lastDayFromReference && !IsStamp(c) && TenseOf(c) != Tense.Future)
        {
            if (_lastDay is { } storyDay && _lastPeriod == storyDay && !_movedOffLastDay)
                return new Resolved(null, storyDay.Value + time, TimeAnchor.Text);
            return new Resolved(null, "XXXX-XX-XX" + time, TimeAnchor.None);
        }
        if (reference is { } r)
            return new Resolved(null, r.ToString("yyyy-MM-dd", Invariant) + time, anchor);
        return new Resolved(null, "XXXX-XX-XX" + time, TimeAnchor.None);
    }

    /// <summary>Whether the last day the text named was counted from the publication date (or a quote's date): "on Wednesday", "yesterday".</summary>
    private bool _lastDayFromReference;

    /// <summary>Whether the period remembered last was dated by the text itself and ended before the reference date's year.</summary>
    private bool _inEarlierYear;

    /// <summary>"Updated at 3:15 p.m.", "Posted 9 a.m.": the article's own time stamp, the publication day's.</summary>
    private bool IsStamp(Candidate c)
    {
        var before = _text.AsSpan(Math.Max(0, c.Start - 16), c.Start - Math.Max(0, c.Start - 16)).TrimEnd();
        if (before.EndsWith(" at", StringComparison.OrdinalIgnoreCase) || before.Equals("at", StringComparison.OrdinalIgnoreCase))
            before = before[..^2].TrimEnd();
        int space = before.LastIndexOfAny(' ', '\n');
        before = before[(space + 1)..].TrimStart("-–—(".AsSpan());
        return before is "Updated" or "Update" or "updated" or "update" or "Posted" or "posted" or "Published" or "published" or "UPDATE" or "UPDATED";
    }

    private Resolved? Holiday(Candidate c, DateOnly? reference, TimeAnchor anchor)
    {
        var name = c.Holiday!;
        if (c.Year != Candidate.None)
            return Holidays.Date(name, c.Year) is { } fixedDay ? new Resolved(HolidayPeriod(c.Grain, fixedDay), null, TimeAnchor.None) : null;
        if (reference is null && c.Grain is Grain.Week or Grain.Weekend)
            return Unknown(c.Grain == Grain.Week ? "XXXX-WXX" : "XXXX-WXX-WE");
        if (reference is not { } r)
            return Holidays.Date(name, 2001) is { } d2 && Holidays.IsFixed(name) ? Unknown($"XXXX-{d2.Month:D2}-{d2.Day:D2}") : Unknown("XXXX-XX-XX");
        // "Easter week": the weeks that hold the day are the choices, so a week under way is this year's.
        Period? Make(int y) => Holidays.Date(name, y) is { } d ? HolidayPeriod(c.Grain, d) : null;
        _tenseDistance = 0;
        Period? p = c.Relative switch
        {
            -1 => Choose(Make, r.AddDays(-1), Tense.Past),
            1 => Choose(Make, r.AddDays(1), Tense.Future),
            _ => Choose(Make, r, TenseOf(c)),
        };
        if (p is null)
            return null;
        if (name == "Ramadan" && Holidays.RamadanFrom(p.Value.Start) is { } month)
        {
            // Ramadan is a lunar month: the Gregorian month it begins in as the value, its days as the range.
            return new Resolved(null, month.From.ToString("yyyy-MM", Invariant), anchor, month);
        }
        return new Resolved(p, null, anchor);
    }

    /// <summary>
    /// The holiday's day, the ISO week that holds it ("Easter week") or its weekend: the one that holds it, or ends the
    /// day before a holiday on a Monday, Tuesday or Wednesday ("Memorial Day weekend" is the Saturday and Sunday before the Monday).
    /// </summary>
    private static Period HolidayPeriod(Grain grain, DateOnly day) =>
        grain == Grain.Weekend && day.DayOfWeek is DayOfWeek.Monday or DayOfWeek.Tuesday or DayOfWeek.Wednesday
            ? Period.Containing(Grain.Weekend, day.AddDays(-3))
            : Period.Containing(grain, day);
}

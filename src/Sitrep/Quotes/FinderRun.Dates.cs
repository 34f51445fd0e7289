using System.Globalization;
using Sitrep.Time;

namespace Sitrep.Quotes;

internal sealed partial class FinderRun
{
    private List<(int Start, int End, string Value)>? _dates;
    private IReadOnlyList<TimeExpression>? _times;
    private int[]? _timeEndAt;

    /// <summary>
    /// The body's time expressions: the times stage's when the pipeline gives them (running the temporal
    /// tagger again was a third of this stage's time), else read here once.
    /// </summary>
    private IReadOnlyList<TimeExpression> Times =>
        _times ??= _input.Times ?? TimeExpressions.Find(_text, _tokens, _input.Sentences, _input.Published is { } p ? Iso(p) : null);

    /// <summary>The token after the time expression that starts at token <paramref name="t"/> ("last week", "Monday"), or -1 when none starts there.</summary>
    private int TimeEndAt(int t)
    {
        if (_timeEndAt is null)
        {
            _timeEndAt = new int[_tokens.Length];
            Array.Fill(_timeEndAt, -1);
            foreach (var time in Times)
            {
                int first = _view.FirstTokenAtOrAfter(time.Start);
                if (first < _tokens.Length && _tokens[first].Start < time.End)
                    _timeEndAt[first] = _view.FirstTokenAtOrAfter(time.End);
            }
        }
        return t >= 0 && t < _timeEndAt.Length ? _timeEndAt[t] : -1;
    }

    /// <summary>
    /// The date written in tokens [a, b) outside the characters [skipStart, skipEnd) and outside
    /// quotations: a calendar date written with its day (read by <see cref="TimeExpressions"/>: a missing year
    /// is placed against the publication date by tense), a weekday ("on Tuesday": the last
    /// such day up to publication), "today" or "yesterday". ISO yyyy-MM-dd, "XXXX-MM-DD" when no year
    /// can be known, or null.
    /// </summary>
    private string? DateIn((int Start, int End) window, int skipStart, int skipEnd) => DateIn(window.Start, window.End, skipStart, skipEnd);

    private string? DateIn(int a, int b, int skipStart, int skipEnd)
    {
        if (a < 0 || b <= a || a >= _tokens.Length)
            return null;
        b = Math.Min(b, _tokens.Length);
        int from = _tokens[a].Start, to = _tokens[b - 1].End;
        var published = _input.Published;
        // The body's calendar dates are found once, by the temporal tagger (a year-less date placed by
        // the tense around it); a date counts here when it lies wholly in the tokens.
        _dates ??= CalendarDates();
        foreach (var (start, end, value) in _dates)
        {
            if (start < from || end > to)
                continue;
            if (Skipped(start, skipStart, skipEnd))
                continue;
            return value;
        }
        // The words below are read against the publication date: without one none is.
        if (published is not { } p)
            return null;
        for (int k = a; k < b; k++)
        {
            if (!_view.IsWord(k) || SkippedToken(k, skipStart, skipEnd))
                continue;
            // "who today heads the committee": "today" in a relative clause means "nowadays" and
            // describes the speaker, not the day the words were said.
            if (WordIs(k, "today") && !(WordIs(k - 1, "who") || WordIs(k - 1, "which") || WordIs(k - 1, "that")))
                return Iso(p);
            if (WordIs(k, "yesterday"))
                return Iso(p.AddDays(-1));
            if (WordIn(k, Weekdays) && char.IsUpper(_text[_tokens[k].Start]))
            {
                var day = WeekdayOf(_view.Word(k));
                if (day is null)
                    continue;
                int back = ((int)p.DayOfWeek - (int)day.Value + 7) % 7;
                if (WordIs(k - 1, "last") && back == 0)
                    back = 7;
                if (WordIs(k - 1, "next"))
                    continue;
                return Iso(p.AddDays(-back));
            }
        }
        return null;
    }

    /// <summary>The body's dates written with a day and a month ("31 March", "March 31, 2020"), with their ISO or "XXXX-MM-DD" value.</summary>
    private List<(int Start, int End, string Value)> CalendarDates()
    {
        var found = new List<(int, int, string)>();
        foreach (var t in Times)
        {
            if (t.Type != TimexType.Date || t.Value.Length != 10 || t.Value[4] != '-' || t.Value[7] != '-')
                continue;
            if (!t.Text(_text).AsSpan().ContainsAny("0123456789"))
                continue;
            found.Add((t.Start, t.End, t.Value));
        }
        return found;
    }

    private bool Skipped(int at, int skipStart, int skipEnd)
    {
        if (at >= skipStart && at < skipEnd)
            return true;
        int t = _view.FirstTokenAtOrAfter(at);
        return t < _tokens.Length && _view.TokenQuote[t] >= 0 && _view.MarkRole[t] == 0;
    }

    /// <summary><see cref="Skipped"/> at token <paramref name="k"/>'s start, without the search for its token.</summary>
    private bool SkippedToken(int k, int skipStart, int skipEnd)
    {
        int at = _tokens[k].Start;
        if (at >= skipStart && at < skipEnd)
            return true;
        int t = k;
        while (t > 0 && _tokens[t - 1].Start >= at)
            t--;
        return _view.TokenQuote[t] >= 0 && _view.MarkRole[t] == 0;
    }

    private static DayOfWeek? WeekdayOf(ReadOnlySpan<char> word)
    {
        if (word.Length < 3)
            return null;
        return char.ToLowerInvariant(word[0]) switch
        {
            'm' => DayOfWeek.Monday,
            'w' => DayOfWeek.Wednesday,
            'f' => DayOfWeek.Friday,
            't' => char.ToLowerInvariant(word[1]) == 'u' ? DayOfWeek.Tuesday : DayOfWeek.Thursday,
            's' => char.ToLowerInvariant(word[1]) == 'a' ? DayOfWeek.Saturday : DayOfWeek.Sunday,
            _ => null,
        };
    }

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

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

    private string? DateIn(int a, int b, int skipStart, int skipEnd) => DateIn(a, b, skipStart, skipEnd, null, out _);

    /// <summary>
    /// As above; for the words of frame <paramref name="of"/> a date that names another event ("X, who chaired
    /// the March 3 meeting, said …") is passed over (<paramref name="another"/> tells that one was): see <see cref="NamesAnother"/>.
    /// </summary>
    private string? DateIn(int a, int b, int skipStart, int skipEnd, Frame? of, out bool another)
    {
        another = false;
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
            if (of is not null && NamesAnother(start, end, of))
            {
                another = true;
                continue;
            }
            return value;
        }
        // The words below are read against the publication date: without one none is.
        if (published is not { } p)
            return null;
        for (int k = a; k < b; k++)
        {
            if (!_view.IsWord(k) || SkippedToken(k, skipStart, skipEnd))
                continue;
            // A word of an outlet's or organisation's name is no date: "told USA Today", "The Sun reported", "the Today
            // show". A weekday the tagger ran into a person or an event ("State of the Union Tuesday") still dates.
            if (_view.TokenMention[k] >= 0 && _input.Mentions[_view.TokenMention[k]].Type is "MEDIA" or "ORG")
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

    private static readonly System.Collections.Frozen.FrozenSet<string> NounDeterminers = System.Collections.Frozen.FrozenSet.ToFrozenSet(
        ["the", "a", "an", "this", "that", "his", "her", "its", "their", "our", "my", "your"], StringComparer.Ordinal);

    private static readonly System.Collections.Frozen.FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> DateOccasions = SpeechWords.DateOccasions.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>
    /// Whether the date in characters [start, end) is written on a noun that is no occasion of speech, and so
    /// names another event than the words': "the March 3 attack", "Iran's Jan. 6 test" (after a determiner or a
    /// possessive, before a noun). A date on an occasion (speech-occasions.tsv: "his May 15 show", "a June 12
    /// press conference") is the words' date, and so is one inside the speaker ("a March 3 memo said").
    /// </summary>
    private bool NamesAnother(int start, int end, Frame f)
    {
        if (f.SourceStart >= 0 && start >= f.SourceStart && end <= f.SourceEnd)
            return false;
        int d0 = _view.FirstTokenAtOrAfter(start), after = _view.FirstTokenAtOrAfter(end);
        if (d0 <= 0 || d0 >= _tokens.Length || after >= _tokens.Length)
            return false;
        // The tagger may take the determiner into the date ("the March 3").
        if (WordIn(d0, NounDeterminers))
            d0++;
        var before = _view.Word(d0 - 1);
        bool possessive = before.EndsWith("'s", StringComparison.OrdinalIgnoreCase) || before.EndsWith("\u2019s", StringComparison.OrdinalIgnoreCase);
        if (!possessive && !WordIn(d0 - 1, NounDeterminers))
            return false;
        if (!_view.IsWord(after) || !char.IsLetter(_text[_tokens[after].Start]) || WordIn(after, SpeechWords.PhraseStops) || WordIn(after, SpeechWords.Prepositions))
            return false;
        Span<char> buffer = stackalloc char[40];
        for (int j = after; j < Math.Min(_tokens.Length, after + 4); j++)
        {
            if (!_view.IsWord(j) || (j > after && (WordIn(j, SpeechWords.PhraseStops) || WordIn(j, SpeechWords.Prepositions))))
                break;
            var lower = CueFeatures.Lower(_view.Word(j), buffer);
            if (DateOccasions.Contains(lower) || (lower.Length > 3 && lower[^1] == 's' && DateOccasions.Contains(lower[..^1])))
                return false;
        }
        return true;
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

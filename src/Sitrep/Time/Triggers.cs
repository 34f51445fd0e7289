using System.Buffers;
using System.Numerics;
using System.Text;

namespace Sitrep.Time;

/// <summary>
/// The words without which a pattern cannot match ("year" for "two years ago", a month name for
/// "March 11"). The recognizer finds them with one vectorised search per set and runs each pattern
/// only in windows around them, instead of trying its optional words at every position of the text.
/// Substrings are enough ("day" finds "Monday" and "today"): a trigger only says where to look.
/// </summary>
internal sealed class Triggers
{
    private readonly SearchValues<string>? _words;
    private readonly string[] _wordList;
    private readonly bool _digits;
    private readonly bool _wordStart;

    /// <param name="wordStart">Only where a word begins ("day" in "two days", not in "Monday"); false for suffixes such as "0s".</param>
    private Triggers(int id, string[] words, bool digits, bool wordStart = true)
    {
        Id = id;
        _words = words.Length > 0 ? SearchValues.Create(words, StringComparison.OrdinalIgnoreCase) : null;
        _wordList = words;
        _digits = digits;
        _wordStart = wordStart;
    }

    /// <summary>Index of this set in <see cref="All"/>: positions are found once per set and text.</summary>
    public int Id { get; }

    public static readonly Triggers Units = new(0, ["second", "minute", "mins", "hour", "hrs", "day", "night", "week", "fortnight", "month",
        "quarter", "year", "decade", "centur", "millenni"], false);

    public static readonly Triggers Months = new(1, ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"], false);

    public static readonly Triggers Weekdays = new(2, ["mon", "tue", "wed", "thu", "fri", "sat", "sun"], false);

    public static readonly Triggers Digits = new(3, [], true);

    public static readonly Triggers DaysOfNow = new(4, ["today", "yesterday", "tomorrow", "tonight", "morning", "afternoon", "evening", "night"], false);

    public static readonly Triggers Clock = new(5, [":", "a.m", "p.m", "am", "pm", "gmt", "utc", "hours", "hrs", "local time", "noon", "midnight",
        "midday", "clock", "in the morning", "in the afternoon", "in the evening"], false);

    public static readonly Triggers References = new(6, ["now", "current", "recent", "late", "past", "future", "these days", "present", "moment", "term"], false);

    public static readonly Triggers Named = new(7, ["christmas", "new year", "thanksgiving", "easter", "good friday", "halloween", "valentine",
        "fourth of july", "july fourth", "labor day", "labour day", "memorial day", "veterans day", "election day", "boxing day", "nowruz",
        "norouz", "ramadan", "eid "], false);

    public static readonly Triggers Spelled = new(8, ["nineteen", "twenty", "thousand"], false);

    public static readonly Triggers Seasons = new(9, ["spring", "summer", "fall", "autumn", "winter"], false);

    public static readonly Triggers Quarters = new(10, ["quarter", "half", "q1", "q2", "q3", "q4", "1h", "2h", "h1", "h2", "period", "year-ago", "year-earlier"], false);

    public static readonly Triggers Centuries = new(11, ["century"], false);

    public static readonly Triggers Decades = new(12, ["0s", "0's", "0’s", "ties"], false, wordStart: false);

    public static readonly Triggers Frequencies = new(13, ["daily", "weekly", "monthly", "annually", "yearly", "quarterly", "hourly", "nightly",
        "biannually", "biennially", "annually", "fortnightly", "bimonthly", "weekly"], false);

    public static readonly Triggers Names = new(14, ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today",
        "daily", "fall of"], false);

    public static readonly Triggers Old = new(15, ["old"], false);

    public static readonly Triggers Every = new(16, ["every", "each", "per"], false);

    public static readonly Triggers Periods = new(17, ["week", "month", "year", "quarter", "decade", "day", "night", "morning", "afternoon", "evening"], false);

    public static readonly Triggers Weekends = new(18, ["weekend"], false);

    public static readonly Triggers Rates = new(19, ["a day", "a night", "a week", "a month", "a year", "an hour", "a quarter", "per day", "per night",
        "per week", "per month", "per year", "per hour", "per quarter"], false);

    public static readonly Triggers Long = new(20, ["-long"], false, wordStart: false);

    public static readonly Triggers Times = new(21, ["once", "twice", "thrice", "times"], false);

    public const int Count = 22;

    private static readonly Triggers[] All =
    [
        Units, Months, Weekdays, Digits, DaysOfNow, Clock, References, Named, Spelled, Seasons, Quarters, Centuries, Decades,
        Frequencies, Names, Old, Every, Periods, Weekends, Rates, Long, Times,
    ];

    private static readonly WordStarts Starts = new(All);

    /// <summary>Every set, by id.</summary>
    internal static IReadOnlyList<Triggers> Sets => All;

    /// <summary>
    /// <see cref="Find"/> of every set at once: one pass over the text for the sets whose words begin a word
    /// (and the digits), instead of one vectorised search per set (22 of them, each re-started at every hit).
    /// The two sets found inside words (decades, "-long") keep their own search.
    /// </summary>
    public static List<int>[] FindAll(string text)
    {
        var found = new List<int>[Count];
        foreach (var set in All)
            found[set.Id] = set._wordStart && !set._digits ? [] : set.Find(text);
        var span = text.AsSpan();
        for (int p = 0; p < span.Length; p++)
        {
            // A word of a set counts only where no letter comes before it.
            if (p > 0 && char.IsLetter(span[p - 1]))
                continue;
            for (uint mask = Starts.At(span, p); mask != 0; mask &= mask - 1)
                found[BitOperations.TrailingZeroCount(mask)].Add(p);
        }
        return found;
    }

    /// <summary>Every position in <paramref name="text"/> where one of the words (or a digit) begins.</summary>
    public List<int> Find(string text)
    {
        var found = new List<int>();
        var span = text.AsSpan();
        if (_words is not null)
        {
            int at = 0;
            while (at < span.Length)
            {
                int i = span[at..].IndexOfAny(_words);
                if (i < 0)
                    break;
                if (!_wordStart || at + i == 0 || !char.IsLetter(span[at + i - 1]))
                    found.Add(at + i);
                at += i + 1;
            }
        }
        if (_digits)
        {
            int at = 0;
            while (at < span.Length)
            {
                int i = span[at..].IndexOfAnyInRange('0', '9');
                if (i < 0)
                    break;
                found.Add(at + i);
                // One position per run of digits is enough.
                at += i + 1;
                while (at < span.Length && char.IsAsciiDigit(span[at]))
                    at++;
            }
            if (_words is not null)
                found.Sort();
        }
        return found;
    }

    /// <summary>
    /// The words of the sets that begin a word, by their first two characters (ASCII, letters folded to lower
    /// case): which sets have a word at a position, compared as <see cref="StringComparison.OrdinalIgnoreCase"/>
    /// like the sets' own searches. A non-ASCII letter among the two (which could fold to an ASCII one) is
    /// compared against every word.
    /// </summary>
    private sealed class WordStarts
    {
        private const int Alphabet = 64;
        private readonly sbyte[] _code = new sbyte[128];
        private readonly uint[] _single = new uint[Alphabet];
        private readonly (string Word, uint Sets)[][] _byPair = new (string, uint)[Alphabet * Alphabet][];
        private readonly (string Word, uint Sets)[] _all;

        public WordStarts(Triggers[] sets)
        {
            var words = new Dictionary<string, uint>(StringComparer.OrdinalIgnoreCase);
            foreach (var set in sets)
            {
                if (!set._wordStart)
                    continue;
                foreach (var w in set._wordList)
                {
                    if (!Ascii.IsValid(w) || w != w.ToLowerInvariant())
                        throw new InvalidOperationException($"trigger '{w}' must be lower-case ASCII");
                    words[w] = words.GetValueOrDefault(w) | 1u << set.Id;
                }
            }
            _all = [.. words.Select(kv => (kv.Key, kv.Value))];
            Array.Fill(_code, (sbyte)-1);
            int codes = 0;
            foreach (var (word, _) in _all)
            {
                for (int i = 0; i < Math.Min(2, word.Length); i++)
                {
                    char c = word[i];
                    if (_code[c] < 0)
                        _code[c] = _code[char.ToUpperInvariant(c)] = (sbyte)codes++;
                }
            }
            if (codes > Alphabet)
                throw new InvalidOperationException("too many distinct characters begin the triggers");
            var pairs = new List<(string, uint)>?[Alphabet * Alphabet];
            foreach (var (word, mask) in _all)
            {
                if (word.Length == 1)
                    _single[_code[word[0]]] |= mask;
                else
                    (pairs[_code[word[0]] * Alphabet + _code[word[1]]] ??= []).Add((word, mask));
            }
            for (int i = 0; i < pairs.Length; i++)
                _byPair[i] = pairs[i]?.ToArray() ?? [];
        }

        /// <summary>The sets (a bit each, by id) that have a word beginning at <paramref name="p"/>.</summary>
        public uint At(ReadOnlySpan<char> text, int p)
        {
            char c0 = text[p];
            if (c0 >= 128)
                return char.IsLetter(c0) ? Slow(text[p..]) : 0;
            int k0 = _code[c0];
            if (k0 < 0)
                return 0;
            uint sets = _single[k0];
            if (p + 1 >= text.Length)
                return sets;
            char c1 = text[p + 1];
            if (c1 >= 128)
                return char.IsLetter(c1) ? sets | Slow(text[p..]) : sets;
            int k1 = _code[c1];
            if (k1 < 0)
                return sets;
            foreach (var (word, mask) in _byPair[k0 * Alphabet + k1])
            {
                if (RestEquals(text[p..], word))
                    sets |= mask;
            }
            return sets;
        }

        /// <summary>Whether <paramref name="text"/> begins with <paramref name="word"/> (lower-case ASCII) whose first two characters it has.</summary>
        private static bool RestEquals(ReadOnlySpan<char> text, string word)
        {
            if (text.Length < word.Length)
                return false;
            for (int i = 2; i < word.Length; i++)
            {
                char c = text[i];
                if (c >= 128)
                    return text.StartsWith(word, StringComparison.OrdinalIgnoreCase);
                if (char.IsAsciiLetterUpper(c))
                    c = (char)(c | 0x20);
                if (c != word[i])
                    return false;
            }
            return true;
        }

        private uint Slow(ReadOnlySpan<char> text)
        {
            uint sets = 0;
            foreach (var (word, mask) in _all)
            {
                if (text.StartsWith(word, StringComparison.OrdinalIgnoreCase))
                    sets |= mask;
            }
            return sets;
        }
    }
}

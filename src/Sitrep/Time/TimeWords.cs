using System.Globalization;

namespace Sitrep.Time;

/// <summary>The closed tables of English calendar words: months, weekdays, number words, units, seasons, parts of the day.</summary>
internal static class TimeWords
{
    /// <summary>1-12 for a month name or abbreviation ("Sept.", "SEPTEMBER"), 0 when it is none.</summary>
    public static int Month(ReadOnlySpan<char> word)
    {
        word = word.TrimEnd('.');
        if (word.Length < 3)
            return 0;
        Span<char> lower = stackalloc char[3];
        for (int i = 0; i < 3; i++)
            lower[i] = char.ToLowerInvariant(word[i]);
        return lower switch
        {
            "jan" => 1,
            "feb" => 2,
            "mar" => 3,
            "apr" => 4,
            "may" => 5,
            "jun" => 6,
            "jul" => 7,
            "aug" => 8,
            "sep" => 9,
            "oct" => 10,
            "nov" => 11,
            "dec" => 12,
            _ => 0,
        };
    }

    /// <summary>ISO day of week (Monday 1 .. Sunday 7) of a weekday name or abbreviation, 0 when it is none.</summary>
    public static int Weekday(ReadOnlySpan<char> word)
    {
        if (word.Length < 3)
            return 0;
        Span<char> lower = stackalloc char[3];
        for (int i = 0; i < 3; i++)
            lower[i] = char.ToLowerInvariant(word[i]);
        return lower switch
        {
            "mon" => 1,
            "tue" => 2,
            "wed" => 3,
            "thu" => 4,
            "fri" => 5,
            "sat" => 6,
            "sun" => 7,
            _ => 0,
        };
    }

    private static readonly string[] Units = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
        "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"];

    private static readonly string[] Tens = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];

    private static readonly string[] Ordinals = ["", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
        "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth", "nineteenth",
        "twentieth", "twenty-first", "twenty-second"];

    /// <summary>
    /// The number a count names: digits ("12", "1.5", "1,000"), words up to ninety-nine ("twenty-four"),
    /// "a"/"an"/"a single" (1), "a couple of" (2), "a dozen" (12), "a hundred"; null for a vague
    /// count ("several", "a few", "many") and NaN when it is not a count at all.
    /// </summary>
    public static double? Count(ReadOnlySpan<char> words)
    {
        words = words.Trim();
        if (words.IsEmpty)
            return double.NaN;
        if (words[0] is '½' or '¼' or '¾')
            return Fraction(words[0]);
        if (char.IsDigit(words[0]) && words.IndexOfAny('½', '¼', '¾') is int frac && frac > 0)
            return Count(words[..frac]) + Fraction(words[frac]);
        int slash = words.IndexOf('/');
        if (slash > 0 && char.IsDigit(words[0]))
        {
            // "5 1/2", "2-1/2"
            int gap = words[..slash].LastIndexOfAny(' ', '-');
            if (gap > 0 && int.TryParse(words[(gap + 1)..slash], NumberStyles.None, CultureInfo.InvariantCulture, out int num)
                && int.TryParse(words[(slash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out int den) && den > 0)
            {
                return Count(words[..gap]) + (double)num / den;
            }
            return double.NaN;
        }
        if (char.IsDigit(words[0]))
        {
            Span<char> digits = stackalloc char[Math.Min(words.Length, 32)];
            int n = 0;
            foreach (char c in words)
            {
                if (c == ',')
                    continue;
                if (n == digits.Length)
                    return double.NaN;
                digits[n++] = c;
            }
            return double.TryParse(digits[..n], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var v) ? v : double.NaN;
        }
        var s = words.ToString().ToLowerInvariant().Replace('-', ' ');
        s = string.Join(' ', s.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        if (s.EndsWith(" of", StringComparison.Ordinal))
            s = s[..^3];
        switch (s)
        {
            case "a" or "an" or "one" or "a single" or "single":
                return 1;
            case "a couple" or "couple":
                return 2;
            case "a dozen" or "dozen":
                return 12;
            case "a hundred" or "one hundred" or "hundred":
                return 100;
            case "a thousand" or "one thousand" or "thousand":
                return 1000;
            case "half a" or "half an":
                return 0.5;
            case "a half":
                return 0.5;
            case "a quarter" or "a quarter of a" or "a quarter of an":
                return 0.25;
            case "several" or "a few" or "few" or "many" or "some" or "a number" or "dozens" or "hundreds" or "thousands" or "numerous" or "countless" or "multiple":
                return null;
        }
        if (s.EndsWith(" and a half", StringComparison.Ordinal))
            return Count(s.AsSpan(0, s.Length - 11)) + 0.5;
        int value = Small(s);
        return value >= 0 ? value : double.NaN;
    }

    private static double Fraction(char c) => c switch
    {
        '½' => 0.5,
        '¼' => 0.25,
        _ => 0.75,
    };

    /// <summary>0-99 written in words ("twenty four"), -1 when it is not.</summary>
    public static int Small(string s)
    {
        int i = Array.IndexOf(Units, s);
        if (i >= 0)
            return i;
        int space = s.IndexOf(' ', StringComparison.Ordinal);
        int t = Array.IndexOf(Tens, space < 0 ? s : s[..space]);
        if (t < 2)
            return -1;
        if (space < 0)
            return 10 * t;
        int u = Array.IndexOf(Units, s[(space + 1)..]);
        return u is > 0 and < 10 ? 10 * t + u : -1;
    }

    /// <summary>1-22 for an ordinal ("third", "3rd", "twenty-first"), 0 when it is none.</summary>
    public static int Ordinal(ReadOnlySpan<char> word)
    {
        if (word.Length > 2 && char.IsDigit(word[0]))
        {
            int n = 0, i = 0;
            while (i < word.Length && char.IsDigit(word[i]))
                n = n * 10 + (word[i++] - '0');
            return n;
        }
        var s = word.ToString().ToLowerInvariant();
        int k = Array.IndexOf(Ordinals, s);
        if (k > 0)
            return k;
        return s is "last" or "final" ? -1 : 0;
    }

    /// <summary>The unit letter(s) of a duration ("Y", "M", "W", "D", "H", "MIN", "S", "Q", "DE", "CE") for a unit word.</summary>
    public static string? Unit(ReadOnlySpan<char> word)
    {
        var w = word.ToString().ToLowerInvariant();
        if (w.EndsWith('s') && w.Length > 3 && !w.EndsWith("ss", StringComparison.Ordinal))
            w = w[..^1];
        return w switch
        {
            "second" or "sec" => "S",
            "minute" or "min" => "MIN",
            "hour" or "hr" => "H",
            "day" or "night" => "D",
            "weekend" => "WE",
            "week" or "wk" => "W",
            "fortnight" => "FN",
            "month" or "mo" => "M",
            "quarter" => "Q",
            "year" or "yr" => "Y",
            "decade" => "DE",
            "century" or "centurie" => "CE",
            "millennium" or "millennia" or "millenium" => "ML",
            _ => null,
        };
    }

    /// <summary>The TIMEX3 part of the day ("TMO", "TAF", "TEV", "TNI", "TDT"? no: MI for midday) for a word.</summary>
    public static string? PartOfDay(ReadOnlySpan<char> word)
    {
        var w = word.ToString().ToLowerInvariant();
        return w switch
        {
            "morning" or "mornings" or "dawn" or "daybreak" => "MO",
            "afternoon" or "afternoons" => "AF",
            "evening" or "evenings" or "dusk" => "EV",
            "night" or "nights" or "overnight" => "NI",
            "midday" => "MI",
            _ => null,
        };
    }

    /// <summary>The first month of a season word (spring 3, summer 6, fall/autumn 9, winter 12), 0 when none.</summary>
    public static int Season(ReadOnlySpan<char> word)
    {
        var w = word.ToString().ToLowerInvariant();
        return w switch
        {
            "spring" => 3,
            "summer" => 6,
            "fall" or "autumn" => 9,
            "winter" => 12,
            _ => 0,
        };
    }
}

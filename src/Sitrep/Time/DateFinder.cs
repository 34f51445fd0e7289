using System.Globalization;
using System.Text.RegularExpressions;
using Sitrep.Documents;

namespace Sitrep.Time;

/// <summary>Finds calendar dates in English news text: "March 31, 2020", "31 March", "Jan. 3", "2020-03-31".</summary>
public static partial class DateFinder
{
    private const string Month = "(?<mon>January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)";
    private const string Weekday = "(?:(?<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)\\.?,?\\s+)?";

    [GeneratedRegex(Weekday + Month + """\.?\s+(?<day>\d{1,2})(?:st|nd|rd|th)?\b(?!\s*(?:%|percent|per\s+cent))(?:,?\s+(?<year>(?:19|20)\d{2})\b)?""")]
    private static partial Regex MonthFirst();

    [GeneratedRegex(Weekday + """(?:the\s+)?(?<![\d,.])\b(?<day>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?""" + Month + """\b\.?(?:,?\s+(?<year>(?:19|20)\d{2})\b)?""")]
    private static partial Regex DayFirst();

    [GeneratedRegex("""\b(?<year>(?:19|20)\d{2})-(?<m>\d{2})-(?<day>\d{2})\b""")]
    private static partial Regex Iso();

    [GeneratedRegex("""(?<![\d,.$€£])\b(?<year>(?:19|20)\d{2})\b(?!\d|,\d|\s*(?:%|percent))""")]
    private static partial Regex BareYear();

    public static List<DateMention> Find(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var found = new List<DateMention>();
        var taken = new List<TextRange>();
        foreach (var regex in (ReadOnlySpan<Regex>)[Iso(), MonthFirst(), DayFirst()])
        {
            foreach (Match m in regex.Matches(text))
            {
                var range = new TextRange(m.Index, m.Index + m.Length);
                if (taken.Exists(r => r.Start < range.End && range.Start < r.End))
                    continue;
                int month = m.Groups["mon"].Success ? MonthNumber(m.Groups["mon"].Value) : int.Parse(m.Groups["m"].Value, CultureInfo.InvariantCulture);
                int day = int.Parse(m.Groups["day"].Value, CultureInfo.InvariantCulture);
                int? year = m.Groups["year"].Success ? int.Parse(m.Groups["year"].Value, CultureInfo.InvariantCulture) : null;
                if (day < 1 || day > 31)
                    continue;
                taken.Add(range);
                found.Add(new DateMention(range, year, month, day, m.Groups["wd"].Success));
            }
        }
        found.Sort((a, b) => a.Range.Start.CompareTo(b.Range.Start));
        return found;
    }

    /// <summary>Every year a text names, with or without a date around it.</summary>
    public static IEnumerable<int> Years(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (Match m in BareYear().Matches(text))
            yield return int.Parse(m.Groups["year"].Value, CultureInfo.InvariantCulture);
    }

    private static int MonthNumber(string name) => name[..3] switch
    {
        "Jan" => 1,
        "Feb" => 2,
        "Mar" => 3,
        "Apr" => 4,
        "May" => 5,
        "Jun" => 6,
        "Jul" => 7,
        "Aug" => 8,
        "Sep" => 9,
        "Oct" => 10,
        "Nov" => 11,
        _ => 12,
    };
}

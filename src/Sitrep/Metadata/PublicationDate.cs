using System.Globalization;
using System.Text.RegularExpressions;
using Sitrep.Time;

namespace Sitrep.Metadata;

/// <summary>
/// Dates an article from what it says: it cannot have been published before the latest date it
/// reports, and a year written anywhere in it anchors the dates written without one.
/// </summary>
public static partial class PublicationDate
{
    /// <summary>Words that put a date in the future of the article ("will meet on May 3", "until June 1").</summary>
    [GeneratedRegex("""(?i)\b(will|would|until|till|scheduled|due|next|upcoming|planned|expected|deadline|by\s+no\s+later\s+than|ahead\s+of)\b[^.;!?]{0,30}$""")]
    private static partial Regex FutureContext();

    /// <summary>The latest date that <paramref name="texts"/> report, as yyyy-MM-dd; null when none is dated.</summary>
    public static string? Infer(IEnumerable<string> texts, int? currentYear = null)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var all = texts.Where(t => !string.IsNullOrEmpty(t)).ToList();
        int maxYear = currentYear ?? DateTime.UtcNow.Year;
        var mentions = new List<(string Text, DateMention Mention)>();
        int? anchor = null;
        foreach (var text in all)
        {
            foreach (var m in DateFinder.Find(text))
            {
                mentions.Add((text, m));
                if (m.Year is { } y && y <= maxYear + 1)
                    anchor = anchor is null ? y : Math.Max(anchor.Value, y);
            }
        }
        if (anchor is null)
        {
            foreach (var text in all)
            {
                foreach (int y in DateFinder.Years(text))
                {
                    if (y <= maxYear)
                        anchor = anchor is null ? y : Math.Max(anchor.Value, y);
                }
            }
        }
        DateOnly? latest = null;
        foreach (var (text, m) in mentions)
        {
            int from = Math.Max(0, m.Range.Start - 60);
            if (FutureContext().IsMatch(text.AsSpan(from, m.Range.Start - from).ToString()))
                continue;
            var date = m.Resolve(anchor);
            if (date is { } d && d.Year <= maxYear + 1 && (latest is null || d > latest))
                latest = d;
        }
        return latest?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    }

    /// <summary>A stated date in any common form, as ISO: a date, or a UTC date-time when a time is given.</summary>
    public static string? Normalize(string? stated)
    {
        if (string.IsNullOrWhiteSpace(stated))
            return null;
        var s = stated.Trim();
        if (DateOnly.TryParseExact(s, ["yyyy-MM-dd", "yyyy/MM/dd", "yyyyMMdd"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
            return d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        if (DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces, out var dto))
        {
            bool hasTime = s.Contains(':', StringComparison.Ordinal);
            return hasTime
                ? dto.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)
                : dto.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }
        var found = DateFinder.Find(s);
        if (found.Count > 0 && found[0].Resolve(null) is { } only)
            return only.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return null;
    }
}

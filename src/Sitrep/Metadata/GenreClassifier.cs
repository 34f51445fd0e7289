using System.Text.RegularExpressions;
using Sitrep.Documents;
using Sitrep.Pipeline;

namespace Sitrep.Metadata;

/// <summary>
/// News reports, opinion argues, analysis explains. The page's own labels decide first (an
/// opinion-section disclaimer, a section name); then who wrote it (an analyst's bio); then how
/// the writer's own words read, quotations left out: argument markers ("the fact is", "must",
/// "I believe") against reporting.
/// </summary>
internal static partial class GenreClassifier
{
    /// <summary>Argument markers per thousand words of the writer's own text above which a piece argues.</summary>
    private const double ArgumentDensity = 4.0;

    [GeneratedRegex("""(?i)\b(analyst|fellow|researcher|research\s+director|scholar|professor|lecturer|expert|think[- ]tank|institute|cent(er|re)\s+for|political\s+scientist|economist|historian|strategist)\b""", RegexOptions.None, RegexTimeouts.Milliseconds)]
    private static partial Regex ExpertRole();

    [GeneratedRegex("""(?i)\b(columnist|opinion\s+writer|commentator|editorial\s+board|contributing\s+(writer|opinion))\b""", RegexOptions.None, RegexTimeouts.Milliseconds)]
    private static partial Regex OpinionRole();

    /// <summary>
    /// Argument markers, in the order they are tried: at a word's start, the first marker the text spells
    /// there (ASCII letters in either case) that ends a word counts, and counting goes on after it; the
    /// counts of the case-insensitive regex <c>\b(the fact is|in fact|…)\b</c> this replaces, which
    /// tried every position of the body against every alternative (half of the metadata stage's time).
    /// Equal counts on all 37,554 allsides articles and 1,642 PolNeAR, WCXB and reference texts
    /// (2026-12-04); GenreClassifierTests holds the regex and compares them. The list is
    /// resources/lexicons/genre-markers.tsv, hashed into the metadata stage's version.
    /// </summary>
    private static readonly string[] Markers = [.. Sitrep.Lexicons.Lexicon.Get("genre-markers").Entries.Select(e => e.Text)];

    internal static class ArgumentMarkers
    {
        public static int Count(string text)
        {
            int count = 0;
            int p = 0;
            while (p < text.Length)
            {
                if (p > 0 && IsWordChar(text[p - 1]) || !char.IsAsciiLetter(text[p]))
                {
                    p++;
                    continue;
                }
                int length = MatchAt(text, p);
                if (length > 0)
                {
                    count++;
                    p += length;
                }
                else
                {
                    p++;
                }
            }
            return count;
        }

        /// <summary>
        /// <see cref="Markers"/> by their first letter (a to z), in the list's order: a word start is compared
        /// with the few that can match it, not all forty (the search was 0.5% of <c>sitrep analyze</c>).
        /// </summary>
        private static readonly string[][] ByFirstLetter = [.. Enumerable.Range(0, 26).Select(k => Markers.Where(m => m[0] == 'a' + k).ToArray())];

        private static int MatchAt(string text, int p)
        {
            char first = (char)(text[p] | 0x20);
            if (first is < 'a' or > 'z')
                return 0;
            foreach (var marker in ByFirstLetter[first - 'a'])
            {
                if (marker[0] != first || p + marker.Length > text.Length)
                    continue;
                bool same = true;
                for (int k = 1; k < marker.Length && same; k++)
                {
                    char c = text[p + k], m = marker[k];
                    same = char.IsAsciiLetterLower(m) ? (char)(c | 0x20) == m && char.IsAsciiLetter(c) : c == m;
                }
                if (same && (p + marker.Length == text.Length || !IsWordChar(text[p + marker.Length])))
                    return marker.Length;
            }
            return 0;
        }

        // The characters .NET's \b counts as a word's: letters, non-spacing marks, digits, connector punctuation, and the zero-width joiners.
        private static bool IsWordChar(char c) => c is '\u200C' or '\u200D' || char.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.UppercaseLetter
            or System.Globalization.UnicodeCategory.LowercaseLetter or System.Globalization.UnicodeCategory.TitlecaseLetter or System.Globalization.UnicodeCategory.ModifierLetter
            or System.Globalization.UnicodeCategory.OtherLetter or System.Globalization.UnicodeCategory.NonSpacingMark or System.Globalization.UnicodeCategory.DecimalDigitNumber
            or System.Globalization.UnicodeCategory.ConnectorPunctuation;
    }

    [GeneratedRegex("""“[^”]*”|"[^"\n]*"|«[^»]*»""", RegexOptions.None, RegexTimeouts.Milliseconds)]
    private static partial Regex Quotation();

    public static Genre? Classify(string text, PageHints hints)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(hints);
        if (hints.OpinionLabel)
            return Genre.Opinion;
        if (hints.AnalysisLabel)
            return Genre.Analysis;
        if (hints.AuthorBio is { } bio)
        {
            if (OpinionRole().IsMatch(bio))
                return Genre.Opinion;
            if (ExpertRole().IsMatch(bio))
                return Genre.Analysis;
        }
        var own = Quotation().Replace(text, " ");
        int words = Cleaning.TextShape.CountWords(own);
        if (words < 60)
            return Cleaning.TextShape.CountWords(text) < 60 ? null : Genre.News;
        double density = ArgumentMarkers.Count(own) * 1000.0 / words;
        return density >= ArgumentDensity ? Genre.Opinion : Genre.News;
    }
}


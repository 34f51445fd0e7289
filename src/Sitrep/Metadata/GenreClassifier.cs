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

    [GeneratedRegex("""
        (?ix)\b(the\ fact\ is|in\ fact|the\ truth\ is|the\ reality\ is|make\ no\ mistake|needless\ to\ say|there\ is\ no\ doubt|no\ doubt|undoubtedly|clearly|obviously|of\ course
        |must|should|ought\ to|it\ is\ time|it's\ time|we\ need|i\ believe|i\ think|in\ my\ (view|opinion)|arguably|regardless\ of\ whether|it\ is\ clear|it's\ clear
        |let\ us|let's|shameful|disgraceful|absurd|outrageous|hypocrisy|hypocritical|more\ importantly|most\ importantly|above\ all|worse\ still)\b
        """, RegexOptions.None, RegexTimeouts.Milliseconds)]
    private static partial Regex ArgumentMarker();

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
        double density = ArgumentMarker().Count(own) * 1000.0 / words;
        return density >= ArgumentDensity ? Genre.Opinion : Genre.News;
    }
}

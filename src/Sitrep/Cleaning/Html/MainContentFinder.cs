using AngleSharp.Dom;

namespace Sitrep.Cleaning.Html;

/// <summary>
/// Finds the element that holds the article, the way Readability does: paragraphs of prose score
/// their ancestors (more text, more commas, fewer links), class names nudge the score, and the
/// best-scoring element wins. An element the page marks as the article body wins outright when it
/// holds most of the page's prose.
/// </summary>
internal static class MainContentFinder
{
    internal sealed class Stats
    {
        public int TextChars;
        public int LinkChars;
        public double Score;
        public bool Candidate;

        public int Commas;

        /// <summary>Text outside block children: what an old template writes straight into a container.</summary>
        public int DirectChars;
        public int DirectCommas;

        public bool ReasonKnown;
        public Documents.RemovalReason? Reason;

        /// <summary>Some ancestor below the body is furniture.</summary>
        public bool InsideBoilerplate;
    }

    /// <summary>Text and link characters under every element of <paramref name="body"/>.</summary>
    public static Dictionary<IElement, Stats> MeasureAll(IElement body)
    {
        var stats = new Dictionary<IElement, Stats>(ReferenceEqualityComparer.Instance);
        Measure(body, stats, inLink: false);
        MarkInside(body, stats, inside: false, body);
        return stats;
    }

    private static void MarkInside(IElement e, Dictionary<IElement, Stats> stats, bool inside, IElement body)
    {
        if (!stats.TryGetValue(e, out var s))
            return;
        s.InsideBoilerplate = inside;
        bool childrenInside = inside || (e != body && Boilerplate(e, stats) is not null);
        foreach (var child in e.Children)
            MarkInside(child, stats, childrenInside, body);
    }

    /// <summary>
    /// Furniture by its class or tag, but only when it is small or mostly links: a wrapper whose
    /// class happens to say "sidebar" or "ad" but holds the article's prose is not furniture.
    /// </summary>
    public static Documents.RemovalReason? Boilerplate(IElement e, Dictionary<IElement, Stats> stats)
    {
        if (!stats.TryGetValue(e, out var s))
            return HtmlVocabulary.BoilerplateReason(e);
        if (!s.ReasonKnown)
        {
            s.Reason = BoilerplateUncached(e, s);
            s.ReasonKnown = true;
        }
        return s.Reason;
    }

    private static Documents.RemovalReason? BoilerplateUncached(IElement e, Stats s)
    {
        var reason = HtmlVocabulary.BoilerplateReason(e);
        if (reason is null)
            return null;
        var names = HtmlVocabulary.Names(e);
        if (reason == Documents.RemovalReason.Other && HtmlVocabulary.CommentNames().IsMatch(names))
            return reason;
        if (HtmlVocabulary.WeakBoilerplateNames().IsMatch(names) && !HtmlVocabulary.StrongBoilerplateNames().IsMatch(names) && LinkDensity(s) <= 0.3)
            return null; // "widget", "section", "module" wrap anything, the article included
        return s.TextChars < 1200 || LinkDensity(s) > 0.45 ? reason : null;
    }

    /// <summary>
    /// The article's element and those of its siblings that continue it (a story split into
    /// sections, a lede outside the body element), in document order.
    /// </summary>
    public static List<IElement> FindWithSiblings(IElement body, Dictionary<IElement, Stats> stats)
    {
        var best = Find(body, stats);
        var result = new List<IElement>();
        double bestScore = stats[best].Score * (1 - LinkDensity(stats[best]));
        // Siblings are looked for above the wrappers that hold nothing but the article.
        while (best.ParentElement is { } wrapper && wrapper != body && stats.TryGetValue(wrapper, out var ws) && ws.TextChars <= stats[best].TextChars * 1.1 + 20)
            best = wrapper;
        if (best == body || best.ParentElement is not { } parent)
            return [best];
        double threshold = Math.Max(10, bestScore * 0.2);
        foreach (var sibling in parent.Children)
        {
            if (sibling == best)
            {
                result.Add(best);
                continue;
            }
            if (!stats.TryGetValue(sibling, out var s) || Boilerplate(sibling, stats) is not null || s.TextChars == 0)
                continue;
            double density = LinkDensity(s);
            bool qualifies = (s.Candidate && s.Score * (1 - density) >= threshold && SameKind(sibling, best))
                || (sibling.LocalName == "p" && s.TextChars >= 80 && density < 0.25)
                || (sibling.LocalName == "p" && s.TextChars > 0 && s.TextChars < 80 && density == 0 && TextShape.EndsSentence(sibling.TextContent));
            if (qualifies)
                result.Add(sibling);
        }
        return result;
    }

    private static bool SameKind(IElement a, IElement b) =>
        a.LocalName == b.LocalName || (a.LocalName is "div" or "section" or "article" && b.LocalName is "div" or "section" or "article");

    public static IElement Find(IElement body, Dictionary<IElement, Stats> stats)
    {
        ScoreParagraphs(body, stats);

        IElement? best = null;
        double bestScore = double.MinValue;
        foreach (var (element, s) in stats)
        {
            if (!s.Candidate)
                continue;
            double final = s.Score * (1 - LinkDensity(s));
            if (final > bestScore)
            {
                bestScore = final;
                best = element;
            }
        }
        if (best is null)
            return body;

        // A page that names its article body is believed when that element holds the winner's prose.
        var marked = MarkedArticle(body, stats);
        if (marked is not null && stats.TryGetValue(marked, out var ms) && ms.TextChars >= 0.6 * stats[best].TextChars && (marked.Contains(best) || best.Contains(marked) || ms.TextChars >= stats[best].TextChars))
            best = marked;

        // Climb while the parent holds clearly more prose: a story split into sections sits in
        // several wrappers, and the best-scored one holds only the first.
        var current = best;
        int level = 0;
        for (var a = best.ParentElement; a is not null && a != body && level < 8; a = a.ParentElement, level++)
        {
            if (!stats.TryGetValue(a, out var s))
                break;
            var cs = stats[current];
            if (a == current.ParentElement && s.Score > cs.Score * 1.15 && LinkDensity(s) < 0.35)
                current = a;
        }
        return current;
    }

    private static IElement? MarkedArticle(IElement body, Dictionary<IElement, Stats> stats)
    {
        IElement? found = null;
        int foundChars = 0;
        foreach (var e in body.QuerySelectorAll("[itemprop=articleBody], [itemprop=articlebody], article, [role=main] article"))
        {
            if (stats.TryGetValue(e, out var s) && s.TextChars > foundChars && LinkDensity(s) < 0.4)
            {
                found = e;
                foundChars = s.TextChars;
            }
        }
        return found;
    }

    internal static double LinkDensity(Stats s) => s.TextChars == 0 ? 0 : Math.Min(1.0, (double)s.LinkChars / s.TextChars);

    /// <summary>Text and link characters under every element, bottom-up, in one pass.</summary>
    private static (int Text, int Link) Measure(IElement e, Dictionary<IElement, Stats> stats, bool inLink)
    {
        if (HtmlVocabulary.IsInvisible(e))
            return (0, 0);
        bool link = inLink || e.LocalName == "a";
        int text = 0, links = 0, commas = 0, directChars = 0, directCommas = 0;
        foreach (var child in e.ChildNodes)
        {
            if (child is IText t)
            {
                int n = CountVisible(t.Data);
                int c = CountCommas(t.Data);
                text += n;
                commas += c;
                directChars += n;
                directCommas += c;
                if (link)
                    links += n;
            }
            else if (child is IElement ce)
            {
                var (ct, cl) = Measure(ce, stats, link);
                text += ct;
                links += cl;
                if (stats.TryGetValue(ce, out var cs))
                {
                    commas += cs.Commas;
                    if (!HtmlVocabulary.IsBlock(ce.LocalName))
                    {
                        directChars += ct;
                        directCommas += cs.Commas;
                    }
                }
            }
        }
        stats[e] = new Stats { TextChars = text, LinkChars = links, Commas = commas, DirectChars = directChars, DirectCommas = directCommas };
        return (text, links);
    }

    private static int CountCommas(string data)
    {
        int n = 0;
        foreach (char c in data)
        {
            if (c is ',' or '，' or '、')
                n++;
        }
        return n;
    }

    private static int CountVisible(string data)
    {
        int n = 0;
        bool space = true;
        foreach (char c in data)
        {
            if (char.IsWhiteSpace(c))
            {
                if (!space)
                    n++;
                space = true;
            }
            else
            {
                n++;
                space = false;
            }
        }
        return n;
    }

    private static void ScoreParagraphs(IElement body, Dictionary<IElement, Stats> stats)
    {
        foreach (var (e, s) in stats)
        {
            if (e.LocalName is not ("p" or "pre" or "td" or "blockquote" or "li" or "div" or "section" or "h2" or "h3"))
                continue;
            if (s.TextChars < 25)
                continue;
            int chars = s.TextChars;
            int commas = s.Commas;
            bool direct = false;
            if (e.LocalName is "div" or "section" or "li" or "td" or "blockquote" && HasBlockChildren(e))
            {
                // Text written straight into a container among its blocks (old templates do this) is a paragraph too.
                chars = s.DirectChars;
                commas = s.DirectCommas;
                direct = true;
                if (chars < 100)
                    continue;
            }
            if (s.InsideBoilerplate || Boilerplate(e, stats) is not null)
                continue;
            double score = 1 + commas + Math.Min(chars / 100, 3);
            score *= 1 - LinkDensity(s);
            if (e.LocalName is "li" or "h2" or "h3")
                score *= 0.5;
            int level = 0;
            for (var ancestor = direct ? e : e.ParentElement; ancestor is not null && level < 5; ancestor = ancestor.ParentElement, level++)
            {
                if (!stats.TryGetValue(ancestor, out var a))
                    break;
                if (!a.Candidate)
                {
                    a.Candidate = true;
                    a.Score += InitialScore(ancestor);
                }
                double divider = level == 0 ? 1 : level == 1 ? 2 : level * 3;
                a.Score += score / divider;
                if (ancestor == body)
                    break;
            }
        }
    }

    private static bool HasBlockChildren(IElement e)
    {
        foreach (var c in e.Children)
        {
            if (c.LocalName is "p" or "div" or "section" or "article" or "table" or "ul" or "ol" or "blockquote" or "pre" or "h1" or "h2" or "h3" or "h4" or "figure" or "dl")
                return true;
        }
        return false;
    }

    private static double InitialScore(IElement e)
    {
        double score = e.LocalName switch
        {
            "div" or "article" or "main" or "section" => 5,
            "pre" or "td" or "blockquote" => 3,
            "address" or "ol" or "ul" or "dl" or "dd" or "dt" or "li" or "form" => -3,
            "h1" or "h2" or "h3" or "h4" or "h5" or "h6" or "th" => -5,
            _ => 0,
        };
        var names = HtmlVocabulary.Names(e);
        if (names.Length > 0)
        {
            if (HtmlVocabulary.NegativeNames().IsMatch(names))
                score -= 25;
            if (HtmlVocabulary.PositiveNames().IsMatch(names))
                score += 25;
        }
        if (e.LocalName is "article" || e.GetAttribute("itemprop") is "articleBody")
            score += 25;
        return score;
    }
}

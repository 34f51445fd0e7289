using System.Buffers;
using Sitrep.Documents;

namespace Sitrep.Cleaning.Html;

/// <summary>
/// Finds the element that holds the article, the way Readability does: paragraphs of prose score
/// their ancestors (more text, more commas, fewer links), class names nudge the score, and the
/// best-scoring element wins. An element the page marks as the article body wins outright when it
/// holds most of the page's prose. One instance per page: its statistics are a pooled array with
/// a slot per node of the tree.
/// </summary>
internal sealed class MainContentFinder : IDisposable
{
    private readonly HtmlTree _tree;
    private ElementStats[] _stats;

    /// <summary>Measured elements in the order they were measured (children before parents), the order scores are visited in.</summary>
    private readonly List<int> _measured = [];

    /// <summary>A page repeats its class names: each distinct one goes through the word lists once.</summary>
    private readonly Dictionary<string, (RemovalReason? Reason, bool Comments, bool WeakOnly)> _byNames = new(StringComparer.Ordinal);

    public MainContentFinder(HtmlTree tree)
    {
        _tree = tree;
        _stats = ArrayPool<ElementStats>.Shared.Rent(tree.Count);
        Array.Clear(_stats, 0, tree.Count);
    }

    public ref ElementStats this[int element] => ref _stats[element];

    public bool IsMeasured(int element) => _stats[element].Measured;

    public void Dispose()
    {
        Array.Clear(_stats, 0, _tree.Count);
        ArrayPool<ElementStats>.Shared.Return(_stats);
        _stats = [];
    }

    /// <summary>Elements hidden by their <c>hidden</c> attribute or a hiding class, met while measuring.</summary>
    private readonly List<int> _hiddenByAttribute = [];

    /// <summary>A hidden element read as visible: the page's content waiting for a script (see <see cref="MeasureAll"/>).</summary>
    private int _revealed = -1;

    /// <summary>Text and link characters under every element of <paramref name="body"/>.</summary>
    /// <remarks>
    /// Pages rendered by streaming frameworks send the article inside an element with the
    /// <c>hidden</c> attribute (or a hiding class) and a script moves or shows it: when one hidden element holds
    /// more prose than everything visible on the page together, it is read as visible. A hidden
    /// panel smaller than the visible page (a menu, a related article) stays hidden.
    /// </remarks>
    public void MeasureAll(int body)
    {
        FindStreamedSegments(body);
        Measure(body, inLink: false);
        int visible = _stats[body].TextChars;
        int best = -1, bestChars = 0;
        foreach (int h in _hiddenByAttribute)
        {
            int chars = ProseChars(h);
            if (chars > bestChars)
                (best, bestChars) = (h, chars);
        }
        if (best >= 0 && bestChars > Math.Max(500, visible))
        {
            Array.Clear(_stats, 0, _tree.Count);
            _measured.Clear();
            _revealed = best;
            Measure(body, inLink: false);
        }
        MarkInside(body, inside: false, inFooter: false, body);
    }

    /// <summary>Streamed segments by the placeholder they fill, and the placeholder of each segment.</summary>
    private readonly Dictionary<int, int> _segmentOf = [];
    private readonly Dictionary<int, int> _placeholderOf = [];

    /// <summary>
    /// React's streaming renderer sends a page's slow parts after the page: each is a hidden
    /// <c>&lt;div hidden id="S:n"&gt;</c> at the end of the body that a script moves into the
    /// placeholder <c>&lt;template id="B:n"&gt;</c> where it belongs. Paragraph by paragraph, no one
    /// segment outweighs the page, so each is read in its placeholder's place instead.
    /// </summary>
    private void FindStreamedSegments(int body)
    {
        Dictionary<string, int>? placeholders = null;
        int end = _tree[body].SubtreeEnd;
        for (int e = body + 1; e <= end; e++)
        {
            if (_tree.Tag(e) == HtmlTag.Template && _tree.Attribute(e, HtmlAttributeName.Id) is { Length: > 2 } id && id[0] == 'B' && id[1] == ':')
                (placeholders ??= new(StringComparer.Ordinal))[id[2..]] = e;
        }
        if (placeholders is null)
            return;
        for (int e = body + 1; e <= end; e++)
        {
            if (_tree.Tag(e) is { } tag && tag != HtmlTag.Template && _tree.HasAttribute(e, HtmlAttributeName.Hidden)
                && _tree.Attribute(e, HtmlAttributeName.Id) is { Length: > 2 } id && id[0] == 'S' && id[1] == ':' && placeholders.TryGetValue(id[2..], out int placeholder))
            {
                _segmentOf[placeholder] = e;
                _placeholderOf[e] = placeholder;
            }
        }
    }

    /// <summary>The segment a script moves into <paramref name="placeholder"/>, or -1.</summary>
    public int StreamedInto(int placeholder) => _segmentOf.Count > 0 && _segmentOf.TryGetValue(placeholder, out int s) ? s : -1;

    /// <summary>A streamed segment: read where its placeholder is, not where it was sent.</summary>
    public bool IsStreamedSegment(int element) => _placeholderOf.Count > 0 && _placeholderOf.ContainsKey(element);

    /// <summary>The parent as the page shows it: a streamed segment sits where its placeholder is.</summary>
    private int Parent(int node) =>
        _placeholderOf.Count > 0 && _placeholderOf.TryGetValue(node, out int placeholder) ? _tree.Parent(placeholder) : _tree.Parent(node);

    /// <summary>Visible characters of the text under <paramref name="element"/> outside scripts, styles and templates.</summary>
    private int ProseChars(int element)
    {
        int end = _tree[element].SubtreeEnd;
        int n = 0;
        for (int i = element + 1; i <= end; i++)
        {
            var tag = _tree.Tag(i);
            if (tag is null)
                n += CountVisible(_tree.Text(i));
            else if (tag.Is(HtmlTagFlags.NeverText) || tag == HtmlTag.Template)
                i = _tree[i].SubtreeEnd;
        }
        return n;
    }

    private void MarkInside(int e, bool inside, bool inFooter, int body)
    {
        if (!_stats[e].Measured)
            return;
        inFooter = inFooter || (e != body && (_tree.Name(e) == "footer" || _tree.Attribute(e, HtmlAttributeName.Role) == "contentinfo"));
        _stats[e].InsideBoilerplate = inside;
        _stats[e].InFooter = inFooter;
        bool childrenInside = inside || (e != body && Boilerplate(e) is not null);
        for (int child = _tree.FirstElementChild(e); child >= 0; child = _tree.NextElementSibling(child))
            MarkInside(child, childrenInside, inFooter, body);
    }

    /// <summary>The class and id words of an element, read once.</summary>
    public string Names(int e) => _stats[e].Names ??= HtmlVocabulary.Names(_tree, e);

    /// <summary>
    /// Furniture by its class or tag, but only when it is small or mostly links: a wrapper whose
    /// class happens to say "sidebar" or "ad" but holds the article's prose is not furniture.
    /// </summary>
    public RemovalReason? Boilerplate(int e)
    {
        ref var s = ref _stats[e];
        if (!s.ReasonKnown)
        {
            var names = Names(e);
            var (namesReason, comments, weakOnly) = FactsOfNames(names);
            var reason = HtmlVocabulary.TagOrRoleReason(_tree, e) ?? namesReason;
            s.Reason = s.Measured ? Qualify(reason, comments, weakOnly, s) : reason;
            // A form that wraps a whole page (ASP.NET's) holds its menus too, so its links say
            // nothing: only a small form is furniture.
            if (s.Reason is not null && namesReason is null && _tree.Name(e) == "form" && s.TextChars >= 1200)
                s.Reason = null;
            // "summary", "description", "excerpt", "teaser" also name the body field of CMS pages
            // (a recipe's or a product's description, a node's summary view): several paragraphs
            // of prose under such a name are the text, a dek is one short paragraph (450 characters is a long one).
            if (s.Reason is RemovalReason.Other or RemovalReason.RelatedLinks && namesReason is not null && reason == namesReason && s.Measured
                && s.TextChars >= 250 && LinkDensity(s) < 0.3 && HtmlVocabulary.IsDekWord(names) && !comments && (s.TextChars >= 450 || Paragraphs(e, 2) >= 2))
                s.Reason = null;
            // A component the page repeats (a page builder's "blurb_description", each product's
            // description on a "best of" page) is a part of the text, not the one dek beside it.
            if (s.Reason is RemovalReason.Other or RemovalReason.RelatedLinks && namesReason is not null && reason == namesReason && s.Measured
                && s.TextChars >= 100 && LinkDensity(s) < 0.3 && !comments && RepeatedDekComponent(e, names))
                s.Reason = null;
            s.ReasonKnown = true;
        }
        return s.Reason;
    }

    /// <summary>Distinct texts of prose elements by each dek-word class token they carry (see <see cref="RepeatedDekComponent"/>), gathered once per page.</summary>
    private Dictionary<string, HashSet<string>>? _dekTokens;

    /// <summary>
    /// A dek-word class token of <paramref name="element"/>'s names is carried by three or more
    /// elements of prose with different texts, none cut short: a repeated part of the text. A
    /// teaser's excerpt ends in an ellipsis, and a notice repeated word for word (a sign-up's
    /// small print) is one text however often it appears.
    /// </summary>
    private bool RepeatedDekComponent(int element, string names)
    {
        if (_dekTokens is null)
        {
            _dekTokens = new(StringComparer.Ordinal);
            foreach (int e in _measured)
            {
                ref var s = ref _stats[e];
                if (s.TextChars < 100 || LinkDensity(s) >= 0.3)
                    continue;
                var n = Names(e);
                if (n.Length == 0 || !HtmlVocabulary.IsDekWord(n))
                    continue;
                var text = _tree.TextContent(e).Trim();
                if (CutShort(text))
                    continue;
                foreach (var token in n.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                {
                    if (!HtmlVocabulary.IsDekWord(token))
                        continue;
                    if (!_dekTokens.TryGetValue(token, out var texts))
                        _dekTokens[token] = texts = new(StringComparer.Ordinal);
                    texts.Add(string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)));
                }
            }
        }
        if (CutShort(_tree.TextContent(element).Trim()))
            return false;
        foreach (var token in names.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (HtmlVocabulary.IsDekWord(token) && _dekTokens.TryGetValue(token, out var texts) && texts.Count >= 3)
                return true;
        }
        return false;
    }

    /// <summary>A teaser's text, cut with an ellipsis.</summary>
    private static bool CutShort(string text) =>
        text.EndsWith("...", StringComparison.Ordinal) || text.EndsWith('…') || text.EndsWith("[…]", StringComparison.Ordinal) || text.EndsWith("[...]", StringComparison.Ordinal);

    /// <summary>Paragraphs of prose (p elements of 40 or more characters, few links) under <paramref name="e"/>, counted up to <paramref name="enough"/>.</summary>
    private int Paragraphs(int e, int enough)
    {
        int n = 0;
        int end = _tree[e].SubtreeEnd;
        for (int i = e + 1; i <= end && n < enough; i++)
        {
            if (_tree.Tag(i) == HtmlTag.P && _stats[i].Measured && _stats[i].TextChars >= 40 && LinkDensity(_stats[i]) < 0.5)
                n++;
        }
        return n;
    }

    /// <summary>What the class and id words say: the furniture they name, a comment thread, only words that wrap anything ("widget").</summary>
    private (RemovalReason? Reason, bool Comments, bool WeakOnly) FactsOfNames(string names)
    {
        if (names.Length == 0)
            return default;
        if (!_byNames.TryGetValue(names, out var facts))
        {
            facts = (HtmlVocabulary.NamesReason(names), HtmlVocabulary.CommentNames().IsMatch(names),
                HtmlVocabulary.WeakBoilerplateNames().IsMatch(names) && !HtmlVocabulary.StrongBoilerplateNames().IsMatch(names));
            _byNames[names] = facts;
        }
        return facts;
    }

    private static RemovalReason? Qualify(RemovalReason? reason, bool comments, bool weakOnly, in ElementStats s)
    {
        if (reason is null)
            return null;
        if (reason == RemovalReason.Other && comments)
            return reason;
        if (weakOnly && LinkDensity(s) <= 0.3)
            return null; // "widget", "section", "module" wrap anything, the article included
        return s.TextChars < 1200 || LinkDensity(s) > 0.45 ? reason : null;
    }

    /// <summary>
    /// The article's element and those of its siblings that continue it (a story split into
    /// sections, a lede outside the body element), in document order.
    /// </summary>
    public List<int> FindWithSiblings(int body)
    {
        int best = Find(body);
        var result = new List<int>();
        double bestScore = _stats[best].Score * (1 - LinkDensity(_stats[best]));
        // Siblings are looked for above the wrappers that hold nothing but the article.
        while (Parent(best) is var wrapper and >= 0 && wrapper != body && _stats[wrapper].Measured && _stats[wrapper].TextChars <= _stats[best].TextChars * 1.1 + 20)
            best = wrapper;
        if (best == body || Parent(best) is not (var parent and >= 0))
            return [best];
        double threshold = Math.Max(10, bestScore * 0.2);
        for (int child = _tree.FirstElementChild(parent); child >= 0; child = _tree.NextElementSibling(child))
        {
            if (IsStreamedSegment(child))
                continue;
            int sibling = StreamedInto(child) is var segment and >= 0 ? segment : child;
            if (sibling == best)
            {
                result.Add(best);
                continue;
            }
            ref var s = ref _stats[sibling];
            if (!s.Measured || Boilerplate(sibling) is not null || s.TextChars == 0)
                continue;
            double density = LinkDensity(s);
            var name = _tree.Name(sibling);
            bool qualifies = (s.Candidate && s.Score * (1 - density) >= threshold && SameKind(name, _tree.Name(best)))
                || (name == "p" && s.TextChars >= 80 && density < 0.25)
                || (name == "p" && s.TextChars > 0 && s.TextChars < 80 && density == 0 && TextShape.EndsSentence(_tree.TextContent(sibling)));
            if (qualifies)
                result.Add(sibling);
        }
        return result.Count > 0 ? result : [best];
    }

    private static bool SameKind(string a, string b) =>
        a == b || (a is "div" or "section" or "article" && b is "div" or "section" or "article");

    public int Find(int body)
    {
        ScoreParagraphs(body);

        int best = -1;
        double bestScore = double.MinValue;
        foreach (int element in _measured)
        {
            ref var s = ref _stats[element];
            if (!s.Candidate)
                continue;
            double final = s.Score * (1 - LinkDensity(s));
            if (final > bestScore)
            {
                bestScore = final;
                best = element;
            }
        }
        if (best < 0)
            return body;

        // A page that names its article body is believed when that element holds the winner's prose.
        int marked = MarkedArticle(body);
        if (marked >= 0 && _stats[marked].TextChars >= 0.6 * _stats[best].TextChars && (_tree.Contains(marked, best) || _tree.Contains(best, marked) || _stats[marked].TextChars >= _stats[best].TextChars))
            best = marked;

        // Climb while the parent holds clearly more prose: a story split into sections sits in
        // several wrappers, and the best-scored one holds only the first.
        int current = best;
        int level = 0;
        for (int a = Parent(best); a >= 0 && a != body && level < 8; a = Parent(a), level++)
        {
            if (!_stats[a].Measured)
                break;
            if (a == Parent(current) && _stats[a].Score > _stats[current].Score * 1.15 && LinkDensity(_stats[a]) < 0.35)
                current = a;
        }
        return CommonAncestor(current, body);
    }

    /// <summary>
    /// An article split into sibling sections (page builders' rows, card grids, accordions, a lede
    /// outside the body element) scores each section apart, and the best holds only part of the
    /// story. Climbs to the ancestor that holds clearly more prose when what it adds is prose too,
    /// not links or short lines: the highest such ancestor below the body wins.
    /// </summary>
    private int CommonAncestor(int best, int body)
    {
        int result = best;
        ref var b = ref _stats[best];
        if (MarksArticle(best))
            return best;
        int level = 0;
        for (int a = Parent(best); a >= 0 && a != body && level < 12; a = Parent(a), level++)
        {
            ref var s = ref _stats[a];
            if (!s.Measured || s.InsideBoilerplate || Boilerplate(a) is not null)
                break;
            double addedProse = s.ProseChars - b.ProseChars;
            int addedText = s.TextChars - b.TextChars;
            // The best section holds at most half the prose, and what the ancestor adds is mostly prose.
            if (addedProse >= b.ProseChars && addedProse >= 200 && addedProse >= 0.5 * addedText && LinkDensity(s) < 0.3)
                result = a;
            // An element the page marks as its article is the article's edge: what lies beyond it is the site's.
            if (MarksArticle(a))
                break;
        }
        return result;
    }

    /// <summary>The page marks the element as its article, its body text or its main part (an article or main element, itemprop=articleBody, "entry-content").</summary>
    private bool MarksArticle(int e)
    {
        if (_stats[e].ProseChars < 500)
            return false; // a card in a grid is an article element too
        if (_tree.Tag(e) == HtmlTag.Article && IsCard(e))
            return false;
        if (_tree.Tag(e) == HtmlTag.Article || _tree.Name(e) == "main" || _tree.Attribute(e, HtmlAttributeName.ItemProp) is "articleBody" or "articlebody" || _tree.Attribute(e, HtmlAttributeName.Role) == "main")
            return true;
        var names = Names(e);
        return names.Length > 0 && HtmlVocabulary.ArticleBodyNames().IsMatch(names);
    }

    /// <summary>
    /// An article element among two or more sibling article elements that hold prose: a card of a
    /// listing or a grid (each entry of a "best of" page, a list of programmes), not the page's
    /// article, so it neither bounds the article nor is believed as it.
    /// </summary>
    private bool IsCard(int e)
    {
        int parent = Parent(e);
        if (parent < 0)
            return false;
        int others = 0;
        for (int c = _tree.FirstElementChild(parent); c >= 0; c = _tree.NextElementSibling(c))
        {
            if (c != e && _tree.Tag(c) == HtmlTag.Article && _stats[c].Measured && _stats[c].ProseChars >= 200 && ++others >= 2)
                return true;
        }
        return false;
    }

    /// <summary>The element marked as the article (itemprop=articleBody, an article element) with the most text, in document order.</summary>
    private int MarkedArticle(int body)
    {
        int found = -1;
        int foundChars = 0;
        int end = _tree[body].SubtreeEnd;
        for (int e = body + 1; e <= end; e++)
        {
            var tag = _tree.Tag(e);
            if (tag is null || !_stats[e].Measured)
                continue;
            if (tag != HtmlTag.Article && _tree.Attribute(e, HtmlAttributeName.ItemProp) is not ("articleBody" or "articlebody"))
                continue;
            if (tag == HtmlTag.Article && IsCard(e))
                continue;
            ref var s = ref _stats[e];
            if (s.TextChars > foundChars && LinkDensity(s) < 0.4)
            {
                found = e;
                foundChars = s.TextChars;
            }
        }
        return found;
    }

    internal static double LinkDensity(in ElementStats s) => s.TextChars == 0 ? 0 : Math.Min(1.0, (double)s.LinkChars / s.TextChars);

    /// <summary>Text and link characters under every element, bottom-up, in one pass.</summary>
    private (int Text, int Link) Measure(int e, bool inLink)
    {
        if (e != _revealed && !IsStreamedSegment(e) && HtmlVocabulary.IsInvisible(_tree, e))
        {
            if (_revealed < 0 && !_tree.Tag(e)!.Is(HtmlTagFlags.NeverText) && (_tree.HasAttribute(e, HtmlAttributeName.Hidden) || HtmlVocabulary.HiddenByClass(_tree, e)))
                _hiddenByAttribute.Add(e);
            return (0, 0);
        }
        bool link = inLink || _tree.Tag(e) == HtmlTag.A;
        int text = 0, links = 0, commas = 0, directChars = 0, directCommas = 0;
        for (int child = _tree.FirstChild(e); child >= 0; child = _tree.NextSibling(child))
        {
            var tag = _tree.Tag(child);
            if (tag is null)
            {
                var data = _tree.Text(child);
                int n = CountVisible(data);
                int c = CountCommas(data);
                text += n;
                commas += c;
                directChars += n;
                directCommas += c;
                if (link)
                    links += n;
            }
            else
            {
                int measured = child;
                if (_placeholderOf.Count > 0)
                {
                    if (IsStreamedSegment(child))
                        continue; // read in its placeholder's place
                    if (StreamedInto(child) is var segment and >= 0)
                        (measured, tag) = (segment, _tree.Tag(segment)!);
                }
                var (ct, cl) = Measure(measured, link);
                text += ct;
                links += cl;
                ref var cs = ref _stats[measured];
                if (cs.Measured)
                {
                    commas += cs.Commas;
                    if (!tag.Is(HtmlTagFlags.Block))
                    {
                        directChars += ct;
                        directCommas += cs.Commas;
                    }
                }
            }
        }
        ref var s = ref _stats[e];
        s.Measured = true;
        s.TextChars = text;
        s.LinkChars = links;
        s.Commas = commas;
        s.DirectChars = directChars;
        s.DirectCommas = directCommas;
        _measured.Add(e);
        return (text, links);
    }

    private static int CountCommas(ReadOnlySpan<char> data)
    {
        int n = data.Count(',');
        if (data.ContainsAny('，', '、'))
        {
            n += data.Count('，');
            n += data.Count('、');
        }
        return n;
    }

    private static int CountVisible(ReadOnlySpan<char> data)
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

    private void ScoreParagraphs(int body)
    {
        foreach (int e in _measured)
        {
            var name = _tree.Name(e);
            if (name is not ("p" or "pre" or "td" or "blockquote" or "li" or "div" or "section" or "h2" or "h3"))
                continue;
            ref var s = ref _stats[e];
            if (s.TextChars < 25)
                continue;
            int chars = s.TextChars;
            int commas = s.Commas;
            bool direct = false;
            if (name is "div" or "section" or "li" or "td" or "blockquote" && HasBlockChildren(e))
            {
                // Text written straight into a container among its blocks (old templates do this) is a paragraph too.
                chars = s.DirectChars;
                commas = s.DirectCommas;
                direct = true;
                if (chars < 100)
                    continue;
            }
            // A footer's paragraphs (the site's disclaimers and addresses, an article's end notes)
            // are never what a page is about, however long: a large footer is not furniture by the
            // size rule, but its prose must not outscore a short article.
            if (s.InsideBoilerplate || s.InFooter || Boilerplate(e) is not null)
                continue;
            double score = 1 + commas + Math.Min(chars / 100, 3);
            score *= 1 - LinkDensity(s);
            {
                double prose = chars * (1 - LinkDensity(s));
                for (int a = direct ? e : Parent(e); a >= 0 && _stats[a].Measured; a = Parent(a))
                {
                    _stats[a].ProseChars += prose;
                    if (a == body)
                        break;
                }
            }
            if (name is "li" or "h2" or "h3")
                score *= 0.5;
            int level = 0;
            for (int ancestor = direct ? e : Parent(e); ancestor >= 0 && level < 5; ancestor = Parent(ancestor), level++)
            {
                ref var a = ref _stats[ancestor];
                if (!a.Measured)
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

    private bool HasBlockChildren(int e)
    {
        for (int c = _tree.FirstElementChild(e); c >= 0; c = _tree.NextElementSibling(c))
        {
            if (_tree.Name(c) is "p" or "div" or "section" or "article" or "table" or "ul" or "ol" or "blockquote" or "pre" or "h1" or "h2" or "h3" or "h4" or "figure" or "dl")
                return true;
        }
        return false;
    }

    private double InitialScore(int e)
    {
        var name = _tree.Name(e);
        double score = name switch
        {
            "div" or "article" or "main" or "section" => 5,
            "pre" or "td" or "blockquote" => 3,
            "address" or "ol" or "ul" or "dl" or "dd" or "dt" or "li" or "form" => -3,
            "h1" or "h2" or "h3" or "h4" or "h5" or "h6" or "th" => -5,
            _ => 0,
        };
        var names = Names(e);
        if (names.Length > 0)
        {
            if (HtmlVocabulary.NegativeNames().IsMatch(names))
                score -= 25;
            if (HtmlVocabulary.PositiveNames().IsMatch(names))
                score += 25;
        }
        if (name is "article" || _tree.Attribute(e, HtmlAttributeName.ItemProp) is "articleBody")
            score += 25;
        return score;
    }
}

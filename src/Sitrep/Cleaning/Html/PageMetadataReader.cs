using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Sitrep.Cleaning.Html;

/// <summary>
/// Reads what a page states about itself: JSON-LD, Open Graph and article meta tags, microdata,
/// &lt;time&gt;, the canonical link, and a date in the URL, in that order of trust.
/// </summary>
internal static partial class PageMetadataReader
{
    /// <summary>The elements metadata is read from, found in one pass over the tree in document order (the first of each kind, as a selector query finds it).</summary>
    private sealed class Found
    {
        public readonly List<int> Metas = [];
        public readonly List<int> LdScripts = [];
        public int Title = -1;
        public int H1 = -1;
        public int Author = -1;
        public int DatePublished = -1;
        public int Time = -1;
        public int Canonical = -1;
    }

    public static void Read(HtmlTree tree, HintCollector hints, out string? articleBody)
    {
        articleBody = null;
        var found = Scan(tree);
        var ld = JsonLdArticle(tree, found);
        // One pass over the meta tags; the first tag of a name wins, as browsers and crawlers read them.
        var metas = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var m in found.Metas)
        {
            var content = tree.Attribute(m, HtmlAttributeName.Content);
            if (string.IsNullOrWhiteSpace(content))
                continue;
            foreach (var attribute in (ReadOnlySpan<HtmlAttributeName>)[HtmlAttributeName.Property, HtmlAttributeName.Name, HtmlAttributeName.ItemProp])
            {
                if (tree.Attribute(m, attribute) is { Length: > 0 } key)
                    metas.TryAdd(key, content);
            }
        }
        string? Meta(params string[] keys)
        {
            foreach (var key in keys)
            {
                if (metas.TryGetValue(key, out var content))
                    return Clean(content);
            }
            return null;
        }
        string? TextOf(int e) => e < 0 ? null : Clean(tree.TextContent(e));

        hints.Title = Clean(ld?.Headline) ?? Meta("og:title", "twitter:title") ?? TextOf(found.H1) ?? TitleWithoutSite(found.Title < 0 ? null : tree.TextContent(found.Title), Meta("og:site_name"));
        var siteName = Meta("og:site_name", "application-name", "publisher") ?? ld?.Publisher;
        var h1 = TextOf(found.H1);
        // The site's name after the headline is dropped from the title the metadata stage reports (not here:
        // the cleaner compares the body's lines with the title as the page states it).
        if (h1 is not null && WithoutSiteName(hints.Title, siteName) is { } headline && !string.Equals(h1, headline, StringComparison.Ordinal))
        {
            if (Similar(h1, headline))
                hints.Title = h1; // the page's own heading, as printed, when the meta title is a variant of it
            else if (StartsTitle(h1, headline, siteName))
                hints.SetHeadline(h1); // reported as the title; the body's lines are still compared with the stated one
        }
        // A byline value that is a link, an address, a number or a template's leftovers is no name; the next source is asked.
        string? MetaName(params string[] keys)
        {
            foreach (var key in keys)
            {
                if (metas.TryGetValue(key, out var content) && BylineValue(Clean(content)) is { } name)
                    return name;
            }
            return null;
        }
        // "Written by" / value pairs of the twitter card ("twitter:label1" = "Written by", "twitter:data1" = the name).
        string? CardAuthor()
        {
            for (int i = 1; i <= 4; i++)
            {
                if (metas.TryGetValue($"twitter:label{i}", out var label) && CardAuthorLabel().IsMatch(label.Trim())
                    && metas.TryGetValue($"twitter:data{i}", out var data))
                    return BylineValue(Clean(data));
            }
            return null;
        }
        hints.Outlet = siteName;
        // The site's own name as a byline (an Organization author) is taken only when no person is named.
        string? organisation = null;
        foreach (var candidate in (IEnumerable<Func<string?>>)[
            () => BylineValue(ld?.Author),
            () => MetaName("author", "article:author", "parsely-author", "sailthru.author", "dc.creator", "DC.creator", "cXenseParse:author"),
            CardAuthor,
            () => StatesItemName(tree, found.Author, out var item) ? BylineValue(item)
                : BylineValue(TextOf(found.Author) is { } line && TextShape.CountWords(line) > 4 ? ChromePatterns.HeaderSeparator().Split(line)[0].Trim() : TextOf(found.Author))])
        {
            if (WithoutOutlet(candidate(), hints.Outlet) is not { } byline)
                continue;
            if (hints.Outlet is not null && string.Equals(byline, hints.Outlet, StringComparison.OrdinalIgnoreCase))
            {
                organisation ??= byline;
                continue;
            }
            hints.Byline = byline;
            break;
        }
        if (hints.Byline is null && organisation is null && AuthorProfileLink(tree) is { } linked)
            hints.Byline = linked;
        hints.OutletByline = organisation;
        string? DateMeta(params string[] keys)
        {
            foreach (var key in keys)
            {
                if (metas.TryGetValue(key, out var content) && Clean(content) is { } v && Sitrep.Time.PublicationDate.Normalize(v) is not null)
                    return v;
            }
            return null;
        }
        // A JSON-LD date that names no day (a placeholder "0001-01-01T00:00:00Z") gives way to the next source, as a meta tag's does.
        hints.PrintedDate = (Sitrep.Time.PublicationDate.Normalize(ld?.DatePublished) is null ? null : ld?.DatePublished) ?? DateMeta("article:published_time", "og:published_time", "datePublished", "pubdate", "publishdate", "publish-date", "parsely-pub-date", "sailthru.date", "dc.date", "DC.date.issued", "date", "published", "published-date", "publish_date", "og:publish_date")
            ?? (found.DatePublished < 0 ? null : tree.Attribute(found.DatePublished, HtmlAttributeName.Content) ?? tree.Attribute(found.DatePublished, HtmlAttributeName.DateTime))
            ?? (found.Time < 0 ? null : tree.Attribute(found.Time, HtmlAttributeName.DateTime));
        if (found.H1 >= 0 && (hints.Byline is null || hints.PrintedDate is null))
            ReadHeaderLines(tree, found.H1, hints);
        if (found.H1 >= 0 && EarlierHeaderDate(tree, found.H1, hints.PrintedDate) is { } printedEarlier)
            hints.PrintedDate = printedEarlier;
        hints.CanonicalUrl = (found.Canonical < 0 ? null : tree.Attribute(found.Canonical, HtmlAttributeName.Href)) ?? Meta("og:url");
        if (hints.PrintedDate is null && Sitrep.Time.PublicationDate.UrlDay(hints.CanonicalUrl) is { } urlDay)
            hints.PrintedDate = urlDay;
        var lang = (tree.Root >= 0 ? tree.Attribute(tree.Root, HtmlAttributeName.Lang) : null) ?? Meta("og:locale")?.Replace('_', '-');
        if (lang is { Length: >= 2 } && char.IsAsciiLetter(lang[0]) && char.IsAsciiLetter(lang[1]))
            hints.Language = lang[..2].ToLowerInvariant();
        var section = Meta("article:section", "parsely-section");
        if (ld?.Type is "OpinionNewsArticle" or "ReviewNewsArticle" || (section is not null && OpinionSection().IsMatch(section)))
            hints.OpinionLabel = true;
        if (ld?.Type is "AnalysisNewsArticle" or "BackgroundNewsArticle")
            hints.AnalysisLabel = true;
        articleBody = ld?.ArticleBody;
    }

    /// <summary>
    /// What the selectors "meta", "script", "title", "h1", "[itemprop=author] [itemprop=name],
    /// [itemprop=author], [rel=author], .byline__name, .author-name", "[itemprop=datePublished]",
    /// "time[datetime], time[pubdate]" and "link[rel=canonical]" would find. A template's content is
    /// not part of the document, so it is skipped.
    /// </summary>
    private static Found Scan(HtmlTree tree)
    {
        var found = new Found();
        for (int e = 0; e < tree.Count; e++)
        {
            var tag = tree.Tag(e);
            if (tag is null)
                continue;
            if (tag == HtmlTag.Template)
            {
                e = tree[e].SubtreeEnd;
                continue;
            }
            if (tag == HtmlTag.Meta)
                found.Metas.Add(e);
            else if (tag == HtmlTag.Script)
            {
                if (string.Equals(tree.Attribute(e, HtmlAttributeName.Type), "application/ld+json", StringComparison.OrdinalIgnoreCase))
                    found.LdScripts.Add(e);
            }
            else if (tag == HtmlTag.Title && found.Title < 0 && !tree[e].Foreign)
                found.Title = e;
            else if (tag == HtmlTag.H1 && found.H1 < 0)
                found.H1 = e;
            else if (tag == HtmlTag.Time && found.Time < 0 && (tree.HasAttribute(e, HtmlAttributeName.DateTime) || tree.HasAttribute(e, HtmlAttributeName.PubDate)))
                found.Time = e;
            else if (tag == HtmlTag.Link && found.Canonical < 0 && tree.Attribute(e, HtmlAttributeName.Rel) == "canonical")
                found.Canonical = e;
            if (tree[e].AttributeCount == 0)
                continue;
            var itemprop = tree.Attribute(e, HtmlAttributeName.ItemProp);
            // "[itemprop=author] [itemprop=name]" never comes first: its author element precedes it.
            if (found.Author < 0 && (itemprop == "author" || tree.Attribute(e, HtmlAttributeName.Rel) == "author" || HasClass(tree.Attribute(e, HtmlAttributeName.Class), "byline__name", "author-name")))
                found.Author = e;
            if (itemprop == "datePublished" && found.DatePublished < 0)
                found.DatePublished = e;
        }
        return found;
    }

    private static bool HasClass(string? classes, string a, string b)
    {
        if (classes is null)
            return false;
        foreach (var range in classes.AsSpan().SplitAny(" \t\n\f\r"))
        {
            var token = classes.AsSpan(range);
            if (token.SequenceEqual(a) || token.SequenceEqual(b))
                return true;
        }
        return false;
    }

    private sealed record LdArticle(string Type, string? Headline, string? Author, string? Publisher, string? DatePublished, string? ArticleBody);

    private static LdArticle? JsonLdArticle(HtmlTree tree, Found found)
    {
        foreach (var script in found.LdScripts)
        {
            JsonDocument json;
            try
            {
                json = JsonDocument.Parse(tree.TextContent(script), new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
            }
            catch (JsonException)
            {
                continue;
            }
            using (json)
            {
                var ids = new Dictionary<string, string>(StringComparer.Ordinal);
                CollectNamedIds(json.RootElement, ids, 0);
                var articles = new List<LdArticle>();
                FindArticles(json.RootElement, 0, ids, articles);
                if (articles.Count == 0)
                    continue;
                // A page's own WebPage node often comes before its BlogPosting in a graph: an article type wins,
                // and a field the chosen node lacks is taken from the page's other article nodes.
                var best = articles.Find(a => !a.Type.Contains("WebPage", StringComparison.OrdinalIgnoreCase)) ?? articles[0];
                return best with
                {
                    Headline = best.Headline ?? articles.Select(a => a.Headline).FirstOrDefault(h => h is not null),
                    Author = BylineValue(best.Author) ?? articles.Select(a => BylineValue(a.Author)).FirstOrDefault(h => h is not null),
                    DatePublished = best.DatePublished ?? articles.Select(a => a.DatePublished).FirstOrDefault(h => h is not null),
                };
            }
        }
        return null;
    }

    /// <summary>The names of the graph's nodes by their "@id", so that an author given as a reference ({"@id": …}) is found.</summary>
    private static void CollectNamedIds(JsonElement e, Dictionary<string, string> ids, int depth)
    {
        if (depth > 8)
            return;
        if (e.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in e.EnumerateArray())
                CollectNamedIds(item, ids, depth + 1);
            return;
        }
        if (e.ValueKind != JsonValueKind.Object)
            return;
        if (Str(e, "@id") is { } id && Str(e, "name") is { } name)
            ids.TryAdd(id, name);
        foreach (var p in e.EnumerateObject())
        {
            if (p.Value.ValueKind is JsonValueKind.Object or JsonValueKind.Array)
                CollectNamedIds(p.Value, ids, depth + 1);
        }
    }

    private static void FindArticles(JsonElement e, int depth, Dictionary<string, string> ids, List<LdArticle> articles)
    {
        if (depth > 6)
            return;
        if (e.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in e.EnumerateArray())
                FindArticles(item, depth + 1, ids, articles);
            return;
        }
        if (e.ValueKind != JsonValueKind.Object)
            return;
        if (e.TryGetProperty("@graph", out var graph))
            FindArticles(graph, depth + 1, ids, articles);
        var type = TypeOf(e);
        if (type is null || !ArticleType().IsMatch(type))
            return;
        articles.Add(new LdArticle(type, Str(e, "headline") ?? Str(e, "name"), Names(e, "author", ids), Names(e, "publisher", ids), Str(e, "datePublished") ?? Str(e, "dateCreated"), Str(e, "articleBody")));
    }

    private static string? TypeOf(JsonElement e)
    {
        if (!e.TryGetProperty("@type", out var t))
            return null;
        if (t.ValueKind == JsonValueKind.String)
            return t.GetString();
        if (t.ValueKind == JsonValueKind.Array)
        {
            foreach (var x in t.EnumerateArray())
            {
                if (x.ValueKind == JsonValueKind.String && ArticleType().IsMatch(x.GetString()!))
                    return x.GetString();
            }
        }
        return null;
    }

    private static string? Str(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? Clean(v.GetString()) : null;

    private static string? Names(JsonElement e, string name, Dictionary<string, string> ids)
    {
        if (!e.TryGetProperty(name, out var v))
            return null;
        var names = new List<string>();
        void Add(JsonElement x)
        {
            if (x.ValueKind == JsonValueKind.String && Clean(x.GetString()) is { } s && !s.StartsWith("http", StringComparison.OrdinalIgnoreCase))
                names.Add(s);
            else if (x.ValueKind == JsonValueKind.Object && Str(x, "name") is { } n)
                names.Add(n);
            else if (x.ValueKind == JsonValueKind.Object && Str(x, "@id") is { } id && ids.TryGetValue(id, out var referenced))
                names.Add(referenced);
            else if (x.ValueKind == JsonValueKind.Array)
            {
                foreach (var y in x.EnumerateArray())
                    Add(y);
            }
        }
        Add(v);
        return names.Count == 0 ? null : string.Join(", ", names.Distinct(StringComparer.Ordinal));
    }

    private static string? TitleWithoutSite(string? title, string? site)
    {
        title = Clean(title);
        if (title is null)
            return null;
        var parts = TitleSeparator().Split(title);
        if (parts.Length > 1)
        {
            // The site name sits at one end; the headline is the longest part.
            var longest = parts.OrderByDescending(p => p.Length).First().Trim();
            if (site is null || !longest.Contains(site, StringComparison.OrdinalIgnoreCase))
                return longest;
        }
        return title;
    }

    /// <summary>An element's text with a space between its text nodes, so that a name and the date in the next element stay apart ("Jane Doe" "Dec 17").</summary>
    private static string SpacedText(HtmlTree tree, int element)
    {
        var sb = new System.Text.StringBuilder();
        int end = tree[element].SubtreeEnd;
        for (int i = element + 1; i <= end; i++)
        {
            var tag = tree.Tag(i);
            if (tag is null)
                sb.Append(tree.Text(i)).Append(' ');
            else if (tag == HtmlTag.Template || tag == HtmlTag.Script || tag == HtmlTag.Style)
                i = tree[i].SubtreeEnd;
        }
        return sb.ToString();
    }

    /// <summary>A byline without the outlet a wire-style byline ends with ("Jane Doe, The Daily Planet"); nothing when only the outlet is left.</summary>
    private static string? WithoutOutlet(string? byline, string? outlet)
    {
        if (byline is null || outlet is null || byline.Length <= outlet.Length || !byline.EndsWith(outlet, StringComparison.OrdinalIgnoreCase))
            return byline;
        var rest = byline[..^outlet.Length].TrimEnd();
        if (!rest.EndsWith(',') && !rest.EndsWith('|') && !rest.EndsWith('/'))
            return byline;
        return BylineValue(rest.TrimEnd(',', '|', '/', ' '));
    }

    /// <summary>How far after the headline the page's byline and date line are looked for, in tree nodes.</summary>
    private const int HeaderReach = 400;

    /// <summary>
    /// The byline and date line printed near the headline, for a page whose metadata states neither:
    /// the first short element after the h1 whose class or id names a byline, an author, a date or
    /// the post's metadata ("By Jane Doe - June 12, 2025", "Published on July 18, 2025"). A day after
    /// "Updated" alone is not taken for the publication date.
    /// </summary>
    private static void ReadHeaderLines(HtmlTree tree, int h1, HintCollector hints, bool headerOnly = false)
    {
        int end = Math.Min(tree.Count, tree[h1].SubtreeEnd + HeaderReach);
        bool prose = false, textSeen = false;
        for (int e = tree[h1].SubtreeEnd + 1; e < end && (hints.Byline is null || hints.PrintedDate is null); e++)
        {
            var tag = tree.Tag(e);
            if (tag is null)
            {
                textSeen |= !tree.Text(e).IsWhiteSpace();
                continue;
            }
            if (tag == HtmlTag.Script || tag == HtmlTag.Style || tag == HtmlTag.Template)
            {
                e = tree[e].SubtreeEnd;
                continue;
            }
            var names = tree[e].AttributeCount == 0 ? "" : (tree.Attribute(e, HtmlAttributeName.Class) + " " + tree.Attribute(e, HtmlAttributeName.Id)).ToLowerInvariant();
            bool byline = names.Length > 1 && HeaderBylineClass().IsMatch(names);
            if (!byline && !(names.Length > 1 && HeaderDateClass().IsMatch(names)))
            {
                // The first text under the headline, when it is a paragraph of prose, is its standfirst (a sentence or two
                // that sums the article up) and the byline often comes after it: only prose after other text ends the header.
                if (!prose)
                    prose = UnmarkedHeaderLine(tree, e, tag, hints) && (textSeen || TextShape.CountWords(tree.TextContent(e)) > StandfirstWords);
                if (headerOnly && hints.PrintedDate is not null)
                {
                    hints.PrintedDate = HeaderDay(tree, e, hints.PrintedDate);
                    break;
                }
                if (prose && headerOnly)
                    break; // the article has begun: a date after it is a related story's or a comment's
                continue;
            }
            if (tree[e].SubtreeEnd - e > 60)
                continue; // a section, not a line
            var text = Clean(SpacedText(tree, e));
            if (text is null || text.Length > 160 || TextShape.CountWords(text) > 20)
                continue;
            if (hints.PrintedDate is null && Sitrep.Time.PublicationDate.NamesDatedDay(text)
                && !(ChromePatterns.UpdatedLabel().IsMatch(text) && !ChromePatterns.PublishedLabel().IsMatch(text)))
            {
                hints.PrintedDate = text;
                if (headerOnly)
                {
                    hints.PrintedDate = HeaderDay(tree, e, text);
                    break;
                }
            }
            int parent = tree.ParentElement(e);
            if (ChromePatterns.ReviewerLine().IsMatch(text) || (parent >= 0 && tree[parent].SubtreeEnd - parent <= 60 && ChromePatterns.ReviewerLine().IsMatch(SpacedText(tree, parent))))
                continue; // the reviewer's or the editor's line, not the author's
            if (byline && hints.Byline is null)
            {
                // A box of separate fields ("Jane Doe" / "Marketing Director" / "May 14, 2025") is read field by field:
                // run together, the position reads as more of the name.
                // Only the first field with words decides: the ones after it are the position, the outlet or the day.
                foreach (var line in FieldTexts(tree, e) ?? [text])
                {
                    if (BylineValue(ChromePatterns.HeaderSeparator().Split(line)[0].Trim()) is not { } piece)
                        continue;
                    if (PersonNames.TryNameLine(piece, out var name, out _) && !PersonNames.IsRoleOnly(name))
                        hints.Byline = name;
                    break;
                }
            }
        }
    }

    /// <summary>
    /// The date line printed between the headline and the article's first paragraph of prose when it names an earlier day
    /// than the page's metadata (<paramref name="stated"/>), null otherwise. A content system's stated publication date is
    /// often the day the page was last saved (a redesign, a republished archive, a template that writes the same stamp as
    /// "dateModified"), while the day printed under the headline is the one the reader is shown as the publication; an
    /// "Updated" day is never taken (the header reader skips it), and a later printed day leaves the stated one.
    /// </summary>
    private static string? EarlierHeaderDate(HtmlTree tree, int h1, string? stated)
    {
        if (Sitrep.Time.PublicationDate.Normalize(stated) is not { } statedDay)
            return null;
        // The byline is set so that only the date is looked for.
        var probe = new HintCollector { Byline = "" };
        ReadHeaderLines(tree, h1, probe, headerOnly: true);
        // A day apart is a matter of time zones (a stamp in UTC just after midnight, the outlet's day printed), not a later save.
        return Sitrep.Time.PublicationDate.Normalize(probe.PrintedDate) is { } printedDay
            && DateOnly.ParseExact(printedDay.AsSpan(0, 10), "yyyy-MM-dd", CultureInfo.InvariantCulture).AddDays(1)
                < DateOnly.ParseExact(statedDay.AsSpan(0, 10), "yyyy-MM-dd", CultureInfo.InvariantCulture) ? probe.PrintedDate : null;
    }

    /// <summary>
    /// The day of the header's date line <paramref name="e"/>: the machine-readable day of a time element in it, which the
    /// page states without the ambiguity of "08/12/2021", or else its text; null when a label just before it
    /// ("Page updated:", "Last updated") makes it a later day than the publication.
    /// </summary>
    private static string? HeaderDay(HtmlTree tree, int e, string text)
    {
        var label = PrecedingText(tree, e) is { } before ? before[Math.Max(0, before.Length - 30)..] : null;
        if (label is not null && !ChromePatterns.PublishedLabel().IsMatch(label) && (ChromePatterns.UpdatedLabel().IsMatch(label) || LaterDayLabel().IsMatch(label)))
            return null;
        for (int i = e; i <= tree[e].SubtreeEnd; i++)
        {
            if (tree.Tag(i) == HtmlTag.Time && tree.Attribute(i, HtmlAttributeName.DateTime) is { } machine
                && Sitrep.Time.PublicationDate.Normalize(machine) is not null)
                return machine;
        }
        return text;
    }

    /// <summary>
    /// The texts of an element's fields when it is only a box of them (two or more child elements with text, and no text of
    /// its own between them), a field that is itself such a box read as its own fields; null otherwise, and for a line
    /// whose words run across its children ("By <a>Jane Doe</a>").
    /// </summary>
    private static List<string>? FieldTexts(HtmlTree tree, int e)
    {
        // One child holds all the text (the box beside the author's picture): its own children are the fields.
        for (int depth = 0; depth < MaxFieldDepth; depth++)
        {
            if (FieldElements(tree, e) is not { } children)
                return null;
            if (children.Count >= 2)
            {
                var fields = new List<string>();
                AddFields(tree, children, fields, depth + 1);
                return fields;
            }
            e = children[0].Element;
        }
        return null;
    }

    /// <summary>How deep boxes of fields are read inside one another.</summary>
    private const int MaxFieldDepth = 4;

    private static void AddFields(HtmlTree tree, List<(int Element, string Text)> children, List<string> fields, int depth)
    {
        foreach (var (element, text) in children)
        {
            if (depth < MaxFieldDepth && FieldElements(tree, element) is { Count: >= 2 } inner)
                AddFields(tree, inner, fields, depth + 1);
            else
                fields.Add(text);
        }
    }

    /// <summary>The child elements of <paramref name="e"/> that hold text, with their text, when it has no text of its own between them; null otherwise.</summary>
    private static List<(int Element, string Text)>? FieldElements(HtmlTree tree, int e)
    {
        List<(int, string)>? children = null;
        for (int c = tree.FirstChild(e); c >= 0; c = tree.NextSibling(c))
        {
            if (tree.Tag(c) is not { } tag)
            {
                if (!tree.Text(c).IsWhiteSpace())
                    return null;
                continue;
            }
            if (tag == HtmlTag.Script || tag == HtmlTag.Style || tag == HtmlTag.Template)
                continue;
            if (Clean(SpacedText(tree, c)) is { } text)
                (children ??= []).Add((c, text));
        }
        return children;
    }

    /// <summary>Words a stated author's name may have; more is a headline marked up as the name (a reposting site's).</summary>
    private const int MaxItemNameWords = 6;

    /// <summary>
    /// The name an author element states as a property of its own ("[itemprop=author] [itemprop=name]", often a meta tag's
    /// content), rather than its whole text, which may run on into the author's position ("Jane Doe Writer"). False when it
    /// states none; <paramref name="name"/> null when what it states is no name, and then neither is the element's text.
    /// </summary>
    private static bool StatesItemName(HtmlTree tree, int author, out string? name)
    {
        name = null;
        if (author < 0)
            return false;
        int end = tree[author].SubtreeEnd;
        for (int i = author + 1; i <= end; i++)
        {
            if (tree.Tag(i) is null || tree[i].AttributeCount == 0 || tree.Attribute(i, HtmlAttributeName.ItemProp) != "name")
                continue;
            name = Clean(tree.Tag(i) == HtmlTag.Meta ? tree.Attribute(i, HtmlAttributeName.Content) : tree.TextContent(i));
            if (name is not null && TextShape.CountWords(name) > MaxItemNameWords)
                name = null;
            return true;
        }
        return false;
    }

    /// <summary>
    /// A line between the headline and the first paragraph of prose that no class marks but whose
    /// words are only a date ("October 3, 2024", "Published: 2024-11-06") or a byline ("by: Jane Doe,
    /// Dec 17, 2025", "Written by Jane Doe"). Returns whether <paramref name="e"/> is a paragraph of
    /// prose, after which such lines belong to the article and are not read.
    /// </summary>
    private static bool UnmarkedHeaderLine(HtmlTree tree, int e, HtmlTag tag, HintCollector hints)
    {
        if (tree[e].SubtreeEnd - e > 12)
            return tag == HtmlTag.P && TextShape.CountWords(tree.TextContent(e)) >= ProseWords;
        var text = Clean(SpacedText(tree, e));
        if (text is null || text.Length > 100)
            return tag == HtmlTag.P && text is not null && TextShape.CountWords(text) >= ProseWords;
        if (hints.PrintedDate is null && ChromePatterns.DateOnlyLine().IsMatch(text)
            && !(ChromePatterns.UpdatedLabel().IsMatch(text) && !ChromePatterns.PublishedLabel().IsMatch(text)))
        {
            // A label just before it ("Last updated:", "Last active") makes it a later day than the publication.
            var label = PrecedingText(tree, e) is { } before ? before[Math.Max(0, before.Length - 30)..] : null;
            if (label is null || ChromePatterns.PublishedLabel().IsMatch(label) || !(ChromePatterns.UpdatedLabel().IsMatch(label) || LaterDayLabel().IsMatch(label)))
                hints.PrintedDate = text;
        }
        else if (hints.Byline is null && UnmarkedByline().IsMatch(text) && !ChromePatterns.ReviewerLine().IsMatch(text)
            && BylineValue(BeforeDayLabel(ChromePatterns.HeaderSeparator().Split(UpToLinkedName(tree, e, text))[0]).Trim()) is { } piece
            && PersonNames.TryNameLine(piece, out var name, out _) && !PersonNames.IsRoleOnly(name))
            hints.Byline = name;
        return tag == HtmlTag.P && TextShape.CountWords(text) >= ProseWords;
    }

    /// <summary>
    /// A "By" line whose name is a link ("By <a>A. J. Neal</a> <a>View In Digital Edition</a>") up to the end of that link:
    /// the words after it are other links or furniture run on into the same line with no separator between. The line as it
    /// is when its first link does not follow the label at once.
    /// </summary>
    private static string UpToLinkedName(HtmlTree tree, int e, string line)
    {
        for (int i = e + 1; i <= tree[e].SubtreeEnd; i++)
        {
            if (tree.Tag(i) != HtmlTag.A)
                continue;
            if (Clean(SpacedText(tree, i)) is not { } name)
                return line;
            var label = UnmarkedByline().Match(line);
            // The label's match ends at the name's first capital.
            int at = label.Success ? label.Index + label.Length - 1 : -1;
            if (at < 0 || at + name.Length >= line.Length || string.CompareOrdinal(line, at, name, 0, name.Length) != 0)
                return line;
            // Only words run on with no separator are cut: "and", "&", a comma or a dash go on to another name or the day.
            var rest = line.AsSpan(at + name.Length).TrimStart();
            return rest.Length > 0 && char.IsUpper(rest[0]) && !rest.StartsWith("And ", StringComparison.Ordinal) ? line[..(at + name.Length)] : line;
        }
        return line;
    }

    /// <summary>
    /// A byline without the label of the day that follows it in the same line ("By Jane Doe Published March 9, 2026" reads
    /// "By Jane Doe Published" once the day is split off): the label is no part of the name.
    /// </summary>
    private static string BeforeDayLabel(string line)
    {
        var m = ChromePatterns.PublishedLabel().Match(line);
        if (!m.Success || m.Index == 0)
            m = ChromePatterns.UpdatedLabel().Match(line);
        return m.Success && m.Index > 0 ? line[..m.Index] : line;
    }

    /// <summary>The text of the last non-blank node before <paramref name="e"/> under the same parent, when it is short.</summary>
    private static string? PrecedingText(HtmlTree tree, int e)
    {
        int parent = tree.ParentElement(e);
        if (parent < 0)
            return null;
        string? last = null;
        for (int c = tree.FirstChild(parent); c >= 0 && c != e; c = tree.NextSibling(c))
        {
            if (tree.Tag(c) is null)
            {
                if (Clean(tree.Text(c).ToString()) is { } t)
                    last = t;
            }
            else if (tree[c].SubtreeEnd - c <= 12 && Clean(SpacedText(tree, c)) is { } t)
                last = t;
            else if (tree[c].SubtreeEnd - c > 12)
                last = null;
        }
        return last;
    }

    /// <summary>How many words a standfirst has at most; a longer first paragraph under the headline is the article's.</summary>
    private const int StandfirstWords = 60;

    /// <summary>How many words make a paragraph the article's prose rather than a header line.</summary>
    private const int ProseWords = 20;

    /// <summary>
    /// The author's profile link, for a page whose metadata names no author: a link to
    /// ".../author/jane-doe" (or authors, contributor, contributors) whose text is that same name,
    /// "Jane Doe", the first in the page. A link whose words differ from its address ("More by
    /// this author", "View all posts") is no byline.
    /// </summary>
    private static string? AuthorProfileLink(HtmlTree tree)
    {
        for (int e = 0; e < tree.Count; e++)
        {
            var tag = tree.Tag(e);
            if (tag is null)
                continue;
            if (tag == HtmlTag.Template || tag == HtmlTag.Script || tag == HtmlTag.Style || tag == HtmlTag.Head)
            {
                e = tree[e].SubtreeEnd;
                continue;
            }
            if (tag != HtmlTag.A || tree.Attribute(e, HtmlAttributeName.Href) is not { } href || AuthorPath().Match(href) is not { Success: true } m)
                continue;
            var text = Clean(SpacedText(tree, e));
            if (text is null || !string.Equals(Slug(text), m.Groups["slug"].Value, StringComparison.OrdinalIgnoreCase))
                continue;
            var parts = new List<string>();
            foreach (var part in NameListSeparator().Split(text))
            {
                if (!PersonNames.TryNameLine(part, out var name, out _) || PersonNames.IsRoleOnly(name))
                    return null;
                parts.Add(name);
            }
            return string.Join(", ", parts);
        }
        return null;
    }

    /// <summary>A name as an address writes it: "Bence Kovács" is "bence-kovacs".</summary>
    private static string Slug(string text)
    {
        var sb = new System.Text.StringBuilder(text.Length);
        foreach (char c in text.Normalize(System.Text.NormalizationForm.FormD))
        {
            if (char.IsAsciiLetterOrDigit(c))
                sb.Append(char.ToLowerInvariant(c));
            else if (char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.NonSpacingMark || c is '\'' or '’' or '.')
                continue;
            else if (sb.Length > 0 && sb[^1] != '-')
                sb.Append('-');
        }
        return sb.ToString().TrimEnd('-');
    }

    /// <summary>
    /// A byline as a reader would write it: without a lead-in ("By", "Written by", "Author:"), and
    /// nothing when the value is no name at all (a link, an e-mail address, a number, markup or
    /// script, or a long text such as a bio).
    /// </summary>
    internal static string? BylineValue(string? value)
    {
        if (value is null)
            return null;
        var v = BylineLead().Replace(value, "").Trim();
        if (v.Length == 0 || v.Equals("admin", StringComparison.OrdinalIgnoreCase) || v.Equals("administrator", StringComparison.OrdinalIgnoreCase)
            || v.StartsWith("http", StringComparison.OrdinalIgnoreCase) || v.Contains('@', StringComparison.Ordinal)
            || v.IndexOfAny(['{', '}', '=', '<', '>', ';']) >= 0 || v.Count(char.IsLetter) < 2 || v[0] is '.' or '#' || TextShape.CountWords(v) > 30)
            return null;
        if (v.Contains('.', StringComparison.Ordinal) && !v.Contains(' ', StringComparison.Ordinal) && v.Any(char.IsLower) && v.Split('.').Length > 2)
            return null; // a template key ("page.head.author")
        return v;
    }

    /// <summary>
    /// Whether the page's heading is the start of its stated title, which goes on with a tagline or a site's name
    /// ("Smart thermostats: do they save money?" in "Smart thermostats: do they save money? | Acme Heating"): a
    /// heading of two words or more that is not the site's own name.
    /// </summary>
    private static bool StartsTitle(string h1, string title, string? site)
    {
        var wh = TextShape.Words(h1);
        var wt = TextShape.Words(title);
        if (wh.Count < 2 || wh.Count >= wt.Count || (site is not null && TextShape.Words(site).SequenceEqual(wh)))
            return false;
        for (int i = 0; i < wh.Count; i++)
        {
            if (wh[i] != wt[i])
                return false;
        }
        return true;
    }

    private static bool Similar(string a, string b)
    {
        var wa = TextShape.Words(a);
        var wb = new HashSet<string>(TextShape.Words(b), StringComparer.Ordinal);
        return wa.Count > 0 && wa.Count(wb.Contains) >= 0.6 * Math.Max(wa.Count, wb.Count);
    }

    /// <summary>
    /// A value with its whitespace folded, and with the character references a page escaped twice
    /// decoded: JSON-LD written by a template holds "Traveler&amp;#8217;s" as text, and a meta tag's
    /// "&amp;amp;#039;" reads as "&amp;#039;" once the attribute is decoded.
    /// </summary>
    private static string? Clean(string? s)
    {
        if (string.IsNullOrWhiteSpace(s))
            return null;
        if (s.Contains('&', StringComparison.Ordinal) && EscapedReference().IsMatch(s))
            s = System.Net.WebUtility.HtmlDecode(s);
        return Whitespace().Replace(s, " ").Trim();
    }

    /// <summary>
    /// A headline without the site's name the page appends to it ("The benefits of fasting | School of
    /// Public Health"): the part after the last separator is dropped when it is the page's outlet, or
    /// the start of it ("Acme Marketing" for "Acme Marketing Agency"), and a headline is left.
    /// </summary>
    internal static string? WithoutSiteName(string? title, string? outlet, string? url = null)
    {
        if (title is null)
            return title;
        var m = TitleSiteSuffix().Match(title);
        if (!m.Success || m.Index == 0)
            return title;
        var suffix = m.Groups["site"].Value.Trim();
        var head = title[..m.Index].Trim();
        // "Guide to Composition — Mark Denney | Landscape Photography": a site name with a separator of its own ends the title whole.
        if (outlet is { Length: > 1 } && title.Length > outlet.Length + 3 && title.EndsWith(outlet, StringComparison.OrdinalIgnoreCase))
        {
            var rest = title.AsSpan(0, title.Length - outlet.Length);
            foreach (var separator in (ReadOnlySpan<string>)[" | ", " - ", " – ", " — ", " · ", " • ", " » "])
            {
                if (rest.EndsWith(separator, StringComparison.Ordinal) && rest[..^separator.Length].Trim().ToString() is var before && TextShape.CountWords(before) >= 2)
                    return before;
            }
        }
        bool site = outlet is { Length: > 1 } && (string.Equals(suffix, outlet, StringComparison.OrdinalIgnoreCase)
            || (outlet.StartsWith(suffix + " ", StringComparison.OrdinalIgnoreCase) && TextShape.CountWords(suffix) >= 2)
            || (suffix.StartsWith(outlet + " ", StringComparison.OrdinalIgnoreCase) && TextShape.CountWords(outlet) >= 2));
        // With no site name that matches, the page's address may name the site: "… — LessWrong" on lesswrong.com, "… | Bridgestone
        // Tires" on tires.bridgestone.com (each word of the suffix in the host's name).
        site = site || NamesHost(suffix, url);
        return site && TextShape.CountWords(head) >= 2 ? head : title;
    }

    /// <summary>
    /// Whether every word of <paramref name="suffix"/> (letters and digits, case ignored) is part of the host name of
    /// <paramref name="url"/> without its "www" and its last label, and the words hold at least four letters.
    /// </summary>
    private static bool NamesHost(string suffix, string? url)
    {
        if (url is null || !Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.HostNameType != UriHostNameType.Dns)
            return false;
        var labels = uri.Host.ToLowerInvariant().Split('.');
        if (labels.Length < 2)
            return false;
        var host = string.Concat(labels[..^1].Where(l => l != "www"));
        var words = NotLetterOrDigit().Split(suffix.ToLowerInvariant()).Where(w => w.Length > 0).ToList();
        return words.Count > 0 && words.Sum(w => w.Length) >= 4 && words.All(w => host.Contains(w, StringComparison.Ordinal));
    }

    private static TResult? Let<T, TResult>(this T value, Func<T, TResult?> f) => f(value);

    [GeneratedRegex(@"^\W*(?:(?:written|posted|published|article|words|story|reported)\s+)?(?:by|author(?:ed by)?|authors?|contributors?)\b\s*:?\s*", RegexOptions.IgnoreCase, RegexTimeouts.Milliseconds)]
    private static partial Regex BylineLead();

    [GeneratedRegex(@"(?<![a-z])(?:byline|author|authors|author-?name|writer)(?![a-z])|author(?:name|_name|__name)", RegexOptions.None, RegexTimeouts.Milliseconds)]
    private static partial Regex HeaderBylineClass();

    [GeneratedRegex(@"(?<![a-z])(?:date|dateline|pubdate|published|publish-date|post-date|entry-date|post-meta|entry-meta|article-meta|posted-on|meta)(?![a-z])|date(?:_|__)|authordate", RegexOptions.None, RegexTimeouts.Milliseconds)]
    private static partial Regex HeaderDateClass();

    [GeneratedRegex(@"^\W*(?:(?i:(?:written|posted|words|text|story)\s+)?(?i:by)\b\s*:?|(?i:authors?|contributors?)\s*:)\s*\p{Lu}", RegexOptions.None, RegexTimeouts.Milliseconds)]
    private static partial Regex UnmarkedByline();

    [GeneratedRegex(@"(?i)\blast\b", RegexOptions.None, RegexTimeouts.Milliseconds)]
    private static partial Regex LaterDayLabel();

    [GeneratedRegex(@"&(?:#[0-9]{2,7}|#[xX][0-9a-fA-F]{2,6}|[a-zA-Z]{2,8});", RegexOptions.None, RegexTimeouts.Milliseconds)]
    private static partial Regex EscapedReference();

    [GeneratedRegex(@"[^a-z0-9]+", RegexOptions.None, RegexTimeouts.Milliseconds)]
    private static partial Regex NotLetterOrDigit();

    [GeneratedRegex(@"\s+[|–—·•»-]\s+(?<site>[^|–—·•»]+)$", RegexOptions.None, RegexTimeouts.Milliseconds)]
    private static partial Regex TitleSiteSuffix();

    [GeneratedRegex(@"(?<=/)(?:author|authors|contributor|contributors)/(?<slug>[A-Za-z0-9]+(?:-[A-Za-z0-9]+)+)/?(?:[?#].*)?$", RegexOptions.None, RegexTimeouts.Milliseconds)]
    private static partial Regex AuthorPath();

    [GeneratedRegex(@"\s*(?:,|&|\band\b)\s*", RegexOptions.None, RegexTimeouts.Milliseconds)]
    private static partial Regex NameListSeparator();

    [GeneratedRegex(@"^(?:written by|author|authors|by)$", RegexOptions.IgnoreCase, RegexTimeouts.Milliseconds)]
    private static partial Regex CardAuthorLabel();

    [GeneratedRegex(@"\s+", RegexOptions.None, RegexTimeouts.Milliseconds)]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"\s+[|–—·:»-]\s+", RegexOptions.None, RegexTimeouts.Milliseconds)]
    private static partial Regex TitleSeparator();

    [GeneratedRegex(@"Article|BlogPosting|Report|NewsArticle|Posting|WebPage", RegexOptions.IgnoreCase, RegexTimeouts.Milliseconds)]
    private static partial Regex ArticleType();

    [GeneratedRegex(@"\b(opinion|op-?eds?|commentary|editorials?|columns?|columnists?)\b", RegexOptions.IgnoreCase, RegexTimeouts.Milliseconds)]
    private static partial Regex OpinionSection();
}

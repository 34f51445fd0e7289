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
        var h1 = TextOf(found.H1);
        if (h1 is not null && hints.Title is not null && !string.Equals(h1, hints.Title, StringComparison.Ordinal) && Similar(h1, hints.Title))
            hints.Title = h1; // the page's own heading, as printed, when the meta title is a variant of it
        hints.Byline = ld?.Author ?? Meta("author", "article:author", "parsely-author", "sailthru.author", "dc.creator", "DC.creator")
            ?.Let(a => a.StartsWith("http", StringComparison.OrdinalIgnoreCase) ? null : a)
            ?? TextOf(found.Author);
        hints.Outlet = Meta("og:site_name", "application-name", "publisher") ?? ld?.Publisher;
        hints.PrintedDate = ld?.DatePublished ?? Meta("article:published_time", "og:published_time", "datePublished", "pubdate", "publishdate", "publish-date", "parsely-pub-date", "sailthru.date", "dc.date", "DC.date.issued", "date")
            ?? (found.DatePublished < 0 ? null : tree.Attribute(found.DatePublished, HtmlAttributeName.Content) ?? tree.Attribute(found.DatePublished, HtmlAttributeName.DateTime))
            ?? (found.Time < 0 ? null : tree.Attribute(found.Time, HtmlAttributeName.DateTime));
        hints.CanonicalUrl = (found.Canonical < 0 ? null : tree.Attribute(found.Canonical, HtmlAttributeName.Href)) ?? Meta("og:url");
        if (hints.PrintedDate is null && hints.CanonicalUrl is not null && UrlDate().Match(hints.CanonicalUrl) is { Success: true } u)
            hints.PrintedDate = $"{u.Groups[1].Value}-{u.Groups[2].Value}-{u.Groups[3].Value}";
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
                if (FindArticle(json.RootElement, 0) is { } found2)
                    return found2;
            }
        }
        return null;
    }

    private static LdArticle? FindArticle(JsonElement e, int depth)
    {
        if (depth > 6)
            return null;
        if (e.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in e.EnumerateArray())
            {
                if (FindArticle(item, depth + 1) is { } a)
                    return a;
            }
            return null;
        }
        if (e.ValueKind != JsonValueKind.Object)
            return null;
        if (e.TryGetProperty("@graph", out var graph) && FindArticle(graph, depth + 1) is { } g)
            return g;
        var type = TypeOf(e);
        if (type is null || !ArticleType().IsMatch(type))
            return null;
        return new LdArticle(type, Str(e, "headline") ?? Str(e, "name"), Names(e, "author"), Names(e, "publisher"), Str(e, "datePublished") ?? Str(e, "dateCreated"), Str(e, "articleBody"));
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

    private static string? Names(JsonElement e, string name)
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

    private static bool Similar(string a, string b)
    {
        var wa = TextShape.Words(a);
        var wb = new HashSet<string>(TextShape.Words(b), StringComparer.Ordinal);
        return wa.Count > 0 && wa.Count(wb.Contains) >= 0.6 * Math.Max(wa.Count, wb.Count);
    }

    private static string? Clean(string? s)
    {
        if (string.IsNullOrWhiteSpace(s))
            return null;
        return Whitespace().Replace(s, " ").Trim();
    }

    private static TResult? Let<T, TResult>(this T value, Func<T, TResult?> f) => f(value);

    [GeneratedRegex(@"\s+", RegexOptions.None, RegexTimeouts.Milliseconds)]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"\s+[|–—·:»-]\s+", RegexOptions.None, RegexTimeouts.Milliseconds)]
    private static partial Regex TitleSeparator();

    [GeneratedRegex(@"Article|BlogPosting|Report|NewsArticle|Posting|WebPage", RegexOptions.IgnoreCase, RegexTimeouts.Milliseconds)]
    private static partial Regex ArticleType();

    [GeneratedRegex(@"/((?:19|20)\d{2})[/-](\d{2})[/-](\d{2})(?:/|\b)", RegexOptions.None, RegexTimeouts.Milliseconds)]
    private static partial Regex UrlDate();

    [GeneratedRegex(@"\b(opinion|op-?eds?|commentary|editorials?|columns?|columnists?)\b", RegexOptions.IgnoreCase, RegexTimeouts.Milliseconds)]
    private static partial Regex OpinionSection();
}

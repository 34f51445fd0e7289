using System.Text.Json;
using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace Sitrep.Cleaning.Html;

/// <summary>
/// Reads what a page states about itself: JSON-LD, Open Graph and article meta tags, microdata,
/// &lt;time&gt;, the canonical link, and a date in the URL, in that order of trust.
/// </summary>
internal static partial class PageMetadataReader
{
    public static void Read(IDocument doc, HintCollector hints, out string? articleBody)
    {
        articleBody = null;
        var ld = JsonLdArticle(doc);
        // One pass over the meta tags; the first tag of a name wins, as browsers and crawlers read them.
        var metas = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var m in doc.GetElementsByTagName("meta"))
        {
            var content = m.GetAttribute("content");
            if (string.IsNullOrWhiteSpace(content))
                continue;
            foreach (var attribute in (ReadOnlySpan<string>)["property", "name", "itemprop"])
            {
                if (m.GetAttribute(attribute) is { Length: > 0 } key)
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

        hints.Title = Clean(ld?.Headline) ?? Meta("og:title", "twitter:title") ?? Clean(doc.QuerySelector("h1")?.TextContent) ?? TitleWithoutSite(doc.Title, Meta("og:site_name"));
        var h1 = Clean(doc.QuerySelector("article h1, main h1, h1")?.TextContent);
        if (h1 is not null && hints.Title is not null && !string.Equals(h1, hints.Title, StringComparison.Ordinal) && Similar(h1, hints.Title))
            hints.Title = h1; // the page's own heading, as printed, when the meta title is a variant of it
        hints.Byline = ld?.Author ?? Meta("author", "article:author", "parsely-author", "sailthru.author", "dc.creator", "DC.creator")
            ?.Let(a => a.StartsWith("http", StringComparison.OrdinalIgnoreCase) ? null : a)
            ?? Clean(doc.QuerySelector("[itemprop=author] [itemprop=name], [itemprop=author], [rel=author], .byline__name, .author-name")?.TextContent);
        hints.Outlet = Meta("og:site_name", "application-name", "publisher") ?? ld?.Publisher;
        hints.PrintedDate = ld?.DatePublished ?? Meta("article:published_time", "og:published_time", "datePublished", "pubdate", "publishdate", "publish-date", "parsely-pub-date", "sailthru.date", "dc.date", "DC.date.issued", "date")
            ?? doc.QuerySelector("[itemprop=datePublished]")?.Let(e => e.GetAttribute("content") ?? e.GetAttribute("datetime"))
            ?? doc.QuerySelector("article time[datetime], header time[datetime], time[pubdate], time[datetime]")?.GetAttribute("datetime");
        hints.CanonicalUrl = doc.QuerySelector("link[rel=canonical]")?.GetAttribute("href") ?? Meta("og:url");
        if (hints.PrintedDate is null && hints.CanonicalUrl is not null && UrlDate().Match(hints.CanonicalUrl) is { Success: true } u)
            hints.PrintedDate = $"{u.Groups[1].Value}-{u.Groups[2].Value}-{u.Groups[3].Value}";
        var lang = doc.DocumentElement?.GetAttribute("lang") ?? Meta("og:locale")?.Replace('_', '-');
        if (lang is { Length: >= 2 } && char.IsAsciiLetter(lang[0]) && char.IsAsciiLetter(lang[1]))
            hints.Language = lang[..2].ToLowerInvariant();
        var section = Meta("article:section", "parsely-section");
        if (ld?.Type is "OpinionNewsArticle" or "ReviewNewsArticle" || (section is not null && OpinionSection().IsMatch(section)))
            hints.OpinionLabel = true;
        if (ld?.Type is "AnalysisNewsArticle" or "BackgroundNewsArticle")
            hints.AnalysisLabel = true;
        articleBody = ld?.ArticleBody;
    }

    private sealed record LdArticle(string Type, string? Headline, string? Author, string? Publisher, string? DatePublished, string? ArticleBody);

    private static LdArticle? JsonLdArticle(IDocument doc)
    {
        foreach (var script in doc.GetElementsByTagName("script"))
        {
            if (!string.Equals(script.GetAttribute("type"), "application/ld+json", StringComparison.OrdinalIgnoreCase))
                continue;
            JsonDocument json;
            try
            {
                json = JsonDocument.Parse(script.TextContent, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
            }
            catch (JsonException)
            {
                continue;
            }
            using (json)
            {
                if (FindArticle(json.RootElement, 0) is { } found)
                    return found;
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

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"\s+[|–—·:»-]\s+")]
    private static partial Regex TitleSeparator();

    [GeneratedRegex(@"Article|BlogPosting|Report|NewsArticle|Posting|WebPage", RegexOptions.IgnoreCase)]
    private static partial Regex ArticleType();

    [GeneratedRegex(@"/((?:19|20)\d{2})[/-](\d{2})[/-](\d{2})(?:/|\b)")]
    private static partial Regex UrlDate();

    [GeneratedRegex(@"\b(opinion|op-?eds?|commentary|editorials?|columns?|columnists?)\b", RegexOptions.IgnoreCase)]
    private static partial Regex OpinionSection();
}

using System.Collections.Frozen;
using System.Text.RegularExpressions;
using Sitrep.Documents;

namespace Sitrep.Cleaning.Html;

/// <summary>What elements, classes and ids say about a part of a page, across sites.</summary>
internal static partial class HtmlVocabulary
{
    private static readonly FrozenSet<string> Blocks = FrozenSet.ToFrozenSet(
        ["p", "div", "section", "article", "main", "header", "footer", "aside", "nav", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "dl", "dt", "dd",
         "blockquote", "pre", "figure", "figcaption", "table", "thead", "tbody", "tfoot", "tr", "td", "th", "caption", "form", "fieldset", "address", "hr",
         "details", "summary", "center", "body", "html", "hgroup", "menu", "legend", "option", "noscript"], StringComparer.Ordinal);

    /// <summary>Elements whose content is never article text.</summary>
    private static readonly FrozenSet<string> NeverText = FrozenSet.ToFrozenSet(
        ["script", "style", "noscript", "template", "svg", "canvas", "iframe", "object", "embed", "video", "audio", "button", "input", "select", "textarea",
         "option", "head", "title", "meta", "link", "map", "dialog"], StringComparer.Ordinal);

    public static bool IsBlock(string localName) => Blocks.Contains(localName);

    public static bool IsNeverText(string localName) => NeverText.Contains(localName);

    public static bool IsInvisible(HtmlTree tree, int e)
    {
        if (tree.Tag(e)!.Is(HtmlTagFlags.NeverText))
            return true;
        if (tree[e].AttributeCount == 0)
            return false;
        if (tree.HasAttribute(e, HtmlAttributeName.Hidden) || tree.AttributeSpan(e, HtmlAttributeName.AriaHidden, out _).Equals("true", StringComparison.OrdinalIgnoreCase))
            return true;
        if (HiddenByClass(tree, e))
            return true;
        var style = tree.AttributeSpan(e, HtmlAttributeName.Style, out bool hasStyle);
        // Most styles say neither word: the pattern runs only on those that might hide.
        return hasStyle && (style.Contains("none", StringComparison.OrdinalIgnoreCase) || style.Contains("hidden", StringComparison.OrdinalIgnoreCase)) && HiddenStyle().IsMatch(style);
    }

    /// <summary>
    /// Hidden by a CSS framework's utility class ("hidden", "hide", "d-none", "is-hidden"), unless
    /// another class shows it again at some screen width ("hidden md:block", "d-none d-lg-block").
    /// </summary>
    public static bool HiddenByClass(HtmlTree tree, int e)
    {
        var cls = tree.AttributeSpan(e, HtmlAttributeName.Class, out bool hasClass);
        if (!hasClass || !(cls.Contains("hid", StringComparison.OrdinalIgnoreCase) || cls.Contains("none", StringComparison.OrdinalIgnoreCase)))
            return false;
        bool hidden = false;
        foreach (var range in cls.Split(' '))
        {
            var token = cls[range];
            if (token.Equals("hidden", StringComparison.OrdinalIgnoreCase) || token.Equals("hide", StringComparison.OrdinalIgnoreCase)
                || token.Equals("d-none", StringComparison.OrdinalIgnoreCase) || token.Equals("is-hidden", StringComparison.OrdinalIgnoreCase))
                hidden = true;
            else if (token.Contains(':') || token.StartsWith("d-", StringComparison.OrdinalIgnoreCase) || token.StartsWith("visible", StringComparison.OrdinalIgnoreCase) || token.StartsWith("show", StringComparison.OrdinalIgnoreCase))
                return false; // a responsive variant: shown on some screens
        }
        return hidden;
    }

    [GeneratedRegex(@"display\s*:\s*none|visibility\s*:\s*hidden", RegexOptions.IgnoreCase, RegexTimeouts.Milliseconds)]
    private static partial Regex HiddenStyle();

    /// <summary>The class and id words of an element, lower case, joined by spaces.</summary>
    public static string Names(HtmlTree tree, int e)
    {
        if (tree[e].AttributeCount == 0)
            return "";
        var cls = tree.AttributeSpan(e, HtmlAttributeName.Class, out bool hasClass);
        var id = tree.AttributeSpan(e, HtmlAttributeName.Id, out bool hasId);
        if (!hasClass && !hasId)
            return "";
        // One string, lower-cased as it is made: (class ?? "") + " " + (id ?? "").
        Span<char> joined = cls.Length + id.Length < 256 ? stackalloc char[cls.Length + 1 + id.Length] : new char[cls.Length + 1 + id.Length];
        cls.ToLowerInvariant(joined);
        joined[cls.Length] = ' ';
        id.ToLowerInvariant(joined[(cls.Length + 1)..]);
        return joined.ToString();
    }

    /// <summary>Why a whole element is page furniture, from its tag, role or class and id words; null if it may be content.</summary>
    public static RemovalReason? BoilerplateReason(HtmlTree tree, int e, string names) =>
        TagOrRoleReason(tree, e) ?? NamesReason(names);

    /// <summary>Furniture by its tag (nav, aside, footer) or its ARIA role.</summary>
    public static RemovalReason? TagOrRoleReason(HtmlTree tree, int e)
    {
        switch (tree.Name(e))
        {
            case "nav":
                return RemovalReason.Navigation;
            case "aside":
                return RemovalReason.RelatedLinks;
            case "footer":
                return RemovalReason.Other;
            // A form's text is its labels, its consent small print and its calls to act; a form
            // that wraps the whole page (ASP.NET's) is large and is not furniture by the size rule.
            case "form":
                return RemovalReason.Other;
        }
        if (tree[e].AttributeCount == 0)
            return null;
        var role = tree.Attribute(e, HtmlAttributeName.Role);
        if (role is "navigation" or "banner" or "contentinfo" or "complementary" or "search" or "menu" or "menubar" or "dialog" or "alertdialog")
            return role == "complementary" ? RemovalReason.RelatedLinks : RemovalReason.Navigation;
        return null;
    }

    /// <summary>Furniture by its class and id words (<see cref="Names"/>): a function of the words alone, so a page's repeated class names can share one answer.</summary>
    public static RemovalReason? NamesReason(string names)
    {
        if (names.Length == 0)
            return null;
        Match? m = null;
        // A blog platform's post element lists the post's tags and categories as classes
        // (WordPress: "post-123 type-post status-publish hentry tag-elections category-news"):
        // there "tag-…" names a label of the article, not a tag list.
        bool postElement = names.Contains("hentry", StringComparison.Ordinal) || names.Contains("status-publish", StringComparison.Ordinal) || names.Contains("type-post", StringComparison.Ordinal);
        foreach (var token in names.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            // "entry-content-read-more" is content with a modifier; "modal-enabled" and
            // "has-sidebar" describe a state or a layout, not what the element holds; a field's
            // data type ("field--type-text-with-summary", a body that may carry a summary) says
            // what it can store, not that it is a summary.
            if (ContentWord().IsMatch(token) || StateToken().IsMatch(token) || DataTypeToken().IsMatch(token))
                continue;
            if (postElement && token.StartsWith("tag-", StringComparison.Ordinal))
                continue;
            var hit = BoilerplateNames().Match(token);
            if (hit.Success)
            {
                m = hit;
                break;
            }
        }
        if (m is null)
            return null;
        var word = m.Value;
        return word switch
        {
            _ when word.Contains("pull", StringComparison.Ordinal) => RemovalReason.PullQuote,
            _ when word is "dek" or "standfirst" or "subtitle" or "sub-title" or "subheadline" or "sub-headline" or "strapline" or "kicker" or "deck" || word.Contains("summary", StringComparison.Ordinal) || word.Contains("excerpt", StringComparison.Ordinal) || word.Contains("description", StringComparison.Ordinal) => RemovalReason.Other,
            _ when word.Contains("share", StringComparison.Ordinal) || word.Contains("social", StringComparison.Ordinal) => RemovalReason.Share,
            _ when word.Contains("comment", StringComparison.Ordinal) || word.Contains("disqus", StringComparison.Ordinal) => RemovalReason.Other,
            _ when word.Contains("caption", StringComparison.Ordinal) || word.Contains("credit", StringComparison.Ordinal) => RemovalReason.Caption,
            _ when word.Contains("byline", StringComparison.Ordinal) || word.Contains("author", StringComparison.Ordinal) || word.Contains("dateline", StringComparison.Ordinal) => RemovalReason.Byline,
            _ when word.Contains("bio", StringComparison.Ordinal) => RemovalReason.Bio,
            _ when word.Contains("cookie", StringComparison.Ordinal) || word.Contains("consent", StringComparison.Ordinal) || word.Contains("gdpr", StringComparison.Ordinal) => RemovalReason.CookieNotice,
            _ when word.Contains("donat", StringComparison.Ordinal) || word.Contains("subscri", StringComparison.Ordinal) || word.Contains("newsletter", StringComparison.Ordinal) || word.Contains("paywall", StringComparison.Ordinal) || word.Contains("signup", StringComparison.Ordinal) || word.Contains("membership", StringComparison.Ordinal) => RemovalReason.Donation,
            // Navigation words that happen to hold "ad" or "read" (breadcrumbs, masthead) are named first.
            _ when word.StartsWith("breadcrumb", StringComparison.Ordinal) || word is "masthead" or "site-header" or "header-nav" => RemovalReason.Navigation,
            // "ad" as a word of its own (ad, ads, ad-slot, adslot, advert…), never inside another word ("read-more", "masthead").
            _ when word is "ad" or "ads" or "adslot" || word.StartsWith("ad-", StringComparison.Ordinal) || word.StartsWith("advert", StringComparison.Ordinal) || word.Contains("sponsor", StringComparison.Ordinal) || word.Contains("promo", StringComparison.Ordinal) || word.Contains("dfp", StringComparison.Ordinal) || word.Contains("taboola", StringComparison.Ordinal) || word.Contains("outbrain", StringComparison.Ordinal) => RemovalReason.Advertisement,
            _ when word.Contains("related", StringComparison.Ordinal) || word.Contains("recommend", StringComparison.Ordinal) || word.Contains("more", StringComparison.Ordinal) || word.Contains("popular", StringComparison.Ordinal) || word.Contains("trending", StringComparison.Ordinal) || word.Contains("read", StringComparison.Ordinal) || word.Contains("teaser", StringComparison.Ordinal) => RemovalReason.RelatedLinks,
            _ => RemovalReason.Navigation,
        };
    }

    // Not after a digit: generated ids ("component_1ad269af0d") hold words by chance.
    [GeneratedRegex(@"(?<![a-z0-9])(pull-?quote|pullquote|dek|standfirst|subtitle|sub-title|sub-?headline|strapline|kicker|deck|article-summary|summary|excerpt|description|share|sharing|social|comments?|comment-|disqus|related|recommend\w*|more-(stories|articles|news)|read-?more|readnext|read-next|most-(popular|read)|popular|trending|teaser|newsletter|subscri\w*|signup|sign-up|paywall|donat\w*|membership|promo\w*|advert\w*|ads?|ad-\w+|adslot|ad-slot|dfp|sponsor\w*|taboola|outbrain|cookie\w*|consent|gdpr|breadcrumbs?|pagination|pager|toolbar|menu|masthead|navbar|nav|sidebar|side-bar|rail|widget|footer|site-header|header-nav|skip-link|sr-only|visually-hidden|screen-reader-text|byline|author-?(bio|info|box|card)?|about-(the-)?author|dateline|bio|caption|credit|tags?|tag-list|topics|print|email-?(share)?|modal|popup|overlay|banner)(?![a-z])", RegexOptions.None, RegexTimeouts.Milliseconds)]
    private static partial Regex BoilerplateNames();

    /// <summary>A class token naming the article or its text, whatever modifier it carries.</summary>
    [GeneratedRegex(@"^(article|story|entry|post|content|main|body|text|prose|rich-text)(?![a-z])|(?<![a-z])(article-?(body|content|text)|story-?(body|content|text)|entry-content|post-(body|content|text)|articlebody|main-content|content-body|body-text|rich-text)(?![a-z])", RegexOptions.None, RegexTimeouts.Milliseconds)]
    private static partial Regex ContentWord();

    /// <summary>Class and id words that name an article's body as a whole (not a fragment of it, as "prose" or "rich-text" blocks of page builders are).</summary>
    [GeneratedRegex(@"(?<![a-z])(entry-content|post-content|post-body|article-?body|article-?content|article-?text|story-?body|story-?content|articlebody|body-content|main-content)(?![a-z])", RegexOptions.None, RegexTimeouts.Milliseconds)]
    public static partial Regex ArticleBodyNames();

    /// <summary>A token naming a data type or a capability ("type-text-with-summary", "with-excerpt").</summary>
    [GeneratedRegex(@"(^|-)type-|-with-", RegexOptions.None, RegexTimeouts.Milliseconds)]
    private static partial Regex DataTypeToken();

    /// <summary>Words for a dek, a summary or a description: a short block beside the article, or the body of a page that calls its main text that.</summary>
    public static bool IsDekWord(string names) => DekWords().IsMatch(names);

    [GeneratedRegex(@"(?<![a-z])(summary|excerpt|description|teaser|subtitle|sub-title|intro)(?![a-z])", RegexOptions.None, RegexTimeouts.Milliseconds)]
    private static partial Regex DekWords();

    [GeneratedRegex(@"^(has|is|with|no|js|can|should|show|hide)-|-(enabled|disabled|active|open|opened|closed|visible|loaded|loading|ready|initialized|sticky|fixed)$", RegexOptions.None, RegexTimeouts.Milliseconds)]
    private static partial Regex StateToken();

    /// <summary>Words that wrap anything: furniture only when what they wrap is mostly links.</summary>
    [GeneratedRegex(@"(?<![a-z])(widget|rail|banner|overlay|modal|popup|topics|tags?|print|email)(?![a-z])", RegexOptions.None, RegexTimeouts.Milliseconds)]
    public static partial Regex WeakBoilerplateNames();

    [GeneratedRegex(@"(?<![a-z])(pull-?quote|pullquote|dek|standfirst|subtitle|sub-title|sub-?headline|strapline|kicker|deck|article-summary|summary|excerpt|description|share|sharing|social|comments?|related|recommend\w*|newsletter|subscri\w*|advert\w*|ads?|ad-\w+|sponsor\w*|cookie\w*|promo\w*|sidebar|footer|nav|navbar|menu|breadcrumbs?)(?![a-z])", RegexOptions.None, RegexTimeouts.Milliseconds)]
    public static partial Regex StrongBoilerplateNames();

    /// <summary>Comment threads are furniture whatever their size: they can outweigh the article.</summary>
    [GeneratedRegex(@"(?<![a-z])(comments?|comment-\w+|disqus\w*|replies|discussion|forum-posts?|talkback)(?![a-z])", RegexOptions.None, RegexTimeouts.Milliseconds)]
    public static partial Regex CommentNames();

    /// <summary>Readability's class weights: names that promise content, names that promise furniture.</summary>
    [GeneratedRegex(@"article|body|content|entry|hentry|h-entry|main|page|post|text|blog|story|prose", RegexOptions.None, RegexTimeouts.Milliseconds)]
    public static partial Regex PositiveNames();

    [GeneratedRegex(@"-ad-|hidden|^hid$| hid$| hid |^hid |banner|combx|comment|com-|contact|foot|footer|footnote|gdpr|masthead|media|meta|outbrain|promo|related|scroll|share|shoutbox|sidebar|skyscraper|sponsor|shopping|tags|tool|widget|nav|menu|social|subscribe|newsletter", RegexOptions.None, RegexTimeouts.Milliseconds)]
    public static partial Regex NegativeNames();
}

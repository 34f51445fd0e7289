using System.Collections.Frozen;
using static Sitrep.Cleaning.Html.HtmlTagFlags;

namespace Sitrep.Cleaning.Html;

/// <summary>
/// A tag name with what HTML's parsing rules and the extractor know about it. Known names are one
/// shared instance each, so the builder and the extractor compare tags by reference instead of
/// comparing strings; an unknown name (a custom element) gets an instance with no flags.
/// </summary>
internal sealed class HtmlTag
{
    private static int s_knownCount;

    private HtmlTag(string name, HtmlTagFlags flags, bool known = true)
    {
        Id = known ? ++s_knownCount : 0;
        Name = name;
        // Layout and visibility are the extractor's vocabulary, kept in one place with its other word lists.
        Flags = (flags & ~(Block | NeverText)) | (HtmlVocabulary.IsBlock(name) ? Block : None) | (HtmlVocabulary.IsNeverText(name) ? NeverText : None);
    }

    /// <summary>Lower case, as the DOM reports an HTML element's local name.</summary>
    public string Name { get; }

    public HtmlTagFlags Flags { get; }

    /// <summary>1 and up for a known tag, 0 for an unknown one: an index for per-tag counters.</summary>
    public int Id { get; }

    /// <summary>How many known tags there are: per-tag counters have this many slots plus one.</summary>
    public static int KnownCount => s_knownCount;

    public bool Is(HtmlTagFlags flag) => (Flags & flag) != 0;

    public override string ToString() => Name;

    private const HtmlTagFlags Container = Special | ClosesParagraph | Block;

    public static readonly HtmlTag Html = new("html", Special | ScopeBoundary | Block);
    public static readonly HtmlTag Head = new("head", Special | NeverText);
    public static readonly HtmlTag Body = new("body", Special | Block | LeavesForeign);
    public static readonly HtmlTag P = new("p", Container | ImpliedEnd | LeavesForeign);
    public static readonly HtmlTag Div = new("div", Container | LeavesForeign);
    public static readonly HtmlTag Li = new("li", Special | Block | ImpliedEnd | LeavesForeign);
    public static readonly HtmlTag Dd = new("dd", Special | Block | ImpliedEnd | LeavesForeign);
    public static readonly HtmlTag Dt = new("dt", Special | Block | ImpliedEnd | LeavesForeign);
    public static readonly HtmlTag Ol = new("ol", Container | LeavesForeign);
    public static readonly HtmlTag Ul = new("ul", Container | LeavesForeign);
    public static readonly HtmlTag A = new("a", Formatting);
    public static readonly HtmlTag Br = new("br", Special | VoidElement | LeavesForeign);
    public static readonly HtmlTag Img = new("img", Special | VoidElement | LeavesForeign);
    public static readonly HtmlTag Hr = new("hr", Special | VoidElement | ClosesParagraph | Block | LeavesForeign);
    public static readonly HtmlTag Pre = new("pre", Container | LeavesForeign);
    public static readonly HtmlTag Listing = new("listing", Container | LeavesForeign);
    public static readonly HtmlTag Textarea = new("textarea", Special | RcData | NeverText);
    public static readonly HtmlTag Title = new("title", Special | RcData | HeadContent | NeverText);
    public static readonly HtmlTag Script = new("script", Special | RawText | HeadContent | NeverText);
    public static readonly HtmlTag Style = new("style", Special | RawText | HeadContent | NeverText);
    public static readonly HtmlTag Meta = new("meta", Special | VoidElement | HeadContent | NeverText | LeavesForeign);
    public static readonly HtmlTag Link = new("link", Special | VoidElement | HeadContent | NeverText);
    public static readonly HtmlTag Noscript = new("noscript", Special | HeadContent | NeverText | Block);
    public static readonly HtmlTag Template = new("template", Special | HeadContent | ScopeBoundary | NeverText);
    public static readonly HtmlTag Table = new("table", Special | ScopeBoundary | ClosesParagraph | Block | LeavesForeign);
    public static readonly HtmlTag Tbody = new("tbody", Special | TableSection | Block);
    public static readonly HtmlTag Thead = new("thead", Special | TableSection | Block);
    public static readonly HtmlTag Tfoot = new("tfoot", Special | TableSection | Block);
    public static readonly HtmlTag Tr = new("tr", Special | Block);
    public static readonly HtmlTag Td = new("td", Special | ScopeBoundary | Block);
    public static readonly HtmlTag Th = new("th", Special | ScopeBoundary | Block);
    public static readonly HtmlTag Caption = new("caption", Special | ScopeBoundary | Block);
    public static readonly HtmlTag Colgroup = new("colgroup", Special);
    public static readonly HtmlTag Col = new("col", Special | VoidElement);
    public static readonly HtmlTag Button = new("button", Special | NeverText);
    public static readonly HtmlTag Form = new("form", Special | Block);
    public static readonly HtmlTag Select = new("select", Special | NeverText);
    public static readonly HtmlTag Option = new("option", ImpliedEnd | NeverText | Block);
    public static readonly HtmlTag Optgroup = new("optgroup", ImpliedEnd);
    public static readonly HtmlTag Svg = new("svg", NeverText);
    public static readonly HtmlTag Math = new("math", None);
    public static readonly HtmlTag Frameset = new("frameset", Special);
    public static readonly HtmlTag Plaintext = new("plaintext", Special | ClosesParagraph);
    public static readonly HtmlTag Image = new("image", None);
    public static readonly HtmlTag Article = new("article", Container);
    public static readonly HtmlTag Time = new("time", None);
    public static readonly HtmlTag H1 = new("h1", Container | Heading | LeavesForeign);
    public static readonly HtmlTag Font = new("font", Formatting);
    public static readonly HtmlTag Xmp = new("xmp", Special | RawText | ClosesParagraph);

    /// <summary>Every known name; the HTML names of HTML's parsing algorithm plus those the extractor reads.</summary>
    private static readonly FrozenDictionary<string, HtmlTag> Known = Build();

    private static readonly FrozenDictionary<string, HtmlTag>.AlternateLookup<ReadOnlySpan<char>> KnownBySpan = Known.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The shared tag for a known name, whatever its case; null for a name HTML does not define.</summary>
    public static HtmlTag? Find(ReadOnlySpan<char> name) => KnownBySpan.TryGetValue(name, out var tag) ? tag : null;

    /// <summary>A tag for a name HTML does not define (a custom element), lower-cased.</summary>
    public static HtmlTag Unknown(string lowerName) => new(lowerName, None, known: false);

    private static FrozenDictionary<string, HtmlTag> Build()
    {
        var tags = new List<HtmlTag>
        {
            Html, Head, Body, P, Div, Li, Dd, Dt, Ol, Ul, A, Br, Img, Hr, Pre, Listing, Textarea, Title, Script, Style, Meta, Link, Noscript, Template,
            Table, Tbody, Thead, Tfoot, Tr, Td, Th, Caption, Colgroup, Col, Button, Form, Select, Option, Optgroup, Svg, Math, Frameset, Plaintext,
            Image, Article, Time, H1, Font, Xmp,
        };
        foreach (var h in (ReadOnlySpan<string>)["h2", "h3", "h4", "h5", "h6"])
            tags.Add(new(h, Container | Heading | LeavesForeign));
        // Containers that close an open paragraph and are blocks when laid out.
        foreach (var name in (ReadOnlySpan<string>)["address", "aside", "blockquote", "center", "details", "dir", "dl", "fieldset", "figcaption", "figure", "footer", "header", "hgroup", "main", "menu", "nav", "section", "summary", "search"])
            tags.Add(new(name, Container | (name is "blockquote" or "center" or "dl" or "menu" ? LeavesForeign : None)));
        tags.Add(new("dialog", Special | ClosesParagraph | NeverText));
        tags.Add(new("legend", Block));
        tags.Add(new("iframe", Special | RawText | NeverText));
        tags.Add(new("noembed", Special | RawText | NeverText));
        tags.Add(new("noframes", Special | RawText | HeadContent | NeverText));
        tags.Add(new("base", Special | VoidElement | HeadContent));
        tags.Add(new("basefont", Special | VoidElement | HeadContent));
        tags.Add(new("bgsound", Special | VoidElement | HeadContent));
        foreach (var name in (ReadOnlySpan<string>)["area", "wbr", "param", "source", "track", "keygen", "frame"])
            tags.Add(new(name, Special | VoidElement));
        tags.Add(new("embed", Special | VoidElement | NeverText | LeavesForeign));
        tags.Add(new("input", Special | VoidElement | NeverText));
        foreach (var name in (ReadOnlySpan<string>)["applet", "marquee", "object"])
            tags.Add(new(name, Special | ScopeBoundary | (name == "object" ? NeverText : None)));
        foreach (var name in (ReadOnlySpan<string>)["canvas", "video", "audio", "map"])
            tags.Add(new(name, NeverText));
        foreach (var name in (ReadOnlySpan<string>)["rb", "rp", "rt", "rtc"])
            tags.Add(new(name, ImpliedEnd));
        // Formatting and phrasing elements that leave foreign content.
        foreach (var name in (ReadOnlySpan<string>)["b", "big", "code", "em", "i", "nobr", "ruby", "s", "small", "span", "strong", "strike", "sub", "sup", "tt", "u", "var"])
            tags.Add(new(name, LeavesForeign | (name is "b" or "big" or "code" or "em" or "i" or "nobr" or "s" or "small" or "strong" or "strike" or "tt" or "u" ? Formatting : None)));
        foreach (var name in (ReadOnlySpan<string>)["abbr", "bdi", "bdo", "cite", "data", "dfn", "kbd", "label", "mark", "meter", "output", "picture", "progress", "q", "samp", "slot", "ins", "del"])
            tags.Add(new(name, None));
        return tags.ToFrozenDictionary(t => t.Name, StringComparer.OrdinalIgnoreCase);
    }
}

namespace Sitrep.Cleaning.Html;

/// <summary>What the tree builder and the extractor need to know about a tag name, looked up once per tag.</summary>
[Flags]
internal enum HtmlTagFlags
{
    None = 0,

    /// <summary>Has no content and no end tag (br, img, meta).</summary>
    VoidElement = 1 << 0,

    /// <summary>Its content is text up to its end tag, no markup, no character references (script, style).</summary>
    RawText = 1 << 1,

    /// <summary>Its content is text up to its end tag, character references decoded (title, textarea).</summary>
    RcData = 1 << 2,

    /// <summary>HTML's "special" category: an end tag of another element does not close it.</summary>
    Special = 1 << 3,

    /// <summary>A start tag that closes an open p first (div, ul, h1 …).</summary>
    ClosesParagraph = 1 << 4,

    /// <summary>Bounds "has an element in scope" (table, td, html …).</summary>
    ScopeBoundary = 1 << 5,

    /// <summary>Belongs in the head when it comes before the body (meta, title, script …).</summary>
    HeadContent = 1 << 6,

    /// <summary>h1 to h6.</summary>
    Heading = 1 << 7,

    /// <summary>Ends a paragraph of text when laid out (the extractor's notion of a block).</summary>
    Block = 1 << 8,

    /// <summary>Its content is never article text (script, nav-free widgets: svg, form controls).</summary>
    NeverText = 1 << 9,

    /// <summary>Inside foreign content (svg, math), one of these start tags returns to HTML.</summary>
    LeavesForeign = 1 << 10,

    /// <summary>tbody, thead, tfoot.</summary>
    TableSection = 1 << 11,

    /// <summary>dd, dt, li, option, optgroup, p, rb, rp, rt, rtc: closed by an end tag of an ancestor without complaint.</summary>
    ImpliedEnd = 1 << 12,

    /// <summary>a, b, em, font, i, strong …: HTML's adoption agency handles their end tags.</summary>
    Formatting = 1 << 13,
}

namespace Sitrep.Cleaning.Html;

/// <summary>
/// An element or a text node of an <see cref="HtmlTree"/>: a struct in one array, linked by
/// indexes, in document order, so a whole page is a handful of allocations.
/// </summary>
internal struct HtmlNode
{
    /// <summary>The element's tag; null for a text node.</summary>
    public HtmlTag? Tag;

    public int Parent;
    public int FirstChild;
    public int LastChild;
    public int NextSibling;

    /// <summary>Index of the last node of the element's subtree (itself when it has no children).</summary>
    public int SubtreeEnd;

    /// <summary>An element's first kept attribute in the tree's attribute array, and how many it has.</summary>
    public int AttributeStart;
    public int AttributeCount;

    /// <summary>Inside svg or math (foreign content): a title there is not the page's title.</summary>
    public bool Foreign;

    /// <summary>
    /// A text node's characters: <see cref="TextLength"/> characters from <see cref="TextStart"/>,
    /// in the source itself when <see cref="Verbatim"/> (its offsets are then the source's), else
    /// in the tree's decoded-text buffer beside an offset for each.
    /// </summary>
    public bool Verbatim;
    public int TextStart;
    public int TextLength;
}

using Sitrep.Documents;

namespace Sitrep.Cleaning.Html;

/// <summary>
/// One paragraph of a page's text: its characters, where each came from in the HTML source (-1
/// for a space the block inserted), and what kind of element held it.
/// </summary>
internal sealed class HtmlBlock
{
    public required string Text { get; init; }
    public required int[] Offsets { get; init; }
    public required int Element { get; init; }
    public required string ElementName { get; init; }
    public int LinkChars { get; init; }
    public bool IsHeading { get; init; }
    public bool IsListItem { get; init; }
    public bool InCaption { get; init; }

    /// <summary>Why the block is not body before any text rule looks at it (a class name, a caption element).</summary>
    public RemovalReason? Removal { get; set; }

    public double LinkDensity => Text.Length == 0 ? 0 : (double)LinkChars / Text.Length;
}

namespace Sitrep.Cleaning.Html;

/// <summary>
/// One kept attribute of an element: where its value stands in the source, decoded into a string
/// only when it is read (most class values of a page are never looked at twice).
/// </summary>
internal struct HtmlAttribute
{
    public HtmlAttributeName Name;

    /// <summary>Start of the raw value in the source; -1 when <see cref="Value"/> was given directly.</summary>
    public int ValueStart;

    public int ValueLength;

    /// <summary>The raw value holds a character reference or a carriage return.</summary>
    public bool NeedsDecoding;

    /// <summary>The decoded value, once read.</summary>
    public string? Value;
}

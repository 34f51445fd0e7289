using Sitrep.Documents;

namespace Sitrep.Cleaning;

/// <summary>
/// One candidate paragraph of a plain text: a line, or the lines of a hard-wrapped paragraph.
/// Knows its raw ranges, so the body can be assembled from the raw text without copying.
/// </summary>
internal sealed class TextUnit
{
    public TextUnit(int index, TextRange[] lines, string text, bool startsBlock)
    {
        Index = index;
        Lines = lines;
        Text = text;
        StartsBlock = startsBlock;
        Words = TextShape.CountWords(text);
        EndsSentence = TextShape.EndsSentence(text);
    }

    public int Index { get; }

    /// <summary>Raw ranges of the unit's lines, trimmed; more than one for a hard-wrapped paragraph.</summary>
    public TextRange[] Lines { get; }

    /// <summary>The unit's text, its lines joined by single spaces.</summary>
    public string Text { get; }

    /// <summary>Preceded by a blank line or the start of the text.</summary>
    public bool StartsBlock { get; }

    public int Words { get; }

    public bool EndsSentence { get; }

    public TextRange Raw => new(Lines[0].Start, Lines[^1].End);

    /// <summary>Reads like running prose: a full sentence of some length, or a long run of words.</summary>
    public bool IsProse => (Words >= 10 && EndsSentence) || Words >= 25;

    /// <summary>The share of the unit's characters inside links; null for plain text, which has none to tell.</summary>
    public double? LinkDensity { get; init; }

    /// <summary>Null while the unit counts as body.</summary>
    public RemovalReason? Removal { get; set; }

    public override string ToString() => $"{Index}: {Removal?.ToString() ?? "body"}: {Text}";
}

using System.Text;

namespace Sitrep.Documents;

/// <summary>
/// Builds a cleaned body from slices of a raw text, recording for every slice where it came
/// from, so the body never loses its way back to the characters it was read from.
/// </summary>
public sealed class BodyBuilder
{
    private readonly string _raw;
    private readonly StringBuilder _text = new();
    private readonly List<OffsetMap.Segment> _segments = [];

    public BodyBuilder(string raw) => _raw = raw;

    public int Length => _text.Length;

    /// <summary>Appends raw <paramref name="range"/> verbatim.</summary>
    public void AppendRaw(TextRange range)
    {
        if (range.Length == 0)
            return;
        _segments.Add(new OffsetMap.Segment(_text.Length, range.Start, range.Length));
        _text.Append(_raw, range.Start, range.Length);
    }

    /// <summary>Appends text that is not in the raw input (paragraph breaks, joining spaces).</summary>
    public void AppendSeparator(string separator) => _text.Append(separator);

    public (string Text, OffsetMap Map) Build() => (_text.ToString(), new OffsetMap([.. _segments]));
}

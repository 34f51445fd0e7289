using System.Text;

namespace Sitrep.Documents;

/// <summary>
/// Builds a cleaned body from slices of a raw text, recording for every slice where it came
/// from, so the body never loses its way back to the characters it was read from.
/// </summary>
public sealed class BodyBuilder
{
    private readonly string _raw;
    private readonly StringBuilder _text;
    private readonly List<OffsetMap.Segment> _segments = [];

    /// <summary>
    /// The builder starts at the raw text's length (the body is a part of it), up to a builder's largest
    /// piece (8,000 characters), instead of 16 characters doubled again and again as the body grows.
    /// </summary>
    public BodyBuilder(string raw)
    {
        _raw = raw;
        _text = new StringBuilder(Math.Clamp(raw?.Length ?? 0, 16, 8000));
    }

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

using System.Buffers;

namespace Sitrep.Documents;

/// <summary>
/// Builds a cleaned body from slices of a raw text, recording for every slice where it came
/// from, so the body never loses its way back to the characters it was read from.
/// </summary>
public sealed class BodyBuilder
{
    private readonly string _raw;
    private readonly List<OffsetMap.Segment> _segments = [];

    // The body is written into a pooled buffer and copied once into its string (issue 11): a builder sized
    // to the raw text made an array of up to 16 KB for every article, besides the body's own string.
    private char[]? _text;
    private int _length;
    private string? _built;

    /// <summary>The buffer starts at the raw text's length: the body is a part of it (plus separators, rarely more).</summary>
    public BodyBuilder(string raw)
    {
        _raw = raw;
        _text = ArrayPool<char>.Shared.Rent(Math.Max(raw?.Length ?? 0, 16));
    }

    public int Length => _length;

    /// <summary>Appends raw <paramref name="range"/> verbatim.</summary>
    public void AppendRaw(TextRange range)
    {
        if (range.Length == 0)
            return;
        _segments.Add(new OffsetMap.Segment(_length, range.Start, range.Length));
        Append(_raw.AsSpan(range.Start, range.Length));
    }

    /// <summary>Appends text that is not in the raw input (paragraph breaks, joining spaces).</summary>
    public void AppendSeparator(string separator) => Append(separator);

    /// <summary>The body and its map; the builder goes on from there (its buffer goes back to the pool until it grows again).</summary>
    public (string Text, OffsetMap Map) Build()
    {
        if (_text is not null)
        {
            _built = new string(_text, 0, _length);
            ArrayPool<char>.Shared.Return(_text);
            _text = null;
        }
        return (_built!, new OffsetMap([.. _segments]));
    }

    private void Append(ReadOnlySpan<char> chars)
    {
        if (_text is null)
        {
            // Appending after a build: the body so far is the built string.
            _text = ArrayPool<char>.Shared.Rent(Math.Max(16, _length + chars.Length));
            _built.AsSpan().CopyTo(_text);
        }
        else if (_length + chars.Length > _text.Length)
        {
            var larger = ArrayPool<char>.Shared.Rent(Math.Max(2 * _text.Length, _length + chars.Length));
            _text.AsSpan(0, _length).CopyTo(larger);
            ArrayPool<char>.Shared.Return(_text);
            _text = larger;
        }
        chars.CopyTo(_text.AsSpan(_length));
        _length += chars.Length;
    }
}

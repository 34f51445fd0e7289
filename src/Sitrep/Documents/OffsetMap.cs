namespace Sitrep.Documents;

/// <summary>
/// Maps offsets in a cleaned body back to offsets in the raw text it was cut from, the way
/// Lucene's <c>CorrectOffset</c> does for a filtered token stream. The body is a sequence of
/// slices copied verbatim from the raw text with separators in between; each slice is a segment.
/// </summary>
public sealed class OffsetMap
{
    private readonly Segment[] _segments;

    internal OffsetMap(Segment[] segments) => _segments = segments;

    /// <summary>One verbatim run: body <c>[BodyStart, BodyStart + Length)</c> equals raw <c>[RawStart, RawStart + Length)</c>.</summary>
    public readonly record struct Segment(int BodyStart, int RawStart, int Length);

    public IReadOnlyList<Segment> Segments => _segments;

    public static OffsetMap Identity(int length) => new([new Segment(0, 0, length)]);

    /// <summary>Rebuilds a map from its segments (as stored), checking they are in body order and do not overlap.</summary>
    public static OffsetMap FromSegments(IEnumerable<Segment> segments)
    {
        ArgumentNullException.ThrowIfNull(segments);
        var array = segments.ToArray();
        for (int i = 0; i < array.Length; i++)
        {
            if (array[i].Length < 0 || array[i].BodyStart < 0 || array[i].RawStart < 0)
                throw new ArgumentException($"segment {i} has a negative offset or length", nameof(segments));
            if (i > 0 && array[i].BodyStart < array[i - 1].BodyStart + array[i - 1].Length)
                throw new ArgumentException($"segment {i} overlaps or precedes segment {i - 1}", nameof(segments));
        }
        return new OffsetMap(array);
    }

    /// <summary>
    /// The raw offset of a body offset. An offset inside a separator (text the cleaner inserted)
    /// maps to the end of the segment before it, so a range never points into removed text.
    /// </summary>
    public int ToRaw(int bodyOffset)
    {
        if (_segments.Length == 0)
            return 0;
        var s = _segments[Math.Max(0, SegmentAt(bodyOffset))];
        if (bodyOffset < s.BodyStart)
            return s.RawStart;
        return s.RawStart + Math.Min(bodyOffset - s.BodyStart, s.Length);
    }

    public TextRange ToRaw(TextRange body)
    {
        int start = ToRaw(body.Start);
        if (body.Length == 0)
            return new TextRange(start, start);
        // The end is one past the last body character that has a raw source: a range ending in a
        // separator ends where the text before the separator ends.
        int last = body.End - 1;
        int index = SegmentAt(last);
        if (index < 0)
            return new TextRange(start, start);
        var s = _segments[index];
        int end = last < s.BodyStart + s.Length ? s.RawStart + (last - s.BodyStart) + 1 : s.RawStart + s.Length;
        return new TextRange(start, Math.Max(start, end));
    }

    /// <summary>The index of the last segment starting at or before <paramref name="bodyOffset"/>, or -1.</summary>
    private int SegmentAt(int bodyOffset)
    {
        int lo = 0, hi = _segments.Length - 1, found = -1;
        while (lo <= hi)
        {
            int mid = (lo + hi) >>> 1;
            if (_segments[mid].BodyStart <= bodyOffset)
            {
                found = mid;
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }
        return found;
    }
}

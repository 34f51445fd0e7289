using Sitrep.Documents;

namespace Sitrep.Tests.Documents;

public sealed class OffsetMapTests
{
    [Fact]
    public void Identity_maps_every_offset_to_itself()
    {
        var map = OffsetMap.Identity(12);

        for (int i = 0; i <= 12; i++)
            Assert.Equal(i, map.ToRaw(i));
        Assert.Equal(new TextRange(3, 9), map.ToRaw(new TextRange(3, 9)));
    }

    [Fact]
    public void A_map_rebuilt_from_stored_segments_maps_like_the_original()
    {
        // Body "abc  xyz": "abc" from raw 10..13, two inserted spaces, "xyz" from raw 40..43.
        var map = OffsetMap.FromSegments([new OffsetMap.Segment(0, 10, 3), new OffsetMap.Segment(5, 40, 3)]);

        Assert.Equal(10, map.ToRaw(0));
        Assert.Equal(12, map.ToRaw(2));
        Assert.Equal(13, map.ToRaw(3));
        Assert.Equal(13, map.ToRaw(4));
        Assert.Equal(40, map.ToRaw(5));
        Assert.Equal(42, map.ToRaw(7));
        Assert.Equal(new TextRange(11, 42), map.ToRaw(new TextRange(1, 7)));
        Assert.Equal(2, map.Segments.Count);
    }

    [Fact]
    public void An_empty_range_maps_to_an_empty_range()
    {
        var map = OffsetMap.FromSegments([new OffsetMap.Segment(0, 10, 3), new OffsetMap.Segment(5, 40, 3)]);

        var raw = map.ToRaw(new TextRange(6, 6));

        Assert.Equal(new TextRange(41, 41), raw);
    }

    [Fact]
    public void A_range_ending_inside_a_separator_stops_at_the_end_of_the_slice_before_it()
    {
        // Body "abc  xyz": "abc" from raw 10..13, then two inserted spaces.
        var map = OffsetMap.FromSegments([new OffsetMap.Segment(0, 10, 3), new OffsetMap.Segment(5, 40, 3)]);

        // "bc " ends in the separator: in the raw text it is just "bc", raw [11, 13).
        Assert.Equal(new TextRange(11, 13), map.ToRaw(new TextRange(1, 4)));
        // A range of separator only has no raw text: empty, at the end of "abc".
        Assert.Equal(new TextRange(13, 13), map.ToRaw(new TextRange(3, 5)));
    }

    [Fact]
    public void Overlapping_segments_are_rejected()
    {
        var e = Assert.Throws<ArgumentException>(() =>
            OffsetMap.FromSegments([new OffsetMap.Segment(0, 0, 5), new OffsetMap.Segment(3, 20, 4)]));

        Assert.Contains("overlaps", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Segments_out_of_body_order_are_rejected()
    {
        Assert.Throws<ArgumentException>(() =>
            OffsetMap.FromSegments([new OffsetMap.Segment(10, 0, 2), new OffsetMap.Segment(0, 20, 2)]));
    }

    [Theory]
    [InlineData(-1, 0, 3)]
    [InlineData(0, -1, 3)]
    [InlineData(0, 0, -3)]
    public void Segments_with_a_negative_offset_or_length_are_rejected(int bodyStart, int rawStart, int length)
    {
        var e = Assert.Throws<ArgumentException>(() => OffsetMap.FromSegments([new OffsetMap.Segment(bodyStart, rawStart, length)]));

        Assert.Contains("negative", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Adjacent_segments_are_accepted()
    {
        var map = OffsetMap.FromSegments([new OffsetMap.Segment(0, 0, 4), new OffsetMap.Segment(4, 9, 4)]);

        Assert.Equal(3, map.ToRaw(3));
        Assert.Equal(9, map.ToRaw(4));
        Assert.Equal(new TextRange(2, 11), map.ToRaw(new TextRange(2, 6)));
    }
}

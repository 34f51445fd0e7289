using Sitrep.Documents;

namespace Sitrep.Tests.Documents;

public sealed class BodyBuilderTests
{
    private const string Raw = "Home | World | Velmora\nThe river rose overnight.\nADVERTISEMENT\nBoats were moved inland.\n";

    [Fact]
    public void The_body_is_the_raw_slices_joined_by_the_separators()
    {
        var (text, _) = BuildTwoParagraphBody(out _, out _);

        Assert.Equal("The river rose overnight.\n\nBoats were moved inland.", text);
    }

    [Fact]
    public void Every_body_character_copied_from_the_raw_text_maps_back_to_the_same_raw_character()
    {
        var (text, map) = BuildTwoParagraphBody(out int first, out int second);
        const string firstSlice = "The river rose overnight.";
        const string secondSlice = "Boats were moved inland.";
        int secondBody = firstSlice.Length + 2;

        for (int i = 0; i < firstSlice.Length; i++)
        {
            Assert.Equal(first + i, map.ToRaw(i));
            Assert.Equal(text[i], Raw[map.ToRaw(i)]);
        }
        for (int i = 0; i < secondSlice.Length; i++)
        {
            Assert.Equal(second + i, map.ToRaw(secondBody + i));
            Assert.Equal(text[secondBody + i], Raw[map.ToRaw(secondBody + i)]);
        }
    }

    [Fact]
    public void An_offset_inside_a_separator_maps_to_the_end_of_the_slice_before_it()
    {
        var (_, map) = BuildTwoParagraphBody(out int first, out _);
        int endOfFirst = first + "The river rose overnight.".Length;

        // Body offsets 25 and 26 are the inserted "\n\n".
        Assert.Equal(endOfFirst, map.ToRaw(25));
        Assert.Equal(endOfFirst, map.ToRaw(26));
    }

    [Fact]
    public void The_end_of_the_body_maps_to_the_end_of_the_last_slice()
    {
        var (text, map) = BuildTwoParagraphBody(out _, out int second);

        Assert.Equal(second + "Boats were moved inland.".Length, map.ToRaw(text.Length));
    }

    [Fact]
    public void A_word_in_the_body_maps_to_the_same_word_in_the_raw_text()
    {
        var (text, map) = BuildTwoParagraphBody(out _, out _);
        int at = text.IndexOf("moved", StringComparison.Ordinal);

        var raw = map.ToRaw(new TextRange(at, at + "moved".Length));

        Assert.Equal("moved", raw.Slice(Raw).ToString());
        Assert.Equal(Raw.IndexOf("moved", StringComparison.Ordinal), raw.Start);
    }

    [Fact]
    public void A_range_across_a_separator_covers_the_raw_text_between_the_slices()
    {
        var (text, map) = BuildTwoParagraphBody(out _, out _);
        int start = text.IndexOf("overnight.", StringComparison.Ordinal);
        int end = text.IndexOf("Boats", StringComparison.Ordinal) + "Boats".Length;

        var raw = map.ToRaw(new TextRange(start, end));

        Assert.Equal("overnight.\nADVERTISEMENT\nBoats", raw.Slice(Raw).ToString());
    }

    [Fact]
    public void An_empty_raw_slice_adds_nothing_to_the_body()
    {
        var builder = new BodyBuilder(Raw);
        int first = Raw.IndexOf("The river", StringComparison.Ordinal);
        builder.AppendRaw(new TextRange(5, 5));
        builder.AppendRaw(new TextRange(first, first + 9));

        var (text, map) = builder.Build();

        Assert.Equal("The river", text);
        Assert.Equal(9, builder.Length);
        Assert.Equal(first, map.ToRaw(0));
        Assert.Equal(first + 8, map.ToRaw(8));
    }

    private static (string Text, OffsetMap Map) BuildTwoParagraphBody(out int first, out int second)
    {
        first = Raw.IndexOf("The river", StringComparison.Ordinal);
        second = Raw.IndexOf("Boats", StringComparison.Ordinal);
        var builder = new BodyBuilder(Raw);
        builder.AppendRaw(new TextRange(first, first + "The river rose overnight.".Length));
        builder.AppendSeparator("\n\n");
        builder.AppendRaw(new TextRange(second, second + "Boats were moved inland.".Length));
        return builder.Build();
    }
}

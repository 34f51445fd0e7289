using System.Text;
using Sitrep.Ingest;
using Sitrep.Pipeline;

namespace Sitrep.Tests.Ingest;

public sealed class TextDecoderTests
{
    [Fact]
    public void Empty_bytes_are_rejected_as_empty()
    {
        var e = Assert.Throws<InputRejectedException>(() => TextDecoder.Decode([], []));

        Assert.Contains("empty", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void White_space_only_is_rejected_as_empty()
    {
        var e = Assert.Throws<InputRejectedException>(() => TextDecoder.Decode(Encoding.UTF8.GetBytes("  \n\t\r\n   \n"), []));

        Assert.Contains("empty", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bytes_with_nul_are_rejected_as_binary()
    {
        byte[] bytes = [.. Encoding.ASCII.GetBytes("Harbor report"), 0, 0, 0, .. Encoding.ASCII.GetBytes("continued")];

        var e = Assert.Throws<InputRejectedException>(() => TextDecoder.Decode(bytes, []));

        Assert.Contains("binary", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bytes_that_are_mostly_control_characters_are_rejected_as_binary()
    {
        var bytes = new List<byte>();
        for (int i = 0; i < 200; i++)
            bytes.Add((byte)(1 + (i % 8)));
        bytes.AddRange(Encoding.ASCII.GetBytes("Velmora"));

        var e = Assert.Throws<InputRejectedException>(() => TextDecoder.Decode(bytes.ToArray(), []));

        Assert.Contains("binary", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Plain_utf8_is_decoded_without_notes()
    {
        var notes = new List<string>();

        var text = TextDecoder.Decode(Encoding.UTF8.GetBytes("Grüße aus Velmora — „Ende“."), notes);

        Assert.Equal("Grüße aus Velmora — „Ende“.", text);
        Assert.Empty(notes);
    }

    [Fact]
    public void Utf8_with_a_byte_order_mark_is_decoded_without_the_mark()
    {
        var notes = new List<string>();
        byte[] bytes = [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("Straße nach Dravno gesperrt.")];

        var text = TextDecoder.Decode(bytes, notes);

        Assert.Equal("Straße nach Dravno gesperrt.", text);
        Assert.Empty(notes);
    }

    [Fact]
    public void Utf16_little_endian_with_a_byte_order_mark_is_decoded()
    {
        byte[] bytes = [0xFF, 0xFE, .. Encoding.Unicode.GetBytes("Ölpreis in Tarvis gestiegen.")];

        var text = TextDecoder.Decode(bytes, []);

        Assert.Equal("Ölpreis in Tarvis gestiegen.", text);
    }

    [Fact]
    public void Invalid_utf8_falls_back_to_windows_1252_and_says_so()
    {
        var notes = new List<string>();

        // "café" as Latin-1: the é is the single byte 0xE9, which is not valid UTF-8.
        var text = TextDecoder.Decode([0x63, 0x61, 0x66, 0xE9], notes);

        Assert.Equal("café", text);
        var note = Assert.Single(notes);
        Assert.Contains("Windows-1252", note, StringComparison.Ordinal);
    }

    [Fact]
    public void Windows_1252_punctuation_is_decoded_to_the_right_characters()
    {
        // 0x93 and 0x94 are curly double quotes in Windows-1252, 0x96 an en dash.
        byte[] bytes = [0x93, .. Encoding.ASCII.GetBytes("Calm"), 0x94, 0x20, 0x96, .. Encoding.ASCII.GetBytes(" mayor")];

        var text = TextDecoder.Decode(bytes, []);

        Assert.Equal("“Calm” – mayor", text);
    }

    [Fact]
    public void A_no_break_space_is_preserved()
    {
        var text = TextDecoder.Decode(Encoding.UTF8.GetBytes("The column stopped 10\u00A0km north of Tarvis."), []);

        Assert.Equal("The column stopped 10\u00A0km north of Tarvis.", text);
        Assert.Contains('\u00A0', text);
    }
}

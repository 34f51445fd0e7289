using System.Security.Cryptography;
using System.Text;
using Sitrep.Documents;
using Xunit;

namespace Sitrep.Tests.Documents;

/// <summary>
/// A text's hash names a stored article and finds it again: hashing a long text a piece at a time must
/// give the hash of its whole UTF-8 encoding, with characters beyond the basic plane and stray surrogate
/// halves where the pieces meet.
/// </summary>
public sealed class HashingTests
{
    private static string Whole(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    [Theory]
    [InlineData(0)]
    [InlineData(1023)]
    [InlineData(1024)]
    [InlineData(1025)]
    [InlineData(3071)]
    [InlineData(3072)]
    [InlineData(50_000)]
    public void LongTextHashesAsItsWholeEncoding(int length)
    {
        var text = new StringBuilder();
        int i = 0;
        while (text.Length < length)
        {
            // Ascii, two- and three-byte characters and surrogate pairs, so pairs straddle every piece boundary somewhere.
            text.Append((i++ % 7) switch { 0 => "a", 1 => "é", 2 => "€", 3 => "😀", 4 => " ", 5 => "ж", _ => "Z" });
        }
        var s = text.ToString()[..length];
        Assert.Equal(Whole(s), Hashing.Hex(s));
        Assert.Equal(Whole(s)[..16], Hashing.Hex(s, 16));
    }

    [Fact]
    public void StraySurrogateHalvesHashAsTheWholeEncodingDoes()
    {
        var s = new string('x', 1023) + "\uD83D" + new string('y', 2000) + "\uDE00" + "end\uD83D";
        Assert.Equal(Whole(s), Hashing.Hex(s));
    }

    [Fact]
    public void DifferentTextsDiffer()
    {
        var a = new string('a', 5000);
        Assert.NotEqual(Hashing.Hex(a), Hashing.Hex(a + "b"));
    }
}

using System.Security.Cryptography;
using System.Text;

namespace Sitrep.Documents;

public static class Hashing
{
    /// <summary>Longest text encoded whole on the stack; a longer one is encoded and hashed a piece at a time.</summary>
    private const int StackChars = 1024;

    /// <summary>Lower-case hex SHA-256 of the UTF-8 bytes of <paramref name="text"/>, cut to <paramref name="chars"/>.</summary>
    /// <remarks>
    /// The UTF-8 bytes go through a buffer on the stack, not an array the size of the text (issue 11: every
    /// article's raw text and body were copied into one to be hashed, 1.2% of what analysis allocated). The
    /// encoder keeps a surrogate pair whole across pieces and writes a lone half as U+FFFD, as a whole-text
    /// encoding does, so the hash is the same.
    /// </remarks>
    public static string Hex(string text, int chars = 64)
    {
        ArgumentNullException.ThrowIfNull(text);
        Span<byte> hash = stackalloc byte[32];
        if (text.Length <= StackChars)
        {
            Span<byte> bytes = stackalloc byte[StackChars * 3];
            SHA256.HashData(bytes[..Encoding.UTF8.GetBytes(text, bytes)], hash);
        }
        else
        {
            using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            var encoder = Encoding.UTF8.GetEncoder();
            Span<byte> buffer = stackalloc byte[StackChars * 3];
            ReadOnlySpan<char> rest = text;
            bool completed;
            do
            {
                encoder.Convert(rest, buffer, flush: true, out int charsUsed, out int bytesUsed, out completed);
                sha.AppendData(buffer[..bytesUsed]);
                rest = rest[charsUsed..];
            }
            while (!completed || !rest.IsEmpty);
            sha.GetHashAndReset(hash);
        }
        return Convert.ToHexStringLower(hash)[..Math.Min(chars, 64)];
    }
}

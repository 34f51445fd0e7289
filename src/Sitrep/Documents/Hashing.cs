using System.Security.Cryptography;
using System.Text;

namespace Sitrep.Documents;

public static class Hashing
{
    /// <summary>Lower-case hex SHA-256 of the UTF-8 bytes of <paramref name="text"/>, cut to <paramref name="chars"/>.</summary>
    public static string Hex(string text, int chars = 64)
    {
        Span<byte> hash = stackalloc byte[32];
        var bytes = Encoding.UTF8.GetBytes(text);
        SHA256.HashData(bytes, hash);
        return Convert.ToHexStringLower(hash)[..Math.Min(chars, 64)];
    }
}

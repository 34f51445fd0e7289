using System.Security.Cryptography;
using System.Text;

namespace Sitrep.Pipeline;

/// <summary>Builds a stage's <see cref="IDocumentStage.Version"/>: its code version and a short hash of the resources it reads.</summary>
public static class StageVersion
{
    /// <summary>
    /// "<paramref name="code"/>" alone, or "<paramref name="code"/>+" and 12 hex digits of the SHA-256 of
    /// the resources' own hashes, so changing a model or a lexicon changes the version without a code change.
    /// </summary>
    public static string Of(string code, params string[] resourceHashes)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(code);
        ArgumentNullException.ThrowIfNull(resourceHashes);
        if (resourceHashes.Length == 0)
            return code;
        var joined = string.Join("\n", resourceHashes);
        return code + "+" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(joined)))[..12];
    }

    /// <summary>The SHA-256 of a resource's bytes, in hex: what <see cref="Of"/> takes.</summary>
    public static string Hash(ReadOnlySpan<byte> content) => Convert.ToHexStringLower(SHA256.HashData(content));
}

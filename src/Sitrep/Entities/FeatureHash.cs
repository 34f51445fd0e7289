using System.Runtime.CompilerServices;

namespace Sitrep.Entities;

/// <summary>
/// 32-bit hashing of feature strings and combinations. Features are never materialised as strings:
/// the tagger's hot path hashes characters straight from the text, so tagging allocates nothing per token.
/// Collisions among the ~10^6 features are rare enough (a few hundred) not to matter for a linear model.
/// </summary>
internal static class FeatureHash
{
    public const uint Seed = 2166136261;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint Step(uint hash, char c) => (hash ^ c) * 16777619;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint Mix(uint a, uint b)
    {
        uint h = a * 0x9E3779B1 ^ b;
        h ^= h >> 16;
        h *= 0x85EBCA6B;
        h ^= h >> 13;
        h *= 0xC2B2AE35;
        h ^= h >> 16;
        return h;
    }

    /// <summary>The final key of a feature: template and value mixed; never 0, which marks empty table slots.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint Feature(int template, uint value)
    {
        uint h = Mix((uint)template + 0x27D4EB2F, value);
        return h == 0 ? 1 : h;
    }

    /// <summary>Lower-cased, digits folded to 0, so "1996" and "2003" share a word feature.</summary>
    public static uint Normalized(ReadOnlySpan<char> word)
    {
        uint h = Seed;
        foreach (char c in word)
            h = Step(h, char.IsAsciiDigit(c) ? '0' : Lower(c));
        return h;
    }

    /// <summary>
    /// <see cref="char.ToLowerInvariant"/>, with ASCII (nearly every character of English news) mapped
    /// inline: the tagger lower-cases every character of every token three times (word, prefixes,
    /// suffixes), and the call was a visible part of building its features.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static char Lower(char c) => char.IsAsciiLetterUpper(c) ? (char)(c | 0x20) : c < 0x80 ? c : char.ToLowerInvariant(c);

    /// <summary>Case kept, digits folded: "US" and "us" differ here.</summary>
    public static uint Cased(ReadOnlySpan<char> word)
    {
        uint h = Seed ^ 0x5bd1e995;
        foreach (char c in word)
            h = Step(h, char.IsAsciiDigit(c) ? '0' : c);
        return h;
    }
}

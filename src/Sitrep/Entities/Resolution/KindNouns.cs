namespace Sitrep.Entities.Resolution;

/// <summary>
/// Nouns that say what kind of outlet or site a name is, not which: "Tasnim news agency" is
/// Tasnim, "Camp Taji" and "the Taji base" are Taji.
/// </summary>
internal static class KindNouns
{
    private static readonly HashSet<string> Words = new(StringComparer.Ordinal)
    {
        "news", "agency", "website", "site", "newspaper", "daily", "paper", "tv", "television", "channel", "radio", "network",
        "base", "air", "airbase", "military", "camp", "airport", "airfield", "naval", "army",
    };

    public static string[] Without(string[] words) => Array.FindAll(words, w => !Words.Contains(w));
}

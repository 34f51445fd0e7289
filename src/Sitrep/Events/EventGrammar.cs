using System.Collections.Frozen;

namespace Sitrep.Events;

/// <summary>
/// Closed-class words that tell a verb form used as a verb ("they attacked", "to attack") from one used
/// as a noun or adjective ("the attack", "its support", "armed"): shared by the lexicon builder, which
/// counts them in unlabelled news, and the finder, which reads them around a cue.
/// </summary>
internal static class EventGrammar
{
    /// <summary>Articles, possessives, demonstratives, quantifiers and prepositions: a noun or adjective follows.</summary>
    public static FrozenSet<string> NounContext { get; } = new[]
    {
        "the", "a", "an", "its", "his", "her", "their", "our", "my", "your", "this", "these", "those", "of", "for", "with", "against", "after", "during", "amid",
        "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "several", "many", "some", "such", "any", "every", "each",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>Subject pronouns, auxiliaries, modals, negation and the infinitive's "to": a verb follows.</summary>
    public static FrozenSet<string> VerbContext { get; } = new[]
    {
        "he", "she", "it", "they", "we", "i", "who", "to", "will", "would", "could", "can", "may", "might", "should", "must", "not", "did", "does", "do",
        "has", "have", "had", "was", "were", "is", "are", "been", "be",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Prepositions that take a noun phrase or a gerund but never a bare verb ("in charge", "by contrast", "under
    /// pressure"); not "to" (the infinitive's), nor "after", "before", "until", "than", "but", "like", which may open
    /// a clause or stand before a bare verb ("cannot but agree").
    /// </summary>
    public static FrozenSet<string> NounPrepositions { get; } = new[]
    {
        "in", "on", "at", "by", "from", "into", "onto", "under", "over", "about", "without", "within", "through", "upon", "across",
        "toward", "towards", "between", "among", "despite", "of", "for", "with", "against", "during", "amid",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>Verb forms that have become prepositions ("according to", "following the attack"): never a cue.</summary>
    public static FrozenSet<string> Prepositions { get; } = new[]
    {
        "according", "regarding", "concerning", "including", "following", "given", "considering", "excluding", "pending", "barring",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>Types whose nouns name an occurrence ("the attack", "protests", "clashes"); other event nouns ("support", "aid", "talks") name no act by themselves.</summary>
    public static bool NounIsEvent(string type) => type is "ASSAULT" or "PROTEST";
}

using System.Collections.Frozen;
using Sitrep.Lexicons;

namespace Sitrep.Entities;

/// <summary>The grammatical gender the article gives a person: none when it gives no evidence, or evidence both ways.</summary>
internal enum PersonGender : byte
{
    Unknown,
    Male,
    Female,
}

/// <summary>
/// Words that tell a person's gender. They are about persons, so they live with the entities; the quotes layer reads
/// them to agree "he"/"she" with a speaker, coreference to give a bare surname to the relative its honorific points to.
/// </summary>
internal static class PersonGenders
{
    /// <summary>
    /// Honorifics, titles and nouns that tell a person's gender ("Mrs", "congresswoman", "wife", "actor"), lower case
    /// without a final period: speech-person-genders.tsv. An honorific counts only capitalised right before a name.
    /// </summary>
    public static readonly FrozenDictionary<string, (PersonGender Gender, bool Honorific)> Nouns = Rows("speech-person-genders")
        .ToFrozenDictionary(e => e.Text.ToLowerInvariant(), e => (e.Tags.Single() switch
        {
            "male" => PersonGender.Male,
            "female" => PersonGender.Female,
            var other => throw new InvalidDataException($"speech-person-genders.tsv: unknown gender {other}"),
        }, e.Columns.Count > 0 && e.Columns[0] == "honorific"), StringComparer.Ordinal);

    /// <summary>Given names the US Social Security Administration's baby-name files give to one sex, lower case: speech-given-name-genders.tsv.</summary>
    public static readonly FrozenDictionary<string, PersonGender> GivenNames = Rows("speech-given-name-genders")
        .ToFrozenDictionary(e => e.Text.ToLowerInvariant(), e => e.Tags.Single() == "male" ? PersonGender.Male : PersonGender.Female, StringComparer.Ordinal);

    /// <summary>
    /// Given names the same files give to both sexes ("Kelly", "Jordan", "Dana"), lower case: given-names-both-sexes.tsv. They
    /// say a name is a person's as well as <see cref="GivenNames"/> do, and nothing of a gender.
    /// </summary>
    public static readonly FrozenSet<string> BothSexGivenNames = Rows("given-names-both-sexes")
        .Select(e => e.Text.ToLowerInvariant()).ToFrozenSet(StringComparer.Ordinal);

    /// <summary>A given name of either list, lower case (<see cref="GivenNames"/>, <see cref="BothSexGivenNames"/>).</summary>
    public static bool IsGivenName(ReadOnlySpan<char> lower) =>
        GivenNames.GetAlternateLookup<ReadOnlySpan<char>>().ContainsKey(lower) || BothSexGivenNames.GetAlternateLookup<ReadOnlySpan<char>>().Contains(lower);

    /// <summary>
    /// The gender a person's full name gives by itself: a gendered title or honorific written in it ("Congresswoman",
    /// "Mrs."), else its given name, the first word before the last one that is no title, rank, role noun or abbreviation
    /// ("Sen.", "Speaker", "Gen."), looked up in <see cref="GivenNames"/>; <see cref="PersonGender.Unknown"/> when
    /// that word is not listed or the name is one word. The title outranks the given name ("Congresswoman Gabriel
    /// Giffords" is a woman, misspelt or not). Shared by the quotes layer (agreeing "he"/"she" with a speaker) and
    /// coreference (which of two relatives a "Mrs. X" names), so both read a name alike.
    /// </summary>
    public static PersonGender OfName(IReadOnlyList<string> words)
    {
        ArgumentNullException.ThrowIfNull(words);
        for (int w = 0; w < words.Count - 1; w++)
        {
            var word = words[w];
            var lower = word.ToLowerInvariant();
            if (Nouns.TryGetValue(lower.TrimEnd('.'), out var title))
                return title.Gender;
            if (word.EndsWith('.') || IsTitleWord(word, lower))
                continue;
            return GivenNames.TryGetValue(lower, out var g) ? g : PersonGender.Unknown;
        }
        return PersonGender.Unknown;
    }

    /// <summary>A title, rank or role noun written before a name ("Sen", "Speaker", "General"), in either case: no given name.</summary>
    private static bool IsTitleWord(string word, string lower) =>
        EntityLexicons.TitleWords.Contains(word) || EntityLexicons.TitleWords.Contains(lower) || EntityLexicons.RoleNouns.Contains(lower)
        || EntityLexicons.Ranks.Contains(word) || EntityLexicons.Ranks.Contains(lower);

    /// <summary>The two lists' hashes, for the versions of the stages that read them.</summary>
    public static string[] Hashes => Lexicon.Hashes("speech-person-genders", "speech-given-name-genders");

    /// <summary>The list's rows after its column header (the first row under the opening comment).</summary>
    private static IEnumerable<LexiconEntry> Rows(string name) => Lexicon.Get(name).Entries.Skip(1);
}

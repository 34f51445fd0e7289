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

    /// <summary>The two lists' hashes, for the versions of the stages that read them.</summary>
    public static string[] Hashes => Lexicon.Hashes("speech-person-genders", "speech-given-name-genders");

    /// <summary>The list's rows after its column header (the first row under the opening comment).</summary>
    private static IEnumerable<LexiconEntry> Rows(string name) => Lexicon.Get(name).Entries.Skip(1);
}

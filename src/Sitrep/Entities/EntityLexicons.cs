using System.Collections.Frozen;
using Sitrep.Lexicons;

namespace Sitrep.Entities;

/// <summary>
/// The word lists (resources/lexicons) the entity stages read, each loaded once by <see cref="Lexicon"/>,
/// and the views of them the rules use. Which stage reads which list is said by the stage's version.
/// </summary>
internal static class EntityLexicons
{
    public static Lexicon Titles => Lexicon.Get("titles");

    public static Lexicon OrganisationHeads => Lexicon.Get("organisation-heads");

    public static Lexicon PublisherNouns => Lexicon.Get("publisher-nouns");

    public static Lexicon FacilityNouns => Lexicon.Get("facility-nouns");

    public static Lexicon NaturalPlaces => Lexicon.Get("natural-places");

    public static Lexicon Outlets => Lexicon.Get("outlets");

    /// <summary>The web addresses outlets.tsv gives its outlets ("breitbart.com", "foxnews.com"), without "www.": a name written as one is that outlet.</summary>
    public static FrozenSet<string> OutletAddresses { get; } = Outlets.Entries
        .Where(e => e.Columns.Count > 0 && e.Columns[0].Length > 0)
        .Select(e => e.Columns[0].Trim().StartsWith("www.", StringComparison.OrdinalIgnoreCase) ? e.Columns[0].Trim()[4..] : e.Columns[0].Trim())
        .ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    public static Lexicon PlaceCues => Lexicon.Get("place-cues");

    /// <summary>Words that make a name a law, treaty or founding document ("… Act", "Constitution", "…care").</summary>
    public static Lexicon LawNames => Lexicon.Get("law-names");

    public static FrozenSet<string> LawHeads { get; } = LawNames.Tagged("head");

    public static FrozenSet<string> LawNamesAlone { get; } = LawNames.Tagged("alone");

    public static FrozenSet<string> LawSuffixes { get; } = LawNames.Tagged("suffix");

    /// <summary>Words that, capitalised, end a programme's, agreement's or period's name ("… Program", "… Agreement", "… Age"; programme-nouns.tsv, tag head).</summary>
    public static FrozenSet<string> ProgrammeHeads { get; } = Lexicon.Get("programme-nouns").Tagged("head");

    /// <summary>Words that, capitalised and before a number, name a part of a law ("Title IX", "Article 5"; programme-nouns.tsv, tag numbered).</summary>
    public static FrozenSet<string> NumberedLawParts { get; } = Lexicon.Get("programme-nouns").Tagged("numbered");

    /// <summary>Universities called by one word ("Harvard", "Princeton"; university-names.tsv, tag name), matched with their capital.</summary>
    public static FrozenSet<string> UniversityNames { get; } = Lexicon.Get("university-names").Tagged("name").ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Members, degrees and schools of a university ("professor", "law school", "alumni"; university-names.tsv, tag after).</summary>
    public static PhraseSet UniversityCues { get; } = Lexicon.Get("university-names").PhrasesTagged("after");

    /// <summary>Whole names of documents, addresses and diseases that are MISC whatever the tagger read ("Declaration of Independence", "State of the Union", "HIV").</summary>
    public static Lexicon MiscNames => Lexicon.Get("misc-names");

    /// <summary>Particles of patronymic names ("bin", "ibn"): a name with one is a person's.</summary>
    public static FrozenSet<string> PersonParticles { get; } = Lexicon.Get("person-particles").Entries.Select(e => e.Text).ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    public static FrozenSet<string> MiscNamesWhole { get; } = MiscNames.Tagged("whole").ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Greeting words before a holiday ("Merry", "Happy"; misc-names.tsv, tag greeting): no part of its name.</summary>
    public static FrozenSet<string> Greetings { get; } = MiscNames.Tagged("greeting").ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Religions named alone ("Islam", "Christianity"; misc-names.tsv, tag religion): MISC, no place or organisation.</summary>
    public static FrozenSet<string> Religions { get; } = MiscNames.Tagged("religion").ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Abbreviations that name one political party alone ("GOP"; party-abbreviations.tsv): an organisation, never a place.</summary>
    public static FrozenSet<string> PartyAbbreviations { get; } = Lexicon.Get("party-abbreviations").Entries.Select(e => e.Text).ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Titles of religious, judicial and royal office that head a person's name but are no part of it ("Justice", "Cardinal", "Pope"; person-titles.tsv).</summary>
    public static FrozenSet<string> PersonTitles { get; } = Lexicon.Get("person-titles").All.Except(Lexicon.Get("person-titles").Tagged("before")).ToFrozenSet(Lexicon.Get("person-titles").All.Comparer);

    /// <summary>Words that belong to such a title only right before it ("Associate Justice", "Crown Prince"; person-titles.tsv, tag before).</summary>
    public static FrozenSet<string> PersonTitleModifiers { get; } = Lexicon.Get("person-titles").Tagged("before");

    /// <summary>The royal titles of person-titles.tsv ("King", "Prince"), which also open places named for a person ("Prince George").</summary>
    public static FrozenSet<string> RoyalTitles { get; } = Lexicon.Get("person-titles").Tagged("royal");

    /// <summary>Words that open a named storm's name ("Hurricane …", "Tropical Storm …"): with a capitalised name after them the whole is MISC.</summary>
    public static PhraseSet MiscNameBegins { get; } = MiscNames.PhrasesTagged("begins");

    /// <summary>Streets and districts that stand for an industry or a government ("Wall Street", "Downing Street"): ORG as a whole mention.</summary>
    public static FrozenSet<string> SectorMetonyms { get; } = Lexicon.Get("sector-metonyms").Entries.Select(e => e.Text).ToFrozenSet(StringComparer.Ordinal);

    /// <summary>The states, district and territories of the United States (us-states.tsv): in brackets after a person, the person's place.</summary>
    public static FrozenSet<string> UsStates { get; } = Lexicon.Get("us-states").Entries.Select(e => e.Text).ToFrozenSet(StringComparer.Ordinal);

    /// <summary>The U.S. Postal Service's two-letter codes of the states, DC and the territories (us-state-codes.tsv): "AZ", "WA".</summary>
    public static FrozenSet<string> UsStateCodes { get; } = Lexicon.Get("us-state-codes").Entries.Select(e => e.Text).ToFrozenSet(StringComparer.Ordinal);

    /// <summary>
    /// A U.S. state's short form: a postal code in capitals ("AZ", us-state-codes.tsv), or AP's abbreviation written with a
    /// capital and its full stop, inside the name or right after it ("Fla.", "N.H.", abbreviations.tsv tag state).
    /// </summary>
    public static bool IsStateShortForm(string text, int start, int end)
    {
        var name = text.AsSpan(start, end - start);
        if (name.Length == 2 && UsStateCodes.GetAlternateLookup<ReadOnlySpan<char>>().Contains(name))
            return true;
        if (name.Length < 2 || !char.IsUpper(name[0]))
            return false;
        bool stop = name[^1] == '.' || (end < text.Length && text[end] == '.');
        return stop && Sitrep.Text.Abbreviations.State.Contains(name.TrimEnd('.'));
    }

    /// <summary>The territories among <see cref="UsStates"/> (tag territory): the country table lists them under their own codes.</summary>
    public static FrozenSet<string> UsTerritories { get; } = Lexicon.Get("us-states").Tagged("territory");

    /// <summary>The social networks and messaging services of speech-channels.tsv (its channel column): companies, never places or people.</summary>
    public static FrozenSet<string> OnlineServices { get; } = Lexicon.Get("speech-channels").Entries.SelectMany(e => e.Tags).ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>Place nouns that, capitalised, end the name of a place of local government ("Robeson County").</summary>
    public static FrozenSet<string> PlaceHeads { get; } = PlaceNouns.Tagged("head");

    /// <summary>Nouns of places and of a state's parts ("province", "town", "border"): a name beside one is a place.</summary>
    public static Lexicon PlaceNouns => Lexicon.Get("place-nouns");

    public static Lexicon ActorRelations => Lexicon.Get("actor-relations");

    public static Lexicon CityParts => Lexicon.Get("city-parts");

    public static Lexicon Verbs => Lexicon.Get("verbs");

    public static Lexicon InstitutionNouns => Lexicon.Get("institution-nouns");

    /// <summary>An English dictionary's words (SCOWL): common words, and the proper nouns it lists only capitalised tagged "name".</summary>
    public static Lexicon EnglishWords => Lexicon.Get("english-words");

    /// <summary>The dictionary's proper nouns (London, Boston, Assad): English words, but not common ones.</summary>
    public static FrozenSet<string> EnglishNames { get; } = EnglishWords.Tagged("name");

    /// <summary>Words written capitalised in a title run before a name ("Defense Secretary", "Brig. Gen."), compared without a final full stop.</summary>
    public static FrozenSet<string> TitleWords { get; } = Titles.Tagged("title");

    /// <summary>Title words that are never part of an organisation's name.</summary>
    public static FrozenSet<string> StrongTitleWords { get; } = Titles.Tagged("strong");

    /// <summary>Positions named in lower-case appositions ("the US secretary of state").</summary>
    public static FrozenSet<string> RoleNouns { get; } = Titles.Tagged("noun");

    /// <summary>Ranks and office words before a name beyond the role nouns.</summary>
    public static FrozenSet<string> Ranks { get; } = Titles.Tagged("rank");

    /// <summary>Words that say what kind of outlet or site a name is, not which ("news", "agency", "base", "camp").</summary>
    public static FrozenSet<string> KindWords { get; } = PublisherNouns.Tagged("kind").Concat(FacilityNouns.Tagged("kind")).ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    public static PhraseSet PublisherAfter { get; } = PublisherNouns.PhrasesTagged("after");

    public static PhraseSet PublisherContext { get; } = PublisherNouns.PhrasesTagged("context");

    public static PhraseSet PublisherContextOfOrganisations { get; } = PublisherNouns.PhrasesTagged("context-org");

    public static PhraseSet PublisherNameEnds { get; } = PublisherNouns.PhrasesTagged("ends");

    /// <summary>Capitalised words that open a broadcaster's name, "Radio Farda", "Radio Free Europe" (tag "begins").</summary>
    public static PhraseSet PublisherNameBegins { get; } = PublisherNouns.PhrasesTagged("begins");

    public static PhraseSet FacilityHeads { get; } = FacilityNouns.PhrasesTagged("head");

    public static PhraseSet FacilityAfter { get; } = FacilityNouns.PhrasesTagged("after");

    public static PhraseSet FacilityApposition { get; } = FacilityNouns.PhrasesTagged("apposition");

    public static PhraseSet FacilityPrefixes { get; } = FacilityNouns.PhrasesTagged("prefix");

    public static PhraseSet NaturalPlaceWords { get; } = NaturalPlaces.Phrases;

    public static PhraseSet OrganisationHeadWords { get; } = OrganisationHeads.Phrases;

    public static PhraseSet Institutions { get; } = InstitutionNouns.Phrases;

    /// <summary>Verbs whose object is an actor who can be warned, pressed or backed.</summary>
    public static FrozenSet<string> VerbsWithActorObjects { get; } = Verbs.Tagged("object");

    /// <summary>Verbs of saying and wanting: after a capital's name they make it the government.</summary>
    public static FrozenSet<string> VerbsOfSayingAndWanting { get; } = Verbs.Tagged("speech").Concat(Verbs.Tagged("intent")).ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>The hashes of the lists the tagging stage reads (types and bounds of mentions).</summary>
    public static string[] TaggingHashes => Lexicon.Hashes("titles", "organisation-heads", "publisher-nouns", "facility-nouns", "natural-places", "outlets", "institution-nouns", "place-nouns", "law-names", "misc-names", "person-particles", "english-words", "sector-metonyms", "speech-channels", "company-cues", "us-states", "programme-nouns", "speech-given-name-genders", "given-names-both-sexes", "us-state-codes", "abbreviations", "party-abbreviations", "person-titles", "university-names");

    /// <summary>The hashes of the lists coreference reads (short forms, kind nouns, roles, capitals standing for governments).</summary>
    public static string[] CoreferenceHashes => Lexicon.Hashes("titles", "organisation-heads", "publisher-nouns", "facility-nouns", "place-cues", "actor-relations", "city-parts", "verbs", "person-particles", "english-words", "us-states");

    /// <summary>A title word written before a name: "Gen." and "Gen" alike.</summary>
    public static bool IsTitleWord(ReadOnlySpan<char> word) => word.Length > 0 && TitleWords.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word.TrimEnd('.'));

    /// <summary>A title of person-titles.tsv, compared without a final full stop ("Rev.").</summary>
    public static bool IsPersonTitleWord(ReadOnlySpan<char> word) => word.Length > 0 && PersonTitles.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word.TrimEnd('.'));

    /// <summary>A word of <see cref="PersonTitleModifiers"/>, compared without a final full stop.</summary>
    public static bool IsPersonTitleModifier(ReadOnlySpan<char> word) => word.Length > 0 && PersonTitleModifiers.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word.TrimEnd('.'));

    public static bool IsStrongTitleWord(ReadOnlySpan<char> word) => word.Length > 0 && StrongTitleWords.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word.TrimEnd('.'));
}

using System.Collections.Frozen;
using Sitrep.Entities.Resolution;
using Sitrep.Lexicons;
using Sitrep.Text;

namespace Sitrep.Entities;

/// <summary>
/// Turns the tagger's four types into Sitrep's seven: a place that is a country or city is a GPE,
/// a place or organisation named for a base, airport or camp is a FACILITY, an organisation is MEDIA
/// only on evidence that it publishes (a known outlet, the document's own outlet, a dateline's agency,
/// a publisher noun in its name or beside it; never a verb of reporting alone), a person stays PERSON.
/// The word lists are resources/lexicons (publisher-nouns, facility-nouns, organisation-heads,
/// natural-places, outlets).
/// </summary>
internal static class TypeRefiner
{
    public static string Refine(string text, Token[] tokens, byte[] gazetteerCodes, EntityMention mention) =>
        Refine(text, tokens, gazetteerCodes, mention, null, null);

    /// <param name="documentOutlets">Exact keys (<see cref="NameKeys.Exact"/>) of the outlets the document's own metadata names: a name that is one is MEDIA.</param>
    /// <param name="actors">The actor dictionaries: an organisation there is one where the tagger read an adjective or a place.</param>
    public static string Refine(string text, Token[] tokens, byte[] gazetteerCodes, EntityMention mention, IReadOnlySet<string>? documentOutlets, Actors.ActorTable? actors) =>
        Refine(text, tokens, gazetteerCodes, mention, documentOutlets, actors, out _);

    /// <param name="cued">
    /// Whether a cue in the text or a name list gave or confirmed the type (every rule below does; of the tagger's own
    /// types only a person after an honorific, an organisation with an organisation's head word, a place a place list
    /// knows, and an outlet by its publisher noun): the tagger's bare guess is not cued.
    /// </param>
    public static string Refine(string text, Token[] tokens, byte[] gazetteerCodes, EntityMention mention, IReadOnlySet<string>? documentOutlets, Actors.ActorTable? actors, out bool cued)
    {
        cued = true;
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(tokens);
        ArgumentNullException.ThrowIfNull(gazetteerCodes);
        var name = text.AsSpan(mention.Start, mention.End - mention.Start);

        if (Datelines.IsAgency(text, mention.Start))
            return "MEDIA";
        // "the GOP now has control", "the GOP's Senate majority": a party's abbreviation the tagger read as a place, a person
        // or an outlet is the party (its adjective's reading, "GOP senators" as MISC, is left as the tagger made it).
        if (mention.Type != EntityTypes.Miscellaneous && IsPartyAbbreviation(name))
            return "ORG";
        if (IsKnownOutlet(name, mention.Type, documentOutlets))
        {
            // "talks in Bellamar" in an article of Radio Bellamar: the last word of the article's outlet, read as a
            // place by the tagger, is typed an outlet here but is no cue for the thing's type in other articles.
            cued = !(mention.Type == EntityTypes.Location && OnlyEndsADocumentOutlet(name, documentOutlets));
            return "MEDIA";
        }
        // A law, treaty or founding document ("the Affordable Care Act", "the Constitution", "Obamacare") is no organisation or place.
        if (IsLawName(name) || IsMiscName(name) || IsStormName(name))
            return "MISC";
        // "converted to Islam", "the tenets of Christianity": a religion is no place or organisation; "Islam" is also a
        // surname, so a person after an honorific or a title stays one.
        if (IsReligion(name) && !AfterHonorific(text, mention.Start) && !AfterPersonTitle(text, mention.Start))
            return "MISC";
        // "Paycheck Protection Program", "North American Free Trade Agreement", "Gilded Age", "Title IX": a programme, an
        // agreement, a period or a part of a law (a person's name may end in such a word: "Gov. Nathan Deal").
        if (mention.Type != EntityTypes.Person && ((IsProgrammeName(name) && !UnitAt(text, mention.End) && !OfAnOrganisation(name, actors)) || IsNumberedLawPart(name)))
            return "MISC";
        // "a Harvard professor", "economists at Princeton": a university called by one word, with a member, degree or school
        // of it beside it, is the university, not the town of its name (the tagger reads most of these as places).
        if (mention.Type is not (EntityTypes.Person or EntityTypes.Organization) && IsUniversityByCue(text, name, mention.Start, mention.End))
            return "ORG";
        // "Wall Street's expectations": a street standing for an industry or a government is an organisation, the street itself only after a house number or a preposition of place ("at 40 Wall Street", "an office in Downing Street").
        if (IsSectorMetonym(name) && !LiteralStreet(text, mention.Start))
            return "ORG";
        // "Facebook", "Twitter": a social network the tagger read as a place or a person is a company.
        if (mention.Type is EntityTypes.Location or EntityTypes.Person && IsOnlineService(name))
            return "ORG";
        // "Rep. Dave Camp", "President Trump": a person's title right before a name that reads as a person's says a
        // person, before the head nouns below ("Camp" is a facility's) and whatever the tagger read.
        if (AfterPersonTitle(text, mention.Start) && ReadsAsPersonName(name, gazetteerCodes, mention, actors))
            return "PERSON";
        // "the Clinton administration", "the Bush and Obama presidencies": a one-word name before an office's term is the
        // office holder (a town of the lists may share the name: "Obama"; a country may not).
        if (BeforeOfficeTerm(text, mention.End) && ReadsAsOfficeHolder(name, gazetteerCodes, mention, actors))
            return "PERSON";
        // "Donald Trump Jr.": "Jr." or "Sr." after a given name and a surname is a person's, whatever the tagger read.
        if (mention.Type != EntityTypes.Person && HasJuniorOrSenior(name) && PersonGenders.GivenNames.ContainsKey(FirstWord(name).ToString().ToLowerInvariant()))
            return "PERSON";
        // "Representative Camp", "Judge Camp": a person's title right before a one-word name that is a facility's head
        // noun alone says a person (the head names no facility by itself), before the head nouns below make it one.
        if (IsFacilityHeadAlone(name) && AfterTitleOfAPerson(text, mention.Start))
            return "PERSON";
        // The same with the title inside the name the tagger found ("Representative Camp" as one name).
        if (name.IndexOf(' ') is > 0 and var space && name[(space + 1)..].IndexOf(' ') < 0 && IsFacilityHeadAlone(name[(space + 1)..])
            && AfterTitleOfAPerson(text, mention.Start + space + 1))
            return "PERSON";
        // What a name is called in its sentence outweighs the tagger's guess at its kind.
        // A title in quotation marks after a possessive (CNN's "The Situation Room") is a work or programme, not the place its last word names.
        if ((EntityLexicons.FacilityHeads.EndsWith(name) && !QuotedTitle(text, mention.Start)) || EntityLexicons.FacilityPrefixes.MatchAt(name, 0) > 0 || FacilityApposition(text, mention.End))
            return "FACILITY";
        // "Mr. Metzenbaum", "Dr. Okafor": a name right after an honorific is a person, whatever the tagger read.
        if (mention.Type != EntityTypes.Person && (AfterHonorific(text, mention.Start) || HasPersonParticle(name)))
            return "PERSON";
        // "Robeson County": a place of local government, whatever the tagger read.
        if (mention.Type != EntityTypes.Location && EndsWithPlaceHead(name))
            return "GPE";
        if (mention.Type != EntityTypes.Location && (EndsWithPublisherTitle(name) || EntityLexicons.PublisherAfter.EndsWith(name)
            || PublisherNounAfter(text, mention.End, EntityLexicons.PublisherContext) || PublisherNounBefore(text, mention.Start, EntityLexicons.PublisherContext)))
            return "MEDIA";
        if (mention.Type != EntityTypes.Organization && HasOrganisationHead(name))
            return "ORG";
        if (actors is not null && ActorType(name, mention.Type, actors) is { } actorType)
            return actorType;
        // "al Qaeda" found as "Qaeda": the article's particle before it and the name make an organisation of the actor dictionaries.
        if (actors is not null && mention.Type != EntityTypes.Organization && AfterArabicArticle(text, mention.Start) && actors.Of("al " + name.ToString()) is { Type: "ORG" })
            return "ORG";
        switch (mention.Type)
        {
            case EntityTypes.Person:
                cued = AfterHonorific(text, mention.Start) || AfterPersonTitle(text, mention.Start) || HasGenerationalSuffix(name);
                return "PERSON";
            case EntityTypes.Location:
                // In news a place named without a natural feature is nearly always a country, region or city.
                // A U.S. state (us-states.tsv) is a GPE, "Rhode Island" too, whose "Island" would make it a natural place.
                bool state = EntityLexicons.UsStates.GetAlternateLookup<ReadOnlySpan<char>>().Contains(name);
                cued = state || IsWholePlaceName(gazetteerCodes, mention);
                return state || IsPlaceInGazetteer(gazetteerCodes, mention) || !EntityLexicons.NaturalPlaceWords.Occurs(name) ? "GPE" : "LOC";
            case EntityTypes.Organization:
                if (PublisherNounAfter(text, mention.End, EntityLexicons.PublisherContextOfOrganisations)
                    || PublisherNounBefore(text, mention.Start, EntityLexicons.PublisherContextOfOrganisations))
                    return "MEDIA";
                // "Soviet Union": a head word inside a name the place lists know whole says nothing of its kind.
                cued = HasOrganisationHead(name) && !IsPlaceInGazetteer(gazetteerCodes, mention);
                return "ORG";
            default:
                cued = false;
                return "MISC";
        }
    }

    /// <summary>Whether the document's outlets hold <paramref name="key"/>, looked up by span where the set allows.</summary>
    private static bool Contains(IReadOnlySet<string> outlets, ReadOnlySpan<char> key) =>
        outlets is HashSet<string> set && set.TryGetAlternateLookup<ReadOnlySpan<char>>(out var lookup) ? lookup.Contains(key) : outlets.Contains(key.ToString());

    /// <summary>
    /// Whether <paramref name="key"/> is the last words of one of the document's outlets (a loop, not a
    /// query with a closure: this runs for every name of every article).
    /// </summary>
    private static bool EndsAnOutlet(ReadOnlySpan<char> key, IReadOnlySet<string> outlets)
    {
        if (outlets is HashSet<string> set)
        {
            foreach (var o in set)
            {
                if (EndsWithWords(o, key))
                    return true;
            }
            return false;
        }
        foreach (var o in outlets)
        {
            if (EndsWithWords(o, key))
                return true;
        }
        return false;
    }

    private static bool EndsWithWords(string outlet, ReadOnlySpan<char> key) =>
        outlet.Length > key.Length && outlet.AsSpan().EndsWith(key, StringComparison.Ordinal) && outlet[^(key.Length + 1)] == ' ';

    /// <summary>
    /// A name the outlet list (resources/lexicons/outlets.tsv) or the document's own metadata gives as an
    /// outlet. A one-word outlet that is no acronym ("Vice", "Reason", "Salon") counts only where the
    /// tagger did not read a person.
    /// </summary>
    internal static bool IsKnownOutlet(ReadOnlySpan<char> name, string taggerType, IReadOnlySet<string>? documentOutlets)
    {
        // The key written on the stack where it can be (every name of every article asks this), else made as a string.
        Span<char> buffer = stackalloc char[Math.Min(name.Length, 256)];
        ReadOnlySpan<char> key = NameKeys.TryExact(name, buffer, out int written) ? buffer[..written] : NameKeys.Exact(name.ToString());
        if (key.Length == 0)
            return false;
        // The document's own outlet, or the last words of its name ("the Sentinel" in the Valdorian Sentinel).
        if (documentOutlets is not null && (Contains(documentOutlets, key) || (key.Length >= 4 && EndsAnOutlet(key, documentOutlets))))
            return true;
        if (!Outlets.GetAlternateLookup<ReadOnlySpan<char>>().Contains(key))
            return false;
        bool oneWord = key.IndexOf(' ') < 0;
        bool acronym = name.Length >= 2 && !name.ContainsAnyInRange('a', 'z');
        return !oneWord || acronym || taggerType != EntityTypes.Person;
    }

    /// <summary>The name is the last words of one of the document's outlets, and no outlet by itself (neither the document's nor the list's).</summary>
    private static bool OnlyEndsADocumentOutlet(ReadOnlySpan<char> name, IReadOnlySet<string>? documentOutlets)
    {
        if (documentOutlets is null)
            return false;
        var key = NameKeys.Exact(name.ToString());
        return key.Length >= 4 && !Contains(documentOutlets, key) && !Outlets.Contains(key) && EndsAnOutlet(key, documentOutlets);
    }

    private static readonly Lazy<FrozenSet<string>> LazyOutlets = new(() =>
        EntityLexicons.Outlets.Entries.Select(e => NameKeys.Exact(e.Text)).Where(k => k.Length > 0).ToHashSet(StringComparer.Ordinal)
            .ToFrozenSet(StringComparer.Ordinal));

    private static FrozenSet<string> Outlets => LazyOutlets.Value;

    /// <summary>
    /// What the actor dictionaries say the name is, where that corrects the tagger: an organisation the
    /// tagger read as an adjective ("the Islamic State" as MISC), as a place ("the White House warned"; only
    /// for an entry with a sector, since territories are listed under their states too), or as a person
    /// when the name is an acronym; a place it read as an adjective.
    /// </summary>
    private static string? ActorType(ReadOnlySpan<char> name, string taggerType, Actors.ActorTable actors)
    {
        if (taggerType == EntityTypes.Organization || actors.Of(name) is not { } info)
            return null;
        bool acronym = name.Length >= 2 && !name.ContainsAnyInRange('a', 'z');
        return (info.Type, taggerType) switch
        {
            ("ORG", EntityTypes.Miscellaneous) => "ORG",
            ("ORG", EntityTypes.Location) when info.Sector is not null => "ORG",
            ("ORG", EntityTypes.Person) when acronym => "ORG",
            ("GPE", EntityTypes.Miscellaneous) => "GPE",
            _ => null,
        };
    }

    /// <summary>"… Times", "… Post": a publication's title word ends the name, written capitalised.</summary>
    private static bool EndsWithPublisherTitle(ReadOnlySpan<char> name)
    {
        int start = EntityLexicons.PublisherNameEnds.MatchEndingAt(name, name.Length);
        if (start > 0 && char.IsUpper(name[start]) && !HasOrganisationHead(name[..start]))
            return true;
        // "Radio Farda", "Radio Free Europe": a broadcaster's word opening the name, capitalised, with a name after it.
        int length = EntityLexicons.PublisherNameBegins.MatchAt(name, 0);
        return length > 0 && char.IsUpper(name[0]) && length + 1 < name.Length && name[length] == ' ' && char.IsUpper(name[length + 1])
            && !HasOrganisationHead(name);
    }

    /// <summary>"X, the base that …", "X, an air base in …": an apposition that says what X is.</summary>
    private static bool FacilityApposition(string text, int end)
    {
        var after = text.AsSpan(end, Math.Min(40, text.Length - end));
        int i = SkipSpaces(after, 0);
        if (i < after.Length && after[i] == ',')
            i = SkipArticle(after, SkipSpaces(after, i + 1));
        return EntityLexicons.FacilityApposition.MatchAt(after, i) > 0;
    }

    /// <summary>"X news agency", "X, a daily", "X, the state broadcaster," (but not "X, the newspaper said", where X is what the newspaper said).</summary>
    private static bool PublisherNounAfter(string text, int end, PhraseSet nouns)
    {
        var after = text.AsSpan(end, Math.Min(60, text.Length - end));
        int i = 0;
        while (i < after.Length && (char.IsWhiteSpace(after[i]) || after[i] == ','))
            i++;
        int article = SkipArticle(after, i);
        bool withArticle = article > i;
        int length = nouns.MatchAt(after, article);
        if (length == 0 && withArticle)
        {
            // One modifier between the article and the noun: "a state-run newspaper".
            int word = article;
            while (word < after.Length && (char.IsLower(after[word]) || after[word] == '-'))
                word++;
            if (word > article && word < after.Length && after[word] == ' ')
            {
                article = word + 1;
                length = nouns.MatchAt(after, article);
            }
        }
        if (length == 0)
            return false;
        if (!withArticle)
            return true;
        int next = SkipSpaces(after, article + length);
        int wordEnd = next;
        while (wordEnd < after.Length && char.IsLetter(after[wordEnd]))
            wordEnd++;
        return !EntityLexicons.Verbs.Contains(after[next..wordEnd]);
    }

    /// <summary>"the news agency X", "the state-run website X,".</summary>
    private static bool PublisherNounBefore(string text, int start, PhraseSet nouns)
    {
        int from = Math.Max(0, start - 40);
        var before = text.AsSpan(from, start - from);
        int end = before.Length;
        while (end > 0 && (char.IsWhiteSpace(before[end - 1]) || before[end - 1] == ','))
            end--;
        return end < before.Length && nouns.MatchEndingAt(before, end) >= 0;
    }

    private static int SkipSpaces(ReadOnlySpan<char> s, int i)
    {
        while (i < s.Length && char.IsWhiteSpace(s[i]))
            i++;
        return i;
    }

    private static int SkipArticle(ReadOnlySpan<char> s, int i)
    {
        foreach (var article in (ReadOnlySpan<string>)["the ", "an ", "a "])
        {
            if (s[i..].StartsWith(article, StringComparison.OrdinalIgnoreCase))
                return SkipSpaces(s, i + article.Length);
        }
        return i;
    }

    /// <summary>
    /// A law's or founding document's name: its last word, written capitalised, is a law's head ("… Act",
    /// "… Treaty"; a year after it is skipped, "the Stafford Act of 1988"), the name is such a document alone
    /// ("Constitution"), or it is one capitalised word ending in a programme's suffix ("Obamacare").
    /// </summary>
    internal static bool IsLawName(ReadOnlySpan<char> name)
    {
        name = name.TrimEnd();
        // "… Act of 1988", "… Act 1998": a trailing year.
        int end = name.Length;
        while (end > 0 && char.IsDigit(name[end - 1]))
            end--;
        if (end < name.Length && name.Length - end == 4 && end > 0 && name[end - 1] == ' ')
        {
            var rest = name[..(end - 1)].TrimEnd();
            name = rest.EndsWith(" of", StringComparison.Ordinal) ? rest[..^3].TrimEnd() : rest;
        }
        int space = name.LastIndexOf(' ');
        var last = name[(space + 1)..];
        if (last.Length < 2 || !char.IsUpper(last[0]) || !NameKeys.HasLower(last))
            return false;
        var word = last.ToString();
        if (space >= 0 && EntityLexicons.LawHeads.Contains(word))
            return true;
        if (space < 0 && EntityLexicons.LawNamesAlone.Contains(word))
            return true;
        if (space < 0)
        {
            foreach (var suffix in EntityLexicons.LawSuffixes)
            {
                if (word.Length > suffix.Length + 2 && word.EndsWith(suffix, StringComparison.OrdinalIgnoreCase) && !InnerCapital(word.AsSpan(1, word.Length - 1 - suffix.Length)))
                    return true;
            }
        }
        return false;
    }

    /// <summary>
    /// A name of two or more words whose last, written capitalised, is a programme's, agreement's or period's head
    /// (programme-nouns.tsv, tag head: "Clean Power Plan", "Warsaw Pact", "Gilded Age") and that has no organisation's
    /// head word ("Pew Research Center Program" is the centre's).
    /// </summary>
    internal static bool IsProgrammeName(ReadOnlySpan<char> name)
    {
        name = name.TrimEnd();
        int space = name.LastIndexOf(' ');
        if (space <= 0)
            return false;
        var last = name[(space + 1)..];
        return last.Length > 2 && char.IsUpper(last[0]) && NameKeys.HasLower(last) && EntityLexicons.ProgrammeHeads.Contains(last.ToString())
            && !HasOrganisationHead(name[..space]);
    }

    /// <summary>
    /// A one-word university name (university-names.tsv, tag name) with one of its members, degrees or schools right after
    /// it ("a Harvard professor", "Oxford philosopher") or right before "at" or "from" and it ("a law professor at
    /// Stanford", "degrees from Yale"). Without such a word the name may be the town ("a factory in Princeton, Indiana").
    /// </summary>
    internal static bool IsUniversityByCue(string text, ReadOnlySpan<char> name, int start, int end)
    {
        if (!EntityLexicons.UniversityNames.GetAlternateLookup<ReadOnlySpan<char>>().Contains(name))
            return false;
        var cues = EntityLexicons.UniversityCues;
        if (end < text.Length && text[end] == ' ' && cues.MatchAt(text, end + 1) > 0)
            return true;
        var before = text.AsSpan(0, start);
        foreach (var preposition in (ReadOnlySpan<string>)[" at ", " from "])
        {
            if (before.EndsWith(preposition, StringComparison.Ordinal))
                return cues.MatchEndingAt(text, start - preposition.Length) >= 0;
        }
        return false;
    }

    /// <summary>
    /// " at …" after a programme's name: a department of an organisation ("the Eurasia Program at Chatham House",
    /// "the National Security Program at Third Way"), an organisation's unit rather than a programme.
    /// </summary>
    internal static bool UnitAt(string text, int end)
    {
        int i = end;
        while (i < text.Length && text[i] == ' ')
            i++;
        return i > end && text.AsSpan(i).StartsWith("at ", StringComparison.Ordinal);
    }

    /// <summary>The words before the programme's head open with an organisation the actor dictionaries know ("United Nations Development Program", "UN Environment Programme" are agencies).</summary>
    private static bool OfAnOrganisation(ReadOnlySpan<char> name, Actors.ActorTable? actors)
    {
        if (actors is null)
            return false;
        int last = name.TrimEnd().LastIndexOf(' ');
        for (int space = 0; space < last; space++)
        {
            if (name[space] == ' ' && space > 0 && actors.Of(name[..space]) is { Type: "ORG" })
                return true;
        }
        return actors.Of(name[..Math.Max(0, last)]) is { Type: "ORG" };
    }

    /// <summary>"Title IX", "Title 42", "Article 5": a part of a law's word, capitalised, and a roman or arabic number, the whole name.</summary>
    internal static bool IsNumberedLawPart(ReadOnlySpan<char> name)
    {
        name = name.Trim();
        int space = name.IndexOf(' ');
        if (space <= 0 || space == name.Length - 1 || name[(space + 1)..].IndexOf(' ') >= 0 || !char.IsUpper(name[0]))
            return false;
        var number = name[(space + 1)..];
        bool digits = true, roman = true;
        foreach (char c in number)
        {
            digits &= char.IsDigit(c);
            roman &= c is 'I' or 'V' or 'X' or 'L' or 'C';
        }
        return (digits || roman) && EntityLexicons.NumberedLawParts.Contains(name[..space].ToString());
    }

    /// <summary>The name, a leading "the" aside, is one of the whole names typed MISC ("the Declaration of Independence", "HIV").</summary>
    internal static bool IsMiscName(ReadOnlySpan<char> name)
    {
        name = name.Trim();
        if (name.StartsWith("the ", StringComparison.OrdinalIgnoreCase))
            name = name[4..].TrimStart();
        return name.Length > 1 && EntityLexicons.MiscNamesWhole.GetAlternateLookup<ReadOnlySpan<char>>().Contains(name);
    }

    /// <summary>"Hurricane Katrina", "Tropical Storm Allison": a storm's kind (misc-names.tsv, tag begins) opening the name, a capitalised word after it.</summary>
    internal static bool IsStormName(ReadOnlySpan<char> name)
    {
        name = name.Trim();
        int length = EntityLexicons.MiscNameBegins.MatchAt(name, 0);
        return length > 0 && char.IsUpper(name[0]) && length + 1 < name.Length && name[length] == ' ' && char.IsUpper(name[length + 1]);
    }

    /// <summary>The name is a religion's alone, written as the list writes it ("Islam", "Christianity"; misc-names.tsv, tag religion).</summary>
    internal static bool IsReligion(ReadOnlySpan<char> name) =>
        name.Length > 2 && EntityLexicons.Religions.GetAlternateLookup<ReadOnlySpan<char>>().Contains(name.Trim());

    /// <summary>The name is a party's abbreviation alone, in its capitals ("GOP"; party-abbreviations.tsv).</summary>
    internal static bool IsPartyAbbreviation(ReadOnlySpan<char> name) =>
        name.Length > 1 && EntityLexicons.PartyAbbreviations.GetAlternateLookup<ReadOnlySpan<char>>().Contains(name.Trim());

    /// <summary>One capitalised word that is a facility's head noun and nothing more ("Camp", "Tower").</summary>
    private static bool IsFacilityHeadAlone(ReadOnlySpan<char> name)
    {
        name = name.Trim();
        return name.Length > 2 && name.IndexOf(' ') < 0 && char.IsUpper(name[0]) && NameKeys.HasLower(name)
            && EntityLexicons.FacilityHeads.MatchAt(name, 0) == name.Length;
    }

    /// <summary>
    /// The word right before <paramref name="start"/>, one space away and capitalised, is a person's title: one of
    /// <see cref="IsPersonTitle"/> or a title word that is a position's noun ("Representative"); not "General", which also
    /// opens a hospital's name ("General Hospital").
    /// </summary>
    private static bool AfterTitleOfAPerson(string text, int start)
    {
        if (start < 2 || text[start - 1] != ' ' || text[start - 2] == ' ')
            return false;
        int end = start - 1;
        int begin = end;
        while (begin > 0 && (char.IsLetter(text[begin - 1]) || text[begin - 1] == '.'))
            begin--;
        if (begin == end || (begin > 0 && char.IsLetterOrDigit(text[begin - 1])))
            return false;
        var word = text.AsSpan(begin, end - begin);
        var lower = word.TrimEnd('.').ToString().ToLowerInvariant();
        if (!char.IsUpper(word[0]) || lower is "general" or "gen")
            return false;
        return IsPersonTitle(word) || (EntityLexicons.IsTitleWord(word) && EntityLexicons.RoleNouns.Contains(lower) && AbbreviatedAsRank(lower));
    }

    /// <summary>
    /// A position's noun that a rank of titles.tsv shortens ("representative" → "rep"): such a title stands before a
    /// person's name only; a noun such as "king" or "head" also opens street and place names ("King Street").
    /// </summary>
    private static bool AbbreviatedAsRank(string lower)
    {
        foreach (var rank in EntityLexicons.Ranks)
        {
            if (rank.Length >= 3 && lower.Length > rank.Length && lower.StartsWith(rank, StringComparison.Ordinal) && char.IsLetter(rank[^1]))
                return true;
        }
        return false;
    }

    /// <summary>The name, a leading "the" aside, is a street or district standing for an industry or a government (sector-metonyms.tsv).</summary>
    internal static bool IsSectorMetonym(ReadOnlySpan<char> name)
    {
        name = name.Trim();
        if (name.StartsWith("the ", StringComparison.OrdinalIgnoreCase))
            name = name[4..].TrimStart();
        return EntityLexicons.SectorMetonyms.GetAlternateLookup<ReadOnlySpan<char>>().Contains(name);
    }

    /// <summary>
    /// A house number right before the name ("40 Wall Street", "No. 10 Downing Street"), or a preposition that
    /// places something in the street ("in", "at", "near", "along", "down", "outside"); "on" is left out,
    /// since "jobs on Wall Street" names the industry.
    /// </summary>
    private static bool LiteralStreet(string text, int start)
    {
        int i = start;
        while (i > 0 && text[i - 1] == ' ')
            i--;
        if (i == start || i == 0)
            return false;
        if (char.IsDigit(text[i - 1]))
            return true;
        int end = i;
        while (i > 0 && char.IsLetter(text[i - 1]))
            i--;
        if (i > 0 && char.IsLetterOrDigit(text[i - 1]))
            return false;
        return text.AsSpan(i, end - i) is "in" or "at" or "near" or "along" or "down" or "outside" or "inside" or "off";
    }

    /// <summary>The name is a social network's or messaging service's, written with a capital ("Facebook", "FACEBOOK").</summary>
    internal static bool IsOnlineService(ReadOnlySpan<char> name)
    {
        name = name.Trim();
        return name.Length > 1 && char.IsUpper(name[0]) && EntityLexicons.OnlineServices.GetAlternateLookup<ReadOnlySpan<char>>().Contains(name);
    }

    /// <summary>"Osama bin Laden", "Bin Laden": a patronymic particle before a capitalised word, and no organisation's head word.</summary>
    internal static bool HasPersonParticle(ReadOnlySpan<char> name)
    {
        var words = name.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        for (int i = 0; i + 1 < words.Length; i++)
        {
            if (EntityLexicons.PersonParticles.Contains(words[i]) && char.IsUpper(words[i + 1][0]) && words[i + 1].Any(char.IsLower))
                return !HasOrganisationHead(name);
        }
        return false;
    }

    /// <summary>A possessive and an opening quotation mark right before the name, or before a "The" that opens it (CNN's “The Situation Room”).</summary>
    private static bool QuotedTitle(string text, int start)
    {
        int i = start;
        if (i >= 4 && text.AsSpan(i - 4, 4) is "The " or "the ")
            i -= 4;
        if (i < 1 || text[i - 1] is not ('"' or '“' or '‘'))
            return false;
        // Only after a possessive (CNN's “…”): a name in quotation marks alone may be a place just named ("renamed “… Plaza”").
        var before = text.AsSpan(0, i - 1).TrimEnd();
        return before.EndsWith("'s", StringComparison.Ordinal) || before.EndsWith("’s", StringComparison.Ordinal);
    }

    /// <summary>"Donald Trump Jr.", "John Smith III": a generational suffix after a given name and a surname is a person's.</summary>
    internal static bool HasGenerationalSuffix(ReadOnlySpan<char> name)
    {
        var trimmed = name.TrimEnd();
        int space = trimmed.LastIndexOf(' ');
        if (space <= 0 || trimmed[..space].TrimEnd(',').IndexOf(' ') <= 0)
            return false;
        return trimmed[(space + 1)..] is "Jr." or "Jr" or "Sr." or "Sr" or "II" or "III" or "IV";
    }

    /// <summary>"Donald Trump Jr.": <see cref="HasGenerationalSuffix"/> with "Jr." or "Sr." only ("World War II" is no person).</summary>
    internal static bool HasJuniorOrSenior(ReadOnlySpan<char> name)
    {
        var trimmed = name.TrimEnd();
        int space = trimmed.LastIndexOf(' ');
        return space > 0 && HasGenerationalSuffix(trimmed) && trimmed[(space + 1)..] is "Jr." or "Jr" or "Sr." or "Sr";
    }

    /// <summary>
    /// Title words that stand before a person's name and never inside an organisation's: the strong titles of titles.tsv
    /// ("President", "Sen.", "Gov.") and the ranks and offices that are no qualifier of another title ("Rep.", "Gov.";
    /// not "Vice", "Prime", "Foreign", which stand before another title).
    /// </summary>
    private static bool IsPersonTitle(ReadOnlySpan<char> word)
    {
        var bare = word.TrimEnd('.');
        if (bare.Length == 0 || !char.IsUpper(bare[0]))
            return false;
        // "President-elect Trump": the title before "-elect".
        if (bare.EndsWith("-elect", StringComparison.OrdinalIgnoreCase))
            bare = bare[..^"-elect".Length];
        if (EntityLexicons.IsStrongTitleWord(bare))
            return true;
        var lower = bare.ToString().ToLowerInvariant();
        return EntityLexicons.Ranks.Contains(lower) && !TitleQualifiers.Contains(lower);
    }

    /// <summary>"al " or "Al " right before the name, a word of its own.</summary>
    private static bool AfterArabicArticle(string text, int start) =>
        start >= 3 && text.AsSpan(start - 3, 3) is "al " or "Al " && (start == 3 || !char.IsLetterOrDigit(text[start - 4]));

    private static ReadOnlySpan<char> FirstWord(ReadOnlySpan<char> name)
    {
        int space = name.IndexOf(' ');
        return space < 0 ? name : name[..space];
    }

    /// <summary>Rank words that qualify a title after them ("Vice President", "Foreign Minister"), never a name: a closed class.</summary>
    private static readonly FrozenSet<string> TitleQualifiers = FrozenSet.ToFrozenSet(["vice", "prime", "foreign", "defense", "defence"], StringComparer.Ordinal);

    /// <summary>The word right before <paramref name="start"/>, one space away, is a person's title (<see cref="IsPersonTitle"/>).</summary>
    internal static bool AfterPersonTitle(string text, int start)
    {
        if (start < 2 || text[start - 1] != ' ' || text[start - 2] == ' ')
            return false;
        int end = start - 1;
        int begin = end;
        while (begin > 0 && (char.IsLetter(text[begin - 1]) || text[begin - 1] is '.' or '-'))
            begin--;
        if (begin == end || (begin > 0 && char.IsLetterOrDigit(text[begin - 1])))
            return false;
        return IsPersonTitle(text.AsSpan(begin, end - begin));
    }

    /// <summary>
    /// A name a title before it can make a person's: one to three capitalised words (no acronym: "Former FBI Director"), no
    /// place the model's lists know, no organisation's head ("General Assembly"), a facility's head only after a given
    /// name ("Rep. Dave Camp", not "General Hospital"), and no organisation or place of the actor dictionaries.
    /// </summary>
    private static bool ReadsAsPersonName(ReadOnlySpan<char> name, byte[] codes, EntityMention mention, Actors.ActorTable? actors)
    {
        int words = 0;
        foreach (var range in name.Split(' '))
        {
            var word = name[range];
            if (word.Length < 2 || !char.IsUpper(word[0]) || !NameKeys.HasLower(word))
                return false;
            words++;
        }
        if (words is 0 or > 3 || IsPlaceInGazetteer(codes, mention) || HasOrganisationHead(name))
            return false;
        if (EntityLexicons.FacilityHeads.EndsWith(name) && (words < 2 || !PersonGenders.GivenNames.ContainsKey(name[..name.IndexOf(' ')].ToString().ToLowerInvariant())))
            return false;
        return actors?.Of(name) is not { Type: "ORG" or "GPE" };
    }

    /// <summary>Words for an office holder's term, after the holder's name, lower case (a closed class).</summary>
    private static readonly string[] OfficeTerms = ["administration", "administrations", "presidency", "presidencies"];

    /// <summary>
    /// " administration", " presidency" (or their plurals) right after <paramref name="end"/>, in lower case and a word
    /// of their own; or " and X administrations" ("the Bush and Obama presidencies"), a plural after one more name.
    /// </summary>
    internal static bool BeforeOfficeTerm(string text, int end)
    {
        var after = text.AsSpan(end);
        if (TermAt(after, plural: false))
            return true;
        if (!after.StartsWith(" and ", StringComparison.Ordinal) || after.Length < 6 || !char.IsUpper(after[5]))
            return false;
        int i = 5;
        while (i < after.Length && char.IsLetter(after[i]))
            i++;
        return TermAt(after[i..], plural: true);
    }

    private static bool TermAt(ReadOnlySpan<char> after, bool plural)
    {
        if (after.Length < 2 || after[0] != ' ')
            return false;
        foreach (var term in OfficeTerms)
        {
            if ((!plural || term.EndsWith('s')) && after[1..].StartsWith(term, StringComparison.Ordinal)
                && (after.Length == 1 + term.Length || !char.IsLetter(after[1 + term.Length])))
                return true;
        }
        return false;
    }

    /// <summary>Endings of English adjectives and of the nouns of parties and creeds (a closed class): "republican", "democratic", "socialist", "democrat".</summary>
    internal static bool AdjectiveEnding(string lower) =>
        lower.EndsWith("an", StringComparison.Ordinal) || lower.EndsWith("ic", StringComparison.Ordinal) || lower.EndsWith("ist", StringComparison.Ordinal)
        || lower.EndsWith("al", StringComparison.Ordinal) || lower.EndsWith("ive", StringComparison.Ordinal) || lower.EndsWith("crat", StringComparison.Ordinal);

    /// <summary>
    /// One capitalised word with a lower-case letter, no common English word with an adjective's or a party's ending
    /// ("Republican", "Democratic" administrations are a party's; english-words.tsv, its proper nouns aside: "Trump",
    /// "Bush" are common words too), no country of the model's lists, no organisation's head, no
    /// organisation or place of the actor dictionaries.
    /// </summary>
    private static bool ReadsAsOfficeHolder(ReadOnlySpan<char> name, byte[] codes, EntityMention mention, Actors.ActorTable? actors)
    {
        if (name.Length < 2 || name.Contains(' ') || !char.IsUpper(name[0]) || !NameKeys.HasLower(name) || HasOrganisationHead(name))
            return false;
        var lower = name.ToString().ToLowerInvariant();
        if (EntityLexicons.EnglishWords.Contains(lower) && !EntityLexicons.EnglishNames.Contains(lower) && AdjectiveEnding(lower))
            return false;
        for (int t = mention.FirstToken; t < mention.FirstToken + mention.TokenCount; t++)
        {
            if (t >= codes.Length || (codes[t] & Gazetteer.Country) != 0)
                return false;
        }
        foreach (char c in name)
        {
            if (!char.IsLetter(c))
                return false;
        }
        return actors?.Of(name) is not { Type: "ORG" or "GPE" };
    }

    /// <summary>The word right before <paramref name="start"/> is an honorific ("Mr.", "Mrs", "Dr."), a word of its own.</summary>
    private static bool AfterHonorific(string text, int start)
    {
        int end = start;
        int spaces = 0;
        while (end > 0 && text[end - 1] == ' ')
        {
            end--;
            spaces++;
        }
        if (spaces == 0 || spaces > 1)
            return false;
        if (end > 0 && text[end - 1] == '.')
            end--;
        int begin = end;
        while (begin > 0 && char.IsLetter(text[begin - 1]))
            begin--;
        if (begin > 0 && (char.IsLetterOrDigit(text[begin - 1]) || text[begin - 1] is '.' or '-' or '\''))
            return false;
        return PersonOccurrences.HonorificLookup.Contains(text.AsSpan(begin, end - begin));
    }

    private static bool InnerCapital(ReadOnlySpan<char> s)
    {
        foreach (char c in s)
        {
            if (char.IsUpper(c))
                return true;
        }
        return false;
    }

    /// <summary>The name's last word, capitalised, is a place of local government's noun ("… County").</summary>
    private static bool EndsWithPlaceHead(ReadOnlySpan<char> name)
    {
        int space = name.TrimEnd().LastIndexOf(' ');
        if (space <= 0)
            return false;
        var last = name.TrimEnd()[(space + 1)..];
        return last.Length > 1 && char.IsUpper(last[0]) && NameKeys.HasLower(last) && EntityLexicons.PlaceHeads.Contains(last.ToString());
    }

    /// <summary>A capitalised word of the name is an organisation's head noun ("… Brigades", "… Ministry").</summary>
    internal static bool HasOrganisationHead(ReadOnlySpan<char> name)
    {
        int i = 0;
        while (i < name.Length)
        {
            while (i < name.Length && !char.IsLetter(name[i]))
                i++;
            int start = i;
            bool apostrophe = false;
            // "Kata’ib", "Asa'ib": a transliteration's apostrophe is inside the word, however it is printed.
            while (i < name.Length && (char.IsLetter(name[i]) || (name[i] is '\'' or '’' or 'ʼ' or '`' && i + 1 < name.Length && char.IsLetter(name[i + 1]) && i > start)))
                apostrophe |= !char.IsLetter(name[i++]);
            if (i > start && char.IsUpper(name[start])
                && (apostrophe ? EntityLexicons.OrganisationHeads.Contains(string.Concat(name[start..i].ToString().Where(char.IsLetter))) : EntityLexicons.OrganisationHeads.Contains(name[start..i])))
                return true;
        }
        return false;
    }

    /// <summary>
    /// The name is one country or city name of the model's lists, whole ("New York", not "Harvey Weinstein" of two
    /// town names), and no person's of its actor lists: a cue that it is a place, beside the tagger's guess.
    /// </summary>
    internal static bool IsWholePlaceName(byte[] codes, EntityMention mention)
    {
        int first = mention.FirstToken, end = mention.FirstToken + mention.TokenCount;
        if (first >= codes.Length || end > codes.Length || (codes[first] & 0x10) == 0 || (end < codes.Length && (codes[end] & 0x20) != 0))
            return false;
        for (int t = first; t < end; t++)
        {
            if ((codes[t] & (Gazetteer.Country | Gazetteer.City)) == 0 || (codes[t] & Gazetteer.Person) != 0 || (t > first && (codes[t] & 0x20) == 0))
                return false;
        }
        return true;
    }

    /// <summary>Every token of the name is part of a country or city name the model's lists know.</summary>
    internal static bool IsPlaceInGazetteer(byte[] codes, EntityMention mention)
    {
        for (int t = mention.FirstToken; t < mention.FirstToken + mention.TokenCount; t++)
        {
            if (t >= codes.Length || (codes[t] & (Gazetteer.Country | Gazetteer.City)) == 0)
                return false;
        }
        return true;
    }
}

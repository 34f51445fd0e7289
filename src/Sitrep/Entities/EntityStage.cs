using Sitrep.Entities.Actors;
using Sitrep.Entities.Resolution;
using Sitrep.Pipeline;
using Sitrep.Text;

namespace Sitrep.Entities;

/// <summary>
/// Names in the body: the trained tagger finds them in English text (other languages get none, with a
/// note), the rules of <see cref="MentionShaper"/>, <see cref="NameCompounds"/> and
/// <see cref="MentionEvidence"/> fix their bounds, and <see cref="TypeRefiner"/> gives them Sitrep's types.
/// </summary>
public sealed partial class EntityStage : IDocumentStage
{
    private readonly StageResource<NerModel> _model;
    private readonly StageResource<CountryTable> _countries;
    private readonly StageResource<ActorTable> _actors;

    public EntityStage()
        : this(NerModel.Default, CountryTable.Default, ActorTable.Default)
    {
    }

    public EntityStage(NerModel model)
        : this(model, CountryTable.Default, ActorTable.Default)
    {
    }

    public EntityStage(NerModel model, CountryTable countries, ActorTable actors)
        : this(StageResource<NerModel>.Given(model, m => m.Hash), StageResource<CountryTable>.Given(countries, c => c.Hash), StageResource<ActorTable>.Given(actors, a => a.Hash))
    {
    }

    private EntityStage(StageResource<NerModel> model, StageResource<CountryTable> countries, StageResource<ActorTable> actors)
    {
        _model = model;
        _countries = countries;
        _actors = actors;
    }

    /// <summary>The model and country table given, else the shipped ones, and the shipped actor tables, each loaded when the stage first runs.</summary>
    internal static EntityStage Shipped(NerModel? model, CountryTable? countries) => new(
        model is null ? StageResource<NerModel>.Shipped(() => NerModel.Default, () => NerModel.DefaultHash) : StageResource<NerModel>.Given(model, m => m.Hash),
        countries is null ? StageResource<CountryTable>.Shipped(() => CountryTable.Default, () => CountryTable.DefaultHash) : StageResource<CountryTable>.Given(countries, c => c.Hash),
        StageResource<ActorTable>.Shipped(() => ActorTable.Default, () => ActorTable.DefaultHash));

    public string Name => "ner";

    /// <summary>Bump the code version when tagging or typing rules change; the hashes of the model, the country and actor tables and the word lists are part of it.</summary>
    public string Version => StageVersion.Of("33", [_model.Hash, _countries.Hash, _actors.Hash, .. EntityLexicons.TaggingHashes]);

    public IReadOnlyList<Layer> Requires { get; } = [CoreLayers.Body, CoreLayers.Metadata, TextLayers.Tokens];

    public IReadOnlyList<Layer> Produces { get; } = [EntityLayers.Names];

    /// <summary>
    /// A name followed by another in brackets names one thing twice: an acronym ("Popular Front
    /// (PF)") or a translation ("Kata'ib X (X Brigades)"). The pair shares one type, an
    /// organisation's where either reads as one, and every later use of either name in the article
    /// takes that type too. A person's full name beside an organisation or place (<see cref="IsAffiliation"/>) is two things.
    /// </summary>
    internal static void ShareTypesOfNamesForOneThing(string text, List<Mention> mentions)
    {
        var known = new Dictionary<string, string>(StringComparer.Ordinal);
        // The names whose type the bracket itself says (a party tag, a state): a cue; a second name only shares a type.
        HashSet<string>? cued = null;
        for (int i = 1; i < mentions.Count; i++)
        {
            var name = mentions[i - 1];
            var bracketed = mentions[i];
            var kind = SecondName.Of(text, name, bracketed);
            if (kind == SecondNameKind.None)
                continue;
            if (kind == SecondNameKind.Spelling)
            {
                // Another spelling of the name before it (or of the spelling before that) is what that is.
                string spelled = known.GetValueOrDefault(Key(name.Text(text)), name.Type);
                known.TryAdd(Key(name.Text(text)), spelled);
                known[Key(bracketed.Text(text))] = spelled;
                continue;
            }
            // "Mike Pence (R-IN)": the party and state after a legislator's name say a person, whatever
            // the tagger made of the tag.
            if (Resolution.DocumentCoreference.IsPartyTag(bracketed.Text(text)) || IsBracketedPartyLetter(text, bracketed.Start, bracketed.End))
            {
                known[Key(name.Text(text))] = "PERSON";
                (cued ??= new HashSet<string>(StringComparer.Ordinal)).Add(Key(name.Text(text)));
                continue;
            }
            // "Betty Sutton (Ohio)": a state in brackets after a person says where the person is from or stands for; it is
            // no second name of theirs, and it and the article's other "Ohio"s are a place, whatever the tagger made of
            // it inside a list of names.
            if (name.Type == "PERSON" && (EntityLexicons.UsStates.Contains(bracketed.Text(text)) || EntityLexicons.IsStateShortForm(text, bracketed.Start, bracketed.End)))
            {
                if (known.TryAdd(Key(bracketed.Text(text)), "GPE"))
                    (cued ??= new HashSet<string>(StringComparer.Ordinal)).Add(Key(bracketed.Text(text)));
                continue;
            }
            // "the Islamic State in Iraq and Syria (ISIS)" with only "Syria" found: the acronym stands for more than the
            // place before it, which gives it no type.
            if (Acronyms.IsAcronym(bracketed.Text(text)) && name.Type is "GPE" or "LOC" && StandsForMore(text, name, bracketed))
                continue;
            // "Pat Rowe (Homeland Security)", "Lena Marsh (United Nations)" in a list of appointees: a person's full name
            // beside an organisation or place is where the person works, not a second name of theirs. Typing the person
            // as the organisation made coreference join the two into one entity.
            if (IsAffiliation(text, name, bracketed) || IsAffiliation(text, bracketed, name))
                continue;
            string type = Acronyms.IsAcronym(bracketed.Text(text)) || name.Type == "ORG" ? name.Type
                : bracketed.Type == "ORG" ? "ORG" : name.Type;
            known.TryAdd(Key(name.Text(text)), type);
            known.TryAdd(Key(bracketed.Text(text)), type);
        }
        if (known.Count == 0)
            return;
        for (int i = 0; i < mentions.Count; i++)
        {
            var key = Key(mentions[i].Text(text));
            if (known.TryGetValue(key, out var type) && (type != mentions[i].Type || cued?.Contains(key) == true))
                mentions[i] = mentions[i] with { Type = type, Cued = cued?.Contains(key) == true };
        }
    }

    /// <summary>
    /// A person's full name (typed a person, two to four words, the first a given name of the name files) and, beside it,
    /// a name of an organisation, place or thing that is no acronym: two things ("the Affordable Care Act (Tom Price)", a
    /// law and the person who would repeal it; the given name may be one given to both sexes, "Kelly Ayotte"). "Kataib Hezbollah (KH)" (an acronym) and
    /// "Ali Khamenei (Khamenei)" (two people's names) are still one.
    /// </summary>
    private static bool IsAffiliation(string text, Mention person, Mention other) =>
        person.Type == "PERSON" && other.Type is "ORG" or "GPE" or "LOC" or "MISC" && !Acronyms.IsAcronym(other.Text(text))
        && PlaceEvidence.OpensWithGivenName(text.AsSpan(person.Start, person.End - person.Start));

    /// <summary>
    /// The bracketed acronym has more letters than the name before it has words, opens with another letter than the
    /// name ("Syria (ISIS)"; "Selmara (SLM)" is the place's short form), and that name follows a lower-case joining word
    /// ("in Iraq and Syria", "of Iraq"): the name ends a longer one the tagger did not find whole.
    /// </summary>
    private static bool StandsForMore(string text, Mention name, Mention acronym)
    {
        int letters = 0;
        foreach (char c in text.AsSpan(acronym.Start, acronym.End - acronym.Start))
        {
            if (char.IsUpper(c))
                letters++;
        }
        int words = 1 + text.AsSpan(name.Start, name.End - name.Start).Count(' ');
        if (letters <= words || char.ToUpperInvariant(text[name.Start]) == text[acronym.Start])
            return false;
        var before = text.AsSpan(0, name.Start).TrimEnd();
        int start = before.LastIndexOf(' ') + 1;
        return before[start..] is "and" or "of" or "in" or "for" or "on" or "the" or "&";
    }

    private static string Key(string name) => name.Replace(".", "", StringComparison.Ordinal);

    public void Process(Pipeline.DocumentContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var metadata = context.Get(CoreLayers.Metadata);
        if (metadata.Language is { } language && language != "en")
        {
            // The tagger learned English: on other text it finds "names" in every capitalised noun.
            context.Note($"the text is in '{language}', and names are tagged in English text only: no mentions");
            context.Set(EntityLayers.Names, (IReadOnlyList<Mention>)[]);
            return;
        }
        var (tokens0, sentences0) = context.Get(TextLayers.Tokens);
        var view = TaggerView.Of(context.Text, tokens0, sentences0);
        context.Set(EntityLayers.Names, Tag(view, DocumentOutlets(metadata)));
    }

    /// <summary>The names of the text as the tagger reads it (<see cref="TaggerView"/>), typed.</summary>
    internal List<Mention> Tag(TaggerView view, IReadOnlySet<string>? documentOutlets)
    {
        var (text, tokens, sentences) = view;
        // The name-list codes of the whole text, for the types below and, sentence by sentence, for the tagger's features.
        var codes = new byte[tokens.Length];
        _model.Value.Gazetteer.Annotate(text, tokens, codes);
        var found = MentionShaper.Shape(text, tokens, Datelines.Apply(text, tokens, _model.Value.Recognize(text, tokens, sentences, codes)), _actors.Value);
        found = NameCompounds.Apply(text, tokens, found, _countries.Value);
        found = NameSpans.WithoutTimeWords(text, tokens, found);
        found = NameSpans.WithNamesJoinedByFor(text, tokens, found);
        found = NameSpans.WithWholeMiscNames(text, tokens, found);
        found = NameSpans.WithParticiplesOpeningNames(text, tokens, found);
        found = NameSpans.WithoutGreetings(text, tokens, found);
        found = DomainNames.Apply(text, tokens, found);
        found = MentionEvidence.WithOrganisationsBeforeTitles(text, tokens, found, _actors.Value);
        found = MentionEvidence.WithLeadingAcronymsSplit(text, tokens, found, _actors.Value);
        found = MentionEvidence.WithKnownOrganisations(text, tokens, found, _actors.Value);
        found = MentionEvidence.WithOutletsCompleted(text, tokens, found);
        found = MentionEvidence.WithNationalInstitutions(text, tokens, found, _countries.Value);
        found = MentionEvidence.WithoutTitlesAlone(text, tokens, found);
        found = MentionEvidence.WithoutTrailingTitles(text, tokens, found, _countries.Value, _actors.Value);
        found = MentionEvidence.WithPublisherPhrases(text, tokens, found, _countries.Value);
        found = MentionEvidence.AtEveryOccurrence(text, tokens, found);
        found = PersonOccurrences.Apply(text, tokens, found);
        found = MentionShaper.WithoutLeadingThe(text, tokens, found);
        (found, var cited) = MentionEvidence.WithDatedCitations(text, tokens, found);
        var mentions = new List<Mention>(found.Count);
        var inPlaceList = new List<bool>(found.Count);
        foreach (var m in found)
        {
            bool cue = true;
            var type = cited.Contains(m.Start) && m.Type != EntityTypes.Location ? "MEDIA" : TypeRefiner.Refine(text, tokens, codes, m, documentOutlets, _actors.Value, out cue);
            // A name written as a web address names a site: its ending is the cue.
            if (DomainNames.IsDomainName(text.AsSpan(m.Start, m.End - m.Start)))
                (type, cue) = (DomainNames.TypeOf(text.AsSpan(m.Start, m.End - m.Start), m.Type, type), true);
            mentions.Add(new Mention(m.Start, m.End, type) { Cued = cue });
            inPlaceList.Add(TypeRefiner.IsPlaceInGazetteer(codes, m));
        }
        CompanyEvidence.Apply(text, mentions, inPlaceList);
        ListTypes.Apply(text, mentions, inPlaceList);
        ShareTypesOfNamesForOneThing(text, mentions);
        OneTypePerName(text, mentions);
        SurnamesOfPeopleNamedInFull(text, mentions, inPlaceList, _actors.Value, _countries.Value);
        // After the one type per name and the bracket pairs, so a programme's cue types all its names and no vote undoes it.
        ProgrammeEvidence.Apply(text, mentions, inPlaceList, _actors.Value);
        CountiesNamedWithoutTheirHead(text, mentions);
        PlaceEvidence.Apply(text, mentions, _actors.Value, inPlaceList);
        CourtCases(text, mentions, _actors.Value, _countries.Value);
        mentions.RemoveAll(m => IsBracketedPartyTag(text, m));
        return mentions;
    }

    /// <summary>
    /// "Donald Trump … a Trump aide … Trump's inauguration", "Ron Paul … Paul told the crowd": a one-word name that is the
    /// surname of a person the article names in full (<see cref="PersonOccurrences.SurnameOf"/>: "Donald Trump Jr." too)
    /// is that person, where the tagger read it as an organisation, a place or a thing (a surname before a noun reads to
    /// it like a company's name, and the one-type vote then carries that guess to every occurrence). Kept: a name with a
    /// cue for its type anywhere in the article, a place the place lists know ("George Washington … in Washington",
    /// "Jordan") unless that place is also a given name and no country, capital or US state ("Paul", a town of the
    /// lists, beside "Ron Paul"), a name the actor dictionaries know ("Disney"), an acronym, and outlets (MEDIA) and
    /// natural places.
    /// </summary>
    internal static void SurnamesOfPeopleNamedInFull(string text, List<Mention> mentions, List<bool> inPlaceList, ActorTable actors, CountryTable? countries = null)
    {
        var surnames = PersonOccurrences.SurnamesOfPeople(text, mentions, static name => name);
        if (surnames is null)
            return;
        // "Kim Jong Un … Kim's visit", "Joe Biden … Joe's brother": the first word of a person named in full, found alone
        // and read as an organisation or a place, is that person too; never a place the lists know ("Orlando Bloom … in
        // Orlando"), nor a thing or adjective of the tagger's ("Muslim Uighur … Muslim").
        var firstNames = PersonOccurrences.FirstNamesOfPeople(text, mentions, static name => name);
        HashSet<string>? kept = null;
        for (int i = 0; i < mentions.Count; i++)
        {
            var m = mentions[i];
            if (m.Type != "PERSON" && firstNames?.Contains(m.Text(text)) == true && !surnames.Contains(m.Text(text))
                && (m.Type is "MISC" || m.Cued || inPlaceList[i]))
                (kept ??= new HashSet<string>(StringComparer.Ordinal)).Add(m.Text(text));
            if (m.Type == "PERSON" || !surnames.Contains(m.Text(text)))
                continue;
            // A place cue of the lists alone (the tagger's place, a town the gazetteer knows) does not keep a given name.
            bool listedPlace = inPlaceList[i] && (m.Type is "GPE" or "LOC");
            bool keep = m.Type is not ("ORG" or "GPE" or "MISC" or "FACILITY")
                || (listedPlace ? !IsGivenNameOnly(m.Text(text), countries) : m.Cued || inPlaceList[i]);
            if (keep)
                (kept ??= new HashSet<string>(StringComparer.Ordinal)).Add(m.Text(text));
        }
        for (int i = 0; i < mentions.Count; i++)
        {
            var m = mentions[i];
            if (m.Type is not ("ORG" or "GPE" or "MISC" or "FACILITY"))
                continue;
            var name = m.Text(text);
            bool firstName = m.Type != "MISC" && firstNames?.Contains(name) == true;
            if ((!surnames.Contains(name) && !firstName) || kept?.Contains(name) == true || Acronyms.IsAcronym(name) || actors.Of(name) is not null)
                continue;
            mentions[i] = m with { Type = "PERSON", Cued = false };
        }
    }

    /// <summary>
    /// "Pasco County … how goes Pasco?", "Macomb County … fought Macomb to a draw": a name the article also gives with the
    /// head of a place of local government ("County", "Township", "Borough": place-nouns.tsv, tag head) is that place
    /// where the tagger read it as an organisation, a person or a thing with no cue for it. Not a part of a person
    /// named in full ("Thomas Jefferson … Jefferson County … Jefferson wrote").
    /// </summary>
    internal static void CountiesNamedWithoutTheirHead(string text, List<Mention> mentions)
    {
        HashSet<string>? places = null;
        foreach (var m in mentions)
        {
            if (m.Type != "GPE")
                continue;
            var name = text.AsSpan(m.Start, m.End - m.Start);
            int space = name.LastIndexOf(' ');
            if (space > 0 && char.IsUpper(name[space + 1]) && EntityLexicons.PlaceHeads.GetAlternateLookup<ReadOnlySpan<char>>().Contains(name[(space + 1)..]))
                (places ??= new HashSet<string>(StringComparer.Ordinal)).Add(name[..space].ToString());
        }
        if (places is null)
            return;
        var surnames = PersonOccurrences.SurnamesOfPeople(text, mentions, static name => name);
        var firstNames = PersonOccurrences.FirstNamesOfPeople(text, mentions, static name => name);
        for (int i = 0; i < mentions.Count; i++)
        {
            var m = mentions[i];
            if (m.Type is not ("ORG" or "PERSON" or "MISC") || m.Cued)
                continue;
            var name = m.Text(text);
            if (places.Contains(name) && surnames?.Contains(name) != true && firstNames?.Contains(name) != true)
                mentions[i] = m with { Type = "GPE", Cued = false };
        }
    }

    /// <summary>
    /// "Roe v. Wade", "Marbury v. Madison": a name of two parties joined by "v." is a court case, a thing (MISC),
    /// whatever the tagger made of its first party. The first party of such a case written alone in the same article ("if
    /// Roe is overturned", "the court upheld Brown") is the case where the tagger read it as an organisation, a place or a
    /// facility: not a country, a capital or a US state ("Texas v. Johnson … in Texas"), not a name the actor dictionaries
    /// know, no acronym, and not a person the article names in full or with a title (the surname of "Sarah Weddington" and
    /// of a party named so stay the person's).
    /// </summary>
    internal static void CourtCases(string text, List<Mention> mentions, ActorTable actors, CountryTable? countries = null)
    {
        // "Haldane v. Corvel" found as two names: the case is one name, from its first party to its second.
        for (int i = mentions.Count - 2; i >= 0; i--)
        {
            if (mentions[i + 1].Start - mentions[i].End == CaseJointText.Length
                && text.AsSpan(mentions[i].End, CaseJointText.Length).SequenceEqual(CaseJointText)
                && char.IsUpper(text[mentions[i].Start]) && char.IsUpper(text[mentions[i + 1].Start]))
            {
                mentions[i] = new Mention(mentions[i].Start, mentions[i + 1].End, "MISC") { Cued = true };
                mentions.RemoveAt(i + 1);
            }
        }
        HashSet<string>? parties = null;
        for (int i = 0; i < mentions.Count; i++)
        {
            var name = text.AsSpan(mentions[i].Start, mentions[i].End - mentions[i].Start);
            int joint = CaseJoint(name);
            if (joint < 0)
                continue;
            if (mentions[i].Type != "MISC")
                mentions[i] = mentions[i] with { Type = "MISC", Cued = true };
            (parties ??= new HashSet<string>(StringComparer.Ordinal)).Add(name[..joint].ToString());
        }
        if (parties is null)
            return;
        var surnames = PersonOccurrences.SurnamesOfPeople(text, mentions, static name => name);
        var firstNames = PersonOccurrences.FirstNamesOfPeople(text, mentions, static name => name);
        HashSet<string>? people = null;
        foreach (var m in mentions)
        {
            if (m.Type == "PERSON" && m.Cued)
                (people ??= new HashSet<string>(StringComparer.Ordinal)).Add(m.Text(text));
        }
        for (int i = 0; i < mentions.Count; i++)
        {
            var m = mentions[i];
            if (m.Type is not ("ORG" or "GPE" or "LOC" or "FACILITY"))
                continue;
            var name = m.Text(text);
            if (!parties.Contains(name) || name.Contains(' ', StringComparison.Ordinal) || Acronyms.IsAcronym(name) || actors.Of(name) is not null
                || surnames?.Contains(name) == true || firstNames?.Contains(name) == true || people?.Contains(name) == true
                || IsCountryCapitalOrState(name, countries))
                continue;
            mentions[i] = m with { Type = "MISC", Cued = false };
        }
    }

    /// <summary>
    /// What joins the parties of a court case as the law reports write it. "vs." is not read so: "Trump vs. Biden" heads
    /// articles about a contest.
    /// </summary>
    private const string CaseJointText = " v. ";

    /// <summary>Where " v. " joins two capitalised parties in <paramref name="name"/>; -1 where it does not.</summary>
    private static int CaseJoint(ReadOnlySpan<char> name)
    {
        int at = name.IndexOf(CaseJointText, StringComparison.Ordinal);
        return at > 0 && char.IsUpper(name[0]) && char.IsLetter(name[at - 1]) && at + CaseJointText.Length < name.Length
            && char.IsUpper(name[at + CaseJointText.Length]) ? at : -1;
    }

    /// <summary>A given name of the name files ("Paul") that is no country, capital or US state ("Jordan", "Washington" are).</summary>
    private static bool IsGivenNameOnly(string name, CountryTable? countries) =>
        PersonGenders.GivenNames.ContainsKey(name.ToLowerInvariant()) && !IsCountryCapitalOrState(name, countries);

    /// <summary>A country, a capital or a US state by that name ("Jordan", "Washington", "Texas"): a place whatever else it may be.</summary>
    private static bool IsCountryCapitalOrState(string name, CountryTable? countries) =>
        EntityLexicons.UsStates.Contains(name) || countries?.CountryOf(name) is not null || countries?.CapitalOf(name) is not null;

    /// <summary>
    /// "(R-Ariz.)", ", D-N.Y.,": a legislator's party and state after the name say who the person is,
    /// they name no place or body of their own (the person before it keeps its type, see
    /// <see cref="ShareTypesOfNamesForOneThing"/>). Only in brackets or between commas, with a party letter,
    /// a hyphen and a short capitalised state: "D-Day" is a name.
    /// </summary>
    internal static bool IsBracketedPartyTag(string text, Mention m)
    {
        var s = text.AsSpan(m.Start, m.End - m.Start);
        if (IsBracketedPartyLetter(text, m.Start, m.End))
            return true;
        if (s.Length < 3 || s[0] is not ('R' or 'D' or 'I') || s[1] != '-' || !char.IsUpper(s[2]))
            return false;
        var state = s[2..].TrimEnd('.');
        if (state.Length > 6 || state.Length < 2)
            return false;
        foreach (char c in state)
        {
            if (!char.IsLetter(c) && c != '.')
                return false;
        }
        int before = m.Start - 1;
        while (before >= 0 && text[before] == ' ')
            before--;
        return before >= 0 && (text[before] == '(' || (text[before] == ',' && before + 1 < m.Start));
    }

    /// <summary>
    /// "Sen. Lindsey Graham (R., S.C.)", "Rep. Elijah Cummings (D., Md.)": the party's letter alone with its full stop, right
    /// after an opening bracket and before a comma and a capitalised state, is the legislator's party (the style that writes
    /// the party apart from the state); it names no place. "(D.C.)", "(R.I.)" (no comma after the letter) are places.
    /// </summary>
    private static bool IsBracketedPartyLetter(string text, int start, int end)
    {
        if (end - start != 2 || text[start] is not ('R' or 'D' or 'I') || text[start + 1] != '.')
            return false;
        int before = start - 1;
        while (before >= 0 && text[before] == ' ')
            before--;
        if (before < 0 || text[before] != '(')
            return false;
        int after = end;
        if (after >= text.Length || text[after] != ',')
            return false;
        after++;
        while (after < text.Length && text[after] == ' ')
            after++;
        return after < text.Length && char.IsUpper(text[after]);
    }

    /// <summary>The outlets the document's metadata names (its outlet, the original publisher), as exact name keys.</summary>
    private static HashSet<string>? DocumentOutlets(Documents.DocumentMetadata metadata)
    {
        HashSet<string>? keys = null;
        foreach (var name in (ReadOnlySpan<string?>)[metadata.Outlet, metadata.OriginalPublisher])
        {
            if (string.IsNullOrWhiteSpace(name))
                continue;
            foreach (var form in (ReadOnlySpan<string>)[name, OutletListBuilder.Clean(name)])
            {
                var key = NameKeys.Exact(form);
                if (key.Length > 0)
                    (keys ??= new HashSet<string>(StringComparer.Ordinal)).Add(key);
            }
        }
        return keys;
    }

    /// <summary>
    /// One name, one type in an article: where the same name (however apostrophes and dots are written)
    /// got different types, every occurrence takes the type most got; a tie goes to the more specific
    /// evidence (an outlet or facility over an organisation or place).
    /// </summary>
    internal static void OneTypePerName(string text, List<Mention> mentions)
    {
        int n = mentions.Count;
        if (n < 2)
            return;
        // Each name's first mention by its key, the others chained from it through next[] (as LabelConsistency
        // does), keys looked up by span and written on the stack where they can be: a string of every
        // mention's name, one of its key and a list of every name were made for every article.
        var firsts = new Dictionary<string, int>(StringComparer.Ordinal);
        var lookup = firsts.GetAlternateLookup<ReadOnlySpan<char>>();
        var rented = System.Buffers.ArrayPool<int>.Shared.Rent(2 * n);
        try
        {
            var next = rented.AsSpan(0, n);
            var last = rented.AsSpan(n, n);
            Span<char> buffer = stackalloc char[256];
            for (int i = 0; i < n; i++)
            {
                next[i] = -1;
                var name = text.AsSpan(mentions[i].Start, mentions[i].End - mentions[i].Start);
                ReadOnlySpan<char> key = NameKeys.TryExact(name, buffer, out int written) ? buffer[..written] : NameKeys.Exact(name.ToString());
                if (key.Length == 0)
                    continue;
                if (lookup.TryGetValue(key, out int first))
                {
                    next[last[first]] = i;
                    last[first] = i;
                }
                else
                {
                    lookup[key] = i;
                    last[i] = i;
                }
            }
            foreach (int first in firsts.Values)
            {
                if (next[first] < 0 || OneType(mentions, first, next))
                    continue;
                var list = new List<int>();
                for (int i = first; i >= 0; i = next[i])
                    list.Add(i);
                var best = CuedMajority(mentions, list) ?? Majority(mentions, list);
                foreach (int i in list)
                {
                    if (mentions[i].Type != best)
                        mentions[i] = mentions[i] with { Type = best, Cued = false };
                }
            }
        }
        finally
        {
            System.Buffers.ArrayPool<int>.Shared.Return(rented);
        }
    }

    private static bool OneType(List<Mention> mentions, int first, ReadOnlySpan<int> next)
    {
        for (int i = next[first]; i >= 0; i = next[i])
        {
            if (mentions[i].Type != mentions[first].Type)
                return false;
        }
        return true;
    }

    /// <summary>
    /// "PERSON" where some of a name's mentions are cued as a person's (an honorific, a title, "Jr.": "Mr. Trump" among
    /// "the Trump campaign"s read as an organisation) and more of its cued mentions are that than any other type: the
    /// article's own word for who it is outweighs the tagger's guesses at its other occurrences, however many. Other cues
    /// do not outweigh the tagger's majority: they are weaker beside it ("Clifford" once read as a cited publisher beside
    /// seven of a person's; "Republican" once beside a facility's noun). Null otherwise.
    /// </summary>
    private static string? CuedMajority(List<Mention> mentions, List<int> list) =>
        CuedLeader(mentions, list) is "PERSON" ? "PERSON" : null;

    private static string? CuedLeader(List<Mention> mentions, List<int> list)
    {
        string? best = null, second = null;
        int bestCount = 0, secondCount = 0;
        foreach (var type in list.Where(i => mentions[i].Cued).Select(i => mentions[i].Type).Distinct())
        {
            int count = list.Count(i => mentions[i].Cued && mentions[i].Type == type);
            if (count > bestCount)
            {
                (second, secondCount) = (best, bestCount);
                (best, bestCount) = (type, count);
            }
            else if (count > secondCount)
            {
                (second, secondCount) = (type, count);
            }
        }
        return best is not null && (second is null || bestCount > secondCount) ? best : null;
    }

    /// <summary>The type most of a name's mentions got, the more specific on a tie (a method of its own, so its lambdas' closure is made only for a name that needs it).</summary>
    private static string Majority(List<Mention> mentions, List<int> list) =>
        list.GroupBy(i => mentions[i].Type).OrderByDescending(g => g.Count()).ThenBy(g => Specificity(g.Key)).First().Key;

    private static int Specificity(string type) => type switch
    {
        "MEDIA" => 0,
        "FACILITY" => 1,
        "PERSON" => 2,
        "ORG" => 3,
        "GPE" => 4,
        "LOC" => 5,
        _ => 6,
    };
}

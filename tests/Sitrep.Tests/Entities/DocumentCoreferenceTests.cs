using Sitrep.Entities;
using Sitrep.Documents;
using Sitrep.Entities.Resolution;

namespace Sitrep.Tests.Entities;

/// <summary>Coreference within one article, on mentions given by hand, so only the grouping rules are under test.</summary>
public sealed class DocumentCoreferenceTests
{
    private static (Mention[] Mentions, DocumentEntity[] Entities) Resolve(string text, params (string Text, string Type)[] names)
    {
        var mentions = new List<Mention>();
        int from = 0;
        foreach (var (name, type) in names)
        {
            int start = text.IndexOf(name, from, StringComparison.Ordinal);
            Assert.True(start >= 0, name);
            mentions.Add(new Mention(start, start + name.Length, type));
            from = start + name.Length;
        }
        return DocumentCoreference.Resolve(text, mentions, CountryTable.Default);
    }

    [Fact]
    public void An_acronym_the_dictionaries_give_a_meaning_does_not_unasked_spell_another_name()
    {
        var actors = Sitrep.Entities.Actors.ActorTable.Parse("vu\tORG\t\tigo\t\nvalorian union\tORG\t\tigo\t\n", "", "");
        (Mention[] Mentions, DocumentEntity[] Entities) Run(string text, params (string Text, string Type)[] names)
        {
            var mentions = new List<Mention>();
            int from = 0;
            foreach (var (name, type) in names)
            {
                int start = text.IndexOf(name, from, StringComparison.Ordinal);
                mentions.Add(new Mention(start, start + name.Length, type));
                from = start + name.Length;
            }
            return DocumentCoreference.Resolve(text, mentions, CountryTable.Default, actors);
        }

        // "V.U." is the union the dictionaries know it as, not the university the article names elsewhere.
        var (m, _) = Run("Delegates to the V.U. met on Monday. Students at the Vantor University marched.", ("V.U.", "ORG"), ("Vantor University", "ORG"));
        Assert.NotEqual(m[0].Entity, m[1].Entity);
        // Its own meaning is still spelled by it, and so is a name it abbreviates that has no meaning listed.
        (m, _) = Run("The Valorian Union said the V.U. would meet.", ("Valorian Union", "ORG"), ("V.U.", "ORG"));
        Assert.Equal(m[0].Entity, m[1].Entity);
        (m, _) = Run("The Karst Mining Board said the KMB would meet.", ("Karst Mining Board", "ORG"), ("KMB", "ORG"));
        Assert.Equal(m[0].Entity, m[1].Entity);
    }

    [Fact]
    public void A_surname_is_the_person_named_before_it_and_takes_the_person_type()
    {
        var (m, e) = Resolve(
            "Adnan al-Zurufi met party leaders. Later al-Zurufi said the cabinet was ready, and Zurufi's allies agreed.",
            ("Adnan al-Zurufi", "PERSON"), ("al-Zurufi", "ORG"), ("Zurufi's", "MISC"));
        Assert.Equal(m[0].Entity, m[1].Entity);
        Assert.Equal(m[0].Entity, m[2].Entity);
        Assert.Equal("PERSON", m[1].Type);
        Assert.Equal("Adnan al-Zurufi", e[m[1].Entity].Name);
    }

    [Fact]
    public void A_surname_two_people_in_the_article_share_is_neither_of_them()
    {
        var (m, _) = Resolve(
            "Bill Clinton and Hillary Clinton arrived together. Clinton spoke first, and Hillary Clinton left early.",
            ("Bill Clinton", "PERSON"), ("Hillary Clinton", "PERSON"), ("Clinton", "PERSON"), ("Hillary Clinton", "PERSON"));
        Assert.NotEqual(m[0].Entity, m[1].Entity);
        Assert.NotEqual(m[0].Entity, m[2].Entity);
        Assert.NotEqual(m[1].Entity, m[2].Entity);
        Assert.Equal(m[1].Entity, m[3].Entity);
    }

    [Fact]
    public void A_full_name_with_and_without_a_middle_initial_is_one_person_and_the_surname_theirs()
    {
        var (m, _) = Resolve(
            "Venn was picked on Friday. Talbot R. Venn, a former prosecutor, will advise the court. Venn declined to comment, and Talbot Venn's allies praised the pick. Venn starts in May.",
            ("Venn", "PERSON"), ("Talbot R. Venn", "PERSON"), ("Venn", "PERSON"), ("Talbot Venn", "PERSON"), ("Venn", "PERSON"));
        Assert.Equal(m[1].Entity, m[3].Entity);
        Assert.Equal(m[1].Entity, m[0].Entity);
        Assert.Equal(m[1].Entity, m[2].Entity);
        Assert.Equal(m[1].Entity, m[4].Entity);
    }

    [Fact]
    public void Full_names_with_two_sets_of_initials_stay_two_people()
    {
        var (m, _) = Resolve(
            "Orrin K. L. Dabney led the firm before Orrin L. Dabney took over. Orrin Dabney praised the staff, and Dabney left in June.",
            ("Orrin K. L. Dabney", "PERSON"), ("Orrin L. Dabney", "PERSON"), ("Orrin Dabney", "PERSON"), ("Dabney", "PERSON"));
        Assert.NotEqual(m[0].Entity, m[1].Entity);
        Assert.NotEqual(m[0].Entity, m[2].Entity);
        Assert.NotEqual(m[1].Entity, m[2].Entity);
        Assert.NotEqual(m[0].Entity, m[3].Entity);
        Assert.NotEqual(m[1].Entity, m[3].Entity);
    }

    [Fact]
    public void A_person_and_the_party_and_state_after_the_name_stay_apart()
    {
        var (m, _) = Resolve(
            "Senators Dan Reyes (D-N.J.) and Amy Holt (D-N.J.) voted no.",
            ("Dan Reyes", "PERSON"), ("D-N.J.", "MISC"), ("Amy Holt", "PERSON"), ("D-N.J.", "MISC"));
        Assert.NotEqual(m[0].Entity, m[2].Entity);
        Assert.NotEqual(m[0].Entity, m[1].Entity);
    }

    [Fact]
    public void People_listed_with_or_and_states_in_brackets_stay_apart()
    {
        var (m, _) = Resolve(
            "Every candidate not named Ruiz or Brandt cheered. Nan Aldo (N.Y.) and Kay Berrow (N.Y.) voted no. Aldo said why.",
            ("Ruiz", "PERSON"), ("Brandt", "PERSON"), ("Nan Aldo", "PERSON"), ("N.Y.", "PERSON"), ("Kay Berrow", "PERSON"), ("N.Y.", "PERSON"), ("Aldo", "PERSON"));
        Assert.NotEqual(m[0].Entity, m[1].Entity);
        Assert.NotEqual(m[2].Entity, m[4].Entity);
        Assert.Equal(m[2].Entity, m[6].Entity);
    }

    [Fact]
    public void Country_names_and_a_capital_acting_for_its_government_are_one_country()
    {
        var (m, e) = Resolve(
            "U.S. officials said America would stay. Washington warned Tehran, and flights to Tehran stopped. The United States agreed.",
            ("U.S.", "ORG"), ("America", "GPE"), ("Washington", "GPE"), ("Tehran", "GPE"), ("Tehran", "GPE"), ("United States", "GPE"));
        Assert.Equal(m[0].Entity, m[1].Entity);
        Assert.Equal(m[0].Entity, m[2].Entity);
        Assert.Equal(m[0].Entity, m[5].Entity);
        Assert.Equal("USA", e[m[0].Entity].Country);
        Assert.Equal("United States", e[m[0].Entity].Name);
        Assert.Equal("GPE", m[0].Type);
        Assert.NotEqual(m[3].Entity, m[4].Entity);
        Assert.Equal("IRN", e[m[3].Entity].Country);
        Assert.Null(e[m[4].Entity].Country);
    }

    [Fact]
    public void Brackets_acronyms_and_short_forms_name_the_organisation_before_them()
    {
        var (m, _) = Resolve(
            "The Iraqi Popular Mobilization Forces (P.M.F.) and the Harakat al-Nujaba (Nujaba Movement) met the Islamic Revolutionary Guard Corps. The PMF said the Guards agreed, but Hezbollah did not.",
            ("Iraqi Popular Mobilization Forces", "ORG"), ("P.M.F.", "ORG"), ("Harakat al-Nujaba", "ORG"), ("Nujaba Movement", "ORG"),
            ("Islamic Revolutionary Guard Corps", "ORG"), ("PMF", "ORG"), ("Guards", "ORG"), ("Hezbollah", "ORG"));
        Assert.Equal(m[0].Entity, m[1].Entity);
        Assert.Equal(m[0].Entity, m[5].Entity);
        Assert.Equal(m[2].Entity, m[3].Entity);
        Assert.Equal(m[4].Entity, m[6].Entity);
        // The PMF, the Nujaba movement, the Guards, and Hezbollah (a name inside none of the others' short forms).
        Assert.Equal(4, m.Select(x => x.Entity).Distinct().Count());
    }

    [Fact]
    public void A_place_and_the_outlet_reporting_from_it_stay_apart()
    {
        var (m, _) = Resolve("BAGHDAD (Reuters) - Rockets hit the Green Zone. ERBIL (AP) - Flights stopped.",
            ("BAGHDAD", "GPE"), ("Reuters", "ORG"), ("ERBIL", "GPE"), ("AP", "ORG"));
        Assert.NotEqual(m[0].Entity, m[1].Entity);
        Assert.NotEqual(m[2].Entity, m[3].Entity);
    }

    [Fact]
    public void Datelines_state_codes_and_dotted_acronyms_join_no_one()
    {
        var (m, _) = Resolve(
            "TRENTON, N.J. (Reuters) - Gwen Ardo (WI) met Kim Jong Un at the U.N. and the European Union (EU) said so.",
            ("N.J.", "ORG"), ("Reuters", "ORG"), ("Gwen Ardo", "ORG"), ("WI", "ORG"), ("Kim Jong Un", "PERSON"), ("U.N.", "ORG"),
            ("European Union", "ORG"), ("EU", "ORG"));
        Assert.NotEqual(m[0].Entity, m[1].Entity);
        Assert.NotEqual(m[2].Entity, m[3].Entity);
        Assert.NotEqual(m[4].Entity, m[5].Entity);
        Assert.Equal(m[6].Entity, m[7].Entity);
    }

    [Fact]
    public void An_institution_is_not_its_own_committee()
    {
        var (m, _) = Resolve(
            "The Senate Judiciary Committee met on Monday, the Senate voted on Tuesday, and the Judiciary Committee met again.",
            ("Senate Judiciary Committee", "ORG"), ("Senate", "ORG"), ("Judiciary Committee", "ORG"));
        Assert.NotEqual(m[0].Entity, m[1].Entity);
        Assert.Equal(m[0].Entity, m[2].Entity);
    }

    [Fact]
    public void A_short_form_inside_two_different_names_is_neither()
    {
        var (m, _) = Resolve(
            "The Democratic Party and the Republican Party met. The Party said nothing.",
            ("Democratic Party", "ORG"), ("Republican Party", "ORG"), ("Party", "ORG"));
        Assert.Equal(3, m.Select(x => x.Entity).Distinct().Count());
    }

    [Fact]
    public void An_outlet_and_a_base_are_named_with_and_without_their_kind()
    {
        var (m, _) = Resolve(
            "The Tasnim news agency said the Taji base was hit. Tasnim added that Camp Taji had been evacuated.",
            ("Tasnim news agency", "MEDIA"), ("Taji base", "FACILITY"), ("Tasnim", "MEDIA"), ("Camp Taji", "FACILITY"));
        Assert.Equal(m[0].Entity, m[2].Entity);
        Assert.Equal(m[1].Entity, m[3].Entity);
        Assert.NotEqual(m[0].Entity, m[1].Entity);
    }

    [Fact]
    public void A_state_abbreviation_as_a_place_is_the_united_states_not_a_country_of_that_code()
    {
        // "N.C." is New Caledonia's ISO code NC and its initials; AP writes it for North Carolina.
        var (m, e) = Resolve("The storm reached Raleigh, N.C., on Friday. Shelters in N.C. stayed open.",
            ("Raleigh", "GPE"), ("N.C.", "GPE"), ("N.C.", "GPE"));
        var state = e[m[1].Entity];
        Assert.Null(state.Country);
        Assert.Equal("N.C.", state.Name);
        Assert.Equal("USA", state.Nationality);
        Assert.Equal(m[1].Entity, m[2].Entity);
    }

    [Fact]
    public void A_state_named_like_a_country_is_read_by_the_other_places_of_its_article()
    {
        // Beside other U.S. states, the state.
        var (m, e) = Resolve("Polls closed in Georgia and Tennessee at 7 p.m., and officials in Georgia reported long lines.",
            ("Georgia", "GPE"), ("Tennessee", "GPE"), ("Georgia", "GPE"));
        Assert.Null(e[m[0].Entity].Country);
        Assert.Equal("USA", e[m[0].Entity].Nationality);
        // With its capital named, the country.
        (m, e) = Resolve("Russian troops entered Georgia in 2008, and leaders in Tbilisi asked for help.",
            ("Georgia", "GPE"), ("Tbilisi", "GPE"));
        Assert.Equal("GEO", e[m[0].Entity].Country);
        // Among other countries and no other state, the country.
        (m, e) = Resolve("Protests swept Ukraine, Georgia, Armenia and Moldova that year.",
            ("Ukraine", "GPE"), ("Georgia", "GPE"), ("Armenia", "GPE"), ("Moldova", "GPE"));
        Assert.Equal("GEO", e[m[1].Entity].Country);
        // With no evidence either way, no country rather than a wrong one.
        (m, e) = Resolve("The festival in Georgia drew large crowds.", ("Georgia", "GPE"));
        Assert.Null(e[m[0].Entity].Country);
        Assert.Null(e[m[0].Entity].Nationality);
        // A territory keeps its own code: Puerto Rico beside a state is still PRI.
        (m, e) = Resolve("Aid reached Puerto Rico and Florida.", ("Puerto Rico", "GPE"), ("Florida", "GPE"));
        Assert.Equal("PRI", e[m[0].Entity].Country);
    }

    [Fact]
    public void Two_capitals_in_a_role_are_a_country_only_as_its_initials()
    {
        // A role in capitals: "IN" is the word in, not India's ISO code; "ME" is not Montenegro's; "US" is the United States' initials.
        string Of(string role)
        {
            const string text = "Dale Marrow spoke.";
            return Affiliations.Of(text, [new Mention(0, 11, "PERSON")], [0], "PERSON", null, [role], ["Dale Marrow"],
                CountryTable.Default, Sitrep.Entities.Actors.ActorTable.Default).Country ?? "none";
        }
        Assert.Equal("USA", Of("TRIBUTES POUR IN FOR US REP."));
        Assert.Equal("none", Of("CALL ME SENATOR"));
        Assert.Equal("GBR", Of("UK AMBASSADOR"));
    }
}

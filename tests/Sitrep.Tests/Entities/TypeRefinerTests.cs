using Sitrep.Entities;
using Sitrep.Text;

namespace Sitrep.Tests.Entities;

/// <summary>The tagger's four types become Sitrep's seven from the name and its sentence.</summary>
public sealed class TypeRefinerTests
{
    private static string Refine(string text, string name, string taggerType)
    {
        var tokens = Tokenizer.Tokenize(text);
        int start = text.IndexOf(name, StringComparison.Ordinal);
        int first = Array.FindIndex(tokens, t => t.Start == start);
        int last = Array.FindIndex(tokens, t => t.End == start + name.Length);
        return TypeRefiner.Refine(text, tokens, new byte[tokens.Length], new EntityMention(start, start + name.Length, taggerType, first, last - first + 1));
    }

    [Theory]
    [InlineData("Drones struck the depot near Camp Varrow on Monday.", "Camp Varrow", "ORG", "FACILITY")]
    [InlineData("A battery was deployed to the Ketla air base last week.", "Ketla air base", "MISC", "FACILITY")]
    [InlineData("Rockets hit Ain Sorel base again.", "Ain Sorel", "LOC", "FACILITY")]
    [InlineData("The Aldmere Ledger reported the raid first.", "Aldmere Ledger", "ORG", "MEDIA")]
    [InlineData("Speaking to the state news agency, Varta, the minister denied it.", "Varta", "ORG", "MEDIA")]
    [InlineData("Talks resumed in Bellamar on Sunday.", "Bellamar", "LOC", "GPE")]
    [InlineData("Drones flew over Tal Sorel, the base that was shelled in May.", "Tal Sorel", "LOC", "FACILITY")]
    [InlineData("Storms closed the Serin Gulf to shipping.", "Serin Gulf", "LOC", "LOC")]
    [InlineData("Ilse Marakova denied the report.", "Ilse Marakova", "PER", "PERSON")]
    [InlineData("The Kestrel Brigades claimed the attack.", "Kestrel Brigades", "ORG", "ORG")]
    [InlineData("Valdorian officials were not available.", "Valdorian", "MISC", "MISC")]
    public void A_name_gets_the_type_its_words_and_sentence_give_it(string sentence, string name, string taggerType, string expected) =>
        Assert.Equal(expected, Refine(sentence, name, taggerType));

    [Fact]
    public void The_entity_stage_finds_typed_names_with_offsets_into_the_body()
    {
        var pipeline = Sitrep.Tests.TestSupport.TestPipelines.Full;
        const string body = "Defence Minister Anselm Ruvane flew to Berlin on Monday, the Harbor Ledger reported. He met officials of the European Union there.";
        var doc = pipeline.Analyze(new Sitrep.Documents.ArticleInput("spec:entities", "entities", Sitrep.Documents.InputFormat.PlainText, body, Sitrep.Documents.StatedMetadata.None, []));

        Assert.Contains(doc.Mentions(), m => m.Text(doc.Text) == "Anselm Ruvane" && m.Type == "PERSON");
        Assert.Contains(doc.Mentions(), m => m.Text(doc.Text) == "Berlin" && m.Type == "GPE");
        Assert.Contains(doc.Mentions(), m => m.Text(doc.Text).EndsWith("Harbor Ledger", StringComparison.Ordinal) && m.Type == "MEDIA");
        Assert.All(doc.Mentions(), m => Assert.True(m.Start >= 0 && m.End <= doc.Text.Length && m.Start < m.End));
    }

    [Fact]
    public void An_acronym_defined_after_a_name_takes_its_type_here_and_later()
    {
        const string text = "Fighters of the Marren Popular Front (MPF) crossed the river. Later the MPF denied it.";
        var mentions = new List<Mention>
        {
            new(text.IndexOf("Marren Popular Front", StringComparison.Ordinal), text.IndexOf(" (MPF)", StringComparison.Ordinal), "ORG"),
            new(text.IndexOf("MPF", StringComparison.Ordinal), text.IndexOf("MPF", StringComparison.Ordinal) + 3, "MISC"),
            new(text.LastIndexOf("MPF", StringComparison.Ordinal), text.LastIndexOf("MPF", StringComparison.Ordinal) + 3, "GPE"),
        };
        EntityStage.ShareTypesOfNamesForOneThing(text, mentions);
        Assert.Equal(["ORG", "ORG", "ORG"], mentions.Select(m => m.Type).ToArray());
    }

    [Fact]
    public void A_translation_in_brackets_or_a_second_name_after_known_as_shares_the_organisation_type_everywhere()
    {
        const string text = "Kata'ib Sorel (Sorel Brigades) fired again. Later Kata'ib Sorel denied it. The group known as Jaish Tavir or Tavir Battalions agreed.";
        Mention At(string name, string type, int from = 0)
        {
            int i = text.IndexOf(name, from, StringComparison.Ordinal);
            return new(i, i + name.Length, type);
        }
        var mentions = new List<Mention>
        {
            At("Kata'ib Sorel", "GPE"), At("Sorel Brigades", "ORG"), At("Kata'ib Sorel", "PERSON", 30),
            At("Jaish Tavir", "PERSON"), At("Tavir Battalions", "ORG"),
        };
        EntityStage.ShareTypesOfNamesForOneThing(text, mentions);
        Assert.Equal(["ORG", "ORG", "ORG", "ORG", "ORG"], mentions.Select(m => m.Type).ToArray());
    }

    [Fact]
    public void A_surname_of_a_person_named_in_full_is_that_person_unless_cued_or_a_listed_place()
    {
        const string text = "Dalmore Quennell won. A Quennell aide spoke, and Quennell smiled. Ada Calvenny sailed from Calvenny. Ivo Marlow left Marlow Holdings.";
        Mention At(string name, string type, int from = 0, bool cued = false)
        {
            int i = text.IndexOf(name, from, StringComparison.Ordinal);
            return new(i, i + name.Length, type) { Cued = cued };
        }
        var mentions = new List<Mention>
        {
            At("Dalmore Quennell", "PERSON"), At("Quennell", "ORG", 20), At("Quennell", "ORG", 40),
            At("Ada Calvenny", "PERSON"), At("Calvenny", "GPE", text.IndexOf("from", StringComparison.Ordinal)),
            At("Ivo Marlow", "PERSON"), At("Marlow", "ORG", text.IndexOf("left", StringComparison.Ordinal), cued: true),
        };
        // "Calvenny" is a place the place lists know (in the stage, the gazetteer says so); "Marlow" is cued as an organisation once.
        var inPlaceList = new List<bool> { false, false, false, false, true, false, false };
        EntityStage.SurnamesOfPeopleNamedInFull(text, mentions, inPlaceList, Sitrep.Entities.Actors.ActorTable.Empty);
        Assert.Equal(["PERSON", "PERSON", "PERSON", "PERSON", "GPE", "PERSON", "ORG"], mentions.Select(m => m.Type).ToArray());
    }

    [Fact]
    public void Names_that_merely_follow_each_other_keep_their_own_types()
    {
        const string text = "Officials in Bellamar and Ilse Marakova (spokeswoman) met.";
        var mentions = new List<Mention>
        {
            new(text.IndexOf("Bellamar", StringComparison.Ordinal), text.IndexOf("Bellamar", StringComparison.Ordinal) + 8, "GPE"),
            new(text.IndexOf("Ilse", StringComparison.Ordinal), text.IndexOf("Ilse", StringComparison.Ordinal) + 13, "PERSON"),
        };
        EntityStage.ShareTypesOfNamesForOneThing(text, mentions);
        Assert.Equal(["GPE", "PERSON"], mentions.Select(m => m.Type).ToArray());
    }

    [Fact]
    public void A_party_tag_after_a_legislators_name_makes_the_name_a_person_not_an_organisation()
    {
        const string text = "Gov. Mira Halden (R-IN) and Sen. Tomas Varga (D-N.Y.) spoke. Later Halden left. The Marren Popular Front (MPF) agreed.";
        Mention At(string name, string type, int from = 0)
        {
            int i = text.IndexOf(name, from, StringComparison.Ordinal);
            return new(i, i + name.Length, type);
        }
        var mentions = new List<Mention>
        {
            At("Mira Halden", "PERSON"), At("R-IN", "ORG"), At("Tomas Varga", "ORG"), At("D-N.Y.", "ORG"),
            At("Halden", "ORG", 60), At("Marren Popular Front", "ORG"), At("MPF", "MISC"),
        };
        EntityStage.ShareTypesOfNamesForOneThing(text, mentions);
        Assert.Equal(["PERSON", "ORG", "PERSON", "ORG", "ORG", "ORG", "ORG"], mentions.Select(m => m.Type).ToArray());
    }

    [Theory]
    [InlineData("Rep. Martin Camp of Ketla said the bill was ready.", "Martin Camp", "PER", "PERSON")]
    [InlineData("Rep. Martin Camp of Ketla said the bill was ready.", "Martin Camp", "LOC", "PERSON")]
    [InlineData("The crowd cheered President Varnell on Monday.", "Varnell", "MISC", "PERSON")]
    [InlineData("Donald Varrow Jr. chaired the meeting.", "Donald Varrow Jr.", "ORG", "PERSON")]
    [InlineData("Courts ruled against the Varnell administration again.", "Varnell", "MISC", "PERSON")]
    [InlineData("Partisanship grew during the Varnell and Holt presidencies.", "Varnell", "ORG", "PERSON")]
    [InlineData("Officials of a Republican administration spoke.", "Republican", "MISC", "MISC")]
    // Must not change: a facility's one-word head after "General", an organisation's head, a roman numeral, a title's qualifier.
    [InlineData("Nurses at the General Hospital went on strike.", "Hospital", "ORG", "FACILITY")]
    [InlineData("Delegates of the General Assembly voted.", "Assembly", "ORG", "ORG")]
    [InlineData("Veterans of World War II marched.", "World War II", "MISC", "MISC")]
    [InlineData("He met Vice Varnell Bank officials.", "Varnell Bank", "ORG", "ORG")]
    [InlineData("Staff of the Corbin Holt Sr. Foundation met.", "Corbin Holt Sr. Foundation", "ORG", "ORG")]
    public void A_title_before_a_name_or_Jr_after_a_given_name_says_a_person(string sentence, string name, string taggerType, string expected) =>
        Assert.Equal(expected, Refine(sentence, name, taggerType));

    [Fact]
    public void A_cued_person_outweighs_more_guesses_of_another_type_in_one_article()
    {
        const string text = "The Varnell campaign grew. A Varnell adviser spoke. Mr. Varnell smiled. Ketla fell; Ketla burned; Ketla said.";
        var mentions = new List<Mention>
        {
            At(text, "Varnell", "ORG"), At(text, "Varnell", "ORG", 20), At(text, "Varnell", "PERSON", 50, cued: true),
            At(text, "Ketla", "GPE", cued: true), At(text, "Ketla", "GPE", 75), At(text, "Ketla", "PERSON", 90),
        };
        EntityStage.OneTypePerName(text, mentions);
        // A place cue does not win over the majority as a person's cue does, and the majority "Ketla" stays a place.
        Assert.Equal(["PERSON", "PERSON", "PERSON", "GPE", "GPE", "GPE"], mentions.Select(m => m.Type).ToArray());
    }

    [Fact]
    public void A_cue_of_another_kind_does_not_outweigh_the_taggers_majority()
    {
        const string text = "Halbrook said it. Halbrook left. The Halbrook Weekly printed it.";
        var mentions = new List<Mention>
        {
            At(text, "Halbrook", "PERSON"), At(text, "Halbrook", "PERSON", 10), At(text, "Halbrook", "MEDIA", 30, cued: true),
        };
        EntityStage.OneTypePerName(text, mentions);
        Assert.Equal(["PERSON", "PERSON", "PERSON"], mentions.Select(m => m.Type).ToArray());
    }

    [Fact]
    public void A_given_name_the_place_lists_know_is_the_person_named_in_full_but_countries_and_states_stay_places()
    {
        const string text = "Corwin Paul spoke. Paul smiled. Ellery Jordan flew to Jordan. Marla Washington flew to Washington. Donald Varrow Jr. met the Varrow aide.";
        var mentions = new List<Mention>
        {
            At(text, "Corwin Paul", "PERSON"), At(text, "Paul", "GPE", 15, cued: true),
            At(text, "Ellery Jordan", "PERSON"), At(text, "Jordan", "GPE", 50, cued: true),
            At(text, "Marla Washington", "PERSON"), At(text, "Washington", "GPE", 80, cued: true),
            At(text, "Donald Varrow Jr.", "PERSON"), At(text, "Varrow", "ORG", 115),
        };
        var inPlaceList = new List<bool> { false, true, false, true, false, true, false, false };
        EntityStage.SurnamesOfPeopleNamedInFull(text, mentions, inPlaceList, Sitrep.Entities.Actors.ActorTable.Empty, Sitrep.Entities.Resolution.CountryTable.Default);
        Assert.Equal(["PERSON", "PERSON", "PERSON", "GPE", "PERSON", "GPE", "PERSON", "PERSON"], mentions.Select(m => m.Type).ToArray());
    }

    [Theory]
    [InlineData("Donald Trump Jr.", "Trump")]
    [InlineData("Ada Calvenny", "Calvenny")]
    [InlineData("Alexandria Ocasio-Cortez", "")]
    [InlineData("Ibrahim de Lenn", "")]
    [InlineData("Varnell", "")]
    public void A_surname_is_the_last_word_past_a_suffix(string name, string surname) =>
        Assert.Equal(surname, PersonOccurrences.SurnameOf(name).ToString());

    [Fact]
    public void An_acronym_in_brackets_that_stands_for_more_than_the_place_before_it_takes_no_type_from_it()
    {
        const string text = "Fighters of the Brotherhood in Korvia and Selmara (BIKS) crossed. Later BIKS denied it. Talks in Selmara (SLM) went on.";
        var mentions = new List<Mention>
        {
            At(text, "Brotherhood", "ORG"), At(text, "Korvia", "GPE"), At(text, "Selmara", "GPE"), At(text, "BIKS", "ORG"),
            At(text, "BIKS", "ORG", 70), At(text, "Selmara", "GPE", 90), At(text, "SLM", "ORG"),
        };
        EntityStage.ShareTypesOfNamesForOneThing(text, mentions);
        // "BIKS" stands for more than "Selmara"; "SLM" after a place alone is that place's short form.
        Assert.Equal(["ORG", "GPE", "GPE", "ORG", "ORG", "GPE", "GPE"], mentions.Select(m => m.Type).ToArray());
    }

    private static Mention At(string text, string name, string type, int from = 0, bool cued = false)
    {
        int i = text.IndexOf(name, from, StringComparison.Ordinal);
        return new(i, i + name.Length, type) { Cued = cued };
    }
}

using Sitrep.Entities;
using Sitrep.Text;

namespace Sitrep.Tests.Entities;

/// <summary>Names get the bounds a reader would give them.</summary>
public sealed class MentionShaperTests
{
    private static List<(string Text, string Type)> Shape(string text, string taggedName, string taggerType)
    {
        var tokens = Tokenizer.Tokenize(text);
        int start = text.IndexOf(taggedName, StringComparison.Ordinal);
        int first = Array.FindIndex(tokens, t => t.Start == start);
        int last = Array.FindIndex(tokens, t => t.End == start + taggedName.Length);
        var shaped = MentionShaper.Shape(text, tokens, [new EntityMention(start, start + taggedName.Length, taggerType, first, last - first + 1)]);
        return shaped.Select(m => (text[m.Start..m.End], m.Type)).ToList();
    }

    [Fact]
    public void A_title_run_into_a_name_leaves_the_person_as_the_mention()
    {
        Assert.Equal([("Anselm Ruvane", EntityTypes.Person)], Shape("Valdorian Defence Minister Anselm Ruvane flew to Lenz.", "Valdorian Defence Minister Anselm Ruvane", "ORG"));
    }

    [Fact]
    public void An_organisation_that_ran_into_the_title_after_it_ends_at_its_head_noun()
    {
        Assert.Equal([("Kestrel Guards", EntityTypes.Organization)],
            Shape("The Kestrel Guards Political Vice President Rastin Kolvar spoke.", "Kestrel Guards Political", "ORG"));
    }

    [Fact]
    public void An_organisation_before_the_title_is_kept_as_its_own_mention()
    {
        Assert.Equal([("Kestrel Brigades", EntityTypes.Organization), ("Rastin Kolvar", EntityTypes.Person)],
            Shape("The Kestrel Brigades Commander Rastin Kolvar spoke.", "Kestrel Brigades Commander Rastin Kolvar", "ORG"));
    }

    [Fact]
    public void A_name_that_only_looks_like_a_title_is_left_alone()
    {
        Assert.Equal([("National Guard", EntityTypes.Organization)], Shape("The National Guard moved in.", "National Guard", "ORG"));
    }

    [Fact]
    public void Publisher_and_facility_nouns_join_their_names()
    {
        Assert.Equal([("Varta news agency", EntityTypes.Organization)], Shape("the state-run Varta news agency said", "Varta", "ORG"));
        Assert.Equal([("Ketla air base", EntityTypes.Location)], Shape("rockets hit Ketla air base overnight", "Ketla", "LOC"));
        Assert.Equal([("Ketla", EntityTypes.Person)], Shape("officials met Ketla air base staff", "Ketla", "PER"));
    }

    [Fact]
    public void An_arabic_particle_keeps_its_name()
    {
        Assert.Equal([("Samir al-Kolwar", EntityTypes.Person)], Shape("a government led by Samir al-Kolwar was formed", "Samir", "MISC"));
    }

    [Fact]
    public void An_arabic_name_of_article_joined_words_stays_whole_when_its_first_word_reads_as_a_place()
    {
        Assert.Equal([("al-Kheyra ash-Sharqi", EntityTypes.Location)], Shape("militias of the al-Kheyra ash-Sharqi coalition", "al-Kheyra", "LOC"));
        Assert.Equal([("al-Kheyra ash-Sharqi", EntityTypes.Organization)], Shape("militias of the al-Kheyra ash-Sharqi coalition", "al-Kheyra", "ORG"));
        // A place followed by an ordinary word is left as it is.
        Assert.Equal([("al-Kheyra", EntityTypes.Location)], Shape("fighting near al-Kheyra yesterday", "al-Kheyra", "LOC"));
    }
}

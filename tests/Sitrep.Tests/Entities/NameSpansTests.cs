using Sitrep.Entities;
using Sitrep.Text;

namespace Sitrep.Tests.Entities;

/// <summary>A capitalised participle the tagger left out of a name, and a greeting it ran into a holiday (invented sentences).</summary>
public sealed class NameSpansTests
{
    private static List<(string Text, string Type)> Run(string text, string taggedName, string taggerType)
    {
        var tokens = Tokenizer.Tokenize(text);
        int start = text.IndexOf(taggedName, StringComparison.Ordinal);
        int first = Array.FindIndex(tokens, t => t.Start == start);
        int last = Array.FindIndex(tokens, t => t.End == start + taggedName.Length);
        var found = NameSpans.WithParticiplesOpeningNames(text, tokens, [new EntityMention(start, start + taggedName.Length, taggerType, first, last - first + 1)]);
        found = NameSpans.WithoutGreetings(text, tokens, found);
        return found.Select(m => (text[m.Start..m.End], m.Type)).ToList();
    }

    [Fact]
    public void A_participle_left_out_of_a_name_in_running_text_is_taken_in_and_the_name_is_no_person()
    {
        Assert.Equal([("Planned Parenthood", EntityTypes.Organization)],
            Run("Donors want to hammer Planned Parenthood for months.", "Parenthood", EntityTypes.Person));
        Assert.Equal([("Planned Parenthood", EntityTypes.Organization)],
            Run("It matters more that, Planned Parenthood, after the vote, loses.", "Parenthood", EntityTypes.Person));
    }

    [Fact]
    public void A_participle_opening_a_sentence_or_before_a_given_name_is_left_out()
    {
        Assert.Equal([("Parenthood", EntityTypes.Person)], Run("Donors met. Planned Parenthood said no.", "Parenthood", EntityTypes.Person));
        Assert.Equal([("Hillary", EntityTypes.Person)], Run("He said Crooked Hillary was a phrase he never used.", "Hillary", EntityTypes.Person));
        Assert.Equal([("Ted Marlow", EntityTypes.Person)], Run("Ted Marlow said no.", "Ted Marlow", EntityTypes.Person));
    }

    [Fact]
    public void A_greeting_before_a_holiday_is_cut_off()
    {
        Assert.Equal([("Christmas", EntityTypes.Miscellaneous)], Run("They wished us a Merry Christmas at the door.", "Merry Christmas", EntityTypes.Person));
        Assert.Equal([("Happy Valley", EntityTypes.Location)], Run("They drove to Happy Valley at dawn.", "Happy Valley", EntityTypes.Location));
    }
}

using Sitrep.Entities.Resolution;

namespace Sitrep.Tests.Entities;

public sealed class CapitalMetonymyTests
{
    [Theory]
    [InlineData("Washington warned on Monday that it would respond.", "Washington")]
    [InlineData("Officials said that Tehran's response would come within hours.", "Tehran")]
    [InlineData("Militias loyal to Tehran fired rockets.", "Tehran")]
    [InlineData("As Baghdad and the militias weigh their options, talks stall.", "Baghdad")]
    [InlineData("Senior figures are warning Washington against the move.", "Washington")]
    [InlineData("Talks between Washington and Tehran resumed.", "Tehran")]
    [InlineData("The move came with the encouragement of Tehran.", "Tehran")]
    public void A_capital_acting_is_its_government(string sentence, string capital)
    {
        int start = sentence.IndexOf(capital, StringComparison.Ordinal);
        Assert.True(CapitalMetonymy.StandsForGovernment(sentence, start, start + capital.Length));
    }

    [Theory]
    [InlineData("Officials in Washington said talks would continue.", "Washington")]
    [InlineData("Flights to Tehran were suspended for the night.", "Tehran")]
    [InlineData("Diplomats have left Baghdad and Erbil.", "Baghdad")]
    [InlineData("Crowds filled Baghdad's streets on Friday.", "Baghdad")]
    [InlineData("A rocket hit a base north of Baghdad.", "Baghdad")]
    public void A_capital_as_a_place_is_the_city(string sentence, string capital)
    {
        int start = sentence.IndexOf(capital, StringComparison.Ordinal);
        Assert.False(CapitalMetonymy.StandsForGovernment(sentence, start, start + capital.Length));
    }
}

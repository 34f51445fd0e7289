using Sitrep.Documents;
using Sitrep.Events;
using Sitrep.Ingest;
using Sitrep.Pipeline;

namespace Sitrep.Tests.Events;

/// <summary>
/// "Strike" is a work stoppage as often as an attack. A labour strike (workers, a union, "on strike", "a
/// general strike", "strike action") or a hunger strike is PROTEST (the PLOVER manual's modes strike and
/// hunger; CAMEO 143 and 142), never ASSAULT; air, missile, drone and military strikes, and strikes in a
/// sentence naming armed people or weapons, stay attacks. Sentences made up for Sitrep.
/// </summary>
public sealed class LabourStrikesTests
{
    private static readonly Lazy<DocumentPipeline> Pipeline = new(() => new PipelineBuilder().UseEvents().Build());

    private static List<(string Cue, string Type, string? Mode)> Events(string text)
    {
        var document = Pipeline.Value.Analyze(new ArticleInput("spec", "spec", InputFormat.PlainText, "Here is the news. " + text, new StatedMetadata { Published = "2020-03-31" }, []));
        var body = document.Text;
        return [.. (document.Layers.Get(EventsFeature.Events) ?? []).Select(e => (e.Cue(body).ToString(), e.Type, e.Mode))];
    }

    [Theory]
    [InlineData("Teachers in the capital went on strike on Monday.", "strike")]
    [InlineData("The unions called a general strike for Friday.", "strike")]
    [InlineData("Nurses voted for strike action over pay.", "strike")]
    [InlineData("The union threatened a strike if the talks fail.", "strike")]
    [InlineData("Bus drivers have been striking for three weeks.", "striking")]
    [InlineData("The teachers' strike closed every school in the city.", "strike")]
    [InlineData("A strike by 5,000 dock workers halted the port.", "strike")]
    public void A_labour_strike_is_a_protest_not_an_attack(string text, string cue)
    {
        var events = Events(text);
        Assert.DoesNotContain(events, e => e.Type == "ASSAULT");
        Assert.Contains(events, e => e.Cue == cue && e.Type == "PROTEST" && e.Mode == "strike");
    }

    [Fact]
    public void A_hunger_strike_is_a_protest_of_its_own_mode()
    {
        var events = Events("The prisoner began a hunger strike in his cell last week.");
        Assert.DoesNotContain(events, e => e.Type == "ASSAULT");
        Assert.Contains(events, e => e.Cue == "strike" && e.Type == "PROTEST" && e.Mode == "hunger");
    }

    [Fact]
    public void Bare_strikes_in_an_article_about_workers_are_labour_strikes()
    {
        var events = Events("Workers across the country went on strike on Friday. The strikes spread to the ports. Strikes are the only tool left.");
        Assert.DoesNotContain(events, e => e.Type == "ASSAULT");
        Assert.Equal(3, events.Count(e => e.Cue is "strike" or "strikes" or "Strikes" && e.Type == "PROTEST"));
    }

    [Theory]
    [InlineData("The air strike killed six people in the village.")]
    [InlineData("Israel carried out missile strikes on the border town.")]
    [InlineData("A drone strike hit the convoy near the airport.")]
    [InlineData("Troops launched a strike against the rebel camp.")]
    [InlineData("The strikes on the militia bases continued overnight.")]
    public void An_armed_strike_stays_an_attack(string text)
    {
        var events = Events(text);
        Assert.Contains(events, e => e.Type == "ASSAULT");
        Assert.DoesNotContain(events, e => e.Type == "PROTEST");
    }

    [Fact]
    public void Workers_in_a_sentence_with_an_air_strike_do_not_make_it_a_protest()
    {
        var events = Events("Workers at the factory were killed by an air strike on Tuesday.");
        Assert.DoesNotContain(events, e => e.Type == "PROTEST");
    }
}

using Sitrep.Documents;
using Sitrep.Events;
using Sitrep.Ingest;
using Sitrep.Pipeline;

namespace Sitrep.Tests.Events;

/// <summary>
/// Planning or preparing "strikes" is a threat of force (CAMEO 138) only when the strikes are armed: a target
/// right after them ("strikes against the rebels"), an armed word joined to them ("missile strikes") or armed
/// people planning them ("rebels were planning strikes"). A union's or workers' strikes are labour strikes:
/// planning them is no threat. Sentences made up for Sitrep; only the verb's event is looked at (the noun
/// "strikes" is an event of its own, an attack or a labour strike by its context: LabourStrikesTests).
/// </summary>
public sealed class PlannedStrikesTests
{
    private static readonly Lazy<DocumentPipeline> Pipeline = new(() => new PipelineBuilder().UseEvents().Build());

    private static List<(string Cue, string Type)> Events(string text)
    {
        var document = Pipeline.Value.Analyze(new ArticleInput("spec", "spec", InputFormat.PlainText, "Here is the news. " + text, new StatedMetadata { Published = "2020-03-31" }, []));
        var body = document.Text;
        return [.. (document.Layers.Get(EventsFeature.Events) ?? []).Select(e => (e.Cue(body).ToString(), e.Type))];
    }

    [Theory]
    [InlineData("Russia was planning strikes against the rebels.", "planning")]
    [InlineData("Russia was preparing strikes on the rebel bases.", "preparing")]
    [InlineData("Russia was preparing missile strikes.", "preparing")]
    [InlineData("The navy plans new drone strikes in the north.", "plans")]
    [InlineData("Rebels were planning strikes in the capital.", "planning")]
    public void Planning_armed_strikes_is_a_threat_of_force(string text, string verb)
    {
        var events = Events(text);
        Assert.Contains(events, e => e.Cue == verb && e.Type == "THREATEN");
    }

    [Theory]
    [InlineData("Nurses in Kenya plan general strikes this spring.")]
    [InlineData("The teachers' union planned strikes for the autumn.")]
    [InlineData("Drivers plan strikes and marches on the city hall.")]
    [InlineData("We need to plan strikes this fall, the organiser said.")]
    public void Planning_labour_strikes_is_no_threat(string text)
    {
        var events = Events(text);
        Assert.DoesNotContain(events, e => e.Type == "THREATEN");
    }
}

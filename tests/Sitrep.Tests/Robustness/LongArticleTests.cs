using System.Text;
using Sitrep.Quotes;
using Sitrep.Quotes.Training;
using Sitrep.Time;

namespace Sitrep.Tests.Robustness;

/// <summary>
/// An article of many thousands of reported statements takes time in proportion to its length: the
/// quote finder compared every candidate frame with every other (an article of 100,000 sentences did
/// not finish in 10 minutes; 20,000 took 50 s, 10,000 12 s). Tests never assert on wall time: these check that every
/// statement of such an article is found and read alike; the speed itself is in docs/measurements.md ("Hardening").
/// </summary>
public sealed class LongArticleTests
{
    [Fact]
    public void The_quote_finder_on_12000_reported_statements_finds_each()
    {
        var text = new StringBuilder("Border stays closed\n\n");
        for (int i = 0; i < 12_000; i++)
            text.Append("Minister Tovik").Append(i % 50).Append(" said on Tuesday the border ").Append(i).Append(" would stay closed. ");
        var (input, _) = PipelineReading.Read(text.ToString());

        var layer = QuoteFinder.Default.Find(input);

        Assert.True(layer.Quotes.Count >= 11_000, $"{layer.Quotes.Count} quotes");
    }

    [Fact]
    public void Time_expressions_in_one_paragraph_of_100000_dated_sentences_are_each_found()
    {
        // One paragraph: every "on Tuesday" is a candidate of the same text, which were each checked against every one kept.
        var text = new StringBuilder();
        for (int i = 0; i < 100_000; i++)
            text.Append("The minister said on Tuesday the border ").Append(i).Append(" would stay closed. ");

        var body = text.ToString();
        var found = TimeExpressions.Find(body, "2021-06-18");

        var tuesdays = found.Where(t => t.Text(body).Contains("Tuesday", StringComparison.Ordinal)).ToList();
        Assert.Equal(100_000, tuesdays.Count);
        Assert.Single(tuesdays.Select(t => t.Value).Distinct());
    }
}

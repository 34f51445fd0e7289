using System.Diagnostics;
using System.Text;
using Sitrep.Quotes;
using Sitrep.Quotes.Training;
using Sitrep.Time;

namespace Sitrep.Tests.Robustness;

/// <summary>
/// An article of many thousands of reported statements takes time in proportion to its length: the
/// quote finder compared every candidate frame with every other (an article of 100,000 sentences did
/// not finish in 10 minutes; 20,000 took 50 s, 10,000 12 s).
/// </summary>
public sealed class LongArticleTests
{
    [Fact]
    public void The_quote_finder_on_12000_reported_statements_finds_each_in_linear_time()
    {
        var text = new StringBuilder("Border stays closed\n\n");
        for (int i = 0; i < 12_000; i++)
            text.Append("Minister Tovik").Append(i % 50).Append(" said on Tuesday the border ").Append(i).Append(" would stay closed. ");
        var (input, _) = PipelineReading.Read(text.ToString());

        var clock = Stopwatch.StartNew();
        var layer = QuoteFinder.Default.Find(input);
        clock.Stop();

        Assert.True(layer.Quotes.Count >= 11_000, $"{layer.Quotes.Count} quotes");
        // Before the fix about 15 s on this machine; after it well under one.
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(6), $"{clock.Elapsed.TotalSeconds:F1} s");
    }

    [Fact]
    public void Time_expressions_in_one_paragraph_of_100000_dated_sentences_are_each_found_in_linear_time()
    {
        // One paragraph: every "on Tuesday" is a candidate of the same text, which were each checked against every one kept.
        var text = new StringBuilder();
        for (int i = 0; i < 100_000; i++)
            text.Append("The minister said on Tuesday the border ").Append(i).Append(" would stay closed. ");

        var clock = Stopwatch.StartNew();
        var body = text.ToString();
        var found = TimeExpressions.Find(body, "2021-06-18");
        clock.Stop();

        var tuesdays = found.Where(t => t.Text(body).Contains("Tuesday", StringComparison.Ordinal)).ToList();
        Assert.Equal(100_000, tuesdays.Count);
        Assert.Single(tuesdays.Select(t => t.Value).Distinct());
        // Before the fix over a minute on this machine (10^10 overlap checks); after it a few seconds.
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(8), $"{clock.Elapsed.TotalSeconds:F1} s");
    }
}

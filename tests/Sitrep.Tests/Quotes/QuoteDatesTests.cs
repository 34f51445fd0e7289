using Sitrep.Documents;
using Sitrep.Entities;
using Sitrep.Engine;
using Sitrep.Quotes;
using Sitrep.Text;
using Sitrep.Time;

namespace Sitrep.Tests.Quotes;

/// <summary>
/// Quotes are dated from the times stage's expressions (the stage runs before quotes), not by a second
/// run of the temporal tagger: the dates must be the ones the finder reads by itself.
/// </summary>
public sealed class QuoteDatesTests
{
    private const string Article = """
        Ferry crews walk out

        The union's leader Aino Varga said on March 3 that the crews would strike until the new rota was withdrawn.

        "We gave them a year," Varga told reporters on Friday. Talks resumed on 12 May, 2023, a ministry spokesman said.
        """;

    [Fact]
    public void A_quote_is_dated_by_the_times_layer_as_the_finder_alone_dates_it()
    {
        var input = new ArticleInput("dates.txt", "dates", InputFormat.PlainText, Article, new StatedMetadata { Published = "2024-06-06" }, []);
        var document = Features.Default.Analyze(input);
        var quotes = document.Layers.Get(QuotesFeature.Quotes)!.Quotes;
        var times = document.Layers.Get(TimesFeature.Times)!;
        string text = document.Text;

        var rota = quotes.Single(q => text[q.Start..q.End].Contains("rota", StringComparison.Ordinal));
        var year = quotes.Single(q => text[q.Start..q.End] == "We gave them a year");
        // "on March 3" before publication in June: this year's, read by the times stage.
        Assert.Equal("2024-03-03", rota.Cited?.Date);
        Assert.Contains(times, t => text[t.Start..t.End] == "March 3" && t.Value == "2024-03-03");
        // "on Friday": the last Friday up to publication (a Thursday).
        Assert.Equal("2024-05-31", year.Cited?.Date);
        // The finder given no times finds the same dates itself.
        var alone = QuoteFinder.Default.Find(QuoteInputOf(document) with { Times = null });
        Assert.Equal(quotes.Select(q => q.Cited?.Date), alone.Quotes.Select(q => q.Cited?.Date));
    }

    private static QuoteInput QuoteInputOf(Document document)
    {
        var tokens = Tokenizer.Tokenize(document.Text);
        return new QuoteInput(
            document.Text,
            tokens,
            SentenceSplitter.Split(document.Text, tokens),
            document.Layers.Get(EntityLayers.Mentions)!,
            document.Layers.Get(EntityLayers.DocumentEntities)!,
            new DateOnly(2024, 6, 6));
    }
}

using System.Text.Json;
using Sitrep.Engine;
using Sitrep.Quotes;
using Sitrep.Storage;
using Sitrep.Tests.TestSupport;

namespace Sitrep.Tests.Quotes;

/// <summary>The quotes feature in the engine: analysed, stored, read back, and written to the analysis JSON with stored entity ids.</summary>
public sealed class QuotesFeatureTests
{
    private const string Article = """
        Korveth warns Dravik over bridge tolls

        Korveth's foreign minister Lukas Brenner said on Tuesday that the new tolls broke the treaty. "We will not pay a single coin" he added.

        Marta Velin tweeted: "The bridge is open again."

        The Dravik Courier, whose office was searched last month, printed the toll table on its front page.
        """;

    private static JsonElement Analyze(TempDir dir, out Dictionary<string, string> entityOf)
    {
        var record = JsonSerializer.Serialize(new Dictionary<string, string> { ["url"] = "https://courier.example/tolls", ["published"] = "2024-06-06", ["text"] = Article });
        dir.Write("in.jsonl", record + "\n");
        using var engine = SitrepEngine.Open(codecs => StoreFactory.Open(dir.File("s.db"), codecs), EngineOptions.Default);
        using var inputs = engine.OpenInputs([dir.File("in.jsonl")]);
        var summary = engine.Analyze(inputs, cancellation: TestContext.Current.CancellationToken);
        Assert.Equal(1, summary.Stored);
        using var json = new MemoryStream();
        engine.WriteAnalysisJson(json, summary.DocumentIds);
        var document = JsonDocument.Parse(json.ToArray()).RootElement.GetProperty("documents")[0].Clone();
        entityOf = document.GetProperty("mentions").EnumerateArray()
            .Where(m => m.GetProperty("entity").ValueKind == JsonValueKind.String)
            .GroupBy(m => m.GetProperty("text").GetString()!)
            .ToDictionary(g => g.Key, g => g.First().GetProperty("entity").GetString()!, StringComparer.Ordinal);
        return document;
    }

    [Fact]
    public void Speakers_are_the_stored_entities_of_the_mentions_and_a_pronoun_names_the_same_one()
    {
        using var dir = new TempDir();
        var document = Analyze(dir, out var entityOf);
        var quotes = document.GetProperty("quotes").EnumerateArray().ToList();

        var treaty = quotes.Single(q => q.GetProperty("text").GetString() == "the new tolls broke the treaty");
        var coin = quotes.Single(q => q.GetProperty("text").GetString() == "We will not pay a single coin");
        Assert.Equal("indirect", treaty.GetProperty("kind").GetString());
        Assert.Equal("direct", coin.GetProperty("kind").GetString());
        var brenner = entityOf.First(e => e.Key.Contains("Brenner", StringComparison.Ordinal)).Value;
        Assert.Equal(brenner, treaty.GetProperty("speaker").GetProperty("entity").GetString());
        Assert.Equal("he", coin.GetProperty("speaker").GetProperty("text").GetString());
        Assert.Equal(brenner, coin.GetProperty("speaker").GetProperty("entity").GetString());
        // One speaker, one occasion: one statement, dated by the Tuesday before publication.
        Assert.Equal(treaty.GetProperty("statement").GetInt32(), coin.GetProperty("statement").GetInt32());
        Assert.Equal("2024-06-04", treaty.GetProperty("cited").GetProperty("date").GetString());
        var text = document.GetProperty("text").GetString()!;
        foreach (var q in quotes)
            Assert.Equal(text[q.GetProperty("start").GetInt32()..q.GetProperty("end").GetInt32()], q.GetProperty("text").GetString());
    }

    [Fact]
    public void A_tweet_is_cited_to_twitter_by_name_and_an_outlet_that_is_only_named_is_no_source()
    {
        using var dir = new TempDir();
        var document = Analyze(dir, out var entityOf);
        var tweet = document.GetProperty("quotes").EnumerateArray().Single(q => q.GetProperty("text").GetString() == "The bridge is open again.");

        Assert.Equal("Twitter", tweet.GetProperty("cited").GetProperty("source").GetString());
        // Twitter is a channel the tagger did not name: no stored entity, so no id in cites either.
        Assert.Equal(JsonValueKind.Null, tweet.GetProperty("cited").GetProperty("entity").ValueKind);
        var cites = document.GetProperty("cites").EnumerateArray().Select(c => c.GetString()).ToList();
        Assert.DoesNotContain(null, cites);
        if (entityOf.TryGetValue("The Dravik Courier", out var courier) || entityOf.TryGetValue("Dravik Courier", out courier))
            Assert.DoesNotContain(courier, cites);
    }

    [Fact]
    public void The_layer_is_stored_and_read_back_by_a_new_engine()
    {
        using var dir = new TempDir();
        _ = Analyze(dir, out _);
        using var engine = SitrepEngine.Open(codecs => StoreFactory.Open(dir.File("s.db"), codecs), EngineOptions.Default);
        var id = engine.Store.Ids().Single();
        var layer = engine.Load(id)!.Layers.Get(QuotesFeature.Quotes);

        Assert.NotNull(layer);
        Assert.Contains(layer.Quotes, q => q.Kind == QuoteKind.Direct);
        Assert.Equal("Twitter", Assert.Single(layer.Channels).Name);
        var stored = StoredQuotes.Of(engine.Load(id)!, engine.Store);
        Assert.Contains(stored, q => q.Speaker == "Marta Velin" && q.CitedName == "Twitter" && q.CitedId is null);
    }
}

using System.Text;
using System.Text.Json;
using Sitrep.Documents;
using Sitrep.Quotes;
using Sitrep.Quotes.Training;

namespace Sitrep.Tests.Quotes;

public sealed class QuoteLayerTests
{
    private const string Article = """
        Talks on the Dravik bridge break down

        Korveth's deputy foreign minister Lukas Brenner said on Tuesday that the talks had failed. "We will be back when they are ready," he added.

        Marta Velin tweeted: "The bridge is open again."
        """;

    [Fact]
    public void The_patterns_the_model_stores_by_name_are_the_ones_it_looks_up_by_hash()
    {
        var (input, _) = PipelineReading.Read(Article);
        var view = new SpeechView(input.Text, input.Tokens, input.Sentences, input.Mentions);
        Span<ulong> hashes = stackalloc ulong[CueFeatures.Count];
        var names = new List<string>();
        for (int t = 0; t < input.Tokens.Length; t++)
        {
            if (!view.IsWord(t))
                continue;
            var stats = CueModel.Default.Stats(view.Word(t).ToString().ToLowerInvariant());
            CueFeatures.Extract(view, t, stats, hashes);
            CueFeatures.Describe(view, t, stats, names);
            Assert.Equal(CueFeatures.Count, names.Count);
            for (int i = 0; i < names.Count; i++)
                Assert.True(CueFeatures.Hash(names[i]) == hashes[i], $"token {t} pattern {names[i]}");
        }
    }

    [Fact]
    public void A_cue_scores_as_the_sum_of_its_patterns_weights_to_the_bit()
    {
        var (input, _) = PipelineReading.Read(Article);
        var view = new SpeechView(input.Text, input.Tokens, input.Sentences, input.Mentions);
        int scored = 0;
        for (int t = 0; t < input.Tokens.Length; t++)
        {
            if (!view.IsWord(t) || CueModel.Default.Cue(view.Lower(t)) is not { } cue)
                continue;
            float fast = CueModel.Default.Score(view, t, cue), slow = CueModel.Default.ScoreByPatterns(view, t, cue.Stats);
            Assert.True(BitConverter.SingleToInt32Bits(fast) == BitConverter.SingleToInt32Bits(slow), $"token {t}: {fast} against {slow}");
            scored++;
        }
        Assert.True(scored >= 4, $"{scored} cue words scored");
    }

    [Fact]
    public void The_store_form_reads_back_as_written()
    {
        var (input, _) = PipelineReading.Read(Article, stated: new StatedMetadata { Published = "2021-05-05" });
        var layer = QuoteFinder.Default.Find(input);
        Assert.NotEmpty(layer.Quotes);
        var back = QuoteJson.FromJson(QuoteJson.ToJson(layer));
        Assert.Equal(layer.Quotes, back.Quotes);
        Assert.Equal(layer.Cites, back.Cites);
        Assert.Equal(layer.ChannelBase, back.ChannelBase);
        Assert.Equal(layer.Channels.Select(c => (c.Name, string.Join(",", c.Spans))), back.Channels.Select(c => (c.Name, string.Join(",", c.Spans))));
    }

    [Fact]
    public void The_contract_fields_hold_the_words_at_their_offsets_and_a_channel_by_its_name()
    {
        var (input, _) = PipelineReading.Read(Article, stated: new StatedMetadata { Published = "2021-05-05" });
        var layer = QuoteFinder.Default.Find(input);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            QuoteJson.WriteContract(json, input.Text, layer, e => "E" + e);
            json.WriteEndObject();
        }
        using var doc = JsonDocument.Parse(Encoding.UTF8.GetString(buffer.ToArray()));
        var quotes = doc.RootElement.GetProperty("quotes").EnumerateArray().ToList();
        Assert.Equal(layer.Quotes.Count, quotes.Count);
        foreach (var q in quotes)
        {
            int start = q.GetProperty("start").GetInt32(), end = q.GetProperty("end").GetInt32();
            Assert.Equal(input.Text[start..end], q.GetProperty("text").GetString());
            if (q.GetProperty("speaker").ValueKind == JsonValueKind.Object)
            {
                var sp = q.GetProperty("speaker");
                Assert.Equal(input.Text[sp.GetProperty("start").GetInt32()..sp.GetProperty("end").GetInt32()], sp.GetProperty("text").GetString());
            }
        }
        var tweet = quotes.Single(q => q.GetProperty("text").GetString() == "The bridge is open again.");
        Assert.Equal("Twitter", tweet.GetProperty("cited").GetProperty("source").GetString());
        Assert.Contains(doc.RootElement.GetProperty("cites").EnumerateArray(), c => c.GetString() == tweet.GetProperty("cited").GetProperty("entity").GetString());
    }

    [Fact]
    public void A_channel_the_tagger_did_not_name_stays_in_the_layer_after_the_document_entities()
    {
        var (input, _) = PipelineReading.Read(Article, stated: new StatedMetadata { Published = "2021-05-05" });
        var layer = QuoteFinder.Default.Find(input);
        var channel = Assert.Single(layer.Channels);
        Assert.Equal("Twitter", channel.Name);
        Assert.Equal("tweeted", input.Text[channel.Spans[0].Start..channel.Spans[0].End]);
        Assert.Equal(input.Entities.Count, layer.ChannelBase);
        Assert.Same(channel, layer.ChannelOf(layer.ChannelBase));
        Assert.Null(layer.ChannelOf(0));
        Assert.Contains(layer.ChannelBase, layer.Cites);
        Assert.DoesNotContain(input.Mentions, m => m.Start < channel.Spans[0].End && channel.Spans[0].Start < m.End);
    }

    [Fact]
    public void Short_forms_of_outlet_names_are_recognised()
    {
        Assert.True(FinderRun.Abbreviates("NYTimes", "The New York Times"));
        Assert.True(FinderRun.Abbreviates("NYT", "New York Times"));
        Assert.False(FinderRun.Abbreviates("NYT", "Washington Post"));
        Assert.False(FinderRun.Abbreviates("Times", "Times"));
    }

    [Fact]
    public void An_empty_or_markless_text_gives_an_empty_layer()
    {
        Assert.Empty(QuoteFinder.Default.Find(new QuoteInput("", [], [], [], [], null)).Quotes);
        var (input, _) = PipelineReading.Read("The bridge at Dravik was closed to traffic for the whole of Tuesday morning.");
        Assert.Empty(QuoteFinder.Default.Find(input).Quotes);
    }
}

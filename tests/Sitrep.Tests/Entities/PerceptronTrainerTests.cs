using Sitrep.Entities;

namespace Sitrep.Tests.Entities;

public sealed class PerceptronTrainerTests
{
    private static readonly NerModel Tiny = PerceptronTrainer.Train(TinyCorpus.Sentences(48), null, Gazetteer.Empty, new NerTrainingOptions(Epochs: 8, MinWeight: 0));

    [Fact]
    public void Learns_the_patterns_for_names_it_has_not_seen()
    {
        var sentence = TinyCorpus.Make("Minister {P} said the talks in {L} would continue .", "Jarek Polvane", "Estrova", "", "");

        var tags = Tiny.TagWords(sentence.Words);

        Assert.Equal(sentence.Tags, tags);
    }

    [Fact]
    public void Training_is_reproducible()
    {
        var again = PerceptronTrainer.Train(TinyCorpus.Sentences(48), null, Gazetteer.Empty, new NerTrainingOptions(Epochs: 8, MinWeight: 0));

        Assert.Equal(Bytes(Tiny), Bytes(again));
    }

    [Fact]
    public void Saved_and_loaded_model_tags_identically()
    {
        var loaded = NerModel.Load(new MemoryStream(Bytes(Tiny)));

        foreach (var sentence in TinyCorpus.Sentences(12, offset: 5))
            Assert.Equal(Tiny.TagWords(sentence.Words), loaded.TagWords(sentence.Words));
        Assert.Equal(Tiny.FeatureCount, loaded.FeatureCount);
    }

    [Fact]
    public void Recognizes_names_in_running_text_with_offsets()
    {
        const string text = "Minister Jarek Polvane said the talks in Estrova would continue.";

        var mentions = Tiny.Recognize(text);

        Assert.Contains(mentions, m => m.Type == "PER" && m.Text(text) == "Jarek Polvane");
        Assert.Contains(mentions, m => m.Type == "LOC" && m.Text(text) == "Estrova");
    }

    private static byte[] Bytes(NerModel model)
    {
        var stream = new MemoryStream();
        model.Save(stream);
        return stream.ToArray();
    }
}

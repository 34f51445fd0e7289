using Sitrep.Entities;

namespace Sitrep.Tests.Entities;

public sealed class BeamDecoderTests
{
    [Fact]
    public void Greedy_training_still_works_and_tags_unseen_names()
    {
        var greedy = PerceptronTrainer.Train(TinyCorpus.Sentences(48), null, Gazetteer.Empty, new NerTrainingOptions(Epochs: 8, MinWeight: 0, Beam: 1));
        var sentence = TinyCorpus.Make("Minister {P} said the talks in {L} would continue .", "Jarek Polvane", "Estrova", "", "");

        Assert.Equal(1, greedy.BeamWidth);
        Assert.Equal(sentence.Tags, greedy.TagWords(sentence.Words));
    }

    [Fact]
    public void Beam_output_is_a_valid_iob2_sequence()
    {
        var model = PerceptronTrainer.Train(TinyCorpus.Sentences(48), null, Gazetteer.Empty, new NerTrainingOptions(Epochs: 3, MinWeight: 0, Beam: 4));

        foreach (var sentence in TinyCorpus.Sentences(20, offset: 7))
        {
            var tags = model.TagWords(sentence.Words);
            for (int i = 0; i < tags.Length; i++)
            {
                if (tags[i].StartsWith("I-", StringComparison.Ordinal))
                    Assert.True(i > 0 && tags[i - 1].Length > 2 && tags[i - 1][2..] == tags[i][2..], string.Join(' ', tags));
            }
        }
    }
}

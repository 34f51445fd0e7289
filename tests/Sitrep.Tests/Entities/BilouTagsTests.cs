using Sitrep.Entities;

namespace Sitrep.Tests.Entities;

public sealed class BilouTagsTests
{
    private static readonly TagSet Bilou = new(TagSet.Bilou);

    [Fact]
    public void Iob2_names_become_begin_inside_last_and_unit()
    {
        string[] iob2 = ["B-PER", "I-PER", "I-PER", "O", "B-LOC", "B-ORG", "I-ORG", "O"];

        var tags = Bilou.Encode(iob2).Select(i => Bilou.Tags[i]).ToArray();

        Assert.Equal(["B-PER", "I-PER", "L-PER", "O", "U-LOC", "B-ORG", "L-ORG", "O"], tags);
        Assert.Equal(iob2, Bilou.Encode(iob2).Select(Bilou.Iob2).ToArray());
    }

    [Fact]
    public void A_begun_name_must_go_on_or_end_with_its_own_type()
    {
        int begin = Array.IndexOf(Bilou.Tags, "B-ORG");
        string[] next = [.. Bilou.Next(begin).ToArray().Select(i => Bilou.Tags[i])];

        Assert.Equal(["I-ORG", "L-ORG"], next);
        Assert.False(Bilou.CanEnd(begin));
        Assert.True(Bilou.CanEnd(Array.IndexOf(Bilou.Tags, "L-ORG")));
        // After a finished name or outside one: anything but a continuation.
        string[] afterUnit = [.. Bilou.Next(Array.IndexOf(Bilou.Tags, "U-PER")).ToArray().Select(i => Bilou.Tags[i])];
        Assert.DoesNotContain(afterUnit, t => t[0] is 'I' or 'L');
        Assert.Contains("U-PER", afterUnit);
        Assert.Contains("B-LOC", afterUnit);
    }

    [Fact]
    public void Iob2_tag_sets_keep_their_old_rules()
    {
        var iob2 = new TagSet(TagSet.Standard);
        int begin = Array.IndexOf(iob2.Tags, "B-PER");

        Assert.False(iob2.IsBilou);
        Assert.True(iob2.CanEnd(begin));
        Assert.Contains(iob2.Outside, iob2.Next(begin).ToArray());
        Assert.DoesNotContain(Array.IndexOf(iob2.Tags, "I-LOC"), iob2.Next(begin).ToArray());
    }

    [Fact]
    public void A_bilou_trained_model_tags_unseen_names_and_answers_in_iob2()
    {
        var model = PerceptronTrainer.Train(TinyCorpus.Sentences(48), null, Gazetteer.Empty, new NerTrainingOptions(Epochs: 6, MinWeight: 0, Bilou: true));
        var sentence = TinyCorpus.Make("Minister {P} said the talks in {L} would continue .", "Jarek Polvane", "Estrova", "", "");

        Assert.Contains("U-LOC", model.Tags);
        Assert.Equal(sentence.Tags, model.TagWords(sentence.Words));
        foreach (var other in TinyCorpus.Sentences(20, offset: 7))
        {
            var tags = model.TagWords(other.Words);
            Assert.All(tags, t => Assert.True(t == "O" || t[0] is 'B' or 'I', t));
            for (int i = 0; i < tags.Length; i++)
            {
                if (tags[i].StartsWith("I-", StringComparison.Ordinal))
                    Assert.True(i > 0 && tags[i - 1].Length > 2 && tags[i - 1][2..] == tags[i][2..], string.Join(' ', tags));
            }
        }
    }
}

using Sitrep.Entities;

namespace Sitrep.Tests.Entities;

public sealed class ConllReaderTests
{
    // Invented sample in the CoNLL-2003 layout: word, POS, chunk, IOB1 tag.
    private const string Sample = """
        -DOCSTART- -X- -X- O

        Velko NNP I-NP I-PER
        Amrani NNP I-NP I-PER
        visited VBD I-VP O
        Tarvis NNP I-NP I-LOC
        . . O O

        Norvale NNP I-NP I-ORG
        Bank NNP I-NP I-ORG
        Corvex NNP I-NP B-ORG
        rose VBD I-VP O

        -DOCSTART- -X- -X- O

        Hello UH O O
        """;

    [Fact]
    public void Reads_sentences_words_tags_and_document_starts()
    {
        var sentences = ConllReader.Read(new StringReader(Sample));

        Assert.Equal(3, sentences.Count);
        Assert.Equal(["Velko", "Amrani", "visited", "Tarvis", "."], sentences[0].Words);
        Assert.Equal(["I-PER", "I-PER", "O", "I-LOC", "O"], sentences[0].Tags);
        Assert.True(sentences[0].StartsDocument);
        Assert.False(sentences[1].StartsDocument);
        Assert.True(sentences[2].StartsDocument);
        Assert.Equal("Velko NNP I-NP I-PER", sentences[0].Lines[0]);
        Assert.Equal(2, ConllReader.Documents(sentences).Count);
    }

    [Fact]
    public void Iob1_becomes_iob2_and_touching_entities_stay_apart()
    {
        var sentence = ConllReader.Read(new StringReader(Sample))[1];

        Assert.Equal(["B-ORG", "I-ORG", "B-ORG", "O"], BioTags.ToIob2(sentence.Tags));
        Assert.Equal([(0, 2, "ORG"), (2, 3, "ORG")], BioTags.Chunks(sentence.Tags));
    }

    [Fact]
    public void Corpus_types_map_onto_the_conll_four()
    {
        Assert.Equal(["B-PER", "B-ORG", "B-LOC", "I-LOC", "O"], BioTags.ToIob2(["B-PERSON", "B-MEDIA", "B-GPE", "I-GPE", "B-DATE"]));
    }

    [Fact]
    public void Writer_appends_the_prediction_as_last_column()
    {
        var sentences = ConllReader.Read(new StringReader(Sample));
        var predicted = sentences.Select(s => s.Words.Select(_ => "O").ToArray()).ToList();
        var writer = new StringWriter();

        ConllWriter.Write(writer, sentences, predicted);

        var reread = ConllReader.Read(new StringReader(writer.ToString()), tagColumn: -2);
        Assert.Equal(sentences.Select(s => s.Tags), reread.Select(s => s.Tags));
        Assert.Contains("Tarvis NNP I-NP I-LOC O\n", writer.ToString(), StringComparison.Ordinal);
    }
}

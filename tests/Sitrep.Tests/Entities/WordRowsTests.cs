using Sitrep.Entities;
using Sitrep.Text;
using Sitrep.Tests.TestSupport;

namespace Sitrep.Tests.Entities;

/// <summary>The tagger reads most feature rows from its per-thread cache of word forms: it must tag exactly as looking every feature up does.</summary>
public sealed class WordRowsTests
{
    [Fact]
    public void Cached_rows_tag_the_example_corpus_and_invented_sentences_as_plain_look_ups_do()
    {
        var texts = Directory.GetFiles(RepoPaths.Examples, "*.txt").Order(StringComparer.Ordinal).Select(File.ReadAllText).ToList();
        texts.Add("MINISTER QUITS AFTER VOTE IN KYIV. Anna Kowalczyk's office said on Tuesday that the 2025 budget, worth $3.4bn, was \"dead\". "
            + "Kowalczyk told Reuters: \"We will not go back.\" A short one. Yes. "
            + "The U.N. envoy met officials of the Arab League in Cairo; Kowalczyk, 54, left for Warsaw.");
        var model = NerModel.Default;
        int sentencesSeen = 0, names = 0;
        foreach (var raw in texts)
        {
            var text = raw.Replace("\r\n", "\n", StringComparison.Ordinal);
            var tokens = Tokenizer.Tokenize(text);
            var sentences = SentenceSplitter.Split(text, tokens);
            var cached = new WordEvidence();
            var plain = new WordEvidence();
            foreach (var sentence in sentences)
            {
                cached.Observe(text, tokens.AsSpan(sentence.FirstToken, sentence.TokenCount));
                plain.Observe(text, tokens.AsSpan(sentence.FirstToken, sentence.TokenCount));
            }
            foreach (var sentence in sentences)
            {
                var span = tokens.AsSpan(sentence.FirstToken, sentence.TokenCount);
                var a = new int[span.Length];
                var b = new int[span.Length];
                model.Tag(text, span, a, cached);
                model.TagPlain(text, span, b, plain);
                Assert.Equal(b, a);
                sentencesSeen++;
                names += a.Count(t => t != model.TagSet.Outside);
            }
        }
        Assert.True(sentencesSeen > 50, $"{sentencesSeen} sentences");
        Assert.True(names > 20, $"{names} name tokens");
    }
}

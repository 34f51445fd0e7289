using Sitrep.Tests.Specs;
using Sitrep.Text;

namespace Sitrep.Tests.Text;

/// <summary>Runs every file in Specs/Text: the tokens (separated by " | ") and the sentences (one per line) of an input.</summary>
public sealed class TokenizerSpecTests
{
    public static TheoryData<string> Specs => SpecCatalog.Names("Text");

    [Theory]
    [MemberData(nameof(Specs))]
    public void Spec_holds(string file)
    {
        var spec = SpecCatalog.Load("Text", file);
        var text = spec.Input;
        var tokens = Tokenizer.Tokenize(text);

        if (spec.Section("tokens") is { } expectedTokens)
            Assert.Equal(expectedTokens.Trim().Split(" | "), tokens.Select(t => t.Text(text)).ToArray());

        var sentences = SentenceSplitter.Split(text, tokens);
        if (spec.Section("sentences") is { } expectedSentences)
            Assert.Equal(expectedSentences.Trim().Split('\n'), sentences.Select(s => text[s.Start..s.End]).ToArray());

        // Every token lies inside the text and the sentences cover the tokens in order, once each.
        Assert.All(tokens, t => Assert.False(char.IsWhiteSpace(text[t.Start]) || char.IsWhiteSpace(text[t.End - 1])));
        Assert.Equal(tokens.Length, sentences.Sum(s => s.TokenCount));
    }
}

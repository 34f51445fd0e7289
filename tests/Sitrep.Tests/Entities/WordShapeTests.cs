using Sitrep.Entities;

namespace Sitrep.Tests.Entities;

public sealed class WordShapeTests
{
    [Theory]
    [InlineData("McCain", "XxXxxx", "XxXx")]
    [InlineData("U.S.", "X.X.", "X.X.")]
    [InlineData("1996-12-06", "dddd-dd-", "d-d-d")]
    [InlineData("reported", "xxxxxxxx", "x")]
    [InlineData("NATO", "XXXX", "X")]
    public void Shapes(string word, string shape, string shortShape)
    {
        Assert.Equal(shape, WordShape.Shape(word));
        Assert.Equal(shortShape, WordShape.ShortShape(word));
    }

    [Fact]
    public void Flags()
    {
        Assert.Equal(WordShape.Flags.InitialCapital, WordShape.Of("Tarvis"));
        Assert.Equal(WordShape.Flags.InitialCapital | WordShape.Flags.AllCapitals | WordShape.Flags.HasPeriod, WordShape.Of("U.N."));
        Assert.Equal(WordShape.Flags.AllLower | WordShape.Flags.HasHyphen, WordShape.Of("al-qasr"));
        Assert.Equal(WordShape.Flags.HasDigit | WordShape.Flags.HasHyphen, WordShape.Of("1980-97"));
    }

    [Fact]
    public void Word_features_fold_case_and_digits_but_cased_ones_keep_case()
    {
        Assert.Equal(FeatureHash.Normalized("US"), FeatureHash.Normalized("us"));
        Assert.NotEqual(FeatureHash.Cased("US"), FeatureHash.Cased("us"));
        Assert.Equal(FeatureHash.Normalized("1996"), FeatureHash.Normalized("2003"));
    }
}

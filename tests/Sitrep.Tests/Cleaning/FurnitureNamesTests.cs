using Sitrep.Cleaning.Html;
using Sitrep.Documents;

namespace Sitrep.Tests.Cleaning;

/// <summary>
/// What a block of page furniture is called follows from its class words; a word that merely holds
/// the letters "ad" ("read more", "breadcrumbs", "masthead") is not an advertisement.
/// </summary>
public sealed class FurnitureNamesTests
{
    [Theory]
    [InlineData("read-more", RemovalReason.RelatedLinks)]
    [InlineData("readmore-block", RemovalReason.RelatedLinks)]
    [InlineData("breadcrumbs", RemovalReason.Navigation)]
    [InlineData("breadcrumb", RemovalReason.Navigation)]
    [InlineData("masthead", RemovalReason.Navigation)]
    [InlineData("ad", RemovalReason.Advertisement)]
    [InlineData("ads", RemovalReason.Advertisement)]
    [InlineData("ad-slot", RemovalReason.Advertisement)]
    [InlineData("advertisement", RemovalReason.Advertisement)]
    [InlineData("sponsored-content", RemovalReason.Advertisement)]
    public void A_class_word_names_its_furniture(string names, RemovalReason reason)
    {
        Assert.Equal(reason, HtmlVocabulary.NamesReason(names));
    }
}

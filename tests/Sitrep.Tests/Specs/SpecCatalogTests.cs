using Sitrep.Tests.TestSupport;

namespace Sitrep.Tests.Specs;

public sealed class SpecCatalogTests
{
    [Fact]
    public void A_misspelt_section_fails_the_spec_instead_of_asserting_nothing()
    {
        using var dir = new TempDir();
        var path = dir.File("typo.spec.md");
        File.WriteAllText(path, "# Typo\n\n## input\n\n```\nFerries ran.\n```\n\n## remvoed\n\n- navigation: Home\n");

        var ex = Assert.Throws<InvalidDataException>(() => SpecCatalog.RequireKnownSections("Cleaning", SpecFile.Load(path)));

        Assert.Contains("'## remvoed'", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Cleaning")]
    [InlineData("Html")]
    [InlineData("Entities")]
    [InlineData("Text")]
    [InlineData("Contradictions")]
    public void Every_shipped_spec_uses_only_the_sections_its_runner_reads(string folder)
    {
        foreach (var name in SpecCatalog.Names(folder))
            SpecCatalog.Load(folder, name.Data);
    }
}

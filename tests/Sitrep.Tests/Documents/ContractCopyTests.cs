using Sitrep.Tests.TestSupport;

namespace Sitrep.Tests.Documents;

/// <summary>
/// docs/analysis-json.md is the contract a clone carries (a user of a clone has no ../shared): it must
/// be the same as ../shared/docs/analysis-json.md wherever that is present.
/// </summary>
public sealed class ContractCopyTests
{
    [Fact]
    public void The_contract_in_docs_is_the_shared_contract_word_for_word()
    {
        var copy = Path.Combine(RepoPaths.Root, "docs", "analysis-json.md");
        Assert.True(File.Exists(copy), $"{copy} is missing");
        var shared = Path.Combine(RepoPaths.RequireShared(), "docs", "analysis-json.md");
        Assert.True(File.Exists(shared), $"{shared} is missing");

        Assert.True(
            File.ReadAllText(shared).ReplaceLineEndings("\n") == File.ReadAllText(copy).ReplaceLineEndings("\n"),
            $"docs/analysis-json.md differs from {shared}: copy it again (cp ../shared/docs/analysis-json.md docs/)");
    }
}

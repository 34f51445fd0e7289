using Sitrep.Tests.TestSupport;

namespace Sitrep.Tests.Documents;

/// <summary>
/// What a clone's documents promise holds: docs/analysis-json.md is the contract a clone carries (a
/// user of a clone has no ../shared) and must be ../shared/docs/analysis-json.md wherever that is
/// present; every file examples/README.md names is there.
/// </summary>
public sealed class RepositoryDocsTests
{
    [Fact]
    public void Every_file_the_examples_readme_names_is_in_the_examples_folder()
    {
        var readme = File.ReadAllText(Path.Combine(RepoPaths.Examples, "README.md"));
        var named = System.Text.RegularExpressions.Regex.Matches(readme, @"`([\w.-]+\.(?:txt|jsonl))`").Select(m => m.Groups[1].Value).Distinct().ToList();

        Assert.True(named.Count >= 8, $"only {named.Count} files named");
        Assert.All(named, name => Assert.True(File.Exists(Path.Combine(RepoPaths.Examples, name)), $"examples/README.md names {name}, which is not in examples/"));
    }

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

using Sitrep.Tests.TestSupport;

namespace Sitrep.Tests.Cli;

/// <summary>
/// Where output goes when it is not a terminal (a log, a pipe): the summary on standard output,
/// every failure on standard error, with or without --quiet, and no line wrapped at 80 columns.
/// </summary>
public sealed class OutputStreamsTests
{
    [Fact]
    public void Without_quiet_failures_go_to_standard_error_and_no_line_is_wrapped()
    {
        using var dir = new TempDir();
        // Paths longer than 80 columns, so a wrap at 80 would split their lines.
        var folder = dir.File("a-folder-with-a-rather-long-name-so-that-every-path-in-it-runs-past-eighty-columns");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "good.txt"), Robustness.InventedNews.Article(1));
        File.WriteAllText(Path.Combine(folder, "empty-file-with-a-long-name-too.txt"), "");
        var db = Path.Combine(folder, "store.db");

        var (code, output, error) = SitrepProcess.Run(null, TimeSpan.FromMinutes(3), "analyze", folder, "--db", db);

        Assert.Equal(0, code);
        Assert.Contains(error.Split('\n'), line => line.Contains("empty-file-with-a-long-name-too.txt: empty file", StringComparison.Ordinal)
            && line.Contains(folder, StringComparison.Ordinal));
        Assert.DoesNotContain("empty file", output, StringComparison.Ordinal);
        Assert.Contains("read", output, StringComparison.Ordinal);
        Assert.Contains(output.Split('\n'), line => line.Contains("Store: " + db, StringComparison.Ordinal));
    }

    [Fact]
    public void Reanalyze_and_entity_errors_go_to_standard_error()
    {
        using var dir = new TempDir();
        var (code, output, error) = SitrepProcess.Run(null, TimeSpan.FromMinutes(3), "entities", "show", "E1", "--db", dir.File("none.db"));

        Assert.Equal(2, code);
        Assert.Contains("no store at", error, StringComparison.Ordinal);
        Assert.Equal("", output);
    }
}

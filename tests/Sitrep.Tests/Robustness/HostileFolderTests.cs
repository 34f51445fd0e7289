using Sitrep.Ingest;
using Sitrep.Tests.TestSupport;

namespace Sitrep.Tests.Robustness;

/// <summary>A folder with links that loop is read once, quickly, each loop reported; no file is read twice.</summary>
public sealed class HostileFolderTests
{
    [Fact]
    public async Task Links_back_to_a_folder_already_read_are_skipped_and_each_article_is_read_once()
    {
        using var dir = new TempDir();
        dir.Write("in/a.txt", InventedNews.Article(1));
        dir.Write("in/sub/b.txt", InventedNews.Article(2));
        // Two links up from a subfolder: .NET's own recursion follows them until the path is too long,
        // 2^40 paths on Linux (it hung for minutes before the fix).
        Directory.CreateSymbolicLink(dir.File("in/sub/loop"), "..");
        Directory.CreateSymbolicLink(dir.File("in/sub/loop2"), dir.File("in"));

        var items = await FolderReading.ItemsOrFailAsync(dir.File("in"));
        Assert.Equal(["a.txt", "b.txt"], items.Where(i => i.Article is not null).Select(i => Path.GetFileName(i.Article!.Source)).Order(StringComparer.Ordinal));
        var loops = items.Where(i => i.Failure is not null).Select(i => i.Failure!).ToList();
        Assert.Equal(2, loops.Count);
        Assert.All(loops, f => Assert.Contains("a link to a folder already read", f.Reason, StringComparison.Ordinal));
    }
}

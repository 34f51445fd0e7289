using System.Text;
using Sitrep.Ingest;

namespace Sitrep.Tests.Ingest;

public sealed class InputResolverTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("sitrep-inputs-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void A_folder_tree_yields_its_text_and_jsonl_files_in_ordinal_order_of_relative_path()
    {
        Write("top.txt", "Top story from the Velmora coast.");
        Write("b/same.txt", "Second copy of the same name, in folder b.");
        Write("a/same.txt", "First copy of the same name, in folder a.");
        Write("a/deep/story.txt", "A story two folders down about the Tarvis mine.");
        Write("Zeta.txt", "Upper-case names sort before lower-case ones.");
        Write("feed.jsonl", """{"text": "First record of the feed.", "url": "https://feed.example/1"}""" + "\n"
            + """{"text": "Second record of the feed.", "url": "https://feed.example/2"}""" + "\n");
        Write(".hidden.txt", "A hidden file that must not be read.");
        Write("a/.notes.txt", "Another hidden file.");
        File.WriteAllBytes(Path.Combine(_root, "map.png"), [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        Write("readme.md", "Not an input either.");

        var items = new InputResolver([_root]).Items().ToList();

        Assert.All(items, i => Assert.Null(i.Failure));
        var texts = items.Select(i => i.Article!.RawText).ToList();
        Assert.Equal(
        [
            "Upper-case names sort before lower-case ones.",
            "A story two folders down about the Tarvis mine.",
            "First copy of the same name, in folder a.",
            "Second copy of the same name, in folder b.",
            "First record of the feed.",
            "Second record of the feed.",
            "Top story from the Velmora coast.",
        ], texts);
    }

    [Fact]
    public void Text_files_are_identified_by_their_stem()
    {
        Write("harbor-strike.txt", "Dock workers in Velmora walked out on Monday.");
        Write("news/mine-closure.txt", "The Tarvis mine will close at the end of the year.");

        var items = new InputResolver([_root]).Items().ToList();

        Assert.Equal(["harbor-strike", "mine-closure"], items.Select(i => i.Article!.Id));
    }

    [Fact]
    public void Files_with_the_same_name_in_different_folders_are_told_apart_by_relative_path()
    {
        Write("a/same.txt", "The first article with this name.");
        Write("b/same.txt", "The second article with this name.");
        Write("c/other.txt", "An article with a name of its own.");

        var items = new InputResolver([_root]).Items().ToList();

        Assert.Equal(["a/same", "b/same", "other"], items.Select(i => i.Article!.Id));
    }

    [Fact]
    public void Files_inside_a_hidden_folder_are_not_read()
    {
        Write(".cache/old.txt", "A cached copy that is not an input.");
        Write("visible/story.txt", "The only article here.");

        var items = new InputResolver([_root]).Items().ToList();

        Assert.Equal(["The only article here."], items.Select(i => i.Article!.RawText));
    }

    [Fact]
    public void Files_with_the_same_name_in_two_folders_named_on_the_command_line_get_different_ids()
    {
        Write("monday/report.txt", "Monday's report from the Tarvis mine.");
        Write("tuesday/report.txt", "Tuesday's report from the Tarvis mine.");

        var items = new InputResolver([Path.Combine(_root, "monday"), Path.Combine(_root, "tuesday")]).Items().ToList();

        var ids = items.Select(i => i.Article!.Id).ToList();
        Assert.Equal(2, ids.Count);
        Assert.NotEqual(ids[0], ids[1]);
    }

    [Fact]
    public void A_single_file_named_directly_is_read()
    {
        var path = Write("single.txt", "Only this file is named on the command line.");

        var items = new InputResolver([path]).Items().ToList();

        var article = Assert.Single(items).Article;
        Assert.NotNull(article);
        Assert.Equal("single", article.Id);
        Assert.Equal("Only this file is named on the command line.", article.RawText);
    }

    [Fact]
    public void A_missing_path_fails_as_no_such_file_or_folder()
    {
        var missing = Path.Combine(_root, "not-here");

        var items = new InputResolver([missing]).Items().ToList();

        var failure = Assert.Single(items).Failure;
        Assert.NotNull(failure);
        Assert.Equal(missing, failure.Source);
        Assert.Equal("no such file or folder", failure.Reason);
    }

    [Fact]
    public void A_missing_path_does_not_stop_the_others()
    {
        var path = Write("present.txt", "This one exists.");

        var items = new InputResolver([Path.Combine(_root, "absent.txt"), path]).Items().ToList();

        Assert.Equal(2, items.Count);
        Assert.NotNull(items[0].Failure);
        Assert.Equal("This one exists.", items[1].Article?.RawText);
    }

    [Fact]
    public void An_empty_text_file_fails_as_empty_while_the_others_come_through()
    {
        Write("a-first.txt", "Before the empty one.");
        File.WriteAllBytes(Path.Combine(_root, "b-empty.txt"), []);
        Write("c-last.txt", "After the empty one.");

        var items = new InputResolver([_root]).Items().ToList();

        Assert.Equal(3, items.Count);
        Assert.Equal("Before the empty one.", items[0].Article?.RawText);
        var failure = items[1].Failure;
        Assert.NotNull(failure);
        Assert.EndsWith("b-empty.txt", failure.Source, StringComparison.Ordinal);
        Assert.Contains("empty", failure.Reason, StringComparison.Ordinal);
        Assert.Equal("After the empty one.", items[2].Article?.RawText);
    }

    [Fact]
    public void A_latin1_file_is_read_with_a_note()
    {
        File.WriteAllBytes(Path.Combine(_root, "cafe.txt"), [.. Encoding.ASCII.GetBytes("The caf"), 0xE9, .. Encoding.ASCII.GetBytes(" on the square reopened.")]);

        var article = Assert.Single(new InputResolver([_root]).Items()).Article;

        Assert.NotNull(article);
        Assert.Equal("The café on the square reopened.", article.RawText);
        Assert.Single(article.Notes);
    }

    private string Write(string relative, string content)
    {
        var path = Path.Combine(_root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content, new UTF8Encoding(false));
        return path;
    }
}

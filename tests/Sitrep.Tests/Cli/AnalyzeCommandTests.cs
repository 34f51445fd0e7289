using System.Text.Json;
using Sitrep.Storage;
using Sitrep.Tests.TestSupport;

namespace Sitrep.Tests.Cli;

/// <summary>`sitrep analyze` as a user runs it: exit codes, the summary, the store and the JSON.</summary>
public sealed class AnalyzeCommandTests
{
    private const string Article = """
        Valdoria reopens two Serin crossings

        ALDMERE — Valdoria reopened two of its seven road crossings with Korveth on Monday, ten days after a militia raid on a border post, the interior ministry said.

        Trucks began moving across the Serin Bridge shortly after dawn, and officials said the remaining crossings would open once new inspection posts were ready.

        "Trade has to move again, but not at the cost of security," Interior Minister Petra Vell told reporters at the bridge on Friday, March 14, 2025.
        """;

    [Fact]
    public void Analyzing_the_examples_stores_every_article_and_a_rerun_stores_nothing_new_with_the_same_json()
    {
        using var dir = new TempDir();
        var db = dir.File("s.db");
        var first = CliRunner.Run("analyze", RepoPaths.Examples, "--db", db, "--json", dir.File("a.json"));
        var second = CliRunner.Run("analyze", RepoPaths.Examples, "--db", db, "--json", dir.File("b.json"));

        Assert.Equal(0, first.ExitCode);
        Assert.Equal(0, second.ExitCode);
        int articles = Directory.GetFiles(RepoPaths.Examples, "*.txt").Length + File.ReadAllLines(Path.Combine(RepoPaths.Examples, "feed.jsonl")).Count(l => l.Trim().Length > 0);
        using (var store = SqliteDocumentStore.Open(db, Sitrep.Tests.TestSupport.TestPipelines.Full.Codecs))
            Assert.Equal(articles, store.Count());
        Assert.Contains("Nothing new", second.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Nothing new", first.Output, StringComparison.Ordinal);
        Assert.Equal(File.ReadAllBytes(dir.File("a.json")), File.ReadAllBytes(dir.File("b.json")));

        using var json = JsonDocument.Parse(File.ReadAllText(dir.File("a.json")));
        Assert.Equal(articles, json.RootElement.GetProperty("documents").GetArrayLength());
    }

    [Fact]
    public void Bad_inputs_are_reported_with_reasons_and_the_good_ones_still_stored()
    {
        using var dir = new TempDir();
        dir.Write("in/good.txt", Article);
        dir.Write("in/empty.txt", "");
        dir.WriteBytes("in/binary.txt", [0x50, 0x4B, 0x03, 0x04, 0x00, 0x00, 0x08, 0x00, 0x00, 0x00]);
        dir.Write("in/feed.jsonl", "{\"title\": \"A\", \"text\": \"Korveth said on Monday that it had closed the road to Dravik for repairs, officials said.\"}\nthis is not json\n{\"title\": \"no body\"}\n");

        var (code, output) = CliRunner.Run("analyze", dir.File("in"), "--db", dir.File("s.db"), "--json", dir.File("out.json"));

        Assert.Equal(0, code);
        Assert.Contains("empty.txt: empty file", output, StringComparison.Ordinal);
        Assert.Contains("binary.txt: binary file", output, StringComparison.Ordinal);
        Assert.Contains("feed.jsonl:2: not JSON", output, StringComparison.Ordinal);
        Assert.Contains("feed.jsonl:3: no text or html field", output, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(File.ReadAllText(dir.File("out.json")));
        var ids = json.RootElement.GetProperty("documents").EnumerateArray().Select(d => d.GetProperty("id").GetString()).ToList();
        Assert.Equal(2, ids.Count);
        Assert.Contains("good", ids);
    }

    [Fact]
    public void Verbose_says_where_the_time_went_and_the_plain_summary_does_not()
    {
        using var dir = new TempDir();
        dir.Write("in/good.txt", Article);

        var verbose = CliRunner.Run("analyze", dir.File("in"), "--db", dir.File("v.db"), "--verbose");
        var plain = CliRunner.Run("analyze", dir.File("in"), "--db", dir.File("p.db"));

        Assert.Equal(0, verbose.ExitCode);
        Assert.Contains("Storing and cross-document stages:", verbose.Output, StringComparison.Ordinal);
        Assert.Contains("analysis waited", verbose.Output, StringComparison.Ordinal);
        // And where the memory went: the peak a user compares with /usr/bin/time, and the collector's part of it.
        Assert.Matches(@"Memory: peak [\d,]+ MB resident; .* the collector held [\d,]+ MB", string.Join(' ', verbose.Output.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)));
        Assert.Equal(0, plain.ExitCode);
        Assert.DoesNotContain("analysis waited", plain.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Memory: peak", plain.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Nothing_readable_exits_with_2()
    {
        using var dir = new TempDir();
        dir.Write("empty.txt", "   \n");
        Assert.Equal(2, CliRunner.Run("analyze", dir.File("empty.txt"), "--db", dir.File("s.db")).ExitCode);
        Assert.Equal(2, CliRunner.Run("analyze", dir.File("no-such-folder"), "--db", dir.File("s.db")).ExitCode);
    }

    [Fact]
    public void With_nothing_analysed_the_summary_says_the_json_was_not_written_and_an_old_file_stays()
    {
        using var dir = new TempDir();
        dir.Write("empty.txt", "   \n");
        var old = dir.Write("out.json", "{\"documents\": []}");

        var (code, output) = CliRunner.Run("analyze", dir.File("empty.txt"), "--db", dir.File("s.db"), "--json", old);

        Assert.Equal(2, code);
        var flat = string.Join(' ', output.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("Analysis JSON: not written", flat, StringComparison.Ordinal);
        Assert.Contains("no article was analysed", flat, StringComparison.Ordinal);
        Assert.Contains("1 article in", flat, StringComparison.Ordinal);
        Assert.DoesNotContain("1 articles", flat, StringComparison.Ordinal);
        Assert.Equal("{\"documents\": []}", File.ReadAllText(old));
        Assert.False(File.Exists(dir.File("s.db")));
    }

    [Fact]
    public void A_usage_error_exits_non_zero_and_says_what_is_missing()
    {
        var (code, output) = CliRunner.Run("analyze");
        Assert.NotEqual(0, code);
        Assert.NotEqual(2, code);
        Assert.Contains("inputs", output, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void A_store_that_is_not_a_sitrep_database_is_refused_with_exit_3_and_left_alone()
    {
        using var dir = new TempDir();
        dir.Write("a.txt", Article);
        var notes = dir.Write("notes.db", "my shopping list\n");
        var (code, output) = CliRunner.Run("analyze", dir.File("a.txt"), "--db", notes);
        Assert.Equal(3, code);
        Assert.Contains("not a Sitrep store", output, StringComparison.Ordinal);
        Assert.Equal("my shopping list\n", File.ReadAllText(notes));
    }

    [Fact]
    public void The_same_text_from_another_source_is_its_own_document_marked_as_a_duplicate()
    {
        using var dir = new TempDir();
        dir.Write("wire/original.txt", Article);
        dir.Write("reprint/copy.txt", Article);
        var (code, output) = CliRunner.Run("analyze", dir.File("wire"), dir.File("reprint"), "--db", dir.File("s.db"), "--json", dir.File("out.json"));

        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(File.ReadAllText(dir.File("out.json")));
        var docs = json.RootElement.GetProperty("documents").EnumerateArray().ToList();
        Assert.Equal(2, docs.Count);
        Assert.Equal("original", docs[0].GetProperty("id").GetString());
        Assert.Equal(JsonValueKind.Null, docs[0].GetProperty("duplicate_of").ValueKind);
        Assert.Equal("copy", docs[1].GetProperty("id").GetString());
        Assert.Equal("original", docs[1].GetProperty("duplicate_of").GetString());
        Assert.Matches(@"duplicates of another source\s*│\s*1\b", output);
    }

    [Fact]
    public void Two_inputs_with_the_same_name_get_their_relative_paths_as_ids()
    {
        using var dir = new TempDir();
        dir.Write("in/a/report.txt", Article);
        dir.Write("in/b/report.txt", Article.Replace("two of its seven", "three of its seven", StringComparison.Ordinal));
        CliRunner.Run("analyze", dir.File("in"), "--db", dir.File("s.db"), "--json", dir.File("out.json"));

        using var json = JsonDocument.Parse(File.ReadAllText(dir.File("out.json")));
        var ids = json.RootElement.GetProperty("documents").EnumerateArray().Select(d => d.GetProperty("id").GetString()).ToList();
        Assert.Equal(["a/report", "b/report"], ids);
    }

    [Fact]
    public void The_json_keeps_the_contract_title_out_of_the_text_and_offsets_back_to_the_raw_file()
    {
        using var dir = new TempDir();
        var path = dir.Write("crossings.txt", Article);
        CliRunner.Run("analyze", path, "--db", dir.File("s.db"), "--json", dir.File("out.json"));

        using var json = JsonDocument.Parse(File.ReadAllText(dir.File("out.json")));
        var doc = json.RootElement.GetProperty("documents")[0];
        Assert.Equal("Valdoria reopens two Serin crossings", doc.GetProperty("title").GetString());
        var text = doc.GetProperty("text").GetString()!;
        Assert.StartsWith("ALDMERE — Valdoria reopened", text, StringComparison.Ordinal);
        Assert.Equal("2025-03-14", doc.GetProperty("published").GetString());
        Assert.True(doc.GetProperty("published_inferred").GetBoolean());
        Assert.Equal("en", doc.GetProperty("language").GetString());
        Assert.Equal("news", doc.GetProperty("genre").GetString());
        var raw = File.ReadAllText(path);
        foreach (var seg in doc.GetProperty("offset_map").EnumerateArray())
        {
            int body = seg[0].GetInt32(), rawStart = seg[1].GetInt32(), length = seg[2].GetInt32();
            Assert.Equal(raw.Substring(rawStart, length), text.Substring(body, length));
        }
    }
}

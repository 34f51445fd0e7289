using System.Text.Json;
using Sitrep.Storage;
using Sitrep.Tests.TestSupport;

namespace Sitrep.Tests.Cli;

/// <summary>A small store analysed once for the tests that only read it (invented articles, stated metadata).</summary>
public sealed class ReadingStoreFixture : IDisposable
{
    public const string Harbour = "Transport Minister Lena Marwick said on Monday that the Serin harbour would reopen next week. Marwick told reporters that the Harbour Workers Union (HWU) had agreed to end the strike.";
    public const string Strike = "The HWU said on Tuesday that its members would return to work at the Serin docks. Union leader Tomas Brandt said the deal protected jobs, and Lena Marwick thanked the union.";
    public const string Novel = "The novelist Jon Marwick read from his new book at the Aldmere festival on Thursday. Jon Marwick said the story had taken him ten years to write.";

    private readonly TempDir _dir = new();

    public ReadingStoreFixture()
    {
        var lines = new[]
        {
            Record("https://ledger.example/harbour", "Serin harbour to reopen", "Harbor Ledger", "2025-03-03", Harbour),
            Record("https://bellamar.example/strike", "Dock strike ends", "Radio Bellamar", "2025-03-04", Strike),
            Record("https://ledger.example/novel", "Novelist reads in Aldmere", "Harbor Ledger", "2025-03-06", Novel),
        };
        Input = _dir.Write("news.jsonl", string.Join("\n", lines) + "\n");
        Db = _dir.File("news.db");
        var (code, output) = CliRunner.Run("analyze", Input, "--db", Db, "--json", _dir.File("a.json"), "--quiet");
        Assert.True(code == 0, output);
        using var json = JsonDocument.Parse(File.ReadAllText(_dir.File("a.json")));
        foreach (var d in json.RootElement.GetProperty("documents").EnumerateArray())
            Ids[d.GetProperty("title").GetString()!] = d.GetProperty("id").GetString()!;
    }

    public string Input { get; }

    public string Db { get; }

    /// <summary>Document ids by title.</summary>
    public Dictionary<string, string> Ids { get; } = new(StringComparer.Ordinal);

    /// <summary>A copy of the store a test may change.</summary>
    public string Copy(TempDir dir)
    {
        var path = dir.File("copy.db");
        File.Copy(Db, path);
        return path;
    }

    public void Dispose() => _dir.Dispose();

    private static string Record(string url, string title, string outlet, string date, string text) =>
        JsonSerializer.Serialize(new Dictionary<string, string> { ["url"] = url, ["title"] = title, ["outlet"] = outlet, ["published"] = date, ["text"] = text });
}

/// <summary>
/// Finding and reading what was stored: <c>documents list|show|delete</c>, <c>search</c>, <c>stats</c>,
/// entity pages that name their articles, and an export of everything.
/// </summary>
public sealed class ReadingTheStoreTests(ReadingStoreFixture store) : IClassFixture<ReadingStoreFixture>
{
    [Fact]
    public void Documents_list_shows_titles_outlets_and_dates_newest_first_and_filters_by_outlet_and_date()
    {
        var (code, all) = CliRunner.Run("documents", "list", "--db", store.Db);
        var (_, ledger) = CliRunner.Run("documents", "list", "--db", store.Db, "--outlet", "harbor ledger", "--from", "2025-03-01", "--to", "2025-03-05");

        Assert.Equal(0, code);
        Assert.True(all.IndexOf("Novelist reads in Aldmere", StringComparison.Ordinal) < all.IndexOf("Dock strike ends", StringComparison.Ordinal), all);
        Assert.True(all.IndexOf("Dock strike ends", StringComparison.Ordinal) < all.IndexOf("Serin harbour to reopen", StringComparison.Ordinal), all);
        Assert.Contains("3 documents.", all, StringComparison.Ordinal);
        Assert.Contains("Serin harbour to reopen", ledger, StringComparison.Ordinal);
        Assert.DoesNotContain("Dock strike ends", ledger, StringComparison.Ordinal);
        Assert.DoesNotContain("Novelist", ledger, StringComparison.Ordinal);
        Assert.Contains("1 document.", ledger, StringComparison.Ordinal);
    }

    [Fact]
    public void A_date_that_is_no_date_is_a_usage_error()
    {
        var (code, output) = CliRunner.Run("documents", "list", "--db", store.Db, "--from", "March");

        Assert.Equal(1, code);
        Assert.Contains("--from March: not a date", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Documents_show_gives_the_metadata_the_text_and_the_entities_it_names()
    {
        var (code, output) = CliRunner.Run("documents", "show", store.Ids["Serin harbour to reopen"], "--db", store.Db);

        Assert.Equal(0, code);
        Assert.Contains("Harbor Ledger", output, StringComparison.Ordinal);
        Assert.Contains("2025-03-03", output, StringComparison.Ordinal);
        Assert.Contains("Transport Minister Lena Marwick said on Monday", output, StringComparison.Ordinal);
        Assert.Contains("entities", output, StringComparison.Ordinal);
        Assert.Matches(@"│ E\d+ +│ Lena Marwick +│ PERSON +│ 2 ", output);
        Assert.DoesNotContain("Jon Marwick", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Documents_show_of_an_unknown_id_says_so_with_exit_2()
    {
        var (code, output) = CliRunner.Run("documents", "show", "no-such-id", "--db", store.Db);

        Assert.Equal(2, code);
        Assert.Contains("no document no-such-id in the store", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Search_ranks_the_articles_with_the_words_and_shows_where_they_are()
    {
        var (code, output) = CliRunner.Run("search", "Marwick's", "union", "--db", store.Db);

        Assert.Equal(0, code);
        Assert.Contains("Serin harbour to reopen (Harbor Ledger, 2025-03-03)", output, StringComparison.Ordinal);
        Assert.Contains("Dock strike ends (Radio Bellamar, 2025-03-04)", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Novelist", output, StringComparison.Ordinal);
        Assert.Contains("2 documents found.", output, StringComparison.Ordinal);
        Assert.Contains("Lena Marwick", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Search_with_only_punctuation_is_a_usage_error_not_a_crash()
    {
        var (code, output) = CliRunner.Run("search", "\"", "--db", store.Db);

        Assert.Equal(1, code);
        Assert.Contains("nothing to search for", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Stats_count_documents_by_outlet_and_language_entities_by_type_and_stage_versions()
    {
        var (code, output) = CliRunner.Run("stats", "--db", store.Db);

        Assert.Equal(0, code);
        Assert.Contains("3 documents", output, StringComparison.Ordinal);
        Assert.Contains("published from 2025-03-03 to 2025-03-06; 0 undated", output, StringComparison.Ordinal);
        Assert.Matches(@"│ Harbor Ledger +│ 2 +│", output);
        Assert.Matches(@"│ Radio Bellamar +│ 1 +│", output);
        Assert.Matches(@"│ en +│ 3 +│", output);
        Assert.Matches(@"│ PERSON +│ [3-9] +│", output);
        Assert.Matches(@"│ ner +│ \S+ +│ 3 +│ current +│", output);
    }

    [Fact]
    public void Entities_list_by_type_lists_only_that_type()
    {
        var (code, output) = CliRunner.Run("entities", "list", "--type", "person", "--db", store.Db);
        var (badCode, bad) = CliRunner.Run("entities", "list", "--type", "people", "--db", store.Db);

        Assert.Equal(0, code);
        Assert.Contains("Lena Marwick", output, StringComparison.Ordinal);
        Assert.Contains("Jon Marwick", output, StringComparison.Ordinal);
        Assert.DoesNotContain("HWU", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Harbour Workers Union", output, StringComparison.Ordinal);
        Assert.DoesNotContain(" ORG ", output, StringComparison.Ordinal);
        Assert.Equal(1, badCode);
        Assert.Contains("the types are PERSON", bad, StringComparison.Ordinal);
    }

    [Fact]
    public void An_entity_page_names_each_article_once_by_title_outlet_and_date_with_its_roles_beside_it()
    {
        var lena = EntityId("Lena Marwick");
        var jon = EntityId("Jon Marwick");

        var (code, output) = CliRunner.Run("entities", "show", lena, "--db", store.Db);
        var (_, single) = CliRunner.Run("entities", "show", jon, "--db", store.Db);

        Assert.Equal(0, code);
        Assert.Contains("named in 2 articles", output, StringComparison.Ordinal);
        var rows = output.Split('\n');
        var harbour = Assert.Single(rows, r => r.Contains("Serin harbour to reopen", StringComparison.Ordinal));
        Assert.Contains("2025-03-03", harbour, StringComparison.Ordinal);
        Assert.Contains("Harbor Ledger", harbour, StringComparison.Ordinal);
        Assert.Contains("Transport Minister", harbour, StringComparison.Ordinal);
        var strike = Assert.Single(rows, r => r.Contains("Dock strike ends", StringComparison.Ordinal));
        Assert.DoesNotContain("Minister", strike, StringComparison.Ordinal);
        Assert.Contains("named in 1 article", single, StringComparison.Ordinal);
        Assert.DoesNotContain("1 articles", single, StringComparison.Ordinal);
    }

    [Fact]
    public void An_article_linked_twice_to_one_entity_is_listed_once()
    {
        using var dir = new TempDir();
        var db = store.Copy(dir);
        var lena = long.Parse(EntityId("Lena Marwick")[1..], System.Globalization.CultureInfo.InvariantCulture);
        using (var sqlite = SqliteDocumentStore.Open(db, TestPipelines.Full.Codecs))
        {
            // A second entity of the harbour article also resolved to Lena Marwick (as when an article names her two ways).
            var harbour = store.Ids["Serin harbour to reopen"];
            int other = Enumerable.Range(0, 10).First(local => sqlite.Entities.EntityOf(harbour, local) is { } e && e != lena);
            sqlite.Entities.Link(harbour, other, lena, "PERSON");
        }

        var (_, output) = CliRunner.Run("entities", "show", "E" + lena, "--db", db);

        Assert.Single(output.Split('\n'), r => r.Contains("Serin harbour to reopen", StringComparison.Ordinal));
        Assert.Contains("named in 2 articles", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Deleting_a_document_takes_its_entity_links_counts_and_search_entries_with_it()
    {
        using var dir = new TempDir();
        var db = store.Copy(dir);
        var lena = EntityId("Lena Marwick");
        var harbour = store.Ids["Serin harbour to reopen"];

        var (code, output) = CliRunner.Run("documents", "delete", harbour, "--db", db);

        Assert.Equal(0, code);
        Assert.Contains($"deleted {harbour}: Serin harbour to reopen (Harbor Ledger, 2025-03-03)", output, StringComparison.Ordinal);
        Assert.Contains("2 documents left", output, StringComparison.Ordinal);
        Assert.Contains("named in 1 article", CliRunner.Run("entities", "show", lena, "--db", db).Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Serin harbour to reopen", CliRunner.Run("search", "Marwick", "--db", db).Output, StringComparison.Ordinal);
        Assert.Equal(2, CliRunner.Run("documents", "delete", harbour, "--db", db).ExitCode);
    }

    [Fact]
    public void Export_ends_with_the_entities_its_documents_name_so_every_mention_id_resolves()
    {
        using var dir = new TempDir();
        var (code, output) = CliRunner.Run("export", "--db", store.Db, "--out", dir.File("all.jsonl"));

        Assert.Equal(0, code);
        Assert.Contains("3 documents written", output, StringComparison.Ordinal);
        var lines = File.ReadAllLines(dir.File("all.jsonl"));
        Assert.Equal(4, lines.Length);
        using var last = JsonDocument.Parse(lines[^1]);
        var entities = last.RootElement.GetProperty("entities").EnumerateArray().ToDictionary(e => e.GetProperty("id").GetString()!, e => e.GetProperty("name").GetString()!);
        Assert.Contains("Lena Marwick", entities.Values);
        foreach (var line in lines[..^1])
        {
            using var doc = JsonDocument.Parse(line);
            foreach (var mention in doc.RootElement.GetProperty("mentions").EnumerateArray())
            {
                if (mention.GetProperty("entity").GetString() is { } id)
                    Assert.True(entities.ContainsKey(id), $"{id} of \"{mention.GetProperty("text").GetString()}\" is not on the last line");
            }
        }
    }

    [Fact]
    public void Csv_export_writes_documents_mentions_and_entities_tables_that_join()
    {
        using var dir = new TempDir();
        var (code, output) = CliRunner.Run("export", "--format", "csv", "--db", store.Db, "--out", dir.File("tables"));

        Assert.Equal(0, code);
        Assert.Contains("documents.csv, mentions.csv, entities.csv, quotes.csv, times.csv", output, StringComparison.Ordinal);
        var documents = File.ReadAllLines(dir.File("tables/documents.csv"));
        var mentions = File.ReadAllLines(dir.File("tables/mentions.csv"));
        var entities = File.ReadAllLines(dir.File("tables/entities.csv"));
        Assert.Equal("id,source,url,title,outlet,original_publisher,byline,published,published_inferred,genre,language,duplicate_of,text", documents[0]);
        Assert.Equal(4, documents.Length);
        Assert.Equal("document,start,end,text,type,entity", mentions[0]);
        Assert.Equal("id,name,type,documents", entities[0]);
        var lena = EntityId("Lena Marwick");
        Assert.Contains($"{lena},Lena Marwick,PERSON,2", entities);
        var harbour = store.Ids["Serin harbour to reopen"];
        Assert.Contains(mentions, m => m.StartsWith($"{harbour},", StringComparison.Ordinal) && m.EndsWith($",Lena Marwick,PERSON,{lena}", StringComparison.Ordinal));
        var times = File.ReadAllLines(dir.File("tables/times.csv"));
        Assert.Equal("document,start,end,text,type,value,mod,from,to,anchor", times[0]);
        Assert.All(times.Skip(1), t => Assert.True(documents.Any(d => d.StartsWith(t[..t.IndexOf(',', StringComparison.Ordinal)] + ",", StringComparison.Ordinal)), t));
    }

    [Fact]
    public void One_csv_table_goes_to_standard_output_and_an_unknown_table_is_a_usage_error()
    {
        var (code, output) = CliRunner.Run("export", "--format", "csv", "--table", "quotes-not-yet", "--db", store.Db);
        var (noOut, noOutOutput) = CliRunner.Run("export", "--format", "csv", "--db", store.Db);

        Assert.Equal(1, code);
        Assert.Contains("the tables are documents, mentions, entities, quotes, times", output, StringComparison.Ordinal);
        Assert.Equal(1, noOut);
        Assert.Contains("give --out FOLDER", noOutOutput, StringComparison.Ordinal);
    }

    private string EntityId(string name)
    {
        var (_, output) = CliRunner.Run("entities", "list", "--search", name, "--db", store.Db);
        var match = System.Text.RegularExpressions.Regex.Match(output, @"(E\d+)\s*│\s*" + System.Text.RegularExpressions.Regex.Escape(name) + @"\s*│");
        Assert.True(match.Success, output);
        return match.Groups[1].Value;
    }
}

using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using Sitrep.Tests.TestSupport;

namespace Sitrep.Tests.Robustness;

/// <summary>
/// `sitrep export` gives back what `analyze` stored, and `sitrep reanalyze` brings documents
/// analysed by another pipeline version up to date from the raw input kept with them.
/// </summary>
public sealed class ExportReanalyzeTests
{
    [Fact]
    public void Export_writes_one_json_object_per_stored_document_with_the_ids_and_texts_analyze_wrote()
    {
        using var dir = new TempDir();
        WriteCorpus(dir);
        var db = dir.File("s.db");
        Assert.Equal(0, CliRunner.Run("analyze", dir.File("in"), "--db", db, "--json", dir.File("analysis.json")).ExitCode);
        var analysed = InventedNews.DocumentList(dir.File("analysis.json"));

        var (code, output) = CliRunner.Run("export", "--db", db, "--out", dir.File("export.jsonl"));

        Assert.Equal(0, code);
        Assert.Contains($"{analysed.Count} documents written", output, StringComparison.Ordinal);
        var all = File.ReadAllLines(dir.File("export.jsonl"));
        // One line per document, then one with the entities they name.
        Assert.Equal(analysed.Count + 1, all.Length);
        Assert.True(JsonNode.Parse(all[^1])!["entities"] is JsonArray { Count: > 0 }, all[^1]);
        var lines = all[..^1];
        var exported = lines.Select(line =>
        {
            var node = JsonNode.Parse(line);
            Assert.IsType<JsonObject>(node);
            return (JsonObject)node;
        }).ToList();
        Assert.Equal(
            analysed.Select(d => (Id: d.GetProperty("id").GetString(), Text: d.GetProperty("text").GetString())).OrderBy(d => d.Id, StringComparer.Ordinal),
            exported.Select(d => (Id: (string?)d["id"], Text: (string?)d["text"])).OrderBy(d => d.Id, StringComparer.Ordinal));
        Assert.Equal(lines.Length, exported.Select(d => (string?)d["id"]).Distinct(StringComparer.Ordinal).Count());
        // Every field, not only id and text, is what the analysis JSON holds for that document.
        var byId = analysed.ToDictionary(d => d.GetProperty("id").GetString()!, d => JsonNode.Parse(d.GetRawText()), StringComparer.Ordinal);
        foreach (var doc in exported)
            Assert.True(JsonNode.DeepEquals(byId[(string)doc["id"]!], doc), $"export differs from the analysis for {doc["id"]}");
    }

    [Fact]
    public void Documents_from_an_old_pipeline_are_flagged_by_analyze_and_restored_by_reanalyze()
    {
        using var dir = new TempDir();
        WriteCorpus(dir);
        var db = dir.File("s.db");
        Assert.Equal(0, CliRunner.Run("analyze", dir.File("in"), "--db", db, "--json", dir.File("before.json")).ExitCode);
        var original = InventedNews.Documents(dir.File("before.json"));
        var version = original.Values.First().GetProperty("pipeline_version").GetString();
        // What reanalysis has to keep beyond the text: a duplicate's link (reprints/ comes first in path order) and a decoding note.
        Assert.Equal("reprints/story-0", original["story-0"].GetProperty("duplicate_of").GetString());
        Assert.Contains("Windows-1252", original["latin"].GetProperty("notes")[0].GetString(), StringComparison.Ordinal);

        int changed;
        using (var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = db, Pooling = false }.ToString()))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            // As an older clean stage left them: another version, and a body that is not what cleaning makes now.
            command.CommandText = "UPDATE documents SET pipeline_version = 'old', text = 'stale', stages = json_set(stages, '$.clean', '0')";
            changed = command.ExecuteNonQuery();
        }
        Assert.Equal(original.Count, changed);

        var again = CliRunner.Run("analyze", dir.File("in"), "--db", db);
        Assert.Equal(0, again.ExitCode);
        Assert.Contains("reanalyze", again.Output, StringComparison.Ordinal);

        var (code, output) = CliRunner.Run("reanalyze", "--db", db);

        Assert.Equal(0, code);
        Assert.Contains($"{original.Count.ToString(CultureInfo.InvariantCulture)} documents brought up to date", output, StringComparison.Ordinal);
        using (var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = db, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString()))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT id, text, pipeline_version FROM documents";
            using var reader = command.ExecuteReader();
            int rows = 0;
            while (reader.Read())
            {
                rows++;
                var id = reader.GetString(0);
                Assert.Equal(original[id].GetProperty("text").GetString(), reader.GetString(1));
                Assert.Equal(version, reader.GetString(2));
            }
            Assert.Equal(original.Count, rows);
        }

        // Nothing stale is left: analyze no longer asks for reanalyze, and writes the analysis it wrote first.
        var after = CliRunner.Run("analyze", dir.File("in"), "--db", db, "--json", dir.File("after.json"));
        Assert.DoesNotContain("reanalyze", after.Output, StringComparison.Ordinal);
        Assert.Contains("Nothing new", after.Output, StringComparison.Ordinal);
        Assert.Equal(File.ReadAllBytes(dir.File("before.json")), File.ReadAllBytes(dir.File("after.json")));
    }

    /// <summary>
    /// Plain-text articles (one a reprint of another, one in Latin-1 with its decoding note), an
    /// HTML page and a JSONL file of two records with stated metadata.
    /// </summary>
    private static void WriteCorpus(TempDir dir)
    {
        for (int i = 0; i < 3; i++)
            dir.Write($"in/story-{i.ToString(CultureInfo.InvariantCulture)}.txt", InventedNews.Article(60 + i));
        dir.Write("in/reprints/story-0.txt", InventedNews.Article(60));
        dir.WriteBytes("in/latin.txt", Encoding.Latin1.GetBytes(InventedNews.Article(64).Replace("market square", "market square by the café", StringComparison.Ordinal)));
        var paragraphs = InventedNews.Article(65).Split("\n\n").Skip(1).Select(p => $"<p>{p.Replace("\n", " ", StringComparison.Ordinal)}</p>");
        dir.Write("in/page.html", $"<!doctype html><html lang=\"en\"><head><title>Dunvale ferry</title></head><body><nav><a href=\"/\">Home</a></nav><article><h1>Dunvale ferry</h1>{string.Concat(paragraphs)}</article></body></html>");
        dir.Write("in/wire.jsonl", InventedNews.Jsonl(2, start: 70));
    }
}

using System.Text.Json;
using Sitrep.Tests.TestSupport;

namespace Sitrep.Tests.Cli;

/// <summary><c>sitrep quotes</c> over a small store: who said what, filtered by speaker (name or id) and document, as a table or JSON.</summary>
public sealed class QuotesCommandTests(ReadingStoreFixture store) : IClassFixture<ReadingStoreFixture>
{
    [Fact]
    public void Quotes_lists_speaker_words_date_and_article()
    {
        var (code, output) = CliRunner.Run("quotes", "--db", store.Db);

        Assert.Equal(0, code);
        Assert.Contains("the Serin harbour would reopen next week", output, StringComparison.Ordinal);
        Assert.Contains("Lena Marwick", output, StringComparison.Ordinal);
        Assert.Contains("2025-03-03", output, StringComparison.Ordinal);
        Assert.Contains("the deal protected jobs", output, StringComparison.Ordinal);
        Assert.Contains(store.Ids["Serin harbour to reopen"], output, StringComparison.Ordinal);
        // The words of an article are not a quote because a name stands near them.
        Assert.DoesNotContain("read from his new book", output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_speaker_by_id_is_that_entity_and_not_a_namesake()
    {
        var (_, entities) = CliRunner.Run("entities", "list", "--search", "Lena Marwick", "--db", store.Db);
        var lena = System.Text.RegularExpressions.Regex.Match(entities, @"(E\d+)\s*│\s*Lena Marwick").Groups[1].Value;
        Assert.NotEmpty(lena);

        var (code, byId) = CliRunner.Run("quotes", "--speaker", lena, "--db", store.Db);
        var (_, byName) = CliRunner.Run("quotes", "--speaker", "marwick", "--db", store.Db);

        Assert.Equal(0, code);
        Assert.Contains("the Serin harbour would reopen next week", byId, StringComparison.Ordinal);
        Assert.DoesNotContain("ten years to write", byId, StringComparison.Ordinal);
        Assert.DoesNotContain("the deal protected jobs", byId, StringComparison.Ordinal);
        // By name: every Marwick, and no one else.
        Assert.Contains("ten years to write", byName, StringComparison.Ordinal);
        Assert.DoesNotContain("the deal protected jobs", byName, StringComparison.Ordinal);
    }

    [Fact]
    public void One_document_as_json_gives_speakers_with_their_entity_ids()
    {
        var id = store.Ids["Dock strike ends"];
        var (code, output) = CliRunner.Run("quotes", "--document", id, "--json", "--db", store.Db);

        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(output);
        var quotes = json.RootElement.EnumerateArray().ToList();
        Assert.All(quotes, q => Assert.Equal(id, q.GetProperty("document").GetString()));
        var deal = quotes.Single(q => q.GetProperty("text").GetString() == "the deal protected jobs");
        Assert.Equal("Tomas Brandt", deal.GetProperty("speaker").GetProperty("name").GetString());
        Assert.StartsWith("E", deal.GetProperty("speaker").GetProperty("entity").GetString(), StringComparison.Ordinal);
        Assert.Equal("indirect", deal.GetProperty("kind").GetString());
        Assert.DoesNotContain(quotes, q => q.GetProperty("text").GetString()!.Contains("Serin harbour would reopen", StringComparison.Ordinal));
    }

    [Fact]
    public void An_unknown_document_is_an_error_on_standard_error()
    {
        var (code, output) = CliRunner.Run("quotes", "--document", "no-such-document", "--db", store.Db);

        Assert.Equal(2, code);
        Assert.Contains("no document no-such-document", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Quotes_filter_by_attribution_and_an_unknown_one_is_a_usage_error()
    {
        var (code, json) = CliRunner.Run("quotes", "--attribution", "speech", "--json", "--db", store.Db);
        Assert.Equal(0, code);
        using var doc = System.Text.Json.JsonDocument.Parse(json);
        Assert.NotEmpty(doc.RootElement.EnumerateArray());
        Assert.All(doc.RootElement.EnumerateArray(), q => Assert.Equal("speech", q.GetProperty("attribution").GetString()));

        var (bad, output) = CliRunner.Run("quotes", "--attribution", "rumour", "--db", store.Db);
        Assert.Equal(1, bad);
        Assert.Contains("unknown attribution 'rumour'", output, StringComparison.Ordinal);
    }

    [Fact]
    public void The_csv_export_has_a_quotes_table_whose_rows_name_stored_documents()
    {
        using var dir = new TempDir();
        var (code, _) = CliRunner.Run("export", "--format", "csv", "--db", store.Db, "--out", dir.File("tables"));

        Assert.Equal(0, code);
        var quotes = File.ReadAllLines(dir.File("tables/quotes.csv"));
        Assert.Equal("document,quote,start,end,kind,text,speaker,speaker_entity,cue,cited,cited_entity,date,date_inferred,statement,within,attribution", quotes[0]);
        Assert.Contains(quotes, q => q.StartsWith(store.Ids["Serin harbour to reopen"] + ",", StringComparison.Ordinal) && q.Contains(",the Serin harbour would reopen next week,Lena Marwick,E", StringComparison.Ordinal));
    }

    [Fact]
    public void The_document_page_shows_its_quotes()
    {
        var (code, output) = CliRunner.Run("documents", "show", store.Ids["Dock strike ends"], "--db", store.Db, "--no-text");

        Assert.Equal(0, code);
        Assert.Contains("quotes", output, StringComparison.Ordinal);
        Assert.Contains("Tomas Brandt", output, StringComparison.Ordinal);
        Assert.Contains("the deal protected jobs", output, StringComparison.Ordinal);
    }
}

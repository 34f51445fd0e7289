using System.Text.Json;
using Sitrep.Storage;
using Sitrep.Tests.TestSupport;

namespace Sitrep.Tests.Cli;

/// <summary>
/// `sitrep analyze` on URLs and feeds of a local site: good pages are stored, each bad one is
/// reported with its reason, and the batch goes on.
/// </summary>
public sealed class WebIngestTests(NewsSiteServer site) : IClassFixture<NewsSiteServer>
{
    [Fact]
    public void Every_failing_page_is_reported_with_its_reason_and_the_good_ones_are_stored()
    {
        using var dir = new TempDir();
        var (code, output) = CliRunner.Run(
            "analyze", site.Url("/news/crossings"), site.Url("/loop/a"), site.Url("/slow"), site.Url("/missing"),
            site.Url("/huge"), site.Url("/bomb"), site.Url("/deep"), site.Url("/news/second"),
            "--db", dir.File("s.db"), "--json", dir.File("out.json"), "--timeout", "4", "--host-interval", "0");

        Assert.Equal(0, code);
        Assert.Contains("redirect loop", output, StringComparison.Ordinal);
        Assert.Contains("timed out after 4 s", output, StringComparison.Ordinal);
        Assert.Contains("HTTP 404", output, StringComparison.Ordinal);
        Assert.Contains("exceeds the 10 MiB limit", output, StringComparison.Ordinal);
        Assert.Contains("compression bomb", output, StringComparison.Ordinal);
        Assert.Contains("nested", output, StringComparison.Ordinal);

        using var json = JsonDocument.Parse(File.ReadAllText(dir.File("out.json")));
        var docs = json.RootElement.GetProperty("documents").EnumerateArray().ToList();
        Assert.Equal([site.Url("/news/crossings"), site.Url("/news/second")], docs.Select(d => d.GetProperty("source").GetString()).ToList());
        var first = docs[0];
        Assert.Equal("Valdoria reopens two Serin crossings", first.GetProperty("title").GetString());
        Assert.Equal("Harbor Ledger", first.GetProperty("outlet").GetString());
        Assert.Equal("Mirela Tasch", first.GetProperty("byline").GetString());
        Assert.Equal("2025-03-14", first.GetProperty("published").GetString());
        Assert.StartsWith("ALDMERE — Valdoria reopened", first.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("Home", first.GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_redirect_to_the_same_page_with_tracking_parameters_is_the_same_source()
    {
        using var dir = new TempDir();
        var (code, output) = CliRunner.Run("analyze", site.Url("/news/crossings"), site.Url("/news/moved"), "--db", dir.File("s.db"), "--host-interval", "0");

        Assert.Equal(0, code);
        using var store = SqliteDocumentStore.Open(dir.File("s.db"), Sitrep.Tests.TestSupport.TestPipelines.Full.Codecs);
        Assert.Equal(1, store.Count());
        Assert.Matches(@"already stored\s*│\s*1\b", output);
    }

    [Fact]
    public void A_feed_gives_its_full_items_as_they_are_fetches_summary_only_items_and_reports_a_broken_one_then_polls_conditionally()
    {
        using var dir = new TempDir();
        var feed = site.Url("/feed.xml");
        var (code, output) = CliRunner.Run("analyze", feed, "--db", dir.File("s.db"), "--json", dir.File("out.json"), "--host-interval", "0");

        Assert.Equal(0, code);
        Assert.Contains("#item3: no link and no content", output, StringComparison.Ordinal);
        using (var json = JsonDocument.Parse(File.ReadAllText(dir.File("out.json"))))
        {
            var docs = json.RootElement.GetProperty("documents").EnumerateArray().ToList();
            Assert.Equal(2, docs.Count);
            Assert.Equal("Talks open in Bellamar", docs[0].GetProperty("title").GetString());
            Assert.Equal("Anika Brandt", docs[0].GetProperty("byline").GetString());
            Assert.Equal("http://127.0.0.1/news/talks", docs[0].GetProperty("url").GetString());
            Assert.Contains("delegations from Valdoria and Korveth", docs[0].GetProperty("text").GetString(), StringComparison.Ordinal);
            Assert.Equal(site.Url("/news/second"), docs[1].GetProperty("source").GetString());
            Assert.StartsWith("LENZ — Ferries", docs[1].GetProperty("text").GetString(), StringComparison.Ordinal);
        }

        var again = CliRunner.Run("analyze", feed, "--db", dir.File("s.db"), "--host-interval", "0");
        Assert.Contains(NewsSiteServer.FeedETag, site.FeedConditions);
        using var store = SqliteDocumentStore.Open(dir.File("s.db"), Sitrep.Tests.TestSupport.TestPipelines.Full.Codecs);
        Assert.Equal(2, store.Count());
        Assert.Equal(0, again.ExitCode);
        Assert.Matches(@"feeds not modified since last poll\s*│\s*1\b", again.Output);
        Assert.Contains("Nothing new", again.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void An_XXE_feed_reads_no_local_file_and_is_reported()
    {
        using var dir = new TempDir();
        var (code, output) = CliRunner.Run("analyze", site.Url("/xxe.xml"), "--db", dir.File("s.db"), "--json", dir.File("out.json"), "--host-interval", "0");

        Assert.Equal(2, code);
        Assert.Contains("xxe.xml", output, StringComparison.Ordinal);
        Assert.DoesNotContain("root:", output, StringComparison.Ordinal);
        Assert.False(File.Exists(dir.File("out.json")) && File.ReadAllText(dir.File("out.json")).Contains("root:", StringComparison.Ordinal));
    }
}

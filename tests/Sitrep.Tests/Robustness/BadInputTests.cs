using System.IO.Compression;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Sitrep.Ingest;
using Sitrep.Pipeline;
using Sitrep.Storage;
using Sitrep.Tests.TestSupport;

namespace Sitrep.Tests.Robustness;

/// <summary>
/// One bad input in a batch is reported with a reason a user can act on, and every other input
/// of the same batch is still stored.
/// </summary>
public sealed class BadInputTests
{
    private const int GoodIndex = 1;

    [Fact]
    public void An_empty_txt_file_is_reported_as_empty_and_the_good_article_is_stored()
    {
        using var dir = new TempDir();
        dir.Write("in/good.txt", InventedNews.Article(GoodIndex));
        dir.WriteBytes("in/empty.txt", []);

        var (code, output) = Analyze(dir);

        Assert.Equal(0, code);
        Assert.Contains("empty.txt: empty file", InventedNews.Flat(output), StringComparison.Ordinal);
        AssertOnlyGoodStored(dir, output, failed: 1);
    }

    [Fact]
    public void A_binary_file_named_html_is_reported_as_binary_and_the_good_article_is_stored()
    {
        using var dir = new TempDir();
        dir.Write("in/good.txt", InventedNews.Article(GoodIndex));
        // A PNG signature and IHDR chunk: NUL bytes early on, as in any image.
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x00, 0x08, 0x06, 0x00, 0x00, 0x00, 0x5C, 0x72, 0xA8, 0x66];
        dir.WriteBytes("in/photo.html", [.. png, .. Enumerable.Range(0, 2000).Select(i => (byte)(i * 37 % 256))]);

        var (code, output) = Analyze(dir);

        Assert.Equal(0, code);
        Assert.Contains("photo.html: binary file", InventedNews.Flat(output), StringComparison.Ordinal);
        AssertOnlyGoodStored(dir, output, failed: 1);
    }

    [Fact]
    public void A_latin1_article_is_not_a_failure_it_is_stored_decoded_as_windows_1252_with_a_note()
    {
        using var dir = new TempDir();
        dir.Write("in/good.txt", InventedNews.Article(GoodIndex));
        var article = InventedNews.Article(2).Replace("in the market square", "in the market square outside the CAFE-MARK", StringComparison.Ordinal);
        // ASCII everywhere but one byte: "café" in Latin-1 is 63 61 66 E9, not valid UTF-8.
        var bytes = Encoding.ASCII.GetBytes(article).ToList();
        int at = article.IndexOf("CAFE-MARK", StringComparison.Ordinal);
        bytes.RemoveRange(at, "CAFE-MARK".Length);
        bytes.InsertRange(at, [0x63, 0x61, 0x66, 0xE9]);
        dir.WriteBytes("in/latin.txt", [.. bytes]);

        var (code, output) = Analyze(dir);

        Assert.Equal(0, code);
        Assert.Equal(0, InventedNews.SummaryCount(output, "failed"));
        var docs = InventedNews.Documents(dir.File("out.json"));
        Assert.Equal(2, docs.Count);
        Assert.True(docs.ContainsKey("good"));
        var latin = docs["latin"];
        Assert.Contains("outside the café", latin.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Contains("not valid UTF-8; decoded as Windows-1252", latin.GetProperty("notes").EnumerateArray().Select(n => n.GetString()));
        Assert.Empty(docs["good"].GetProperty("notes").EnumerateArray());
    }

    [Fact]
    public void A_50_MB_text_file_is_refused_as_too_large_for_an_article_and_the_good_article_is_stored()
    {
        using var dir = new TempDir();
        dir.Write("in/good.txt", InventedNews.Article(GoodIndex));
        var paragraph = Encoding.UTF8.GetBytes("The tide tables of Saltmere were read aloud at every quay, and nobody in Brennick could remember a year without a flood.\n\n");
        using (var huge = File.Create(dir.File("in/huge.txt")))
        {
            var block = new byte[1024 * 1024];
            for (int i = 0; i < block.Length; i++)
                block[i] = paragraph[i % paragraph.Length];
            for (int mb = 0; mb < 50; mb++)
                huge.Write(block);
        }

        // A link's own length is a few bytes: the size is checked on what it points to.
        File.CreateSymbolicLink(dir.File("in/link-to-huge.txt"), dir.File("in/huge.txt"));

        var (code, output) = Analyze(dir);

        Assert.Equal(0, code);
        Assert.Contains("huge.txt: file too large for an article", InventedNews.Flat(output), StringComparison.Ordinal);
        Assert.Contains("link-to-huge.txt: file too large for an article (50 MB; the limit is 10 MB)", InventedNews.Flat(output), StringComparison.Ordinal);
        AssertOnlyGoodStored(dir, output, failed: 2);
    }

    [Fact]
    public void A_truncated_jsonl_gz_stores_the_records_before_the_cut_and_reports_the_truncation()
    {
        using var dir = new TempDir();
        dir.Write("in/good.txt", InventedNews.Article(GoodIndex));
        var whole = InventedNews.Gzip(Encoding.UTF8.GetBytes(InventedNews.Jsonl(200, start: 1000)));
        // Cut in the middle, inside a line (a cut right at a line end is GzipIntegrityTests' case).
        int length = whole.Length / 2;
        while (InventedNews.Decompressible(whole[..length]) is [.., (byte)'\n'])
            length--;
        var cut = whole[..length];
        dir.WriteBytes("in/dump.jsonl.gz", cut);
        int completeLines = InventedNews.Decompressible(cut).Count((byte)'\n');
        Assert.InRange(completeLines, 1, 199);

        var (code, output) = Analyze(dir);

        Assert.Equal(0, code);
        var flat = InventedNews.Flat(output);
        Assert.Matches(@"dump\.jsonl\.gz:\d+: truncated", flat);
        var docs = InventedNews.DocumentList(dir.File("out.json"));
        Assert.Contains("good", docs.Select(d => d.GetProperty("id").GetString()));
        // Exactly the records whose line arrived whole, in order; nothing after the cut.
        var expectedSources = Enumerable.Range(1000, completeLines).Select(InventedNews.Url).ToList();
        var storedSources = docs.Select(d => d.GetProperty("source").GetString()!).Where(s => s.StartsWith("https://", StringComparison.Ordinal)).ToList();
        Assert.Equal(expectedSources, storedSources);
        using var store = SqliteDocumentStore.Open(dir.File("s.db"), Sitrep.Tests.TestSupport.TestPipelines.Full.Codecs);
        Assert.Equal(completeLines + 1, store.Count());
    }

    [Fact]
    public void A_truncated_html_gz_is_reported_as_truncated_and_the_good_article_is_stored()
    {
        using var dir = new TempDir();
        dir.Write("in/good.txt", InventedNews.Article(GoodIndex));
        var html = new StringBuilder("<!doctype html><html lang=\"en\"><head><title>Quorra harbour</title></head><body><article>");
        for (int i = 0; i < 40; i++)
            html.Append("<p>").Append(InventedNews.Article(500 + i).Replace("\n", " ", StringComparison.Ordinal)).Append("</p>");
        html.Append("</article></body></html>");
        var whole = InventedNews.Gzip(Encoding.UTF8.GetBytes(html.ToString()));
        dir.WriteBytes("in/page.html.gz", whole[..(whole.Length / 2)]);

        var (code, output) = Analyze(dir);

        Assert.Equal(0, code);
        Assert.Contains("page.html.gz: truncated", InventedNews.Flat(output), StringComparison.Ordinal);
        AssertOnlyGoodStored(dir, output, failed: 1);
    }

    [Fact]
    public void A_jsonl_line_that_is_not_json_is_reported_with_its_line_and_the_lines_around_it_are_stored()
    {
        using var dir = new TempDir();
        dir.Write("in/good.txt", InventedNews.Article(GoodIndex));
        dir.Write("in/feed.jsonl", InventedNews.JsonlRecord(20) + "\n{\"url\": \"https://news.example.invalid/broken\", \"text\": \"Tavisk ferry\n" + InventedNews.JsonlRecord(21) + "\n");

        var (code, output) = Analyze(dir);

        Assert.Equal(0, code);
        Assert.Contains("feed.jsonl:2: not JSON", InventedNews.Flat(output), StringComparison.Ordinal);
        Assert.Equal(1, InventedNews.SummaryCount(output, "failed"));
        var sources = InventedNews.DocumentList(dir.File("out.json")).Select(d => d.GetProperty("source").GetString()).ToList();
        Assert.Contains(InventedNews.Url(20), sources);
        Assert.Contains(InventedNews.Url(21), sources);
        Assert.Equal(3, sources.Count);
    }

    [Fact]
    public void An_unreachable_url_is_reported_as_cannot_connect_and_the_good_article_is_stored()
    {
        using var dir = new TempDir();
        dir.Write("in/good.txt", InventedNews.Article(GoodIndex));
        int port;
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try
        {
            port = ((IPEndPoint)listener.LocalEndpoint).Port;
        }
        finally
        {
            listener.Stop();
        }
        var url = $"http://127.0.0.1:{port}/quorra/harbour-closed.html";

        var (code, output) = CliRunner.Run("analyze", url, dir.File("in"), "--db", dir.File("s.db"), "--json", dir.File("out.json"), "--timeout", "10", "--host-interval", "0");

        Assert.Equal(0, code);
        Assert.Contains($"{port}/quorra/harbour-closed.html: cannot connect", InventedNews.Flat(output), StringComparison.Ordinal);
        AssertOnlyGoodStored(dir, output, failed: 1);
    }

    [Fact]
    public void A_file_deleted_mid_batch_is_reported_as_disappeared_and_the_next_file_is_still_read()
    {
        using var dir = new TempDir();
        dir.Write("in/a.txt", InventedNews.Article(30));
        var second = dir.Write("in/b.txt", InventedNews.Article(31));
        dir.Write("in/c.txt", InventedNews.Article(32));

        using var resolver = new InputResolver([dir.File("in")]);
        var items = new List<InputItem>();
        using (var e = resolver.Items().GetEnumerator())
        {
            Assert.True(e.MoveNext());
            items.Add(e.Current);
            File.Delete(second);
            while (e.MoveNext())
                items.Add(e.Current);
        }

        Assert.Equal(3, items.Count);
        Assert.Equal("a", items[0].Article?.Id);
        Assert.EndsWith("b.txt", items[1].Failure?.Source, StringComparison.Ordinal);
        Assert.Equal("the file disappeared before it could be read", items[1].Failure?.Reason);
        Assert.Equal("c", items[2].Article?.Id);
        AssertBatchStoresTheArticles(dir, items, ["a", "c"]);
    }

    [Fact]
    public void A_file_that_cannot_be_read_is_reported_as_permission_denied_and_the_others_are_read()
    {
        using var dir = new TempDir();
        dir.Write("in/a.txt", InventedNews.Article(40));
        dir.Write("in/secret.txt", InventedNews.Article(41));
        dir.Write("in/z.txt", InventedNews.Article(42));

        using var resolver = new InputResolver([dir.File("in")])
        {
            // Tests run as root, whom chmod does not stop: play the refusal a user would meet.
            ReadAllBytes = path => path.EndsWith("secret.txt", StringComparison.Ordinal) ? throw new UnauthorizedAccessException("denied") : File.ReadAllBytes(path),
        };
        var items = resolver.Items().ToList();

        Assert.Equal(3, items.Count);
        Assert.Equal("a", items[0].Article?.Id);
        Assert.EndsWith("secret.txt", items[1].Failure?.Source, StringComparison.Ordinal);
        Assert.Equal("permission denied", items[1].Failure?.Reason);
        Assert.Equal("z", items[2].Article?.Id);
        AssertBatchStoresTheArticles(dir, items, ["a", "z"]);
    }

    private static (int ExitCode, string Output) Analyze(TempDir dir) =>
        CliRunner.Run("analyze", dir.File("in"), "--db", dir.File("s.db"), "--json", dir.File("out.json"));

    /// <summary>The good article, and only it, is in the JSON and the store; the summary counts the failures.</summary>
    private static void AssertOnlyGoodStored(TempDir dir, string output, int failed)
    {
        Assert.Equal(failed, InventedNews.SummaryCount(output, "failed"));
        Assert.Equal(1, InventedNews.SummaryCount(output, "stored"));
        var docs = InventedNews.Documents(dir.File("out.json"));
        Assert.Equal("good", Assert.Single(docs.Keys));
        Assert.StartsWith(InventedNews.BodyStart(GoodIndex), docs["good"].GetProperty("text").GetString(), StringComparison.Ordinal);
        using var store = SqliteDocumentStore.Open(dir.File("s.db"), Sitrep.Tests.TestSupport.TestPipelines.Full.Codecs);
        Assert.Equal(1, store.Count());
        Assert.Equal(docs["good"].GetProperty("text").GetString(), store.Load("good")?.Text);
    }

    private static void AssertBatchStoresTheArticles(TempDir dir, List<InputItem> items, string[] ids)
    {
        using var store = SqliteDocumentStore.Open(dir.File("s.db"), Sitrep.Tests.TestSupport.TestPipelines.Full.Codecs);
        var summary = new BatchAnalyzer(Sitrep.Tests.TestSupport.TestPipelines.Text, store).Run(items);
        Assert.Equal(ids.Length, summary.Stored);
        Assert.Single(summary.Failures);
        Assert.Equal(ids, summary.DocumentIds);
        Assert.Equal(ids.Length, store.Count());
    }
}

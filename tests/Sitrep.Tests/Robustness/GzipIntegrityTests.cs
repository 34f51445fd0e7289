using System.IO.Compression;
using System.Text;
using Sitrep.Ingest;
using Sitrep.Tests.TestSupport;

namespace Sitrep.Tests.Robustness;

/// <summary>
/// Gzipped inputs: a cut file keeps every record that arrived whole and says it was cut; a valid
/// file is never called truncated.
/// </summary>
public sealed class GzipIntegrityTests
{
    private const int Records = 120;

    [Fact]
    public void A_jsonl_gz_cut_inside_a_line_keeps_every_whole_line_before_the_cut_and_names_the_truncation()
    {
        using var dir = new TempDir();
        var whole = InventedNews.Gzip(Encoding.UTF8.GetBytes(InventedNews.Jsonl(Records)));
        int checkedCuts = 0;
        for (int percent = 5; percent < 100; percent += 10)
        {
            var cut = whole[..(whole.Length * percent / 100)];
            var decompressed = InventedNews.Decompressible(cut);
            // A cut whose data ends exactly at a line end is the case of the next (skipped) test.
            if (decompressed.Length > 0 && decompressed[^1] == (byte)'\n')
                continue;
            checkedCuts++;
            int wholeLines = decompressed.Count((byte)'\n');
            var path = dir.WriteBytes($"cut-{percent}.jsonl.gz", cut);

            var items = JsonlRecordReader.Read(path, path).ToList();

            var failure = Assert.Single(items, i => i.Failure is not null).Failure!;
            Assert.Contains("truncated", failure.Reason, StringComparison.Ordinal);
            Assert.Equal(
                Enumerable.Range(0, wholeLines).Select(InventedNews.Url).ToList(),
                items.Where(i => i.Article is not null).Select(i => i.Article!.Source).ToList());
        }
        Assert.True(checkedCuts >= 5, $"only {checkedCuts} cuts fell inside a line");
    }

    [Fact]
    public void A_jsonl_gz_cut_in_its_trailer_keeps_the_last_record_whose_line_arrived_whole()
    {
        using var dir = new TempDir();
        var whole = InventedNews.Gzip(Encoding.UTF8.GetBytes(InventedNews.Jsonl(5)));
        dir.WriteBytes("in/dump.jsonl.gz", whole[..^4]);

        var (code, output) = CliRunner.Run("analyze", dir.File("in"), "--db", dir.File("s.db"), "--json", dir.File("out.json"));

        Assert.Equal(0, code);
        Assert.Contains("truncated", InventedNews.Flat(output), StringComparison.Ordinal);
        Assert.Equal(
            Enumerable.Range(0, 5).Select(InventedNews.Url).ToList(),
            InventedNews.DocumentList(dir.File("out.json")).Select(d => d.GetProperty("source").GetString()!).ToList());
    }

    [Fact]
    public void A_jsonl_gz_of_two_gzip_members_is_read_whole_and_not_called_truncated()
    {
        using var dir = new TempDir();
        var first = InventedNews.Gzip(Encoding.UTF8.GetBytes(InventedNews.Jsonl(4)));
        var second = InventedNews.Gzip(Encoding.UTF8.GetBytes(InventedNews.Jsonl(3, start: 4)));
        dir.WriteBytes("in/dump.jsonl.gz", [.. first, .. second]);

        var (code, output) = CliRunner.Run("analyze", dir.File("in"), "--db", dir.File("s.db"), "--json", dir.File("out.json"));

        Assert.Equal(0, code);
        Assert.DoesNotContain("truncated", InventedNews.Flat(output), StringComparison.Ordinal);
        Assert.Equal(0, InventedNews.SummaryCount(output, "failed"));
        Assert.Equal(
            Enumerable.Range(0, 7).Select(InventedNews.Url).ToList(),
            InventedNews.DocumentList(dir.File("out.json")).Select(d => d.GetProperty("source").GetString()!).ToList());
    }

    [Fact]
    public void An_html_gz_of_two_gzip_members_is_read_as_one_article()
    {
        using var dir = new TempDir();
        var html = Encoding.UTF8.GetBytes(
            "<!doctype html><html lang=\"en\"><head><title>Saltmere quay</title></head><body><article>"
            + string.Concat(Enumerable.Range(0, 6).Select(i => "<p>" + InventedNews.Article(80 + i).Replace("\n", " ", StringComparison.Ordinal) + "</p>"))
            + "</article></body></html>");
        int half = html.Length / 2;
        dir.WriteBytes("in/quay.html.gz", [.. InventedNews.Gzip(html[..half]), .. InventedNews.Gzip(html[half..])]);

        var (code, output) = CliRunner.Run("analyze", dir.File("in"), "--db", dir.File("s.db"), "--json", dir.File("out.json"));

        Assert.Equal(0, code);
        Assert.DoesNotContain("truncated", InventedNews.Flat(output), StringComparison.Ordinal);
        var doc = Assert.Single(InventedNews.DocumentList(dir.File("out.json")));
        Assert.Equal("quay", doc.GetProperty("id").GetString());
        Assert.Contains(InventedNews.BodyStart(85), doc.GetProperty("text").GetString(), StringComparison.Ordinal);
    }
}

using System.IO.Compression;
using System.Text;
using Sitrep.Documents;
using Sitrep.Ingest;

namespace Sitrep.Tests.Ingest;

public sealed class JsonlRecordReaderFileTests : IDisposable
{
    private static readonly string[] Lines =
    [
        """{"text": "The Tarvis bridge reopened to traffic on Monday.", "url": "https://gazette.example/bridge"}""",
        "",
        """{"text": "unterminated """,
        "   ",
        """{"content": "Grain prices in Velmora fell for a third week.", "title": "Grain Prices Fall"}""",
        """{"body": "Schools in Dravno will stay closed until the roof is repaired."}""",
    ];

    private readonly string _dir = Directory.CreateTempSubdirectory("sitrep-jsonl-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void A_jsonl_file_yields_its_records_in_order_and_reports_the_bad_line_by_number()
    {
        var path = Path.Combine(_dir, "dump.jsonl");
        File.WriteAllText(path, string.Join("\n", Lines) + "\n", new UTF8Encoding(false));

        var items = JsonlRecordReader.Read(path, "dump.jsonl").ToList();

        AssertItems(items, "dump.jsonl");
    }

    [Fact]
    public void A_gzipped_jsonl_file_reads_the_same_as_the_plain_one()
    {
        var path = Path.Combine(_dir, "dump.jsonl.gz");
        using (var file = File.Create(path))
        using (var gzip = new GZipStream(file, CompressionLevel.Optimal))
        {
            var bytes = Encoding.UTF8.GetBytes(string.Join("\n", Lines) + "\n");
            gzip.Write(bytes);
        }

        var items = JsonlRecordReader.Read(path, "dump.jsonl.gz").ToList();

        AssertItems(items, "dump.jsonl.gz");
    }

    [Fact]
    public void Windows_line_endings_are_read_like_unix_ones()
    {
        var path = Path.Combine(_dir, "crlf.jsonl");
        File.WriteAllText(path, string.Join("\r\n", Lines) + "\r\n", new UTF8Encoding(false));

        var items = JsonlRecordReader.Read(path, "crlf.jsonl").ToList();

        AssertItems(items, "crlf.jsonl");
    }

    [Fact]
    public void A_truncated_gzip_file_yields_what_it_can_and_reports_where_it_broke()
    {
        var path = Path.Combine(_dir, "cut.jsonl.gz");
        var lines = Enumerable.Range(1, 400)
            .Select(i => "{\"text\": \"Record " + i.ToString(System.Globalization.CultureInfo.InvariantCulture) + " about grain prices in Velmora, lot " + Hashing.Hex(i.ToString(System.Globalization.CultureInfo.InvariantCulture), 24) + ".\"}");
        using (var memory = new MemoryStream())
        {
            using (var gzip = new GZipStream(memory, CompressionLevel.Optimal, leaveOpen: true))
                gzip.Write(Encoding.UTF8.GetBytes(string.Join("\n", lines) + "\n"));
            var bytes = memory.ToArray();
            File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]);
        }

        var items = JsonlRecordReader.Read(path, "cut.jsonl.gz").ToList();

        Assert.True(items.Count > 1);
        Assert.All(items.SkipLast(1), i => Assert.NotNull(i.Article));
        var last = items[^1].Failure;
        Assert.NotNull(last);
        Assert.StartsWith("cut.jsonl.gz:", last.Source, StringComparison.Ordinal);
    }

    private static void AssertItems(List<InputItem> items, string display)
    {
        Assert.Equal(4, items.Count);

        var first = items[0].Article;
        Assert.NotNull(first);
        Assert.Equal("The Tarvis bridge reopened to traffic on Monday.", first.RawText);
        Assert.Equal("https://gazette.example/bridge", first.Source);

        var bad = items[1].Failure;
        Assert.NotNull(bad);
        Assert.Null(items[1].Article);
        Assert.Equal(display + ":3", bad.Source);
        Assert.StartsWith("not JSON", bad.Reason, StringComparison.Ordinal);

        var third = items[2].Article;
        Assert.NotNull(third);
        Assert.Equal("Grain prices in Velmora fell for a third week.", third.RawText);
        Assert.Equal("Grain Prices Fall", third.Stated.Title);
        Assert.Equal(display + ":5", third.Source);

        var fourth = items[3].Article;
        Assert.NotNull(fourth);
        Assert.Equal("Schools in Dravno will stay closed until the roof is repaired.", fourth.RawText);
        Assert.Equal(display + ":6", fourth.Source);
    }
}

using System.Text;
using Sitrep.Ingest;
using Sitrep.Tests.TestSupport;

namespace Sitrep.Tests.Robustness;

/// <summary>
/// Dumps as they come from scrapers and other programs: an escaped half of a surrogate pair, a file
/// saved as UTF-16, a raw NUL in one record, a file named .gz that is not compressed. Each says what is
/// wrong in one line, and no record but the bad one is lost.
/// </summary>
public sealed class HostileJsonlTests
{
    [Fact]
    public void A_record_with_an_unpaired_surrogate_escape_is_stored_with_a_note_and_the_batch_goes_on()
    {
        using var dir = new TempDir();
        var broken = InventedNews.JsonlRecord(2).Replace("\"text\":\"", "\"text\":\"\\ud800 ", StringComparison.Ordinal);
        Assert.Contains("\\ud800", broken, StringComparison.Ordinal);
        dir.Write("in/dump.jsonl", InventedNews.JsonlRecord(1) + "\n" + broken + "\n" + InventedNews.JsonlRecord(3) + "\n");

        var (code, output) = CliRunner.Run("analyze", dir.File("in"), "--db", dir.File("s.db"), "--json", dir.File("out.json"), "--stages", "text");

        Assert.Equal(0, code);
        Assert.DoesNotContain("internal error", output, StringComparison.Ordinal);
        var docs = InventedNews.DocumentList(dir.File("out.json"));
        Assert.Equal(new[] { 1, 2, 3 }.Select(InventedNews.Url), docs.Select(d => d.GetProperty("source").GetString()));
        var repaired = docs[1];
        Assert.StartsWith(InventedNews.BodyStart(2), repaired.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Contains(repaired.GetProperty("notes").EnumerateArray(), n => n.GetString()!.Contains("unpaired UTF-16 surrogate", StringComparison.Ordinal));
    }

    [Fact]
    public void A_pair_of_surrogate_escapes_and_an_escaped_backslash_are_left_as_they_are()
    {
        var line = """{"text": "\ud83d\ude00 and \\ud800 are fine, \udc00 alone is not"}""";

        var repaired = LoneSurrogateEscapes.Replace(line, out int count);

        Assert.Equal(1, count);
        Assert.Equal("""{"text": "\ud83d\ude00 and \\ud800 are fine, \ufffd alone is not"}""", repaired);
    }

    [Theory]
    [InlineData("utf-16le")]
    [InlineData("utf-16be")]
    public void A_jsonl_saved_as_utf16_with_its_byte_order_mark_is_read_as_text(string encoding)
    {
        using var dir = new TempDir();
        var text = InventedNews.JsonlRecord(1) + "\r\n" + InventedNews.JsonlRecord(2) + "\r\n";
        var utf16 = encoding == "utf-16le" ? new UnicodeEncoding(false, true) : new UnicodeEncoding(true, true);
        var path = dir.WriteBytes("dump.jsonl", [.. utf16.GetPreamble(), .. utf16.GetBytes(text)]);

        var items = JsonlRecordReader.Read(path, "dump.jsonl").ToList();

        Assert.All(items, i => Assert.Null(i.Failure));
        Assert.Equal(new[] { 1, 2 }.Select(InventedNews.Url), items.Select(i => i.Article!.Source));
    }

    [Fact]
    public void A_raw_nul_byte_in_one_record_skips_that_record_only_where_a_line_of_nul_bytes_stops_the_file()
    {
        using var dir = new TempDir();
        var bad = Encoding.UTF8.GetBytes(InventedNews.JsonlRecord(2)).ToList();
        bad.Insert(20, 0);
        var path = dir.WriteBytes("dump.jsonl", [
            .. Encoding.UTF8.GetBytes(InventedNews.JsonlRecord(1) + "\n"), .. bad, (byte)'\n',
            .. Encoding.UTF8.GetBytes(InventedNews.JsonlRecord(3) + "\n")]);

        var items = JsonlRecordReader.Read(path, "dump.jsonl").ToList();

        Assert.Equal(3, items.Count);
        Assert.Equal(InventedNews.Url(1), items[0].Article?.Source);
        Assert.Equal("dump.jsonl:2", items[1].Failure?.Source);
        Assert.Contains("NUL", items[1].Failure?.Reason, StringComparison.Ordinal);
        Assert.Equal(InventedNews.Url(3), items[2].Article?.Source);
    }

    [Fact]
    public void A_file_of_nul_bytes_after_a_record_still_stops_without_reading_on()
    {
        using var dir = new TempDir();
        var path = dir.WriteBytes("dump.jsonl", [.. Encoding.UTF8.GetBytes(InventedNews.JsonlRecord(1) + "\n"), (byte)'{', .. new byte[3 << 20], (byte)'\n',
            .. Encoding.UTF8.GetBytes(InventedNews.JsonlRecord(3) + "\n")]);

        var items = JsonlRecordReader.Read(path, "dump.jsonl").ToList();

        Assert.Equal(2, items.Count);
        Assert.NotNull(items[0].Article);
        Assert.Contains("the rest of the file is not read", items[1].Failure?.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("dump.jsonl.gz")]
    [InlineData("page.html.gz")]
    public void A_file_named_gz_that_is_not_gzip_says_so_and_the_good_article_is_stored(string name)
    {
        using var dir = new TempDir();
        dir.Write("in/good.txt", InventedNews.Article(1));
        dir.Write("in/" + name, name.Contains("jsonl", StringComparison.Ordinal) ? InventedNews.JsonlRecord(2) + "\n" : "<html><body><p>" + InventedNews.Article(2) + "</p></body></html>");

        var (code, output) = CliRunner.Run("analyze", dir.File("in"), "--db", dir.File("s.db"), "--json", dir.File("out.json"), "--stages", "text");

        Assert.Equal(0, code);
        Assert.Contains($"{name}: not gzip data", InventedNews.Flat(output), StringComparison.Ordinal);
        Assert.DoesNotContain("compression method", output, StringComparison.Ordinal);
        Assert.Equal("good", Assert.Single(InventedNews.Documents(dir.File("out.json")).Keys));
    }
}

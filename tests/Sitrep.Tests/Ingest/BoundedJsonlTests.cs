using System.IO.Compression;
using System.Text;
using Sitrep.Ingest;
using Sitrep.Tests.Robustness;
using Sitrep.Tests.TestSupport;

namespace Sitrep.Tests.Ingest;

/// <summary>
/// JSONL lines are read with a cap, so memory is bounded whatever the input (the memory itself is
/// checked in a capped child process by <see cref="BoundedMemoryTests"/>); and the bytes read tell a
/// progress bar how far a .jsonl.gz has got.
/// </summary>
public sealed class BoundedJsonlTests
{
    [Fact]
    public void A_line_over_the_cap_is_skipped_with_its_size_and_the_lines_after_it_are_read()
    {
        using var dir = new TempDir();
        var path = dir.File("dump.jsonl");
        using (var file = new StreamWriter(path, false, new UTF8Encoding(false)))
        {
            file.Write(InventedNews.JsonlRecord(1) + "\n");
            file.Write("{\"text\": \"");
            file.Write(new string('x', JsonlRecordReader.MaxLineBytes + 1000));
            file.Write("\"}\n");
            file.Write(InventedNews.JsonlRecord(2) + "\n");
        }

        var items = JsonlRecordReader.Read(path, "dump.jsonl").ToList();

        Assert.Equal(3, items.Count);
        Assert.NotNull(items[0].Article);
        Assert.Equal("dump.jsonl:2", items[1].Failure?.Source);
        Assert.StartsWith("line too long for an article (", items[1].Failure?.Reason, StringComparison.Ordinal);
        Assert.NotNull(items[2].Article);
    }

    [Fact]
    public void A_bomb_of_letters_in_a_jsonl_gz_stops_at_the_compression_ratio_no_real_dump_reaches()
    {
        using var dir = new TempDir();
        var path = dir.File("bomb.jsonl.gz");
        // 256 MiB of one letter and no line end: no NUL byte to give it away, only its ratio.
        var member = Gzip(Encoding.ASCII.GetBytes(new string('a', 16 << 20)), CompressionLevel.SmallestSize);
        using (var file = File.Create(path))
        {
            file.Write(Gzip(Encoding.UTF8.GetBytes(InventedNews.JsonlRecord(1) + "\n")));
            for (int i = 0; i < 16; i++)
                file.Write(member);
        }

        var items = JsonlRecordReader.Read(path, "bomb.jsonl.gz").ToList();

        Assert.NotNull(items[0].Article);
        Assert.Equal(2, items.Count);
        Assert.Contains($"decompresses to more than {JsonlRecordReader.MaxCompressionRatio} times its size", items[1].Failure?.Reason, StringComparison.Ordinal);
        Assert.Contains("a gzip bomb?", items[1].Failure?.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Binary_data_in_a_jsonl_stops_the_file_at_once()
    {
        using var dir = new TempDir();
        var path = dir.WriteBytes("dump.jsonl", [.. Encoding.UTF8.GetBytes(InventedNews.JsonlRecord(1) + "\n"), 0, 0, 0, (byte)'\n', .. Encoding.UTF8.GetBytes(InventedNews.JsonlRecord(2) + "\n")]);

        var items = JsonlRecordReader.Read(path, "dump.jsonl").ToList();

        Assert.Equal(2, items.Count);
        Assert.Equal("dump.jsonl:2", items[1].Failure?.Source);
        Assert.Equal("binary data (NUL bytes), not JSON lines; the rest of the file is not read", items[1].Failure?.Reason);
    }

    [Fact]
    public void The_bytes_read_of_a_jsonl_gz_grow_with_the_records_read_up_to_its_compressed_size()
    {
        using var dir = new TempDir();
        var path = dir.WriteBytes("dump.jsonl.gz", Gzip(Encoding.UTF8.GetBytes(InventedNews.Jsonl(4000))));
        using var inputs = new InputResolver([path]);
        long size = new FileInfo(path).Length;

        Assert.Equal(size, inputs.TotalBytes);
        Assert.False(inputs.HasUrls);
        var seen = new List<long>();
        int n = 0;
        foreach (var _ in inputs.Items())
        {
            if (++n % 500 == 0)
                seen.Add(inputs.BytesRead);
        }

        Assert.Equal(size, inputs.BytesRead);
        Assert.True(seen[0] > 0 && seen[0] < size, $"after 500 of 4,000 records {seen[0]:N0} of {size:N0} bytes");
        Assert.Equal(seen.Order().ToList(), seen);
        Assert.True(seen[^1] > seen[0], string.Join(", ", seen));
    }

    private static byte[] Gzip(byte[] data, CompressionLevel level = CompressionLevel.Fastest)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, level, leaveOpen: true))
            gzip.Write(data);
        return output.ToArray();
    }
}

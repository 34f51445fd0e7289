using System.IO.Compression;
using System.Text;
using Sitrep.Tests.TestSupport;

namespace Sitrep.Tests.Robustness;

/// <summary>
/// No single input, however shaped, drives `analyze` past 1 GB: the command runs in a process of its
/// own whose GC heap is capped at 1 GB (DOTNET_GCHeapHardLimit), so reading more than that would crash
/// it with an OutOfMemoryException. A gzip bomb named .jsonl.gz and a 300 MB single-line .jsonl are
/// reported with their reasons, the good article beside them is stored, and the exit code is 0.
/// </summary>
public sealed class BoundedMemoryTests
{
    private static readonly Dictionary<string, string> OneGigabyte = new() { ["DOTNET_GCHeapHardLimit"] = "0x40000000" };

    private static readonly TimeSpan Deadline = TimeSpan.FromMinutes(4);

    [Fact]
    public void A_gzip_bomb_named_jsonl_gz_is_reported_not_crashed_within_1_GB()
    {
        using var dir = new TempDir();
        // 2 GiB of zero bytes, like `head -c 2G /dev/zero | gzip`: one compressed member of 64 MiB of
        // zeros repeated (a gzip file may hold several members; readers concatenate them).
        var member = Compress(new byte[64 << 20]);
        Directory.CreateDirectory(dir.File("in"));
        using (var file = File.Create(dir.File("in/bomb.jsonl.gz")))
        {
            for (int i = 0; i < 32; i++)
                file.Write(member);
        }
        dir.Write("in/good.txt", InventedNews.Article(1));

        var (code, output, error) = SitrepProcess.Run(OneGigabyte, Deadline, "analyze", dir.File("in"), "--db", dir.File("s.db"), "--quiet");

        Assert.True(code == 0, $"exit code {code}; standard error: {error}");
        Assert.Contains("bomb.jsonl.gz:1: binary data (NUL bytes), not JSON lines", error, StringComparison.Ordinal);
        Assert.DoesNotContain("OutOfMemory", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
        Assert.Equal("", output);
    }

    [Fact]
    public void A_300_MB_single_line_jsonl_is_reported_not_crashed_within_1_GB()
    {
        using var dir = new TempDir();
        Directory.CreateDirectory(dir.File("in"));
        using (var file = new StreamWriter(dir.File("in/huge.jsonl"), false, new UTF8Encoding(false)))
        {
            file.Write("{\"title\": \"huge\", \"text\": \"");
            var chunk = new string('a', 1 << 20);
            for (int i = 0; i < 300; i++)
                file.Write(chunk);
            file.Write("\"}\n");
            file.Write(InventedNews.JsonlRecord(2) + "\n");
        }

        var (code, _, error) = SitrepProcess.Run(OneGigabyte, Deadline, "analyze", dir.File("in"), "--db", dir.File("s.db"), "--quiet");

        Assert.True(code == 0, $"exit code {code}; standard error: {error}");
        Assert.Contains("huge.jsonl:1: line too long for an article (300 MB; the limit is 30 MB); skipped", error, StringComparison.Ordinal);
        Assert.DoesNotContain("huge.jsonl:2", error, StringComparison.Ordinal);
        Assert.DoesNotContain("OutOfMemory", error, StringComparison.Ordinal);
    }

    private static byte[] Compress(byte[] data)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Optimal, leaveOpen: true))
            gzip.Write(data);
        return output.ToArray();
    }
}

using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Sitrep.Tests.TestSupport;

namespace Sitrep.Tests.Cli;

/// <summary>A page the server says is <c>text/plain</c> is cleaned as plain text, exactly as the same file read from disk.</summary>
public sealed class PlainTextOverHttpTests
{
    [Fact]
    public async Task A_text_plain_page_is_cleaned_as_the_same_file_from_disk()
    {
        var file = Path.Combine(RepoPaths.Examples, "harbor-ledger_2025-03-03.txt");
        var text = await File.ReadAllTextAsync(file, TestContext.Current.CancellationToken);
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            context.Response.ContentType = "text/plain; charset=utf-8";
            await context.Response.WriteAsync(text);
        });
        using var dir = new TempDir();
        var url = new Uri(server.BaseUrl, "/2025/03/03/guards.txt").ToString();

        var (webCode, webOutput) = CliRunner.Run("analyze", url, "--db", dir.File("web.db"), "--json", dir.File("web.json"), "--stages", "text", "--host-interval", "0");
        var (diskCode, diskOutput) = CliRunner.Run("analyze", file, "--db", dir.File("disk.db"), "--json", dir.File("disk.json"), "--stages", "text");

        Assert.True(webCode == 0, webOutput);
        Assert.True(diskCode == 0, diskOutput);
        var web = Single(dir.File("web.json"));
        var disk = Single(dir.File("disk.json"));
        foreach (var field in new[] { "text", "title", "byline", "outlet", "published" })
            Assert.Equal(disk.GetProperty(field).ToString(), web.GetProperty(field).ToString());
        Assert.NotEqual(JsonValueKind.Null, web.GetProperty("title").ValueKind);
        // The menu is taken out of the body, as from disk (as HTML, the whole page was one body with its menu).
        Assert.Contains(web.GetProperty("removed").EnumerateArray(), r => r.GetProperty("reason").GetString() == "navigation");
        Assert.False(web.GetProperty("text").GetString()!.StartsWith("Harbor Ledger", StringComparison.Ordinal));
    }

    private static JsonElement Single(string path)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(path));
        return json.RootElement.GetProperty("documents").EnumerateArray().Single().Clone();
    }
}

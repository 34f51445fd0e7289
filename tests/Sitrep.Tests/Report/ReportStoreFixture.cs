using System.Text.Json;
using Sitrep.Tests.TestSupport;

namespace Sitrep.Tests.Report;

/// <summary>
/// A store of the repository's example corpus plus one hostile article: markup in its title, outlet
/// and text that would run as script were any of it written into a page unescaped.
/// </summary>
public sealed class ReportStoreFixture : IDisposable
{
    private readonly TempDir _dir = new();

    public ReportStoreFixture()
    {
        Db = _dir.File("report.db");
        var (code, output) = CliRunner.Run("analyze", RepoPaths.Examples, Hostile.Write(_dir), "--db", Db, "--quiet");
        Assert.True(code == 0, output);
    }

    public string Db { get; }

    public TempDir Dir => _dir;

    public void Dispose() => _dir.Dispose();
}

/// <summary>An article whose title, outlet and text carry script: every page must show it as text.</summary>
public static class Hostile
{
    public const string Marker = "data-pwned";

    public static string Write(TempDir dir)
    {
        var record = new Dictionary<string, string>
        {
            ["url"] = "https://hostile.example/2025/03/05/page",
            ["title"] = "Harbour <script>document.body.setAttribute('data-pwned','title')</script> reopens",
            ["source"] = "Hostile <b onmouseover=\"document.body.setAttribute('data-pwned','outlet')\">Outlet</b>",
            ["date"] = "2025-03-05",
            ["text"] = "Transport Minister Lena Marwick said on Monday that the harbour at Serin would reopen next week. "
                + "The notice <script>document.body.setAttribute('data-pwned','script')</script> was posted on a board. "
                + "A picture <img src=x onerror=\"document.body.setAttribute('data-pwned','img')\"> went with it. "
                + "\"The strike is over <svg onload=\"document.body.setAttribute('data-pwned','svg')\"></svg> at the docks,\" Marwick told reporters on Tuesday.\n\n"
                + "The Harbour Workers Union said its members would return to work on March 6, 2025.",
        };
        return dir.Write("hostile.jsonl", JsonSerializer.Serialize(record) + "\n");
    }
}

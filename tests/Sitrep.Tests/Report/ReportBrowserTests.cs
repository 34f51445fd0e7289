using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;
using Sitrep.Tests.TestSupport;

namespace Sitrep.Tests.Report;

/// <summary>
/// The report of the reference articles (and one hostile article) in headless Chromium, at a
/// desktop and a phone width: it shows the story's people and statements, and no script from an
/// article runs. Skips with a message where Chromium is absent; on CI (CI=true) its absence fails.
/// <c>SITREP_UPDATE_SCREENSHOTS=1</c> writes the screenshots to docs/.
/// </summary>
public sealed partial class ReportBrowserTests
{
    [Fact]
    public void The_seeds_report_renders_at_1280_and_390_px_with_its_people_and_statements_and_runs_no_article_script()
    {
        var shared = RepoPaths.RequireShared();
        var chromium = RequireChromium();
        using var dir = new TempDir();
        var db = dir.File("seeds.db");
        var (code, output) = CliRunner.Run("analyze", Path.Combine(shared, "corpus", "seeds"), Hostile.Write(dir), "--db", db, "--quiet");
        Assert.True(code == 0, output);
        var page = dir.File("report.html");
        Assert.Equal(0, CliRunner.Run("report", "--db", db, "--all", "--out", page).ExitCode);
        var (_, json) = CliRunner.Run("report", "--db", db, "--all", "--format", "json");
        using var report = JsonDocument.Parse(json);
        var story = report.RootElement.GetProperty("stories")[0];
        var people = story.GetProperty("summary").GetProperty("people").EnumerateArray().Select(p => p.GetProperty("name").GetString()!).Take(3).ToList();
        var statements = story.GetProperty("statements").EnumerateArray().Take(3)
            .Select(s => (Speaker: s.GetProperty("speaker").GetString()!, Words: s.GetProperty("versions")[0].GetProperty("words").GetString()!)).ToList();
        Assert.NotEmpty(people);
        Assert.NotEmpty(statements);

        bool update = Environment.GetEnvironmentVariable("SITREP_UPDATE_SCREENSHOTS") == "1";
        foreach (var (width, height) in new[] { (1280, 2200), (390, 2400) })
        {
            var shot = update ? Path.Combine(RepoPaths.Root, "docs", $"report-{width}.png") : dir.File($"report-{width}.png");
            var profile = dir.File($"profile-{width}");
            Run(chromium, dir, $"--headless --no-sandbox --disable-gpu --disable-dev-shm-usage --hide-scrollbars --user-data-dir={profile} --window-size={width},{height} --screenshot={shot} {new Uri(page).AbsoluteUri}");
            var png = File.ReadAllBytes(shot);
            Assert.True(png.Length > 10_000 && png[1] == 'P' && png[2] == 'N' && png[3] == 'G', $"no screenshot at {width} px");

            // The DOM after the page ran whatever it would run.
            var dom = Run(chromium, dir, $"--headless --no-sandbox --disable-gpu --disable-dev-shm-usage --user-data-dir={profile} --window-size={width},{height} --dump-dom {new Uri(page).AbsoluteUri}");
            var text = System.Net.WebUtility.HtmlDecode(TagPattern().Replace(dom, " "));
            text = string.Join(' ', text.Split((char[])[' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries));
            foreach (var person in people)
                Assert.Contains(person, text, StringComparison.Ordinal);
            foreach (var (speaker, words) in statements)
            {
                Assert.Contains(speaker, text, StringComparison.Ordinal);
                Assert.Contains(words.Split(" … ")[0], text, StringComparison.Ordinal);
            }
            // The reference articles contradict each other: each side is shown with its outlet.
            foreach (var side in report.RootElement.GetProperty("stories")[0].GetProperty("contradictions").EnumerateArray().SelectMany(c => c.GetProperty("sides").EnumerateArray()))
                Assert.Contains(string.Join(' ', side.GetProperty("text").GetString()!.Split((char[])[' ', '\n'], StringSplitOptions.RemoveEmptyEntries)), text, StringComparison.Ordinal);
            Assert.Contains("caretaker prime minister", text, StringComparison.Ordinal);
            // The hostile article is shown, and nothing of it ran.
            // (Marks around parts of it: tags taken out without a space.)
            var flat = System.Net.WebUtility.HtmlDecode(TagPattern().Replace(dom, ""));
            Assert.Contains("<img src=x onerror=\"document.body.setAttribute('data-pwned','img')\">", flat, StringComparison.Ordinal);
            Assert.Contains("<script>document.body.setAttribute('data-pwned','script')</script>", flat, StringComparison.Ordinal);
            Assert.DoesNotMatch(@"<body[^>]*data-pwned", dom);
            Assert.DoesNotContain("<script", dom, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("<img", dom, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public void The_report_of_the_largest_roundup_story_renders_with_every_outlet_and_article_title()
    {
        var shared = RepoPaths.RequireShared();
        var chromium = RequireChromium();
        using var dir = new TempDir();
        // The AllSides roundups set (made by the shared tool); its largest gold story, articles in file order.
        var made = Process.Start(new ProcessStartInfo("python3", $"{Path.Combine(shared, "tools", "make_story_sets.py")} roundups {dir.File("sets")}") { UseShellExecute = false, RedirectStandardOutput = true })!;
        made.StandardOutput.ReadToEnd();
        made.WaitForExit();
        Assert.Equal(0, made.ExitCode);
        var gold = JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(Path.Combine(dir.File("sets"), "roundups.gold.json")))!;
        var largest = gold.GroupBy(p => p.Value, StringComparer.Ordinal).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).First();
        var urls = largest.Select(p => p.Key).ToHashSet(StringComparer.Ordinal);
        var lines = File.ReadLines(Path.Combine(dir.File("sets"), "roundups.jsonl"))
            .Where(l => urls.Contains(JsonDocument.Parse(l).RootElement.GetProperty("url").GetString()!)).ToList();
        Assert.True(lines.Count >= 3, $"the largest roundup story has {lines.Count} articles");
        var input = dir.Write("story.jsonl", string.Join("\n", lines) + "\n");
        var db = dir.File("roundup.db");
        var (code, output) = CliRunner.Run("analyze", input, "--db", db, "--quiet");
        Assert.True(code == 0, output);
        var page = dir.File("report.html");
        Assert.Equal(0, CliRunner.Run("report", "--db", db, "--all", "--out", page).ExitCode);

        bool update = Environment.GetEnvironmentVariable("SITREP_UPDATE_SCREENSHOTS") == "1";
        var shot = update ? Path.Combine(RepoPaths.Root, "docs", "report-roundup-1280.png") : dir.File("report-roundup-1280.png");
        var profile = dir.File("profile");
        Run(chromium, dir, $"--headless --no-sandbox --disable-gpu --disable-dev-shm-usage --hide-scrollbars --user-data-dir={profile} --window-size=1280,2200 --screenshot={shot} {new Uri(page).AbsoluteUri}");
        var png = File.ReadAllBytes(shot);
        Assert.True(png.Length > 10_000 && png[1] == 'P' && png[2] == 'N' && png[3] == 'G', "no screenshot");
        var dom = Run(chromium, dir, $"--headless --no-sandbox --disable-gpu --disable-dev-shm-usage --user-data-dir={profile} --window-size=1280,2200 --dump-dom {new Uri(page).AbsoluteUri}");
        var text = System.Net.WebUtility.HtmlDecode(TagPattern().Replace(dom, " "));
        text = string.Join(' ', text.Split((char[])[' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries));
        foreach (var line in lines)
        {
            var article = JsonDocument.Parse(line).RootElement;
            var outlet = article.GetProperty("outlet").GetString()!;
            var title = string.Join(' ', article.GetProperty("title").GetString()!.Split((char[])[' ', '\n'], StringSplitOptions.RemoveEmptyEntries));
            Assert.Contains(outlet, text, StringComparison.Ordinal);
            Assert.Contains(title, text, StringComparison.Ordinal);
        }
        Assert.DoesNotContain("<script", dom, StringComparison.OrdinalIgnoreCase);
    }

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex TagPattern();

    /// <summary>Debian's chromium on the PATH, or a skip (a failure on CI, where .ci/run installs it).</summary>
    private static string RequireChromium()
    {
        foreach (var name in new[] { "chromium", "chromium-browser" })
        {
            foreach (var folder in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
            {
                var path = Path.Combine(folder, name);
                if (File.Exists(path))
                    return path;
            }
        }
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            Assert.Fail("chromium is not installed; CI must render the report (.ci/run installs Debian's chromium)");
        Assert.Skip("chromium is not installed (apt-get install chromium); this test renders the report in a headless browser");
        return "";
    }

    private static string Run(string chromium, TempDir dir, string arguments)
    {
        var start = new ProcessStartInfo(chromium, arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = dir.Path,
        };
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        if (!process.WaitForExit(TimeSpan.FromMinutes(3)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail("chromium did not finish in 3 minutes: " + arguments);
        }
        Assert.True(process.ExitCode == 0, $"chromium exited {process.ExitCode}: {stderr.Result}");
        return stdout.Result;
    }
}

using System.Text.Json;
using System.Text.RegularExpressions;
using Sitrep.Engine;
using Sitrep.Report;
using Sitrep.Storage;
using Sitrep.Tests.TestSupport;

namespace Sitrep.Tests.Report;

/// <summary><c>sitrep report</c> over the examples and a hostile article: the same items in every format, every link lands on its words, no markup from an article survives.</summary>
public sealed partial class ReportFormatsTests(ReportStoreFixture store) : IClassFixture<ReportStoreFixture>
{
    private static readonly Dictionary<string, string> MarkdownSections = new(StringComparer.Ordinal)
    {
        ["Summary"] = "summary",
        ["Timeline"] = "timeline",
        ["Key statements"] = "statements",
        ["Who cites whom"] = "citations",
        ["Framing by outlet"] = "framing",
    };

    [Fact]
    public void Markdown_and_json_carry_the_same_items_section_by_section()
    {
        var (mdCode, md) = CliRunner.Run("report", "--db", store.Db, "--all", "--format", "md");
        var (jsonCode, json) = CliRunner.Run("report", "--db", store.Db, "--all", "--format", "json");
        Assert.Equal(0, mdCode);
        Assert.Equal(0, jsonCode);

        var fromMd = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        string? section = null;
        foreach (var line in md.Split('\n'))
        {
            if (line.StartsWith("## ", StringComparison.Ordinal))
                section = MarkdownSections.GetValueOrDefault(line[3..].Trim());
            else if (section is not null)
            {
                foreach (Match m in KeyPattern().Matches(line))
                    Items(fromMd, section).Add(m.Groups[1].Value);
            }
        }
        var fromJson = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        using var doc = JsonDocument.Parse(json);
        var story = doc.RootElement.GetProperty("stories")[0];
        foreach (var name in new[] { "people", "organisations", "places" })
            Keys(story.GetProperty("summary").GetProperty(name), Items(fromJson, "summary"));
        Keys(story.GetProperty("timeline"), Items(fromJson, "timeline"));
        foreach (var s in story.GetProperty("statements").EnumerateArray())
        {
            Items(fromJson, "statements").Add(Key(s.GetProperty("first_said")));
            Keys(s.GetProperty("versions"), Items(fromJson, "statements"));
        }
        Keys(story.GetProperty("citations"), Items(fromJson, "citations"));
        foreach (var name in new[] { "actors", "terms", "voices" })
            Keys(story.GetProperty("framing").GetProperty(name), Items(fromJson, "framing"));

        Assert.Equal(["citations", "framing", "statements", "summary", "timeline"], fromJson.Keys.Order(StringComparer.Ordinal));
        foreach (var (name, items) in fromJson)
        {
            Assert.NotEmpty(items);
            Assert.Equal(items.Order(StringComparer.Ordinal), Items(fromMd, name).Order(StringComparer.Ordinal));
        }
        Assert.Equal(fromJson.Keys.Order(StringComparer.Ordinal), fromMd.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Every_item_points_at_the_words_it_reports()
    {
        var (_, json) = CliRunner.Run("report", "--db", store.Db, "--all", "--format", "json");
        using var doc = JsonDocument.Parse(json);
        var story = doc.RootElement.GetProperty("stories")[0];
        var texts = story.GetProperty("articles").EnumerateArray().ToDictionary(a => a.GetProperty("id").GetString()!, a => a.GetProperty("text").GetString()!);
        var statements = story.GetProperty("statements").EnumerateArray().SelectMany(s => s.GetProperty("versions").EnumerateArray()).ToList();
        Assert.NotEmpty(statements);
        foreach (var q in statements)
        {
            var e = q.GetProperty("evidence");
            var words = texts[e.GetProperty("document").GetString()!][e.GetProperty("start").GetInt32()..e.GetProperty("end").GetInt32()];
            var shown = q.GetProperty("words").GetString()!;
            // Long words are shortened in the middle ("… "): their start is the quote's start.
            Assert.StartsWith(shown.Split(" … ")[0][..Math.Min(30, shown.Split(" … ")[0].Length)], string.Join(' ', words.Split((char[])[' ', '\n'], StringSplitOptions.RemoveEmptyEntries)), StringComparison.Ordinal);
        }
        foreach (var t in story.GetProperty("timeline").EnumerateArray().Where(t => t.GetProperty("kind").GetString() == "time"))
        {
            var e = t.GetProperty("evidence");
            Assert.Equal(t.GetProperty("words").GetString(), texts[e.GetProperty("document").GetString()!][e.GetProperty("start").GetInt32()..e.GetProperty("end").GetInt32()].Replace('\n', ' '));
        }
        // The people of the examples, and who said what across outlets.
        var people = story.GetProperty("summary").GetProperty("people").EnumerateArray().Select(p => p.GetProperty("name").GetString()).ToList();
        Assert.Contains("Rastin Kolvar", people);
        Assert.Contains(story.GetProperty("statements").EnumerateArray(), s => s.GetProperty("versions").EnumerateArray().Select(v => v.GetProperty("outlet").GetString()).Distinct().Count() >= 2);
        Assert.Empty(story.GetProperty("contradictions").EnumerateArray());
        Assert.StartsWith("No contradiction found between these articles", story.GetProperty("contradictions_note").GetString()!, StringComparison.Ordinal);
    }

    [Fact]
    public void The_page_links_every_item_to_a_marked_span_and_keeps_article_markup_as_text()
    {
        using var dir = new TempDir();
        var page = dir.File("report.html");
        var (code, output) = CliRunner.Run("report", "--db", store.Db, "--all", "--out", page);
        Assert.True(code == 0, output);
        var html = File.ReadAllText(page);

        var ids = IdPattern().Matches(html).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);
        var links = HrefPattern().Matches(html).Select(m => m.Groups[1].Value).ToList();
        Assert.True(links.Count > 50, $"{links.Count} links");
        Assert.All(links, l => Assert.Contains(l, ids));
        Assert.Contains(links, l => l.Contains("-", StringComparison.Ordinal) && html.Contains($"<mark id=\"{l}\">", StringComparison.Ordinal));

        // The hostile article is in the page, as text: no element, no attribute comes from it.
        Assert.Contains("&lt;script&gt;document.body.setAttribute(&#39;data-pwned&#39;,&#39;script&#39;)&lt;/script&gt;", html, StringComparison.Ordinal);
        Assert.Contains("Hostile &lt;b onmouseover=", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<b ", html, StringComparison.OrdinalIgnoreCase);
        // Parsed as a browser parses it: no element runs script, and the article's words are all there.
        var parsed = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html);
        Assert.Empty(parsed.QuerySelectorAll("script, img, iframe, object, embed, b"));
        Assert.DoesNotContain(parsed.All, e => e.Attributes.Any(a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase)));
        Assert.Contains("<img src=x onerror=", parsed.Body!.TextContent, StringComparison.Ordinal);
        // Self-contained: nothing is fetched.
        Assert.DoesNotMatch(@"(src|href)=""(https?:)?//(?!hostile\.example|ledger|bellamar)", html.Replace("rel=\"noreferrer\" href=\"https://", "", StringComparison.Ordinal));
        Assert.DoesNotContain("<link", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Markdown_shows_article_markup_as_text()
    {
        var (_, md) = CliRunner.Run("report", "--db", store.Db, "--all", "--format", "md");
        Assert.Contains("&lt;script&gt;", md, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", md, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", md, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void A_story_that_is_not_there_is_said_and_the_whole_store_is_story_all()
    {
        var (code, output) = CliRunner.Run("report", "--db", store.Db, "--story", "no-such-story", "--format", "md");
        Assert.Equal(2, code);
        Assert.Contains("no story no-such-story", output, StringComparison.Ordinal);
        var (allCode, all) = CliRunner.Run("report", "--db", store.Db, "--all", "--format", "json");
        Assert.Equal(0, allCode);
        using var doc = JsonDocument.Parse(all);
        Assert.Equal("all", doc.RootElement.GetProperty("stories")[0].GetProperty("id").GetString());
        // The examples and the hostile article.
        Assert.True(doc.RootElement.GetProperty("stories")[0].GetProperty("articles").GetArrayLength() >= 10);
    }

    [Fact]
    public void Past_the_largest_stories_the_others_are_listed_with_their_ids_and_each_can_be_reported_alone()
    {
        var (allCode, every) = CliRunner.Run("report", "--db", store.Db, "--format", "json");
        Assert.Equal(0, allCode);
        using var full = JsonDocument.Parse(every);
        int stories = full.RootElement.GetProperty("stories").GetArrayLength();
        Assert.True(stories >= 3, $"the examples make {stories} stories");
        Assert.Equal(0, full.RootElement.GetProperty("unreported").GetArrayLength());

        var (code, json) = CliRunner.Run("report", "--db", store.Db, "--format", "json", "--stories", "2");
        Assert.Equal(0, code);
        using var doc = JsonDocument.Parse(json);
        var reported = doc.RootElement.GetProperty("stories").EnumerateArray().Select(s => s.GetProperty("id").GetString()!).ToList();
        var listed = doc.RootElement.GetProperty("unreported").EnumerateArray().ToList();
        Assert.Equal(2, reported.Count);
        Assert.Equal(stories - 2, listed.Count);
        // The largest are reported: none listed is larger than the smaller of the two.
        int smallest = doc.RootElement.GetProperty("stories").EnumerateArray().Min(s => s.GetProperty("summary").GetProperty("articles").GetInt32());
        Assert.All(listed, l => Assert.True(l.GetProperty("articles").GetInt32() <= smallest));
        Assert.All(listed, l => Assert.DoesNotContain(l.GetProperty("id").GetString(), reported));
        Assert.All(listed, l => Assert.False(string.IsNullOrEmpty(l.GetProperty("title").GetString())));

        // The page lists them by id, linked nowhere (they have no section on it), and says how to report one.
        var (htmlCode, page) = CliRunner.Run("report", "--db", store.Db, "--stories", "2");
        Assert.Equal(0, htmlCode);
        var other = listed[0].GetProperty("id").GetString()!;
        Assert.Contains($"<code>{other}</code>", page, StringComparison.Ordinal);
        Assert.Contains("sitrep report --story ID", page, StringComparison.Ordinal);
        Assert.Equal(2, Regex.Matches(page, "<h1 id=\"s\\d+\">").Count);
        var ids = IdPattern().Matches(page).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);
        Assert.All(HrefPattern().Matches(page).Select(m => m.Groups[1].Value), l => Assert.Contains(l, ids));
        var (oneCode, one) = CliRunner.Run("report", "--db", store.Db, "--story", other, "--format", "json");
        Assert.Equal(0, oneCode);
        using var alone = JsonDocument.Parse(one);
        Assert.Equal(other, alone.RootElement.GetProperty("stories")[0].GetProperty("id").GetString());

        var (badCode, bad) = CliRunner.Run("report", "--db", store.Db, "--stories", "0");
        Assert.Equal(1, badCode);
        Assert.Contains("--stories must be 1 or more", bad, StringComparison.Ordinal);
    }

    [Fact]
    public void A_story_past_its_article_limit_is_read_from_its_newest_articles_and_says_how_many_it_left_out()
    {
        using var engine = SitrepEngine.Open(codecs => StoreFactory.Open(store.Db, codecs), EngineOptions.Default);
        var whole = new WholeStoreStories(engine.Store);
        var stored = engine.Store.Ids();
        Assert.True(stored.Count > 3);

        var report = Assert.Single(new StoryReportBuilder(engine.Store, ReportLimits.Default with { ArticlesPerStory = 3 }).Build(whole));

        Assert.Equal(3, report.Articles.Count);
        Assert.Equal(3, report.Summary.Articles);
        Assert.Equal(stored.Count - 3, report.ArticlesLeftOut);
        // The whole store's newest are the last stored.
        Assert.Equal(stored.Skip(stored.Count - 3).Order(StringComparer.Ordinal), report.Articles.Select(a => a.Id).Order(StringComparer.Ordinal));
        var visible = Regex.Replace(HtmlReportWriter.Write([report]), "<[^>]+>", "");
        Assert.Contains($"The story has {stored.Count} articles; this report reads the 3 newest and leaves out the {stored.Count - 3} oldest.", visible, StringComparison.Ordinal);
        Assert.Contains($"leaves out the {stored.Count - 3} oldest", MarkdownReportWriter.Write([report]), StringComparison.Ordinal);

        var all = Assert.Single(new StoryReportBuilder(engine.Store).Build(whole));
        Assert.Equal(0, all.ArticlesLeftOut);
        Assert.Equal(stored.Count, all.Articles.Count);
        Assert.DoesNotContain("leaves out", HtmlReportWriter.Write([all]), StringComparison.Ordinal);
    }

    private static List<string> Items(Dictionary<string, List<string>> table, string section) =>
        table.TryGetValue(section, out var list) ? list : table[section] = [];

    private static void Keys(JsonElement array, List<string> into)
    {
        foreach (var item in array.EnumerateArray())
            into.Add(Key(item));
    }

    private static string Key(JsonElement item) => item.GetProperty("evidence").GetProperty("key").GetString()!;

    [GeneratedRegex(@"`([^`\s]+@\d+-\d+)`")]
    private static partial Regex KeyPattern();

    [GeneratedRegex(@"\sid=""([^""]+)""")]
    private static partial Regex IdPattern();

    [GeneratedRegex(@"href=""#([^""]+)""")]
    private static partial Regex HrefPattern();
}

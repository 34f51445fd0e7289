using System.Text.Json;
using System.Text.RegularExpressions;
using Sitrep.Report;
using Sitrep.Tests.TestSupport;

namespace Sitrep.Tests.Report;

/// <summary>
/// The page as an analyst reads it on a store nobody tuned it for: what the store holds first, lists
/// that stay short, one version of the same words, no raw ids in the text, no empty boxes, no dead links.
/// Invented stories and quotes (the allsides fortnight and sample that showed these are in docs/report-notes.md).
/// </summary>
public sealed partial class ReportReadingTests
{
    private static readonly Evidence At = new("d0", 0, 5);

    private static StoryReport Story(string id, string title, int articles, int outlets = 1, IReadOnlyList<TimelineItem>? timeline = null,
        IReadOnlyList<SpeakerStatements>? statements = null, IReadOnlyList<ContradictionItem>? contradictions = null)
    {
        var arts = Enumerable.Range(0, articles).Select(i => new ReportArticle("d" + i, i == 1 ? null : title + " " + i, "Outlet " + (i % outlets), "2025-04-0" + (1 + (i % 9)), i == 2 ? null : "news", null, "Words of article " + i + " and more words after them.")).ToList();
        var shares = arts.GroupBy(a => a.Outlet).Select(g => new OutletShare(g.Key, g.Count(), g.Count(), 0, 0, 0)).ToList();
        return new StoryReport(id, title, new ReportSummary(articles, "2025-04-01", "2025-04-09", shares, [new ReportEntity("e1", "Dana Whitlock", "PERSON", articles, outlets, At)], [], []),
            timeline ?? [], statements ?? [], [], new OutletFraming([], [], shares, []), StoryReportBuilder.NoContradictions, arts)
        {
            Contradictions = contradictions ?? [],
        };
    }

    private static string Visible(string html) =>
        System.Net.WebUtility.HtmlDecode(Regex.Replace(Regex.Replace(html, "<(style|title)[^>]*>.*?</\\1>", "", RegexOptions.Singleline), "<[^>]+>", " "));

    private static void AllLinksLand(string html)
    {
        var ids = Regex.Matches(html, "\\sid=\"([^\"]+)\"").Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);
        Assert.All(Regex.Matches(html, "href=\"#([^\"]+)\"").Select(m => m.Groups[1].Value), l => Assert.Contains(l, ids));
    }

    [Fact]
    public void A_count_of_one_reads_in_the_singular_on_the_page_and_in_markdown()
    {
        var one = Story("S1", "Ferry strike ends", 1);
        var html = Visible(HtmlReportWriter.Write([one]));
        var md = MarkdownReportWriter.Write([one]);

        foreach (var text in new[] { html, md })
        {
            Assert.Contains("1 article from 1 outlet", text, StringComparison.Ordinal);
            Assert.Contains("1 article, 1 outlet", text, StringComparison.Ordinal);
            Assert.DoesNotMatch(@"\b1 (articles|outlets|quotes)\b", text);
        }
        Assert.Contains("2 articles from 2 outlets", Visible(HtmlReportWriter.Write([Story("S2", "Bridge plan", 2, 2)])), StringComparison.Ordinal);
    }

    [Fact]
    public void A_page_of_many_stories_opens_with_their_list_and_folds_the_one_article_stories()
    {
        var reports = new List<StoryReport> { Story("S1", "Bridge plan splits river towns", 5, 3), Story("S2", "Ferry strike ends", 2, 2) };
        reports.AddRange(Enumerable.Range(3, 30).Select(i => Story("S" + i, "Lone story " + i, 1)));
        var html = HtmlReportWriter.Write(reports);

        int index = html.IndexOf("id=\"index\"", StringComparison.Ordinal);
        Assert.True(index >= 0 && index < html.IndexOf("id=\"s0\"", StringComparison.Ordinal), "the list of stories comes before the first story");
        Assert.Contains("32 stories, 37 articles", Visible(html), StringComparison.Ordinal);
        var list = html[index..html.IndexOf("id=\"s0\"", StringComparison.Ordinal)];
        Assert.Contains("<a href=\"#s0\">Bridge plan splits river towns</a>", list, StringComparison.Ordinal);
        Assert.Contains("<a href=\"#s1\">Ferry strike ends</a>", list, StringComparison.Ordinal);
        // The thirty one-article stories are listed, folded.
        Assert.Contains("<details><summary>30 more stories (30 of one article)</summary>", list, StringComparison.Ordinal);
        Assert.Equal(32, Regex.Matches(list, "<a href=\"#s\\d+\">").Count);
        AllLinksLand(html);

        // One story: no list, no link back to it.
        var one = HtmlReportWriter.Write([Story("S1", "Bridge plan splits river towns", 5, 3)]);
        Assert.DoesNotContain("id=\"index\"", one, StringComparison.Ordinal);
        AllLinksLand(one);
    }

    [Fact]
    public void Sections_with_nothing_are_one_line_each_not_empty_boxes()
    {
        var html = HtmlReportWriter.Write([Story("S1", "Lone story", 1)]);
        foreach (var id in new[] { "time", "say", "cite", "frame", "contra" })
            Assert.DoesNotContain("id=\"s0" + id + "\"", html, StringComparison.Ordinal);
        var text = Visible(html);
        Assert.Contains("Not found in these articles", text, StringComparison.Ordinal);
        Assert.Contains("No attributed quote.", text, StringComparison.Ordinal);
        Assert.Contains("No outlet cites a source.", text, StringComparison.Ordinal);
        Assert.Contains(StoryReportBuilder.NoContradictions, text, StringComparison.Ordinal);
        AllLinksLand(html);
    }

    [Fact]
    public void The_list_of_dated_mentions_is_bounded_and_says_how_many_it_leaves_out()
    {
        // 400 mentions over 80 days; day 2025-05-10 is named by five outlets, the others by one.
        var timeline = Enumerable.Range(0, 400)
            .Select(i => new TimelineItem(new DateOnly(2025, 3, 1).AddDays(i % 80).ToString("yyyy-MM-dd"), "Outlet " + (i % 80 == 70 ? (i / 80) % 5 : 0), "day words " + i, "time", At))
            .OrderBy(t => t.Date, StringComparer.Ordinal).ToList();
        var html = HtmlReportWriter.Write([Story("S1", "Bridge plan splits river towns", 5, 5, timeline)]);
        var list = html[html.IndexOf("<details>", StringComparison.Ordinal)..html.IndexOf("</details>", StringComparison.Ordinal)];
        int rows = Regex.Matches(list, "<tr><td>").Count;
        Assert.InRange(rows, 1, HtmlReportWriter.TimelineRows);
        Assert.Contains("2025-05-10", list, StringComparison.Ordinal);
        Assert.Contains(N(rows) + " of 400 dated mentions", Visible(list), StringComparison.Ordinal);
        Assert.Contains(N(400 - rows) + " more dated mentions are in the Markdown and JSON reports", Visible(list), StringComparison.Ordinal);
        // Still in date order.
        var dates = Regex.Matches(list, "<tr><td>(\\d{4}-\\d\\d-\\d\\d)</td>").Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(dates.Order(StringComparer.Ordinal), dates);
    }

    [Fact]
    public void A_speaker_quoted_by_many_outlets_shows_a_few_side_by_side_and_names_the_rest()
    {
        var versions = Enumerable.Range(0, 14).Select(i => new StatementItem("Outlet " + i, "2025-04-01", "words number " + i, "direct", null, null, At)).ToList();
        var speaker = new SpeakerStatements("Dana Whitlock", "e1", null, null, versions, versions[0]);
        var html = HtmlReportWriter.Write([Story("S1", "Bridge plan splits river towns", 14, 14, statements: [speaker])]);
        var section = html[html.IndexOf("id=\"s0say\"", StringComparison.Ordinal)..html.IndexOf("</section>", html.IndexOf("id=\"s0say\"", StringComparison.Ordinal), StringComparison.Ordinal)];
        Assert.Equal(HtmlReportWriter.OutletsPerSpeaker, Regex.Matches(section, "<div class=\"card\">").Count);
        Assert.Contains("Also quoted by " + N(14 - HtmlReportWriter.OutletsPerSpeaker) + " more outlets: ", Visible(section), StringComparison.Ordinal);
        Assert.Contains("Outlet 13</a>", section, StringComparison.Ordinal);
        AllLinksLand(html);
    }

    [Fact]
    public void A_long_table_shows_its_first_rows_and_folds_the_rest()
    {
        var html = HtmlReportWriter.Write([Story("S1", "Bridge plan splits river towns", 30, 30)]);
        var summary = html[html.IndexOf("id=\"s0sum\"", StringComparison.Ordinal)..html.IndexOf("</section>", html.IndexOf("id=\"s0sum\"", StringComparison.Ordinal), StringComparison.Ordinal)];
        int fold = summary.IndexOf("<details>", StringComparison.Ordinal);
        Assert.True(fold > 0, "the outlets past the first rows fold");
        Assert.Equal(HtmlReportWriter.TableRows, Regex.Matches(summary[..fold], "<tr><td>").Count);
        Assert.Contains("<summary>" + N(30 - HtmlReportWriter.TableRows) + " more rows</summary>", summary, StringComparison.Ordinal);
        // Every outlet is still there.
        Assert.Equal(30, Regex.Matches(summary, "<tr><td>Outlet \\d+</td>").Count);
        var small = HtmlReportWriter.Write([Story("S1", "Bridge plan splits river towns", 5, 5)]);
        Assert.DoesNotContain("more rows", small, StringComparison.Ordinal);
    }

    [Fact]
    public void Articles_show_no_raw_document_id_and_say_what_is_not_known()
    {
        var html = HtmlReportWriter.Write([Story("S1", "Bridge plan splits river towns", 3, 2)]);
        var articles = Visible(html[html.IndexOf("id=\"s0art\"", StringComparison.Ordinal)..]);
        Assert.DoesNotMatch("\\bd[0-9]\\b", articles);
        Assert.Contains("(no title)", articles, StringComparison.Ordinal);
        Assert.Contains("genre not known", articles, StringComparison.Ordinal);
    }

    [Fact]
    public void A_contradiction_links_to_marked_words()
    {
        var contradiction = new ContradictionItem("date", "the opening", [new ContradictionSideItem("Outlet 0", "Words", new Evidence("d0", 0, 5)), new ContradictionSideItem("Outlet 1", "article", new Evidence("d1", 9, 16))]);
        var html = HtmlReportWriter.Write([Story("S1", "Bridge plan splits river towns", 2, 2, contradictions: [contradiction])]);
        Assert.Contains("<mark id=\"s0a1-9-16\">", html, StringComparison.Ordinal);
        AllLinksLand(html);
    }

    [Fact]
    public void An_outlet_s_same_words_in_two_articles_are_one_version()
    {
        using var dir = new TempDir();
        static string Article(string url, string title, string date, string day) => JsonSerializer.Serialize(new Dictionary<string, string>
        {
            ["url"] = url,
            ["title"] = title,
            ["source"] = "Valley Ledger",
            ["date"] = date,
            ["text"] = $"Mayor Dana Whitlock said on {day} that the new bridge was \"a disaster in the making\" for the river towns and that costs would triple before the work began.\n\n"
                + "Whitlock told reporters the council had not seen the plans. \"We were never asked,\" Whitlock said.",
        });
        var input = dir.Write("bridge.jsonl", Article("https://example.test/a1", "Bridge plan splits river towns", "2025-04-02", "Tuesday") + "\n"
            + Article("https://example.test/a2", "Council fights bridge", "2025-04-03", "Wednesday") + "\n");
        var db = dir.File("bridge.db");
        Assert.Equal(0, CliRunner.Run("analyze", input, "--db", db, "--quiet").ExitCode);
        var (code, json) = CliRunner.Run("report", "--db", db, "--all", "--format", "json");
        Assert.Equal(0, code);
        using var doc = JsonDocument.Parse(json);
        var versions = doc.RootElement.GetProperty("stories")[0].GetProperty("statements").EnumerateArray()
            .Single(s => s.GetProperty("speaker").GetString()!.Contains("Whitlock", StringComparison.Ordinal)).GetProperty("versions").EnumerateArray()
            .Select(v => v.GetProperty("words").GetString()!).ToList();
        Assert.Single(versions, v => v.Contains("disaster in the making", StringComparison.Ordinal));
        Assert.Contains(versions, v => v.Contains("never asked", StringComparison.Ordinal));
        Assert.Equal(versions.Count, versions.Distinct(StringComparer.Ordinal).Count());
    }

    /// <summary>Two articles of one outlet on consecutive days with the same text, analysed into a new store; its path.</summary>
    private static string AnalyseTwoLedgerArticles(TempDir dir, string urlPrefix, string text)
    {
        string Article(string n, string title, string date) => JsonSerializer.Serialize(new Dictionary<string, string>
        {
            ["url"] = $"https://example.test/{urlPrefix}{n}",
            ["title"] = title,
            ["source"] = "Valley Ledger",
            ["date"] = date,
            ["text"] = text,
        });
        var input = dir.Write("bridge.jsonl", Article("1", "Bridge plan splits river towns", "2025-04-02") + "\n"
            + Article("2", "Council fights bridge plan", "2025-04-03") + "\n");
        var db = dir.File("bridge.db");
        Assert.Equal(0, CliRunner.Run("analyze", input, "--db", db, "--quiet").ExitCode);
        return db;
    }

    [Fact]
    public void An_evidential_or_a_belief_given_to_a_speaker_is_not_shown_as_their_statement()
    {
        using var dir = new TempDir();
        var db = AnalyseTwoLedgerArticles(dir, "b",
            "Mayor Dana Whitlock said the new bridge would cost the river towns twice what the council was told.\n\n"
            + "Whitlock seems to have given up on the regional board altogether.\n\n"
            + "Whitlock believes the quarry road will flood again in the spring.");
        // The quotes are kept, each with its kind of attribution ...
        var (qcode, quotes) = CliRunner.Run("quotes", "--db", db, "--json");
        Assert.Equal(0, qcode);
        using (var q = JsonDocument.Parse(quotes))
        {
            var kinds = q.RootElement.EnumerateArray().Select(e => (Words: e.GetProperty("text").GetString()!, Kind: e.GetProperty("attribution").GetString())).ToList();
            Assert.Contains(kinds, k => k.Words.Contains("given up", StringComparison.Ordinal) && k.Kind == "evidential");
            Assert.Contains(kinds, k => k.Words.Contains("quarry road", StringComparison.Ordinal) && k.Kind == "thought");
            Assert.Contains(kinds, k => k.Words.Contains("twice what", StringComparison.Ordinal) && k.Kind == "speech");
        }
        // ... but the report's statements show only the words said.
        var (code, json) = CliRunner.Run("report", "--db", db, "--all", "--format", "json");
        Assert.Equal(0, code);
        using var doc = JsonDocument.Parse(json);
        var versions = doc.RootElement.GetProperty("stories")[0].GetProperty("statements").EnumerateArray()
            .SelectMany(s => s.GetProperty("versions").EnumerateArray()).Select(v => v.GetProperty("words").GetString()!).ToList();
        Assert.Contains(versions, v => v.Contains("twice what", StringComparison.Ordinal));
        Assert.DoesNotContain(versions, v => v.Contains("given up", StringComparison.Ordinal));
        Assert.DoesNotContain(versions, v => v.Contains("quarry road", StringComparison.Ordinal));
        var (hcode, html) = CliRunner.Run("report", "--db", db, "--all", "--format", "html");
        Assert.Equal(0, hcode);
        // The page keeps the articles' texts at its end: only its statements section is read.
        int at = html.IndexOf("say\"><h2>Key statements", StringComparison.Ordinal);
        Assert.True(at >= 0, "no statements section");
        var section = html[at..html.IndexOf("</section>", at, StringComparison.Ordinal)];
        Assert.Contains("twice what", section, StringComparison.Ordinal);
        Assert.DoesNotContain("given up on the regional board", section, StringComparison.Ordinal);
        Assert.DoesNotContain("quarry road", section, StringComparison.Ordinal);
    }

    [Fact]
    public void An_evidential_or_a_belief_is_no_voice_the_outlet_quotes_and_gives_no_date_words_were_said()
    {
        using var dir = new TempDir();
        var db = AnalyseTwoLedgerArticles(dir, "v",
            "Mayor Dana Whitlock said on Monday that the new bridge would cost the river towns twice what the council was told.\n\n"
            + "Whitlock seemed on Tuesday to have given up on the regional board altogether.\n\n"
            + "Whitlock believed on Tuesday that the quarry road would flood again in the spring.");
        var (code, json) = CliRunner.Run("report", "--db", db, "--all", "--format", "json");
        Assert.Equal(0, code);
        using var doc = JsonDocument.Parse(json);
        var story = doc.RootElement.GetProperty("stories")[0];
        // Whose voices the outlet quotes: the mayor's two statements (one per article), by sector and by country;
        // what she seems to have done and what she believes are kept among the quotes but are no voice.
        var voices = story.GetProperty("framing").GetProperty("voices").EnumerateArray().ToList();
        Assert.NotEmpty(voices);
        foreach (var by in new[] { "sector", "country" })
            Assert.Equal(2, voices.Where(v => v.GetProperty("by").GetString() == by).Sum(v => v.GetProperty("quotes").GetInt32()));
        // The timeline dates the words said (Monday), not the evidential's or the belief's Tuesday.
        var quoted = story.GetProperty("timeline").EnumerateArray().Where(t => t.GetProperty("kind").GetString() == "quote")
            .Select(t => (Date: t.GetProperty("date").GetString()!, Words: t.GetProperty("words").GetString()!)).ToList();
        Assert.Equal(2, quoted.Count);
        Assert.All(quoted, t => Assert.Equal("2025-03-31", t.Date));
        Assert.All(quoted, t => Assert.Contains("new bridge", t.Words, StringComparison.Ordinal));
        Assert.DoesNotContain(quoted, t => t.Words.Contains("given up", StringComparison.Ordinal) || t.Words.Contains("quarry road", StringComparison.Ordinal));
    }

    private static string N(int n) => n.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

using System.Text.Json;
using System.Text.RegularExpressions;
using Sitrep.Documents;
using Sitrep.Engine;
using Sitrep.Ingest;
using Sitrep.Storage;
using Sitrep.Stories;
using Sitrep.Tests.TestSupport;

namespace Sitrep.Tests.Specs.Stories;

/// <summary>
/// Runs the cross-article cases in Specs/Stories: events reported by several articles joined into one
/// story event (or kept apart), and one speaker's statement quoted by several outlets joined into one
/// statement (or kept apart). A case is one section <c>## together: …</c> or <c>## apart: …</c>, whose
/// "- " lines are articles, <c>yyyy-MM-dd: text</c> (published that day, by an outlet of its own).
/// In an events file articles mark the cue of the event they report in [brackets] (an article without
/// one only sets the scene; one article may mark several, as one article tells two speakers' requests; two or more
/// cues are marked in a case); "together" asks
/// for one story event holding every marked report, "apart" for every marked report in events of its
/// own (a plural, "the attacks", may be a report of several events). In a statements file "together" asks for one statement holding a quote of every article, "apart"
/// for no statement joining two of them. A line <c>- dates disagree</c> in a "together" events case asks
/// for the disagreement to be kept, a line <c>- date yyyy-MM-dd</c> or <c>- date yyyy-MM-dd..yyyy-MM-dd</c> for the
/// story event's date (day or range), and an article <c>undated: text</c> has no publication date. In an article " ¶ " starts a
/// new paragraph (quotes paragraphs apart, which an article keeps as two statements unless something ties them). A line
/// <c>- statements N</c> in a "together" statements case asks for exactly N statements, each holding a quote of every
/// article (two occasions that both outlets quote, kept apart); a line <c>- apart N M</c> in an "apart" statements case
/// asks only that no statement hold quotes of both article N and article M (counted from 1), where a third article may
/// join either. Any other heading or line fails the file.
/// </summary>
public sealed partial class StorySpecTests
{
    private const string Folder = "Stories";

    [GeneratedRegex(@"^(?<day>\d{4}-\d{2}-\d{2}|undated): (?<text>.+)$")]
    private static partial Regex Article();

    [GeneratedRegex(@"^date (?<from>\d{4}-\d{2}-\d{2})(\.\.(?<to>\d{4}-\d{2}-\d{2}))?$")]
    private static partial Regex DateLine();

    [GeneratedRegex(@"^statements (?<count>[1-9])$")]
    private static partial Regex StatementCountLine();

    [GeneratedRegex(@"^apart (?<a>[1-9]) (?<b>[1-9])$")]
    private static partial Regex ApartPairLine();

    [GeneratedRegex(@"\[(?<cue>[^\]]+)\]")]
    private static partial Regex Bracket();

    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var (file, heading) in AllCases())
            data.Add(file, heading);
        return data;
    }

    private static IEnumerable<(string File, string Heading)> AllCases() =>
        Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "Specs", Folder), "*.spec.md").Order(StringComparer.Ordinal)
            .SelectMany(path => SpecFile.Load(path).Headings.Order(StringComparer.Ordinal).Select(h => (Path.GetFileName(path), h)));

    [Fact]
    public void There_are_cases_of_both_kinds_kept_together_and_apart()
    {
        var cases = AllCases().ToList();
        Assert.True(cases.Count(c => c.Item1.StartsWith("events", StringComparison.Ordinal)) >= 12, "fewer than 12 event cases");
        Assert.True(cases.Count(c => c.Item1.StartsWith("statements", StringComparison.Ordinal)) >= 10, "fewer than 10 statement cases");
        foreach (var kind in new[] { "events", "statements" })
        {
            Assert.Contains(cases, c => c.Item1.StartsWith(kind, StringComparison.Ordinal) && c.Item2.StartsWith("together:", StringComparison.Ordinal));
            Assert.Contains(cases, c => c.Item1.StartsWith(kind, StringComparison.Ordinal) && c.Item2.StartsWith("apart:", StringComparison.Ordinal));
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Case_holds(string file, string heading)
    {
        var spec = SpecFile.Load(Path.Combine(AppContext.BaseDirectory, "Specs", Folder, file));
        bool together = heading.StartsWith("together:", StringComparison.Ordinal);
        Assert.True(together || heading.StartsWith("apart:", StringComparison.Ordinal), $"{file}: unknown section '## {heading}'; a case is '## together: …' or '## apart: …'");
        bool events = file.StartsWith("events", StringComparison.Ordinal);
        Assert.True(events || file.StartsWith("statements", StringComparison.Ordinal), $"{file}: a story spec file is named events-….spec.md or statements-….spec.md");

        var articles = new List<(string Day, string Text, List<(int Start, int End)> Cues)>();
        bool disagree = false;
        (string From, string To)? date = null;
        int? statementCount = null;
        var apartPairs = new List<(int, int)>();
        foreach (var (_, item) in spec.NumberedItems(heading))
        {
            if (item == "dates disagree")
            {
                Assert.True(events && together, $"{file} '{heading}': 'dates disagree' belongs to a 'together' events case");
                disagree = true;
                continue;
            }
            if (DateLine().Match(item) is { Success: true } dl)
            {
                Assert.True(events && together, $"{file} '{heading}': a 'date' line belongs to a 'together' events case");
                date = (dl.Groups["from"].Value, dl.Groups["to"].Success ? dl.Groups["to"].Value : dl.Groups["from"].Value);
                continue;
            }
            if (StatementCountLine().Match(item) is { Success: true } sc)
            {
                Assert.True(!events && together, $"{file} '{heading}': a 'statements N' line belongs to a 'together' statements case");
                statementCount = int.Parse(sc.Groups["count"].Value, System.Globalization.CultureInfo.InvariantCulture);
                continue;
            }
            if (ApartPairLine().Match(item) is { Success: true } ap)
            {
                Assert.True(!events && !together, $"{file} '{heading}': an 'apart N M' line belongs to an 'apart' statements case");
                apartPairs.Add((int.Parse(ap.Groups["a"].Value, System.Globalization.CultureInfo.InvariantCulture) - 1, int.Parse(ap.Groups["b"].Value, System.Globalization.CultureInfo.InvariantCulture) - 1));
                continue;
            }
            var m = Article().Match(item);
            Assert.True(m.Success, $"{file} '{heading}': an article is 'yyyy-MM-dd: text', not '{item}'");
            var text = m.Groups["text"].Value.Replace(" ¶ ", "\n\n", StringComparison.Ordinal);
            var cues = new List<(int, int)>();
            for (var bracket = Bracket().Match(text); bracket.Success; bracket = Bracket().Match(text))
            {
                cues.Add((bracket.Index, bracket.Index + bracket.Groups["cue"].Length));
                text = text.Remove(bracket.Index, bracket.Length).Insert(bracket.Index, bracket.Groups["cue"].Value);
            }
            articles.Add((m.Groups["day"].Value, text, cues));
        }
        Assert.True(!events || articles.Sum(a => a.Cues.Count) >= 2, $"{file} '{heading}': an events case marks two event cues or more in [brackets]");
        Assert.True(articles.Count >= 2, $"{file} '{heading}': a case has two articles or more");

        using var dir = new TempDir();
        using var engine = SitrepEngine.Open(codecs => StoreFactory.Open(dir.File("s.db"), codecs), EngineOptions.Default);
        var input = dir.Write("in.jsonl", string.Concat(articles.Select((a, i) =>
        {
            var fields = new Dictionary<string, string>
            {
                ["url"] = $"https://outlet{i}.example/a",
                ["outlet"] = $"Outlet {i}",
                ["title"] = $"Report {i}",
                ["text"] = "Here is the news.\n\n" + a.Text,
            };
            if (a.Day != "undated")
                fields["published"] = a.Day; // "undated: …" is an article with no publication date
            return JsonSerializer.Serialize(fields) + "\n";
        })));
        using (var inputs = engine.OpenInputs([input]))
            engine.Analyze(inputs, cancellation: TestContext.Current.CancellationToken);
        var documents = articles.Select((_, i) => engine.Store.Ids().Select(engine.Load).Single(d => d!.Metadata.Url == $"https://outlet{i}.example/a")!).ToList();

        if (events)
            CheckEvents(file, heading, together, disagree, date, articles, documents, engine.Store);
        else
            CheckStatements(file, heading, together, statementCount, apartPairs, documents, engine.Store);
    }

    private static void CheckEvents(string file, string heading, bool together, bool disagree, (string From, string To)? date, List<(string Day, string Text, List<(int Start, int End)> Cues)> articles, List<Document> documents, IDocumentStore store)
    {
        var found = StoryEvents.Of(documents, store);
        string Describe() => string.Join("\n  ", found.Select(e => $"{e.Type} {e.Date ?? e.From + ".." + e.To}: " + string.Join(", ", e.Reports.Select(r => $"{documents.FindIndex(d => d.Id == r.Document)}[{r.Cue.Text}]"))));
        // The story events holding each marked report (a plural, "the attacks", may be a report of several);
        // an article without a mark only sets the scene.
        var holders = new List<List<StoryEvent>>();
        for (int i = 0; i < articles.Count; i++)
        {
            var d = documents[i];
            int shift = d.Text.IndexOf(articles[i].Text, StringComparison.Ordinal);
            Assert.True(shift >= 0, $"{file} '{heading}': article {i}'s body is not its text: «{d.Text}»");
            foreach (var cue in articles[i].Cues)
            {
                var (start, end) = (cue.Start + shift, cue.End + shift);
                var holder = found.Where(e => e.Reports.Any(r => r.Document == d.Id && r.Cue.Start < end && start < r.Cue.End)).ToList();
                Assert.True(holder.Count > 0, $"{file} '{heading}': article {i}'s [{d.Text[start..end]}] is in no story event\nfound:\n  {Describe()}");
                holders.Add(holder);
            }
        }
        if (together)
        {
            var common = holders.Skip(1).Aggregate((IEnumerable<StoryEvent>)holders[0], (a, b) => a.Intersect(b)).ToList();
            Assert.True(common.Count == 1, $"{file} '{heading}': the reports must be one story event\nfound:\n  {Describe()}");
            Assert.True(common[0].DatesDisagree == disagree, $"{file} '{heading}': dates_disagree is {common[0].DatesDisagree}, expected {disagree}\nfound:\n  {Describe()}");
            if (date is { } want)
            {
                var got = (common[0].From ?? common[0].Date, common[0].To ?? common[0].Date);
                Assert.True(got == want, $"{file} '{heading}': the event's date is {got.Item1}..{got.Item2}, expected {want.From}..{want.To}\nfound:\n  {Describe()}");
            }
        }
        else
        {
            Assert.True(holders.SelectMany(h => h).Distinct().Count() == holders.Sum(h => h.Count), $"{file} '{heading}': the reports must stay apart\nfound:\n  {Describe()}");
        }
    }

    private static void CheckStatements(string file, string heading, bool together, int? count, List<(int A, int B)> apartPairs, List<Document> documents, IDocumentStore store)
    {
        var statements = StoryStatements.Of(documents, store);
        string Describe() => string.Join("\n  ", statements.Select(s => s.SpeakerName + ": " + string.Join(" | ", s.Quotes.Select(q => $"{documents.FindIndex(d => d.Id == q.Document)} «{q.Words}»"))));
        if (together)
        {
            Assert.True(
                statements.Any(s => documents.All(d => s.Quotes.Any(q => q.Document == d.Id))),
                $"{file} '{heading}': one statement must hold a quote of every article\nfound:\n  {Describe()}");
            if (count is { } n)
            {
                Assert.True(statements.Count == n && statements.All(s => documents.All(d => s.Quotes.Any(q => q.Document == d.Id))),
                    $"{file} '{heading}': {n} statements must each hold a quote of every article\nfound:\n  {Describe()}");
            }
        }
        else if (apartPairs.Count > 0)
        {
            foreach (var (a, b) in apartPairs)
            {
                Assert.True(a < documents.Count && b < documents.Count, $"{file} '{heading}': 'apart {a + 1} {b + 1}' names an article the case lacks");
                Assert.False(statements.Any(s => s.Quotes.Any(q => q.Document == documents[a].Id) && s.Quotes.Any(q => q.Document == documents[b].Id)),
                    $"{file} '{heading}': no statement may hold quotes of both article {a + 1} and article {b + 1}\nfound:\n  {Describe()}");
            }
        }
        else
        {
            Assert.True(statements.Count == 0, $"{file} '{heading}': no statement may join these articles\nfound:\n  {Describe()}");
        }
    }
}

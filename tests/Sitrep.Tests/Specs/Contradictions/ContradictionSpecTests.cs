using System.Globalization;
using System.Text.RegularExpressions;
using Sitrep.Contradictions;
using Sitrep.Documents;
using Sitrep.Engine;
using Sitrep.Ingest;

namespace Sitrep.Tests.Specs.Contradictions;

/// <summary>
/// Runs the cases of Specs/Contradictions: each case's articles go through every per-document stage
/// (names, quotes, times, events), then <see cref="StoryContradictions"/> reads them together as one
/// story. Without a store, an entity is known across the articles by its name, so the cases name
/// each actor the same way in every article. The file's sections are those
/// <see cref="SpecCatalog"/> lists; each case says which kind it expects, and nothing else may be found.
/// </summary>
public sealed partial class ContradictionSpecTests
{
    private const string Folder = "Contradictions";
    /// <summary>A neutral English paragraph before each article: one sentence alone is too short for language detection, and names are tagged in English text only.</summary>
    private const string Opening = "This article was written by our staff in the region and was checked by our editors before it went online.\n\n";

    private static readonly Dictionary<string, string?> Expected = new(StringComparer.Ordinal)
    {
        ["dates"] = "date",
        ["roles"] = "role",
        ["numbers"] = "number",
        ["claims"] = "claim",
        ["not contradictions"] = null,
    };

    [GeneratedRegex(@"\[(?<side>[^\]]+)\]")]
    private static partial Regex Bracket();

    public static TheoryData<string> Files => SpecCatalog.Names(Folder);

    public static TheoryData<string, int> Cases => SpecCatalog.NumberedCases(Folder);

    [Fact]
    public void There_are_at_least_60_cases_and_as_many_non_contradictions_as_of_any_kind()
    {
        var specs = Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "Specs", Folder), "*.spec.md").Select(SpecFile.Load).ToList();
        int Count(string heading) => specs.Sum(s => s.NumberedItems(heading).Count);
        int all = Expected.Keys.Sum(Count);
        Assert.True(all >= 60, $"only {all} contradiction cases");
        foreach (var kind in Expected.Keys.Where(k => Expected[k] is not null))
        {
            Assert.True(Count(kind) >= 8, $"only {Count(kind)} cases of {kind}");
            Assert.True(Count("not contradictions") >= Count(kind), $"fewer non-contradictions than {kind}");
        }
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void A_file_has_only_known_sections(string file) => SpecCatalog.Load(Folder, file);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Case_holds(string file, int line)
    {
        var spec = SpecCatalog.Load(Folder, file);
        var (heading, item) = spec.Headings.SelectMany(h => spec.NumberedItems(h).Select(i => (Heading: h, i.Line, i.Item))).Where(c => c.Line == line).Select(c => (c.Heading, c.Item)).Single();
        int arrow = item.LastIndexOf(" => ", StringComparison.Ordinal);
        Assert.True(arrow > 0, $"{file}:{line}: a case is 'articles => kind'");
        var expected = item[(arrow + 4)..].Trim();
        Assert.Equal(Expected[heading] ?? "none", expected);
        var documents = new List<Document>();
        var sides = new List<(string Document, string Words)>();
        var articles = item[..arrow].Split(" || ");
        Assert.True(articles.Length >= 2, $"{file}:{line}: a case has two articles or more");
        for (int i = 0; i < articles.Length; i++)
        {
            var a = articles[i].Trim();
            Assert.True(a.Length > 12 && a[10] == ':' && DateOnly.TryParseExact(a[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _), $"{file}:{line}: an article is 'yyyy-MM-dd: text', not «{a}»");
            var id = "article-" + (char)('a' + i);
            var text = Bracket().Replace(a[11..].Trim(), m => m.Groups["side"].Value);
            foreach (Match m in Bracket().Matches(a))
                sides.Add((id, m.Groups["side"].Value));
            var document = Features.Default.Analyze(new ArticleInput(id, id, InputFormat.PlainText, Opening + text, new StatedMetadata { Published = a[..10], Outlet = "Outlet " + (char)('A' + i) }, [])) with { Id = id };
            documents.Add(document);
        }
        var found = StoryContradictions.Of(documents, null);
        string Describe() => found.Count == 0 ? "nothing" : string.Join("; ", found.Select(c => $"{c.KindName}: {c.About}: " + string.Join(" | ", c.Sides.Select(s => $"{s.Document} «{s.Text}»"))));
        if (expected == "none")
        {
            Assert.True(found.Count == 0, $"{file}:{line}: {item}\n  no contradiction expected, found: {Describe()}");
            return;
        }
        Assert.True(sides.Count >= 2, $"{file}:{line}: bracket the words of at least two sides");
        var problems = new List<string>();
        var match = found.FirstOrDefault(c => c.KindName == expected && sides.All(s => c.Sides.Any(x => Holds(x, s))));
        if (match is null)
            problems.Add($"no {expected} contradiction with every bracketed side");
        foreach (var other in found.Where(c => c != match))
            problems.Add($"also found {other.KindName}: {other.About}");
        foreach (var d in documents)
        {
            // Each side's offsets must give its text.
            foreach (var s in found.SelectMany(c => c.Sides).Where(s => s.Document == d.Id))
            {
                if (d.Text[s.Start..s.End] != s.Text)
                    problems.Add($"side «{s.Text}» has offsets {s.Start}..{s.End} that read «{d.Text[s.Start..s.End]}»");
            }
        }
        Assert.True(problems.Count == 0, $"{file}:{line}: {item}\n  " + string.Join("\n  ", problems) + "\nfound: " + Describe());
    }

    /// <summary>As the reference scorer matches sides: the side holds the bracketed words and is at most three times as long (or 60 characters).</summary>
    private static bool Holds(ContradictionSide side, (string Document, string Words) expected) =>
        side.Document == expected.Document
        && side.Text.Contains(expected.Words, StringComparison.OrdinalIgnoreCase)
        && side.Text.Length <= 3 * Math.Max(expected.Words.Length, 20);
}

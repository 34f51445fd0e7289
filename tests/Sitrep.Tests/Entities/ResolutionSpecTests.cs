using Sitrep.Entities;
using System.Text.RegularExpressions;
using Sitrep.Documents;
using Sitrep.Entities.Resolution;
using Sitrep.Ingest;
using Sitrep.Pipeline;
using Sitrep.Storage;
using Sitrep.Tests.Specs;
using Sitrep.Tests.TestSupport;

namespace Sitrep.Tests.Entities;

/// <summary>
/// Runs every file in Specs/Resolution: its articles go through the whole pipeline into a fresh store
/// with entity resolution, then each "same" line must name one entity and each "different" line two, and
/// each "types" line ("- ORG: Halvern Ridge@2") gives the type the store's entity of that name has (its articles' vote),
/// and each "countries" line ("- USA: Ellen Marsh@1", "- none: Halvern Holdings@2") the country its articles give it.
/// A name is written as it appears ("Qaddafi"), optionally with the article it is in ("@3", 1-based)
/// and which occurrence there ("#2").
/// </summary>
public sealed partial class ResolutionSpecTests
{
    private static readonly DocumentPipeline Pipeline = Sitrep.Tests.TestSupport.TestPipelines.Full;

    public static TheoryData<string> Specs => SpecCatalog.Names("Resolution");

    [GeneratedRegex(@"^## (?<section>\w+)\s*$")]
    private static partial Regex Section();

    [GeneratedRegex(@"^(?<text>.+?)(@(?<article>\d+))?(#(?<occurrence>\d+))?$")]
    private static partial Regex Reference();

    [Theory]
    [MemberData(nameof(Specs))]
    public void Spec_holds(string file)
    {
        var (articles, same, different, types, countries) = Parse(File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Specs", "Resolution", file)));
        Assert.NotEmpty(articles);
        Assert.True(same.Count + different.Count + types.Count + countries.Count > 0, "a resolution spec must say what is one entity or two, or what type an entity has");

        using var dir = new TempDir();
        using var store = SqliteDocumentStore.Open(dir.File("spec.db"), Sitrep.Tests.TestSupport.TestPipelines.Full.Codecs);
        var analyzer = new BatchAnalyzer(Pipeline, store, crossDocument: [new EntityResolver(store.Entities)]);
        var summary = analyzer.Run(articles.Select((text, i) => InputItem.Of(
            new ArticleInput($"spec:{file}/{i + 1}", $"a{i + 1}", InputFormat.PlainText, text, StatedMetadata.None, []))), cancellation: TestContext.Current.CancellationToken);
        Assert.Equal(articles.Count, summary.Stored);
        var docs = summary.DocumentIds.Select(id => store.Load(id)!).ToList();

        foreach (var line in same)
        {
            var ids = line.Select(r => EntityOf(store, docs, r)).ToList();
            Assert.True(ids.Distinct().Count() == 1, $"expected one entity for {string.Join(" | ", line)}; got {Describe(line, ids)}");
        }
        foreach (var line in different)
        {
            var ids = line.Select(r => EntityOf(store, docs, r)).ToList();
            Assert.True(ids.Distinct().Count() == ids.Count, $"expected different entities for {string.Join(" | ", line)}; got {Describe(line, ids)}");
        }
        foreach (var (type, reference) in types)
        {
            var entity = store.Entities.Get(EntityOf(store, docs, reference));
            Assert.True(entity.Type == type, $"expected {reference} to be {type}; its entity E{entity.Id} ({entity.Name}) is {entity.Type}");
        }
        foreach (var (country, reference) in countries)
        {
            var id = EntityOf(store, docs, reference);
            var (_, got) = store.Entities.Affiliation(id);
            var expected = country == "none" ? null : country;
            Assert.True(got == expected, $"expected {reference} to be of {country}; its entity E{id} is of {got ?? "none"}");
        }
    }

    private static string Describe(List<string> refs, List<long> ids) => string.Join(", ", refs.Zip(ids, (r, id) => $"{r} = E{id}"));

    private static long EntityOf(SqliteDocumentStore store, List<Document> docs, string reference)
    {
        var m = Reference().Match(reference.Trim());
        var text = m.Groups["text"].Value;
        int? article = m.Groups["article"].Success ? int.Parse(m.Groups["article"].Value, System.Globalization.CultureInfo.InvariantCulture) : null;
        int occurrence = m.Groups["occurrence"].Success ? int.Parse(m.Groups["occurrence"].Value, System.Globalization.CultureInfo.InvariantCulture) : 1;
        int seen = 0;
        for (int d = 0; d < docs.Count; d++)
        {
            if (article is { } a && a != d + 1)
                continue;
            foreach (var mention in docs[d].Mentions())
            {
                var said = mention.Text(docs[d].Text);
                if (said != text && said != text + "'s" && said != text + "’s")
                    continue;
                if (++seen < occurrence)
                    continue;
                Assert.True(mention.Entity >= 0, $"{reference}: the mention has no document entity");
                var id = store.Entities.EntityOf(docs[d].Id, mention.Entity);
                Assert.True(id is not null, $"{reference}: not resolved");
                return store.Entities.Get(id!.Value).Id;
            }
        }
        var all = docs.SelectMany((doc, i) => doc.Mentions().Select(x => $"{x.Text(doc.Text)}@{i + 1}"));
        Assert.Fail($"no mention '{reference}'; mentions: {string.Join(" | ", all)}");
        return 0;
    }

    private static (List<string> Articles, List<List<string>> Same, List<List<string>> Different, List<(string Type, string Reference)> Types, List<(string Country, string Reference)> Countries) Parse(string[] lines)
    {
        var articles = new List<string>();
        var same = new List<List<string>>();
        var different = new List<List<string>>();
        var types = new List<(string, string)>();
        var countries = new List<(string, string)>();
        string section = "";
        for (int i = 0; i < lines.Length; i++)
        {
            var s = Section().Match(lines[i]);
            if (s.Success)
            {
                section = s.Groups["section"].Value;
                continue;
            }
            if (section == "article" && lines[i].StartsWith("```text", StringComparison.Ordinal))
            {
                var body = new List<string>();
                while (++i < lines.Length && !lines[i].StartsWith("```", StringComparison.Ordinal))
                    body.Add(lines[i]);
                articles.Add(string.Join('\n', body));
            }
            else if (lines[i].StartsWith("- ", StringComparison.Ordinal) && section is "same" or "different")
            {
                var refs = lines[i][2..].Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToList();
                (section == "same" ? same : different).Add(refs);
            }
            else if (lines[i].StartsWith("- ", StringComparison.Ordinal) && section is "types" or "countries")
            {
                int colon = lines[i].IndexOf(':', StringComparison.Ordinal);
                Assert.True(colon > 2, $"a {section} line is '- VALUE: name': {lines[i]}");
                (section == "types" ? types : countries).Add((lines[i][2..colon].Trim(), lines[i][(colon + 1)..].Trim()));
            }
        }
        return (articles, same, different, types, countries);
    }
}

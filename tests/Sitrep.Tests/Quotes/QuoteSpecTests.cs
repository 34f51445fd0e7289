using Sitrep.Documents;
using Sitrep.Quotes;
using Sitrep.Quotes.Training;
using Sitrep.Tests.Specs;

namespace Sitrep.Tests.Quotes;

/// <summary>
/// Runs every file in Specs/Quotes through the default pipeline with entities and the quote finder.
/// Sections: <c>## input</c>, <c>## metadata</c> (published), <c>## quotes</c> ("- kind: words | speaker:
/// text = entity ("text = none": no entity) | cue: text | cited: outlet | date: yyyy-MM-dd (followed by "inferred" when the publication date stands in) | attribution: speech, thought, evidential or action | within: outer words", "none" for
/// null), <c>## not quotes</c>, <c>## cites</c>, <c>## not cites</c> (outlet or channel names) and
/// <c>## statements</c> ("- same: words ; words", "- different: words ; words"). Any other section fails.
/// </summary>
public sealed class QuoteSpecTests
{
    private static readonly HashSet<string> KnownSections = new(StringComparer.Ordinal)
    {
        "input", "metadata", "quotes", "not quotes", "cites", "not cites", "statements",
    };

    public static TheoryData<string> Specs => SpecCatalog.Names("Quotes");

    [Theory]
    [MemberData(nameof(Specs))]
    public void Spec_holds(string file)
    {
        var spec = SpecCatalog.Load("Quotes", file);
        foreach (var section in spec.Headings)
            Assert.True(KnownSections.Contains(section), $"{file}: unknown section '## {section}'");
        var run = Run(spec);
        var problems = new List<string>();
        foreach (var item in spec.Items("quotes"))
            CheckQuote(run, item, problems);
        foreach (var words in spec.Items("not quotes"))
        {
            if (run.Layer.Quotes.Any(q => Same(run.Text(q), words)))
                problems.Add($"found as a quote, but must not be: {words}");
        }
        var cites = run.CiteNames();
        foreach (var name in spec.Items("cites"))
        {
            if (!cites.Any(c => Names(c, name)))
                problems.Add($"cites lacks {name}; it has [{string.Join(", ", cites)}]");
        }
        foreach (var name in spec.Items("not cites"))
        {
            if (cites.Any(c => Names(c, name)))
                problems.Add($"cites {name}, which the article names but does not use as a source");
        }
        foreach (var item in spec.Items("statements"))
            CheckStatement(run, item, problems);
        Assert.True(problems.Count == 0, $"{file}:\n  " + string.Join("\n  ", problems) + "\nfound:\n" + run.Describe());
    }

    /// <summary>
    /// Precision and recall of the articles' cites over every spec file that lists its cites: each
    /// listed outlet found is a hit, each cited outlet not listed a false alarm.
    /// </summary>
    [Fact]
    public void Cites_precision_and_recall_over_the_spec_files()
    {
        int hits = 0, missed = 0, wrong = 0;
        foreach (var path in Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "Specs", "Quotes"), "*.spec.md").Order(StringComparer.Ordinal))
        {
            var spec = SpecCatalog.Load("Quotes", Path.GetFileName(path));
            if (!spec.Has("cites") && !spec.Has("not cites"))
                continue;
            var expected = spec.Items("cites");
            var cites = Run(spec).CiteNames();
            hits += expected.Count(e => cites.Any(c => Names(c, e)));
            missed += expected.Count(e => !cites.Any(c => Names(c, e)));
            wrong += cites.Count(c => !expected.Any(e => Names(c, e)));
        }
        double precision = hits + wrong == 0 ? 1 : (double)hits / (hits + wrong);
        double recall = hits + missed == 0 ? 1 : (double)hits / (hits + missed);
        TestContext.Current.TestOutputHelper?.WriteLine($"cites over the quote spec files: precision {precision:F3}, recall {recall:F3} ({hits} found, {missed} missed, {wrong} wrong)");
        Assert.True(precision >= 0.9 && recall >= 0.9, $"cites: precision {precision:F3}, recall {recall:F3} ({hits} found, {missed} missed, {wrong} wrong)");
    }

    private sealed record SpecRun(QuoteInput Input, QuoteLayer Layer)
    {
        /// <summary>The quote's words: a quote in parts as its pieces joined by " … ".</summary>
        public string Text(Quote q) => q.Words(Input.Text);

        public string? EntityName(int e) =>
            e < 0 ? null : Layer.ChannelOf(e)?.Name ?? (e < Input.Entities.Count ? Input.Entities[e].Name : null);

        public List<string> CiteNames() => Layer.Cites.Select(EntityName).OfType<string>().ToList();

        public string Describe() => string.Join("\n", Layer.Quotes.Select((q, i) =>
            $"  {i} {q.Kind} «{Text(q)}» speaker=[{(q.Speaker is { } s ? Input.Text[s.Start..s.End] + " = " + EntityName(s.Entity) : "none")}]"
            + $" cue=[{(q.Cue is { } c ? Input.Text[c.Start..c.End] : "none")}] cited=[{(q.Cited?.Source is { } src ? EntityName(src.Entity) ?? Input.Text[src.Start..src.End] : "none")} {q.Cited?.Date}]"
            + $" statement={q.Statement} within={q.Within}"))
            + "\n  cites: " + string.Join(", ", CiteNames());
    }

    private static SpecRun Run(SpecFile spec)
    {
        var published = spec.Metadata.TryGetValue("published", out var p) ? p : null;
        var (input, _) = PipelineReading.Read(spec.Input, spec.Name, new StatedMetadata { Published = published });
        return new SpecRun(input, QuoteFinder.Default.Find(input));
    }

    private static void CheckQuote(SpecRun run, string item, List<string> problems)
    {
        var parts = item.Split(" | ").Select(s => s.Trim()).ToList();
        int colon = parts[0].IndexOf(':', StringComparison.Ordinal);
        var kind = parts[0][..colon].Trim();
        var words = parts[0][(colon + 1)..].Trim();
        var found = run.Layer.Quotes.Where(q => Same(run.Text(q), words)).ToList();
        if (found.Count == 0)
        {
            problems.Add($"no quote «{words}»");
            return;
        }
        var q = found[0];
        if (!q.Kind.ToString().Equals(kind, StringComparison.OrdinalIgnoreCase))
            problems.Add($"«{words}» is {q.Kind}, not {kind}");
        foreach (var field in parts.Skip(1))
        {
            int c = field.IndexOf(':', StringComparison.Ordinal);
            var key = field[..c].Trim();
            var value = field[(c + 1)..].Trim();
            switch (key)
            {
                case "speaker":
                    CheckSpeaker(run, q, words, value, problems);
                    break;
                case "cue":
                    var cue = q.Cue is { } cr ? run.Input.Text[cr.Start..cr.End] : "none";
                    if (!cue.Equals(value, StringComparison.OrdinalIgnoreCase))
                        problems.Add($"«{words}»: cue [{cue}], expected [{value}]");
                    break;
                case "cited":
                    var source = q.Cited?.Source is { } src ? run.EntityName(src.Entity) ?? run.Input.Text[src.Start..src.End] : "none";
                    if (!(value == "none" ? source == "none" : Names(source, value)))
                        problems.Add($"«{words}»: cited [{source}], expected [{value}]");
                    break;
                case "date":
                    // "2021-04-30 inferred": the publication date stands in, no date was written beside the words.
                    var date = (q.Cited?.Date ?? "none") + (q.Cited is { DateInferred: true } ? " inferred" : "");
                    if (date != value)
                        problems.Add($"«{words}»: date [{date}], expected [{value}]");
                    break;
                case "attribution":
                    var attribution = CueClasses.Name(q.Attribution);
                    if (attribution != value)
                        problems.Add($"«{words}»: attribution [{attribution}], expected [{value}]");
                    break;
                case "within":
                    var outer = q.Within >= 0 ? run.Text(run.Layer.Quotes[q.Within]) : "none";
                    if (!(value == "none" ? outer == "none" : Same(outer, value)))
                        problems.Add($"«{words}»: within [{outer}], expected [{value}]");
                    break;
                default:
                    problems.Add($"«{words}»: unknown field '{key}'");
                    break;
            }
        }
    }

    private static void CheckSpeaker(SpecRun run, Quote q, string words, string value, List<string> problems)
    {
        if (value == "none")
        {
            if (q.Speaker is not null)
                problems.Add($"«{words}»: speaker [{run.Input.Text[q.Speaker.Start..q.Speaker.End]}], expected none");
            return;
        }
        if (q.Speaker is not { } s)
        {
            problems.Add($"«{words}»: no speaker, expected [{value}]");
            return;
        }
        var text = run.Input.Text[s.Start..s.End];
        var parts = value.Split(" = ");
        if (!text.Equals(parts[0].Trim(), StringComparison.Ordinal))
            problems.Add($"«{words}»: speaker words [{text}], expected [{parts[0].Trim()}]");
        if (parts.Length > 1 && parts[1].Trim() == "none")
        {
            if (run.EntityName(s.Entity) is { } wrong)
                problems.Add($"«{words}»: speaker is [{wrong}], expected no entity");
        }
        else if (parts.Length > 1 && !Names(run.EntityName(s.Entity) ?? "", parts[1].Trim()))
            problems.Add($"«{words}»: speaker is [{run.EntityName(s.Entity) ?? "no entity"}], expected [{parts[1].Trim()}]");
    }

    private static void CheckStatement(SpecRun run, string item, List<string> problems)
    {
        int colon = item.IndexOf(':', StringComparison.Ordinal);
        var relation = item[..colon].Trim();
        var pair = item[(colon + 1)..].Split(" ; ").Select(s => s.Trim()).ToArray();
        var a = run.Layer.Quotes.FirstOrDefault(q => Same(run.Text(q), pair[0]));
        var b = run.Layer.Quotes.FirstOrDefault(q => Same(run.Text(q), pair[1]));
        if (a is null || b is null)
        {
            problems.Add($"statements: quote not found in '{item}'");
            return;
        }
        bool same = a.Statement == b.Statement;
        if (same != (relation == "same"))
            problems.Add($"statements: «{pair[0]}» and «{pair[1]}» should be {relation} statements ({a.Statement}, {b.Statement})");
    }

    private static bool Same(string a, string b) => Normal(a) == Normal(b);

    private static string Normal(string s) => string.Join(' ', s.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).Trim().TrimEnd('.', ',');

    private static bool Names(string name, string expected) => name.Contains(expected, StringComparison.OrdinalIgnoreCase);
}

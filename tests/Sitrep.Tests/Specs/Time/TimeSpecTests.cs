using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Sitrep.Text;
using Sitrep.Time;

namespace Sitrep.Tests.Specs.Time;

/// <summary>
/// Runs the temporal cases in Specs/Time. A file has these sections, and no others:
/// <list type="bullet">
/// <item><c>## published 2020-03-31</c>: cases read against that publication date;</item>
/// <item><c>## no publication date</c>: cases read against none;</item>
/// <item><c>## inferred publication date</c>: texts and the publication date inferred from them.</item>
/// </list>
/// A case is one "- " line: a sentence whose temporal expressions are in [brackets], then " => " and,
/// for each bracket in order, "TYPE value" with optional mod=…, range=from..to, anchor=published|text|none,
/// separated by "; " ("none" when the sentence holds no time). Nothing else may be found: a time
/// outside the brackets fails the case. A sentence may start with "{said 2020-03-29}": the words
/// between its quote marks were said on that date.
/// </summary>
public sealed partial class TimeSpecTests
{
    private const string Folder = "Time";
    private const string PublishedHeading = "published ";
    private const string NoDateHeading = "no publication date";
    private const string InferredHeading = "inferred publication date";

    [GeneratedRegex("""^\{said (?<date>\d{4}-\d{2}-\d{2})\}\s*""")]
    private static partial Regex SaidPrefix();

    public static TheoryData<string> Files => SpecCatalog.Names(Folder);

    public static TheoryData<string, int> Cases => SpecCatalog.NumberedCases(Folder);

    [Fact]
    public void There_are_at_least_150_cases()
    {
        Assert.True(Cases.Count >= 150, $"only {Cases.Count} temporal cases");
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void A_file_has_only_known_sections_each_once(string file)
    {
        var spec = SpecCatalog.Load(Folder, file);
        var headings = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Specs", Folder, file), Encoding.UTF8)
            .Where(l => l.StartsWith("## ", StringComparison.Ordinal))
            .Select(l => l[3..].Trim().ToLowerInvariant())
            .ToList();

        Assert.NotEmpty(headings);
        Assert.Equal(headings.Count, spec.Headings.Count);
        foreach (var heading in headings)
            Assert.True(IsKnown(heading), $"{file}: unknown section '## {heading}'");
    }

    private static bool IsKnown(string heading) =>
        heading is NoDateHeading or InferredHeading
        || heading.StartsWith(PublishedHeading, StringComparison.Ordinal)
            && DateOnly.TryParseExact(heading[PublishedHeading.Length..], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Case_holds(string file, int line)
    {
        var spec = SpecCatalog.Load(Folder, file);
        var (heading, item) = spec.Headings
            .SelectMany(h => spec.NumberedItems(h).Select(i => (Heading: h, i.Line, i.Item)))
            .Where(x => x.Line == line)
            .Select(x => (x.Heading, x.Item))
            .Single();
        Assert.True(IsKnown(heading), $"unknown section '## {heading}'");
        int arrow = item.LastIndexOf(" => ", StringComparison.Ordinal);
        Assert.True(arrow > 0, $"line {line}: a case needs ' => '");
        var left = item[..arrow].Trim();
        var right = item[(arrow + 4)..].Trim();

        if (heading == InferredHeading)
        {
            var inferred = PublicationDate.Infer([left], currentYear: 2024);
            Assert.Equal(right == "none" ? null : right, inferred);
            return;
        }

        string? published = heading == NoDateHeading ? null : heading[PublishedHeading.Length..];
        string? saidOn = null;
        if (SaidPrefix().Match(left) is { Success: true } said)
        {
            saidOn = said.Groups["date"].Value;
            left = left[said.Length..];
        }
        var (text, spans) = Unbracket(left);
        var expected = right == "none" ? [] : right.Split("; ", StringSplitOptions.TrimEntries);
        Assert.True(expected.Length == spans.Count, $"line {line}: {spans.Count} bracketed expressions but {expected.Length} expectations");

        var tokens = Tokenizer.Tokenize(text);
        var sentences = SentenceSplitter.Split(text, tokens);
        IReadOnlyList<(int, int, string)>? quotes = null;
        if (saidOn is not null)
        {
            int open = text.IndexOfAny(['"', '“']) + 1;
            int close = text.LastIndexOfAny(['"', '”']);
            Assert.True(open > 0 && close > open, $"line {line}: a {{said …}} case needs quote marks");
            quotes = [(open, close, saidOn)];
        }
        var found = TimeExpressions.Find(text, tokens, sentences, published, quotes);

        var describe = string.Join(" | ", found.Select(t => $"[{t.Text(text)}] {TimeCodec.TypeName(t.Type)} {t.Value} mod={t.Mod ?? "none"} anchor={t.Anchor}"));
        Assert.True(found.Count == spans.Count, $"line {line}: expected {spans.Count} times, found {found.Count}: {describe}");
        for (int i = 0; i < spans.Count; i++)
        {
            var t = found[i];
            Assert.True((spans[i].Start, spans[i].End) == (t.Start, t.End), $"line {line}: expected [{text[spans[i].Start..spans[i].End]}], found {describe}");
            Check(line, text, t, expected[i]);
        }
    }

    /// <summary>"TYPE value mod=… range=a..b anchor=…" against a found expression.</summary>
    private static void Check(int line, string text, TimeExpression t, string expectation)
    {
        var parts = expectation.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(parts.Length >= 2, $"line {line}: an expectation is 'TYPE value': '{expectation}'");
        var what = $"line {line}, [{t.Text(text)}]";
        Assert.True(parts[0] == TimeCodec.TypeName(t.Type), $"{what}: type {TimeCodec.TypeName(t.Type)}, expected {parts[0]}");
        Assert.True(parts[1] == t.Value, $"{what}: value {t.Value}, expected {parts[1]}");
        foreach (var part in parts.Skip(2))
        {
            int eq = part.IndexOf('=', StringComparison.Ordinal);
            Assert.True(eq > 0, $"line {line}: '{part}' is not key=value");
            var (key, value) = (part[..eq], part[(eq + 1)..]);
            switch (key)
            {
                case "mod":
                    Assert.True((value == "none" ? null : value) == t.Mod, $"{what}: mod {t.Mod ?? "none"}, expected {value}");
                    break;
                case "range":
                    var range = t.Range is { } r ? $"{r.From:yyyy-MM-dd}..{r.To:yyyy-MM-dd}" : "none";
                    Assert.True(value == range, $"{what}: range {range}, expected {value}");
                    break;
                case "anchor":
                    var anchor = t.Anchor switch { TimeAnchor.Published => "published", TimeAnchor.Text => "text", _ => "none" };
                    Assert.True(value == anchor, $"{what}: anchor {anchor}, expected {value}");
                    break;
                default:
                    Assert.Fail($"line {line}: unknown key '{key}'");
                    break;
            }
        }
    }

    /// <summary>The sentence without its brackets, and where each bracketed span lies in it.</summary>
    private static (string Text, List<(int Start, int End)> Spans) Unbracket(string marked)
    {
        var text = new StringBuilder(marked.Length);
        var spans = new List<(int, int)>();
        int open = -1;
        foreach (char c in marked)
        {
            if (c == '[')
            {
                Assert.True(open < 0, $"nested brackets in '{marked}'");
                open = text.Length;
            }
            else if (c == ']')
            {
                Assert.True(open >= 0, $"unopened bracket in '{marked}'");
                spans.Add((open, text.Length));
                open = -1;
            }
            else
            {
                text.Append(c);
            }
        }
        Assert.True(open < 0, $"unclosed bracket in '{marked}'");
        return (text.ToString(), spans);
    }
}

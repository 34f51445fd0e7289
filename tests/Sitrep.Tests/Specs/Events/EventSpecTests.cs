using System.Globalization;
using System.Text.RegularExpressions;
using Sitrep.Documents;
using Sitrep.Entities;
using Sitrep.Events;
using Sitrep.Ingest;
using Sitrep.Pipeline;

namespace Sitrep.Tests.Specs.Events;

/// <summary>
/// Runs the event cases in Specs/Events through the pipeline with every stage events build on. A file
/// has these sections, and no others: <c>## published 2020-03-31</c> (cases read against that
/// publication date) and <c>## no publication date</c>. A case is one "- " line: a text whose event
/// cues are in [brackets], then " => " and, for each bracket in order, "TYPE status" with optional
/// actor=Name, target=Name, where=Name (a name of "-": none may be found), date=yyyy-MM-dd or date=from..to,
/// inferred (the publication date stands in), quote (told inside a quote) and own (the outlet's own words),
/// separated by "; " (" + " between the events one cue names); "none" when the text holds no event. Nothing else may be found: an event whose cue is outside the brackets fails the case.
/// </summary>
public sealed partial class EventSpecTests
{
    private const string Folder = "Events";
    private const string PublishedHeading = "published ";
    private const string NoDateHeading = "no publication date";
    private const string Opening = "Here is the news. ";

    private static readonly Lazy<DocumentPipeline> Pipeline = new(() => new PipelineBuilder().UseEvents().Build());

    [GeneratedRegex(@"\[(?<cue>[^\]]+)\]")]
    private static partial Regex Bracket();

    public static TheoryData<string> Files => SpecCatalog.Names(Folder);

    public static TheoryData<string, int> Cases => SpecCatalog.NumberedCases(Folder);

    [Fact]
    public void There_are_at_least_100_cases_of_every_type_and_status()
    {
        var all = Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "Specs", Folder), "*.spec.md")
            .Select(SpecFile.Load)
            .SelectMany(s => s.Headings.SelectMany(h => s.NumberedItems(h)).Select(i => i.Item))
            .ToList();
        Assert.True(all.Count >= 100, $"only {all.Count} event cases");
        var expected = string.Join(" ", all.Select(c => c[(c.LastIndexOf(" => ", StringComparison.Ordinal) + 4)..]));
        foreach (var type in new[] { "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT" })
            Assert.True(expected.Contains(type + " ", StringComparison.Ordinal), $"no case of {type}");
        foreach (var status in new[] { "asserted", "threatened", "planned", "hypothetical", "denied", "claimed", "quote" })
            Assert.True(expected.Contains(status, StringComparison.Ordinal), $"no case with {status}");
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void A_file_has_only_known_sections(string file)
    {
        var spec = SpecCatalog.Load(Folder, file);
        foreach (var heading in spec.Headings)
        {
            Assert.True(
                heading == NoDateHeading || (heading.StartsWith(PublishedHeading, StringComparison.Ordinal) && DateOnly.TryParseExact(heading[PublishedHeading.Length..], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)),
                $"{file}: unknown section '## {heading}'; the sections are '## published yyyy-MM-dd' and '## {NoDateHeading}'");
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Case_holds(string file, int line)
    {
        var spec = SpecCatalog.Load(Folder, file);
        var (heading, item) = spec.Headings.SelectMany(h => spec.NumberedItems(h).Select(i => (Heading: h, i.Line, i.Item))).Where(c => c.Line == line).Select(c => (c.Heading, c.Item)).Single();
        string? published = heading.StartsWith(PublishedHeading, StringComparison.Ordinal) ? heading[PublishedHeading.Length..] : null;
        int arrow = item.LastIndexOf(" => ", StringComparison.Ordinal);
        Assert.True(arrow > 0, $"{file}:{line}: a case is 'text => expected'");
        var marked = item[..arrow];
        var expected = item[(arrow + 4)..].Trim();
        var cues = new List<(int Start, int End)>();
        var plain = new System.Text.StringBuilder();
        int at = 0;
        foreach (Match m in Bracket().Matches(marked))
        {
            plain.Append(marked, at, m.Index - at);
            cues.Add((plain.Length, plain.Length + m.Groups["cue"].Length));
            plain.Append(m.Groups["cue"].Value);
            at = m.Index + m.Length;
        }
        plain.Append(marked, at, marked.Length - at);
        var text = plain.ToString();
        // A text of one line would be read as a headline alone; a neutral opening sentence makes it a body.
        var document = Pipeline.Value.Analyze(new ArticleInput("spec", "spec", InputFormat.PlainText, Opening + text, new StatedMetadata { Published = published }, []));
        var events = document.Layers.Get(EventsFeature.Events) ?? [];
        var entities = document.Entities();
        var body = document.Text;
        // The body is the text as given (a plain sentence is not cleaned); offsets are read in it.
        int shift = body.IndexOf(text.Trim(), StringComparison.Ordinal);
        events = [.. events.Where(e => e.CueStart >= shift)];
        Assert.True(shift >= 0, $"{file}:{line}: the body is not the text: «{body}»");
        string Describe() => string.Join("; ", events.Select(e =>
            $"[{e.Cue(body)}] {e.Type} {EventCodec.StatusName(e.Status)} actor={Name(e.Actor)} target={Name(e.Target)} date={EventCodec.DateText(e)}{(e.DateInferred ? " inferred" : "")}{(e.Quote >= 0 ? " quote" : "")}"));
        string Name(int e) => e >= 0 && e < entities.Count ? entities[e].Name : "-";
        var wanted = expected == "none" ? [] : expected.Split("; ").Select(s => s.Trim()).ToList();
        Assert.True(wanted.Count == cues.Count, $"{file}:{line}: {cues.Count} bracket(s) but {wanted.Count} expectation(s)");
        var problems = new List<string>();
        var matched = new HashSet<Event>();
        for (int i = 0; i < cues.Count; i++)
        {
            var (start, end) = (cues[i].Start + shift - (text.Length - text.TrimStart().Length), cues[i].End + shift - (text.Length - text.TrimStart().Length));
            var words = text[cues[i].Start..cues[i].End];
            // "A + B": one cue that names several events ("attacks on March 11 and 14"), in order.
            foreach (var one in wanted[i].Split(" + "))
            {
                var e = events.FirstOrDefault(v => v.CueStart < end && start < v.CueEnd && !matched.Contains(v));
                if (e is null)
                {
                    problems.Add($"[{words}]: no event");
                    continue;
                }
                matched.Add(e);
                var parts = one.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (parts.Length < 2)
                {
                    problems.Add($"[{words}]: expected 'TYPE status …', not '{one}'");
                    continue;
                }
                if (e.Type != parts[0])
                    problems.Add($"[{words}]: type {e.Type}, expected {parts[0]}");
                if (EventCodec.StatusName(e.Status) != parts[1])
                    problems.Add($"[{words}]: status {EventCodec.StatusName(e.Status)}, expected {parts[1]}");
                foreach (var field in parts.Skip(2))
                    Check(field, e, words, Name, problems);
            }
        }
        foreach (var e in events.Where(v => !matched.Contains(v)))
            problems.Add($"[{e.Cue(body)}] found as a {e.Type} event, but must not be");
        Assert.True(problems.Count == 0, $"{file}:{line}: {marked}\n  " + string.Join("\n  ", problems) + "\nfound: " + Describe());
    }

    private static void Check(string field, Event e, string words, Func<int, string> name, List<string> problems)
    {
        int eq = field.IndexOf('=', StringComparison.Ordinal);
        var key = eq < 0 ? field : field[..eq];
        var value = eq < 0 ? "" : field[(eq + 1)..].Replace('_', ' ');
        switch (key)
        {
            // "actor=-": no actor may be named (likewise target and where).
            case "actor" or "target" or "where" when value == "-":
                int id = key == "actor" ? e.Actor : key == "target" ? e.Target : e.Location;
                if (id >= 0)
                    problems.Add($"[{words}]: {key} {name(id)}, expected none");
                break;
            case "actor":
                if (!name(e.Actor).Contains(value, StringComparison.OrdinalIgnoreCase))
                    problems.Add($"[{words}]: actor {name(e.Actor)}, expected {value}");
                break;
            case "target":
                if (!name(e.Target).Contains(value, StringComparison.OrdinalIgnoreCase))
                    problems.Add($"[{words}]: target {name(e.Target)}, expected {value}");
                break;
            case "where":
                if (!name(e.Location).Contains(value, StringComparison.OrdinalIgnoreCase))
                    problems.Add($"[{words}]: location {name(e.Location)}, expected {value}");
                break;
            case "date":
                if (EventCodec.DateText(e) != value)
                    problems.Add($"[{words}]: date {EventCodec.DateText(e) ?? "none"}, expected {value}");
                break;
            case "inferred":
                if (!e.DateInferred)
                    problems.Add($"[{words}]: the date is the sentence's, expected the publication date standing in");
                break;
            case "quote":
                if (e.Quote < 0)
                    problems.Add($"[{words}]: told in the outlet's words, expected inside a quote");
                break;
            case "own":
                if (e.Quote >= 0)
                    problems.Add($"[{words}]: inside quote {e.Quote}, expected the outlet's own words");
                break;
            default:
                problems.Add($"[{words}]: unknown field '{key}'");
                break;
        }
    }
}

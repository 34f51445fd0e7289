using System.Globalization;
using Sitrep.Documents;

namespace Sitrep.Quotes.Training;

/// <summary>One annotated attribution: its source, cue and content ranges (each possibly in several pieces).</summary>
public sealed record BratAttribution(IReadOnlyList<TextRange> Source, IReadOnlyList<TextRange> Cue, IReadOnlyList<TextRange> Content);

/// <summary>An article of an attribution corpus with its annotations.</summary>
public sealed record AnnotatedArticle(string Id, string Text, IReadOnlyList<BratAttribution> Attributions);

/// <summary>
/// Reads attribution relations in brat standoff (PolNeAR's layout: DIR/text/ID.txt and
/// DIR/attributions/ID_annotator.ann; the first annotator file of an article in name order is used,
/// as the scorer does). Span lines name a type and "start end[;start end]" ranges; event lines tie
/// an attribution's Source, Cue and Content (and Content2).
/// </summary>
public static class BratAttributions
{
    public static IEnumerable<AnnotatedArticle> ReadFolder(string dir)
    {
        ArgumentNullException.ThrowIfNull(dir);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var ann in Directory.EnumerateFiles(Path.Combine(dir, "attributions"), "*.ann").Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileNameWithoutExtension(ann);
            int cut = name.LastIndexOf('_');
            var id = cut > 0 ? name[..cut] : name;
            var textPath = Path.Combine(dir, "text", id + ".txt");
            if (!File.Exists(textPath) || !seen.Add(id))
                continue;
            yield return new AnnotatedArticle(id, File.ReadAllText(textPath), Read(File.ReadAllLines(ann)));
        }
    }

    public static List<BratAttribution> Read(IEnumerable<string> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var spans = new Dictionary<string, List<TextRange>>(StringComparer.Ordinal);
        var events = new List<Dictionary<string, string>>();
        foreach (var line in lines)
        {
            var fields = line.Split('\t');
            if (fields.Length < 2 || fields[0].Length < 2)
                continue;
            if (fields[0][0] == 'T' && char.IsDigit(fields[0][1]))
            {
                int space = fields[1].IndexOf(' ', StringComparison.Ordinal);
                if (space < 0)
                    continue;
                var ranges = new List<TextRange>();
                foreach (var r in fields[1][(space + 1)..].Split(';'))
                {
                    var ends = r.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                    if (ends.Length == 2)
                        ranges.Add(new TextRange(int.Parse(ends[0], CultureInfo.InvariantCulture), int.Parse(ends[1], CultureInfo.InvariantCulture)));
                }
                spans[fields[0]] = ranges;
            }
            else if (fields[0][0] == 'E' && char.IsDigit(fields[0][1]))
            {
                var roles = new Dictionary<string, string>(StringComparer.Ordinal);
                foreach (var part in fields[1].Split(' ', StringSplitOptions.RemoveEmptyEntries))
                {
                    int colon = part.IndexOf(':', StringComparison.Ordinal);
                    if (colon > 0)
                        roles[part[..colon]] = part[(colon + 1)..];
                }
                events.Add(roles);
            }
        }
        var result = new List<BratAttribution>();
        foreach (var e in events)
        {
            List<TextRange> Get(string role) => e.TryGetValue(role, out var id) && spans.TryGetValue(id, out var r) ? r : [];
            var content = new List<TextRange>(Get("Content"));
            content.AddRange(Get("Content2"));
            if (content.Count == 0)
                continue;
            result.Add(new BratAttribution(Get("Source"), Get("Cue"), content));
        }
        return result;
    }
}

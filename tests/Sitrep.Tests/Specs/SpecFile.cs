using System.Text;

namespace Sitrep.Tests.Specs;

/// <summary>
/// A behaviour written as a readable file: an input text and what Sitrep must make of it.
/// Sections are markdown headings (<c>## input</c>, <c>## body</c>, <c>## removed</c>,
/// <c>## captions</c>, <c>## metadata</c>); texts sit in fenced blocks, lists are "- " lines,
/// metadata is "key: value" lines where "null" means the value must be null.
/// </summary>
public sealed class SpecFile
{
    private SpecFile(string name, string title, Dictionary<string, List<string>> sections)
    {
        Name = name;
        Title = title;
        Sections = sections;
    }

    public string Name { get; }
    public string Title { get; }
    private Dictionary<string, List<string>> Sections { get; }

    public string Input => Fenced("input") ?? throw new InvalidDataException($"{Name}: no ## input block");
    public string? Body => Fenced("body");

    public bool Has(string section) => Sections.ContainsKey(section);

    /// <summary>Every "## " heading of the file, lower-cased, in no particular order.</summary>
    public IReadOnlyCollection<string> Headings => Sections.Keys;

    /// <summary>The "- " items of a section with their line numbers in the file.</summary>
    public IReadOnlyList<(int Line, string Item)> NumberedItems(string section) => (Sections.GetValueOrDefault(section) ?? [])
        .Select((l, i) => (Line: i, Text: l))
        .Where(x => x.Text.StartsWith("- ", StringComparison.Ordinal))
        .Select(x => (SectionLine(section) + 1 + x.Line, x.Text[2..].Trim()))
        .ToList();

    private int SectionLine(string section) => _headingLines.GetValueOrDefault(section);

    private readonly Dictionary<string, int> _headingLines = new(StringComparer.Ordinal);

    /// <summary>The fenced text of a section, or null when the file has no such section.</summary>
    public string? Section(string section) => Fenced(section);

    /// <summary>"- reason: text" items of the removed list.</summary>
    public IReadOnlyList<(string Reason, string Text)> Removed => Pairs("removed");

    /// <summary>"- TYPE: text" items of the mentions list.</summary>
    public IReadOnlyList<(string Reason, string Text)> Mentions => Pairs("mentions");

    private List<(string Reason, string Text)> Pairs(string section) => Items(section)
        .Select(item =>
        {
            int colon = item.IndexOf(':', StringComparison.Ordinal);
            return colon < 0 ? throw new InvalidDataException($"{Name}: {section} item without a label: {item}") : (item[..colon].Trim(), item[(colon + 1)..].Trim());
        })
        .ToList();

    /// <summary>
    /// Items of the "not mentions" list: "TYPE: text" (no mention of that text has that type) or a bare
    /// "text" (no mention has that text, whatever its type).
    /// </summary>
    public IReadOnlyList<(string? Type, string Text)> NotMentions => Items("not mentions")
        .Select(item =>
        {
            int colon = item.IndexOf(':', StringComparison.Ordinal);
            var label = colon < 0 ? "" : item[..colon].Trim();
            return label.Length > 0 && label.All(c => char.IsUpper(c)) ? ((string?)label, item[(colon + 1)..].Trim()) : (null, item.Trim());
        })
        .ToList();

    public IReadOnlyList<string> Captions => Items("captions");

    public IReadOnlyDictionary<string, string?> Metadata => (Sections.GetValueOrDefault("metadata") ?? [])
        .Where(l => l.Contains(':', StringComparison.Ordinal) && !l.TrimStart().StartsWith("```", StringComparison.Ordinal))
        .Select(l => (Key: l[..l.IndexOf(':', StringComparison.Ordinal)].Trim(), Value: l[(l.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim()))
        .Where(kv => kv.Key.Length > 0)
        .ToDictionary(kv => kv.Key, kv => kv.Value == "null" ? null : kv.Value);

    public override string ToString() => Name;

    public static SpecFile Load(string path)
    {
        var lines = File.ReadAllText(path, Encoding.UTF8).Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        string title = "";
        var sections = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        List<string>? current = null;
        bool inFence = false;
        foreach (var line in lines)
        {
            if (!inFence && line.StartsWith("# ", StringComparison.Ordinal) && title.Length == 0)
            {
                title = line[2..].Trim();
                continue;
            }
            if (!inFence && line.StartsWith("## ", StringComparison.Ordinal))
            {
                current = [];
                sections[line[3..].Trim().ToLowerInvariant()] = current;
                continue;
            }
            if (line.TrimStart().StartsWith("```", StringComparison.Ordinal))
                inFence = !inFence;
            current?.Add(line);
        }
        var spec = new SpecFile(Path.GetFileNameWithoutExtension(Path.GetFileNameWithoutExtension(path)), title, sections);
        for (int i = 0; i < lines.Length; i++)
        {
            if (lines[i].StartsWith("## ", StringComparison.Ordinal))
                spec._headingLines.TryAdd(lines[i][3..].Trim().ToLowerInvariant(), i + 1);
        }
        return spec;
    }

    private string? Fenced(string section)
    {
        if (!Sections.TryGetValue(section, out var lines))
            return null;
        int open = lines.FindIndex(l => l.TrimStart().StartsWith("```", StringComparison.Ordinal));
        if (open < 0)
            return null;
        int close = lines.FindIndex(open + 1, l => l.TrimStart().StartsWith("```", StringComparison.Ordinal));
        if (close < 0)
            throw new InvalidDataException($"{Name}: unclosed fence in ## {section}");
        return string.Join('\n', lines.Skip(open + 1).Take(close - open - 1));
    }

    /// <summary>The "- " items of a section, without the dash; empty when the file has no such section.</summary>
    public List<string> Items(string section) => (Sections.GetValueOrDefault(section) ?? [])
        .Where(l => l.StartsWith("- ", StringComparison.Ordinal))
        .Select(l => l[2..].Trim())
        .ToList();
}

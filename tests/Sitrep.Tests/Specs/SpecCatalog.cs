namespace Sitrep.Tests.Specs;

/// <summary>Finds the spec files copied beside the test assembly.</summary>
public static class SpecCatalog
{
    /// <summary>
    /// The sections each folder's runner reads. A heading outside them fails the spec: a misspelt
    /// "## remvoed" would otherwise assert nothing and pass. Folders whose runners check their own
    /// headings (Time, Quotes) are not listed.
    /// </summary>
    private static readonly Dictionary<string, string[]> KnownSections = new(StringComparer.Ordinal)
    {
        ["Cleaning"] = ["input", "body", "removed", "captions", "metadata"],
        ["Html"] = ["input", "body", "removed", "captions", "metadata"],
        ["Entities"] = ["input", "mentions", "not mentions"],
        ["Text"] = ["input", "sentences", "tokens"],
        ["Contradictions"] = ["dates", "roles", "numbers", "claims", "not contradictions"],
    };

    public static TheoryData<string> Names(string folder)
    {
        var data = new TheoryData<string>();
        foreach (var path in Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "Specs", folder), "*.spec.md").Order(StringComparer.Ordinal))
            data.Add(Path.GetFileName(path));
        return data;
    }

    /// <summary>Every numbered item of every spec file in <paramref name="folder"/>, as (file name, line): one theory case each.</summary>
    public static TheoryData<string, int> NumberedCases(string folder)
    {
        var data = new TheoryData<string, int>();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "Specs", folder), "*.spec.md").Order(StringComparer.Ordinal))
        {
            var spec = SpecFile.Load(file);
            foreach (var heading in spec.Headings)
            {
                foreach (var (line, _) in spec.NumberedItems(heading))
                    data.Add(Path.GetFileName(file), line);
            }
        }
        return data;
    }

    public static SpecFile Load(string folder, string fileName) =>
        RequireKnownSections(folder, SpecFile.Load(Path.Combine(AppContext.BaseDirectory, "Specs", folder, fileName)));

    /// <summary>The spec, or an error naming every heading the folder's runner does not read.</summary>
    public static SpecFile RequireKnownSections(string folder, SpecFile spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        if (!KnownSections.TryGetValue(folder, out var known))
            return spec;
        var unknown = spec.Headings.Where(h => !known.Contains(h, StringComparer.Ordinal)).Order(StringComparer.Ordinal).ToList();
        if (unknown.Count > 0)
            throw new InvalidDataException($"{spec.Name}: unknown section(s) {string.Join(", ", unknown.Select(h => "'## " + h + "'"))}; the {folder} runner reads {string.Join(", ", known.Select(h => "'## " + h + "'"))}");
        return spec;
    }
}

namespace Sitrep.Tests.Specs;

/// <summary>Finds the spec files copied beside the test assembly.</summary>
public static class SpecCatalog
{
    public static TheoryData<string> Names(string folder)
    {
        var data = new TheoryData<string>();
        foreach (var path in Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "Specs", folder), "*.spec.md").Order(StringComparer.Ordinal))
            data.Add(Path.GetFileName(path));
        return data;
    }

    public static SpecFile Load(string folder, string fileName) =>
        SpecFile.Load(Path.Combine(AppContext.BaseDirectory, "Specs", folder, fileName));
}

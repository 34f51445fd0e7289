namespace Sitrep.Tests.TestSupport;

/// <summary>Where the repository and the shared data sit, found from the test assembly's folder.</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Examples => Path.Combine(Root, "examples");

    /// <summary>../shared beside the repository; null where a fresh clone has none.</summary>
    public static string? Shared
    {
        get
        {
            var path = Path.GetFullPath(Path.Combine(Root, "..", "shared"));
            return Directory.Exists(path) ? path : null;
        }
    }

    /// <summary>
    /// ../shared, or a skip with the reason where it is absent. On CI (CI=true) its absence is a
    /// failure: CI must always run the tests that read it.
    /// </summary>
    public static string RequireShared()
    {
        if (Shared is { } shared)
            return shared;
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            Assert.Fail($"../shared is missing beside {Root}; CI must run the tests that read it");
        Assert.Skip($"../shared is not beside this clone ({Root}); this test reads the shared corpus and tools");
        return "";
    }

    /// <summary>For a test that also runs without ../shared (on what the repository holds): fails on CI, where ../shared must be.</summary>
    public static void RequireSharedOrContinue()
    {
        if (Shared is null && string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            Assert.Fail($"../shared is missing beside {Root}; CI must run the tests that read it");
    }

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Sitrep.sln")))
            dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Sitrep.sln not found above " + AppContext.BaseDirectory);
    }
}

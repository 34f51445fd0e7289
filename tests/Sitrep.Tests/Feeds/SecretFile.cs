namespace Sitrep.Tests.Feeds;

/// <summary>A temporary file an XXE payload can point at, so a leak would be visible on any machine.</summary>
internal sealed class SecretFile : IDisposable
{
    private readonly string path;

    public SecretFile(string content)
    {
        // The name must not contain the content marker, or an error quoting the path would look like a leak.
        path = Path.Combine(Path.GetTempPath(), $"sitrep-xxe-{Guid.NewGuid():N}.txt");
        File.WriteAllText(path, content);
        Uri = new Uri(path).AbsoluteUri;
    }

    public string Uri { get; }

    public void Dispose() => File.Delete(path);
}

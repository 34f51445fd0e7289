using Sitrep.Ingest;

namespace Sitrep.Tests.Robustness;

/// <summary>Reads a folder's inputs apart from the test, so that an input that makes the reader wait for ever fails the test instead of hanging the run.</summary>
internal static class FolderReading
{
    /// <summary>The folder's items; the test fails when reading has not ended after a minute (a hang guard, not a speed check).</summary>
    public static async Task<List<InputItem>> ItemsOrFailAsync(string folder)
    {
        var read = Task.Run(() =>
        {
            using var resolver = new InputResolver([folder]);
            return resolver.Items().ToList();
        }, TestContext.Current.CancellationToken);
        var finished = await Task.WhenAny(read, Task.Delay(TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken));
        Assert.Same(read, finished);
        return await read;
    }
}

using Sitrep.Pipeline;

namespace Sitrep.Tests.Ingest;

/// <summary>A first stage that counts the documents it sees and runs a test's action on each.</summary>
internal sealed class ProbeStage(Action<DocumentContext>? action = null) : IDocumentStage
{
    private int _calls;

    public int Calls => Volatile.Read(ref _calls);

    public string Name => "probe";

    public string Version => "1";

    public IReadOnlyList<Layer> Requires => [];

    public IReadOnlyList<Layer> Produces => [];

    public void Process(DocumentContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        Interlocked.Increment(ref _calls);
        action?.Invoke(context);
    }
}

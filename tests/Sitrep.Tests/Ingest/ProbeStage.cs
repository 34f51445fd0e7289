using Sitrep.Pipeline;

namespace Sitrep.Tests.Ingest;

/// <summary>A first stage that counts the documents it sees and runs a test's action on each.</summary>
internal sealed class ProbeStage(Action<DocumentContext>? action = null) : IDocumentStage
{
    private int _calls;

    public int Calls => Volatile.Read(ref _calls);

    public string Name => "probe";

    public Layers Requires => Layers.RawText;

    public Layers Produces => Layers.None;

    public void Process(DocumentContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        Interlocked.Increment(ref _calls);
        action?.Invoke(context);
    }
}

using Sitrep.Pipeline;

namespace Sitrep.Tests.Pipeline;

/// <summary>A stage that declares what it needs and adds, and does nothing else.</summary>
internal sealed class TestStage(string name, Layers requires, Layers produces) : IDocumentStage
{
    public string Name => name;

    public Layers Requires => requires;

    public Layers Produces => produces;

    public void Process(DocumentContext context)
    {
    }
}

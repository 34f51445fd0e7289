using Sitrep.Pipeline;

namespace Sitrep.Tests.Pipeline;

/// <summary>A stage that declares what it needs and adds; writes what it declares (a marker value) and nothing else.</summary>
internal sealed class TestStage(string name, IReadOnlyList<Layer> requires, IReadOnlyList<Layer> produces) : IDocumentStage
{
    public TestStage(string name, Layer? requires = null, Layer<TestLayerValue>? produces = null)
        : this(name, requires is null ? [] : [requires], produces is null ? [] : [produces])
    {
    }

    public string Name => name;

    public string Version => "1";

    public IReadOnlyList<Layer> Requires => requires;

    public IReadOnlyList<Layer> Produces => produces;

    public void Process(DocumentContext context)
    {
        foreach (var layer in produces.OfType<Layer<TestLayerValue>>())
            context.Set(layer, new TestLayerValue(name));
    }
}

/// <summary>The value a <see cref="TestStage"/> writes into the layers it declares.</summary>
internal sealed record TestLayerValue(string WrittenBy);

using System.Collections.Frozen;

namespace Sitrep.Pipeline;

/// <summary>What a stage may read and must write, looked up by layer name while it runs.</summary>
internal sealed class StageContract
{
    private readonly FrozenSet<string> _reads;
    private readonly FrozenSet<string> _writes;

    public StageContract(IDocumentStage stage)
    {
        Stage = stage;
        Name = stage.Name;
        _writes = stage.Produces.Select(l => l.Name).ToFrozenSet(StringComparer.Ordinal);
        // A stage may read back what it wrote itself.
        _reads = stage.Requires.Select(l => l.Name).Concat(_writes).ToFrozenSet(StringComparer.Ordinal);
    }

    public IDocumentStage Stage { get; }

    public string Name { get; }

    public bool MayRead(string layer) => _reads.Contains(layer);

    public bool MayWrite(string layer) => _writes.Contains(layer);
}

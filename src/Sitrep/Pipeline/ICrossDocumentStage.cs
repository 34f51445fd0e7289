namespace Sitrep.Pipeline;

/// <summary>
/// A stage over everything stored rather than one document: it brings itself up to date with what
/// the store holds, incrementally (only documents stored or changed since it last ran).
/// </summary>
public interface ICrossDocumentStage
{
    string Name { get; }

    /// <summary>
    /// Processes what is new in the store. A document the stage cannot process is left as it was,
    /// reported, and not tried again until it changes; the others go on.
    /// </summary>
    IReadOnlyList<Ingest.InputFailure> Update();
}

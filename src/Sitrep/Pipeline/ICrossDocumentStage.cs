namespace Sitrep.Pipeline;

/// <summary>
/// A stage over everything stored rather than one document: it brings itself up to date with what
/// the store holds, incrementally (only documents stored or changed since it last ran).
/// </summary>
public interface ICrossDocumentStage
{
    string Name { get; }

    /// <summary>Processes what is new in the store; returns how many documents it took in.</summary>
    int Update();
}

namespace Sitrep.Pipeline;

/// <summary>
/// A per-document stage. Implementations hold no per-document state: one instance serves every
/// document on every thread, and all state lives in the <see cref="DocumentContext"/>. A stage reads
/// only the layers it <see cref="Requires"/> and writes, once each, exactly the layers it
/// <see cref="Produces"/>; the context enforces both.
/// </summary>
public interface IDocumentStage
{
    /// <summary>Unique in a pipeline; the store records it with <see cref="Version"/> for every document the stage analysed.</summary>
    string Name { get; }

    /// <summary>
    /// Changes whenever the stage's output can change for the same input: a code version the stage
    /// bumps when it changes what it produces, plus a hash of its model and lexicons
    /// (<see cref="StageVersion"/>). A stored document analysed at another version is behind.
    /// </summary>
    string Version { get; }

    IReadOnlyList<Layer> Requires { get; }

    IReadOnlyList<Layer> Produces { get; }

    void Process(DocumentContext context);
}

namespace Sitrep.Pipeline;

/// <summary>
/// A per-document stage. Implementations hold no per-document state: one instance serves every
/// document on every thread, and all state lives in the <see cref="DocumentContext"/>.
/// </summary>
public interface IDocumentStage
{
    string Name { get; }

    Layers Requires { get; }

    Layers Produces { get; }

    void Process(DocumentContext context);
}

namespace Sitrep.Pipeline;

/// <summary>
/// A stage read a layer it did not declare in <see cref="IDocumentStage.Requires"/>, wrote one it did
/// not declare in <see cref="IDocumentStage.Produces"/>, wrote a layer twice, or did not write what it
/// declared: a bug in the stage, reported by name so it is found in tests rather than in the output.
/// </summary>
public sealed class LayerAccessException : InvalidOperationException
{
    public LayerAccessException()
    {
    }

    public LayerAccessException(string message)
        : base(message)
    {
    }

    public LayerAccessException(string message, Exception inner)
        : base(message, inner)
    {
    }
}

namespace Sitrep.Pipeline;

/// <summary>
/// A named kind of annotation a stage adds to a document (the body, its metadata, tokens, mentions…).
/// A layer is written once per document, by the one stage that declares it in
/// <see cref="IDocumentStage.Produces"/>, and read only by stages that declare it in
/// <see cref="IDocumentStage.Requires"/>. Names are unique in a pipeline and are what the store and
/// the change feed know a layer by.
/// </summary>
public abstract class Layer
{
    private protected Layer(string name, bool transient)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name;
        Transient = transient;
    }

    public string Name { get; }

    /// <summary>
    /// Lives only while a document is analysed (tokens, page hints): never stored, and made again by
    /// its stage whenever a later stage that needs it runs.
    /// </summary>
    public bool Transient { get; }

    /// <summary>The type of the layer's value.</summary>
    public abstract Type ValueType { get; }

    public override string ToString() => Name;
}

/// <summary>A layer whose value is a <typeparamref name="T"/> (an immutable record or list).</summary>
public sealed class Layer<T> : Layer
    where T : class
{
    public Layer(string name, bool transient = false)
        : base(name, transient)
    {
    }

    public override Type ValueType => typeof(T);
}

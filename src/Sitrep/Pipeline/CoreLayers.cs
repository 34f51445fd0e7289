using Sitrep.Documents;

namespace Sitrep.Pipeline;

/// <summary>
/// The layers every document has once cleaned: the text stages produce them and every feature
/// builds on them. <see cref="Body"/> and <see cref="Metadata"/> are the document's own fields in
/// the store; the others live only during analysis.
/// </summary>
public static class CoreLayers
{
    /// <summary>The cleaned body with its offset map, removed blocks and captions.</summary>
    public static readonly Layer<CleanedBody> Body = new("body");

    /// <summary>What the content extractor learned about the page, for the metadata stage.</summary>
    public static readonly Layer<PageHints> PageHints = new("page-hints", transient: true);

    /// <summary>The detected language (the stored one is <see cref="DocumentMetadata.Language"/>).</summary>
    public static readonly Layer<DetectedLanguage> Language = new("language", transient: true);

    /// <summary>Title, byline, outlet, publication date, genre, language, URL.</summary>
    public static readonly Layer<DocumentMetadata> Metadata = new("metadata");

    /// <summary>Whether <paramref name="layer"/> is one the store keeps as the document's own fields rather than through a codec.</summary>
    public static bool IsCore(Layer layer) => ReferenceEquals(layer, Body) || ReferenceEquals(layer, Metadata);
}

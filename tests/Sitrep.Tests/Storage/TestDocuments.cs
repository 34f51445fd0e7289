using Sitrep.Documents;

namespace Sitrep.Tests.Storage;

internal static class TestDocuments
{
    /// <summary>A document whose body is its whole raw text; the content hash follows the text unless given.</summary>
    public static Document Plain(string source, string id, string text, string? contentHash = null, string pipelineVersion = "1") => new()
    {
        Id = id,
        Source = source,
        Format = InputFormat.PlainText,
        RawText = text,
        Text = text,
        Map = OffsetMap.Identity(text.Length),
        Metadata = new DocumentMetadata(),
        Stated = StatedMetadata.None,
        ContentHash = contentHash ?? "content:" + text,
        PipelineVersion = pipelineVersion,
    };

    /// <summary>The document with one more layer (as a stage would have written it).</summary>
    public static Document WithLayer<T>(this Document document, Sitrep.Pipeline.Layer<T> layer, T value)
        where T : class => document with { Layers = document.Layers.With(layer, value) };
}

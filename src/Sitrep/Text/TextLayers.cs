using Sitrep.Pipeline;

namespace Sitrep.Text;

/// <summary>The body's tokens and sentences, as offset structs into the text (stored once, in the document).</summary>
public sealed record TokenLayer(Token[] Tokens, Sentence[] Sentences);

/// <summary>Layers of the text feature that other features build on.</summary>
public static class TextLayers
{
    /// <summary>Tokens and sentences: passing, made again when a later stage needs them.</summary>
    public static readonly Layer<TokenLayer> Tokens = new("tokens", transient: true);
}

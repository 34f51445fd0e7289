using Sitrep.Pipeline;

namespace Sitrep.Text;

/// <summary>Tokens and sentences of the body, as offsets. Passing: made again whenever a later stage needs them, never stored.</summary>
public sealed class TokenStage : IDocumentStage
{
    public string Name => "tokens";

    /// <summary>Bump when tokens or sentence boundaries change.</summary>
    public string Version => Pipeline.StageVersion.Of("7", Abbreviations.Hash);

    public IReadOnlyList<Layer> Requires { get; } = [CoreLayers.Body];

    public IReadOnlyList<Layer> Produces { get; } = [TextLayers.Tokens];

    public void Process(DocumentContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var text = context.Text;
        var tokens = Tokenizer.Tokenize(text);
        context.Set(TextLayers.Tokens, new TokenLayer(tokens, SentenceSplitter.Split(text, tokens)));
    }
}

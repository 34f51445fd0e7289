using Sitrep.Pipeline;

namespace Sitrep.Text;

/// <summary>Tokens and sentences of the body, as offsets.</summary>
public sealed class TokenStage : IDocumentStage
{
    public string Name => "tokens";

    public Layers Requires => Layers.Body;

    public Layers Produces => Layers.Tokens;

    public void Process(DocumentContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var text = context.Text ?? "";
        context.Tokens = Tokenizer.Tokenize(text);
        context.Sentences = SentenceSplitter.Split(text, context.Tokens);
    }
}

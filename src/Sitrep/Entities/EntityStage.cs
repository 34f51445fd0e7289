using Sitrep.Documents;
using Sitrep.Pipeline;

namespace Sitrep.Entities;

/// <summary>Names in the body: the trained tagger finds them, <see cref="TypeRefiner"/> gives them Sitrep's types.</summary>
public sealed class EntityStage : IDocumentStage
{
    private readonly NerModel _model;

    public EntityStage()
        : this(NerModel.Default)
    {
    }

    public EntityStage(NerModel model) => _model = model ?? throw new ArgumentNullException(nameof(model));

    public string Name => "entities";

    public Layers Requires => Layers.Tokens;

    public Layers Produces => Layers.Mentions;

    public void Process(Pipeline.DocumentContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var text = context.Text ?? "";
        var found = MentionShaper.Shape(text, context.Tokens, _model.Recognize(text, context.Tokens, context.Sentences));
        var codes = new byte[context.Tokens.Length];
        _model.Gazetteer.Annotate(text, context.Tokens, codes);
        foreach (var m in found)
            context.Mentions.Add(new Mention(m.Start, m.End, TypeRefiner.Refine(text, context.Tokens, codes, m)));
    }
}

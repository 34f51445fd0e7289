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

    /// <summary>
    /// An acronym defined in brackets after a name ("Popular Front (PF)") is the same thing as the
    /// name, so it takes the name's type, here and wherever the acronym comes back in the article.
    /// </summary>
    internal static void InheritAcronymTypes(string text, List<Mention> mentions)
    {
        var defined = new Dictionary<string, string>(StringComparer.Ordinal);
        for (int i = 0; i < mentions.Count; i++)
        {
            var m = mentions[i];
            var acronym = m.Text(text);
            if (!IsAcronym(acronym))
                continue;
            if (i > 0 && text.AsSpan(mentions[i - 1].End, m.Start - mentions[i - 1].End).Trim() is "(" or "(the")
                defined.TryAdd(acronym.Replace(".", "", StringComparison.Ordinal), mentions[i - 1].Type);
            if (defined.TryGetValue(acronym.Replace(".", "", StringComparison.Ordinal), out var type))
                mentions[i] = m with { Type = type };
        }
    }

    private static bool IsAcronym(string s)
    {
        int capitals = 0;
        foreach (char c in s)
        {
            if (char.IsUpper(c))
                capitals++;
            else if (c != '.' && c != '&')
                return false;
        }
        return capitals >= 2;
    }

    public void Process(Pipeline.DocumentContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var text = context.Text ?? "";
        var found = MentionShaper.Shape(text, context.Tokens, _model.Recognize(text, context.Tokens, context.Sentences));
        var codes = new byte[context.Tokens.Length];
        _model.Gazetteer.Annotate(text, context.Tokens, codes);
        foreach (var m in found)
            context.Mentions.Add(new Mention(m.Start, m.End, TypeRefiner.Refine(text, context.Tokens, codes, m)));
        InheritAcronymTypes(text, context.Mentions);
    }
}

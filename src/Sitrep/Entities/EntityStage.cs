using Sitrep.Pipeline;
using Sitrep.Text;

namespace Sitrep.Entities;

/// <summary>Names in the body: the trained tagger finds them, <see cref="TypeRefiner"/> gives them Sitrep's types.</summary>
public sealed partial class EntityStage : IDocumentStage
{
    private readonly NerModel _model;

    public EntityStage()
        : this(NerModel.Default)
    {
    }

    public EntityStage(NerModel model) => _model = model ?? throw new ArgumentNullException(nameof(model));

    public string Name => "ner";

    /// <summary>Bump the code version when tagging or typing rules change; the model's hash is part of it.</summary>
    public string Version => StageVersion.Of("1", _model.Hash);

    public IReadOnlyList<Layer> Requires { get; } = [CoreLayers.Body, TextLayers.Tokens];

    public IReadOnlyList<Layer> Produces { get; } = [EntityLayers.Names];

    /// <summary>
    /// A name followed by another in brackets names one thing twice: an acronym ("Popular Front
    /// (PF)") or a translation ("Kata'ib X (X Brigades)"). The pair shares one type, an
    /// organisation's where either reads as one, and every later use of either name in the article
    /// takes that type too.
    /// </summary>
    internal static void ShareTypesOfNamesForOneThing(string text, List<Mention> mentions)
    {
        var known = new Dictionary<string, string>(StringComparer.Ordinal);
        for (int i = 1; i < mentions.Count; i++)
        {
            var name = mentions[i - 1];
            var bracketed = mentions[i];
            if (SecondName.Of(text, name, bracketed) == SecondNameKind.None)
                continue;
            string type = IsAcronym(bracketed.Text(text)) || name.Type == "ORG" ? name.Type
                : bracketed.Type == "ORG" ? "ORG" : name.Type;
            known.TryAdd(Key(name.Text(text)), type);
            known.TryAdd(Key(bracketed.Text(text)), type);
        }
        if (known.Count == 0)
            return;
        for (int i = 0; i < mentions.Count; i++)
        {
            if (known.TryGetValue(Key(mentions[i].Text(text)), out var type))
                mentions[i] = mentions[i] with { Type = type };
        }
    }

    private static string Key(string name) => name.Replace(".", "", StringComparison.Ordinal);

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
        var text = context.Text;
        var (tokens, sentences) = context.Get(TextLayers.Tokens);
        var found = MentionShaper.Shape(text, tokens, Datelines.Apply(text, tokens, _model.Recognize(text, tokens, sentences)));
        var codes = new byte[tokens.Length];
        _model.Gazetteer.Annotate(text, tokens, codes);
        var mentions = new List<Mention>(found.Count);
        foreach (var m in found)
            mentions.Add(new Mention(m.Start, m.End, TypeRefiner.Refine(text, tokens, codes, m)));
        ShareTypesOfNamesForOneThing(text, mentions);
        context.Set(EntityLayers.Names, mentions);
    }
}

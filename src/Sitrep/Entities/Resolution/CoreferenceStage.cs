using Sitrep.Pipeline;

namespace Sitrep.Entities.Resolution;

/// <summary>Groups the article's mentions into the things they name (<see cref="DocumentCoreference"/>).</summary>
public sealed class CoreferenceStage : IDocumentStage
{
    private readonly CountryTable _countries;

    public CoreferenceStage()
        : this(CountryTable.Default)
    {
    }

    public CoreferenceStage(CountryTable countries) => _countries = countries ?? throw new ArgumentNullException(nameof(countries));

    public string Name => "coreference";

    public Layers Requires => Layers.Mentions;

    public Layers Produces => Layers.Coreference;

    public void Process(Pipeline.DocumentContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var (mentions, entities) = DocumentCoreference.Resolve(context.Text ?? "", context.Mentions, _countries);
        context.Mentions.Clear();
        context.Mentions.AddRange(mentions);
        context.Entities.Clear();
        context.Entities.AddRange(entities);
    }
}

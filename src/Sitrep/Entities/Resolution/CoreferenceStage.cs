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

    /// <summary>Bump the code version when grouping, roles or types change; the country table's hash is part of it.</summary>
    public string Version => StageVersion.Of("1", _countries.Hash);

    public IReadOnlyList<Layer> Requires { get; } = [CoreLayers.Body, EntityLayers.Names];

    public IReadOnlyList<Layer> Produces { get; } = [EntityLayers.Mentions, EntityLayers.DocumentEntities];

    public void Process(Pipeline.DocumentContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var (mentions, entities) = DocumentCoreference.Resolve(context.Text, context.Get(EntityLayers.Names), _countries);
        context.Set(EntityLayers.Mentions, mentions);
        context.Set(EntityLayers.DocumentEntities, entities);
    }
}

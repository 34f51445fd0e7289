using Sitrep.Pipeline;

namespace Sitrep.Entities.Resolution;

/// <summary>Groups the article's mentions into the things they name (<see cref="DocumentCoreference"/>).</summary>
public sealed class CoreferenceStage : IDocumentStage
{
    private readonly CountryTable _countries;
    private readonly Actors.ActorTable _actors;

    public CoreferenceStage()
        : this(CountryTable.Default)
    {
    }

    public CoreferenceStage(CountryTable countries)
        : this(countries, Actors.ActorTable.Default)
    {
    }

    public CoreferenceStage(CountryTable countries, Actors.ActorTable actors)
    {
        _countries = countries ?? throw new ArgumentNullException(nameof(countries));
        _actors = actors ?? throw new ArgumentNullException(nameof(actors));
    }

    public string Name => "coreference";

    /// <summary>Bump the code version when grouping, roles or types change; the country table's and the word lists' hashes are part of it.</summary>
    public string Version => StageVersion.Of("3", [_countries.Hash, _actors.Hash, .. EntityLexicons.CoreferenceHashes]);

    public IReadOnlyList<Layer> Requires { get; } = [CoreLayers.Body, EntityLayers.Names];

    public IReadOnlyList<Layer> Produces { get; } = [EntityLayers.Mentions, EntityLayers.DocumentEntities];

    public void Process(Pipeline.DocumentContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var (mentions, entities) = DocumentCoreference.Resolve(context.Text, context.Get(EntityLayers.Names), _countries, _actors);
        context.Set(EntityLayers.Mentions, mentions);
        context.Set(EntityLayers.DocumentEntities, entities);
    }
}

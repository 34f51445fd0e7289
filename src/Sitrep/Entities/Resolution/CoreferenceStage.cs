using Sitrep.Pipeline;

namespace Sitrep.Entities.Resolution;

/// <summary>Groups the article's mentions into the things they name (<see cref="DocumentCoreference"/>).</summary>
public sealed class CoreferenceStage : IDocumentStage
{
    private readonly CountryTable _countries;

    // Lazy: every command builds the pipeline to know the stage versions; only those that run the stage read the tables.
    private readonly Lazy<Actors.ActorTable> _actors;
    private readonly Func<string> _actorsHash;

    public CoreferenceStage()
        : this(CountryTable.Default)
    {
    }

    /// <summary>With the shipped actor tables, loaded when the stage first runs.</summary>
    public CoreferenceStage(CountryTable countries)
    {
        _countries = countries ?? throw new ArgumentNullException(nameof(countries));
        _actors = new Lazy<Actors.ActorTable>(() => Actors.ActorTable.Default, LazyThreadSafetyMode.ExecutionAndPublication);
        _actorsHash = () => Actors.ActorTable.DefaultHash;
    }

    public CoreferenceStage(CountryTable countries, Actors.ActorTable actors)
    {
        ArgumentNullException.ThrowIfNull(actors);
        _countries = countries ?? throw new ArgumentNullException(nameof(countries));
        _actors = new Lazy<Actors.ActorTable>(actors);
        _actorsHash = () => actors.Hash;
    }

    public string Name => "coreference";

    /// <summary>Bump the code version when grouping, roles or types change; the country table's and the word lists' hashes are part of it.</summary>
    public string Version => StageVersion.Of("3", [_countries.Hash, _actorsHash(), .. EntityLexicons.CoreferenceHashes]);

    public IReadOnlyList<Layer> Requires { get; } = [CoreLayers.Body, EntityLayers.Names];

    public IReadOnlyList<Layer> Produces { get; } = [EntityLayers.Mentions, EntityLayers.DocumentEntities];

    public void Process(Pipeline.DocumentContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var (mentions, entities) = DocumentCoreference.Resolve(context.Text, context.Get(EntityLayers.Names), _countries, _actors.Value);
        context.Set(EntityLayers.Mentions, mentions);
        context.Set(EntityLayers.DocumentEntities, entities);
    }
}

using Sitrep.Pipeline;

namespace Sitrep.Entities.Resolution;

/// <summary>Groups the article's mentions into the things they name (<see cref="DocumentCoreference"/>).</summary>
public sealed class CoreferenceStage : IDocumentStage
{
    private readonly StageResource<CountryTable> _countries;
    private readonly StageResource<Actors.ActorTable> _actors;

    public CoreferenceStage()
        : this(CountryTable.Default)
    {
    }

    /// <summary>With the shipped actor tables, loaded when the stage first runs.</summary>
    public CoreferenceStage(CountryTable countries)
        : this(StageResource<CountryTable>.Given(countries, c => c.Hash), ShippedActors())
    {
    }

    public CoreferenceStage(CountryTable countries, Actors.ActorTable actors)
        : this(StageResource<CountryTable>.Given(countries, c => c.Hash), StageResource<Actors.ActorTable>.Given(actors, a => a.Hash))
    {
    }

    private CoreferenceStage(StageResource<CountryTable> countries, StageResource<Actors.ActorTable> actors)
    {
        _countries = countries;
        _actors = actors;
    }

    /// <summary>The country table given, else the shipped one, and the shipped actor tables, each loaded when the stage first runs.</summary>
    internal static CoreferenceStage Shipped(CountryTable? countries) =>
        new(countries is null ? StageResource<CountryTable>.Shipped(() => CountryTable.Default, () => CountryTable.DefaultHash) : StageResource<CountryTable>.Given(countries, c => c.Hash), ShippedActors());

    private static StageResource<Actors.ActorTable> ShippedActors() =>
        StageResource<Actors.ActorTable>.Shipped(() => Actors.ActorTable.Default, () => Actors.ActorTable.DefaultHash);

    public string Name => "coreference";

    /// <summary>Bump the code version when grouping, roles or types change; the country table's and the word lists' hashes are part of it.</summary>
    public string Version => StageVersion.Of("17", [_countries.Hash, _actors.Hash, Sitrep.Text.Abbreviations.Hash, .. EntityLexicons.CoreferenceHashes, .. PersonGenders.Hashes]);

    public IReadOnlyList<Layer> Requires { get; } = [CoreLayers.Body, EntityLayers.Names];

    public IReadOnlyList<Layer> Produces { get; } = [EntityLayers.Mentions, EntityLayers.DocumentEntities];

    public void Process(Pipeline.DocumentContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var (mentions, entities) = DocumentCoreference.Resolve(context.Text, context.Get(EntityLayers.Names), _countries.Value, _actors.Value);
        context.Set(EntityLayers.Mentions, mentions);
        context.Set(EntityLayers.DocumentEntities, entities);
        // What resolution needs of each entity's spelling, made here on the analysing thread (nothing the
        // document carries): the one thread that stores and resolves finds it made (EntityResolver).
        SpellingFactsCache.For(_countries.Value, _actors.Value).Prepare(entities);
    }
}

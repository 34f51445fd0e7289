using Sitrep.Entities.Resolution;
using Sitrep.Pipeline;
using Sitrep.Text;

namespace Sitrep.Entities;

/// <summary>
/// <c>entities</c>: names in each article (the trained tagger, typed by Sitrep's rules), grouped into
/// the things they name, and resolved across articles to stored entities.
/// </summary>
public sealed class EntitiesFeature : IPipelineFeature
{
    private readonly NerModel? _model;
    private readonly CountryTable? _countries;

    /// <param name="model">The tagger; null for the shipped model.</param>
    /// <param name="countries">Country names and capitals; null for the shipped table.</param>
    public EntitiesFeature(NerModel? model = null, CountryTable? countries = null)
    {
        _model = model;
        _countries = countries;
    }

    public string Name => "entities";

    public string Description => "people, organisations, places and media, resolved to entities across articles";

    public void Register(PipelineBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        // The shipped model and tables load when a stage or the resolver first needs them, not here.
        var countries = _countries;
        builder
            .UseTokens()
            .Use(EntityStage.Shipped(_model, countries))
            .Use(CoreferenceStage.Shipped(countries))
            .UseCodec(EntityLayers.Mentions, EntityLayers.WriteMentions, EntityLayers.ReadMentions)
            .UseCodec(EntityLayers.DocumentEntities, EntityLayers.WriteEntities, EntityLayers.ReadEntities)
            .UseJson(new EntitiesJsonPart())
            .UseTable(new MentionsTable())
            .UseTable(new EntitiesTable())
            .UseView(new EntitiesView())
            .UseCrossDocument("entity-resolution", store => new EntityResolver(
                store.Feature<IEntityIndex>() ?? throw new InvalidOperationException($"the store {store.Location} keeps no entity index"),
                countries ?? CountryTable.Default,
                Actors.ActorTable.Default));
    }
}

/// <summary>Registration of the entities feature.</summary>
public static class EntityPipelineExtensions
{
    public static PipelineBuilder UseEntities(this PipelineBuilder builder, NerModel? model = null, CountryTable? countries = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.UseFeature(new EntitiesFeature(model, countries));
    }
}

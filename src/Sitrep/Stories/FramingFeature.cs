using System.Text.Json;
using Sitrep.Analysis;
using Sitrep.Documents;
using Sitrep.Entities.Resolution;
using Sitrep.Ingest;
using Sitrep.Pipeline;

namespace Sitrep.Stories;

/// <summary>
/// <c>framing</c>: how each outlet of a story frames it (<see cref="StoryFraming"/>), kept in the store
/// by a cross-document stage after story grouping (<see cref="FramingStage"/>) and written inside each
/// story of the analysis JSON (<c>framing</c>). Builds on the stories feature.
/// </summary>
public sealed class FramingFeature : IPipelineFeature
{
    private readonly FramingOptions _options;

    public FramingFeature(FramingOptions? options = null) => _options = options ?? FramingOptions.Default;

    public string Name => "framing";

    public string Description => "how each outlet frames a story: what it calls the actors, its loaded words, its opinion share, whose voices it quotes";

    public void Register(PipelineBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder
            .UseStories()
            .UseJson(new FramingJsonPart())
            .UseCrossDocument(FramingStage.StageName, store => new FramingStage(
                store.Feature<IStoryIndex>() ?? throw new InvalidOperationException($"the store {store.Location} keeps no stories"),
                store.Feature<IStoryFraming>() ?? throw new InvalidOperationException($"the store {store.Location} keeps no framing"),
                store,
                _options));
    }

    /// <summary>Inside each story of the analysis JSON: <c>framing</c>, one object per outlet (Sitrep's own field).</summary>
    private sealed class FramingJsonPart : StoryFieldsJsonPart
    {
        protected override void WriteStory(Utf8JsonWriter json, StoryView story, AnalysisJsonSession session)
        {
            json.WriteStartArray("framing");
            if (session.Store?.Feature<IStoryFraming>() is { } framing)
            {
                foreach (var row in framing.Framing(story.Record.Id))
                    FramingCodec.WriteRow(json, row);
            }
            json.WriteEndArray();
        }
    }
}

/// <summary>
/// The cross-document stage <c>story-framing</c>: after story grouping, keeps each changed article's
/// tally (<see cref="StoryFraming.Tally"/>) and sums the framing of the stories its changes touch (the
/// one it is in, the one it left) again from their articles' tallies, once per batch of changes. A new
/// article so updates only its own story's framing; replaying a change gives the same rows.
/// </summary>
public sealed class FramingStage : ICrossDocumentStage
{
    public const string StageName = "story-framing";

    private readonly IStoryIndex _index;
    private readonly IStoryFraming _framing;
    private readonly IDocumentStore _store;
    private readonly IEntityDirectory? _directory;
    private readonly FramingOptions _options;

    public FramingStage(IStoryIndex index, IStoryFraming framing, IDocumentStore store, FramingOptions? options = null)
    {
        _index = index ?? throw new ArgumentNullException(nameof(index));
        _framing = framing ?? throw new ArgumentNullException(nameof(framing));
        _store = store ?? throw new ArgumentNullException(nameof(store));
        _directory = store.Feature<IEntityDirectory>();
        _options = options ?? FramingOptions.Default;
    }

    /// <summary>What a tally reads besides the text and metadata: the names, the article's entities and its quotes (times and events are not decoded).</summary>
    private static readonly IReadOnlySet<string> ReadLayers = new HashSet<string>(StringComparer.Ordinal)
    {
        Entities.EntityLayers.Mentions.Name, Entities.EntityLayers.DocumentEntities.Name, Quotes.QuotesFeature.Quotes.Name,
    };

    public string Name => StageName;

    /// <summary>
    /// The words beside an analysed article's names worked out ahead on the analysing threads (<see cref="Prepare"/>), by
    /// the text itself: the document the store hands back after saving it is a copy that shares its text. Taken out when used.
    /// </summary>
    private readonly PreparedWork<Dictionary<(int Start, int End), StoryFraming.PreparedName>> _prepared = new();

    /// <summary>How many articles' words beside names worked out ahead (<see cref="Prepare"/>) tallying has taken.</summary>
    internal int PreparedTaken => _prepared.Taken;

    /// <summary>Works out the words beside each name of the article (<see cref="StoryFraming.PrepareNames"/>): pure work on the text and its names.</summary>
    public void Prepare(Document document)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (string.IsNullOrEmpty(document.Text) || document.Layers.Get(Entities.EntityLayers.Mentions) is null)
            return;
        _prepared.Put(document.Text, StoryFraming.PrepareNames(document));
    }

    public IReadOnlyList<string> DependsOn => ["stories"];

    public IReadOnlyList<InputFailure> Update(IChangeCursor changes, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(changes);
        var failures = new List<InputFailure>();
        while (true)
        {
            cancellation.ThrowIfCancellationRequested();
            var batch = changes.Next(256);
            if (batch.Count == 0)
                return failures;
            changes.Commit(batch[^1].Position, () =>
            {
                var touched = new SortedSet<long>();
                // The stories an article left in this batch.
                var lefts = new SortedSet<long>();
                // Entities' names and affiliations do not change while framing runs (it writes none): each is read once a batch.
                var directory = _directory is null ? null : new BatchDirectory(_directory);
                // The tallies made in this batch: summing their stories needs not read them back.
                var fresh = new Dictionary<string, FramingTally>(StringComparer.Ordinal);
                foreach (var change in ChangeBatch.LatestPerDocument(batch))
                {
                    try
                    {
                        _index.AllOrNothing(() =>
                        {
                            if (_framing.TallyStory(change.DocumentId) is { } before)
                            {
                                touched.Add(before);
                                lefts.Add(before);
                                _framing.RemoveTally(change.DocumentId);
                            }
                            if (change.Kind != ChangeKind.Deleted && _index.StoryOf(change.DocumentId) is { } story && _store.Load(change.DocumentId, ReadLayers) is { } document)
                            {
                                var tally = StoryFraming.Tally(document, _store, _prepared.Take(document.Text));
                                _framing.SaveTally(story, tally);
                                fresh[tally.Document] = tally;
                                touched.Add(story);
                            }
                        });
                    }
#pragma warning disable CA1031 // One document's failure must not stop the others; it is reported with its reason.
                    catch (Exception e)
#pragma warning restore CA1031
                    {
                        failures.Add(new InputFailure(change.DocumentId, $"story framing failed: {e.GetType().Name}: {e.Message}"));
                    }
                }
                // A story an article left may have split (StoryGrouper): its articles now in another story are
                // tallied there, and that story is summed too.
                foreach (var left in lefts)
                {
                    long now = _index.Story(left)?.Id ?? left;
                    foreach (var document in _framing.TalliedDocuments(left))
                    {
                        if (_index.StoryOf(document) is { } story && story != now && (_index.Story(story)?.Id ?? story) != now
                            && _framing.Tallies([document]) is [var tally])
                        {
                            _framing.SaveTally(story, tally);
                            touched.Add(story);
                        }
                    }
                }
                // A story id merged into another finds the one that absorbed it: each story is summed once.
                var stories = new SortedSet<long>();
                foreach (var id in touched)
                    stories.Add(_index.Summary(id)?.Id ?? id);
                foreach (var id in stories)
                {
                    try
                    {
                        Sum(id, fresh, directory);
                    }
#pragma warning disable CA1031 // One story's failure must not stop the others; it keeps its last framing and is summed again when it next changes.
                    catch (Exception e)
#pragma warning restore CA1031
                    {
                        failures.Add(new InputFailure(StoryIds.Format(id), $"story framing failed: {e.GetType().Name}: {e.Message}"));
                    }
                }
            });
        }
    }

    /// <summary>The story's framing summed again from its articles' tallies (none when it has no article left).</summary>
    private void Sum(long story, Dictionary<string, FramingTally> fresh, IEntityDirectory? directory)
    {
        if (_index.Summary(story) is not { Size: > 0 } state)
        {
            _framing.SaveFraming(story, []);
            return;
        }
        var documents = _index.Documents(state.Id);
        var tallies = new List<FramingTally>(documents.Count);
        tallies.AddRange(documents.Where(fresh.ContainsKey).Select(d => fresh[d]));
        tallies.AddRange(_framing.Tallies([.. documents.Where(d => !fresh.ContainsKey(d))]));
        // The closed class counts only the terms its words can ask for, and only once asked: a story of one outlet has
        // no actor or distinctive word, and asks nothing (most stories, and every story of one article).
        Func<string, bool>? closedClass = null;
        bool Closed(string word)
        {
            if (closedClass is null)
            {
                var df = StoryFraming.ClosedClassTerms(tallies);
                int articles = _index.CountListedTerms(state.Id, df);
                closedClass = StoryFraming.ClosedClass(df, articles);
            }
            return closedClass(word);
        }
        _framing.SaveFraming(state.Id, StoryFraming.Compute(tallies, Closed, directory, _options));
    }

    /// <summary>
    /// The store's entity directory with each entity's row and affiliation read once: the stories of one batch share
    /// most of their actors and speakers. For one batch of framing only (entity resolution may change them next).
    /// </summary>
    private sealed class BatchDirectory(IEntityDirectory directory) : IEntityDirectory
    {
        private readonly Dictionary<long, StoredEntity> _entities = [];
        private readonly Dictionary<long, (string? Sector, string? Country)> _affiliations = [];

        public long? EntityOf(string documentId, int local) => directory.EntityOf(documentId, local);

        public StoredEntity?[] EntitiesOf(string documentId, int count) => directory.EntitiesOf(documentId, count);

        public StoredEntity Get(long id)
        {
            // A missing entity throws each time, as the store does.
            if (!_entities.TryGetValue(id, out var entity))
                _entities[id] = entity = directory.Get(id);
            return entity;
        }

        public (string? Sector, string? Country) Affiliation(long id)
        {
            if (!_affiliations.TryGetValue(id, out var affiliation))
                _affiliations[id] = affiliation = directory.Affiliation(id);
            return affiliation;
        }
    }
}

/// <summary>Registration of the framing feature.</summary>
public static class FramingPipelineExtensions
{
    public static PipelineBuilder UseFraming(this PipelineBuilder builder, FramingOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.UseFeature(new FramingFeature(options));
    }
}

using System.Globalization;
using System.Text.Json;
using Sitrep.Analysis;
using Sitrep.Documents;
using Sitrep.Entities;
using Sitrep.Entities.Resolution;
using Sitrep.Ingest;
using Sitrep.Pipeline;
using Sitrep.Text;
using Sitrep.Time;

namespace Sitrep.Quotes;

/// <summary>
/// <c>quotes</c>: who said what. Direct, partial and reported quotes with their speaker (an entity of
/// the article), cue, where and when the words appeared, statement and nesting; and the outlets and
/// channels each article uses as sources. Builds on the entities feature: speakers and sources are
/// the article's entities. A channel the name tagger did not find ("tweeted", "his official
/// website") stays in the quote layer (<see cref="QuoteLayer.Channels"/>): documents and their entity
/// layers are written once, so it is written with its name and no entity id.
/// </summary>
public sealed class QuotesFeature : IPipelineFeature
{
    /// <summary>The article's quotes, its cited sources and the channels that are not among its entities.</summary>
    public static readonly Layer<QuoteLayer> Quotes = new("quotes");

    // Null for the shipped finder, taken when the stage first runs: its cue model takes a third of a
    // second to load, and every command lists the features.
    private readonly QuoteFinder? _finder;

    /// <param name="finder">The finder; null for the shipped cue model.</param>
    public QuotesFeature(QuoteFinder? finder = null) => _finder = finder;

    public string Name => "quotes";

    public string Description => "direct, partial and reported quotes with their speaker, cue, cited source and date";

    /// <summary>The hash of every word list and learned table the finder reads (resources/lexicons/speech-*.tsv).</summary>
    public static string LexiconHash => LazyHash.Value;

    private static readonly Lazy<string> LazyHash = new(() =>
    {
        var assembly = typeof(QuotesFeature).Assembly;
        using var all = new MemoryStream();
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith("Sitrep.Lexicons.speech-", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            all.Write(System.Text.Encoding.UTF8.GetBytes(name + "\n"));
            stream.CopyTo(all);
        }
        return StageVersion.Hash(all.GetBuffer().AsSpan(0, (int)all.Length));
    });

    public void Register(PipelineBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        // Quotes are dated from the times stage's expressions, so that stage runs before this one; the
        // times feature's layer, JSON, table and view are registered after the quotes' own, which keeps
        // their order in the analysis JSON, the export and the views.
        builder
            .UseTokens()
            .UseEntities()
            .UseOnce(TimesFeature.StageName, TimesFeature.CreateStage)
            .Use(new QuoteStage(_finder))
            .UseCodec(Quotes, QuoteJson.ToJson, QuoteJson.FromJson, StoredQuotes.Items)
            .UseJson(new QuotesJsonPart())
            .UseTable(new QuotesTable())
            .UseView(new QuotesView())
            .UseTimes();
    }

    private sealed class QuoteStage(QuoteFinder? finder) : IDocumentStage
    {
        public string Name => "quotes";

        /// <summary>Bump when any quote, speaker, citation or statement can change for the same input; the lexicons' hashes (its own and the titles it reads role nouns from) are part of it.</summary>
        public string Version => StageVersion.Of("57", LexiconHash, Lexicons.Lexicon.HashOf("titles"));

        public IReadOnlyList<Layer> Requires { get; } =
            [CoreLayers.Body, CoreLayers.Metadata, TextLayers.Tokens, EntityLayers.Mentions, EntityLayers.DocumentEntities, TimesFeature.Times];

        public IReadOnlyList<Layer> Produces { get; } = [Quotes];

        public void Process(DocumentContext context)
        {
            var (tokens, sentences) = context.Get(TextLayers.Tokens);
            var input = new QuoteInput(
                context.Text,
                tokens,
                sentences,
                context.Get(EntityLayers.Mentions),
                context.Get(EntityLayers.DocumentEntities),
                PublishedDay(context.Get(CoreLayers.Metadata).Published))
            {
                Times = context.Get(TimesFeature.Times),
            };
            context.Set(Quotes, (finder ?? QuoteFinder.Default).Find(input));
        }
    }

    /// <summary>The day of an ISO publication date or date-time, or null.</summary>
    internal static DateOnly? PublishedDay(string? published) =>
        published is { Length: >= 10 } && DateOnly.TryParseExact(published.AsSpan(0, 10), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    /// <summary>
    /// The contract's <c>quotes</c> and <c>cites</c> of each document: speakers and sources as the stored
    /// entity ids the entities section resolved (null without a store, and for channels the tagger did not name).
    /// </summary>
    private sealed class QuotesJsonPart : IAnalysisJsonPart
    {
        public IAnalysisJsonSection Open(AnalysisJsonSession session)
        {
            ArgumentNullException.ThrowIfNull(session);
            return new Section(session);
        }

        private sealed class Section(AnalysisJsonSession session) : IAnalysisJsonSection
        {
            public IReadOnlyList<string> DocumentFields => ["quotes", "cites"];

            public IReadOnlyList<string> TopLevelFields => [];

            public void WriteDocument(Utf8JsonWriter json, Document document)
            {
                ArgumentNullException.ThrowIfNull(document);
                var entities = session.Section<EntitiesJsonPart.Section>();
                QuoteJson.WriteContract(json, document.Text, document.Layers.Get(Quotes) ?? QuoteLayer.Empty, local => entities?.Resolved(document.Id, local)?.Id);
            }

            public void WriteTopLevel(Utf8JsonWriter json)
            {
            }
        }
    }
}

/// <summary>The CSV table of every quote: the document, its index there, range, kind, words, speaker, cue, cited source and date, statement and outer quote, and last (added after the others, so their order holds) the attribution: speech, thought, evidential or action.</summary>
public sealed class QuotesTable : IExportTable
{
    public string Name => "quotes";

    public IReadOnlyList<string> Columns { get; } =
        ["document", "quote", "start", "end", "kind", "text", "speaker", "speaker_entity", "cue", "cited", "cited_entity", "date", "date_inferred", "statement", "within", "attribution"];

    public IEnumerable<IReadOnlyList<string?>> DocumentRows(Document document, IDocumentStore store)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(store);
        foreach (var q in StoredQuotes.Of(document, store))
        {
            yield return
            [
                document.Id,
                Number(q.Index),
                Number(q.Quote.Start),
                Number(q.Quote.End),
                QuoteJson.KindName(q.Quote.Kind),
                q.Words,
                q.SpeakerWords,
                q.SpeakerId,
                q.Cue,
                q.CitedSource,
                q.CitedId,
                q.Date,
                q.Quote.Cited?.DateInferred == true ? "true" : null,
                Number(q.Quote.Statement),
                q.Quote.Within >= 0 ? Number(q.Quote.Within) : null,
                CueClasses.Name(q.Quote.Attribution),
            ];
        }
    }

    public IEnumerable<IReadOnlyList<string?>> StoreRows(IDocumentStore store) => [];

    private static string Number(int n) => n.ToString(CultureInfo.InvariantCulture);
}

/// <summary>The quotes section of <c>sitrep documents show</c>: who said what, where and when.</summary>
public sealed class QuotesView : IFeatureView
{
    public IEnumerable<ViewTable> Document(Document document, IDocumentStore store)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(store);
        var quotes = StoredQuotes.Of(document, store);
        if (quotes.Count == 0)
            yield break;
        yield return new ViewTable(
            "quotes",
            ["#", "speaker", "words", "kind", "attribution", "cited", "date", "statement"],
            [.. quotes.Select(q => (IReadOnlyList<string>)
            [
                q.Index.ToString(CultureInfo.InvariantCulture) + (q.Quote.Within >= 0 ? " in " + q.Quote.Within.ToString(CultureInfo.InvariantCulture) : ""),
                q.Speaker ?? "",
                StoredQuote.Shorten(q.Words, 120),
                QuoteJson.KindName(q.Quote.Kind),
                CueClasses.Name(q.Quote.Attribution),
                q.CitedName ?? "",
                q.Date ?? "",
                q.Quote.Statement.ToString(CultureInfo.InvariantCulture),
            ])]);
        var cites = StoredQuotes.Cites(document, store);
        if (cites.Count > 0)
            yield return new ViewTable("cited sources", ["source", "entity"], [.. cites.Select(c => (IReadOnlyList<string>)[c.Name, c.Id ?? ""])]);
    }

    public IEnumerable<ViewTable> Statistics(IDocumentStore store) => [];
}

/// <summary>Registration of the quotes feature.</summary>
public static class QuotePipelineExtensions
{
    public static PipelineBuilder UseQuotes(this PipelineBuilder builder, QuoteFinder? finder = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.UseFeature(new QuotesFeature(finder));
    }
}

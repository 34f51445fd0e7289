using System.Text.Json;
using Sitrep.Analysis;
using Sitrep.Documents;
using Sitrep.Ingest;
using Sitrep.Pipeline;
using Sitrep.Text;

namespace Sitrep.Tests.Engine.LongWords;

/// <summary>
/// A feature that lives only in the test project, in this one folder: words of ten letters or more,
/// as offsets. It proves that a new layer needs no edit anywhere else: one registration brings its
/// stage, its codec, its part of the analysis JSON and a cross-document stage on the change feed.
/// </summary>
internal sealed class LongWordsFeature : IPipelineFeature
{
    public static readonly Layer<IReadOnlyList<TextRange>> Words = new("long-words");

    public string Name => "long-words";

    public string Description => "words of ten letters or more (a test feature)";

    /// <summary>What the cross-document stage saw, for the tests to read.</summary>
    public LongWordCounter Counter { get; } = new();

    public void Register(PipelineBuilder builder)
    {
        builder
            .UseTokens()
            .Use(new LongWordStage())
            .UseCodec(Words, Write, Read)
            .UseJson(new LongWordsJson())
            .UseTable(new LongWordsTable())
            .UseView(new LongWordsView())
            .UseCrossDocument(Counter.Name, store => Counter.Over(store));
    }

    private static string Write(IReadOnlyList<TextRange> ranges) => JsonSerializer.Serialize(ranges.Select(r => new[] { r.Start, r.End }));

    private static IReadOnlyList<TextRange> Read(string json) =>
        [.. JsonSerializer.Deserialize<int[][]>(json)!.Select(p => new TextRange(p[0], p[1]))];

    private sealed class LongWordStage : IDocumentStage
    {
        public string Name => "long-words";

        public string Version => "1";

        public IReadOnlyList<Layer> Requires { get; } = [CoreLayers.Body, TextLayers.Tokens];

        public IReadOnlyList<Layer> Produces { get; } = [Words];

        public void Process(DocumentContext context)
        {
            var tokens = context.Get(TextLayers.Tokens).Tokens;
            context.Set(Words, [.. tokens.Where(t => t.Kind == TokenKind.Word && t.Length >= 10).Select(t => new TextRange(t.Start, t.End))]);
        }
    }

    /// <summary>Its table of the CSV export: one row per long word.</summary>
    private sealed class LongWordsTable : IExportTable
    {
        public string Name => "long-words";

        public IReadOnlyList<string> Columns { get; } = ["document", "start", "end", "word"];

        public IEnumerable<IReadOnlyList<string?>> DocumentRows(Document document, IDocumentStore store) =>
            (document.Layers.Get(Words) ?? []).Select(r => (IReadOnlyList<string?>)[document.Id, r.Start.ToString(System.Globalization.CultureInfo.InvariantCulture), r.End.ToString(System.Globalization.CultureInfo.InvariantCulture), document.Text[r.Start..r.End]]);

        public IEnumerable<IReadOnlyList<string?>> StoreRows(IDocumentStore store) => [];
    }

    /// <summary>Its section of <c>documents show</c> and of <c>stats</c>.</summary>
    private sealed class LongWordsView : IFeatureView
    {
        public IEnumerable<ViewTable> Document(Document document, IDocumentStore store)
        {
            yield return new ViewTable("long words", ["word"], [.. (document.Layers.Get(Words) ?? []).Select(r => (IReadOnlyList<string>)[document.Text[r.Start..r.End]])]);
        }

        public IEnumerable<ViewTable> Statistics(IDocumentStore store)
        {
            yield return new ViewTable("long words", ["documents"], [[store.Count().ToString(System.Globalization.CultureInfo.InvariantCulture)]]);
        }
    }

    private sealed class LongWordsJson : IAnalysisJsonPart
    {
        public IAnalysisJsonSection Open(AnalysisJsonSession session) => new Section();

        private sealed class Section : IAnalysisJsonSection
        {
            private int _documents;

            public IReadOnlyList<string> DocumentFields => ["long_words"];

            public IReadOnlyList<string> TopLevelFields => ["long_word_documents"];

            public void WriteDocument(Utf8JsonWriter json, Document document)
            {
                json.WriteStartArray("long_words");
                foreach (var r in document.Layers.Get(Words) ?? [])
                    json.WriteStringValue(document.Text[r.Start..r.End]);
                json.WriteEndArray();
                _documents++;
            }

            public void WriteTopLevel(Utf8JsonWriter json) => json.WriteNumber("long_word_documents", _documents);
        }
    }
}

/// <summary>A cross-document stage over the change feed: which stored documents hold which long words, after entity resolution has seen them.</summary>
internal sealed class LongWordCounter
{
    public string Name => "long-word-counter";

    /// <summary>Documents by long word, as the feed has told so far.</summary>
    public Dictionary<string, SortedSet<string>> DocumentsByWord { get; } = new(StringComparer.Ordinal);

    /// <summary>Every change the stage was handed, in order.</summary>
    public List<DocumentChange> Seen { get; } = [];

    public ICrossDocumentStage Over(IDocumentStore store) => new Stage(this, store);

    private sealed class Stage(LongWordCounter counter, IDocumentStore store) : ICrossDocumentStage
    {
        public string Name => counter.Name;

        public IReadOnlyList<string> DependsOn => ["entity-resolution"];

        public IReadOnlyList<InputFailure> Update(IChangeCursor changes, CancellationToken cancellation)
        {
            while (changes.Next(2) is { Count: > 0 } batch)
            {
                changes.Commit(batch[^1].Position, () =>
                {
                    foreach (var change in batch)
                    {
                        counter.Seen.Add(change);
                        foreach (var set in counter.DocumentsByWord.Values)
                            set.Remove(change.DocumentId);
                        if (change.Kind == ChangeKind.Deleted || store.Load(change.DocumentId) is not { } document)
                            continue;
                        foreach (var r in document.Layers.Get(LongWordsFeature.Words) ?? [])
                        {
                            var word = document.Text[r.Start..r.End].ToLowerInvariant();
                            if (!counter.DocumentsByWord.TryGetValue(word, out var set))
                                counter.DocumentsByWord[word] = set = new SortedSet<string>(StringComparer.Ordinal);
                            set.Add(change.DocumentId);
                        }
                    }
                });
            }
            return [];
        }
    }
}

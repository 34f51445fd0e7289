using Sitrep.Cleaning;
using Sitrep.Documents;
using Sitrep.Engine;
using Sitrep.Metadata;
using Sitrep.Pipeline;
using Sitrep.Tests.TestSupport;
using Sitrep.Text;

namespace Sitrep.Tests.Pipeline;

public sealed class PipelineBuilderTests
{
    private static readonly Layer<TestLayerValue> Extra = new("extra");
    private static readonly Layer<TestLayerValue> Passing = new("passing", transient: true);

    [Fact]
    public void The_text_stages_clean_then_detect_language_then_settle_metadata()
    {
        Assert.Equal(["clean", "language", "metadata"], TestPipelines.Text.Stages.Select(s => s.Name));
    }

    [Fact]
    public void The_default_pipeline_runs_every_feature_with_its_prerequisites_once()
    {
        var pipeline = Features.Default;

        Assert.Equal(["clean", "language", "metadata", "tokens", "ner", "coreference", "times", "quotes", "events"], pipeline.Stages.Select(s => s.Name));
        Assert.Equal(["text", "entities", "quotes", "times", "events", "stories", "contradictions", "framing"], pipeline.Features.Select(f => f.Name));
        Assert.Equal(["entity-resolution", "stories", "story-framing"], pipeline.CrossDocument.Select(c => c.Name));
        Assert.Equal(["document-entities", "events", "mentions", "quotes", "times"], pipeline.Codecs.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Selecting_a_feature_adds_what_it_builds_on_and_nothing_else()
    {
        var entities = Features.Build(Features.All, ["entities"]);
        var text = Features.Build(Features.All, ["text"]);

        Assert.Equal(["clean", "language", "metadata", "tokens", "ner", "coreference"], entities.Stages.Select(s => s.Name));
        Assert.Equal(["clean", "language", "metadata", "tokens", "times"], Features.Build(Features.All, ["times"]).Stages.Select(s => s.Name));
        Assert.Equal(["clean", "language", "metadata", "tokens", "ner", "coreference", "times", "quotes"], Features.Build(Features.All, ["quotes"]).Stages.Select(s => s.Name));
        Assert.Equal(["clean", "language", "metadata", "tokens", "ner", "coreference", "times", "quotes", "events"], Features.Build(Features.All, ["events"]).Stages.Select(s => s.Name));
        Assert.Empty(text.CrossDocument);
        Assert.DoesNotContain(text.Stages, s => s.Name == "tokens");
        Assert.Throws<ArgumentException>(() => Features.Build(Features.All, ["entitys"]));
    }

    [Fact]
    public void A_stage_whose_requirement_no_earlier_stage_produces_is_refused_by_name()
    {
        var builder = new PipelineBuilder()
            .Use(new CleaningStage())
            .Use(new TestStage("needs-language", CoreLayers.Language))
            .Use(new LanguageStage());

        var e = Assert.Throws<InvalidOperationException>(builder.Build);

        Assert.Contains("needs-language", e.Message, StringComparison.Ordinal);
        Assert.Contains("language", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_metadata_stage_alone_is_refused()
    {
        var e = Assert.Throws<InvalidOperationException>(() => new PipelineBuilder().Use(new MetadataStage()).Build());

        Assert.Contains("metadata", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_layer_produced_by_two_stages_is_refused()
    {
        var builder = new PipelineBuilder()
            .Use(new TestStage("first", produces: Passing))
            .Use(new TestStage("second", produces: Passing));

        var e = Assert.Throws<InvalidOperationException>(builder.Build);

        Assert.Contains("'passing' is produced by both 'first' and 'second'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_stored_layer_without_a_codec_is_refused_and_a_passing_one_needs_none()
    {
        var stored = new PipelineBuilder().Use(new TestStage("maker", produces: Extra));
        var passing = new PipelineBuilder().Use(new TestStage("maker", produces: Passing));

        var e = Assert.Throws<InvalidOperationException>(stored.Build);

        Assert.Contains("'extra'", e.Message, StringComparison.Ordinal);
        Assert.Contains("no codec", e.Message, StringComparison.Ordinal);
        Assert.Single(passing.Build().Stages);
    }

    [Fact]
    public void Two_different_layers_with_one_name_are_refused()
    {
        var builder = new PipelineBuilder()
            .Use(new TestStage("a", produces: new Layer<TestLayerValue>("same", transient: true)))
            .Use(new TestStage("b", requires: new Layer<TestLayerValue>("same", transient: true)));

        Assert.Throws<InvalidOperationException>(builder.Build);
    }

    [Fact]
    public void A_requirement_met_by_an_earlier_stage_is_accepted()
    {
        var pipeline = new PipelineBuilder()
            .Use(new CleaningStage())
            .Use(new LanguageStage())
            .Use(new TestStage("needs-language", [CoreLayers.Language, CoreLayers.Body], []))
            .Build();

        Assert.Equal(["clean", "language", "needs-language"], pipeline.Stages.Select(s => s.Name));
    }

    [Fact]
    public void A_feature_registered_twice_is_registered_once()
    {
        var pipeline = new PipelineBuilder().UseText().UseText().UseTokens().UseTokens().Build();

        Assert.Equal(["clean", "language", "metadata", "tokens"], pipeline.Stages.Select(s => s.Name));
    }

    [Fact]
    public void The_version_changes_with_any_stage_version_and_only_with_them()
    {
        var full = TestPipelines.Text.Version;
        var again = Features.Build(Features.All, ["text"]).Version;
        var withoutMetadata = new PipelineBuilder().Use(new CleaningStage()).Use(new LanguageStage()).Build().Version;
        var withExtra = new PipelineBuilder().UseText().Use(new TestStage("extra")).Build().Version;

        Assert.Equal(full, again);
        Assert.NotEqual(full, withoutMetadata);
        Assert.NotEqual(full, withExtra);
        Assert.NotEqual(withoutMetadata, withExtra);
    }

    [Fact]
    public void Adding_a_stage_after_building_does_not_change_the_built_pipeline()
    {
        var builder = new PipelineBuilder().Use(new CleaningStage());
        var built = builder.Build();
        var version = built.Version;

        builder.Use(new LanguageStage());

        Assert.Single(built.Stages);
        Assert.Equal(version, built.Version);
    }

    [Fact]
    public void A_stage_that_writes_a_layer_it_does_not_declare_fails_and_keeps_the_document()
    {
        var pipeline = new PipelineBuilder().UseText().Use(new RogueStage(write: true)).Build();

        var doc = pipeline.Analyze(Input());

        Assert.Contains(doc.StageNotes, n => n.StartsWith("rogue: failed: LayerAccessException: stage 'rogue' wrote layer 'passing', which it does not declare in Produces", StringComparison.Ordinal));
        Assert.False(doc.Stages.ContainsKey("rogue"));
        Assert.Contains("Harbour", doc.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_stage_that_reads_a_layer_it_does_not_require_fails()
    {
        var pipeline = new PipelineBuilder().UseText().Use(new RogueStage(write: false)).Build();

        var doc = pipeline.Analyze(Input());

        Assert.Contains(doc.StageNotes, n => n.StartsWith("rogue: failed: LayerAccessException: stage 'rogue' read layer 'metadata', which it does not declare in Requires", StringComparison.Ordinal));
    }

    [Fact]
    public void A_layer_is_written_once()
    {
        var context = new DocumentContext(Input());
        context.Set(Passing, new TestLayerValue("one"));

        var e = Assert.Throws<LayerAccessException>(() => context.Set(Passing, new TestLayerValue("two")));

        Assert.Contains("written twice", e.Message, StringComparison.Ordinal);
        Assert.Equal("one", context.Get(Passing).WrittenBy);
    }

    [Fact]
    public void A_stage_that_does_not_write_what_it_declares_fails_by_name()
    {
        var pipeline = new PipelineBuilder().UseText().Use(new SilentStage()).Build();

        var doc = pipeline.Analyze(Input());

        Assert.Contains(doc.StageNotes, n => n.Contains("stage 'silent' did not write layer 'passing'", StringComparison.Ordinal));
    }

    [Fact]
    public void A_stage_whose_regex_timed_out_once_runs_again_and_keeps_only_what_the_second_run_wrote()
    {
        // A regex time-out is wall-clock time, so a loaded machine can make an ordinary article pass it once.
        var stage = new TimingOutStage(timeouts: 1);
        var pipeline = new PipelineBuilder().UseText().Use(stage).UseCodec(Extra, v => v.WrittenBy, s => new TestLayerValue(s)).Build();

        var doc = pipeline.Analyze(Input());

        Assert.Equal(2, stage.Runs);
        Assert.Equal("run 2", doc.Layers.Get(Extra)!.WrittenBy);
        Assert.Equal(["timing-out: run 2"], doc.StageNotes);
        Assert.True(doc.Stages.ContainsKey("timing-out"));
    }

    [Fact]
    public void A_stage_whose_regex_times_out_twice_fails_with_a_note_and_is_not_run_a_third_time()
    {
        var stage = new TimingOutStage(timeouts: 2);
        var pipeline = new PipelineBuilder().UseText().Use(stage).UseCodec(Extra, v => v.WrittenBy, s => new TestLayerValue(s)).Build();

        var doc = pipeline.Analyze(Input());

        Assert.Equal(2, stage.Runs);
        Assert.Null(doc.Layers.Get(Extra));
        // The first run's note was taken back; the second run's stays, as any failing stage's notes do.
        Assert.Equal(2, doc.StageNotes.Count);
        Assert.Equal("timing-out: run 2", doc.StageNotes[0]);
        Assert.StartsWith("timing-out: failed: RegexMatchTimeoutException", doc.StageNotes[1], StringComparison.Ordinal);
        Assert.False(doc.Stages.ContainsKey("timing-out"));
        Assert.Contains("Velmora", doc.Text, StringComparison.Ordinal);
    }

    private static ArticleInput Input() => new("in/harbour.txt", "harbour", InputFormat.PlainText, "Harbour officials in Velmora said fog delayed nine ships on Tuesday.", StatedMetadata.None, []);

    /// <summary>Reads the metadata without requiring it, or writes a layer without declaring it.</summary>
    private sealed class RogueStage(bool write) : IDocumentStage
    {
        public string Name => "rogue";

        public string Version => "1";

        public IReadOnlyList<Layer> Requires => [CoreLayers.Body];

        public IReadOnlyList<Layer> Produces => [];

        public void Process(DocumentContext context)
        {
            if (write)
                context.Set(Passing, new TestLayerValue("rogue"));
            else
                _ = context.Get(CoreLayers.Metadata);
        }
    }

    /// <summary>Declares a layer and never writes it.</summary>
    private sealed class SilentStage : IDocumentStage
    {
        public string Name => "silent";

        public string Version => "1";

        public IReadOnlyList<Layer> Requires => [CoreLayers.Body];

        public IReadOnlyList<Layer> Produces => [Passing];

        public void Process(DocumentContext context)
        {
        }
    }

    /// <summary>Writes its layer and a note, then gives up like a regex that passed its time-out, the first <c>timeouts</c> runs.</summary>
    private sealed class TimingOutStage(int timeouts) : IDocumentStage
    {
        public int Runs { get; private set; }

        public string Name => "timing-out";

        public string Version => "1";

        public IReadOnlyList<Layer> Requires => [CoreLayers.Body];

        public IReadOnlyList<Layer> Produces => [Extra];

        public void Process(DocumentContext context)
        {
            Runs++;
            context.Set(Extra, new TestLayerValue($"run {Runs}"));
            context.Note($"run {Runs}");
            if (Runs <= timeouts)
                throw new System.Text.RegularExpressions.RegexMatchTimeoutException("Velmora", "(a+)+$", TimeSpan.FromSeconds(10));
        }
    }
}

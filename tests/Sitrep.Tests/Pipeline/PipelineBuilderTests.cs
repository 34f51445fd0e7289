using Sitrep.Cleaning;
using Sitrep.Metadata;
using Sitrep.Pipeline;
using Sitrep.Text;

namespace Sitrep.Tests.Pipeline;

public sealed class PipelineBuilderTests
{
    [Fact]
    public void The_default_pipeline_cleans_then_detects_language_then_settles_metadata()
    {
        var pipeline = PipelineBuilder.CreateDefault();

        Assert.Equal(["clean", "language", "metadata"], pipeline.Stages.Select(s => s.Name));
    }

    [Fact]
    public void A_stage_whose_requirement_no_earlier_stage_produces_is_refused_by_name()
    {
        var builder = new PipelineBuilder()
            .Use(new CleaningStage())
            .Use(new TestStage("needs-language", Layers.Language, Layers.None))
            .Use(new LanguageStage());

        var e = Assert.Throws<InvalidOperationException>(builder.Build);

        Assert.Contains("needs-language", e.Message, StringComparison.Ordinal);
        Assert.Contains("Language", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_metadata_stage_alone_is_refused()
    {
        var e = Assert.Throws<InvalidOperationException>(() => new PipelineBuilder().Use(new MetadataStage()).Build());

        Assert.Contains("metadata", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_requirement_met_by_an_earlier_stage_is_accepted()
    {
        var pipeline = new PipelineBuilder()
            .Use(new CleaningStage())
            .Use(new LanguageStage())
            .Use(new TestStage("needs-language", Layers.Language | Layers.Body, Layers.None))
            .Build();

        Assert.Equal(["clean", "language", "needs-language"], pipeline.Stages.Select(s => s.Name));
    }

    [Fact]
    public void The_raw_text_is_there_before_any_stage()
    {
        var pipeline = new PipelineBuilder().Use(new TestStage("reads-raw", Layers.RawText, Layers.None)).Build();

        Assert.Single(pipeline.Stages);
    }

    [Fact]
    public void The_version_changes_with_the_stage_list_and_only_with_it()
    {
        var full = PipelineBuilder.CreateDefault().Version;
        var again = PipelineBuilder.CreateDefault().Version;
        var withoutMetadata = new PipelineBuilder().Use(new CleaningStage()).Use(new LanguageStage()).Build().Version;
        var withExtra = new PipelineBuilder()
            .Use(new CleaningStage()).Use(new LanguageStage()).Use(new MetadataStage())
            .Use(new TestStage("extra", Layers.None, Layers.None))
            .Build().Version;

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
}

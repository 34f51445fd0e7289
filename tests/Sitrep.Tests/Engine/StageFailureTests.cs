using Sitrep.Documents;
using Sitrep.Engine;
using Sitrep.Entities;
using Sitrep.Pipeline;
using Sitrep.Storage;
using Sitrep.Tests.TestSupport;
using Sitrep.Text;

namespace Sitrep.Tests.Engine;

/// <summary>A stage failure never loses a document, and no span cuts a character outside the basic plane in two.</summary>
public sealed class StageFailureTests
{
    /// <summary>Flags, emoji and letters outside the basic plane, as pages and posts carry them between paragraphs.</summary>
    private const string Flags = """
        Seoul hosts a regional trade summit

        Leaders from the region met in Seoul on Monday to discuss tariffs, the foreign ministry said.

        🇰🇷 Kor

        🇯🇵 Jpn 🇺🇸 USA

        Minister Han Do-yun 👍🏽 said the talks with 𝐓𝐨𝐤𝐲𝐨 went well 👨‍👩‍👧, and that 𠀀 delegates from Busan would follow.

        The talks continue on Tuesday, the ministry said in a statement.
        """;

    [Fact]
    public void An_article_with_flag_emoji_between_paragraphs_is_analysed_by_every_stage()
    {
        var doc = TestPipelines.Full.Analyze(Input(Flags));

        Assert.Empty(doc.StageNotes);
        Assert.Equal(TestPipelines.Full.Stages.Select(s => s.Name).Order(StringComparer.Ordinal), doc.Stages.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("🇰🇷 Kor", doc.Text, StringComparison.Ordinal);
        Assert.Contains(doc.Mentions(), m => m.Text(doc.Text) == "Seoul");
    }

    [Fact]
    public void No_token_or_mention_cuts_a_surrogate_pair()
    {
        var text = TestPipelines.Full.Analyze(Input(Flags)).Text;
        var context = new DocumentContext(Input(Flags));
        foreach (var stage in TestPipelines.Full.Stages)
            stage.Process(context);

        var spans = context.Get(TextLayers.Tokens).Tokens.Select(t => (t.Start, t.End))
            .Concat(context.Get(EntityLayers.Mentions).Select(m => (m.Start, m.End)))
            .ToList();
        Assert.NotEmpty(spans);
        foreach (var (start, end) in spans)
        {
            Assert.False(Cuts(text, start), $"a span starts inside a surrogate pair at {start}");
            Assert.False(Cuts(text, end), $"a span ends inside a surrogate pair at {end}");
        }
        // The flags are whole symbols: each regional letter is one token of two code units.
        var flag = text.IndexOf("🇰🇷", StringComparison.Ordinal);
        Assert.Contains(context.Get(TextLayers.Tokens).Tokens, t => t.Start == flag && t.Length == 2);
    }

    [Fact]
    public void A_stage_that_throws_leaves_the_document_stored_with_the_layers_before_it_and_reanalysis_tries_it_again()
    {
        using var dir = new TempDir();
        dir.Write("in/summit.txt", Flags);
        var failing = new FlakyFeature(fail: true);
        using (var engine = SitrepEngine.Open(codecs => StoreFactory.Open(dir.File("s.db"), codecs), EngineOptions.Default with { Features = [.. Features.All, failing] }))
        {
            using var inputs = engine.OpenInputs([dir.File("in")]);
            var summary = engine.Analyze(inputs, cancellation: TestContext.Current.CancellationToken);

            Assert.Equal(1, summary.Stored);
            Assert.Empty(summary.Failures);
            var failure = Assert.Single(summary.StageFailures);
            Assert.Equal("flaky: failed: InvalidOperationException: the ledger is corrupt", failure.Reason);
            var doc = engine.Load("summit")!;
            Assert.Contains("Leaders from the region", doc.Text, StringComparison.Ordinal);
            Assert.NotEmpty(doc.Mentions());
            Assert.False(doc.Stages.ContainsKey("flaky"));
            Assert.Equal(1, engine.CountBehind(["summit"]));
        }

        using var mended = SitrepEngine.Open(codecs => StoreFactory.Open(dir.File("s.db"), codecs), EngineOptions.Default with { Features = [.. Features.All, new FlakyFeature(fail: false)] });
        var again = mended.Reanalyze(cancellation: TestContext.Current.CancellationToken);
        Assert.Equal(1, again.Analysed);
        var fixedDoc = mended.Load("summit")!;
        Assert.Empty(fixedDoc.StageNotes);
        Assert.Equal("1", fixedDoc.Stages["flaky"]);
        Assert.Equal(0, mended.CountBehind(["summit"]));
    }

    private static bool Cuts(string text, int offset) =>
        offset > 0 && offset < text.Length && char.IsHighSurrogate(text[offset - 1]) && char.IsLowSurrogate(text[offset]);

    private static ArticleInput Input(string text) => new("in/summit.txt", "summit", InputFormat.PlainText, text, StatedMetadata.None, []);

    /// <summary>A feature whose one stage throws (or not), after the entity stages.</summary>
    private sealed class FlakyFeature(bool fail) : IPipelineFeature
    {
        public string Name => "flaky";

        public string Description => "a stage that fails on demand";

        public void Register(PipelineBuilder builder) => builder.UseEntities().Use(new FlakyStage(fail));

        private sealed class FlakyStage(bool fail) : IDocumentStage
        {
            public string Name => "flaky";

            public string Version => "1";

            public IReadOnlyList<Layer> Requires { get; } = [CoreLayers.Body, EntityLayers.Mentions];

            public IReadOnlyList<Layer> Produces => [];

            public void Process(DocumentContext context)
            {
                if (fail)
                    throw new InvalidOperationException("the ledger is corrupt");
            }
        }
    }
}

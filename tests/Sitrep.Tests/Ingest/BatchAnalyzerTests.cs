using System.Globalization;
using Sitrep.Cleaning;
using Sitrep.Documents;
using Sitrep.Ingest;
using Sitrep.Metadata;
using Sitrep.Pipeline;
using Sitrep.Text;

namespace Sitrep.Tests.Ingest;

public sealed class BatchAnalyzerTests
{
    private readonly InMemoryDocumentStore _store = new();

    [Fact]
    public void Failures_are_reported_with_their_reasons_and_do_not_stop_the_batch()
    {
        var probe = new ProbeStage(c =>
        {
            if (c.Input.RawText.Contains("REJECT", StringComparison.Ordinal))
                throw new InputRejectedException("too short to be an article");
        });
        var items = new[]
        {
            InputItem.Of(Article(0)),
            InputItem.Failed("feed.jsonl:2", "not JSON: unexpected end of line"),
            InputItem.Of(Article(2, "REJECT this one.")),
            InputItem.Of(Article(3)),
        };

        var summary = new BatchAnalyzer(Pipeline(probe), _store, batchSize: 2, parallelism: 2).Run(items, null, TestContext.Current.CancellationToken);

        Assert.Equal(4, summary.Read);
        Assert.Equal(2, summary.Stored);
        Assert.Equal(2, summary.Failed);
        Assert.Equal(
            [new InputFailure("feed.jsonl:2", "not JSON: unexpected end of line"), new InputFailure("in/2.txt", "too short to be an article")],
            summary.Failures);
        Assert.Equal(["doc-0", "doc-3"], summary.DocumentIds);
        Assert.Equal(2, _store.Count());
        Assert.Null(_store.Load("doc-2"));
    }

    [Fact]
    public void Documents_are_saved_in_input_order_whatever_order_the_threads_finish_in()
    {
        // Earlier inputs take longer, so with four threads they finish after later ones.
        var probe = new ProbeStage(c => Thread.Sleep(3 * (10 - Number(c.Input.Id))));
        var items = Enumerable.Range(0, 10).Select(i => InputItem.Of(Article(i))).ToList();

        var summary = new BatchAnalyzer(Pipeline(probe), _store, batchSize: 3, parallelism: 4).Run(items, null, TestContext.Current.CancellationToken);

        Assert.Equal(
        [
            ["doc-0", "doc-1", "doc-2"],
            ["doc-3", "doc-4", "doc-5"],
            ["doc-6", "doc-7", "doc-8"],
            ["doc-9"],
        ], _store.SaveBatchCalls);
        Assert.Equal(Enumerable.Range(0, 10).Select(Id), summary.DocumentIds);
        Assert.Equal(10, summary.Stored);
    }

    [Fact]
    public void An_input_already_in_the_store_is_not_analysed_again()
    {
        var probe = new ProbeStage();
        var analyzer = new BatchAnalyzer(Pipeline(probe), _store, batchSize: 3, parallelism: 4);
        analyzer.Run([InputItem.Of(Article(0)), InputItem.Of(Article(1))], null, TestContext.Current.CancellationToken);
        Assert.Equal(2, probe.Calls);

        var summary = analyzer.Run([InputItem.Of(Article(0)), InputItem.Of(Article(1)), InputItem.Of(Article(2))], null, TestContext.Current.CancellationToken);

        Assert.Equal(3, probe.Calls);
        Assert.Equal(3, summary.Read);
        Assert.Equal(2, summary.AlreadyStored);
        Assert.Equal(1, summary.Stored);
        Assert.Equal(["doc-0", "doc-1", "doc-2"], summary.DocumentIds);
        Assert.Equal(["doc-2"], _store.SaveBatchCalls[^1]);
    }

    [Fact]
    public void An_already_stored_input_is_listed_under_its_stored_id()
    {
        var analyzer = new BatchAnalyzer(Pipeline(new ProbeStage()), _store, batchSize: 4, parallelism: 2);
        analyzer.Run([InputItem.Of(Article(5))], null, TestContext.Current.CancellationToken);

        // Same source, same content, another id (say the file was named differently this time).
        var renamed = Article(5) with { Id = "renamed-5" };
        var summary = analyzer.Run([InputItem.Of(renamed)], null, TestContext.Current.CancellationToken);

        Assert.Equal(["doc-5"], summary.DocumentIds);
        Assert.Equal(1, summary.AlreadyStored);
    }

    [Fact]
    public void A_source_with_new_content_is_analysed_again_and_counted_as_updated()
    {
        var probe = new ProbeStage();
        var analyzer = new BatchAnalyzer(Pipeline(probe), _store, batchSize: 4, parallelism: 2);
        analyzer.Run([InputItem.Of(Article(0))], null, TestContext.Current.CancellationToken);

        var changed = Article(0, "The harbor authority corrected its figures on Wednesday: eleven ships were delayed, not two.");
        var summary = analyzer.Run([InputItem.Of(changed)], null, TestContext.Current.CancellationToken);

        Assert.Equal(2, probe.Calls);
        Assert.Equal(1, summary.Updated);
        Assert.Equal(0, summary.Stored);
        Assert.Equal(["doc-0"], summary.DocumentIds);
        Assert.Contains("eleven ships", _store.Load("doc-0")!.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Document_ids_list_every_successful_input_in_input_order()
    {
        var probe = new ProbeStage(c => Thread.Sleep(Number(c.Input.Id) % 3 == 0 ? 15 : 1));
        var items = Enumerable.Range(0, 14)
            .Select(i => i % 4 == 1 ? InputItem.Failed($"feed.jsonl:{i}", "no text or html field") : InputItem.Of(Article(i)))
            .ToList();

        var summary = new BatchAnalyzer(Pipeline(probe), _store, batchSize: 3, parallelism: 4).Run(items, null, TestContext.Current.CancellationToken);

        Assert.Equal(["doc-0", "doc-2", "doc-3", "doc-4", "doc-6", "doc-7", "doc-8", "doc-10", "doc-11", "doc-12"], summary.DocumentIds);
        Assert.Equal(["feed.jsonl:1", "feed.jsonl:5", "feed.jsonl:9", "feed.jsonl:13"], summary.Failures.Select(f => f.Source));
        Assert.Equal(14, summary.Read);
    }

    [Fact]
    public void An_exception_in_a_stage_keeps_the_document_with_a_note_naming_the_stage()
    {
        var probe = new ProbeStage(c =>
        {
            if (c.Input.Id == "doc-1")
                throw new InvalidOperationException("the ledger for Orlec is corrupt");
        });
        var items = Enumerable.Range(0, 3).Select(i => InputItem.Of(Article(i))).ToList();

        var summary = new BatchAnalyzer(Pipeline(probe), _store, batchSize: 3, parallelism: 3).Run(items, null, TestContext.Current.CancellationToken);

        Assert.Empty(summary.Failures);
        Assert.Equal(["doc-0", "doc-1", "doc-2"], summary.DocumentIds);
        Assert.Equal(3, summary.Stored);
        var failure = Assert.Single(summary.StageFailures);
        Assert.Equal("in/1.txt", failure.Source);
        Assert.Equal("probe: failed: InvalidOperationException: the ledger for Orlec is corrupt", failure.Reason);
        // The stages that do not need the failed one still ran: the text is there.
        var stored = _store.Load("doc-1")!;
        Assert.Contains("ships were delayed by fog", stored.Text, StringComparison.Ordinal);
        Assert.Contains("probe: failed: InvalidOperationException: the ledger for Orlec is corrupt", stored.StageNotes);
        Assert.False(stored.Stages.ContainsKey("probe"));
        Assert.True(stored.Stages.ContainsKey("clean"));
    }

    [Fact]
    public void The_same_body_from_two_sources_counts_as_a_duplicate()
    {
        const string text = "The harbor authority said fog delayed nine ships at Marrow Bay on Tuesday.";
        var items = new[]
        {
            InputItem.Of(new ArticleInput("wire/fog.txt", "wire-fog", InputFormat.PlainText, text, StatedMetadata.None, [])),
            InputItem.Of(new ArticleInput("paper/fog.txt", "paper-fog", InputFormat.PlainText, text, StatedMetadata.None, [])),
        };

        var summary = new BatchAnalyzer(Pipeline(new ProbeStage()), _store, batchSize: 8, parallelism: 2).Run(items, null, TestContext.Current.CancellationToken);

        Assert.Equal(2, summary.Stored);
        Assert.Equal(1, summary.Duplicates);
    }

    [Fact]
    public void Progress_is_reported_after_each_batch_and_at_the_end()
    {
        var progress = new RecordingProgress();
        var items = Enumerable.Range(0, 7).Select(i => i == 4 ? InputItem.Failed("x.jsonl:4", "not JSON") : InputItem.Of(Article(i))).ToList();

        new BatchAnalyzer(Pipeline(new ProbeStage()), _store, batchSize: 3, parallelism: 2).Run(items, progress, TestContext.Current.CancellationToken);

        Assert.Equal([3, 6, 7], progress.Reports.Select(r => r.Done));
        Assert.Equal([0, 1, 1], progress.Reports.Select(r => r.Failed));
    }

    private static DocumentPipeline Pipeline(ProbeStage probe) => new PipelineBuilder()
        .Use(probe)
        .Use(new CleaningStage())
        .Use(new LanguageStage())
        .Use(new MetadataStage())
        .Build();

    private static ArticleInput Article(int n, string? text = null) => new(
        $"in/{n.ToString(CultureInfo.InvariantCulture)}.txt",
        Id(n),
        InputFormat.PlainText,
        text ?? $"Report {n.ToString(CultureInfo.InvariantCulture)} from Velmora: the harbor authority said {(n + 2).ToString(CultureInfo.InvariantCulture)} ships were delayed by fog on Tuesday.",
        StatedMetadata.None,
        []);

    private static string Id(int n) => "doc-" + n.ToString(CultureInfo.InvariantCulture);

    private static int Number(string id) => int.Parse(id.AsSpan("doc-".Length), CultureInfo.InvariantCulture);

    private sealed class RecordingProgress : IProgress<BatchProgress>
    {
        public List<BatchProgress> Reports { get; } = [];

        public void Report(BatchProgress value) => Reports.Add(value);
    }
}

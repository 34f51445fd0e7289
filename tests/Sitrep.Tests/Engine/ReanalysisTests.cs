using Sitrep.Engine;
using Sitrep.Entities;
using Sitrep.Entities.Resolution;
using Sitrep.Storage;
using Sitrep.Tests.TestSupport;

namespace Sitrep.Tests.Engine;

/// <summary>Reanalysis brings documents up to the pipeline and never drops a layer; a changed resource makes documents behind.</summary>
public sealed class ReanalysisTests
{
    private const string First = """
        Valdoria reopens two Serin crossings

        ALDMERE — Valdoria reopened two of its seven road crossings with Korveth on Monday, ten days after the Kestrel Brigades raided a border post, the interior ministry said.

        "Trade has to move again," Interior Minister Petra Vell told reporters at the Serin Bridge.
        """;

    private const string Second = """
        Korveth denies arming the Kestrel Brigades

        LISSEN — Korveth's foreign ministry denied on Tuesday that it had armed the Kestrel Brigades, and Foreign Minister Aurel Danek called Valdoria's claims "a fiction".
        """;

    [Fact]
    public void Reanalysis_reports_progress_from_its_start_through_every_batch_to_the_cross_document_stages()
    {
        using var dir = new TempDir();
        var db = dir.File("s.db");
        for (int i = 0; i < 5; i++)
            dir.Write($"in/{i}.txt", First.Replace("Monday", "Monday " + i, StringComparison.Ordinal));
        Assert.Equal(0, CliRunner.Run("analyze", dir.File("in"), "--db", db, "--stages", "text", "--quiet").ExitCode);
        var reports = new List<Sitrep.Ingest.BatchProgress>();
        var options = Sitrep.Engine.EngineOptions.Default with { BatchSize = 2 };

        using (var engine = Sitrep.Engine.SitrepEngine.Open(codecs => StoreFactory.Open(db, codecs), options))
            engine.Reanalyze(progress: new Recorder(reports), cancellation: TestContext.Current.CancellationToken);

        Assert.Equal(0, reports[0].Done);
        Assert.StartsWith("checking 5 documents", reports[0].Phase, StringComparison.Ordinal);
        Assert.Equal([2, 4, 5], reports.Where(r => r.Phase is null).Select(r => r.Done));
        Assert.Equal(5, reports[^1].Done);
        Assert.Contains("cross-document", reports[^1].Phase, StringComparison.Ordinal);
    }

    /// <summary>Records reports on the thread that makes them (Progress&lt;T&gt; would post them later).</summary>
    private sealed class Recorder(List<Sitrep.Ingest.BatchProgress> reports) : IProgress<Sitrep.Ingest.BatchProgress>
    {
        public void Report(Sitrep.Ingest.BatchProgress value)
        {
            lock (reports)
                reports.Add(value);
        }
    }

    [Fact]
    public void Analysing_with_fewer_stages_then_reanalysing_keeps_every_mention_and_entity_and_adds_the_missing_ones()
    {
        using var dir = new TempDir();
        var db = dir.File("s.db");
        dir.Write("one/first.txt", First);
        dir.Write("two/second.txt", Second);

        Assert.Equal(0, CliRunner.Run("analyze", dir.File("one"), "--db", db).ExitCode);
        var text = CliRunner.Run("analyze", dir.File("two"), "--db", db, "--stages", "text");
        Assert.Equal(0, text.ExitCode);
        string firstMentions;
        long firstEntities;
        using (var store = SqliteDocumentStore.Open(db, TestPipelines.Full.Codecs))
        {
            var first = store.Load("first")!;
            firstMentions = EntityLayers.WriteMentions(first.Mentions());
            Assert.NotEmpty(first.Mentions());
            firstEntities = first.Entities().Count;
            Assert.Empty(store.Load("second")!.Mentions());
            Assert.False(store.Load("second")!.Stages.ContainsKey("ner"));
        }

        // analyze of the first file with every stage: nothing behind. The second is behind the default pipeline.
        var again = CliRunner.Run("analyze", dir.File("one"), dir.File("two"), "--db", db);
        Assert.Contains("1 of these documents are behind", again.Output, StringComparison.Ordinal);

        var (code, output) = CliRunner.Run("reanalyze", "--db", db);

        Assert.Equal(0, code);
        Assert.Contains("1 documents brought up to date, 1 already up to date", output, StringComparison.Ordinal);
        using (var store = SqliteDocumentStore.Open(db, TestPipelines.Full.Codecs))
        {
            var first = store.Load("first")!;
            var second = store.Load("second")!;
            Assert.Equal(firstMentions, EntityLayers.WriteMentions(first.Mentions()));
            Assert.Equal(firstEntities, first.Entities().Count);
            Assert.Contains(second.Mentions(), m => m.Text(second.Text) == "Aurel Danek");
            var directory = store.Feature<IEntityDirectory>()!;
            // Both articles' militia is one stored entity: resolution ran over the second article too.
            long? militia(Sitrep.Documents.Document d) => directory.EntityOf(d.Id, d.Mentions().First(m => m.Text(d.Text) == "Kestrel Brigades").Entity);
            Assert.NotNull(militia(first));
            Assert.Equal(militia(first), militia(second));
        }
        Assert.DoesNotContain("behind", CliRunner.Run("analyze", dir.File("one"), dir.File("two"), "--db", db).Output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_changed_lexicon_makes_the_documents_it_analysed_behind_and_only_its_stages_run_again()
    {
        using var dir = new TempDir();
        dir.Write("in/first.txt", First);
        dir.Write("in/second.txt", Second);
        IReadOnlyList<string> ids;
        using (var engine = SitrepEngine.Open(codecs => StoreFactory.Open(dir.File("s.db"), codecs)))
        {
            using var inputs = engine.OpenInputs([dir.File("in")]);
            ids = engine.Analyze(inputs, cancellation: TestContext.Current.CancellationToken).DocumentIds;
            Assert.Equal(0, engine.CountBehind(ids));
        }

        // The same country table with one more line: a new lexicon, so the stages that read it (the tagging
        // stage, which finds country names inside compounds such as "Iran-backed", and coreference) have new versions.
        var countries = CountryTable.Parse(new StringReader(File.ReadAllText(Path.Combine(RepoPaths.Root, "resources", "geo", "countries.tsv")) + "XKV\tKestrelland\tKestrelland\tKestrel City\tKestrellish\n"));
        var options = EngineOptions.Default with { Features = [new Sitrep.Text.TextFeature(), new EntitiesFeature(countries: countries)] };
        using var changed = SitrepEngine.Open(codecs => StoreFactory.Open(dir.File("s.db"), codecs), options);

        Assert.NotEqual(TestPipelines.Full.StageVersions["coreference"], changed.Pipeline.StageVersions["coreference"]);
        Assert.NotEqual(TestPipelines.Full.StageVersions["ner"], changed.Pipeline.StageVersions["ner"]);
        Assert.Equal(TestPipelines.Full.StageVersions["tokens"], changed.Pipeline.StageVersions["tokens"]);
        Assert.Equal(2, changed.CountBehind(ids));
        long before = changed.Store.Changes.Head;
        Assert.Equal(2, changed.Reanalyze(cancellation: TestContext.Current.CancellationToken).Analysed);
        var remade = changed.Store.Changes.Cursor("reader", []).Next(100).Where(c => c.Position > before).ToList();
        Assert.All(remade, c => Assert.Equal(["mentions", "document-entities"], c.Layers));
        Assert.Equal(0, changed.CountBehind(ids));
    }
}

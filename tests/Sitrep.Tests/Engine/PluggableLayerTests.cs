using System.Text.Json;
using Sitrep.Engine;
using Sitrep.Entities;
using Sitrep.Pipeline;
using Sitrep.Storage;
using Sitrep.Tests.Engine.LongWords;
using Sitrep.Tests.TestSupport;

namespace Sitrep.Tests.Engine;

/// <summary>
/// A feature defined only in the test project (<see cref="LongWordsFeature"/>) plugs into the engine
/// whole: analysed, stored, read back, written to the analysis JSON, brought to old documents by
/// reanalysis, and followed by its cross-document stage on the change feed.
/// </summary>
public sealed class PluggableLayerTests
{
    private static readonly string[] Articles =
    [
        """
        Castelbrun council resumes negotiations

        CASTELBRUN — The regional council of Castelbrun resumed negotiations with the ferry cooperative on Tuesday, Mayor Odile Varnet said, after a week of talks about the harbour.

        "We want an agreement before the winter timetable," Varnet told reporters in the town hall.
        """,
        """
        Saltmere approves reconstruction of the quay

        SALTMERE — Saltmere's water trust approved the reconstruction of the lower quay on Wednesday, and negotiations over its cost will follow, Governor Yara Pemberlin said.

        Traders said the work could not start soon enough.
        """,
    ];

    private static void WriteArticles(TempDir dir)
    {
        dir.Write("in/a.txt", Articles[0]);
        dir.Write("in/b.txt", Articles[1]);
    }

    [Fact]
    public void A_feature_defined_outside_the_engine_is_analysed_stored_read_back_and_written_to_the_json()
    {
        using var dir = new TempDir();
        WriteArticles(dir);
        var feature = new LongWordsFeature();
        var options = EngineOptions.Default with { Features = [.. Features.All, feature] };

        using (var engine = SitrepEngine.Open(codecs => StoreFactory.Open(dir.File("s.db"), codecs), options))
        {
            using var inputs = engine.OpenInputs([dir.File("in")]);
            var summary = engine.Analyze(inputs, cancellation: TestContext.Current.CancellationToken);
            Assert.Equal(2, summary.Stored);
            using var json = new MemoryStream();
            engine.WriteAnalysisJson(json, summary.DocumentIds);
            using var parsed = JsonDocument.Parse(json.ToArray());
            var first = parsed.RootElement.GetProperty("documents")[0];
            Assert.Contains("CASTELBRUN — The regional council", first.GetProperty("text").GetString()!, StringComparison.Ordinal);
            Assert.Equal(["CASTELBRUN", "Castelbrun", "cooperative", "negotiations"], first.GetProperty("long_words").EnumerateArray().Select(w => w.GetString()).Distinct().Order(StringComparer.Ordinal));
            Assert.Equal(2, parsed.RootElement.GetProperty("long_word_documents").GetInt32());
            // The contract's own arrays are still there, and the entities feature still wrote its part.
            Assert.NotEmpty(first.GetProperty("mentions").EnumerateArray());
            Assert.Equal(JsonValueKind.Array, first.GetProperty("quotes").ValueKind);
        }

        // Read back by a new engine from the store alone.
        using (var reopened = SitrepEngine.Open(codecs => StoreFactory.Open(dir.File("s.db"), codecs), options))
        {
            var doc = reopened.Load("a")!;
            Assert.Equal(["CASTELBRUN", "Castelbrun", "cooperative", "negotiations"], doc.Layers.Get(LongWordsFeature.Words)!.Select(r => doc.Text[r.Start..r.End]).Distinct().Order(StringComparer.Ordinal));
            Assert.Equal("1", doc.Stages["long-words"]);
        }

        // Its cross-document stage followed the feed, after entity resolution.
        Assert.Equal(["a"], feature.Counter.DocumentsByWord["castelbrun"]);
        Assert.Equal(["a", "b"], feature.Counter.DocumentsByWord["negotiations"]);
        Assert.Equal(["b"], feature.Counter.DocumentsByWord["reconstruction"]);
        Assert.Equal(["a", "b"], feature.Counter.Seen.Select(c => c.DocumentId));
    }

    [Fact]
    public void A_feature_registers_its_own_csv_table_and_its_section_of_the_document_page_with_no_edit_elsewhere()
    {
        using var dir = new TempDir();
        WriteArticles(dir);
        var options = EngineOptions.Default with { Features = [.. Features.All, new LongWordsFeature()] };
        using var engine = SitrepEngine.Open(codecs => StoreFactory.Open(dir.File("s.db"), codecs), options);
        using (var inputs = engine.OpenInputs([dir.File("in")]))
            engine.Analyze(inputs, cancellation: TestContext.Current.CancellationToken);

        var files = new Dictionary<string, StringWriter>(StringComparer.Ordinal);
        int documents = engine.ExportCsv(table => files[table.Name] = new StringWriter());
        var views = engine.DocumentViews(engine.Load("a")!);

        Assert.Equal(2, documents);
        Assert.Equal(["documents", "mentions", "entities", "quotes", "times", "events", "stories", "citations", "long-words"], files.Keys);
        var rows = files["long-words"].ToString().Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("document,start,end,word", rows[0]);
        Assert.Contains(rows, r => r.StartsWith("a,", StringComparison.Ordinal) && r.EndsWith(",negotiations", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.StartsWith("b,", StringComparison.Ordinal) && r.EndsWith(",reconstruction", StringComparison.Ordinal));
        // Sections come in registration order: the built-in features first, the added one last.
        Assert.Equal("entities", views[0].Title);
        Assert.Equal("long words", views[^1].Title);
        Assert.Contains(views[^1].Rows, r => r[0] == "cooperative");
        Assert.Contains(engine.StatisticsViews(), v => v.Title == "long words");
    }

    [Fact]
    public void Without_the_feature_its_stored_layer_is_kept_unread_and_its_json_is_absent()
    {
        using var dir = new TempDir();
        WriteArticles(dir);
        var options = EngineOptions.Default with { Features = [.. Features.All, new LongWordsFeature()] };
        using (var engine = SitrepEngine.Open(codecs => StoreFactory.Open(dir.File("s.db"), codecs), options))
        {
            using var inputs = engine.OpenInputs([dir.File("in")]);
            engine.Analyze(inputs, cancellation: TestContext.Current.CancellationToken);
        }

        using var plain = SitrepEngine.Open(codecs => StoreFactory.Open(dir.File("s.db"), codecs));
        var doc = plain.Load("a")!;
        Assert.False(doc.Layers.Has("long-words"));
        Assert.NotEmpty(doc.Mentions());
        using var json = new MemoryStream();
        plain.WriteAnalysisJson(json, ["a"]);
        using var parsed = JsonDocument.Parse(json.ToArray());
        Assert.False(parsed.RootElement.GetProperty("documents")[0].TryGetProperty("long_words", out _));
    }

    [Fact]
    public void Reanalysis_adds_a_new_feature_to_stored_documents_and_runs_only_its_stages()
    {
        using var dir = new TempDir();
        WriteArticles(dir);
        IReadOnlyList<string> ids;
        Dictionary<string, string> mentionsBefore;
        using (var engine = SitrepEngine.Open(codecs => StoreFactory.Open(dir.File("s.db"), codecs)))
        {
            using var inputs = engine.OpenInputs([dir.File("in")]);
            ids = engine.Analyze(inputs, cancellation: TestContext.Current.CancellationToken).DocumentIds;
            mentionsBefore = ids.ToDictionary(id => id, id => EntityLayers.WriteMentions(engine.Load(id)!.Mentions()));
        }

        var feature = new LongWordsFeature();
        using var extended = SitrepEngine.Open(codecs => StoreFactory.Open(dir.File("s.db"), codecs), EngineOptions.Default with { Features = [.. Features.All, feature] });
        Assert.Equal(2, extended.CountBehind(ids));
        long before = extended.Store.Changes.Head;

        var summary = extended.Reanalyze(cancellation: TestContext.Current.CancellationToken);

        Assert.Equal(2, summary.Analysed);
        Assert.Equal(0, extended.CountBehind(ids));
        foreach (var id in ids)
        {
            var doc = extended.Load(id)!;
            Assert.NotEmpty(doc.Layers.Get(LongWordsFeature.Words)!);
            Assert.Equal(mentionsBefore[id], EntityLayers.WriteMentions(doc.Mentions()));
        }
        // The feed says only the new layer was made: entity resolution had nothing to redo.
        var cursor = extended.Store.Changes.Cursor("a-new-reader", []);
        var changes = cursor.Next(100).Where(c => c.Position > before).ToList();
        Assert.Equal(2, changes.Count);
        Assert.All(changes, c => Assert.Equal(["long-words"], c.Layers));
        Assert.All(changes, c => Assert.False(c.Touches(EntityLayers.DocumentEntities.Name)));
        Assert.Equal(["a", "b"], feature.Counter.Seen.Where(c => c.Kind == ChangeKind.Reanalysed).Select(c => c.DocumentId));
        // A second run finds nothing to do.
        Assert.Equal(0, extended.Reanalyze(cancellation: TestContext.Current.CancellationToken).Analysed);
    }

    [Fact]
    public void A_deleted_document_is_a_change_the_cross_document_stages_see()
    {
        using var dir = new TempDir();
        WriteArticles(dir);
        var feature = new LongWordsFeature();
        using var engine = SitrepEngine.Open(codecs => StoreFactory.Open(dir.File("s.db"), codecs), EngineOptions.Default with { Features = [.. Features.All, feature] });
        using var inputs = engine.OpenInputs([dir.File("in")]);
        engine.Analyze(inputs, cancellation: TestContext.Current.CancellationToken);
        var entities = engine.Store.Feature<Sitrep.Entities.Resolution.IEntityDirectory>()!;
        Assert.NotNull(entities.EntityOf("a", 0));

        Assert.True(engine.Store.Delete("a"));
        Assert.False(engine.Store.Delete("a"));
        Assert.Empty(engine.CatchUp(TestContext.Current.CancellationToken));

        Assert.Null(engine.Load("a"));
        Assert.Null(entities.EntityOf("a", 0));
        Assert.NotNull(entities.EntityOf("b", 0));
        Assert.DoesNotContain(feature.Counter.DocumentsByWord.Values, set => set.Contains("a"));
        Assert.Equal(ChangeKind.Deleted, feature.Counter.Seen[^1].Kind);
    }
}

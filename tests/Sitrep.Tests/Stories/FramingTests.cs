using System.Text.Json;
using Microsoft.Data.Sqlite;
using Sitrep.Engine;
using Sitrep.Storage;
using Sitrep.Stories;
using Sitrep.Tests.TestSupport;

namespace Sitrep.Tests.Stories;

/// <summary>
/// Framing per outlet, kept in the store by the framing stage: what each outlet calls the same group,
/// in its own words only (a word inside a quotation is the speaker's), updated per story as articles
/// arrive, the same rows after a reanalysis.
/// </summary>
public sealed class FramingTests
{
    // Made-up places, group and people: eight reports of one attack. Northern Post calls the group
    // terrorists; Southern Voice calls it resistance and quotes a minister who calls it terrorists;
    // East Wire and West Daily call it neither. Two more articles are another story.
    private static readonly (string Url, string Outlet, string Published, string Title, string Text)[] Articles =
    [
        ("https://northern-post.example/a1", "Northern Post", "2024-05-14", "Gunmen attack border post near Varno",
            "Members of the Black Reed Brigade attacked a border post near Varno on Tuesday, killing four guards.\n\n"
            + "Black Reed Brigade terrorists crossed the river at night and set fire to the barracks, the Karsland army said.\n\n"
            + "The army said it had closed the border crossing at Varno."),
        ("https://northern-post.example/a2", "Northern Post", "2024-05-15", "Karsland closes border after attack near Varno",
            "Karsland closed its border on Wednesday after the attack on the border post near Varno.\n\n"
            + "Black Reed Brigade terrorists killed four guards in the attack, the army said.\n\n"
            + "The army sent troops to the river crossing at Varno."),
        ("https://southern-voice.example/b1", "Southern Voice", "2024-05-14", "Fighters strike border post near Varno",
            "Fighters of the Black Reed Brigade struck a border post near Varno on Tuesday, killing four guards.\n\n"
            + "Black Reed Brigade resistance fighters crossed the river at night and set fire to the barracks.\n\n"
            + "\"The Black Reed Brigade terrorists will pay for this crime,\" Karsland Interior Minister Anna Kessler said on Tuesday."),
        ("https://southern-voice.example/b2", "Southern Voice", "2024-05-15", "Karsland shuts border after Varno raid",
            "Karsland shut its border on Wednesday after the raid on the border post near Varno.\n\n"
            + "Black Reed Brigade resistance fighters killed four guards in the raid.\n\n"
            + "The army sent troops to the river crossing at Varno."),
        ("https://east-wire.example/c1", "East Wire", "2024-05-14", "Four guards killed in attack on border post near Varno",
            "Four guards were killed when the Black Reed Brigade attacked a border post near Varno on Tuesday.\n\n"
            + "The Black Reed Brigade crossed the river at night and set fire to the barracks, the Karsland army said.\n\n"
            + "The army closed the border crossing at Varno."),
        ("https://east-wire.example/c2", "East Wire", "2024-05-15", "Karsland closes border after Varno attack",
            "Karsland closed its border on Wednesday after the Black Reed Brigade attacked the border post near Varno.\n\n"
            + "The Black Reed Brigade killed four guards in the attack.\n\n"
            + "The army sent troops to the river crossing at Varno."),
        ("https://west-daily.example/d1", "West Daily", "2024-05-14", "Border post near Varno attacked, four guards dead",
            "The Black Reed Brigade attacked a border post near Varno on Tuesday and killed four guards, the Karsland army said.\n\n"
            + "The Black Reed Brigade crossed the river at night and set fire to the barracks.\n\n"
            + "The army closed the border crossing at Varno."),
        ("https://west-daily.example/d2", "West Daily", "2024-05-15", "Karsland seals border after attack at Varno",
            "Karsland sealed its border on Wednesday after the attack on the border post near Varno.\n\n"
            + "The Black Reed Brigade killed four guards in the attack, the army said.\n\n"
            + "The army sent troops to the river crossing at Varno."),
        ("https://east-wire.example/flood", "East Wire", "2024-05-14", "Floods cut off Talmora valley villages",
            "Heavy rain flooded the Talmora valley overnight, cutting off six villages and washing away the main road to Oresund.\n\n"
            + "Rescue teams in boats reached the villages of the Talmora valley on Tuesday morning."),
        ("https://west-daily.example/flood", "West Daily", "2024-05-14", "Talmora valley villages stranded by floodwater",
            "Six villages in the Talmora valley were stranded by floodwater after a night of heavy rain, and the road to Oresund was washed away.\n\n"
            + "Rescue boats reached the flooded villages on Tuesday."),
    ];

    private static SitrepEngine Open(TempDir dir) =>
        SitrepEngine.Open(codecs => StoreFactory.Open(dir.File("f.db"), codecs), EngineOptions.Default);

    private static void Analyze(SitrepEngine engine, TempDir dir, string name, IEnumerable<int> which)
    {
        var file = dir.Write(name, string.Concat(which.Select(i => JsonSerializer.Serialize(new Dictionary<string, string>
        {
            ["url"] = Articles[i].Url,
            ["outlet"] = Articles[i].Outlet,
            ["published"] = Articles[i].Published,
            ["title"] = Articles[i].Title,
            ["text"] = Articles[i].Text,
        }) + "\n")));
        using var inputs = engine.OpenInputs([file]);
        engine.Analyze(inputs, cancellation: TestContext.Current.CancellationToken);
    }

    /// <summary>The stored framing of the story holding the article at <paramref name="article"/>, by outlet.</summary>
    private static Dictionary<string, OutletFramingRow> FramingOf(SitrepEngine engine, int article)
    {
        var index = engine.Store.Feature<IStoryIndex>()!;
        var id = engine.Store.Ids().Single(d => engine.Load(d)!.Metadata.Url == Articles[article].Url);
        var story = index.MemberOf(id)!.Story;
        return engine.Store.Feature<IStoryFraming>()!.Framing(story).ToDictionary(r => r.Outlet, StringComparer.Ordinal);
    }

    private static IReadOnlyList<string> WordsFor(OutletFramingRow row, string actor) =>
        [.. row.Actors.Where(a => a.Name == actor).SelectMany(a => a.Words).Select(w => w.Text)];

    [Fact]
    public void An_outlet_calling_the_group_terrorists_and_one_calling_it_resistance_each_keep_their_word_and_a_quoted_word_is_the_speakers()
    {
        using var dir = new TempDir();
        using var engine = Open(dir);
        Analyze(engine, dir, "all.jsonl", Enumerable.Range(0, Articles.Length));

        var framing = FramingOf(engine, 0);
        Assert.Equal(["East Wire", "Northern Post", "Southern Voice", "West Daily"], framing.Keys.Order(StringComparer.Ordinal));
        var group = framing["Northern Post"].Actors.Single(a => a.Name == "Black Reed Brigade");
        Assert.Equal(4, group.Outlets);
        Assert.Contains("terrorists", WordsFor(framing["Northern Post"], "Black Reed Brigade"));
        Assert.DoesNotContain("resistance", WordsFor(framing["Northern Post"], "Black Reed Brigade"));
        Assert.Contains("resistance", WordsFor(framing["Southern Voice"], "Black Reed Brigade"));
        // The minister's "terrorists", inside quotation marks in Southern Voice, is his word, not the outlet's.
        Assert.DoesNotContain("terrorists", WordsFor(framing["Southern Voice"], "Black Reed Brigade"));
        Assert.Empty(WordsFor(framing["East Wire"], "Black Reed Brigade").Intersect(["terrorists", "resistance"]));
        Assert.Empty(WordsFor(framing["West Daily"], "Black Reed Brigade").Intersect(["terrorists", "resistance"]));
        Assert.Equal(2, framing["Southern Voice"].Articles);

        // The evidence of what Northern Post calls the group is its own words.
        var evidence = group.Evidence;
        Assert.Equal("Black Reed Brigade", engine.Load(evidence.Document)!.Text[evidence.Start..evidence.End]);

        // The analysis JSON carries the same framing inside the story.
        using var json = new MemoryStream();
        engine.WriteAnalysisJson(json, [engine.Store.Ids().Single(d => engine.Load(d)!.Metadata.Url == Articles[2].Url)]);
        var story = Assert.Single(JsonDocument.Parse(json.ToArray()).RootElement.GetProperty("stories").EnumerateArray());
        var southern = story.GetProperty("framing").EnumerateArray().Single(r => r.GetProperty("outlet").GetString() == "Southern Voice");
        var words = southern.GetProperty("actors").EnumerateArray().Where(a => a.GetProperty("name").GetString() == "Black Reed Brigade")
            .SelectMany(a => a.GetProperty("words").EnumerateArray()).Select(w => w.GetProperty("text").GetString()).ToList();
        Assert.Contains("resistance", words);
        Assert.DoesNotContain("terrorists", words);

        // The report of the stored story reads the same framing.
        var storyId = engine.Store.Feature<IStoryIndex>()!.MemberOf(evidence.Document)!.Story;
        var report = Assert.Single(new Sitrep.Report.StoryReportBuilder(engine.Store).Build(new Sitrep.Report.StoredStories(engine.Store.Feature<IStoryIndex>()!), StoryIds.Format(storyId)));
        var naming = report.Framing.Actors.Where(a => a.Actor == "Black Reed Brigade").ToDictionary(a => a.Outlet, a => a.Descriptors.Select(d => d.Term).ToList(), StringComparer.Ordinal);
        Assert.Contains("terrorists", naming["Northern Post"]);
        Assert.Contains("resistance", naming["Southern Voice"]);
        Assert.DoesNotContain("terrorists", naming["Southern Voice"]);
    }

    [Fact]
    public void A_new_article_updates_its_own_storys_framing_and_leaves_the_other_story_as_it_was()
    {
        using var dir = new TempDir();
        using var engine = Open(dir);
        Analyze(engine, dir, "first.jsonl", [0, 1, 4, 5, 6, 7, 8, 9]);
        var before = FramingOf(engine, 0);
        var flood = Rows(FramingOf(engine, 8));
        Assert.DoesNotContain("Southern Voice", before.Keys);

        Analyze(engine, dir, "second.jsonl", [2, 3]);

        var after = FramingOf(engine, 0);
        Assert.Contains("resistance", WordsFor(after["Southern Voice"], "Black Reed Brigade"));
        Assert.Equal(flood, Rows(FramingOf(engine, 8)));
    }

    [Fact]
    public void Reanalysing_every_article_leaves_the_same_framing_rows_and_no_duplicate()
    {
        using var dir = new TempDir();
        using var engine = Open(dir);
        Analyze(engine, dir, "all.jsonl", Enumerable.Range(0, Articles.Length));
        var first = Snapshot(dir);
        Assert.Contains(first, r => r.StartsWith("story_framing", StringComparison.Ordinal) && r.Contains("resistance", StringComparison.Ordinal));

        engine.Reanalyze(all: true, cancellation: TestContext.Current.CancellationToken);
        Analyze(engine, dir, "again.jsonl", Enumerable.Range(0, Articles.Length));

        Assert.Equal(first, Snapshot(dir));
        Assert.Equal(engine.Store.Changes.Head, engine.Store.Changes.Position(FramingStage.StageName));
    }

    private static List<string> Rows(Dictionary<string, OutletFramingRow> framing) =>
        [.. framing.Values.Select(r =>
        {
            using var buffer = new MemoryStream();
            using (var json = new Utf8JsonWriter(buffer))
                FramingCodec.WriteRow(json, r);
            return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
        }).Order(StringComparer.Ordinal)];

    /// <summary>Every row of the framing tables, read with a connection of its own.</summary>
    private static List<string> Snapshot(TempDir dir)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = dir.File("f.db"), Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        var rows = new List<string>();
        foreach (var sql in new[]
        {
            "SELECT 'story_framing', story, outlet, articles, news, opinion, analysis, unknown, actors, terms, voices FROM story_framing ORDER BY story, outlet",
            "SELECT 'framing_documents', document, story, tally FROM framing_documents ORDER BY document",
        })
        {
            using var command = connection.CreateCommand();
            command.CommandText = sql;
            using var reader = command.ExecuteReader();
            while (reader.Read())
                rows.Add(string.Join('\t', Enumerable.Range(0, reader.FieldCount).Select(i => Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture))));
        }
        return rows;
    }
}

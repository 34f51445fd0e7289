using System.Text.Json;
using Sitrep.Engine;
using Sitrep.Storage;
using Sitrep.Stories;
using Sitrep.Tests.TestSupport;

namespace Sitrep.Tests.Stories;

/// <summary>Stories across stored articles: grouped as they are stored, in the store, in the analysis JSON, kept up to date when articles go.</summary>
public sealed class StoriesTests
{
    // Made-up places and people: two situations on the same days, and a third article months later
    // in the same words as the first situation.
    private static readonly (string Url, string Outlet, string Published, string Title, string Text)[] Articles =
    [
        ("https://courier.example/tolls", "Dravik Courier", "2024-06-04", "Korveth imposes new tolls on the Selva bridge",
            "Korveth imposed new tolls on the Selva bridge on Tuesday, angering neighbouring Dravik, whose lorries cross it every day.\n\n"
            + "\"We will not pay a single coin for this bridge, and the treaty still stands,\" Foreign Minister Lukas Brenner said on Tuesday.\n\n"
            + "Dravik's hauliers say the tolls on the Selva bridge double the cost of every crossing."),
        ("https://herald.example/bridge", "Korveth Herald", "2024-06-04", "Dravik refuses to pay Selva bridge tolls",
            "Dravik refused on Tuesday to pay the tolls Korveth now charges on the Selva bridge, the only crossing between the two countries.\n\n"
            + "\"We will not pay a single coin for this bridge,\" Dravik Foreign Minister Lukas Brenner said.\n\n"
            + "Korveth says the toll money will repair the old bridge."),
        ("https://wire.example/selva", "Selva Wire", "2024-06-05", "Selva bridge toll row deepens as lorries queue",
            "Lorries queued for hours at the Selva bridge on Wednesday as the row between Korveth and Dravik over the new tolls deepened.\n\n"
            + "\"The fishing season opens next month with new quotas for every harbour,\" Lukas Brenner told reporters on Wednesday.\n\n"
            + "Hauliers from Dravik said the bridge tolls would ruin them."),
        ("https://courier.example/flood", "Dravik Courier", "2024-06-05", "Floods cut off Talmora valley villages",
            "Heavy rain flooded the Talmora valley overnight, cutting off six villages and washing away the main road to Oresund.\n\n"
            + "Rescue teams in boats reached the villages of the Talmora valley on Wednesday morning.\n\n"
            + "Forecasters expect more rain over the valley this week."),
        ("https://herald.example/talmora", "Korveth Herald", "2024-06-05", "Talmora valley villages stranded by floodwater",
            "Six villages in the Talmora valley were stranded by floodwater after a night of heavy rain, and the road to Oresund was washed away.\n\n"
            + "Rescue boats reached the flooded villages on Wednesday.\n\n"
            + "More rain is forecast for the Talmora valley."),
        ("https://wire.example/tolls-again", "Selva Wire", "2024-09-20", "Korveth imposes new tolls on the Selva bridge",
            "Korveth imposed new tolls on the Selva bridge on Friday, angering neighbouring Dravik, whose lorries cross it every day.\n\n"
            + "Dravik's hauliers say the tolls on the Selva bridge double the cost of every crossing."),
    ];

    private static string Jsonl(IEnumerable<int> which) => string.Concat(which.Select(i => JsonSerializer.Serialize(new Dictionary<string, string>
    {
        ["url"] = Articles[i].Url,
        ["outlet"] = Articles[i].Outlet,
        ["published"] = Articles[i].Published,
        ["title"] = Articles[i].Title,
        ["text"] = Articles[i].Text,
    }) + "\n"));

    private static SitrepEngine Open(TempDir dir, string name = "s.db") =>
        SitrepEngine.Open(codecs => StoreFactory.Open(dir.File(name), codecs), EngineOptions.Default);

    /// <summary>Analyses the articles in batches (one call each), returns the stories as sets of URLs.</summary>
    private static List<HashSet<string>> Stories(SitrepEngine engine, TempDir dir, IEnumerable<int[]> batches)
    {
        int n = 0;
        foreach (var batch in batches)
        {
            var file = dir.Write($"in{n++}.jsonl", Jsonl(batch));
            using var inputs = engine.OpenInputs([file]);
            engine.Analyze(inputs, cancellation: TestContext.Current.CancellationToken);
        }
        return StoriesOf(engine);
    }

    private static List<HashSet<string>> StoriesOf(SitrepEngine engine)
    {
        var index = engine.Store.Feature<IStoryIndex>()!;
        return [.. index.List().Select(s => index.Documents(s.Id).Select(id => engine.Load(id)!.Metadata.Url!).ToHashSet(StringComparer.Ordinal))];
    }

    private static HashSet<string> Urls(params int[] which) => which.Select(i => Articles[i].Url).ToHashSet(StringComparer.Ordinal);

    [Fact]
    public void Reports_of_one_situation_by_several_outlets_are_one_story_and_another_situation_is_another()
    {
        using var dir = new TempDir();
        using var engine = Open(dir);
        var stories = Stories(engine, dir, [[0, 1, 2, 3, 4, 5]]);

        Assert.Contains(stories, s => s.SetEquals(Urls(0, 1, 2)));
        Assert.Contains(stories, s => s.SetEquals(Urls(3, 4)));
        // The same words months later: not the same developing situation.
        Assert.Contains(stories, s => s.SetEquals(Urls(5)));
        Assert.Equal(3, stories.Count);
    }

    [Fact]
    public void A_storys_term_counts_for_its_closed_class_are_its_members_terms_counted_and_no_other_terms()
    {
        // Framing learns a story's closed class from these counts (read from the store in place); they must be
        // what counting each member's stored terms gives, with no term of another story.
        using var dir = new TempDir();
        using var engine = Open(dir);
        Stories(engine, dir, [[0, 1, 2, 3, 4, 5]]);
        var index = engine.Store.Feature<IStoryIndex>()!;
        var stories = index.List();
        Assert.NotEmpty(stories);
        foreach (var story in stories)
        {
            var expected = new Dictionary<string, int>(StringComparer.Ordinal);
            var members = index.Terms(story.Id);
            foreach (var term in members.SelectMany(t => t))
                expected[term] = expected.GetValueOrDefault(term) + 1;
            var counts = new Dictionary<string, int>(StringComparer.Ordinal);
            Assert.Equal(members.Count, index.CountTerms(story.Id, counts));
            Assert.Equal(expected.OrderBy(p => p.Key, StringComparer.Ordinal), counts.OrderBy(p => p.Key, StringComparer.Ordinal));
            Assert.DoesNotContain("", counts.Keys);
        }
    }

    [Fact]
    public void Counting_listed_terms_counts_each_as_all_terms_would_and_adds_no_other()
    {
        // Framing's closed class asks only about the words beside names: counted alone, they must count as all terms do.
        using var dir = new TempDir();
        using var engine = Open(dir);
        Stories(engine, dir, [[0, 1, 2, 3, 4, 5]]);
        var index = engine.Store.Feature<IStoryIndex>()!;
        foreach (var story in index.List())
        {
            var all = new Dictionary<string, int>(StringComparer.Ordinal);
            int members = index.CountTerms(story.Id, all);
            var listed = new Dictionary<string, int>(StringComparer.Ordinal) { ["bridge"] = 0, ["valley"] = 0, ["nowhereword"] = 0 };
            Assert.Equal(members, index.CountListedTerms(story.Id, listed));
            Assert.Equal(["bridge", "nowhereword", "valley"], listed.Keys.Order(StringComparer.Ordinal));
            foreach (var (term, n) in listed)
                Assert.Equal(all.GetValueOrDefault(term), n);
            Assert.Equal(0, listed["nowhereword"]);
        }
        // The toll story counts its bridge, the flood story its valley.
        Assert.Contains(index.List(), s => Count(s.Id, "bridge") == 3 && Count(s.Id, "valley") == 0);
        Assert.Contains(index.List(), s => Count(s.Id, "valley") == 2 && Count(s.Id, "bridge") == 0);

        int Count(long story, string term)
        {
            var counts = new Dictionary<string, int>(StringComparer.Ordinal) { [term] = 0 };
            index.CountListedTerms(story, counts);
            return counts[term];
        }
    }

    [Fact]
    public void Stories_and_framing_worked_out_ahead_of_storing_are_what_storing_alone_works_out()
    {
        // The analysing threads count an article's terms and the words beside its names ahead (Prepare); the stored
        // stories, members, frequencies, tallies and framing must be the same to the last character as without.
        using var dir = new TempDir();
        using (var engine = Open(dir, "source.db"))
            Stories(engine, dir, [[0, 1, 2, 3, 4, 5]]);
        var pipeline = Features.Default;
        List<Sitrep.Documents.Document> documents;
        using (var source = StoreFactory.Open(dir.File("source.db"), pipeline.Codecs))
            documents = [.. source.LoadAll()];

        var (ahead, groupedAhead, framedAhead) = Rows(prepared: true, "ahead.db");
        var (alone, groupedAlone, framedAlone) = Rows(prepared: false, "alone.db");
        Assert.Equal(alone, ahead);
        Assert.Contains("bridge", ahead, StringComparison.Ordinal);
        Assert.Contains("Korveth Herald", ahead, StringComparison.Ordinal);
        // The work made ahead was what storing used, for every article: not made again on the storing thread.
        Assert.Equal(documents.Count, groupedAhead);
        Assert.Equal(documents.Count, framedAhead);
        Assert.Equal(0, groupedAlone);
        Assert.Equal(0, framedAlone);

        (string Rows, int Grouped, int Framed) Rows(bool prepared, string name)
        {
            using var store = StoreFactory.Open(dir.File(name), pipeline.Codecs);
            var stages = pipeline.CrossDocument.Select(c => c.Create(store)).ToList();
            // Fresh copies: what one store was handed must not be what the other finds.
            var batch = documents.Select(d => d with { Text = new string(d.Text.AsSpan()) }).ToList();
            foreach (var document in batch)
            {
                store.Prepare(document);
                if (prepared)
                {
                    foreach (var stage in stages)
                        stage.Prepare(document);
                }
            }
            store.InOneTransaction(() =>
            {
                store.SaveBatch(batch);
                foreach (var stage in stages)
                    Assert.Empty(stage.Update(store.Changes.Cursor(stage.Name, stage.DependsOn), TestContext.Current.CancellationToken));
            });
            var index = store.Feature<IStoryIndex>()!;
            var framing = store.Feature<IStoryFraming>()!;
            var rows = new List<object>();
            foreach (var story in index.List().OrderBy(s => s.Id))
            {
                var state = index.Story(story.Id)!;
                rows.Add(new { story, centroid = StoryVectors.Write(state.Centroid), framing = framing.Framing(story.Id).Select(FramingRowJson) });
                foreach (var id in index.Documents(story.Id))
                {
                    var member = index.MemberOf(id)!;
                    rows.Add(new { member.Document, member.Story, member.Published, vector = StoryVectors.Write(member.Vector), member.Terms });
                    rows.Add(FramingCodec.WriteTally(framing.Tallies([id]).Single()));
                }
            }
            rows.Add(index.Frequencies([.. batch.SelectMany(d => StoryFraming.Terms(d))]).OrderBy(p => p.Key, StringComparer.Ordinal));
            return (JsonSerializer.Serialize(rows), stages.OfType<StoryGrouper>().Single().PreparedTaken, stages.OfType<FramingStage>().Single().PreparedTaken);
        }
    }

    private static string FramingRowJson(OutletFramingRow row)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
            FramingCodec.WriteRow(json, row);
        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    [Fact]
    public void Articles_analysed_one_batch_at_a_time_give_the_same_stories_as_all_at_once()
    {
        using var dir = new TempDir();
        using var once = Open(dir, "once.db");
        using var batched = Open(dir, "batched.db");
        var all = Stories(once, dir, [[0, 1, 2, 3, 4, 5]]);
        var oneByOne = Stories(batched, dir, Enumerable.Range(0, Articles.Length).Select(i => new[] { i }));

        Assert.Equal(all.Count, oneByOne.Count);
        foreach (var story in all)
            Assert.Contains(oneByOne, s => s.SetEquals(story));
    }

    [Fact]
    public void An_undated_article_like_only_one_article_of_a_story_does_not_join_it()
    {
        // Undated reports of one recurring subject: the ruling, a report of the ruling and the hauliers'
        // vow, then the blockade, which shares its words with the second report and none with the first.
        // Likeness to the closest article alone chained the blockade in; it must be like every recent one.
        string[][] articles =
        [
            ["https://courier.example/ruling", "Korveth high court upholds Selva bridge toll law",
                "The Korveth high court upheld the Selva bridge toll law on Monday, rejecting an appeal brought by Dravik.\n\n"
                + "The judges ruled that the toll law did not breach the treaty of Oresund, which governs the border.\n\n"
                + "Dravik's lawyers said they would study the judgment."],
            ["https://herald.example/ruling", "Hauliers vow blockade after court upholds Selva bridge tolls",
                "Korveth's high court upheld the Selva bridge toll law, rejecting the appeal brought by Dravik.\n\n"
                + "Hauliers vowed a blockade with their lorries.\n\n"
                + "\"We will park our lorries across every road,\" said Marek Holt, who leads the hauliers' union."],
            ["https://wire.example/blockade", "Hauliers' lorries park across roads in blockade",
                "Hundreds of hauliers parked their lorries across the roads in a blockade, and queues stretched for miles.\n\n"
                + "\"We will park our lorries across every road,\" said Marek Holt, who leads the hauliers' union.\n\n"
                + "Police diverted traffic."],
        ];
        using var dir = new TempDir();
        using var engine = Open(dir);
        var file = dir.Write("undated.jsonl", string.Concat(articles.Select(a => JsonSerializer.Serialize(new Dictionary<string, string>
        {
            ["url"] = a[0],
            ["title"] = a[1],
            ["text"] = a[2],
        }) + "\n")));
        using (var inputs = engine.OpenInputs([file]))
            engine.Analyze(inputs, cancellation: TestContext.Current.CancellationToken);
        var stories = StoriesOf(engine);

        Assert.Contains(stories, s => s.SetEquals([articles[0][0], articles[1][0]]));
        Assert.Contains(stories, s => s.SetEquals([articles[2][0]]));
        Assert.Equal(2, stories.Count);
    }

    [Fact]
    public void Undated_reports_of_a_recurring_vote_that_name_different_days_of_the_week_are_different_stories()
    {
        // Three undated reports: two of one vote, told on Tuesday in different words, and one of a blockade
        // after the next vote on the same tolls, on Friday. Their words alone make them one story (checked
        // below); without a date only the day of the week tells the second vote from the first.
        string[][] articles =
        [
            ["https://courier.example/vote1", "Korveth parliament extends Selva bridge toll law",
                "The Korveth parliament voted on Tuesday to extend the Selva bridge toll law for another year, over the objections of Dravik.\n\n"
                + "Dravik's hauliers said the tolls would ruin them."],
            ["https://herald.example/vote1", "Lawmakers keep Selva bridge tolls for another year",
                "Korveth lawmakers on Tuesday kept the Selva bridge toll law for another year, and Dravik protested.\n\n"
                + "The hauliers of Dravik said the tolls would ruin them."],
            ["https://wire.example/vote2", "Fishermen block Oresund harbour over tolls",
                "Fishermen from Dravik blocked the harbour of Oresund on Friday after the Korveth parliament voted to raise the Selva bridge tolls again.\n\n"
                + "The harbour master said ferries would wait at sea."],
        ];
        using var dir = new TempDir();
        var file = dir.Write("undated.jsonl", string.Concat(articles.Select(a => JsonSerializer.Serialize(new Dictionary<string, string>
        {
            ["url"] = a[0],
            ["title"] = a[1],
            ["text"] = a[2],
        }) + "\n")));
        List<HashSet<string>> Grouped(string store, StoryOptions options) => GroupedWith(options, dir.File(store), file);

        var stories = Grouped("days.db", StoryOptions.Default);
        Assert.Contains(stories, s => s.SetEquals([articles[0][0], articles[1][0]]));
        Assert.Contains(stories, s => s.SetEquals([articles[2][0]]));
        Assert.Equal(2, stories.Count);
        // Their words alone make them one story.
        Assert.Single(Grouped("words.db", StoryOptions.Default with { WeekdayCheck = false }));
    }

    /// <summary>The stories of <paramref name="file"/> analysed into a fresh store with the stories stage's <paramref name="options"/>.</summary>
    private static List<HashSet<string>> GroupedWith(StoryOptions options, string store, string file)
    {
        var features = Features.All.Select(f => f is StoriesFeature ? new StoriesFeature(options) : f).ToList();
        using var engine = SitrepEngine.Open(codecs => StoreFactory.Open(store, codecs), EngineOptions.Default with { Features = features });
        using (var inputs = engine.OpenInputs([file]))
            engine.Analyze(inputs, cancellation: TestContext.Current.CancellationToken);
        return StoriesOf(engine);
    }

    [Fact]
    public void An_article_that_came_before_the_one_bridging_it_to_a_story_ends_up_in_that_story()
    {
        // Three reports of one flood on one day: the villages cut off, then the farmers' losses (too few
        // words in common with the first to join it: it opens a story of its own), then one that tells both.
        // The third joins the first; the second, alike to the story as it is now, is looked at again and
        // joins too. A report of another situation that day stays apart.
        string[][] articles =
        [
            ["https://courier.example/flood", "Floods cut off Talmora valley villages",
                "Heavy rain flooded the Talmora valley overnight, cutting off six villages and washing away the main road to Oresund.\n\n"
                + "Rescue teams in boats reached the villages on Wednesday morning.\n\n"
                + "Forecasters expect more rain this week."],
            ["https://herald.example/harvest", "Farmers count losses as floodwater ruins the harvest",
                "Farmers in the flooded Talmora valley said the floodwater had ruined the wheat harvest and drowned hundreds of sheep.\n\n"
                + "The farmers' union asked the government for compensation on Wednesday.\n\n"
                + "Insurers said claims would take months."],
            ["https://wire.example/valley", "Cut-off villages and ruined harvest in flooded valley",
                "Six villages of the Talmora valley remained cut off on Wednesday after floods washed away the road to Oresund, and rescue boats brought food.\n\n"
                + "Farmers said the floodwater had ruined the wheat harvest and drowned their sheep, and their union asked for compensation."],
            [Articles[0].Url, Articles[0].Title, Articles[0].Text],
        ];
        using var dir = new TempDir();
        var file = dir.Write("flood.jsonl", string.Concat(articles.Select(a => JsonSerializer.Serialize(new Dictionary<string, string>
        {
            ["url"] = a[0],
            ["published"] = "2024-06-05",
            ["title"] = a[1],
            ["text"] = a[2],
        }) + "\n")));
        List<HashSet<string>> Grouped(string store, StoryOptions options) => GroupedWith(options, dir.File(store), file);

        var stories = Grouped("rejoin.db", StoryOptions.Default);
        Assert.Contains(stories, s => s.SetEquals([articles[0][0], articles[1][0], articles[2][0]]));
        Assert.Contains(stories, s => s.SetEquals([articles[3][0]]));
        Assert.Equal(2, stories.Count);
        // Without the second look (and without the merge of dated stories that meet, which brings it in too) the
        // farmers' report stays alone.
        Assert.Contains(Grouped("once.db", StoryOptions.Default with { Rejoin = false, MeetThreshold = 0 }), s => s.SetEquals([articles[1][0]]));
    }

    [Fact]
    public void Two_stories_of_one_day_that_grow_alike_merge_and_undated_ones_do_not()
    {
        // Four reports of one plant fire on one day, told two ways: the fire and the evacuation, the smoke and
        // the closed schools. The first two share too few words to be one story; each way gets a second report,
        // and the fourth is more like the smoke story than like the fire story. Then the two stories, of the
        // same day, have grown alike and are one. A report of another situation that day stays apart; undated,
        // the same reports stay in two stories (undated stories that meet are mostly one recurring subject's).
        string[][] articles =
        [
            ["https://courier.example/fire", "Fire at chemical plant forces evacuation of nearby homes",
                "A fire broke out at the Kestrel chemical plant near Brenmoor, and firefighters ordered the evacuation of hundreds of nearby homes as black smoke rose over the town. "
                + "Flames rose from a storage tank as crews fought the blaze."],
            ["https://herald.example/smoke", "Smoke cloud closes schools and roads",
                "A thick cloud of black smoke from the fire drifted over Brenmoor, and health officials closed schools and several roads, telling residents to keep windows shut and stay indoors."],
            ["https://wire.example/blaze", "Firefighters battle blaze as smoke spreads",
                "Firefighters battled the blaze at the chemical plant through the day after a storage tank exploded, and health officials said the smoke over Brenmoor was spreading toward schools."],
            ["https://post.example/indoors", "Residents stay indoors as plant burns",
                "Residents of Brenmoor stayed indoors with windows shut while the chemical plant burned, and schools were closed as firefighters fought the flames from the storage tank."],
            ["https://gazette.example/library", "Council approves budget for new library",
                "The town council of Ardley approved its budget for a new library after a long debate, with councillors agreeing to raise parking fees to pay for it."],
        ];
        using var dir = new TempDir();
        string Line(string[] a, bool dated)
        {
            var line = new Dictionary<string, string> { ["url"] = a[0], ["title"] = a[1], ["text"] = a[2] };
            if (dated)
                line["published"] = "2024-06-05";
            return JsonSerializer.Serialize(line) + "\n";
        }
        var dated = dir.Write("dated.jsonl", string.Concat(articles.Select(a => Line(a, true))));
        var fire = articles[..4].Select(a => a[0]).ToHashSet(StringComparer.Ordinal);

        var stories = GroupedWith(StoryOptions.Default, dir.File("meet.db"), dated);
        Assert.Contains(stories, s => s.SetEquals(fire));
        Assert.Contains(stories, s => s.SetEquals([articles[4][0]]));
        Assert.Equal(2, stories.Count);
        // Not by the join alone: without the merge they stay two stories.
        Assert.Equal(3, GroupedWith(StoryOptions.Default with { MeetThreshold = 0 }, dir.File("apart.db"), dated).Count);
        // Undated, they are not merged.
        var undated = GroupedWith(StoryOptions.Default, dir.File("undated.db"), dir.Write("undated.jsonl", string.Concat(articles.Select(a => Line(a, false)))));
        Assert.DoesNotContain(undated, s => s.IsSupersetOf(fire));

        // One article at a time, each in its own call, gives the same stories.
        var features = Features.All.Select(f => f is StoriesFeature ? new StoriesFeature(StoryOptions.Default) : f).ToList();
        using var engine = SitrepEngine.Open(codecs => StoreFactory.Open(dir.File("batched.db"), codecs), EngineOptions.Default with { Features = features });
        for (int i = 0; i < articles.Length; i++)
        {
            using var inputs = engine.OpenInputs([dir.Write($"one{i}.jsonl", Line(articles[i], true))]);
            engine.Analyze(inputs, cancellation: TestContext.Current.CancellationToken);
        }
        var batched = StoriesOf(engine);
        Assert.Equal(stories.Count, batched.Count);
        foreach (var story in stories)
            Assert.Contains(batched, s => s.SetEquals(story));
    }

    [Fact]
    public void A_story_held_together_by_an_article_that_is_deleted_splits_as_if_it_had_never_come()
    {
        // The flood's villages and the farmers' losses share too few words to be one story on their own; the
        // third report tells both and brings them together. Deleting it leaves the two apart again, each a
        // story with its own framing, as a store that never had it groups them; the report of another
        // situation is not touched.
        string[][] articles =
        [
            ["https://courier.example/flood", "Dravik Courier", "Floods cut off Talmora valley villages",
                "Heavy rain flooded the Talmora valley overnight, cutting off six villages and washing away the main road to Oresund.\n\n"
                + "Rescue teams in boats reached the villages on Wednesday morning.\n\n"
                + "Forecasters expect more rain this week."],
            ["https://herald.example/harvest", "Korveth Herald", "Farmers count losses as floodwater ruins the harvest",
                "Farmers in the flooded Talmora valley said the floodwater had ruined the wheat harvest and drowned hundreds of sheep.\n\n"
                + "The farmers' union asked the government for compensation on Wednesday.\n\n"
                + "Insurers said claims would take months."],
            ["https://wire.example/valley", "Selva Wire", "Cut-off villages and ruined harvest in flooded valley",
                "Six villages of the Talmora valley remained cut off on Wednesday after floods washed away the road to Oresund, and rescue boats brought food.\n\n"
                + "Farmers said the floodwater had ruined the wheat harvest and drowned their sheep, and their union asked for compensation."],
            [Articles[0].Url, Articles[0].Outlet, Articles[0].Title, Articles[0].Text],
        ];
        using var dir = new TempDir();
        string File(string name, params int[] which) => dir.Write(name, string.Concat(which.Select(i => JsonSerializer.Serialize(new Dictionary<string, string>
        {
            ["url"] = articles[i][0],
            ["outlet"] = articles[i][1],
            ["published"] = "2024-06-05",
            ["title"] = articles[i][2],
            ["text"] = articles[i][3],
        }) + "\n")));
        var never = GroupedWith(StoryOptions.Default, dir.File("never.db"), File("never.jsonl", 0, 1, 3));
        Assert.Equal(3, never.Count);

        using var engine = Open(dir);
        using (var inputs = engine.OpenInputs([File("all.jsonl", 0, 1, 2, 3)]))
            engine.Analyze(inputs, cancellation: TestContext.Current.CancellationToken);
        Assert.Contains(StoriesOf(engine), s => s.SetEquals([articles[0][0], articles[1][0], articles[2][0]]));
        var (deleted, failures) = engine.Delete(engine.Store.Ids().Single(id => engine.Load(id)!.Metadata.Url == articles[2][0]));

        Assert.True(deleted);
        Assert.Empty(failures);
        var stories = StoriesOf(engine);
        Assert.Equal(never.Count, stories.Count);
        foreach (var story in never)
            Assert.Contains(stories, s => s.SetEquals(story));
        // Each part has the framing of its own articles: one outlet each.
        var index = engine.Store.Feature<IStoryIndex>()!;
        var framing = engine.Store.Feature<IStoryFraming>()!;
        foreach (var url in new[] { articles[0][0], articles[1][0] })
        {
            var story = index.MemberOf(engine.Store.Ids().Single(id => engine.Load(id)!.Metadata.Url == url))!.Story;
            var outlet = Assert.Single(framing.Framing(story));
            Assert.Equal(articles[Array.FindIndex(articles, a => a[0] == url)][1], outlet.Outlet);
        }
    }

    [Fact]
    public void Two_engines_taking_turns_on_one_store_give_the_stories_one_engine_gives()
    {
        // Grouping keeps what it read of the stories from one batch to the next; what another engine
        // wrote in between must be read afresh, not taken from that memory.
        using var dir = new TempDir();
        using var one = Open(dir, "one.db");
        var expected = Stories(one, dir, [[0, 3], [1, 4], [2, 5]]);
        using var first = Open(dir, "shared.db");
        using var second = Open(dir, "shared.db");
        Stories(first, dir, [[0, 3]]);
        Stories(second, dir, [[1, 4]]);
        var got = Stories(first, dir, [[2, 5]]);

        Assert.Equal(expected.Count, got.Count);
        foreach (var story in expected)
            Assert.Contains(got, s => s.SetEquals(story));
        Assert.Contains(got, s => s.SetEquals(Urls(0, 1, 2)));
    }

    [Fact]
    public void The_analysis_json_lists_every_story_of_a_document_named_with_all_its_documents()
    {
        using var dir = new TempDir();
        using var engine = Open(dir);
        Stories(engine, dir, [[0, 1, 2, 3, 4, 5]]);
        var first = engine.Store.Ids().Single(id => engine.Load(id)!.Metadata.Url == Articles[0].Url);

        using var json = new MemoryStream();
        engine.WriteAnalysisJson(json, [first]);
        var stories = JsonDocument.Parse(json.ToArray()).RootElement.GetProperty("stories").EnumerateArray().ToList();

        var story = Assert.Single(stories);
        Assert.StartsWith("S", story.GetProperty("id").GetString(), StringComparison.Ordinal);
        var documents = story.GetProperty("documents").EnumerateArray().Select(d => engine.Load(d.GetString()!)!.Metadata.Url).ToHashSet(StringComparer.Ordinal);
        Assert.True(documents.SetEquals(Urls(0, 1, 2)));
        Assert.Equal(JsonValueKind.Array, story.GetProperty("events").ValueKind);
    }

    [Fact]
    public void The_same_statement_in_two_outlets_is_one_statement_and_the_speakers_other_words_stay_apart()
    {
        using var dir = new TempDir();
        using var engine = Open(dir);
        Stories(engine, dir, [[0, 1, 2, 3, 4, 5]]);
        var idOf = engine.Store.Ids().ToDictionary(id => engine.Load(id)!.Metadata.Url!, id => id, StringComparer.Ordinal);

        using var json = new MemoryStream();
        engine.WriteAnalysisJson(json, [idOf[Articles[0].Url]]);
        var root = JsonDocument.Parse(json.ToArray()).RootElement;
        var story = Assert.Single(root.GetProperty("stories").EnumerateArray());
        var statement = Assert.Single(story.GetProperty("statements").EnumerateArray());
        var quotes = statement.GetProperty("quotes").EnumerateArray().ToList();

        var documents = quotes.Select(q => q.GetProperty("document").GetString()).ToHashSet(StringComparer.Ordinal);
        Assert.True(documents.SetEquals([idOf[Articles[0].Url], idOf[Articles[1].Url]]));
        Assert.All(quotes, q => Assert.Contains("single coin", q.GetProperty("text").GetString(), StringComparison.Ordinal));
        // Brenner on the fishing season, the next day in the third outlet, is another statement.
        Assert.DoesNotContain(quotes, q => q.GetProperty("text").GetString()!.Contains("fishing", StringComparison.Ordinal));
    }

    [Fact]
    public void One_attack_reported_by_two_outlets_is_one_story_event_listing_both_reports_with_their_own_words()
    {
        using var dir = new TempDir();
        using var engine = Open(dir);
        var file = dir.Write("attack.jsonl", string.Concat(new[]
        {
            ("https://courier.example/kharkiv", "2024-06-04", "Russian troops shelled Kharkiv on Monday, killing two people and cutting power to the northern districts of the city. Officials in Kharkiv said repairs would take a week."),
            ("https://herald.example/kharkiv", "2024-06-05", "On Monday, Russian troops shelled Kharkiv, killing two people; power in the northern districts of the city is still cut. Repairs will take a week, officials in Kharkiv said."),
        }.Select(a => JsonSerializer.Serialize(new Dictionary<string, string> { ["url"] = a.Item1, ["published"] = a.Item2, ["title"] = "Shelling of Kharkiv", ["text"] = a.Item3 }) + "\n")));
        using (var inputs = engine.OpenInputs([file]))
            engine.Analyze(inputs, cancellation: TestContext.Current.CancellationToken);
        var ids = engine.Store.Ids().ToList();

        using var json = new MemoryStream();
        engine.WriteAnalysisJson(json, ids);
        var root = JsonDocument.Parse(json.ToArray()).RootElement;
        var texts = root.GetProperty("documents").EnumerateArray().ToDictionary(d => d.GetProperty("id").GetString()!, d => d.GetProperty("text").GetString()!, StringComparer.Ordinal);
        var story = Assert.Single(root.GetProperty("stories").EnumerateArray());
        var shelling = story.GetProperty("events").EnumerateArray()
            .Where(e => e.GetProperty("reports").EnumerateArray().Any(r => r.GetProperty("cue").GetProperty("text").GetString() == "shelled"))
            .ToList();

        // One event, both articles, dated by the words "Monday" in each, and no second "shelled" event.
        var e = Assert.Single(shelling);
        Assert.Equal("ASSAULT", e.GetProperty("type").GetString());
        Assert.Equal("2024-06-03", e.GetProperty("date").GetString());
        Assert.False(e.GetProperty("dates_disagree").GetBoolean());
        var reports = e.GetProperty("reports").EnumerateArray().Where(r => r.GetProperty("cue").GetProperty("text").GetString() == "shelled").ToList();
        Assert.True(reports.Select(r => r.GetProperty("document").GetString()).ToHashSet(StringComparer.Ordinal).SetEquals(ids));
        foreach (var r in reports)
        {
            var text = texts[r.GetProperty("document").GetString()!];
            var words = r.GetProperty("date_words");
            Assert.Equal("Monday", words.GetProperty("text").GetString());
            Assert.Equal("Monday", text[words.GetProperty("start").GetInt32()..words.GetProperty("end").GetInt32()]);
            var cue = r.GetProperty("cue");
            Assert.Equal("shelled", text[cue.GetProperty("start").GetInt32()..cue.GetProperty("end").GetInt32()]);
        }
    }

    [Fact]
    public void A_deleted_article_leaves_its_story_and_the_others_stay()
    {
        using var dir = new TempDir();
        using var engine = Open(dir);
        Stories(engine, dir, [[0, 1, 2, 3, 4, 5]]);
        var gone = engine.Store.Ids().Single(id => engine.Load(id)!.Metadata.Url == Articles[1].Url);

        var (deleted, failures) = engine.Delete(gone);

        Assert.True(deleted);
        Assert.Empty(failures);
        var stories = StoriesOf(engine);
        Assert.Contains(stories, s => s.SetEquals(Urls(0, 2)));
        Assert.DoesNotContain(stories, s => s.Contains(Articles[1].Url));
    }

    [Fact]
    public void A_merged_story_keeps_the_older_id_and_the_other_id_finds_it()
    {
        using var dir = new TempDir();
        using var store = SqliteDocumentStore.Open(dir.File("s.db"));
        var index = store.Feature<IStoryIndex>()!;
        var vector = new Dictionary<string, double>(StringComparer.Ordinal) { ["bridge"] = 1 };
        long a = index.Create("a"), b = index.Create("b");
        index.AddMember(new StoryMember("d1", a, "2024-06-04", vector, ["bridge"]));
        index.AddMember(new StoryMember("d2", b, "2024-06-05", vector, ["bridge"]));
        index.AddPostings(b, ["bridge"]);
        index.Save(new StoryState { Id = a, Size = 1, First = "2024-06-04", Last = "2024-06-04" });
        index.Save(new StoryState { Id = b, Size = 1, First = "2024-06-05", Last = "2024-06-05" });

        index.Merge(a, b);

        Assert.Equal(a, index.Story(b)!.Id);
        Assert.Equal(["d1", "d2"], index.Documents(a));
        Assert.Equal(a, index.MemberOf("d2")!.Story);
        // The term filed under the absorbed story finds the one that absorbed it, with that one's days (not the absorbed one's).
        var candidate = Assert.Single(index.Candidates("bridge", 10));
        Assert.Equal(new StoryCandidate(a, 1, "2024-06-04", "2024-06-04"), candidate);
        Assert.DoesNotContain(index.List(), s => s.Id == b);
    }
}

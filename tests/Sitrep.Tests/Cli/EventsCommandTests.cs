using System.Text.Json;
using Sitrep.Tests.TestSupport;

namespace Sitrep.Tests.Cli;

/// <summary>A small store of made-up conflict news for <c>sitrep events</c>, the events CSV table and the document page.</summary>
public sealed class EventStoreFixture : IDisposable
{
    public const string Raid = "Police arrested three men in Verona on Monday. The mayor said the city would hold a vigil. Rebels threatened to attack the airport.";
    public const string Border = "Soldiers shelled the village of Harn on 2 March 2025. The army did not attack the town of Ostrel.";

    private readonly TempDir _dir = new();

    public EventStoreFixture()
    {
        var lines = new[]
        {
            Record("https://ledger.example/raid", "Arrests in Verona", "2025-03-05", Raid),
            Record("https://ledger.example/border", "Shelling at the border", "2025-03-04", Border),
        };
        Db = _dir.File("events.db");
        var (code, output) = CliRunner.Run("analyze", _dir.Write("news.jsonl", string.Join("\n", lines) + "\n"), "--db", Db, "--json", _dir.File("a.json"), "--quiet");
        Assert.True(code == 0, output);
        Json = File.ReadAllText(_dir.File("a.json"));
        using var json = JsonDocument.Parse(Json);
        foreach (var d in json.RootElement.GetProperty("documents").EnumerateArray())
            Ids[d.GetProperty("title").GetString()!] = d.GetProperty("id").GetString()!;
    }

    public string Db { get; }

    public string Json { get; }

    public Dictionary<string, string> Ids { get; } = new(StringComparer.Ordinal);

    public string Folder(string name) => _dir.File(name);

    public void Dispose() => _dir.Dispose();

    private static string Record(string url, string title, string date, string text) =>
        JsonSerializer.Serialize(new Dictionary<string, string> { ["url"] = url, ["title"] = title, ["outlet"] = "Harbor Ledger", ["published"] = date, ["text"] = text });
}

/// <summary><c>sitrep events</c>: stored events in date order, filtered by type, status and actor; the JSON and CSV forms.</summary>
public sealed class EventsCommandTests(EventStoreFixture store) : IClassFixture<EventStoreFixture>
{
    [Fact]
    public void The_first_events_of_a_listing_are_those_of_the_whole_listing_and_the_total_counts_them_all()
    {
        using var engine = Sitrep.Engine.SitrepEngine.Open(codecs => Sitrep.Storage.StoreFactory.Open(store.Db, codecs), Sitrep.Engine.EngineOptions.Default);
        var query = new Sitrep.Events.EventQuery();
        var all = Sitrep.Events.StoredEvents.Find(engine.Store, query);
        Assert.True(all.Count >= 3, $"{all.Count} events");

        for (int limit = 1; limit <= all.Count + 1; limit++)
        {
            var first = Sitrep.Events.StoredEvents.Find(engine.Store, query, limit);
            Assert.Equal(all.Count, first.Total);
            Assert.Equal(all.Take(limit).Select(e => (e.Document, e.Id)), first.Events.Select(e => (e.Document, e.Id)));
        }

        var (code, output) = CliRunner.Run("events", "--db", store.Db, "--top", "1");
        Assert.Equal(0, code);
        Assert.Contains($"1 event of {all.Count} shown (--top N lists more)", output, StringComparison.Ordinal);
        // The earliest: the shelling of 2 March.
        Assert.Contains("shelled", output, StringComparison.Ordinal);
        Assert.DoesNotContain("arrested", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Events_are_listed_in_date_order_with_type_status_and_cue()
    {
        var (code, output) = CliRunner.Run("events", "--db", store.Db);

        Assert.Equal(0, code);
        Assert.Contains("shelled", output, StringComparison.Ordinal);
        Assert.Contains("arrested", output, StringComparison.Ordinal);
        Assert.Contains("threatened", output, StringComparison.Ordinal);
        // 2 March (the shelling) comes before 3 March (Monday, the arrests).
        Assert.True(output.IndexOf("shelled", StringComparison.Ordinal) < output.IndexOf("arrested", StringComparison.Ordinal), output);
        // What the mayor said would happen is no event; a statement is none either.
        Assert.DoesNotContain("vigil", output, StringComparison.Ordinal);
        Assert.DoesNotContain("│ said", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Type_and_status_filter_and_a_denied_attack_never_counts_as_one()
    {
        var (_, assaults) = CliRunner.Run("events", "--type", "assault", "--status", "asserted", "--json", "--db", store.Db);
        using var json = JsonDocument.Parse(assaults);
        var cues = json.RootElement.EnumerateArray().Select(e => e.GetProperty("cue").GetString()).ToList();
        Assert.Equal(["shelled"], cues);

        var (_, denied) = CliRunner.Run("events", "--status", "denied", "--json", "--db", store.Db);
        using var deniedJson = JsonDocument.Parse(denied);
        var attack = Assert.Single(deniedJson.RootElement.EnumerateArray());
        Assert.Equal("attack", attack.GetProperty("cue").GetString());
        Assert.Equal("ASSAULT", attack.GetProperty("type").GetString());

        var (_, threatened) = CliRunner.Run("events", "--status", "threatened", "--json", "--db", store.Db);
        using var threatenedJson = JsonDocument.Parse(threatened);
        Assert.Equal("attack", Assert.Single(threatenedJson.RootElement.EnumerateArray()).GetProperty("cue").GetString());
    }

    [Fact]
    public void Dates_come_from_the_sentence_else_the_publication_date_marked_inferred()
    {
        var (_, output) = CliRunner.Run("events", "--json", "--db", store.Db);
        using var json = JsonDocument.Parse(output);
        var events = json.RootElement.EnumerateArray().GroupBy(e => e.GetProperty("cue").GetString()!).ToDictionary(g => g.Key, g => g.First());
        Assert.Equal("2025-03-02", events["shelled"].GetProperty("date").GetString());
        Assert.False(events["shelled"].GetProperty("date_inferred").GetBoolean());
        Assert.Equal("2025-03-03", events["arrested"].GetProperty("date").GetString());
        Assert.Equal("2025-03-05", events["threatened"].GetProperty("date").GetString());
        Assert.True(events["threatened"].GetProperty("date_inferred").GetBoolean());

        var (_, from) = CliRunner.Run("events", "--from", "2025-03-03", "--to", "2025-03-03", "--json", "--db", store.Db);
        using var day = JsonDocument.Parse(from);
        Assert.Equal(["arrested"], day.RootElement.EnumerateArray().Select(e => e.GetProperty("cue").GetString()).ToList());
    }

    [Fact]
    public void The_analysis_json_has_events_with_ids_cues_and_sentence_offsets()
    {
        using var json = JsonDocument.Parse(store.Json);
        var raid = json.RootElement.GetProperty("documents").EnumerateArray().Single(d => d.GetProperty("title").GetString() == "Arrests in Verona");
        var text = raid.GetProperty("text").GetString()!;
        var events = raid.GetProperty("events").EnumerateArray().ToList();
        Assert.Equal("V1", events[0].GetProperty("id").GetString());
        foreach (var e in events)
        {
            var cue = e.GetProperty("cue");
            Assert.Equal(cue.GetProperty("text").GetString(), text[cue.GetProperty("start").GetInt32()..cue.GetProperty("end").GetInt32()]);
            Assert.InRange(cue.GetProperty("start").GetInt32(), e.GetProperty("start").GetInt32(), e.GetProperty("end").GetInt32());
        }
        var threat = events.Single(e => e.GetProperty("cue").GetProperty("text").GetString() == "threatened");
        Assert.Equal("THREATEN", threat.GetProperty("type").GetString());
        Assert.Equal("asserted", threat.GetProperty("status").GetString());
    }

    [Fact]
    public void An_unknown_type_is_a_usage_error()
    {
        var (code, output) = CliRunner.Run("events", "--type", "EXPLODE", "--db", store.Db);

        Assert.Equal(1, code);
        Assert.Contains("unknown event type 'EXPLODE'", output, StringComparison.Ordinal);
    }

    [Fact]
    public void The_csv_export_has_an_events_table_and_the_document_page_an_events_section()
    {
        var (code, _) = CliRunner.Run("export", "--format", "csv", "--db", store.Db, "--out", store.Folder("tables"));

        Assert.Equal(0, code);
        var rows = File.ReadAllLines(Path.Combine(store.Folder("tables"), "events.csv"));
        Assert.Equal("document,event,type,mode,status,cue,cue_start,cue_end,actor,actor_entity,target,target_entity,location,location_entity,date,date_inferred,quote,start,end", rows[0]);
        Assert.Contains(rows, r => r.StartsWith(store.Ids["Shelling at the border"] + ",V1,ASSAULT,", StringComparison.Ordinal) && r.Contains(",shelled,", StringComparison.Ordinal));

        var (_, page) = CliRunner.Run("documents", "show", store.Ids["Shelling at the border"], "--db", store.Db);
        Assert.Contains("events", page, StringComparison.Ordinal);
        Assert.Contains("denied", page, StringComparison.Ordinal);
    }
}

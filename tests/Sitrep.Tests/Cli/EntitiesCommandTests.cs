using Sitrep.Entities;
using System.Text.Json;
using Sitrep.Storage;
using Sitrep.Tests.TestSupport;

namespace Sitrep.Tests.Cli;

/// <summary>
/// Entity ids are stable, and a user's corrections (<c>sitrep entities merge</c> and <c>split</c>)
/// hold when the articles are analysed again. Articles invented for the tests.
/// </summary>
public sealed class EntitiesCommandTests
{
    private const string Harbour = """
        Port authority chief Lena Marwick said on Monday that the Serin harbour would reopen next week. Marwick told reporters that the Harbour Workers Union (HWU) had agreed to end the strike.
        """;

    private const string Strike = """
        The HWU said on Tuesday that its members would return to work at the Serin docks. Union leader Tomas Brandt said the deal protected jobs, and Lena Marwick thanked the union.
        """;

    private const string Unrelated = """
        Farmers in the Dravik valley said on Wednesday that the late frost had destroyed half of the apple harvest. Agronomist Petra Kolb said prices would rise.
        """;

    private const string OtherMarwick = """
        The novelist Jon Marwick read from his new book at the Aldmere festival on Thursday. Jon Marwick said the story had taken him ten years to write.
        """;

    private const string LoneSurname = """
        Marwick said on Friday that the port would hire forty new dock workers next month. Speaking to reporters in Serin, Marwick said the ferries would run again.
        """;

    [Fact]
    public void Entity_ids_do_not_change_when_unrelated_articles_arrive()
    {
        using var dir = new TempDir();
        var db = dir.File("news.db");
        Analyze(dir, db, "first.json", "harbour");
        var before = MentionEntities(dir.File("first.json"));
        Analyze(dir, db, "second.json", "unrelated", "harbour");
        var after = MentionEntities(dir.File("second.json"));
        foreach (var (mention, id) in before)
            Assert.Equal(id, after[mention]);
        // Marwick the surname is the Lena Marwick named before it.
        Assert.Equal(before["harbour:Lena Marwick"], before["harbour:Marwick"]);
    }

    [Fact]
    public void A_merge_made_by_the_user_holds_after_reanalysis()
    {
        using var dir = new TempDir();
        var db = dir.File("news.db");
        Analyze(dir, db, "a.json", "harbour", "strike");
        var ids = MentionEntities(dir.File("a.json"));
        // Resolution alone cannot know the union's name and the port's name are one body here; the user says so.
        var union = ids["harbour:Harbour Workers Union"];
        var docks = ids["strike:Serin"];
        Assert.NotEqual(union, docks);
        var (code, output) = CliRunner.Run("entities", "merge", union, docks, "--db", db);
        Assert.Equal(0, code);
        Assert.Contains("merged into " + union, output, StringComparison.Ordinal);

        var reanalysis = CliRunner.Run("reanalyze", "--all", "--entities", "--db", db);
        Assert.True(reanalysis.ExitCode == 0, reanalysis.Output);
        Analyze(dir, db, "b.json", "harbour", "strike");
        var again = MentionEntities(dir.File("b.json"));
        Assert.Equal(union, again["strike:Serin"]);
        Assert.Equal(union, again["harbour:Harbour Workers Union"]);
    }

    [Fact]
    public void A_split_made_by_the_user_holds_after_reanalysis()
    {
        using var dir = new TempDir();
        var db = dir.File("news.db");
        Analyze(dir, db, "a.json", "harbour", "strike");
        var ids = MentionEntities(dir.File("a.json"));
        var marwick = ids["harbour:Lena Marwick"];
        Assert.Equal(marwick, ids["strike:Lena Marwick"]);

        // Say the Lena Marwick of the strike story is someone else: it goes to a new entity.
        var (code, output) = CliRunner.Run("entities", "split", marwick, "Lena Marwick", "--db", db);
        Assert.Equal(0, code);
        Assert.Contains("split from " + marwick, output, StringComparison.Ordinal);
        var split = MentionEntitiesFromStore(db, "strike.txt", "Lena Marwick");
        Assert.NotEqual(marwick, split);

        var reanalysis = CliRunner.Run("reanalyze", "--all", "--entities", "--db", db);
        Assert.True(reanalysis.ExitCode == 0, reanalysis.Output);
        Assert.Equal(split, MentionEntitiesFromStore(db, "strike.txt", "Lena Marwick"));
        Assert.Equal(split, MentionEntitiesFromStore(db, "harbour.txt", "Lena Marwick"));
        Assert.Contains("split", CliRunner.Run("entities", "show", marwick, "--db", db).Output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_name_and_a_type_given_by_the_user_hold_after_reanalysis()
    {
        using var dir = new TempDir();
        var db = dir.File("news.db");
        Analyze(dir, db, "a.json", "harbour", "strike");
        var ids = MentionEntities(dir.File("a.json"));
        var union = ids["harbour:Harbour Workers Union"];
        Assert.Equal(union, ids["strike:HWU"]);

        var renamed = CliRunner.Run("entities", "rename", union, "Serin Harbour Workers' Union", "--db", db);
        Assert.True(renamed.ExitCode == 0, renamed.Output);
        var retyped = CliRunner.Run("entities", "retype", union, "misc", "--db", db);
        Assert.True(retyped.ExitCode == 0, retyped.Output);
        Assert.Contains("MISC", retyped.Output, StringComparison.Ordinal);

        var reanalysis = CliRunner.Run("reanalyze", "--all", "--entities", "--db", db);
        Assert.True(reanalysis.ExitCode == 0, reanalysis.Output);
        Analyze(dir, db, "b.json", "harbour", "strike");
        var again = MentionEntities(dir.File("b.json"));
        Assert.Equal(union, again["strike:HWU"]);
        var shown = CliRunner.Run("entities", "show", union, "--db", db).Output;
        Assert.Contains("Serin Harbour Workers' Union (MISC)", shown, StringComparison.Ordinal);
        Assert.Contains("rename", shown, StringComparison.Ordinal);
        Assert.Contains("retype", shown, StringComparison.Ordinal);
        // The analysis JSON names and types the entity as the user said.
        using var json = JsonDocument.Parse(File.ReadAllText(dir.File("b.json")));
        var entity = json.RootElement.GetProperty("entities").EnumerateArray().Single(e => e.GetProperty("id").GetString() == union);
        Assert.Equal("Serin Harbour Workers' Union", entity.GetProperty("name").GetString());
        Assert.Equal("MISC", entity.GetProperty("type").GetString());
    }

    [Fact]
    public void Rename_and_retype_refuse_what_they_cannot_do()
    {
        using var dir = new TempDir();
        var db = dir.File("news.db");
        Analyze(dir, db, "a.json", "harbour");
        var union = MentionEntities(dir.File("a.json"))["harbour:Harbour Workers Union"];
        var badType = CliRunner.Run("entities", "retype", union, "COMPANY", "--db", db);
        Assert.NotEqual(0, badType.ExitCode);
        Assert.Contains("the types are", badType.Output, StringComparison.Ordinal);
        var noEntity = CliRunner.Run("entities", "rename", "E999", "Someone", "--db", db);
        Assert.NotEqual(0, noEntity.ExitCode);
        Assert.Contains("no entity E999", noEntity.Output, StringComparison.Ordinal);
        var emptyName = CliRunner.Run("entities", "rename", union, " ", "--db", db);
        Assert.NotEqual(0, emptyName.ExitCode);
    }

    [Fact]
    public void A_split_by_a_name_the_entity_does_not_have_is_an_error()
    {
        using var dir = new TempDir();
        var db = dir.File("news.db");
        Analyze(dir, db, "a.json", "harbour");
        var marwick = MentionEntities(dir.File("a.json"))["harbour:Lena Marwick"];
        var (code, output) = CliRunner.Run("entities", "split", marwick, "Brandt", "--db", db);
        Assert.NotEqual(0, code);
        Assert.Contains("nothing to split off", output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_split_of_a_one_word_name_holds_after_reanalysis_of_everything()
    {
        using var dir = new TempDir();
        var db = dir.File("news.db");
        Analyze(dir, db, "a.json", "harbour", "strike", "surname");
        var ids = MentionEntities(dir.File("a.json"));
        var lena = ids["harbour:Lena Marwick"];
        // The lone surname went to the only Marwick the store knows; the user says it is someone else.
        Assert.Equal(lena, ids["surname:Marwick"]);
        var (code, output) = CliRunner.Run("entities", "split", lena, "Marwick", "--db", db);
        Assert.True(code == 0, output);
        var split = MentionEntitiesFromStore(db, "surname.txt", "Marwick");
        Assert.NotEqual(lena, split);
        // The articles that name Lena Marwick in full stay hers.
        Assert.Equal(lena, MentionEntitiesFromStore(db, "harbour.txt", "Lena Marwick"));

        var reanalysis = CliRunner.Run("reanalyze", "--all", "--db", db);
        Assert.True(reanalysis.ExitCode == 0, reanalysis.Output);
        Assert.Equal(split, MentionEntitiesFromStore(db, "surname.txt", "Marwick"));
        Assert.Equal(lena, MentionEntitiesFromStore(db, "harbour.txt", "Lena Marwick"));
        Assert.Equal(lena, MentionEntitiesFromStore(db, "strike.txt", "Lena Marwick"));
        Assert.Contains("named in 1 article", CliRunner.Run("entities", "show", split, "--db", db).Output, StringComparison.Ordinal);
        Assert.Contains("named in 2 articles", CliRunner.Run("entities", "show", lena, "--db", db).Output, StringComparison.Ordinal);
    }

    [Fact]
    public void List_shows_entities_by_how_many_articles_name_them()
    {
        using var dir = new TempDir();
        var db = dir.File("news.db");
        Analyze(dir, db, null, "harbour", "strike", "novel");
        var (code, output) = CliRunner.Run("entities", "list", "--search", "Marwick", "--db", db);
        Assert.Equal(0, code);
        // Two people: Lena in two articles, Jon in one; a shared surname does not make them one.
        Assert.Contains("Lena Marwick", output, StringComparison.Ordinal);
        Assert.Contains("Jon Marwick", output, StringComparison.Ordinal);
        Assert.True(output.IndexOf("Lena Marwick", StringComparison.Ordinal) < output.IndexOf("Jon Marwick", StringComparison.Ordinal), output);
    }

    private static readonly Dictionary<string, string> Articles = new(StringComparer.Ordinal)
    {
        ["harbour"] = Harbour,
        ["strike"] = Strike,
        ["unrelated"] = Unrelated,
        ["novel"] = OtherMarwick,
        ["surname"] = LoneSurname,
    };

    /// <summary>Writes the named invented articles (if not there yet) and analyses them with entities into <paramref name="db"/>.</summary>
    private static void Analyze(TempDir dir, string db, string? json, params string[] articles)
    {
        var args = new List<string> { "analyze" };
        foreach (var name in articles)
        {
            var path = dir.File(name + ".txt");
            if (!File.Exists(path))
                File.WriteAllText(path, Articles[name]);
            args.Add(path);
        }
        args.AddRange(["--db", db, "--entities", "--quiet"]);
        if (json is not null)
            args.AddRange(["--json", dir.File(json)]);
        var (code, output) = CliRunner.Run([.. args]);
        Assert.True(code == 0, output);
    }

    private static string MentionEntitiesFromStore(string db, string file, string text)
    {
        using var store = SqliteDocumentStore.Open(db, Sitrep.Tests.TestSupport.TestPipelines.Full.Codecs);
        var doc = store.LoadAll().Single(d => d.Source.EndsWith(file, StringComparison.Ordinal));
        var mention = doc.Mentions().First(m => m.Text(doc.Text) == text);
        var id = store.Entities.EntityOf(doc.Id, mention.Entity);
        Assert.NotNull(id);
        return "E" + store.Entities.Get(id.Value).Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>"file-stem:mention text" → entity id, first occurrence of each.</summary>
    private static Dictionary<string, string> MentionEntities(string jsonPath)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(jsonPath));
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var doc in json.RootElement.GetProperty("documents").EnumerateArray())
        {
            var stem = Path.GetFileNameWithoutExtension(doc.GetProperty("source").GetString()!);
            foreach (var m in doc.GetProperty("mentions").EnumerateArray())
            {
                if (m.GetProperty("entity").GetString() is { } id)
                    map.TryAdd(stem + ":" + m.GetProperty("text").GetString(), id);
            }
        }
        return map;
    }
}

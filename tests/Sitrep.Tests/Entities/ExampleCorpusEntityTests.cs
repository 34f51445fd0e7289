using System.Text.Json;
using Sitrep.Tests.TestSupport;

namespace Sitrep.Tests.Entities;

/// <summary>
/// The example corpus analysed as a new user does (`sitrep analyze examples --json`), read through its
/// own README: every spelling the README lists for one person is one entity, the invented countries,
/// provinces and towns are places at every occurrence (never a person or an organisation), and one
/// country is one entity whether the text names it or uses its nationality word.
/// </summary>
public sealed class ExampleCorpusEntityTests : IClassFixture<ExampleCorpusEntityTests.Analysis>
{
    private readonly Analysis _analysis;

    public ExampleCorpusEntityTests(Analysis analysis) => _analysis = analysis;

    [Theory]
    [InlineData("Rastin Kolvar", "Rastyn Kolvar", "Rasteen Kolvar", "Rastin Kolwar", "Kolvár", "Kolwar")]
    [InlineData("Anselm Ruvane", "Anzelm Ruwane")]
    [InlineData("Ilse Marakova", "Ilze Marakowa")]
    [InlineData("Teodor Halvask", "Theodor Halvask")]
    public void Every_spelling_the_readme_lists_for_one_person_is_one_entity(params string[] spellings)
    {
        var entities = spellings.SelectMany(s => _analysis.EntitiesOf(s)).Distinct().ToList();
        Assert.All(spellings, s => Assert.NotEmpty(_analysis.EntitiesOf(s)));
        Assert.Single(entities);
        Assert.All(spellings, s => Assert.All(_analysis.TypesOf(s), t => Assert.Equal("PERSON", t)));
    }

    [Theory]
    [InlineData("Valdoria")]
    [InlineData("Korveth")]
    [InlineData("Lisoria")]
    [InlineData("Upper Marren")]
    [InlineData("Hollin Ford")]
    [InlineData("Dravik")]
    [InlineData("Bellamar")]
    public void Countries_provinces_and_towns_are_places_at_every_occurrence(string place)
    {
        var types = _analysis.TypesOf(place);
        Assert.NotEmpty(types);
        Assert.All(types, t => Assert.Equal("GPE", t));
        Assert.Single(_analysis.EntitiesOf(place));
    }

    [Fact]
    public void The_river_is_a_location_and_the_bridge_a_facility_or_location()
    {
        Assert.All(_analysis.TypesOf("Serin River"), t => Assert.Equal("LOC", t));
        Assert.NotEmpty(_analysis.TypesOf("Serin Bridge"));
        Assert.All(_analysis.TypesOf("Serin Bridge"), t => Assert.Contains(t, new[] { "FACILITY", "LOC" }));
    }

    [Theory]
    [InlineData("Valdoria", "Valdorian", "Valdorians")]
    [InlineData("Korveth", "Korvethi")]
    [InlineData("Lisoria", "Lisorian")]
    public void One_country_is_one_entity_however_it_is_named(params string[] names)
    {
        Assert.All(names, n => Assert.NotEmpty(_analysis.EntitiesOf(n)));
        Assert.Single(names.SelectMany(n => _analysis.EntitiesOf(n)).Distinct());
    }

    [Fact]
    public void A_town_is_not_filed_under_a_person_whose_surname_looks_like_it()
    {
        // Dravik (a town) and Emil Dravec (a guard) share a consonant skeleton and nothing else.
        Assert.Empty(_analysis.EntitiesOf("Dravik").Intersect(_analysis.EntitiesOf("Emil Dravec")));
    }

    /// <summary>The example corpus, analysed once for the class.</summary>
    public sealed class Analysis : IDisposable
    {
        private readonly TempDir _dir = new();
        private readonly List<(string Text, string Type, string? Entity)> _mentions = [];

        public Analysis()
        {
            var json = _dir.File("examples.json");
            var (code, output) = CliRunner.Run("analyze", RepoPaths.Examples, "--db", _dir.File("examples.db"), "--json", json, "--quiet");
            Assert.True(code == 0, output);
            using var doc = JsonDocument.Parse(File.ReadAllText(json));
            foreach (var d in doc.RootElement.GetProperty("documents").EnumerateArray())
            {
                foreach (var m in d.GetProperty("mentions").EnumerateArray())
                {
                    var entity = m.TryGetProperty("entity", out var e) && e.ValueKind == JsonValueKind.String ? e.GetString() : null;
                    _mentions.Add((m.GetProperty("text").GetString()!, m.GetProperty("type").GetString()!, entity));
                }
            }
        }

        /// <summary>The entities the mentions written exactly so (any case) belong to.</summary>
        public IReadOnlyList<string> EntitiesOf(string text) =>
            _mentions.Where(m => string.Equals(m.Text, text, StringComparison.OrdinalIgnoreCase)).Select(m => m.Entity ?? "(none)").Distinct().ToList();

        public IReadOnlyList<string> TypesOf(string text) =>
            _mentions.Where(m => string.Equals(m.Text, text, StringComparison.OrdinalIgnoreCase)).Select(m => m.Type).ToList();

        public void Dispose() => _dir.Dispose();
    }
}

using System.Collections;
using System.Reflection;
using Sitrep.Documents;
using Sitrep.Ingest;
using Sitrep.Pipeline;
using Sitrep.Tests.TestSupport;

namespace Sitrep.Tests.Storage;

/// <summary>
/// The cross-document stages read the batch just stored from the layers the analysing threads made, not
/// from the JSON written and decoded back: that is only the same if every codec reads back exactly what
/// it was given. Checked field by field (not by writing twice, which would hide a field the codec drops
/// or a value it changes) for every stored layer of the default pipeline, on the reference articles and
/// a spread of AllSides articles.
/// </summary>
public sealed class LayerCodecRoundTripTests
{
    [Fact]
    public void Every_stored_layer_of_the_reference_articles_reads_back_exactly_what_was_written()
    {
        var shared = RepoPaths.RequireShared();
        var inputs = Inputs(Path.Combine(shared, "corpus", "seeds"), every: 1, max: 100);
        Assert.True(inputs.Count >= 5, $"only {inputs.Count} reference articles read");
        AssertRoundTrips(inputs);
    }

    [Fact]
    public void Every_stored_layer_of_a_spread_of_allsides_articles_reads_back_exactly_what_was_written()
    {
        var shared = RepoPaths.RequireShared();
        var corpus = Path.Combine(shared, "data", "corpus", "allsides-articles", "articles.jsonl.gz");
        if (!File.Exists(corpus))
            Assert.Skip($"{corpus} is not there");
        // One article in 150 of the corpus's 37,554: every topic and outlet, long and short.
        var inputs = Inputs(corpus, every: 150, max: 250);
        Assert.True(inputs.Count >= 200, $"only {inputs.Count} articles read");
        AssertRoundTrips(inputs);
    }

    [Fact]
    public void The_comparison_sees_a_changed_value_deep_in_a_layer()
    {
        var a = new List<Sitrep.Entities.Resolution.DocumentEntity> { new("Mara Velan", "PERSON", null, ["Mara Velan", "Velan"], ["minister"]) };
        var b = new List<Sitrep.Entities.Resolution.DocumentEntity> { new("Mara Velan", "PERSON", null, ["Mara Velan", "Velan"], ["minister"]) { Nationality = "DRV" } };
        var c = new List<Sitrep.Entities.Resolution.DocumentEntity> { new("Mara Velan", "PERSON", null, ["Mara Velan"], ["minister"]) };
        Assert.Null(Difference(a, a.ToList(), "layer"));
        Assert.Equal("layer[0].Nationality: null against DRV", Difference(a, b, "layer"));
        Assert.StartsWith("layer[0].Aliases: 2 items against 1", Difference(a, c, "layer"), StringComparison.Ordinal);
    }

    private static List<ArticleInput> Inputs(string path, int every, int max)
    {
        using var resolver = new InputResolver([path]);
        return resolver.Items().Where(i => i.Article is not null).Where((_, i) => i % every == 0).Take(max).Select(i => i.Article!).ToList();
    }

    private static void AssertRoundTrips(List<ArticleInput> inputs)
    {
        var pipeline = TestPipelines.Full;
        var codecs = pipeline.Codecs;
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var problems = new List<string>();
        foreach (var input in inputs)
        {
            var document = pipeline.Analyze(input);
            foreach (var name in document.Layers.Names)
            {
                Assert.True(codecs.TryGetValue(name, out var codec), $"layer {name} has no codec");
                var analysed = document.Layers[name]!;
                var read = codec.Read(codec.Write(analysed));
                if (Difference(analysed, read, name) is { } difference)
                    problems.Add($"{input.Source}: {difference}");
                seen[name] = seen.GetValueOrDefault(name) + 1;
            }
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems.Take(20)));
        // Every stored layer was met, so none is let through untested.
        Assert.All(codecs.Keys, name => Assert.True(seen.GetValueOrDefault(name) > 0, $"no document had the layer {name}"));
    }

    /// <summary>Where two layer values differ (the first place, as a path), or null: public properties and fields, item by item.</summary>
    internal static string? Difference(object? a, object? b, string path)
    {
        if (a is null || b is null)
            return a is null && b is null ? null : $"{path}: {Show(a)} against {Show(b)}";
        var type = a.GetType();
        if (a is string || type.IsPrimitive || type.IsEnum || a is decimal || a is DateTime || a is DateTimeOffset || a is DateOnly || a is TimeOnly || a is TimeSpan || a is Guid)
            return a.Equals(b) ? null : $"{path}: {Show(a)} against {Show(b)}";
        if (a is IDictionary da && b is IDictionary db)
        {
            if (da.Count != db.Count)
                return $"{path}: {da.Count} entries against {db.Count}";
            foreach (DictionaryEntry entry in da)
            {
                if (!db.Contains(entry.Key))
                    return $"{path}: key {entry.Key} missing";
                if (Difference(entry.Value, db[entry.Key], $"{path}[{entry.Key}]") is { } d)
                    return d;
            }
            return null;
        }
        if (a is IEnumerable ea && b is IEnumerable eb)
        {
            var la = ea.Cast<object?>().ToList();
            var lb = eb.Cast<object?>().ToList();
            if (la.Count != lb.Count)
                return $"{path}: {la.Count} items against {lb.Count}";
            for (int i = 0; i < la.Count; i++)
            {
                if (Difference(la[i], lb[i], $"{path}[{i}]") is { } d)
                    return d;
            }
            return null;
        }
        if (type != b.GetType())
            return $"{path}: a {type.Name} against a {b.GetType().Name}";
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length > 0 || property.GetMethod is null || property.Name == "EqualityContract")
                continue;
            if (Difference(property.GetValue(a), property.GetValue(b), $"{path}.{property.Name}") is { } d)
                return d;
        }
        foreach (var field in type.GetFields(BindingFlags.Public | BindingFlags.Instance))
        {
            if (Difference(field.GetValue(a), field.GetValue(b), $"{path}.{field.Name}") is { } d)
                return d;
        }
        return null;
    }

    private static string Show(object? value) => value switch
    {
        null => "null",
        double d => d.ToString("R", System.Globalization.CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}

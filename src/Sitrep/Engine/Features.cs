using Sitrep.Entities;
using Sitrep.Pipeline;
using Sitrep.Text;

namespace Sitrep.Engine;

/// <summary>
/// Every feature Sitrep has, in the order they build on each other: the composition root. Adding a
/// capability is one line here and one folder for the feature.
/// </summary>
public static class Features
{
    /// <summary>Every feature, each on by default.</summary>
    public static IReadOnlyList<IPipelineFeature> All { get; } =
    [
        new TextFeature(),
        new EntitiesFeature(),
        new Quotes.QuotesFeature(),
        new Time.TimesFeature(),
        new Events.EventsFeature(),
        new Stories.StoriesFeature(),
        new Contradictions.ContradictionsFeature(),
        new Stories.FramingFeature(),
    ];

    /// <summary>The names users select features by (<c>--stages</c>).</summary>
    public static IReadOnlyList<string> Names => [.. All.Select(f => f.Name)];

    /// <summary>The pipeline of every feature.</summary>
    public static DocumentPipeline Default => LazyDefault.Value;

    private static readonly Lazy<DocumentPipeline> LazyDefault = new(() => Build(All, null), LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>
    /// The pipeline of the named features of <paramref name="features"/> and what they build on (all of
    /// them when <paramref name="names"/> is null), in the order of <paramref name="features"/>.
    /// </summary>
    /// <exception cref="ArgumentException">A name that is no feature.</exception>
    public static DocumentPipeline Build(IReadOnlyList<IPipelineFeature> features, IReadOnlyCollection<string>? names)
    {
        ArgumentNullException.ThrowIfNull(features);
        if (names is not null)
        {
            var unknown = names.Where(n => !features.Any(f => f.Name == n)).ToList();
            if (unknown.Count > 0)
                throw new ArgumentException($"unknown stage{(unknown.Count > 1 ? "s" : "")} {string.Join(", ", unknown.Select(u => $"'{u}'"))}; the stages are {string.Join(", ", features.Select(f => f.Name))}");
        }
        var builder = new PipelineBuilder();
        foreach (var feature in features)
        {
            if (names is null || names.Contains(feature.Name))
                builder.UseFeature(feature);
        }
        return builder.Build();
    }

    /// <summary>Reads a comma-separated list of feature names ("text,entities"); blanks are ignored.</summary>
    public static IReadOnlyList<string> Parse(string list)
    {
        ArgumentNullException.ThrowIfNull(list);
        return [.. list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(s => s.ToLowerInvariant()).Distinct(StringComparer.Ordinal)];
    }
}

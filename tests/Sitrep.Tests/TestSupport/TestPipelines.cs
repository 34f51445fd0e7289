using Sitrep.Engine;
using Sitrep.Pipeline;

namespace Sitrep.Tests.TestSupport;

/// <summary>The pipelines tests run: the text stages alone, and every stage (the default).</summary>
public static class TestPipelines
{
    private static readonly Lazy<DocumentPipeline> LazyText = new(() => Features.Build(Features.All, ["text"]));

    /// <summary>Cleaning, language and metadata (<c>--stages text</c>).</summary>
    public static DocumentPipeline Text => LazyText.Value;

    /// <summary>Every stage, as <c>sitrep analyze</c> runs by default.</summary>
    public static DocumentPipeline Full => Features.Default;
}

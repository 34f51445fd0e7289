using Sitrep.Documents;
using Sitrep.Pipeline;
using Sitrep.Tests.Specs;

namespace Sitrep.Tests.Cleaning;

/// <summary>Runs every file in Specs/Html through the default pipeline as an HTML page.</summary>
public sealed class HtmlSpecTests
{
    private static readonly DocumentPipeline Pipeline = Sitrep.Tests.TestSupport.TestPipelines.Text;

    public static TheoryData<string> Specs => SpecCatalog.Names("Html");

    [Theory]
    [MemberData(nameof(Specs))]
    public void Spec_holds(string file)
    {
        var spec = SpecCatalog.Load("Html", file);
        var doc = Pipeline.Analyze(new ArticleInput("spec:" + spec.Name, spec.Name, InputFormat.Html, spec.Input, StatedMetadata.None, []));

        if (spec.Body is { } body)
            Assert.Equal(body.Trim(), doc.Text);
        if (spec.Has("removed"))
            Assert.Equal(spec.Removed.Select(r => $"{r.Reason}: {r.Text}").ToList(), doc.Removed.Select(r => $"{r.Reason.ToContractName()}: {r.Text}").ToList());
        if (spec.Has("captions"))
            Assert.Equal(spec.Captions, doc.Captions.Select(c => c.Text).ToList());
        foreach (var (key, value) in spec.Metadata)
            Assert.True(value == SpecMetadata.Actual(doc.Metadata, key), $"{key}: expected {value ?? "null"}, got {SpecMetadata.Actual(doc.Metadata, key) ?? "null"}");
        HtmlOffsetTests.AssertBodyMapsToSource(doc);
    }
}

using Sitrep.Documents;
using Sitrep.Ingest;
using Sitrep.Pipeline;
using Sitrep.Tests.Specs;

namespace Sitrep.Tests.Cleaning;

/// <summary>Runs every file in Specs/Cleaning through the default pipeline and checks body, removed blocks, captions and metadata.</summary>
public sealed class CleaningSpecTests
{
    private static readonly DocumentPipeline Pipeline = Sitrep.Tests.TestSupport.TestPipelines.Text;

    public static TheoryData<string> Specs => SpecCatalog.Names("Cleaning");

    [Theory]
    [MemberData(nameof(Specs))]
    public void Spec_holds(string file)
    {
        var spec = SpecCatalog.Load("Cleaning", file);
        var input = new ArticleInput("spec:" + spec.Name, spec.Name, InputFormat.PlainText, spec.Input, StatedMetadata.None, []);
        var doc = Pipeline.Analyze(input);

        if (spec.Body is { } body)
            Assert.Equal(body.Trim(), doc.Text);

        if (spec.Has("removed"))
        {
            var expected = spec.Removed.Select(r => $"{r.Reason}: {r.Text}").ToList();
            var actual = doc.Removed.Select(r => $"{r.Reason.ToContractName()}: {r.Text}").ToList();
            Assert.Equal(expected, actual);
        }

        if (spec.Has("captions"))
            Assert.Equal(spec.Captions, doc.Captions.Select(c => c.Text).ToList());

        foreach (var (key, value) in spec.Metadata)
            Assert.True(value == SpecMetadata.Actual(doc.Metadata, key), $"{key}: expected {value ?? "null"}, got {SpecMetadata.Actual(doc.Metadata, key) ?? "null"}");

        AssertOffsetsHold(doc);
    }

    /// <summary>Every character of the body comes from the raw text at the place the map says.</summary>
    internal static void AssertOffsetsHold(Document doc)
    {
        foreach (var s in doc.Map.Segments)
            Assert.Equal(doc.RawText.Substring(s.RawStart, s.Length), doc.Text.Substring(s.BodyStart, s.Length));
        foreach (var r in doc.Removed)
        {
            var raw = doc.RawText[r.Raw.Start..r.Raw.End];
            Assert.True(raw == r.Text || r.Text.Replace(" ", "", StringComparison.Ordinal) == string.Concat(raw.Where(c => !char.IsWhiteSpace(c))),
                $"removed block's raw range holds '{raw}', not '{r.Text}'");
        }
    }
}

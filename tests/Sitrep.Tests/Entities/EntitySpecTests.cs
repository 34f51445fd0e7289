using Sitrep.Entities;
using Sitrep.Documents;
using Sitrep.Pipeline;
using Sitrep.Tests.Specs;

namespace Sitrep.Tests.Entities;

/// <summary>
/// Runs every file in Specs/Entities through the pipeline with entities: each listed "TYPE: text"
/// mention must be found, and nothing its "not mentions" list names ("TYPE: text", or a bare text for
/// any type) may be.
/// </summary>
public sealed class EntitySpecTests
{
    private static readonly DocumentPipeline Pipeline = Sitrep.Tests.TestSupport.TestPipelines.Full;

    public static TheoryData<string> Specs => SpecCatalog.Names("Entities");

    [Theory]
    [MemberData(nameof(Specs))]
    public void Spec_holds(string file)
    {
        var spec = SpecCatalog.Load("Entities", file);
        var doc = Pipeline.Analyze(new ArticleInput("spec:" + spec.Name, spec.Name, InputFormat.PlainText, spec.Input, StatedMetadata.None, []));
        var found = doc.Mentions().Select(m => $"{m.Type}: {m.Text(doc.Text)}").ToList();
        foreach (var (type, text) in spec.Mentions)
            Assert.True(found.Contains($"{type}: {text}"), $"expected {type}: {text}; found {string.Join(" | ", found)}");
        foreach (var (type, text) in spec.NotMentions)
        {
            var wrong = doc.Mentions().Where(m => m.Text(doc.Text) == text && (type is null || m.Type == type)).ToList();
            Assert.True(wrong.Count == 0, $"not expected {type ?? "any type"}: {text}; found {string.Join(" | ", found)}");
        }
    }
}

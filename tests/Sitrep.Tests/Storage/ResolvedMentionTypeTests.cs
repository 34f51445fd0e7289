using System.Text.Json;
using Sitrep.Analysis;
using Sitrep.Documents;

namespace Sitrep.Tests.Storage;

/// <summary>In the analysis JSON a resolved mention takes its entity's type; an unresolved one keeps the article's.</summary>
public sealed class ResolvedMentionTypeTests
{
    [Fact]
    public void A_resolved_mention_is_written_with_its_entitys_type()
    {
        var doc = TestDocuments.Plain("/articles/union.txt", "union", "Harbour Workers Union leaders met Ilse Marakova.")
            with { Mentions = [new Mention(0, 21, "PERSON") { Entity = 0 }, new Mention(34, 47, "PERSON") { Entity = 1 }] };
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
            AnalysisJsonWriter.WriteDocument(json, doc, [new ResolvedEntity("E7", "ORG"), null]);

        using var written = JsonDocument.Parse(buffer.ToArray());
        var mentions = written.RootElement.GetProperty("mentions").EnumerateArray().ToList();
        Assert.Equal("ORG", mentions[0].GetProperty("type").GetString());
        Assert.Equal("E7", mentions[0].GetProperty("entity").GetString());
        Assert.Equal("PERSON", mentions[1].GetProperty("type").GetString());
        Assert.Equal(JsonValueKind.Null, mentions[1].GetProperty("entity").ValueKind);
    }
}

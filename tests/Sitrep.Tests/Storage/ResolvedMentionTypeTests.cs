using System.Text.Json;
using Sitrep.Analysis;
using Sitrep.Entities;
using Sitrep.Entities.Resolution;
using Sitrep.Tests.Ingest;

namespace Sitrep.Tests.Storage;

/// <summary>In the analysis JSON a resolved mention takes its entity's type; an unresolved one keeps the article's.</summary>
public sealed class ResolvedMentionTypeTests
{
    [Fact]
    public void A_resolved_mention_is_written_with_its_entitys_type()
    {
        var doc = TestDocuments.Plain("/articles/union.txt", "union", "Harbour Workers Union leaders met Ilse Marakova.")
            .WithLayer(EntityLayers.Mentions, [new Mention(0, 21, "PERSON") { Entity = 0 }, new Mention(34, 47, "PERSON") { Entity = 1 }])
            .WithLayer(EntityLayers.DocumentEntities, [new DocumentEntity("Harbour Workers Union", "PERSON", null, ["Harbour Workers Union"], []), new DocumentEntity("Ilse Marakova", "PERSON", null, ["Ilse Marakova"], [])]);
        using var store = new InMemoryDocumentStore { FeatureObject = new Directory() };
        var session = AnalysisJsonWriter.Open([new EntitiesJsonPart()], store);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
            AnalysisJsonWriter.WriteDocument(json, doc, session);

        using var written = JsonDocument.Parse(buffer.ToArray());
        var mentions = written.RootElement.GetProperty("mentions").EnumerateArray().ToList();
        Assert.Equal("ORG", mentions[0].GetProperty("type").GetString());
        Assert.Equal("E7", mentions[0].GetProperty("entity").GetString());
        Assert.Equal("PERSON", mentions[1].GetProperty("type").GetString());
        Assert.Equal(JsonValueKind.Null, mentions[1].GetProperty("entity").ValueKind);
    }

    /// <summary>The union's entity resolved to E7, an organisation by most documents' vote; the person is unresolved.</summary>
    private sealed class Directory : IEntityDirectory
    {
        public long? EntityOf(string documentId, int local) => local == 0 ? 7 : null;

        public StoredEntity Get(long id) => new(id, "Harbour Workers Union", "ORG", 3);
    }
}

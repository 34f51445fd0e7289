using Sitrep.Entities;
using Sitrep.Documents;
using Sitrep.Storage;
using Sitrep.Tests.TestSupport;

namespace Sitrep.Tests.Storage;

/// <summary>Names found in a document come back from the store as they went in.</summary>
public sealed class MentionStorageTests
{
    [Fact]
    public void Mentions_survive_the_store()
    {
        using var dir = new TempDir();
        var doc = TestDocuments.Plain("/articles/ferries.txt", "ferries", "Ferries between Lenz and Bellamar resumed, Ilse Marakova said.")
            .WithLayer(EntityLayers.Mentions, [new Mention(16, 20, "GPE"), new Mention(25, 33, "GPE"), new Mention(43, 56, "PERSON")]);
        using (var store = SqliteDocumentStore.Open(dir.File("s.db"), Sitrep.Tests.TestSupport.TestPipelines.Full.Codecs))
            store.Save(doc);
        using var reopened = SqliteDocumentStore.Open(dir.File("s.db"), Sitrep.Tests.TestSupport.TestPipelines.Full.Codecs);
        var loaded = reopened.Load("ferries")!;
        Assert.Equal(["Lenz", "Bellamar", "Ilse Marakova"], loaded.Mentions().Select(m => m.Text(loaded.Text)).ToArray());
        Assert.Equal(["GPE", "GPE", "PERSON"], loaded.Mentions().Select(m => m.Type).ToArray());
    }
}

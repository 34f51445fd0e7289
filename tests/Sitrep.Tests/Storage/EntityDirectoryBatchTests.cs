using Sitrep.Entities.Resolution;
using Sitrep.Storage;
using Sitrep.Tests.TestSupport;

namespace Sitrep.Tests.Storage;

/// <summary>
/// The report, the quotes and the events read an article's stored entities at once
/// (<see cref="IEntityDirectory.EntitiesOf"/>); they must name what the one-by-one reads name:
/// merged entities as the one kept, unresolved entities as none.
/// </summary>
public sealed class EntityDirectoryBatchTests
{
    [Fact]
    public void An_articles_entities_read_at_once_are_those_read_one_by_one_with_merges_followed()
    {
        using var dir = new TempDir();
        using var store = SqliteDocumentStore.Open(dir.File("batch.db"), Sitrep.Tests.TestSupport.TestPipelines.Full.Codecs);
        var index = store.Entities;
        long kept = 0, absorbed = 0, other = 0;
        index.InTransaction(() =>
        {
            kept = index.Create("Jaysh al-Nasr", "ORG");
            absorbed = index.Create("Army of Victory", "ORG");
            other = index.Create("Ilse Marakova", "PERSON");
            index.Link("a", 0, absorbed, "ORG");
            index.Link("a", 2, other, "PERSON");
            index.Link("a", 3, kept, "ORG");
            index.Link("b", 0, other, "PERSON");
            index.Merge(kept, absorbed);
        });
        IEntityDirectory directory = index;

        var atOnce = directory.EntitiesOf("a", 4);

        Assert.Equal(4, atOnce.Length);
        for (int local = 0; local < 4; local++)
        {
            var oneByOne = directory.EntityOf("a", local) is { } id ? directory.Get(id) : null;
            Assert.Equal(oneByOne, atOnce[local]);
        }
        Assert.Equal("Jaysh al-Nasr", atOnce[0]!.Name);
        Assert.Null(atOnce[1]);
        Assert.Equal("Ilse Marakova", atOnce[2]!.Name);
        // Fewer entities than links (an article analysed again with fewer names): only those asked for; none of another article's.
        Assert.Equal(new[] { kept }, directory.EntitiesOf("a", 1).Select(e => e!.Id));
        Assert.Empty(directory.EntitiesOf("c", 0));
        Assert.All(directory.EntitiesOf("c", 2), e => Assert.Null(e));
    }
}

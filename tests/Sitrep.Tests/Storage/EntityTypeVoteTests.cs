using Microsoft.Data.Sqlite;
using Sitrep.Storage;
using Sitrep.Tests.TestSupport;

namespace Sitrep.Tests.Storage;

/// <summary>One entity, one type: the type most of its documents give it, kept up as documents are linked, resolved again and merged.</summary>
public sealed class EntityTypeVoteTests
{
    [Fact]
    public void An_entity_takes_the_type_most_of_its_documents_give_it_and_a_tie_keeps_its_type()
    {
        using var dir = new TempDir();
        using var store = SqliteDocumentStore.Open(dir.File("votes.db"), Sitrep.Tests.TestSupport.TestPipelines.Full.Codecs);
        var index = store.Entities;
        index.InTransaction(() =>
        {
            long id = index.Create("Harbour Workers Union", "PERSON");
            index.Link("a", 0, id, "PERSON");
            index.Link("b", 0, id, "ORG");
            Assert.Equal("PERSON", index.Get(id).Type); // one each: the type it has stays
            index.Link("c", 2, id, "ORG");
            Assert.Equal("ORG", index.Get(id).Type);
        });
    }

    [Fact]
    public void A_tie_between_two_countries_gives_no_country_not_the_first_in_the_alphabet()
    {
        using var dir = new TempDir();
        using var store = SqliteDocumentStore.Open(dir.File("votes.db"), Sitrep.Tests.TestSupport.TestPipelines.Full.Codecs);
        var index = store.Entities;
        index.InTransaction(() =>
        {
            long id = index.Create("Harbour Council", "ORG");
            index.Link("a", 0, id, "ORG", "government", "VAR");
            Assert.Equal("VAR", index.Affiliation(id).Country);
            // "… talks in Arvelia. Officials told the Harbour Council": one article reads the country of the sentence before.
            index.Link("b", 0, id, "ORG", "government", "ARV");
            Assert.Equal((Sector: (string?)"government", Country: (string?)null), index.Affiliation(id));
            index.Link("c", 0, id, "ORG", null, "VAR");
            Assert.Equal("VAR", index.Affiliation(id).Country);
            // Taken back, the tie is back.
            index.Unlink("c");
            Assert.Null(index.Affiliation(id).Country);
        });
    }

    [Fact]
    public void An_article_with_evidence_for_the_type_outweighs_three_guesses_and_unlinking_takes_back_its_weight()
    {
        using var dir = new TempDir();
        using var store = SqliteDocumentStore.Open(dir.File("votes.db"), Sitrep.Tests.TestSupport.TestPipelines.Full.Codecs);
        var index = store.Entities;
        index.InTransaction(() =>
        {
            long id = index.Create("Halvern Ridge", "PERSON");
            index.Link("a", 0, id, "PERSON", null, null, 1);
            index.Link("b", 0, id, "PERSON", null, null, 1);
            index.Link("c", 0, id, "PERSON", null, null, 1);
            // "the data mining company Halvern Ridge": one cued article against three guesses.
            index.Link("d", 0, id, "ORG", null, null, Sitrep.Entities.Resolution.EntityResolver.CuedTypeVotes);
            Assert.Equal("ORG", index.Get(id).Type);
            // Analysed again without its cue: the article takes back all it gave, and the guesses hold.
            index.Unlink("d");
            index.Link("d", 0, id, "ORG", null, null, 1);
            Assert.Equal("PERSON", index.Get(id).Type);
            // A fourth guess is not outweighed by one cued article (a tie keeps the type).
            index.Unlink("d");
            index.Link("d", 0, id, "PERSON", null, null, 1);
            index.Link("e", 0, id, "ORG", null, null, Sitrep.Entities.Resolution.EntityResolver.CuedTypeVotes);
            Assert.Equal("PERSON", index.Get(id).Type);
        });
    }

    [Fact]
    public void Resolving_a_document_again_does_not_count_its_vote_twice()
    {
        using var dir = new TempDir();
        using var store = SqliteDocumentStore.Open(dir.File("votes.db"), Sitrep.Tests.TestSupport.TestPipelines.Full.Codecs);
        var index = store.Entities;
        index.InTransaction(() =>
        {
            long id = index.Create("Serin", "GPE");
            index.Link("a", 0, id, "GPE");
            index.Link("b", 0, id, "ORG");
            index.Link("c", 0, id, "ORG");
            Assert.Equal("ORG", index.Get(id).Type);
            // "b" and "c" analysed again and now read as a place: their old votes go with their links.
            foreach (var doc in new[] { "b", "c" })
            {
                index.Unlink(doc);
                index.Link(doc, 0, id, "GPE");
            }
            Assert.Equal("GPE", index.Get(id).Type);
            Assert.Equal(3, index.Get(id).Documents);
        });
    }

    [Fact]
    public void A_merge_adds_the_absorbed_entitys_votes_to_the_kept_one()
    {
        using var dir = new TempDir();
        using var store = SqliteDocumentStore.Open(dir.File("votes.db"), Sitrep.Tests.TestSupport.TestPipelines.Full.Codecs);
        var index = store.Entities;
        index.InTransaction(() =>
        {
            long kept = index.Create("Jaysh al-Nasr", "PERSON");
            long absorbed = index.Create("Army of Victory", "ORG");
            index.Link("a", 0, kept, "PERSON");
            index.Link("b", 0, absorbed, "ORG");
            index.Link("c", 0, absorbed, "ORG");
            index.Merge(kept, absorbed);
            Assert.Equal("ORG", index.Get(kept).Type);
            Assert.Equal("ORG", index.Get(absorbed).Type);
        });
    }

    [Fact]
    public void A_store_from_before_the_votes_counts_its_links_as_votes_for_the_types_they_have()
    {
        using var dir = new TempDir();
        var db = dir.File("v4.db");
        SqliteDocumentStore.CreateAtVersion(db, 4);
        using (var raw = new SqliteConnection($"Data Source={db};Pooling=False"))
        {
            raw.Open();
            using var downgrade = raw.CreateCommand();
            downgrade.CommandText = """
                INSERT INTO entities (id, name, type, documents) VALUES (1, 'Serin', 'GPE', 2);
                INSERT INTO entity_links (document, local, entity) VALUES ('a', 0, 1), ('b', 3, 1);
                """;
            downgrade.ExecuteNonQuery();
        }

        using var store = SqliteDocumentStore.Open(db, Sitrep.Tests.TestSupport.TestPipelines.Full.Codecs);
        Assert.Equal(Sitrep.Storage.StoreSchema.LatestVersion, store.SchemaVersion);
        store.Entities.InTransaction(() =>
        {
            // Two old links for GPE against one new article's ORG: still a place.
            store.Entities.Link("c", 0, 1, "ORG");
            Assert.Equal("GPE", store.Entities.Get(1).Type);
            store.Entities.Link("d", 0, 1, "ORG");
            store.Entities.Link("e", 0, 1, "ORG");
            Assert.Equal("ORG", store.Entities.Get(1).Type);
        });
    }
}

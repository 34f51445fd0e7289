using Microsoft.Data.Sqlite;
using Sitrep.Storage;
using Sitrep.Tests.TestSupport;

namespace Sitrep.Tests.Storage;

/// <summary>
/// An entity's count, type and votes changed by links are held in memory and written once a transaction: what the
/// tables hold after the commit, and after a document whose resolution failed, must be what writing each link's
/// changes at once gave.
/// </summary>
public sealed class EntityPendingWritesTests
{
    [Fact]
    public void Counts_types_and_votes_of_links_are_in_the_tables_once_the_transaction_commits()
    {
        using var dir = new TempDir();
        var db = dir.File("pending.db");
        long id = 0;
        using (var store = SqliteDocumentStore.Open(db, TestPipelines.Full.Codecs))
        {
            var index = store.Entities;
            index.InTransaction(() =>
            {
                id = index.Create("Harbour Workers Union", "PERSON");
                index.Link("a", 0, id, "PERSON", null, "NLD");
                // As the resolver links a document: its links emptied first, then each of its entities in turn; the same
                // document twice counts once (told without a query here), and so does "c", linked without that.
                index.Unlink("b");
                index.Link("b", 0, id, "ORG", "labour", "NLD");
                index.Link("b", 1, id, "ORG", "labour", null);
                index.Link("c", 1, id, "ORG", null, null);
                index.Link("c", 0, id, "ORG", "labour", "BEL");
                // Read back inside the transaction as the tables would give it.
                Assert.Equal(new Sitrep.Entities.Resolution.StoredEntity(id, "Harbour Workers Union", "ORG", 3), index.Get(id));
                Assert.Equal(("labour", "NLD"), store.Entities.Affiliation(id));
            });
        }
        Assert.Equal("ORG|3", Scalar(db, $"SELECT type || '|' || documents FROM entities WHERE id = {id}"));
        Assert.Equal("ORG=4 PERSON=1", Scalar(db, $"SELECT group_concat(type || '=' || votes, ' ') FROM (SELECT * FROM entity_types WHERE entity = {id} ORDER BY type)"));
        Assert.Equal("country:BEL=1 country:NLD=2 sector:labour=3",
            Scalar(db, $"SELECT group_concat(kind || ':' || value || '=' || votes, ' ') FROM (SELECT * FROM entity_attributes WHERE entity = {id} ORDER BY kind, value)"));
    }

    [Fact]
    public void A_document_that_fails_takes_back_only_its_own_links_even_after_the_held_changes_were_written_inside_it()
    {
        using var dir = new TempDir();
        var db = dir.File("pending.db");
        long id = 0;
        using (var store = SqliteDocumentStore.Open(db, TestPipelines.Full.Codecs))
        {
            var index = store.Entities;
            index.InTransaction(() =>
            {
                id = index.Create("Vellmar", "GPE");
                index.AllOrNothing(() => index.Link("a", 0, id, "GPE", "government", "FRA"));
                Assert.Throws<InvalidOperationException>(() => index.AllOrNothing(() =>
                {
                    index.Link("b", 0, id, "ORG", null, "DEU");
                    index.Link("b", 1, id, "ORG", null, "DEU");
                    // A query over the entity tables writes what is held (the first document's changes too) inside this savepoint.
                    _ = store.Entities.EntitiesOf("a", 1);
                    Assert.Equal("ORG", index.Get(id).Type);
                    throw new InvalidOperationException("the document fails");
                }));
                Assert.Equal(new Sitrep.Entities.Resolution.StoredEntity(id, "Vellmar", "GPE", 1), index.Get(id));
                index.AllOrNothing(() => index.Link("c", 0, id, "GPE", null, null));
            });
        }
        Assert.Equal("GPE|2", Scalar(db, $"SELECT type || '|' || documents FROM entities WHERE id = {id}"));
        Assert.Equal("GPE=2", Scalar(db, $"SELECT group_concat(type || '=' || votes, ' ') FROM (SELECT * FROM entity_types WHERE entity = {id} ORDER BY type)"));
        Assert.Equal("country:FRA=1 sector:government=1",
            Scalar(db, $"SELECT group_concat(kind || ':' || value || '=' || votes, ' ') FROM (SELECT * FROM entity_attributes WHERE entity = {id} ORDER BY kind, value)"));
        Assert.Equal("a c", Scalar(db, $"SELECT group_concat(document, ' ') FROM (SELECT document FROM entity_links WHERE entity = {id} ORDER BY document)"));
    }

    [Fact]
    public void A_transaction_rolled_back_leaves_nothing_held_for_the_next()
    {
        using var dir = new TempDir();
        var db = dir.File("pending.db");
        long id = 0;
        using (var store = SqliteDocumentStore.Open(db, TestPipelines.Full.Codecs))
        {
            var index = store.Entities;
            index.InTransaction(() => id = index.Create("Ostrava Steel", "ORG"));
            Assert.ThrowsAny<Exception>(() => index.InTransaction(() =>
            {
                index.Link("a", 0, id, "ORG", "business", "CZE");
                throw new InvalidOperationException("the batch fails");
            }));
            index.InTransaction(() => index.Link("b", 0, id, "ORG", null, null));
            Assert.Equal(1, index.Get(id).Documents);
        }
        Assert.Equal("ORG|1", Scalar(db, $"SELECT type || '|' || documents FROM entities WHERE id = {id}"));
        Assert.Equal("ORG=1", Scalar(db, $"SELECT group_concat(type || '=' || votes, ' ') FROM entity_types WHERE entity = {id}"));
        Assert.Equal("", Scalar(db, $"SELECT COALESCE(group_concat(value, ' '), '') FROM entity_attributes WHERE entity = {id}"));
    }

    private static string Scalar(string db, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={db};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) ?? "";
    }
}

using Sitrep.Storage;
using Sitrep.Stories;
using Sitrep.Tests.TestSupport;

namespace Sitrep.Tests.Storage;

/// <summary>
/// The entity and story indexes cache what resolution and grouping read most (the links of a person's
/// documents, each story's size and days): what they answer must stay what the tables hold after links,
/// merges, rolled-back work and another connection's writes.
/// </summary>
public sealed class StoreCacheTests
{
    [Fact]
    public void The_keys_an_entity_lists_are_the_ones_a_merge_moves_to_the_entity_that_absorbs_it()
    {
        // The resolver keeps its key look-ups across a merge by moving exactly these keys' ids (EntityResolver.MergeInto):
        // a key missing here would keep pointing at the absorbed entity, one listed wrongly would gain the kept one.
        using var dir = new TempDir();
        using var store = SqliteDocumentStore.Open(dir.File("keys.db"), TestPipelines.Full.Codecs);
        var index = store.Entities;
        long kept = 0, absorbed = 0, other = 0;
        index.InTransaction(() =>
        {
            kept = index.Create("Harbour Workers Union", "ORG");
            absorbed = index.Create("HWU", "ORG");
            other = index.Create("Port Authority", "ORG");
            index.AddKeys(kept, ["harbour workers union", "union"]);
            index.AddKeys(absorbed, ["hwu", "union"]);
            index.AddKeys(other, ["port authority"]);
        });
        Assert.Equal(new[] { "hwu", "union" }, index.KeysOf(absorbed)!.Order());
        Assert.Equal(new[] { "port authority" }, index.KeysOf(other)!.Order());

        index.InTransaction(() => index.Merge(kept, absorbed));
        foreach (var key in new[] { "hwu", "union" })
            Assert.Equal(new[] { kept }, index.Lookup(key));
        Assert.Empty(index.KeysOf(absorbed)!);
        Assert.Equal(new[] { "harbour workers union", "hwu", "union" }, index.KeysOf(kept)!.Order());
        Assert.Equal(new[] { other }, index.Lookup("port authority"));
    }

    [Fact]
    public void A_persons_company_follows_new_links_merges_and_rolled_back_work()
    {
        using var dir = new TempDir();
        var path = dir.File("company.db");
        using var store = SqliteDocumentStore.Open(path, TestPipelines.Full.Codecs);
        var index = store.Entities;
        long smith = 0, minister = 0, union = 0, ministry = 0;
        index.InTransaction(() =>
        {
            smith = index.Create("Dana Smith", "PERSON");
            minister = index.Create("Ari Velan", "PERSON");
            union = index.Create("Harbour Workers Union", "ORG");
            ministry = index.Create("Ministry of Ports", "ORG");
            index.Link("a", 0, smith, "PERSON");
            index.Link("a", 1, minister, "PERSON");
        });
        Assert.Equal(new[] { minister }, index.Context(smith, 50).Keys.Order());

        // A new link of a document already read, and a new document.
        index.InTransaction(() =>
        {
            index.Link("a", 2, union, "ORG");
            index.Link("b", 0, smith, "PERSON");
            index.Link("b", 1, union, "ORG");
        });
        var company = index.Context(smith, 50);
        Assert.Equal(2, company[union]);
        Assert.Equal(1, company[minister]);
        Assert.False(company.ContainsKey(ministry));

        // The union absorbed into the ministry: the company names the ministry, in both documents.
        index.InTransaction(() => index.Merge(ministry, union));
        company = index.Context(smith, 50);
        Assert.Equal(2, company[ministry]);
        Assert.False(company.ContainsKey(union));

        // Work that fails is rolled back, and so is what the company read of it.
        Assert.ThrowsAny<InvalidOperationException>(() => index.InTransaction(() =>
            index.AllOrNothing(() =>
            {
                index.Unlink("a");
                Assert.False(index.Context(smith, 50).ContainsKey(minister));
                throw new InvalidOperationException("the document failed");
            })));
        Assert.Equal(1, index.Context(smith, 50)[minister]);

        // Another connection (another process) unlinks a document: the company is read again.
        using (var other = SqliteDocumentStore.Open(path, TestPipelines.Full.Codecs))
            other.Entities.InTransaction(() => other.Entities.Unlink("b"));
        company = index.Context(smith, 50);
        Assert.Equal(1, company[ministry]);
        Assert.Equal(1, company[minister]);
    }

    [Fact]
    public void A_stories_candidates_give_its_size_and_days_as_saved_and_follow_merges()
    {
        using var dir = new TempDir();
        var path = dir.File("stories.db");
        using var store = SqliteDocumentStore.Open(path, TestPipelines.Full.Codecs);
        var index = store.Feature<IStoryIndex>()!;
        long older = 0, newer = 0;
        store.Entities.InTransaction(() =>
        {
            older = index.Create("Port strike");
            newer = index.Create("Dockers walk out");
            index.AddPostings(older, ["strike", "port"]);
            index.AddPostings(newer, ["strike"]);
        });
        Assert.Equal(new[] { (newer, 0), (older, 0) }, index.Candidates("strike", 10).Select(c => (c.Id, c.Size)));

        store.Entities.InTransaction(() => index.Save(new StoryState { Id = older, Title = "Port strike", Size = 2, First = "2024-03-01", Last = "2024-03-02" }));
        var found = Assert.Single(index.Candidates("port", 10));
        Assert.Equal((older, 2, "2024-03-01", "2024-03-02"), (found.Id, found.Size, found.First, found.Last));

        // The newer story absorbed: its postings find the older one, with the older one's size and days.
        store.Entities.InTransaction(() => index.Merge(older, newer));
        var merged = Assert.Single(index.Candidates("strike", 10));
        Assert.Equal((older, 2, "2024-03-02"), (merged.Id, merged.Size, merged.Last));
        // The summary framing asks for follows the merge as the whole story does, and knows no story that is not there.
        Assert.Equal((older, 2, "2024-03-02"), (index.Summary(newer)!.Id, index.Summary(newer)!.Size, index.Summary(newer)!.Last));
        Assert.Equal(index.Story(newer)!.Id, index.Summary(newer)!.Id);
        Assert.Null(index.Summary(newer + 1000));

        // A save rolled back leaves the candidates as the table has them.
        Assert.ThrowsAny<InvalidOperationException>(() => store.Entities.InTransaction(() =>
            index.AllOrNothing(() =>
            {
                index.Save(new StoryState { Id = older, Size = 9, First = "2024-03-01", Last = "2024-03-09" });
                Assert.Equal(9, index.Candidates("port", 10)[0].Size);
                throw new InvalidOperationException("the article failed");
            })));
        Assert.Equal(2, index.Candidates("port", 10)[0].Size);
        Assert.Equal(2, index.Summary(older)!.Size);

        // Another connection saves the story: its candidates read it again.
        using (var other = SqliteDocumentStore.Open(path, TestPipelines.Full.Codecs))
            other.Entities.InTransaction(() => other.Feature<IStoryIndex>()!.Save(new StoryState { Id = older, Size = 3, First = "2024-03-01", Last = "2024-03-04" }));
        Assert.Equal((3, "2024-03-04"), (index.Candidates("port", 10)[0].Size, index.Candidates("port", 10)[0].Last));
        Assert.Equal((3, "2024-03-04"), (index.Summary(newer)!.Size, index.Summary(newer)!.Last));
    }

    [Fact]
    public void An_entitys_row_read_in_a_transaction_follows_its_links_votes_merges_and_rolled_back_work()
    {
        using var dir = new TempDir();
        var path = dir.File("rows.db");
        using var store = SqliteDocumentStore.Open(path, TestPipelines.Full.Codecs);
        var index = store.Entities;
        long port = 0, harbour = 0;
        index.InTransaction(() =>
        {
            port = index.Create("Port Velan", "ORG");
            harbour = index.Create("Velan Harbour", "GPE");
            index.Link("a", 0, port, "ORG");
            Assert.Equal(1, index.Get(port).Documents);
            // A second document and two more votes for another type, read back in the same transaction.
            index.Link("b", 0, port, "GPE");
            index.Link("c", 0, port, "GPE");
            Assert.Equal((3, "GPE"), (index.Get(port).Documents, index.Get(port).Type));
            index.Unlink("c");
            Assert.Equal(2, index.Get(port).Documents);
            Assert.Equal(new long?[] { port, null }, index.EntitiesOf("a", 2).Select(e => e?.Id));
            // Absorbed into another: the absorbed id reads as the one that kept it, and so do the document's entities.
            index.Merge(harbour, port);
            Assert.Equal(harbour, index.Get(port).Id);
            Assert.Equal(2, index.Get(harbour).Documents);
            Assert.Equal(new long?[] { harbour, null }, index.EntitiesOf("a", 2).Select(e => e?.Id));
            Assert.Equal(new long?[] { harbour }, index.EntitiesOf("a", 1).Select(e => e?.Id));
            index.Link("a", 1, port, "GPE");
            Assert.Equal(new long?[] { harbour, harbour }, index.EntitiesOf("a", 2).Select(e => e?.Id));
            index.Unlink("a");
            Assert.Equal(new long?[] { null, null }, index.EntitiesOf("a", 2).Select(e => e?.Id));
            index.Link("a", 0, harbour, "GPE");
        });
        Assert.Equal((harbour, 2), (index.Get(port).Id, index.Get(port).Documents));

        // Work that fails is rolled back, and so is what was read of it.
        Assert.ThrowsAny<InvalidOperationException>(() => index.InTransaction(() =>
            index.AllOrNothing(() =>
            {
                index.Link("d", 0, harbour, "GPE");
                Assert.Equal(3, index.Get(harbour).Documents);
                throw new InvalidOperationException("the document failed");
            })));
        index.InTransaction(() => Assert.Equal(2, index.Get(harbour).Documents));

        // Another connection (another process) links a document: the next transaction reads the row again.
        using (var other = SqliteDocumentStore.Open(path, TestPipelines.Full.Codecs))
            other.Entities.InTransaction(() => other.Entities.Link("e", 0, harbour, "GPE"));
        index.InTransaction(() => Assert.Equal(3, index.Get(harbour).Documents));
        Assert.Equal(3, index.Get(harbour).Documents);
    }

    [Fact]
    public void An_entitys_row_is_read_from_the_table_once_until_this_index_writes_it()
    {
        using var dir = new TempDir();
        using var store = SqliteDocumentStore.Open(dir.File("reads.db"), TestPipelines.Full.Codecs);
        var index = store.Entities;
        long port = 0;
        index.InTransaction(() =>
        {
            port = index.Create("Port Velan", "ORG");
            index.Link("a", 0, port, "ORG");
        });
        index.InTransaction(() =>
        {
            int before = index.RowReads;
            Assert.Equal(1, index.Get(port).Documents);
            Assert.Equal(1, index.Get(port).Documents);
            Assert.Equal("Port Velan", index.Get(port).Name);
            Assert.Equal(before + 1, index.RowReads);
            // A link writes the row: the next read goes to the table and sees the new count.
            index.Link("b", 0, port, "ORG");
            Assert.Equal(2, index.Get(port).Documents);
            Assert.Equal(2, index.Get(port).Documents);
            Assert.Equal(before + 2, index.RowReads);
        });
        // A new transaction keeps what the last one read when no other connection has written since.
        int after = index.RowReads;
        index.InTransaction(() => Assert.Equal(2, index.Get(port).Documents));
        Assert.Equal(after, index.RowReads);

        // Another connection links a document: the next transaction reads the row again and sees its count.
        using (var other = SqliteDocumentStore.Open(dir.File("reads.db"), TestPipelines.Full.Codecs))
            other.Entities.InTransaction(() => other.Entities.Link("c", 0, port, "ORG"));
        index.InTransaction(() => Assert.Equal(3, index.Get(port).Documents));
        Assert.Equal(after + 1, index.RowReads);

        // A rolled-back link leaves no row behind in what is kept.
        Assert.ThrowsAny<InvalidOperationException>(() => index.InTransaction(() =>
        {
            index.Link("d", 0, port, "ORG");
            Assert.Equal(4, index.Get(port).Documents);
            throw new InvalidOperationException("the article failed");
        }));
        index.InTransaction(() => Assert.Equal(3, index.Get(port).Documents));
    }

    [Fact]
    public void Entities_and_stories_merged_in_a_chain_are_read_as_the_tables_have_them()
    {
        using var dir = new TempDir();
        var path = dir.File("merges.db");
        using var store = SqliteDocumentStore.Open(path, TestPipelines.Full.Codecs);
        var entities = store.Entities;
        var stories = store.Feature<IStoryIndex>()!;
        long a = 0, b = 0, c = 0, s1 = 0, s2 = 0, s3 = 0;
        entities.InTransaction(() =>
        {
            a = entities.Create("Mira Tollan", "PERSON");
            b = entities.Create("M. Tollan", "PERSON");
            c = entities.Create("Tollan", "PERSON");
            entities.Link("d1", 0, a, "PERSON");
            entities.Link("d2", 0, b, "PERSON");
            entities.Link("d3", 0, c, "PERSON");
            s1 = stories.Create("Ferry strike");
            s2 = stories.Create("Ferry strike spreads");
            s3 = stories.Create("Ports shut");
            stories.Save(new StoryState { Id = s1, Title = "Ferry strike", Size = 2, First = "2026-03-01", Last = "2026-03-02" });
            stories.Save(new StoryState { Id = s2, Title = "Ferry strike spreads", Size = 1, First = "2026-03-03", Last = "2026-03-03" });
            stories.Save(new StoryState { Id = s3, Title = "Ports shut", Size = 4, First = "2026-03-02", Last = "2026-03-05" });
            stories.AddPostings(s1, ["ferry"]);
            stories.AddPostings(s2, ["ferry", "strike"]);
        });
        entities.InTransaction(() =>
        {
            // Every row read (and so kept) before the merges.
            Assert.Equal(a, entities.Get(a).Id);
            Assert.Equal(b, entities.Get(b).Id);
            Assert.Equal(s2, stories.Summary(s2)!.Id);
            Assert.Equal(s1, stories.Summary(s1)!.Id);
            entities.Merge(b, a);
            stories.Merge(s2, s1);
            Assert.Equal(b, entities.Get(a).Id);
            Assert.Equal(2, entities.Get(a).Documents);
            // The entity that absorbed another is absorbed in turn: the first one points at the last.
            entities.Merge(c, b);
            stories.Merge(s3, s2);
        });
        entities.InTransaction(() =>
        {
            Assert.Equal(c, entities.Get(a).Id);
            Assert.Equal(c, entities.Get(b).Id);
            Assert.Equal(3, entities.Get(a).Documents);
            Assert.Equal((s3, 4, "2026-03-02", "2026-03-05"), Of(stories.Summary(s1)!));
            Assert.Equal((s3, 4, "2026-03-02", "2026-03-05"), Of(stories.Summary(s2)!));
            Assert.Equal(new[] { s3 }, stories.Candidates("ferry", 5).Select(x => x.Id).Distinct().ToArray());
            Assert.All(stories.Candidates("strike", 5), x => Assert.Equal((s3, 4), (x.Id, x.Size)));
        });

        // Read afresh by another connection, the tables say the same.
        using var other = SqliteDocumentStore.Open(path, TestPipelines.Full.Codecs);
        var otherStories = other.Feature<IStoryIndex>()!;
        other.Entities.InTransaction(() =>
        {
            Assert.Equal(c, other.Entities.Get(a).Id);
            Assert.Equal(3, other.Entities.Get(a).Documents);
            Assert.Equal((s3, 4, "2026-03-02", "2026-03-05"), Of(otherStories.Summary(s1)!));
            Assert.Equal(
                stories.Candidates("ferry", 5).Select(x => (x.Id, x.Size, x.First, x.Last)).ToArray(),
                otherStories.Candidates("ferry", 5).Select(x => (x.Id, x.Size, x.First, x.Last)).ToArray());
        });

        static (long, int, string?, string?) Of(StoryCandidate x) => (x.Id, x.Size, x.First, x.Last);
    }

    [Fact]
    public void A_terms_candidates_are_its_newest_stories_as_postings_are_added_merged_and_rolled_back()
    {
        using var dir = new TempDir();
        var path = dir.File("postings.db");
        using var store = SqliteDocumentStore.Open(path, TestPipelines.Full.Codecs);
        var index = store.Feature<IStoryIndex>()!;
        var ids = new List<long>();
        store.Entities.InTransaction(() =>
        {
            for (int i = 0; i < 4; i++)
            {
                long id = index.Create($"Strike {i}");
                index.Save(new StoryState { Id = id, Title = $"Strike {i}", Size = 1 });
                ids.Add(id);
            }
            index.AddPostings(ids[0], ["strike"]);
            index.AddPostings(ids[2], ["strike"]);
        });
        long[] Found(string term, int limit) => [.. index.Candidates(term, limit).Select(c => c.Id)];
        Assert.Equal(new[] { ids[2], ids[0] }, Found("strike", 2));

        store.Entities.InTransaction(() =>
        {
            // A newer story comes first and the oldest leaves the two newest; an older one than both is not among them.
            index.AddPostings(ids[3], ["strike", "dock"]);
            Assert.Equal(new[] { ids[3], ids[2] }, Found("strike", 2));
            index.AddPostings(ids[1], ["strike"]);
            Assert.Equal(new[] { ids[3], ids[2] }, Found("strike", 2));
            // Filed again: nothing changes.
            index.AddPostings(ids[3], ["strike"]);
            Assert.Equal(new[] { ids[3], ids[2] }, Found("strike", 2));
            Assert.Equal(new[] { ids[3] }, Found("dock", 2));
        });
        Assert.Equal(new[] { ids[3], ids[2], ids[1], ids[0] }, Found("strike", 10));

        // A posting rolled back is not found.
        Assert.ThrowsAny<InvalidOperationException>(() => store.Entities.InTransaction(() =>
            index.AllOrNothing(() =>
            {
                index.AddPostings(ids[0], ["dock"]);
                Assert.Equal(new[] { ids[3], ids[0] }, Found("dock", 2));
                throw new InvalidOperationException("the article failed");
            })));
        Assert.Equal(new[] { ids[3] }, Found("dock", 2));

        // The newest story absorbed into the oldest: its postings find the oldest.
        store.Entities.InTransaction(() => index.Merge(ids[0], ids[3]));
        Assert.Equal(new[] { ids[0] }, Found("dock", 2));

        // Another connection files a posting: it is found.
        using (var other = SqliteDocumentStore.Open(path, TestPipelines.Full.Codecs))
            other.Entities.InTransaction(() => other.Feature<IStoryIndex>()!.AddPostings(ids[2], ["dock"]));
        Assert.Equal(new[] { ids[2], ids[0] }, Found("dock", 2));
    }

    [Fact]
    public void A_terms_candidates_stay_what_the_table_gives_through_many_postings_and_merges()
    {
        using var dir = new TempDir();
        var path = dir.File("postings-random.db");
        using var store = SqliteDocumentStore.Open(path, TestPipelines.Full.Codecs);
        var index = store.Feature<IStoryIndex>()!;
        string[] terms = ["port", "strike", "dock", "ferry", "toll", "bridge"];
        var live = new List<long>();
        store.Entities.InTransaction(() =>
        {
            for (int i = 0; i < 20; i++)
            {
                long id = index.Create($"Story {i}");
                index.Save(new StoryState { Id = id, Title = $"Story {i}", Size = 1 });
                live.Add(id);
            }
        });
        var random = new Random(7);
        const int Limit = 3;
        long[] Found(IStoryIndex from, string term) => [.. from.Candidates(term, Limit).Select(c => c.Id)];
        for (int step = 0; step < 150; step++)
        {
            store.Entities.InTransaction(() =>
            {
                // Every term asked for first, so what is kept of them is what the step changes.
                foreach (var term in terms)
                    Found(index, term);
                if (live.Count > 2 && random.Next(4) == 0)
                {
                    long a = live[random.Next(live.Count)], b = live[random.Next(live.Count)];
                    if (a != b)
                    {
                        // As grouping merges: into the older, or (rarely) the other way round.
                        var (kept, absorbed) = (a < b) == (random.Next(5) != 0) ? (a, b) : (b, a);
                        index.Merge(kept, absorbed);
                        live.Remove(absorbed);
                    }
                }
                else
                {
                    var some = terms.Where(_ => random.Next(3) == 0).ToList();
                    index.AddPostings(live[random.Next(live.Count)], some);
                }
            });
            // A store opened afresh reads every term's postings from the table.
            using var fresh = SqliteDocumentStore.Open(path, TestPipelines.Full.Codecs);
            foreach (var term in terms)
                Assert.Equal(Found(fresh.Feature<IStoryIndex>()!, term), Found(index, term));
        }
    }
}

using Sitrep.Ingest;
using Sitrep.Storage;
using Xunit;

namespace Sitrep.Tests.Storage;

/// <summary>Run alone: the check looks at every file the test process has open, and other tests open stores too.</summary>
[CollectionDefinition(nameof(StatementJournalCollection), DisableParallelization = true)]
public sealed class StatementJournalCollection;

/// <summary>
/// Cross-document stages write each document inside a savepoint of the batch's transaction, and SQLite copies every page a
/// savepoint first changes into a statement journal, a temporary file once it passes 64 KB unless told otherwise: on the
/// whole allsides corpus those files were opened, written and deleted for every document. The store keeps a journal in
/// memory up to 127 KB; past that it must still go on in a file, which with a block of 8 MB SQLite could not write.
/// </summary>
[Collection(nameof(StatementJournalCollection))]
public sealed class StatementJournalTests : IDisposable
{
    private readonly TempStorePath _file = new();

    public void Dispose() => _file.Dispose();

    [Fact]
    public void A_savepoint_that_rewrites_a_few_pages_opens_no_temporary_file()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "reads the process's open files from /proc");
        using var store = SqliteDocumentStore.Open(_file.Path, TestSupport.TestPipelines.Full.Codecs);
        // 3 documents of 2,000 characters rewritten inside one savepoint: with their layers, indexes and full-text rows
        // about 100 KB to journal, past the 64 KB SQLite keeps in memory by default, under the store's 127 KB.
        store.SaveBatch([.. Enumerable.Range(0, 200).Select(i => TestDocuments.Plain($"{i}.txt", $"d{i}", Body('a', i)))]);
        int during = -1;
        store.InOneTransaction(() => store.Entities.AllOrNothing(() =>
        {
            var outcomes = store.SaveBatch([.. Enumerable.Range(0, 3).Select(i => TestDocuments.Plain($"{i}.txt", $"d{i}", Body('b', i)))]);
            Assert.All(outcomes, o => Assert.Equal(StoreStatus.Updated, o.Status));
            during = TemporaryFilesOpen();
        }));

        Assert.Equal(0, during);
        // The rewrite is kept: the savepoint was released and the transaction committed.
        Assert.StartsWith("b", store.Load("d2")!.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_savepoint_that_journals_megabytes_is_written_not_refused_as_a_full_disk()
    {
        using var store = SqliteDocumentStore.Open(_file.Path, TestSupport.TestPipelines.Full.Codecs);
        // 400 documents of about 40,000 characters: 16 MB of pages, all rewritten inside one savepoint, so the journal
        // passes any block SQLite keeps in memory and goes on in a file (with a block of 8 MB it failed: SQLITE_FULL).
        store.SaveBatch([.. Enumerable.Range(0, 400).Select(i => TestDocuments.Plain($"{i}.txt", $"d{i}", Body('a', i, 20)))]);
        store.InOneTransaction(() => store.Entities.AllOrNothing(() =>
        {
            var outcomes = store.SaveBatch([.. Enumerable.Range(0, 400).Select(i => TestDocuments.Plain($"{i}.txt", $"d{i}", Body('b', i, 20)))]);
            Assert.All(outcomes, o => Assert.Equal(StoreStatus.Updated, o.Status));
        }));

        Assert.All(Enumerable.Range(0, 400), i => Assert.StartsWith("b", store.Load($"d{i}")!.Text, StringComparison.Ordinal));
        Assert.Equal(400, store.Count());
    }

    [Fact]
    public void A_failed_document_whose_journal_went_to_a_file_is_still_taken_back()
    {
        using var store = SqliteDocumentStore.Open(_file.Path, TestSupport.TestPipelines.Full.Codecs);
        store.SaveBatch([.. Enumerable.Range(0, 400).Select(i => TestDocuments.Plain($"{i}.txt", $"d{i}", Body('a', i, 20)))]);

        store.InOneTransaction(() =>
        {
            Assert.Throws<InvalidOperationException>(() => store.Entities.AllOrNothing(() =>
            {
                store.SaveBatch([.. Enumerable.Range(0, 400).Select(i => TestDocuments.Plain($"{i}.txt", $"d{i}", Body('b', i, 20)))]);
                throw new InvalidOperationException("the document failed");
            }));
            store.Save(TestDocuments.Plain("new.txt", "n", Body('c', 0)));
        });

        Assert.All(Enumerable.Range(0, 400), i => Assert.StartsWith("a", store.Load($"d{i}")!.Text, StringComparison.Ordinal));
        Assert.StartsWith("c", store.Load("n")!.Text, StringComparison.Ordinal);
        Assert.Equal(401, store.Count());
    }

    [Fact]
    public void A_failed_document_inside_a_savepoint_is_still_taken_back()
    {
        using var store = SqliteDocumentStore.Open(_file.Path, TestSupport.TestPipelines.Full.Codecs);
        store.SaveBatch([.. Enumerable.Range(0, 200).Select(i => TestDocuments.Plain($"{i}.txt", $"d{i}", Body('a', i)))]);

        store.InOneTransaction(() =>
        {
            Assert.Throws<InvalidOperationException>(() => store.Entities.AllOrNothing(() =>
            {
                store.SaveBatch([.. Enumerable.Range(0, 10).Select(i => TestDocuments.Plain($"{i}.txt", $"d{i}", Body('b', i)))]);
                throw new InvalidOperationException("the document failed");
            }));
            store.Save(TestDocuments.Plain("new.txt", "n", Body('c', 0)));
        });

        // The journal kept in memory still undoes what the failed savepoint wrote; what came after it is kept.
        Assert.All(Enumerable.Range(0, 200), i => Assert.StartsWith("a", store.Load($"d{i}")!.Text, StringComparison.Ordinal));
        Assert.StartsWith("c", store.Load("n")!.Text, StringComparison.Ordinal);
        Assert.Equal(201, store.Count());
    }

    private static string Body(char letter, int i, int times = 1) => letter + " " + string.Concat(Enumerable.Repeat($"Sentence {i} of a long article body. ", 55 * times));

    /// <summary>SQLite's temporary files (named etilqs_…, deleted as soon as they are opened) this process holds open.</summary>
    private static int TemporaryFilesOpen()
    {
        int count = 0;
        foreach (var fd in Directory.EnumerateFileSystemEntries("/proc/self/fd"))
        {
            try
            {
                if (new FileInfo(fd).LinkTarget is { } target && target.Contains("etilqs", StringComparison.Ordinal))
                    count++;
            }
            catch (IOException)
            {
                // Closed while listed.
            }
        }
        return count;
    }
}

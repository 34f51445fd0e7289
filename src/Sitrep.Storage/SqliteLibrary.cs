using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Sitrep.Storage;

/// <summary>
/// SQLite settings that cost the storing thread nothing in what it stores, only in how SQLite gets there
/// (every store table the same row for row: docs/speed-notes.md, "SQLite's own overheads").
/// </summary>
internal static class SqliteLibrary
{
    private static readonly Lock Gate = new();
    private static bool s_configured;

    /// <summary>
    /// Whether a statement journal stays in memory up to <see cref="StatementJournalInMemory"/> bytes in one block (set by
    /// <see cref="Configure"/>); when SQLite refused the setting, the store keeps temporary storage in memory instead.
    /// </summary>
    public static bool StatementJournalsInOneBlock { get; private set; }

    /// <summary>
    /// 8 MB: a document's savepoint journals a few hundred KB; one of more (a merge of large entities) goes on in a
    /// temporary file. Under the C library's largest threshold for mapping a block of its own (32 MB), so the block is
    /// taken from and given back to its heap, not mapped afresh each time.
    /// </summary>
    private const int StatementJournalInMemory = 8 * 1024 * 1024;

    private const int ConfigStatementJournalSpill = 26;

    /// <summary>
    /// Process-wide, before the first connection opens (SQLite refuses it afterwards: the defaults then stay).
    /// Memory statistics off: with them on, every allocation and free SQLite makes takes a global mutex and asks
    /// the C library the block's size, for counts nothing here reads (no heap limit is set). And statement journals
    /// in one block of <see cref="StatementJournalInMemory"/>: each document's savepoints (one per cross-document
    /// stage) copy every page they first change into one, which with temporary storage in memory grows by blocks of
    /// 1 KB (four allocations a page, all freed when the savepoint ends: merges-10k, about a tenth of the storing
    /// thread's samples in the C library's allocator and the journal's code).
    /// </summary>
    public static void Configure()
    {
        lock (Gate)
        {
            if (s_configured)
                return;
            s_configured = true;
            Batteries_V2.Init();
            raw.sqlite3_config(raw.SQLITE_CONFIG_MEMSTATUS, 0);
            StatementJournalsInOneBlock = raw.sqlite3_config(ConfigStatementJournalSpill, StatementJournalInMemory) == raw.SQLITE_OK;
        }
    }

    private const int DbConfigLookaside = 1001;
    private const int DbConfigQueryPlannerStability = 1007;

    /// <summary>Slots of the store's connection's own allocator: about 1,500 of 1,200 bytes and 4,500 of 128 (2.4 MB).</summary>
    private const int LookasideSlotSize = 1200;
    private const int LookasideSlots = 2000;

    /// <summary>
    /// The store's own connection (the storing thread's), right after it opens. A lookaside of 2.4 MB instead of SQLite's
    /// default few dozen slots: the statements it keeps prepared hold those for good, so the small allocations of every run went
    /// to the C library instead (merges-10k: 13.6 million, 1,360 an article; none with this). And the query planner's
    /// stability guarantee: since 3.48 SQLite plans a <c>LIMIT $n</c> by n's bound value and so prepares the statement
    /// again whenever n is bound anew (a story's postings and members, an entity's documents: 85,000 times over
    /// merges-10k); with it, plans do not depend on bound values (no query here needs them to: every LIMIT runs
    /// down an index in the order asked).
    /// </summary>
    public static void Tune(SqliteConnection connection)
    {
        var db = connection.Handle!;
        // Refused (SQLITE_BUSY) if the slots are in use already; the default then stays.
        raw.sqlite3_db_config(db, DbConfigLookaside, IntPtr.Zero, LookasideSlotSize, LookasideSlots);
        raw.sqlite3_db_config(db, DbConfigQueryPlannerStability, 1, out _);
    }
}

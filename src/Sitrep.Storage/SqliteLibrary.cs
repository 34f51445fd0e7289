using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Sitrep.Storage;

/// <summary>
/// SQLite settings that cost the storing thread nothing in what it stores, only in how SQLite gets there
/// (every store table the same row for row: docs/speed-notes.md, "SQLite's own overheads").
/// </summary>
internal static partial class SqliteLibrary
{
    private static readonly Lock Gate = new();
    private static bool s_configured;

    /// <summary>
    /// Whether a statement journal stays in memory up to <see cref="StatementJournalInMemory"/> bytes in one block (set by
    /// <see cref="Configure"/>); when SQLite refused the setting, the store keeps temporary storage in memory instead.
    /// </summary>
    public static bool StatementJournalsInOneBlock { get; private set; }

    /// <summary>
    /// 127 KB, kept in memory in one block; a larger journal goes on in a temporary file. The bound is SQLite's, not a
    /// choice: on spilling, SQLite writes the block to the file in one call, and its unix layer writes at most 128 KB
    /// at once (it masks the length to 17 bits), so a block of 128 KB or more writes nothing and the statement fails with
    /// SQLITE_FULL, "database or disk is full", whatever the disk. The 8 MB block of stops 35-52 did so on the whole
    /// allsides corpus once a full-text merge inside a batch journaled more than 8 MB (docs/speed-notes.md, "A statement
    /// journal of 8 MB").
    /// </summary>
    private const int StatementJournalInMemory = 127 * 1024;

    private const int ConfigStatementJournalSpill = 26;

    /// <summary>
    /// Process-wide, before the first connection opens (SQLite refuses it afterwards: the defaults then stay).
    /// Memory statistics off: with them on, every allocation and free SQLite makes takes a global mutex and asks
    /// the C library the block's size, for counts nothing here reads (no heap limit is set). And statement journals
    /// in one block of <see cref="StatementJournalInMemory"/>: each document's savepoints (one per cross-document
    /// stage) copy every page they first change into one, which with temporary storage in memory grows by blocks of
    /// 1 KB (four allocations a page, all freed when the savepoint ends: merges-10k, about a tenth of the storing
    /// thread's samples in the C library's allocator and the journal's code) and is never bounded.
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

    /// <summary>
    /// Watches the store's connection's write-ahead log: after each commit SQLite tells its hook how many frames the log
    /// holds (<see cref="WalLog.Frames"/>), which the checkpointer reads instead of the log file's size. So the file need
    /// not be cut to what it uses whenever SQLite starts the log over (<c>journal_size_limit</c> 0 did that), which made
    /// the file system allocate and zero every block of it again each cycle (3.7% of the storing thread on merges-10k).
    /// The hook replaces SQLite's automatic checkpoint (<c>wal_autocheckpoint</c> is such a hook), so it does what that
    /// did: a passive checkpoint on this connection once the log holds <paramref name="boundFrames"/> frames.
    /// </summary>
    public static unsafe WalLog WatchLog(SqliteConnection connection, int boundFrames)
    {
        var log = new WalLog(connection, boundFrames);
        sqlite3_wal_hook(connection.Handle!.DangerousGetHandle(), &LogWritten, (IntPtr)log.Cell);
        return log;
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static unsafe int LogWritten(IntPtr cell, IntPtr db, IntPtr name, int frames)
    {
        var counts = (int*)cell;
        Volatile.Write(ref counts[0], frames);
        if (frames >= counts[1])
            _ = sqlite3_wal_checkpoint(db, name);
        return 0;
    }

    [LibraryImport("e_sqlite3")]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    private static unsafe partial IntPtr sqlite3_wal_hook(IntPtr db, delegate* unmanaged[Cdecl]<IntPtr, IntPtr, IntPtr, int, int> hook, IntPtr cell);

    [LibraryImport("e_sqlite3")]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    private static partial int sqlite3_wal_checkpoint(IntPtr db, IntPtr name);

    /// <summary>The frames of a connection's log as of its last commit, set by SQLite's hook (two integers of native memory: the frames and the bound).</summary>
    internal sealed unsafe class WalLog : IDisposable
    {
        private readonly SqliteConnection _connection;

        public WalLog(SqliteConnection connection, int boundFrames)
        {
            _connection = connection;
            using (var command = connection.CreateCommand())
            {
                command.CommandText = "PRAGMA page_size";
                _pageSize = Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
            }
            Cell = (int*)NativeMemory.AllocZeroed(2 * sizeof(int));
            Cell[1] = boundFrames;
        }

        public int* Cell { get; private set; }

        private readonly int _pageSize = 4096;

        /// <summary>The log's size in bytes as its file would be if cut to what it uses: a 32-byte header and frames of a page and a 24-byte header each.</summary>
        public long Bytes => Frames == 0 ? 0 : 32 + (Frames * (long)(_pageSize + 24));

        /// <summary>Frames in the log after the connection's last commit (0 before the first).</summary>
        public int Frames => Cell is null ? 0 : Volatile.Read(ref Cell[0]);

        /// <summary>Takes the hook off (while the connection is open) and frees the cell.</summary>
        public void Dispose()
        {
            if (Cell is null)
                return;
            if (_connection.Handle is { IsInvalid: false } handle)
                sqlite3_wal_hook(handle.DangerousGetHandle(), null, IntPtr.Zero);
            NativeMemory.Free(Cell);
            Cell = null;
        }
    }
}

using Microsoft.Data.Sqlite;

namespace Sitrep.Storage;

/// <summary>
/// Copies the write-ahead log into the database file on a thread and connection of its own, so that the
/// one thread that stores (and runs the cross-document stages) does not stop to do it: with SQLite's own
/// automatic checkpoint, the commit that filled the log copied every page in it and synced the file,
/// about a tenth of that thread's time. A checkpoint starts after a commit once the log holds
/// <see cref="Threshold"/> bytes; the store's connection keeps SQLite's automatic checkpoint at twice
/// that, as a bound on the log should these fall behind. Durability is SQLite's: a commit is
/// in the log before it returns, and a checkpoint, wherever it runs, only moves committed pages.
/// </summary>
/// <remarks>
/// The log's size is what SQLite's hook last said it holds (<see cref="SqliteLibrary.WatchLog"/>), not its file's:
/// the file keeps its size when SQLite starts the log over, so that its blocks are written over instead of
/// allocated and zeroed again by the file system every cycle.
/// </remarks>
internal sealed class WalCheckpointer : IDisposable
{
    /// <summary>
    /// 256 MB of log (65,536 pages of 4 KB). A checkpoint copies each page the log holds once, however many
    /// commits wrote it, and every batch's commit writes again most pages of the small, randomly written
    /// indexes (entity keys and links, story terms and frequencies, document hashes), so a longer log copies
    /// them fewer times: first 10,000 allsides articles, 2026-12-05, the process wrote 2,226 MB at 64 MB and
    /// 1,952 MB at 256 MB (the log itself 1,232 MB either way; the checkpoints 872 against 641 MB, replayed from the log).
    /// </summary>
    public const long Threshold = 256L * 1024 * 1024;

    /// <summary>The log's frames (of a 4 KB page) at which SQLite checkpoints on the store's own connection: twice <see cref="Threshold"/>, a bound should these fall behind.</summary>
    public const int BoundFrames = (int)(2 * Threshold / 4096);

    private readonly string _path;
    private readonly SqliteLibrary.WalLog? _log;
    private readonly long _threshold;
    private readonly Lock _lock = new();
    private Task _running = Task.CompletedTask;
    private SqliteConnection? _connection;
    private bool _disposed;

    /// <param name="path">The database file.</param>
    /// <param name="log">The store's connection's log, as its hook counts it (owned by this from here on).</param>
    /// <param name="threshold">The log's size in bytes that starts a checkpoint (tests use less).</param>
    public WalCheckpointer(string path, SqliteLibrary.WalLog? log, long threshold = Threshold)
    {
        _path = path;
        _log = log;
        _threshold = threshold;
    }

    /// <summary>How many checkpoints ran.</summary>
    public int Runs { get; private set; }

    /// <summary>Called by the store's thread after each commit: starts a checkpoint when the log has grown to the threshold and none is running.</summary>
    public void Committed() => Committed(_log?.Bytes ?? 0);

    /// <summary>As <see cref="Committed()"/>, with the log's size in bytes given.</summary>
    public void Committed(long logBytes)
    {
        if (!_running.IsCompleted || _disposed)
            return;
        if (logBytes >= _threshold)
            _running = Task.Run(Checkpoint);
    }

    private void Checkpoint()
    {
        lock (_lock)
        {
            if (_disposed)
                return;
            try
            {
                if (_connection is null)
                {
                    _connection = new SqliteConnection(new SqliteConnectionStringBuilder
                    {
                        DataSource = _path,
                        Mode = SqliteOpenMode.ReadWrite,
                        Pooling = false,
                        DefaultTimeout = 5,
                    }.ToString());
                    _connection.Open();
                }
                using var command = _connection.CreateCommand();
                // PASSIVE: copies what it can without waiting for, or blocking, the store's connection.
                command.CommandText = "PRAGMA wal_checkpoint(PASSIVE)";
                command.ExecuteNonQuery();
                Runs++;
            }
#pragma warning disable CA1031 // A checkpoint that fails is only late: the next one, or SQLite's own at the bound, copies the pages.
            catch (Exception)
#pragma warning restore CA1031
            {
            }
        }
    }

    /// <summary>Waits for a running checkpoint and closes its connection (before the store's own connection closes and checkpoints the rest); takes the log's hook off.</summary>
    public void Dispose()
    {
        _running.Wait();
        _log?.Dispose();
        lock (_lock)
        {
            _disposed = true;
            _connection?.Dispose();
            _connection = null;
        }
    }
}

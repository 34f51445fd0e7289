using Microsoft.Data.Sqlite;
using Sitrep.Storage;
using Xunit;

namespace Sitrep.Tests.Storage;

/// <summary>The store's checkpoints run on a connection of their own, once the log has grown, while the writer keeps the file open.</summary>
public sealed class WalCheckpointerTests : IDisposable
{
    private readonly TempStorePath _file = new();

    public void Dispose() => _file.Dispose();

    [Fact]
    public void A_log_past_the_threshold_is_copied_into_the_database_file_while_the_writer_keeps_it_open()
    {
        using var writer = OpenWriter();
        long before = new FileInfo(_file.Path).Length;
        Write(writer, rows: 400);

        var checkpointer = new WalCheckpointer(_file.Path, null, threshold: 256 * 1024);
        checkpointer.Committed(new FileInfo(_file.Path + "-wal").Length);
        checkpointer.Dispose();

        Assert.Equal(1, checkpointer.Runs);
        // The rows' pages are in the database file now, not only in the log; the writer is still open.
        Assert.True(new FileInfo(_file.Path).Length > before + (1024 * 1024), $"database file {new FileInfo(_file.Path).Length} bytes");
        using var reader = _file.OpenRaw(SqliteOpenMode.ReadOnly);
        using var count = reader.CreateCommand();
        count.CommandText = "SELECT COUNT(*) FROM t";
        Assert.Equal(400L, count.ExecuteScalar());
    }

    [Fact]
    public void A_small_log_is_left_alone()
    {
        using var writer = OpenWriter();
        long before = new FileInfo(_file.Path).Length;
        Write(writer, rows: 10);

        var checkpointer = new WalCheckpointer(_file.Path, null, threshold: 4 * 1024 * 1024);
        checkpointer.Committed(new FileInfo(_file.Path + "-wal").Length);
        checkpointer.Dispose();

        Assert.Equal(0, checkpointer.Runs);
        Assert.Equal(before, new FileInfo(_file.Path).Length);
    }

    [Fact]
    public void The_hook_counts_the_log_and_the_file_keeps_its_size_when_the_log_starts_over()
    {
        using var writer = OpenWriter();
        using var log = SqliteLibrary.WatchLog(writer, boundFrames: 1_000_000);
        Write(writer, rows: 100);
        long file = new FileInfo(_file.Path + "-wal").Length;
        // What the log holds is what its file holds while the log has not started over.
        Assert.Equal(file, log.Bytes);
        Assert.True(log.Frames > 100, $"{log.Frames} frames");

        var checkpointer = new WalCheckpointer(_file.Path, null, threshold: 64 * 1024);
        checkpointer.Committed(log.Bytes);
        checkpointer.Dispose();
        Assert.Equal(1, checkpointer.Runs);

        // The next commit starts the log over: the hook counts only its frames, the file is written over, not cut.
        Write(writer, rows: 1);
        Assert.InRange(log.Frames, 1, 10);
        Assert.Equal(file, new FileInfo(_file.Path + "-wal").Length);
    }

    [Fact]
    public void The_hook_checkpoints_on_the_writers_connection_at_its_bound_as_sqlite_would()
    {
        using var writer = OpenWriter();
        using var log = SqliteLibrary.WatchLog(writer, boundFrames: 50);
        long before = new FileInfo(_file.Path).Length;
        Write(writer, rows: 100);
        // Copied into the database file by the commit that passed the bound, so the next one starts the log over.
        Assert.True(new FileInfo(_file.Path).Length > before + (512 * 1024), $"database file {new FileInfo(_file.Path).Length} bytes");
        Write(writer, rows: 1);
        Assert.InRange(log.Frames, 1, 10);
    }

    private SqliteConnection OpenWriter()
    {
        var connection = _file.OpenRaw(SqliteOpenMode.ReadWriteCreate);
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode = WAL; PRAGMA wal_autocheckpoint = 0; CREATE TABLE t (x TEXT NOT NULL)";
        command.ExecuteNonQuery();
        return connection;
    }

    private static void Write(SqliteConnection connection, int rows)
    {
        using var transaction = connection.BeginTransaction();
        using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = "INSERT INTO t (x) VALUES ($x)";
        var x = insert.Parameters.Add("$x", SqliteType.Text);
        for (int i = 0; i < rows; i++)
        {
            x.Value = new string((char)('a' + (i % 26)), 8000);
            insert.ExecuteNonQuery();
        }
        transaction.Commit();
    }
}

using Microsoft.Data.Sqlite;

namespace Sitrep.Tests.Storage;

/// <summary>A store path under the temp directory, removed with its WAL files when the test ends.</summary>
internal sealed class TempStorePath : IDisposable
{
    public TempStorePath() =>
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "sitrep-store-test-" + Guid.NewGuid().ToString("N") + ".db");

    public string Path { get; }

    /// <summary>A plain connection to the file, bypassing the store, to see what another reader sees.</summary>
    public SqliteConnection OpenRaw(SqliteOpenMode mode = SqliteOpenMode.ReadWrite)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Path, Mode = mode, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }

    public void Dispose()
    {
        foreach (var suffix in new[] { "", "-wal", "-shm", "-journal" })
            File.Delete(Path + suffix);
    }
}

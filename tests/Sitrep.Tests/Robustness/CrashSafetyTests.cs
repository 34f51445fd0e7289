using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using Microsoft.Data.Sqlite;
using Sitrep.Tests.TestSupport;

namespace Sitrep.Tests.Robustness;

/// <summary>
/// The store survives a batch killed half way (what was committed is whole, a re-run completes it
/// without storing anything twice) and can be read by another process while a batch writes.
/// </summary>
public sealed class CrashSafetyTests
{
    private const int Records = 20_000;
    private static readonly TimeSpan RowsDeadline = TimeSpan.FromSeconds(60);

    [Fact]
    public void A_batch_killed_half_way_leaves_a_sound_store_and_a_rerun_stores_exactly_the_rest()
    {
        using var dir = new TempDir();
        var input = dir.Write("dump.jsonl", InventedNews.Jsonl(Records));
        var db = dir.File("s.db");

        int survived;
        using (var child = StartAnalyze(input, db))
        {
            try
            {
                WaitForRows(db, child);
            }
            finally
            {
                Kill(child);
            }
        }

        using (var connection = ReadOnly(db))
        {
            Assert.Equal("ok", Scalar<string>(connection, "PRAGMA integrity_check"));
            survived = Scalar<int>(connection, "SELECT COUNT(*) FROM documents");
        }
        Assert.True(survived > 0, "the batch was killed after rows were seen, yet none survived");
        if (survived >= Records)
            Assert.Skip($"the child stored all {Records:N0} records before it could be killed; nothing to check about a half-done batch");

        var (code, output) = CliRunner.Run("analyze", input, "--db", db);

        Assert.Equal(0, code);
        Assert.Equal(survived, InventedNews.SummaryCount(output, "already stored"));
        Assert.Equal(Records - survived, InventedNews.SummaryCount(output, "stored"));
        Assert.Equal(0, InventedNews.SummaryCount(output, "failed"));
        using (var connection = ReadOnly(db))
        {
            Assert.Equal("ok", Scalar<string>(connection, "PRAGMA integrity_check"));
            Assert.Equal(Records, Scalar<int>(connection, "SELECT COUNT(*) FROM documents"));
            Assert.Equal(Records, Scalar<int>(connection, "SELECT COUNT(DISTINCT source) FROM documents"));
        }
    }

    [Fact]
    public void Another_process_can_count_the_documents_while_a_batch_writes_and_sees_them_only_grow()
    {
        using var dir = new TempDir();
        var input = dir.Write("dump.jsonl", InventedNews.Jsonl(Records / 2));
        var db = dir.File("s.db");

        var counts = new List<int>();
        using (var child = StartAnalyze(input, db))
        {
            try
            {
                WaitForRows(db, child);
                using var connection = ReadOnly(db);
                // Until the reader has seen two more batches land (or the child is done), however slow the machine.
                var deadline = DateTime.UtcNow.AddMinutes(3);
                while (DateTime.UtcNow < deadline && !child.HasExited && counts.Distinct().Count() < 3)
                {
                    counts.Add(Scalar<int>(connection, "SELECT COUNT(*) FROM documents"));
                    Thread.Sleep(100);
                }
            }
            finally
            {
                Kill(child);
            }
        }

        for (int i = 1; i < counts.Count; i++)
            Assert.True(counts[i] >= counts[i - 1], $"the count went down from {counts[i - 1]} to {counts[i]}: {string.Join(", ", counts)}");
        Assert.True(counts[^1] > counts[0], $"the reader never saw the batch progress: {string.Join(", ", counts)}");
    }

    /// <summary>The real command in a process of its own, as a user starts it.</summary>
    private static Process StartAnalyze(string input, string db)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "sitrep.dll");
        Assert.True(File.Exists(dll), $"sitrep.dll is not beside the tests ({AppContext.BaseDirectory})");
        var info = new ProcessStartInfo(DotnetHost())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { dll, "analyze", input, "--db", db, "--quiet" })
            info.ArgumentList.Add(arg);
        var process = Process.Start(info) ?? throw new InvalidOperationException("dotnet did not start");
        // Drained so a full pipe never blocks the child.
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static string DotnetHost()
    {
        if (Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host))
            return host;
        // The runtime lives in <root>/shared/Microsoft.NETCore.App/<version>/, the host in <root>.
        var root = Path.GetFullPath(Path.Combine(RuntimeEnvironment.GetRuntimeDirectory(), "..", "..", ".."));
        var candidate = Path.Combine(root, OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet");
        return File.Exists(candidate) ? candidate : "dotnet";
    }

    /// <summary>Polls the store read-only until the child has committed some documents.</summary>
    private static void WaitForRows(string db, Process child)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < RowsDeadline)
        {
            if (child.HasExited)
                Assert.Fail($"sitrep exited with {child.ExitCode.ToString(CultureInfo.InvariantCulture)} before it was killed");
            if (File.Exists(db))
            {
                try
                {
                    using var connection = ReadOnly(db);
                    if (Scalar<int>(connection, "SELECT COUNT(*) FROM sqlite_master WHERE name = 'documents'") == 1
                        && Scalar<int>(connection, "SELECT COUNT(*) FROM documents") > 0)
                        return;
                }
                catch (SqliteException)
                {
                    // The child is still creating the store.
                }
            }
            Thread.Sleep(100);
        }
        Assert.Fail($"no document was stored within {RowsDeadline.TotalSeconds:N0} s");
    }

    private static void Kill(Process child)
    {
        if (!child.HasExited)
            child.Kill(entireProcessTree: true);
        child.WaitForExit();
    }

    private static SqliteConnection ReadOnly(string db)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = db,
            Mode = SqliteOpenMode.ReadOnly,
            Pooling = false,
            DefaultTimeout = 5,
        }.ToString());
        connection.Open();
        return connection;
    }

    private static T Scalar<T>(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (T)Convert.ChangeType(command.ExecuteScalar()!, typeof(T), CultureInfo.InvariantCulture);
    }
}

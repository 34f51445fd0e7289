using System.Globalization;
using System.Text;

namespace Sitrep.Cli;

/// <summary>
/// One writing run (analyze, reanalyze) per store at a time, taken before any work is done: a second run on the
/// same store stops at once with a one-line message instead of analysing everything and then failing to write
/// ("database is locked") and losing it. The lock is a record lock (fcntl) on <c>STORE-lock</c>, so the system
/// drops it when the process ends however it ends (a crash or kill -9 leaves no stale lock); the file holds the
/// holder's process id for the message. Runs in the same process (tests) are told apart by a set of their own,
/// since record locks do not exclude their own process. Readers (search, stats, report) never take it.
/// </summary>
internal sealed class StoreLock : IDisposable
{
    private static readonly HashSet<string> HeldHere = new(StringComparer.Ordinal);

    private readonly string _store;
    private FileStream? _file;

    private StoreLock(string store, FileStream file)
    {
        _store = store;
        _file = file;
    }

    /// <summary>The lock file beside <paramref name="store"/>.</summary>
    public static string PathFor(string store) => store + "-lock";

    /// <summary>Takes the store's lock, or returns null with the reason (which names the other run's process) when another run holds it.</summary>
    public static StoreLock? TryTake(string store, out string? reason)
    {
        reason = null;
        store = Path.GetFullPath(store);
        var path = PathFor(store);
        lock (HeldHere)
        {
            if (HeldHere.Contains(store))
            {
                reason = InUse(store, Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
                return null;
            }
            {
                // .NET has no record locks on macOS: runs there are not kept apart (as before).
                if (OperatingSystem.IsMacOS())
                    return null;
                var directory = Path.GetDirectoryName(path);
                if (!string.IsNullOrEmpty(directory) && !Directory.Exists(directory))
                    return null; // No store can be there yet either; opening the store says why.
                FileStream file;
                try
                {
                    file = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.ReadWrite | FileShare.Delete);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    // A read-only folder: no other run can write there either, and opening the store says what is wrong.
                    return null;
                }
                try
                {
                    file.Lock(0, 1);
                }
                catch (IOException)
                {
                    reason = InUse(store, ReadHolder(file));
                    file.Dispose();
                    return null;
                }
                catch (PlatformNotSupportedException)
                {
                    file.Dispose();
                    return null;
                }
                file.SetLength(0);
                var pid = Encoding.ASCII.GetBytes(Environment.ProcessId.ToString(CultureInfo.InvariantCulture) + "\n");
                file.Write(pid);
                file.Flush();
                HeldHere.Add(store);
                return new StoreLock(store, file);
            }
        }
    }

    private static string InUse(string store, string? pid) =>
        $"the store {store} is in use by another sitrep run{(string.IsNullOrEmpty(pid) ? "" : $" (pid {pid})")}; wait for it to end or use another --db";

    private static string? ReadHolder(FileStream file)
    {
        try
        {
            file.Position = 0;
            var buffer = new byte[32];
            int read = file.Read(buffer);
            var text = Encoding.ASCII.GetString(buffer, 0, read).Trim();
            return text.Length > 0 && text.All(char.IsAsciiDigit) ? text : null;
        }
        catch (IOException)
        {
            return null;
        }
    }

    public void Dispose()
    {
        if (_file is null)
            return;
        // The file stays (emptied): deleting it would let a run that opened it just before take a lock on a file no
        // longer in the folder while a third run creates and locks a new one. Only the lock counts, not the file.
        try
        {
            _file.SetLength(0);
        }
        catch (IOException)
        {
            // Left as it was: the process id in it is only shown while the lock is held.
        }
        _file.Dispose();
        _file = null;
        lock (HeldHere)
            HeldHere.Remove(_store);
    }
}

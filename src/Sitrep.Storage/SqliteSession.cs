using Microsoft.Data.Sqlite;

namespace Sitrep.Storage;

/// <summary>
/// The one connection of a store with its prepared statements and its current transaction, shared by
/// the document tables, the change feed and the features' indexes (entities), so that a
/// cross-document stage's writes and its feed position commit together.
/// </summary>
/// <remarks>One thread at a time, like the connection.</remarks>
internal sealed class SqliteSession : IDisposable
{
    private readonly Dictionary<string, SqliteCommand> _commands = new(StringComparer.Ordinal);
    private readonly Dictionary<string, RawStatement> _statements = new(StringComparer.Ordinal);
    private SqliteTransaction? _transaction;
    private int _savepoints;

    private readonly WalCheckpointer? _checkpointer;

    public SqliteSession(SqliteConnection connection, string path, WalCheckpointer? checkpointer = null)
    {
        Connection = connection;
        Path = path;
        _checkpointer = checkpointer;
        if (Environment.GetEnvironmentVariable("SITREP_SQL_PROFILE") is { Length: > 0 } profile)
        {
            _profilePath = profile;
            SQLitePCL.raw.sqlite3_profile(connection.Handle!, (object state, string sql, long ns) =>
            {
                ref var entry = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(_profile, sql, out _);
                entry.Count++;
                entry.Nanoseconds += ns;
            }, null);
        }
    }

    private readonly string? _profilePath;

    /// <summary>Numbers the profiles a process writes (one a connection), so that no two write the same file.</summary>
    private static int s_profiles;
    private readonly Dictionary<string, (long Count, long Nanoseconds)> _profile = new(StringComparer.Ordinal);

    public SqliteConnection Connection { get; }

    public string Path { get; }

    public bool InTransactionNow => _transaction is not null;

    /// <summary>How many transactions or savepoints of this connection were rolled back: a cache of what the tables hold is stale when this moves.</summary>
    public long Rollbacks { get; private set; }

    /// <summary>
    /// How many transactions this connection began: while the same one is open (<see cref="InTransactionNow"/>), no
    /// other connection's commit can show in what this one reads, so a cache this connection keeps in step with its own
    /// writes is right for as long as this and <see cref="Rollbacks"/> stay as they were.
    /// </summary>
    public long Transactions { get; private set; }

    /// <summary>
    /// Runs <paramref name="work"/> in one transaction, committed when it returns; inside a transaction
    /// already open, it simply runs as part of it.
    /// </summary>
    public void InTransaction(Action work, bool immediate = false)
    {
        ArgumentNullException.ThrowIfNull(work);
        if (_transaction is not null)
        {
            work();
            return;
        }
        using var transaction = Connection.BeginTransaction(deferred: !immediate);
        _transaction = transaction;
        Transactions++;
        try
        {
            foreach (var c in _commands.Values)
                c.Transaction = transaction;
            work();
            transaction.Commit();
            _checkpointer?.Committed();
        }
        catch (SqliteException ex)
        {
            Rollbacks++;
            throw new StoreException($"cannot write to the store {Path}: {ex.Message}", ex);
        }
        catch
        {
            Rollbacks++;
            throw;
        }
        finally
        {
            _transaction = null;
            // A command still tied to a finished transaction refuses to run outside one.
            foreach (var c in _commands.Values)
                c.Transaction = null;
        }
    }

    /// <summary>
    /// While true, <see cref="AllOrNothing"/> inside a transaction runs its work without a savepoint (see
    /// <see cref="InTransactionWithoutSavepointsFirst"/>); a failure is then only noted in <see cref="FailedWithoutSavepoint"/>.
    /// </summary>
    private bool _savepointsLeftOut;

    /// <summary>Whether work that <see cref="AllOrNothing"/> ran without a savepoint threw: what it wrote before it did may still be there.</summary>
    private bool FailedWithoutSavepoint { get; set; }

    /// <summary>How many savepoints <see cref="AllOrNothing"/> has opened on this connection.</summary>
    internal long SavepointsOpened { get; private set; }

    /// <summary>
    /// Runs <paramref name="work"/> in one transaction in which <see cref="AllOrNothing"/> opens no savepoint: each one
    /// copies every page its work first changes into the statement journal, and the cross-document stages open one
    /// per document and stage. If any such work throws (the stage reports the document and goes on), what it wrote
    /// before it threw may still be there, so the whole transaction is rolled back, <paramref name="rolledBack"/> is
    /// called (whatever was cached of it must be forgotten) and <paramref name="work"/> runs again in a transaction of
    /// its own with the savepoints, as <see cref="InTransaction"/> runs it. Inside a transaction already open it runs
    /// as part of it, with the savepoints.
    /// </summary>
    public void InTransactionWithoutSavepointsFirst(Action work, Action rolledBack)
    {
        ArgumentNullException.ThrowIfNull(work);
        ArgumentNullException.ThrowIfNull(rolledBack);
        if (_transaction is not null)
        {
            work();
            return;
        }
        try
        {
            _savepointsLeftOut = true;
            FailedWithoutSavepoint = false;
            InTransaction(() =>
            {
                work();
                if (FailedWithoutSavepoint)
                    throw new SavepointNeeded();
            });
            return;
        }
        // Whatever escapes once a document's work failed without its savepoint may come of what that left behind.
        catch (Exception e) when (e is SavepointNeeded || FailedWithoutSavepoint)
        {
        }
        finally
        {
            _savepointsLeftOut = false;
            FailedWithoutSavepoint = false;
        }
        rolledBack();
        InTransaction(work);
    }

    /// <summary>Rolls back a transaction run without savepoints in which some work failed.</summary>
    private sealed class SavepointNeeded : Exception
    {
        public SavepointNeeded()
            : base("work failed without its savepoint")
        {
        }
    }

    /// <summary>Runs <paramref name="work"/> inside the current transaction so that, if it throws, none of its writes are kept.</summary>
    public void AllOrNothing(Action work)
    {
        ArgumentNullException.ThrowIfNull(work);
        if (_transaction is null)
        {
            InTransaction(work);
            return;
        }
        if (_savepointsLeftOut)
        {
            try
            {
                work();
            }
            catch
            {
                FailedWithoutSavepoint = true;
                throw;
            }
            return;
        }
        SavepointsOpened++;
        // Savepoints by prepared statements: SqliteTransaction.Save and Release prepare their SQL anew on
        // every call, and cross-document stages open one per document.
        var name = "s" + _savepoints++.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Raw("SAVEPOINT " + name).Run();
        try
        {
            work();
            Raw("RELEASE SAVEPOINT " + name).Run();
        }
        catch
        {
            Rollbacks++;
            Raw("ROLLBACK TO SAVEPOINT " + name).Run();
            Raw("RELEASE SAVEPOINT " + name).Run();
            throw;
        }
        finally
        {
            _savepoints--;
        }
    }

    /// <summary>One prepared command per statement, reused, with a parameter for each <c>$name</c> in it.</summary>
    public SqliteCommand Prepared(string sql)
    {
        if (!_commands.TryGetValue(sql, out var command))
        {
            command = Connection.CreateCommand();
            command.CommandText = sql;
            foreach (var name in ParameterNames(sql))
                command.Parameters.Add(new SqliteParameter(name, null));
            command.Transaction = _transaction;
            _commands[sql] = command;
        }
        return command;
    }

    /// <summary>One statement prepared on SQLite's own interface, reused: for the statements run for every link, key and term.</summary>
    public RawStatement Raw(string sql)
    {
        if (!_statements.TryGetValue(sql, out var statement))
        {
            statement = new RawStatement(Connection.Handle!, sql);
            _statements[sql] = statement;
        }
        return statement;
    }

    /// <summary>A command of its own (for a reader that stays open while prepared statements run).</summary>
    public SqliteCommand Fresh(string sql)
    {
        var command = Connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = _transaction;
        foreach (var name in ParameterNames(sql))
            command.Parameters.Add(new SqliteParameter(name, null));
        return command;
    }

    /// <summary>Binds a parameter where the statement has it: the statements of one step share values, not every parameter.</summary>
    public static void Set(SqliteCommand command, string name, object? value)
    {
        if (command.Parameters.Contains(name))
            command.Parameters[name].Value = value ?? DBNull.Value;
    }

    private static IEnumerable<string> ParameterNames(string sql)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < sql.Length; i++)
        {
            if (sql[i] != '$')
                continue;
            int j = i + 1;
            while (j < sql.Length && (char.IsLetterOrDigit(sql[j]) || sql[j] == '_'))
                j++;
            var name = sql[i..j];
            if (seen.Add(name))
                yield return name;
            i = j - 1;
        }
    }

    public void Dispose()
    {
        if (_profilePath is not null)
        {
            using var w = new StreamWriter(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{_profilePath}.{Environment.ProcessId}.{Interlocked.Increment(ref s_profiles)}.tsv"));
            var db = Connection.Handle!;
            foreach (var (op, name) in new[] { (0, "lookaside used"), (4, "lookaside hit"), (5, "lookaside miss size"), (6, "lookaside miss full"), (1, "cache used"), (7, "cache hit"), (8, "cache miss"), (9, "cache write") })
            {
                SQLitePCL.raw.sqlite3_db_status(db, op, out int cur, out int hi, 0);
                w.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"#\t{name}\t{cur}\t{hi}"));
            }
            foreach (var (sql, (count, ns)) in _profile.OrderByDescending(p => p.Value.Nanoseconds))
                w.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{count}\t{ns / 1e6:F1}\t{sql.ReplaceLineEndings(" ")}"));
        }
        _checkpointer?.Dispose();
        foreach (var c in _commands.Values)
            c.Dispose();
        _commands.Clear();
        // Finalized before the connection closes, or it would stay open behind them.
        foreach (var s in _statements.Values)
            s.Dispose();
        _statements.Clear();
        Connection.Dispose();
    }
}

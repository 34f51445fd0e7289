using System.Buffers;
using System.Text;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Sitrep.Storage;

/// <summary>
/// One statement prepared on the session's connection and run through SQLite's own interface, for the
/// statements the storing thread runs hundreds of thousands of times (entity links, keys, story terms,
/// document rows). A <see cref="SqliteCommand"/> costs several times SQLite's own work on such small
/// statements: it looks every parameter up by name, and builds a data reader, on every run. Here each
/// parameter's position is looked up once, values are bound by position, and rows are read in place.
/// It runs in whatever transaction the connection has open, like the session's commands.
/// </summary>
/// <remarks>One thread at a time, like the connection; a read must be disposed (the statement reset) before the statement runs again.</remarks>
internal sealed class RawStatement : IDisposable
{
    private readonly sqlite3 _db;
    private readonly sqlite3_stmt _statement;
    private readonly Dictionary<string, int> _positions = new(StringComparer.Ordinal);

    public RawStatement(sqlite3 db, string sql)
    {
        _db = db;
        int rc = raw.sqlite3_prepare_v2(db, sql, out var statement);
        if (rc != raw.SQLITE_OK)
        {
            statement?.Dispose();
            SqliteException.ThrowExceptionForRC(rc, db);
            throw new InvalidOperationException($"cannot prepare {sql}");
        }
        _statement = statement;
        int count = raw.sqlite3_bind_parameter_count(_statement);
        for (int i = 1; i <= count; i++)
        {
            if (raw.sqlite3_bind_parameter_name(_statement, i).utf8_to_string() is { } name)
                _positions[name] = i;
        }
    }

    public RawStatement Bind(string name, long value)
    {
        Check(raw.sqlite3_bind_int64(_statement, Position(name), value));
        return this;
    }

    public RawStatement Bind(string name, string? value)
    {
        int position = Position(name);
        if (value is null)
            Check(raw.sqlite3_bind_null(_statement, position));
        else if (value.Length <= StackEncoded)
            Check(raw.sqlite3_bind_text(_statement, position, value));
        else
            Check(BindLong(position, value));
        return this;
    }

    /// <summary>Binds text given as its UTF-8 bytes (SQLite copies them): what a JSON writer wrote into a buffer that is reused.</summary>
    public RawStatement BindUtf8(string name, ReadOnlySpan<byte> value)
    {
        int position = Position(name);
        // An empty span would bind SQL NULL (no pointer): bound as the empty string.
        Check(value.IsEmpty ? raw.sqlite3_bind_text(_statement, position, string.Empty) : raw.sqlite3_bind_text(_statement, position, value));
        return this;
    }

    /// <summary>Binds the builder's text (as <see cref="Bind(string, string?)"/> binds its string) without making a string of it: encoded through pooled buffers.</summary>
    public RawStatement Bind(string name, StringBuilder value)
    {
        ArgumentNullException.ThrowIfNull(value);
        int position = Position(name);
        if (value.Length == 0)
        {
            // An empty span would bind SQL NULL (no pointer): bound as the empty string, as Bind(name, "") binds it.
            Check(raw.sqlite3_bind_text(_statement, position, string.Empty));
            return this;
        }
        char[] chars = ArrayPool<char>.Shared.Rent(value.Length);
        byte[]? bytes = null;
        try
        {
            value.CopyTo(0, chars, 0, value.Length);
            var text = new ReadOnlySpan<char>(chars, 0, value.Length);
            bytes = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(text.Length));
            int length = Encoding.UTF8.GetBytes(text, bytes);
            Check(raw.sqlite3_bind_text(_statement, position, new ReadOnlySpan<byte>(bytes, 0, length)));
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
            if (bytes is not null)
                ArrayPool<byte>.Shared.Return(bytes);
        }
        return this;
    }

    /// <summary>Up to this many characters SQLitePCL encodes a string on the stack; longer ones it encodes into a new array.</summary>
    private const int StackEncoded = 512;

    /// <summary>
    /// Binds a long string (a document's text, a layer's JSON: tens to hundreds of kilobytes, many on the
    /// large-object heap) encoded into a pooled buffer instead of the new array SQLitePCL would make for each.
    /// SQLite copies the bytes (SQLITE_TRANSIENT), so the buffer goes back to the pool at once.
    /// </summary>
    private int BindLong(int position, string value)
    {
        byte[] buffer = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(value.Length));
        try
        {
            int length = Encoding.UTF8.GetBytes(value, buffer);
            return raw.sqlite3_bind_text(_statement, position, new ReadOnlySpan<byte>(buffer, 0, length));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Runs a statement that returns no row (or whose rows are not wanted); how many rows it changed.</summary>
    public int Run()
    {
        using (var rows = Execute())
        {
            while (rows.Read())
            {
            }
        }
        return raw.sqlite3_changes(_db);
    }

    /// <summary>
    /// Runs an insert of one row into a rowid table and returns the row's id (its <c>INTEGER PRIMARY KEY</c>), as
    /// <c>RETURNING id</c> would, without the temporary table SQLite gathers returned rows in.
    /// </summary>
    public long Insert()
    {
        Run();
        return raw.sqlite3_last_insert_rowid(_db);
    }

    /// <summary>Runs the statement; read its rows, then dispose to reset it.</summary>
    public Rows Execute() => new(this);

    /// <summary>The first column of the first row as an integer; null when there is no row or it is null.</summary>
    public long? Int64Scalar()
    {
        using var rows = Execute();
        return rows.Read() && !rows.IsNull(0) ? rows.Int64(0) : null;
    }

    /// <summary>The first column of the first row as text; null when there is no row or it is not text.</summary>
    public string? TextScalar()
    {
        using var rows = Execute();
        return rows.Read() && raw.sqlite3_column_type(_statement, 0) == raw.SQLITE_TEXT ? rows.Text(0) : null;
    }

    public void Dispose() => _statement.Dispose();

    private int Position(string name) =>
        _positions.TryGetValue(name, out var position) ? position : throw new ArgumentException($"the statement has no parameter {name}", nameof(name));

    private void Check(int rc)
    {
        if (rc != raw.SQLITE_OK)
            SqliteException.ThrowExceptionForRC(rc, _db);
    }

    /// <summary>The rows of one run of the statement; disposing resets it.</summary>
    public readonly struct Rows(RawStatement owner) : IDisposable
    {
        private readonly sqlite3_stmt _statement = owner._statement;

        public bool Read()
        {
            int rc = raw.sqlite3_step(_statement);
            if (rc == raw.SQLITE_ROW)
                return true;
            if (rc == raw.SQLITE_DONE)
                return false;
            try
            {
                SqliteException.ThrowExceptionForRC(rc, owner._db);
            }
            finally
            {
                raw.sqlite3_reset(_statement);
            }
            return false;
        }

        public bool IsNull(int column) => raw.sqlite3_column_type(_statement, column) == raw.SQLITE_NULL;

        public long Int64(int column) => raw.sqlite3_column_int64(_statement, column);

        public int Int32(int column) => checked((int)raw.sqlite3_column_int64(_statement, column));

        public string Text(int column) => raw.sqlite3_column_text(_statement, column).utf8_to_string();

        /// <summary>A text column's UTF-8 bytes, in place (valid until the next read or reset): for what is parsed, not kept.</summary>
        public ReadOnlySpan<byte> Utf8(int column) => raw.sqlite3_column_blob(_statement, column);

        public string? NullableText(int column) => IsNull(column) ? null : Text(column);

        public long? NullableInt64(int column) => IsNull(column) ? null : Int64(column);

        public void Dispose() => raw.sqlite3_reset(_statement);
    }
}

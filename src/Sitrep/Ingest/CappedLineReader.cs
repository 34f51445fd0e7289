using System.Text;

namespace Sitrep.Ingest;

/// <summary>
/// Reads UTF-8 lines from a stream holding at most <c>maxLineBytes</c> of a line in memory: a longer
/// line is skipped as it streams past (only its length is counted), and a line with a NUL byte, which
/// no text line has, marks the stream as binary. So memory stays bounded whatever the input: a
/// 300 MB line, a gzip bomb of zeros or of one letter.
/// </summary>
internal sealed class CappedLineReader
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

    private readonly Stream _stream;
    private readonly int _maxLineBytes;
    private readonly Func<long, string?>? _guard;
    private readonly byte[] _buffer = new byte[1 << 16];
    private readonly MemoryStream _line = new();
    private int _start;
    private int _end;
    private bool _atStart = true;
    private bool _ended;
    private long _textLines;
    private bool _lastWasBinary;

    /// <summary>The most of a line with a NUL byte read past to reach its end; a longer one stops the file.</summary>
    private const int BinaryLineBudget = 1 << 20;

    /// <param name="stream">The decompressed bytes.</param>
    /// <param name="maxLineBytes">The longest line kept.</param>
    /// <param name="guard">Called with the bytes read so far after each read; a reason to stop reading, or null to go on.</param>
    public CappedLineReader(Stream stream, int maxLineBytes, Func<long, string?>? guard = null)
    {
        _stream = stream;
        _maxLineBytes = maxLineBytes;
        _guard = guard;
    }

    /// <summary>Bytes read from the stream so far.</summary>
    public long BytesRead { get; private set; }

    /// <summary>The next line, or a line too long or binary, or the end (or the guard's reason to stop).</summary>
    /// <exception cref="IOException">The stream failed.</exception>
    /// <exception cref="InvalidDataException">The compressed data is corrupt.</exception>
    public LineRead Next()
    {
        if (_ended)
            return LineRead.End(null);
        _line.SetLength(0);
        long length = 0;
        while (true)
        {
            if (_start == _end)
            {
                if (!Fill(out var stop))
                {
                    _ended = true;
                    if (stop is not null)
                        return LineRead.End(stop);
                    if (length == 0)
                        return LineRead.End(null);
                    return Finish(length, endedWithNewline: false);
                }
            }
            var available = _buffer.AsSpan(_start, _end - _start);
            int newline = available.IndexOf((byte)'\n');
            var part = newline >= 0 ? available[..newline] : available;
            if (part.Contains((byte)0))
            {
                // A record with a NUL byte among text lines (a JSON object a scraper wrote a raw NUL into)
                // is skipped if it ends within a short budget; on the first line, after another such line,
                // not opening an object, or with no line end in sight it is binary data, and nothing after
                // it is read (a bomb of zeros has no line end to wait for).
                byte first = length > 0 ? _line.GetBuffer()[0] : part[0];
                if (first == (byte)'{' && _textLines > 0 && !_lastWasBinary && SkipBinaryLine(length) is { } skipped)
                {
                    _lastWasBinary = true;
                    return skipped;
                }
                _ended = true;
                return LineRead.Binary(length + part.Length);
            }
            if (length + part.Length <= _maxLineBytes)
                _line.Write(part);
            length += part.Length;
            _start += newline >= 0 ? newline + 1 : part.Length;
            if (newline >= 0)
                return Finish(length, endedWithNewline: true);
        }
    }

    /// <summary>
    /// Reads past the rest of a line with a NUL byte, up to <see cref="BinaryLineBudget"/> bytes of it:
    /// the skipped line, or null (the stream ended or the budget ran out; the caller stops).
    /// </summary>
    private LineRead? SkipBinaryLine(long length)
    {
        while (length <= BinaryLineBudget)
        {
            if (_start == _end && !Fill(out _))
                return null;
            var available = _buffer.AsSpan(_start, _end - _start);
            int newline = available.IndexOf((byte)'\n');
            if (newline >= 0)
            {
                _start += newline + 1;
                return LineRead.SkippedBinary(length + newline);
            }
            length += available.Length;
            _start = _end;
        }
        return null;
    }

    private LineRead Finish(long length, bool endedWithNewline)
    {
        _textLines++;
        _lastWasBinary = false;
        if (length > _maxLineBytes)
            return LineRead.TooLong(length, endedWithNewline);
        var bytes = _line.GetBuffer().AsSpan(0, (int)_line.Length);
        if (bytes.EndsWith((ReadOnlySpan<byte>)[(byte)'\r']))
            bytes = bytes[..^1];
        return LineRead.Text(Utf8.GetString(bytes), endedWithNewline);
    }

    private bool Fill(out string? stop)
    {
        stop = null;
        int read = _stream.Read(_buffer, 0, _buffer.Length);
        if (read <= 0)
            return false;
        BytesRead += read;
        _start = 0;
        _end = read;
        if (_atStart)
        {
            _atStart = false;
            if (_buffer.AsSpan(0, read).StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
                _start = 3;
        }
        if (_guard?.Invoke(BytesRead) is { } reason)
        {
            stop = reason;
            return false;
        }
        return true;
    }
}

/// <summary>What <see cref="CappedLineReader.Next"/> read.</summary>
internal readonly record struct LineRead(LineKind Kind, string? Line, long Length, bool EndedWithNewline, string? StopReason)
{
    public static LineRead Text(string line, bool endedWithNewline) => new(LineKind.Text, line, line.Length, endedWithNewline, null);

    public static LineRead TooLong(long length, bool endedWithNewline) => new(LineKind.TooLong, null, length, endedWithNewline, null);

    public static LineRead Binary(long length) => new(LineKind.Binary, null, length, false, null);

    public static LineRead SkippedBinary(long length) => new(LineKind.SkippedBinary, null, length, true, null);

    public static LineRead End(string? stopReason) => new(LineKind.End, null, 0, false, stopReason);
}

internal enum LineKind
{
    Text,
    TooLong,
    Binary,
    SkippedBinary,
    End,
}

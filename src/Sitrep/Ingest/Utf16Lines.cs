using System.Text;

namespace Sitrep.Ingest;

/// <summary>
/// A line-oriented file saved as UTF-16 with its byte-order mark (as Windows editors and PowerShell's
/// redirection write it) is read as the UTF-8 it stands for; any other stream is returned as it is.
/// Nothing is buffered beyond the stream's first two bytes, so memory stays bounded.
/// </summary>
internal static class Utf16Lines
{
    /// <summary>A stream of UTF-8 bytes for <paramref name="stream"/>, which this call then owns.</summary>
    public static Stream AsUtf8(Stream stream)
    {
        var head = new byte[2];
        int got = 0;
        while (got < 2)
        {
            int read = stream.Read(head, got, 2 - got);
            if (read <= 0)
                break;
            got += read;
        }
        Encoding? utf16 = got == 2 && head[0] == 0xFF && head[1] == 0xFE ? Encoding.Unicode
            : got == 2 && head[0] == 0xFE && head[1] == 0xFF ? Encoding.BigEndianUnicode
            : null;
        if (utf16 is not null)
            return Encoding.CreateTranscodingStream(stream, utf16, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), leaveOpen: false);
        return new PrefixedStream(head.AsMemory(0, got), stream);
    }

    /// <summary>Bytes already read from a stream, then the rest of it.</summary>
    private sealed class PrefixedStream(ReadOnlyMemory<byte> prefix, Stream inner) : ForwardReadStream(inner, ownsInner: true)
    {
        private ReadOnlyMemory<byte> _prefix = prefix;

        public override int Read(Span<byte> buffer)
        {
            if (_prefix.IsEmpty)
                return Inner.Read(buffer);
            int n = Math.Min(buffer.Length, _prefix.Length);
            _prefix.Span[..n].CopyTo(buffer);
            _prefix = _prefix[n..];
            return n;
        }
    }
}

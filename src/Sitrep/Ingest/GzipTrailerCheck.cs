using System.Buffers.Binary;

namespace Sitrep.Ingest;

/// <summary>
/// Counts what a gzip stream decompresses and compares it with the size the file's trailer
/// records, because .NET's GZipStream returns the data of a truncated file without an error.
/// </summary>
internal sealed class GzipTrailerCheck
{
    private readonly uint _expected;
    private readonly bool _plausible;
    private CountingStream? _counter;

    private GzipTrailerCheck(uint expected, bool plausible)
    {
        _expected = expected;
        _plausible = plausible;
    }

    public long DecompressedBytes => _counter?.Count ?? 0;

    /// <summary>True when the decompressed length matches the trailer (modulo 2^32, as gzip records it).</summary>
    public bool Complete => _plausible && (uint)(DecompressedBytes & 0xFFFFFFFF) == _expected;

    /// <summary>Reads the trailer of a seekable gzip file and rewinds it.</summary>
    public static GzipTrailerCheck Read(Stream file)
    {
        if (!file.CanSeek || file.Length < 18)
            return new GzipTrailerCheck(0, plausible: false);
        Span<byte> trailer = stackalloc byte[4];
        file.Seek(-4, SeekOrigin.End);
        file.ReadExactly(trailer);
        file.Seek(0, SeekOrigin.Begin);
        return new GzipTrailerCheck(BinaryPrimitives.ReadUInt32LittleEndian(trailer), plausible: true);
    }

    public Stream Wrap(Stream decompressed) => _counter = new CountingStream(decompressed);

    private sealed class CountingStream(Stream inner) : Stream
    {
        public long Count { get; private set; }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => Count; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            int n = inner.Read(buffer, offset, count);
            Count += n;
            return n;
        }

        public override int Read(Span<byte> buffer)
        {
            int n = inner.Read(buffer);
            Count += n;
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
                inner.Dispose();
            base.Dispose(disposing);
        }
    }
}

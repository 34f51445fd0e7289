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
    private readonly string? _path;
    private CountingStream? _counter;

    private GzipTrailerCheck(uint expected, bool plausible, string? path)
    {
        _expected = expected;
        _plausible = plausible;
        _path = path;
    }

    /// <summary>The data ended with a line break: its last line arrived whole, whatever happened to the trailer.</summary>
    public bool EndsWithNewline => _counter?.LastByte == (byte)'\n';

    public long DecompressedBytes => _counter?.Count ?? 0;

    /// <summary>The decompressed length (modulo 2^32) the last trailer records.</summary>
    public uint TrailerLength => _expected;

    /// <summary>
    /// True when the decompressed length matches the trailer (modulo 2^32, as gzip records it), or,
    /// for a file of several gzip members, when every member's trailer matches its own data.
    /// </summary>
    public bool Complete => _plausible && ((uint)(DecompressedBytes & 0xFFFFFFFF) == _expected || (_path is not null && GzipMembers.AllComplete(_path, DecompressedBytes)));

    /// <summary>
    /// Why a file named .gz is not gzip data (it lacks gzip's signature, 1f 8b), or null when it has
    /// it; the file is rewound. GZipStream's own word for this is "unsupported compression method".
    /// </summary>
    public static string? NotGzip(FileStream file)
    {
        if (!file.CanSeek)
            return null;
        Span<byte> head = stackalloc byte[2];
        int got = file.ReadAtLeast(head, 2, throwOnEndOfStream: false);
        file.Seek(0, SeekOrigin.Begin);
        if (got == 2 && head[0] == 0x1F && head[1] == 0x8B)
            return null;
        return got == 0 ? "empty file" : "not gzip data: the name ends in .gz but the file does not begin with gzip's signature (1f 8b); rename it if it is not compressed";
    }

    /// <summary>Reads the trailer of a seekable gzip file and rewinds it.</summary>
    public static GzipTrailerCheck Read(FileStream file)
    {
        if (!file.CanSeek || file.Length < 18)
            return new GzipTrailerCheck(0, plausible: false, null);
        Span<byte> trailer = stackalloc byte[4];
        file.Seek(-4, SeekOrigin.End);
        file.ReadExactly(trailer);
        file.Seek(0, SeekOrigin.Begin);
        return new GzipTrailerCheck(BinaryPrimitives.ReadUInt32LittleEndian(trailer), plausible: true, file.Name);
    }

    public Stream Wrap(Stream decompressed) => _counter = new CountingStream(decompressed);

    private sealed class CountingStream(Stream inner) : ForwardReadStream(inner, ownsInner: true)
    {
        public long Count { get; private set; }

        public int LastByte { get; private set; } = -1;

        public override long Position { get => Count; set => throw new NotSupportedException(); }

        public override int Read(Span<byte> buffer)
        {
            int n = Inner.Read(buffer);
            Count += n;
            if (n > 0)
                LastByte = buffer[n - 1];
            return n;
        }
    }
}

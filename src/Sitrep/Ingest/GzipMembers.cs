using System.Buffers.Binary;
using System.IO.Compression;

namespace Sitrep.Ingest;

/// <summary>
/// Walks the members of a gzip file (pigz, bgzip and <c>cat a.gz b.gz</c> write several) and checks
/// each member's trailer against what its data decompresses to. Only used when the quick check of
/// the last trailer fails, since it feeds the inflater one byte at a time to learn where each
/// member ends.
/// </summary>
internal static class GzipMembers
{
    /// <summary>True when the file is a sequence of complete gzip members decompressing to <paramref name="totalBytes"/> in all.</summary>
    public static bool AllComplete(string path, long totalBytes)
    {
        using var file = File.OpenRead(path);
        long position = 0, sum = 0;
        var buffer = new byte[81920];
        Span<byte> trailer = stackalloc byte[8];
        while (position < file.Length)
        {
            file.Position = position;
            int header = HeaderLength(file);
            if (header < 0)
                return false;
            file.Position = position + header;
            var feeder = new OneByteStream(file);
            long memberBytes = 0;
            using (var inflater = new DeflateStream(feeder, CompressionMode.Decompress, leaveOpen: true))
            {
                int n;
                while ((n = inflater.Read(buffer)) > 0)
                    memberBytes += n;
            }
            long trailerAt = position + header + feeder.Consumed;
            if (trailerAt + 8 > file.Length)
                return false;
            file.Position = trailerAt;
            file.ReadExactly(trailer);
            if (BinaryPrimitives.ReadUInt32LittleEndian(trailer[4..]) != (uint)(memberBytes & 0xFFFFFFFF))
                return false;
            sum += memberBytes;
            position = trailerAt + 8;
        }
        return sum == totalBytes;
    }

    private static int HeaderLength(Stream file)
    {
        Span<byte> fixedPart = stackalloc byte[10];
        if (file.Read(fixedPart) < 10 || fixedPart[0] != 0x1F || fixedPart[1] != 0x8B || fixedPart[2] != 8)
            return -1;
        int length = 10;
        byte flags = fixedPart[3];
        if ((flags & 4) != 0)
        {
            Span<byte> extra = stackalloc byte[2];
            file.ReadExactly(extra);
            int xlen = BinaryPrimitives.ReadUInt16LittleEndian(extra);
            file.Seek(xlen, SeekOrigin.Current);
            length += 2 + xlen;
        }
        foreach (int flag in (ReadOnlySpan<int>)[8, 16])
        {
            if ((flags & flag) == 0)
                continue;
            int b;
            do
            {
                b = file.ReadByte();
                length++;
            }
            while (b > 0);
            if (b < 0)
                return -1;
        }
        if ((flags & 2) != 0)
            length += 2;
        return length;
    }

    /// <summary>Hands the inflater one byte per read, so the bytes it took are exactly the member's.</summary>
    private sealed class OneByteStream(Stream inner) : ForwardReadStream(inner, ownsInner: false)
    {
        public long Consumed { get; private set; }

        public override long Position { get => Consumed; set => throw new NotSupportedException(); }

        public override int Read(Span<byte> buffer)
        {
            if (buffer.IsEmpty)
                return 0;
            int b = Inner.ReadByte();
            if (b < 0)
                return 0;
            buffer[0] = (byte)b;
            Consumed++;
            return 1;
        }
    }
}

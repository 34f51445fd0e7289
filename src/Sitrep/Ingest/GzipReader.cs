using System.IO.Compression;
using Sitrep.Pipeline;

namespace Sitrep.Ingest;

/// <summary>
/// Decompresses gzip files with a cap on the output (a gzip bomb stops at the cap) and a check
/// of the trailer, because GZipStream returns the data of a truncated file without complaint.
/// </summary>
public static class GzipReader
{
    public const long DefaultMaxBytes = 64L * 1024 * 1024;

    public static byte[] ReadAll(string path, long maxBytes = DefaultMaxBytes)
    {
        using var file = File.OpenRead(path);
        if (GzipTrailerCheck.NotGzip(file) is { } notGzip)
            throw new InputRejectedException(notGzip);
        if (file.Length < 18)
            throw new InputRejectedException("truncated gzip file (shorter than a gzip header and trailer)");
        var check = GzipTrailerCheck.Read(file);
        using var gzip = check.Wrap(new GZipStream(file, CompressionMode.Decompress));
        using var output = new MemoryStream();
        var buffer = new byte[81920];
        try
        {
            int read;
            while ((read = gzip.Read(buffer)) > 0)
            {
                if (output.Length + read > maxBytes)
                    throw new InputRejectedException($"decompresses to more than {maxBytes / (1024 * 1024)} MB; stopped (a gzip bomb?)");
                output.Write(buffer, 0, read);
            }
        }
        catch (InvalidDataException e)
        {
            throw new InputRejectedException($"corrupt gzip data: {e.Message}", e);
        }
        if (!check.Complete)
            throw new InputRejectedException($"truncated or corrupt gzip file: it ends after {output.Length:N0} bytes decompressed, not the length its last bytes record");
        return output.ToArray();
    }
}

using System.Buffers;
using System.Text;
using System.Text.Json;

namespace Sitrep.Pipeline;

/// <summary>
/// Writes JSON into a string through a buffer the thread keeps for its next write (issue 11): the stored
/// layers of every analysed article (entities, times, quotes, events) were each encoded into a buffer of
/// their own, grown by doubling from a few hundred bytes, and then copied into the string.
/// </summary>
internal static class JsonStrings
{
    /// <summary>A buffer grown past this (a very long article's layer) is let go, not kept for the rest of the run.</summary>
    private const int MaxKeptBytes = 256 * 1024;

    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_buffer;

    /// <summary>What <paramref name="write"/> writes, as a string; the same as writing it to a buffer of its own.</summary>
    public static string Write(JsonWriterOptions options, Action<Utf8JsonWriter> write)
    {
        // Taken from the thread while in use: a write inside the write gets a buffer of its own.
        var buffer = t_buffer ?? new ArrayBufferWriter<byte>(1024);
        t_buffer = null;
        try
        {
            using (var json = new Utf8JsonWriter(buffer, options))
                write(json);
            return Encoding.UTF8.GetString(buffer.WrittenSpan);
        }
        finally
        {
            buffer.ResetWrittenCount();
            if (buffer.Capacity <= MaxKeptBytes)
                t_buffer = buffer;
        }
    }
}

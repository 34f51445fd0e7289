using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace Sitrep.Ingest;

/// <summary>
/// Tells a named pipe (FIFO) or socket from a file, which .NET does not: its attributes say Normal for both, and
/// opening a FIFO to read blocks until some other program writes to it (an input folder holding one hung analyze
/// for ever). The path is opened without blocking (O_NONBLOCK) and asked whether it can seek: a pipe cannot, a
/// socket cannot be opened at all. Devices (/dev/null) seek and so count as files.
/// </summary>
internal static partial class RegularFiles
{
    /// <summary>Why <paramref name="path"/> is not a file to read (a named pipe, a socket), or null when it is, or when this system cannot tell.</summary>
    public static string? NotAFile(string path)
    {
        int nonBlocking, closeOnExec;
        if (OperatingSystem.IsLinux())
            (nonBlocking, closeOnExec) = (0x800, 0x80000);
        else if (OperatingSystem.IsMacOS() || OperatingSystem.IsFreeBSD())
            (nonBlocking, closeOnExec) = (0x4, OperatingSystem.IsMacOS() ? 0x1000000 : 0x100000);
        else
            return null;
        int fd;
        try
        {
            fd = Open(path, nonBlocking | closeOnExec);
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return null;
        }
        if (fd < 0)
        {
            // ENXIO: a socket (or a FIFO opened for writing); anything else is left for the read to report.
            return Marshal.GetLastPInvokeError() == 6 ? "not a file (a socket); skipped" : null;
        }
        using var handle = new SafeFileHandle(fd, ownsHandle: true);
        try
        {
            using var stream = new FileStream(handle, FileAccess.Read, 1);
            return stream.CanSeek ? null : "not a file (a named pipe); skipped: reading it would wait for a program to write to it";
        }
        catch (Exception e) when (e is IOException or ArgumentException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    [LibraryImport("libc", EntryPoint = "open", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int Open(string path, int flags);
}

using System.Runtime.InteropServices;

namespace Sitrep.Ingest;

/// <summary>The processor time of the calling thread (Linux); elsewhere zero, so figures built on it read 0 there.</summary>
internal static partial class ThreadClock
{
    private const int ThreadCpuClock = 3; // CLOCK_THREAD_CPUTIME_ID

    public static TimeSpan Now()
    {
        if (!OperatingSystem.IsLinux())
            return TimeSpan.Zero;
        try
        {
            return ClockGetTime(ThreadCpuClock, out var t) == 0 ? TimeSpan.FromTicks((t.Seconds * TimeSpan.TicksPerSecond) + (t.Nanoseconds / 100)) : TimeSpan.Zero;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return TimeSpan.Zero;
        }
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [LibraryImport("libc", EntryPoint = "clock_gettime")]
    private static partial int ClockGetTime(int clock, out TimeSpec time);
}

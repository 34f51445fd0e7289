using System.Diagnostics;

namespace Sitrep.Cli;

/// <summary>
/// What memory a run took, for <c>--verbose</c>: the process's peak resident memory (the figure
/// <c>/usr/bin/time</c> reports) and, sampled a few times a second, how much of the largest resident
/// figure the garbage collector held and how much of that was live after its last collection, so a
/// reader can tell objects kept alive from garbage not yet collected and from memory outside the heap.
/// </summary>
internal sealed class MemoryWatch : IDisposable
{
    private readonly Thread _thread;
    private readonly ManualResetEventSlim _stop = new();
    private long _peakResident;
    private long _committedAtPeak;
    private long _liveAtPeak;
    private long _peakCommitted;

    private MemoryWatch()
    {
        _thread = new Thread(Sample) { IsBackground = true, Name = "memory watch", Priority = ThreadPriority.BelowNormal };
        _thread.Start();
    }

    public static MemoryWatch Start() => new();

    private void Sample()
    {
        do
        {
            long resident = Environment.WorkingSet;
            var info = GC.GetGCMemoryInfo();
            _peakCommitted = Math.Max(_peakCommitted, info.TotalCommittedBytes);
            if (resident > _peakResident)
            {
                _peakResident = resident;
                _committedAtPeak = info.TotalCommittedBytes;
                _liveAtPeak = info.HeapSizeBytes - info.FragmentedBytes;
            }
        }
        while (!_stop.Wait(250));
    }

    /// <summary>One line: peak resident memory and what the collector held of it.</summary>
    public string Describe()
    {
        Stop();
        long peak;
        using (var self = Process.GetCurrentProcess())
            peak = Math.Max(self.PeakWorkingSet64, _peakResident);
        static string Mb(long bytes) => (bytes / 1_000_000.0).ToString("N0", System.Globalization.CultureInfo.InvariantCulture);
        return $"Memory: peak {Mb(peak)} MB resident; at the largest sample ({Mb(_peakResident)} MB) the collector held {Mb(_committedAtPeak)} MB, "
            + $"{Mb(_liveAtPeak)} MB of it in objects its last collection kept; it held at most {Mb(_peakCommitted)} MB; "
            + $"collections {GC.CollectionCount(0):N0}/{GC.CollectionCount(1):N0}/{GC.CollectionCount(2):N0} (generation 0/1/2).";
    }

    private void Stop()
    {
        if (!_stop.IsSet)
        {
            _stop.Set();
            _thread.Join();
        }
    }

    public void Dispose()
    {
        Stop();
        _stop.Dispose();
    }
}

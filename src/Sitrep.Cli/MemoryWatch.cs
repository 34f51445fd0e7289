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
    private long _fullLiveAtPeak;
    private long _maxFullLive;
    private string _generationsAtPeak = "";

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
                _fullLiveAtPeak = LastFullLive();
                var generations = info.GenerationInfo;
                _generationsAtPeak = generations.Length >= 5
                    ? $"generations 0/1/2/large/pinned {Mb(generations[0].SizeAfterBytes)}/{Mb(generations[1].SizeAfterBytes)}/{Mb(generations[2].SizeAfterBytes)}/{Mb(generations[3].SizeAfterBytes)}/{Mb(generations[4].SizeAfterBytes)} MB after it"
                    : "";
            }
            _maxFullLive = Math.Max(_maxFullLive, LastFullLive());
        }
        while (!_stop.Wait(250));
    }

    /// <summary>
    /// What the last full collection (blocking or background) found alive, all generations: the memory the run
    /// really keeps, as opposed to garbage the old generation still holds between full collections.
    /// </summary>
    private static long LastFullLive()
    {
        var blocking = GC.GetGCMemoryInfo(GCKind.FullBlocking);
        var background = GC.GetGCMemoryInfo(GCKind.Background);
        var last = background.Index > blocking.Index ? background : blocking;
        return last.Index == 0 ? 0 : last.HeapSizeBytes - last.FragmentedBytes;
    }

    private static string Mb(long bytes) => (bytes / 1_000_000.0).ToString("N0", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>One line: peak resident memory and what the collector held of it.</summary>
    public string Describe()
    {
        Stop();
        long peak;
        using (var self = Process.GetCurrentProcess())
            peak = Math.Max(self.PeakWorkingSet64, _peakResident);
        return $"Memory: peak {Mb(peak)} MB resident; at the largest sample ({Mb(_peakResident)} MB) the collector held {Mb(_committedAtPeak)} MB, "
            + $"{Mb(_liveAtPeak)} MB of it in objects its last collection kept ({_generationsAtPeak}), {Mb(_fullLiveAtPeak)} MB alive at its last full collection "
            + $"(at most {Mb(_maxFullLive)} MB in the run); it held at most {Mb(_peakCommitted)} MB; "
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

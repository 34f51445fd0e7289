using System.Diagnostics;

namespace Sitrep.Ingest.Web;

/// <summary>
/// Hands out request slots per host at least an interval apart. A caller reserves its slot under the lock and
/// waits outside it, so concurrent callers for one host queue up in order while other hosts are not held up.
/// </summary>
internal sealed class HostPacer
{
    // Past this many hosts the table is swept of hosts whose slot has passed, so a long crawl does not grow it forever.
    private const int SweepThreshold = 4096;

    private readonly long _intervalTicks;
    private readonly Dictionary<string, long> _nextSlot = new(StringComparer.OrdinalIgnoreCase);
    private readonly Lock _lock = new();

    public HostPacer(TimeSpan interval)
    {
        _intervalTicks = (long)(interval.TotalSeconds * Stopwatch.Frequency);
    }

    public async Task WaitTurnAsync(string host, CancellationToken ct)
    {
        if (_intervalTicks <= 0)
            return;
        long slot = Reserve(host);
        // Timers may fire a little early; loop until the slot has really come, since the interval is a minimum.
        while (true)
        {
            long remaining = slot - Stopwatch.GetTimestamp();
            if (remaining <= 0)
                return;
            var delay = TimeSpan.FromMilliseconds(Math.Ceiling(remaining * 1000.0 / Stopwatch.Frequency));
            await Task.Delay(delay, ct).ConfigureAwait(false);
        }
    }

    private long Reserve(string host)
    {
        long now = Stopwatch.GetTimestamp();
        lock (_lock)
        {
            if (_nextSlot.Count >= SweepThreshold)
            {
                foreach (var (key, next) in _nextSlot)
                {
                    if (next <= now)
                        _nextSlot.Remove(key);
                }
            }
            long slot = _nextSlot.TryGetValue(host, out long reserved) && reserved > now ? reserved : now;
            _nextSlot[host] = slot + _intervalTicks;
            return slot;
        }
    }
}

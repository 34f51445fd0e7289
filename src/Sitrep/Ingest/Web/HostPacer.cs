namespace Sitrep.Ingest.Web;

/// <summary>
/// Hands out request slots per host at least an interval apart. A caller reserves its slot under the lock and
/// waits outside it, so concurrent callers for one host queue up in order while other hosts are not held up.
/// </summary>
internal sealed class HostPacer
{
    // Past this many hosts the table is swept of hosts whose slot has passed, so a long crawl does not grow it forever.
    private const int SweepThreshold = 4096;

    private readonly TimeProvider _time;
    private readonly long _intervalTicks;
    private readonly Dictionary<string, long> _nextSlot = new(StringComparer.OrdinalIgnoreCase);
    private readonly Lock _lock = new();

    /// <param name="time">The clock slots are read from and waited on; the system's when null (tests pass a fake one).</param>
    public HostPacer(TimeSpan interval, TimeProvider? time = null)
    {
        _time = time ?? TimeProvider.System;
        _intervalTicks = (long)(interval.TotalSeconds * _time.TimestampFrequency);
    }

    public async Task WaitTurnAsync(string host, CancellationToken ct)
    {
        if (_intervalTicks <= 0)
            return;
        long slot = Reserve(host);
        // Timers may fire a little early; loop until the slot has really come, since the interval is a minimum.
        while (true)
        {
            long remaining = slot - _time.GetTimestamp();
            if (remaining <= 0)
                return;
            var delay = TimeSpan.FromMilliseconds(Math.Ceiling(remaining * 1000.0 / _time.TimestampFrequency));
            await Task.Delay(delay, _time, ct).ConfigureAwait(false);
        }
    }

    private long Reserve(string host)
    {
        long now = _time.GetTimestamp();
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

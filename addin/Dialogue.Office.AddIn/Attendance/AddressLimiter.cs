using System.Collections.Concurrent;

namespace Dialogue.Office.AddIn.Attendance;

/// <summary>
/// At most <c>limit</c> requests from one client address in each window (a minute), counted on the host's
/// <see cref="TimeProvider"/>. System.Threading.RateLimiting's fixed window replenishes on the wall clock, so a test that
/// needed more than a minute of real time on a loaded machine saw its window reset and the refusal never came; on the
/// injected clock a window ends only when the clock says so.
/// </summary>
public sealed class AddressLimiter(int limit, TimeSpan window, TimeProvider time)
{
    /// <summary>Addresses kept before windows that have ended are dropped.</summary>
    private const int PruneAbove = 10_000;

    private readonly ConcurrentDictionary<string, Window> _windows = new(StringComparer.Ordinal);

    /// <summary>True when <paramref name="address"/> may make one more request now; the request is counted.</summary>
    public bool TryAcquire(string address)
    {
        var now = time.GetUtcNow();
        if (_windows.Count > PruneAbove)
        {
            Prune(now);
        }

        var current = _windows.GetOrAdd(address, _ => new Window(now));
        lock (current)
        {
            if (now - current.Start >= window)
            {
                current.Start = now;
                current.Count = 0;
            }

            if (current.Count >= Math.Max(1, limit))
            {
                return false;
            }

            current.Count++;
            return true;
        }
    }

    private void Prune(DateTimeOffset now)
    {
        foreach (var (address, w) in _windows)
        {
            if (now - w.Start >= window)
            {
                _windows.TryRemove(address, out _);
            }
        }
    }

    private sealed class Window(DateTimeOffset start)
    {
        public DateTimeOffset Start { get; set; } = start;

        public int Count { get; set; }
    }
}

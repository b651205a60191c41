using System.Collections.Concurrent;
using Microsoft.Extensions.Time.Testing;

namespace Dialogue.Office.Automation.Tests.Support;

/// <summary>
/// A clock that moves only when code waits on it: every timer created (Task.Delay with this provider, a retry's
/// Retry-After) advances a <see cref="FakeTimeProvider"/> by its due time, so waits cost no real time and are recorded.
/// </summary>
internal sealed class FastForwardTime(DateTimeOffset start) : TimeProvider
{
    private readonly FakeTimeProvider _fake = new(start);

    /// <summary>The due times of the waits, in the order they were asked for.</summary>
    public ConcurrentQueue<TimeSpan> Waits { get; } = new();

    public DateTimeOffset Start { get; } = start;

    public override DateTimeOffset GetUtcNow() => _fake.GetUtcNow();

    public override long GetTimestamp() => _fake.GetTimestamp();

    public override long TimestampFrequency => _fake.TimestampFrequency;

    public override TimeZoneInfo LocalTimeZone => _fake.LocalTimeZone;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = _fake.CreateTimer(callback, state, dueTime, period);
        if (dueTime > TimeSpan.Zero && dueTime != Timeout.InfiniteTimeSpan)
        {
            Waits.Enqueue(dueTime);
            // After CreateTimer has returned to its caller (Task.Delay keeps the timer it gets back).
            _ = Task.Run(() => _fake.Advance(dueTime));
        }

        return timer;
    }
}

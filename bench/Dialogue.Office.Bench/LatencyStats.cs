using System.Globalization;

namespace Dialogue.Office.Bench;

/// <summary>
/// Latency figures of one request kind: nearest-rank percentiles (the smallest sample with at least p % of the samples
/// at or below it — no interpolation, so p99 of 300 samples is the 297th smallest), the mean and the maximum, in
/// milliseconds. Linked into the automation tests, which check the percentiles on known inputs.
/// </summary>
internal sealed record LatencyStats(int Count, double P50, double P95, double P99, double Mean, double Max)
{
    /// <summary>Figures of <paramref name="milliseconds"/> (any order; not changed); all zero when empty.</summary>
    public static LatencyStats Of(IReadOnlyCollection<double> milliseconds)
    {
        if (milliseconds.Count == 0)
        {
            return new LatencyStats(0, 0, 0, 0, 0, 0);
        }

        var sorted = milliseconds.ToArray();
        Array.Sort(sorted);
        return new LatencyStats(sorted.Length, Percentile(sorted, 50), Percentile(sorted, 95), Percentile(sorted, 99), sorted.Average(), sorted[^1]);
    }

    /// <summary>Nearest-rank percentile of an ascending array: the value at rank ⌈p/100 · n⌉ (1-based).</summary>
    public static double Percentile(double[] ascending, double p)
    {
        if (ascending.Length == 0)
        {
            throw new ArgumentException("no samples", nameof(ascending));
        }

        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(p);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(p, 100);
        var rank = (int)Math.Ceiling(p / 100.0 * ascending.Length - 1e-9);
        return ascending[Math.Clamp(rank, 1, ascending.Length) - 1];
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"n={Count} p50={P50:F1} ms p95={P95:F1} ms p99={P99:F1} ms mean={Mean:F1} ms max={Max:F1} ms");
}

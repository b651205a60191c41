using Dialogue.Office.Bench;

namespace Dialogue.Office.Automation.Tests.Bench;

/// <summary>The attendance benchmark's figures (bench/Dialogue.Office.Bench/LatencyStats.cs) on inputs whose percentiles are known.</summary>
public sealed class LatencyStatsTests
{
    [Fact]
    public void OneToHundred_NearestRank()
    {
        // Shuffled on purpose: the function sorts a copy and leaves the input as it was.
        var samples = Enumerable.Range(1, 100).Select(i => (double)i).Reverse().ToArray();
        var stats = LatencyStats.Of(samples);
        Assert.Equal(new LatencyStats(100, 50, 95, 99, 50.5, 100), stats);
        Assert.Equal(100, samples[0]);
    }

    [Fact]
    public void ThreeHundredSamples_P99IsThe297th()
    {
        // 300 confirmations: p95 is the 285th smallest, p99 the 297th (⌈0.99 · 300⌉), never an interpolation.
        var samples = Enumerable.Range(1, 300).Select(i => i * 0.5).ToArray();
        var stats = LatencyStats.Of(samples);
        Assert.Equal((75.0, 142.5, 148.5, 150.0), (stats.P50, stats.P95, stats.P99, stats.Max));
    }

    [Fact]
    public void FewSamples_TheSlowestCounts()
    {
        // Ten samples with one outlier: p95 and p99 are the outlier (rank 10), p50 the 5th smallest.
        double[] samples = [3, 1, 2, 5, 4, 7, 6, 9, 8, 400];
        var stats = LatencyStats.Of(samples);
        Assert.Equal((5.0, 400.0, 400.0), (stats.P50, stats.P95, stats.P99));
        Assert.Equal(LatencyStats.Of([7]), new LatencyStats(1, 7, 7, 7, 7, 7));
        Assert.Equal(new LatencyStats(0, 0, 0, 0, 0, 0), LatencyStats.Of([]));
        Assert.Throws<ArgumentOutOfRangeException>(() => LatencyStats.Percentile([1, 2], 0));
    }
}

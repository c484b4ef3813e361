using GeoAI.Report.History;

namespace GeoAI.Tests.Report;

/// <summary>
/// E-Divisive and the change-point filters on series with known answers: the statistic worked out by hand, steps found at
/// the index they were planted at (either direction, two in one series), and flat series of several noise shapes never
/// flagged over many seeds.
/// </summary>
public sealed class ChangePointTests
{
    private static readonly ChangePointMethod Default = new(ThresholdPercent: 5, Seed: 1);

    [Fact]
    public void StatisticOfACleanStepIsWorkedOutByHand()
    {
        // [0,0,0,1,1,1] split at 3: 9 cross pairs at distance 1, none within: Q = 3·3/6 · (2·9/9 − 0 − 0) = 3.
        var (index, q) = EDivisive.BestSplit([0, 0, 0, 1, 1, 1], _ => true, 1);

        Assert.Equal(3, index);
        Assert.Equal(3.0, q, 12);
    }

    [Fact]
    public void StatisticPicksTheBetterOfTwoUnequalSplits()
    {
        // [1,2,4] to the end (κ = 3): at 1, cross |1−2|+|1−4| = 4, within y |2−4|/C(2,2) = 2: Q = 1·2/3 · (2·4/2 − 0 − 2)
        // = 4/3; at 2, cross |1−4|+|2−4| = 5, within x |1−2|/1 = 1: Q = 2·1/3 · (2·5/2 − 1 − 0) = 8/3. Shorter right
        // sides: (1, κ 2) gives 1·1/2 · 2·1 = 1. The best is 8/3 at 2.
        var (index, q) = EDivisive.BestSplit([1, 2, 4], _ => true, 1);

        Assert.Equal(2, index);
        Assert.Equal(8.0 / 3, q, 12);
    }

    [Fact]
    public void AStepThatIsUndoneIsSeparatedByAShorterRightSide()
    {
        // [0,0,1,1,0,0]: τ 2 with κ 4 compares [0,0] with [1,1]: cross 4, nothing within: Q = 2·2/4 · (2·4/4) = 2. To the
        // end (κ 6) the right side [1,1,0,0] is mixed: cross 4, within 4/C(4,2): Q = 2·4/6 · (2·4/8 − 4/6) = 4/9.
        var (index, q) = EDivisive.BestSplit([0, 0, 1, 1, 0, 0], _ => true, 1);

        Assert.Equal(2, index);
        Assert.Equal(2.0, q, 12);
    }

    [Fact]
    public void NoSplitIsAllowedInsideTheMinimumSegment()
    {
        Assert.Equal(-1, EDivisive.BestSplit([1, 2, 3], _ => true, 2).Index);
    }

    [Theory]
    [InlineData(1.25, 6)]
    [InlineData(0.8, 4)]
    [InlineData(1.10, 9)]
    public void AStepIsFoundAtTheRunItWasPlantedAt(double factor, int at)
    {
        var random = new Random(7);
        var means = SyntheticSeries.Noisy(14, 100_000, random, SyntheticSeries.LogNormal(0.01))
            .Select((m, i) => i >= at ? m * factor : m).ToArray();

        var change = Assert.Single(ChangePointDetector.Find(SyntheticSeries.Of(means), Default));

        Assert.Equal(at, change.Index);
        Assert.Equal($"{at:x40}", change.Commit);
        Assert.Equal($"{at - 1:x40}", change.PreviousCommit);
        Assert.Equal(factor > 1, change.IsSlower);
        Assert.Equal(Median(means[at..]) / Median(means[..at]), change.Ratio, 1e-9);
        Assert.Equal(Median(means[..at]), change.BeforeNanoseconds, 1e-6);
        Assert.Equal((at, 14 - at), (change.RunsBefore, change.RunsAfter));
        Assert.InRange(change.PValue, 0, ChangePointMethod.Significance);
    }

    [Fact]
    public void ARegressionAndItsFixAreTwoChangePoints()
    {
        var means = SyntheticSeries.Noisy(18, 50_000, new Random(3), SyntheticSeries.LogNormal(0.01))
            .Select((m, i) => i is >= 6 and < 12 ? m * 1.3 : m).ToArray();

        var changes = ChangePointDetector.Find(SyntheticSeries.Of(means), Default);

        Assert.Equal([6, 12], changes.Select(c => c.Index));
        Assert.Equal([true, false], changes.Select(c => c.IsSlower));
        Assert.Equal([(6, 6), (6, 6)], changes.Select(c => (c.RunsBefore, c.RunsAfter)));
    }

    [Fact]
    public void AChangeFallsBetweenCommitsNeverInsideTheirReruns()
    {
        // 5 commits × 3 reruns; the step starts at the second rerun of the fourth commit (index 10).
        var means = SyntheticSeries.Noisy(15, 80_000, new Random(5), SyntheticSeries.LogNormal(0.005))
            .Select((m, i) => i >= 10 ? m * 1.4 : m).ToArray();

        var changes = ChangePointDetector.Find(SyntheticSeries.Of(means, runsPerCommit: 3), Default);

        Assert.All(changes, c => Assert.Equal(0, c.Index % 3));
        Assert.Contains(changes, c => c.Index is 9 or 12);
    }

    [Fact]
    public void AStepBelowTheThresholdIsNotReported()
    {
        var means = SyntheticSeries.Noisy(14, 100_000, new Random(11), SyntheticSeries.LogNormal(0.002))
            .Select((m, i) => i >= 7 ? m * 1.03 : m).ToArray();
        var series = SyntheticSeries.Of(means);

        Assert.Empty(ChangePointDetector.Find(series, Default));
        Assert.Single(ChangePointDetector.Find(series, Default with { ThresholdPercent = 2 }));
    }

    [Fact]
    public void IdenticalRunsHaveNoChangePoint()
    {
        Assert.Empty(ChangePointDetector.Find(SyntheticSeries.Of(Enumerable.Repeat(1234.5, 20).ToArray()), Default));
    }

    /// <summary>
    /// Flat series of three shapes: quiet lognormal noise, a machine whose runs swing ±30 % (this project's VM), and
    /// quiet noise with one run twice as slow. Each is drawn with 300 seeds and searched with that seed too.
    /// </summary>
    [Theory]
    [InlineData("lognormal 3 %")]
    [InlineData("uniform ±30 %")]
    [InlineData("one outlier")]
    public void FlatSeriesAreNeverFlagged(string shape)
    {
        Func<Random, double> noise = shape switch
        {
            "lognormal 3 %" => SyntheticSeries.LogNormal(0.03),
            "uniform ±30 %" => random => 0.7 + 0.6 * random.NextDouble(),
            _ => SyntheticSeries.LogNormal(0.02),
        };
        var flagged = new List<string>();
        for (var seed = 0; seed < 300; seed++)
        {
            var random = new Random(seed);
            var means = SyntheticSeries.Noisy(12 + seed % 9, 100_000, random, noise);
            if (shape == "one outlier")
                means[random.Next(means.Length)] *= 2;
            foreach (var change in ChangePointDetector.Find(SyntheticSeries.Of(means), Default with { Seed = seed }))
                flagged.Add($"seed {seed}: at {change.Index} of {means.Length}, ratio {change.Ratio:F3}, noise {change.Noise:F3}, " +
                            $"p {change.PValue:F3}, runs {change.RunsBefore}/{change.RunsAfter}");
        }

        Assert.Empty(flagged);
    }

    [Fact]
    public void TheSameSeriesAndSeedGiveTheSameAnswer()
    {
        var means = SyntheticSeries.Noisy(16, 100_000, new Random(2), SyntheticSeries.LogNormal(0.02))
            .Select((m, i) => i >= 8 ? m * 1.2 : m).ToArray();
        var series = SyntheticSeries.Of(means);

        var first = ChangePointDetector.Find(series, Default);
        var second = ChangePointDetector.Find(series, Default);

        Assert.Equal(first, second);
        Assert.Single(first);
    }

    /// <summary>Worked out here, apart from the detector's own, so the expected ratios do not borrow its arithmetic.</summary>
    internal static double Median(double[] values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }
}

using GeoAI.Bench.Benchmarks;
using GeoAI.Report.Compare;

namespace GeoAI.Tests.Report.KnownAnswers;

/// <summary>
/// <c>compare</c>'s verdicts on generated samples whose truth is known: 5 iterations a side (one launch of the suite,
/// <see cref="BenchConfig.MeasuredIterations"/>, which is also the fewest <c>compare</c> judges) and 10 (files measured
/// before the suite went to 5, or other BenchmarkDotNet runs), a 5 % threshold, α = 0.01 per one-sided test, no noise
/// floor (the generated cases have no batch). Each case is a shape a plain mean-ratio rule would get wrong or a boundary
/// of the test itself.
/// </summary>
public sealed class CompareKnownAnswerTests : IDisposable
{
    private const double Median = 1_000_000; // 1 ms per operation
    private readonly ScratchFolder scratch = new();

    private CaseComparison Judge(double[] baseSamples, double[] diffSamples, double thresholdPercent = 5)
    {
        GeneratedResults.Write(scratch.Combine("base"), "base-machine", [("only", baseSamples)]);
        GeneratedResults.Write(scratch.Combine("diff"), "diff-machine", [("only", diffSamples)]);
        var comparison = ResultComparer.Compare(new CompareOptions
        {
            BasePath = scratch.Combine("base"), DiffPath = scratch.Combine("diff"), ThresholdPercent = thresholdPercent,
        });
        return Assert.Single(comparison.Cases);
    }

    [Theory]
    [InlineData(BenchConfig.MeasuredIterations)]
    [InlineData(10)]
    public void TwoDrawsFromOneDistributionAreTheSame(int iterations)
    {
        var samples = new GeneratedSamples(seed: 1);

        var verdict = Judge(samples.LogNormal(iterations, Median, 0.02), samples.LogNormal(iterations, Median, 0.02));

        Assert.Equal(Verdict.Same, verdict.Verdict);
    }

    /// <summary>
    /// Low noise: 2 % at 10 a side; 1 % at 5 a side, where a verdict needs at most one of the 25 base/diff pairs out of
    /// order beyond the margin (exact p = 2/252 &lt; 0.01; two pairs give 4/252), which 2 % noise allows only about two
    /// times in three (see <see cref="CompareFalseVerdictRateTests"/>).
    /// </summary>
    [Theory]
    [InlineData(BenchConfig.MeasuredIterations, 0.01)]
    [InlineData(10, 0.02)]
    public void TenPercentSlowerWithLowNoiseIsSlowerAndTenPercentFasterIsFaster(int iterations, double noise)
    {
        var samples = new GeneratedSamples(seed: 2);
        var baseSamples = samples.LogNormal(iterations, Median, noise);

        var slower = Judge(baseSamples, samples.LogNormal(iterations, Median * 1.10, noise));
        var faster = Judge(baseSamples, samples.LogNormal(iterations, Median / 1.10, noise));

        Assert.Equal(Verdict.Slower, slower.Verdict);
        Assert.InRange(slower.Ratio, 1.05, 1.15);
        Assert.Equal(Verdict.Faster, faster.Verdict);
    }

    [Theory]
    [InlineData(BenchConfig.MeasuredIterations)]
    [InlineData(10)]
    public void SixPercentSlowerUnderThirtyPercentNoiseCannotBeToldFromTheSame(int iterations)
    {
        // Just above the 5 % threshold and buried in noise 5 times its size: no test on 5 or 10 samples can say Slower.
        var samples = new GeneratedSamples(seed: 3);

        var verdict = Judge(samples.LogNormal(iterations, Median, 0.30), samples.LogNormal(iterations, Median * 1.06, 0.30));

        Assert.Equal(Verdict.Same, verdict.Verdict);
    }

    [Theory]
    [InlineData(BenchConfig.MeasuredIterations)]
    [InlineData(10)]
    public void OneOutlierInTheDiffDoesNotMakeItSlower(int iterations)
    {
        // The diff is the base with its first iteration three times as long (a page fault, a GC, a neighbour's burst):
        // its mean is 20 % up at 10 a side (40 % at 5), so a mean-ratio rule would call it slower; a rank test sees all
        // but one unchanged.
        var baseSamples = new GeneratedSamples(seed: 4).LogNormal(iterations, Median, 0.02);
        var diffSamples = baseSamples.ToArray();
        diffSamples[0] *= 3;

        var verdict = Judge(baseSamples, diffSamples);

        Assert.True(diffSamples.Average() / baseSamples.Average() > 1.15);
        Assert.Equal(Verdict.Same, verdict.Verdict);
        Assert.Equal(1.0, verdict.Ratio, 12); // medians: all values but the first unchanged, the middle ones among them
    }

    [Fact]
    public void FiveAgainstFiveFullySeparatedIsSlowerButFourAgainstFourIsNotJudged()
    {
        // Every diff time above every base time by 20 %: for 5 against 5 the exact one-sided Mann–Whitney p is
        // 1/C(10,5) = 1/252 < 0.01; for 4 against 4 it is 1/C(8,4) = 1/70 > 0.01, so no verdict is possible there.
        double[] fiveBase = [100, 101, 102, 103, 104];
        var fiveDiff = fiveBase.Select(t => t * 1.2).ToArray();

        Assert.Equal(Verdict.Slower, Judge(fiveBase, fiveDiff).Verdict);
        Assert.Equal(Verdict.Faster, Judge(fiveDiff, fiveBase).Verdict);
        Assert.Equal(Verdict.NotEnoughSamples, Judge(fiveBase[..4], fiveDiff[..4]).Verdict);
    }

    [Fact]
    public void TheMinimumIsFiveOnEachSide()
    {
        double[] five = [100, 101, 102, 103, 104];
        var slow = five.Select(t => t * 1.2).ToArray();

        Assert.Equal(5, CompareOptions.MinimumSamples);
        Assert.Equal(Verdict.NotEnoughSamples, Judge(five[..4], slow).Verdict);
        Assert.Equal(Verdict.NotEnoughSamples, Judge(five, slow[..4]).Verdict);
        Assert.Equal(Verdict.Slower, Judge(five, slow).Verdict);
    }

    [Fact]
    public void TheSameBimodalMixtureOnBothSidesIsTheSame()
    {
        // Half the iterations in a fast mode, half 50 % slower (e.g. a step that sometimes lands on a busy core).
        var samples = new GeneratedSamples(seed: 6);

        var verdict = Judge(samples.Bimodal(30, Median, Median * 1.5, 0.5, 0.02), samples.Bimodal(30, Median, Median * 1.5, 0.5, 0.02));

        Assert.Equal(Verdict.Same, verdict.Verdict);
    }

    public void Dispose() => scratch.Dispose();
}

using GeoAI.Bench.Benchmarks;
using GeoAI.Report.Compare;

namespace GeoAI.Tests.Report.KnownAnswers;

/// <summary>
/// How often <c>compare</c> gets a known answer wrong, over many seeds at once (one case per seed, 5 iterations a side as
/// one launch of the suite measures, <see cref="BenchConfig.MeasuredIterations"/>, or 10; a 5 % threshold). The stated
/// bounds: with no real change, each one-sided test at α = 0.01 against a 5 % margin says Slower (or Faster) at most 1 %
/// of the time, so any verdict at most 2α = 2 %; a change in one direction is called the other way at most α = 1 %.
/// Finding a real change is power, which no α bounds: a 10 % change with 2 % noise is 2.3 standard deviations beyond the
/// 5 % margin per sample (log scale), which the exact one-sided test at α = 0.01 finds about 99 % of the time on 10 against
/// 10 and 68 % on 5 against 5 (at most one of the 25 pairs may fall below the margin), and with 1 % noise 99.9 % on 5
/// against 5 (a simulation of the exact test, 40,000 draws). Perfolizer takes the margin from the larger median, so it
/// finds fewer: this suite asks for 95 % where theory gives 99 % (these seeds: 193 of 200 at 10, 199 of 200 at 5), and
/// for more than half at 5 against 5 with 2 % noise (122 of 200). With fixed seeds the counts are fixed; the bounds say
/// why they are what they are.
/// </summary>
public sealed class CompareFalseVerdictRateTests : IDisposable
{
    private const int Seeds = 200;
    private const double Median = 1_000_000;
    private readonly ScratchFolder scratch = new();

    /// <summary>Verdicts over <see cref="Seeds"/> cases, base and diff each drawn with its own seed.</summary>
    private Dictionary<Verdict, int> Verdicts(Func<GeneratedSamples, double[]> drawBase, Func<GeneratedSamples, double[]> drawDiff)
    {
        var seeds = Enumerable.Range(0, Seeds).ToList();
        GeneratedResults.Write(scratch.Combine("base"), "base-machine",
            seeds.Select(s => ($"{s}", drawBase(new GeneratedSamples(2 * s)))));
        GeneratedResults.Write(scratch.Combine("diff"), "diff-machine",
            seeds.Select(s => ($"{s}", drawDiff(new GeneratedSamples(2 * s + 1)))));
        var comparison = ResultComparer.Compare(new CompareOptions
        {
            BasePath = scratch.Combine("base"), DiffPath = scratch.Combine("diff"), ThresholdPercent = 5,
        });
        Assert.Equal(Seeds, comparison.Cases.Count);
        return Enum.GetValues<Verdict>().ToDictionary(v => v, v => comparison.With(v).Count());
    }

    private static int AtMost(double rate) => (int)Math.Floor(rate * Seeds);

    [Theory]
    [InlineData(10, 0.02)]
    [InlineData(10, 0.30)]
    [InlineData(BenchConfig.MeasuredIterations, 0.02)]
    public void WithNoChangeAtMostTwoAlphaOfTheVerdictsAreAChange(int iterations, double noise)
    {
        var verdicts = Verdicts(s => s.LogNormal(iterations, Median, noise), s => s.LogNormal(iterations, Median, noise));

        Assert.True(verdicts[Verdict.Slower] + verdicts[Verdict.Faster] <= AtMost(2 * CompareOptions.Alpha),
            $"noise {noise:P0}: {verdicts[Verdict.Slower]} Slower and {verdicts[Verdict.Faster]} Faster of {Seeds}");
        Assert.True(verdicts[Verdict.Slower] <= AtMost(CompareOptions.Alpha), $"{verdicts[Verdict.Slower]} Slower of {Seeds}");
    }

    /// <summary>
    /// The suite's own sample size under heavy noise breaks the 2α bound: Perfolizer's equivalence test calls any shift
    /// of more than ten times the threshold (here about 50 % of the median) a change without a p-value, and the shift
    /// between two 5-sample draws under 30 % noise goes beyond that about one time in thirteen (these seeds: 7 Slower and
    /// 8 Faster of 200, 12 of the 15 through that shortcut alone; at 10 a side the shift is steadier and the bound holds).
    /// Pinned so that a change to the single-launch verdict shows here; launch-level verdicts (<c>bench --rounds</c>,
    /// <c>ab</c>) do not use this test, and <c>compare</c> warns on every single-launch one.
    /// </summary>
    [Fact]
    public void WithNoChangeFiveASideUnderThirtyPercentNoiseExceedsTwoAlpha()
    {
        var verdicts = Verdicts(s => s.LogNormal(BenchConfig.MeasuredIterations, Median, 0.30),
            s => s.LogNormal(BenchConfig.MeasuredIterations, Median, 0.30));

        Assert.Equal((7, 8), (verdicts[Verdict.Slower], verdicts[Verdict.Faster]));
    }

    [Theory]
    [InlineData(10, 0.02)]
    [InlineData(BenchConfig.MeasuredIterations, 0.01)]
    public void TenPercentSlowerWithLowNoiseIsFoundAtLeast95PercentOfTheTime(int iterations, double noise)
    {
        var verdicts = Verdicts(s => s.LogNormal(iterations, Median, noise), s => s.LogNormal(iterations, Median * 1.10, noise));

        Assert.True(verdicts[Verdict.Slower] >= Seeds - AtMost(0.05), $"{verdicts[Verdict.Slower]} Slower of {Seeds}");
        Assert.Equal(0, verdicts[Verdict.Faster]);
    }

    [Fact]
    public void TenPercentSlowerWithTwoPercentNoiseFiveASideIsFoundMoreThanHalfTheTime()
    {
        var verdicts = Verdicts(s => s.LogNormal(BenchConfig.MeasuredIterations, Median, 0.02),
            s => s.LogNormal(BenchConfig.MeasuredIterations, Median * 1.10, 0.02));

        Assert.True(verdicts[Verdict.Slower] > Seeds / 2, $"{verdicts[Verdict.Slower]} Slower of {Seeds}");
        Assert.Equal(0, verdicts[Verdict.Faster]);
    }

    [Fact]
    public void SixPercentSlowerUnderThirtyPercentNoiseIsAlmostNeverCalledFaster()
    {
        var verdicts = Verdicts(s => s.LogNormal(10, Median, 0.30), s => s.LogNormal(10, Median * 1.06, 0.30));

        Assert.True(verdicts[Verdict.Faster] <= AtMost(CompareOptions.Alpha), $"{verdicts[Verdict.Faster]} Faster of {Seeds}");
        // Nor usually Slower: 6 % is one fifth of the noise, so most cases stay the Same.
        Assert.True(verdicts[Verdict.Same] > Seeds / 2, $"{verdicts[Verdict.Same]} Same of {Seeds}");
    }

    [Fact]
    public void TheSameBimodalMixtureOnBothSidesIsRarelyCalledAChange()
    {
        var verdicts = Verdicts(s => s.Bimodal(10, Median, Median * 1.5, 0.5, 0.02), s => s.Bimodal(10, Median, Median * 1.5, 0.5, 0.02));

        Assert.True(verdicts[Verdict.Slower] + verdicts[Verdict.Faster] <= AtMost(2 * CompareOptions.Alpha),
            $"{verdicts[Verdict.Slower]} Slower and {verdicts[Verdict.Faster]} Faster of {Seeds}");
    }

    public void Dispose() => scratch.Dispose();
}

using GeoAI.Report.Compare;

namespace GeoAI.Tests.Report.KnownAnswers;

/// <summary>
/// How often <c>compare</c> gets a known answer wrong, over many seeds at once (one case per seed, 10 iterations a side,
/// a 5 % threshold). The stated bounds: with no real change, each one-sided test at α = 0.01 against a 5 % margin says
/// Slower (or Faster) at most 1 % of the time, so any verdict at most 2α = 2 %; a change in one direction is called the
/// other way at most α = 1 %. Finding a real change is power, which no α bounds: a 10 % change with 2 % noise is 2.3
/// standard deviations beyond the 5 % margin per sample (log scale), which the one-sided test at α = 0.01 on 10 against 10
/// finds about 99 % of the time in theory; Perfolizer takes the margin from the larger median, so fewer, and this suite
/// asks for at least 95 % (these seeds: 193 of 200). With fixed seeds the counts are fixed; the bounds say why they are
/// what they are.
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
    [InlineData(0.02)]
    [InlineData(0.30)]
    public void WithNoChangeAtMostTwoAlphaOfTheVerdictsAreAChange(double noise)
    {
        var verdicts = Verdicts(s => s.LogNormal(10, Median, noise), s => s.LogNormal(10, Median, noise));

        Assert.True(verdicts[Verdict.Slower] + verdicts[Verdict.Faster] <= AtMost(2 * CompareOptions.Alpha),
            $"noise {noise:P0}: {verdicts[Verdict.Slower]} Slower and {verdicts[Verdict.Faster]} Faster of {Seeds}");
        Assert.True(verdicts[Verdict.Slower] <= AtMost(CompareOptions.Alpha), $"{verdicts[Verdict.Slower]} Slower of {Seeds}");
    }

    [Fact]
    public void TenPercentSlowerWithTwoPercentNoiseIsFoundAtLeast95PercentOfTheTime()
    {
        var verdicts = Verdicts(s => s.LogNormal(10, Median, 0.02), s => s.LogNormal(10, Median * 1.10, 0.02));

        Assert.True(verdicts[Verdict.Slower] >= Seeds - AtMost(0.05), $"{verdicts[Verdict.Slower]} Slower of {Seeds}");
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

using GeoAI.Report.Compare;
using GeoAI.Report.Statistics;

namespace GeoAI.Tests.Report;

/// <summary>
/// The launch-level verdicts on generated rounds whose truth is known, over many seeds. Each round's launch times are
/// log-normal around the true time, with a shared drift per round (what pairing must cancel). The stated error bound:
/// when the true ratio lies inside the ±5 % band, Slower (or Faster) comes out at most 2.5 % of the time, the share of
/// a 95 % interval's misses on one side; at a true ratio of 1 it is far rarer.
/// </summary>
public sealed class LaunchVerdictKnownAnswerTests
{
    private const int Seeds = 4000;
    private const double OneSidedMiss = 0.025;

    /// <summary>Three binomial standard errors of a 2.5 % rate over <see cref="Seeds"/> runs: room for Monte Carlo noise.</summary>
    private static readonly double Slack = 3 * Math.Sqrt(OneSidedMiss * (1 - OneSidedMiss) / Seeds);

    [Fact]
    public void IdenticalSidesAreNeverSlowerOrFasterBeyondTheStatedRate()
    {
        var verdicts = Run(trueRatio: 1.0, noise: 0.10, drift: 0.3, rounds: 10);

        Assert.True(Rate(verdicts, Verdict.Slower) + Rate(verdicts, Verdict.Faster) <= OneSidedMiss, Describe(verdicts));
    }

    [Fact]
    public void IdenticalSidesUnderLowNoiseAreMostlySame()
    {
        // Per-round log-ratio spread 0.03·√2 over 10 rounds: the interval's half-width (0.030) fits inside the ±4.9 %
        // band only when the mean and the spread both land small: about 79 % of the time (simulated separately).
        var verdicts = Run(trueRatio: 1.0, noise: 0.03, drift: 0.3, rounds: 10);

        Assert.InRange(Rate(verdicts, Verdict.Same), 0.75, 0.93);
        Assert.True(Rate(verdicts, Verdict.Slower) + Rate(verdicts, Verdict.Faster) <= OneSidedMiss, Describe(verdicts));
    }

    [Fact]
    public void ATrueRatioRightAtTheThresholdIsCalledSlowerAtMostAtTheStatedRate()
    {
        var verdicts = Run(trueRatio: 1.05, noise: 0.05, drift: 0.3, rounds: 8);

        Assert.True(Rate(verdicts, Verdict.Slower) <= OneSidedMiss + Slack, Describe(verdicts));
    }

    [Fact]
    public void TenPercentSlowerWithLowNoiseIsSlower()
    {
        var verdicts = Run(trueRatio: 1.10, noise: 0.01, drift: 0.3, rounds: 6);

        Assert.True(Rate(verdicts, Verdict.Slower) >= 0.99, Describe(verdicts));
    }

    [Fact]
    public void SixPercentSlowerUnderThirtyPercentNoiseIsUnsureNotAGuess()
    {
        var verdicts = Run(trueRatio: 1.06, noise: 0.30, drift: 0.3, rounds: 10);

        Assert.True(Rate(verdicts, Verdict.Unsure) >= 0.9, Describe(verdicts));
        Assert.True(Rate(verdicts, Verdict.Faster) <= OneSidedMiss, Describe(verdicts));
    }

    [Fact]
    public void OneWildRoundMakesTheCaseUnsureNotSlower()
    {
        // Nine quiet rounds at a ratio of 1 and one where the diff's launch took three times as long.
        var baseTimes = Enumerable.Repeat(100.0, 10).ToArray();
        var diffTimes = new[] { 100.5, 99.5, 100.2, 99.8, 100.1, 99.9, 100.3, 99.7, 100.0, 300.0 };

        var interval = LaunchStatistics.PairedRatio(baseTimes, diffTimes);

        Assert.Equal(Verdict.Unsure, LaunchVerdict.Judge(interval, 5));
    }

    [Fact]
    public void TheMinimumDetectableEffectIsCaughtAboutFourTimesInFive()
    {
        // With 10 rounds and a per-round log-ratio noise of 0.1, the MDE at the true spread is ln 1.05 + (t.975 + t.8)·0.1/√10.
        const int rounds = 10;
        var spread = 0.1 * Math.Sqrt(2); // two independent launches a round, each with noise 0.1
        var effect = new Interval(1, 1, 1, spread / Math.Sqrt(rounds), rounds - 1).MinimumDetectableEffect(5);

        var verdicts = Run(trueRatio: 1 + effect, noise: 0.1, drift: 0.3, rounds: rounds);

        Assert.InRange(Rate(verdicts, Verdict.Slower), 0.72, 0.88);
    }

    [Fact]
    public void PairingCancelsDriftThatUnpairedLaunchesCannot()
    {
        // Large drift between rounds, little noise within a pair: paired rounds see the 10 % slowdown, Welch does not.
        var random = new Random(7);
        var drift = Enumerable.Range(0, 8).Select(_ => Math.Exp(0.4 * Gaussian(random))).ToArray();
        var baseTimes = drift.Select(d => 100 * d * Math.Exp(0.01 * Gaussian(random))).ToArray();
        var diffTimes = drift.Select(d => 110 * d * Math.Exp(0.01 * Gaussian(random))).ToArray();

        Assert.Equal(Verdict.Slower, LaunchVerdict.Judge(LaunchStatistics.PairedRatio(baseTimes, diffTimes), 5));
        Assert.Equal(Verdict.Unsure, LaunchVerdict.Judge(LaunchStatistics.UnpairedRatio(baseTimes, diffTimes), 5));
    }

    /// <summary>Verdicts of <see cref="Seeds"/> generated A/Bs with the given truth.</summary>
    private static List<Verdict> Run(double trueRatio, double noise, double drift, int rounds)
    {
        var verdicts = new List<Verdict>(Seeds);
        for (var seed = 0; seed < Seeds; seed++)
        {
            var random = new Random(seed);
            var baseTimes = new double[rounds];
            var diffTimes = new double[rounds];
            for (var r = 0; r < rounds; r++)
            {
                var shared = Math.Exp(drift * Gaussian(random));
                baseTimes[r] = 1e6 * shared * Math.Exp(noise * Gaussian(random));
                diffTimes[r] = 1e6 * trueRatio * shared * Math.Exp(noise * Gaussian(random));
            }
            verdicts.Add(LaunchVerdict.Judge(LaunchStatistics.PairedRatio(baseTimes, diffTimes), 5));
        }
        return verdicts;
    }

    private static double Rate(List<Verdict> verdicts, Verdict verdict) => verdicts.Count(v => v == verdict) / (double)verdicts.Count;

    private static string Describe(List<Verdict> verdicts) =>
        string.Join(", ", verdicts.GroupBy(v => v).OrderBy(g => g.Key).Select(g => $"{g.Key} {g.Count()}"));

    /// <summary>A standard normal draw (Box–Muller), from the seeded generator.</summary>
    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}

using GeoAI.Report.Compare;
using GeoAI.Report.Statistics;

namespace GeoAI.Tests.Report;

/// <summary>
/// The launch-level statistics against numbers worked out by hand: logs, their mean and standard error, and Student-t
/// quantiles from tables (t(2, 0.975) = 4.302653, t(4, 0.975) = 2.776445, t(9, 0.975) = 2.262157, t(9, 0.8) = 0.883029).
/// Perfolizer's quantiles agree with the tables to about 1e-9, hence the tolerances.
/// </summary>
public sealed class LaunchStatisticsTests
{
    private const double T2 = 4.302652729911275;
    private const double T4 = 2.7764451051977987;

    [Fact]
    public void GeometricMeanOfThreeLaunchesGrowingTenPercentEachIsTheMiddleOneWithItsTInterval()
    {
        var interval = LaunchStatistics.GeometricMean([100, 110, 121]);

        // logs: ln 100 + {0, d, 2d}, d = ln 1.1; mean ln 110; sd d; standard error d/√3.
        var half = T2 * Math.Log(1.1) / Math.Sqrt(3);
        Assert.Equal(110, interval.Value, 9);
        Assert.Equal(110 * Math.Exp(-half), interval.Lower, 1e-6);
        Assert.Equal(110 * Math.Exp(half), interval.Upper, 1e-6);
        Assert.Equal(2, interval.Degrees);
    }

    [Fact]
    public void OneLaunchSaysNothingAboutTheSpread()
    {
        var interval = LaunchStatistics.GeometricMean([42]);

        Assert.Equal(42, interval.Value, 12);
        Assert.Equal(0, interval.Lower);
        Assert.Equal(double.PositiveInfinity, interval.Upper);
        Assert.Equal(double.PositiveInfinity, interval.MinimumDetectableEffect(5));
    }

    [Fact]
    public void PairedRoundsWithTheSameRatioGiveThatRatioExactly()
    {
        // Drift from 100 to 300 between rounds hits both sides alike and cancels in the ratio.
        var interval = LaunchStatistics.PairedRatio([100, 200, 300], [110, 220, 330]);

        Assert.Equal(1.1, interval.Value, 12);
        Assert.Equal(1.1, interval.Lower, 12);
        Assert.Equal(1.1, interval.Upper, 12);
        Assert.Equal(Verdict.Slower, LaunchVerdict.Judge(interval, 5));
    }

    [Fact]
    public void TheSameTimesUnpairedKeepTheDriftAndCannotDecide()
    {
        // Base logs ln100 + {0, d, 2d} with d = ln 1.1, diff the same plus ln 1.2: Welch's standard error is
        // √(2·d²/3), its degrees of freedom (2·v)² / (2·v²/2) = 4, and the interval reaches below 1.
        var interval = LaunchStatistics.UnpairedRatio([100, 110, 121], [120, 132, 145.2]);

        var standardError = Math.Sqrt(2 * Math.Log(1.1) * Math.Log(1.1) / 3);
        Assert.Equal(1.2, interval.Value, 9);
        Assert.Equal(4, interval.Degrees, 9);
        Assert.Equal(1.2 * Math.Exp(-T4 * standardError), interval.Lower, 1e-8);
        Assert.Equal(1.2 * Math.Exp(T4 * standardError), interval.Upper, 1e-8);
        Assert.Equal(Verdict.Unsure, LaunchVerdict.Judge(interval, 5));
    }

    [Fact]
    public void PairedRoundsNeedAsManyLaunchesOnEachSide()
    {
        var error = Assert.Throws<ArgumentException>(() => LaunchStatistics.PairedRatio([1, 2, 3], [1, 2]));

        Assert.Contains("3 against 2", error.Message);
    }

    [Fact]
    public void UnpairedWithOneLaunchOnASideHasNoDegreesOfFreedom()
    {
        // Base ln 100 alone (no variance of its own); diff ln 110, ln 121: variance (ln 1.1)²/2 over 2 launches, so the
        // standard error is ln(1.1)/2. Welch's df would divide by the base's n - 1 = 0: there is nothing to decide with.
        var interval = LaunchStatistics.UnpairedRatio([100], [110, 121]);

        Assert.Equal(Math.Sqrt(110 * 121) / 100, interval.Value, 12);
        Assert.Equal(Math.Log(1.1) / 2, interval.LogStandardError, 12);
        Assert.Equal(0, interval.Degrees);
        Assert.Equal(0, interval.Lower);
        Assert.Equal(double.PositiveInfinity, interval.Upper);
    }

    [Fact]
    public void UnpairedWithTwoLaunchesASideUsesWelchsDegreesOfFreedom()
    {
        // Both sides' logs have the variance v = (ln 1.1)²/2, so each mean's variance is v/2 and Welch's df is
        // (v/2 + v/2)² / ((v/2)²/1 + (v/2)²/1) = 2, not the smaller side's n - 1 = 1.
        var interval = LaunchStatistics.UnpairedRatio([100, 110], [120, 132]);

        Assert.Equal(2, interval.Degrees, 9);
        Assert.Equal(Math.Log(1.1) / Math.Sqrt(2), interval.LogStandardError, 12);
    }

    [Fact]
    public void UnpairedWithoutSpreadTakesTheSmallerSidesDegreesAndAnExactRatio()
    {
        // No spread on either side: Welch's df is 0/0, so the smaller side's n - 1 (3 launches against 4) stands in.
        var interval = LaunchStatistics.UnpairedRatio([100, 100, 100], [110, 110, 110, 110]);

        Assert.Equal(2, interval.Degrees);
        Assert.Equal(0, interval.LogStandardError);
        Assert.Equal(1.1, interval.Lower, 12);
        Assert.Equal(1.1, interval.Upper, 12);
    }

    [Fact]
    public void NoLaunchesAreRefused() =>
        Assert.Contains("no launches", Assert.Throws<ArgumentException>(() => LaunchStatistics.UnpairedRatio([1], [])).Message);

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void ATimeThatIsNotPositiveAndFiniteIsRefused(double bad) =>
        Assert.Contains("positive and finite", Assert.Throws<ArgumentException>(() => LaunchStatistics.GeometricMean([1, bad])).Message);

    [Theory]
    [InlineData(0.9, true)]
    [InlineData(1.1, true)]
    [InlineData(0.8999, false)]
    [InlineData(1.1001, false)]
    public void AnIntervalIncludesItsEnds(double value, bool included) =>
        Assert.Equal(included, new Interval(1, 0.9, 1.1, 0.05, 4).Includes(value));

    [Fact]
    public void NoDegreesOfFreedomMeanNoDetectableEffect() =>
        Assert.Equal(double.PositiveInfinity, new Interval(1, 0.9, 1.1, 0.02, 0).MinimumDetectableEffect(5));

    [Theory]
    [InlineData(new[] { 3.0, 1, 2 }, 2)]
    [InlineData(new[] { 4.0, 1, 3, 2 }, 2.5)]
    [InlineData(new[] { 7.0 }, 7)]
    public void TheMedianIsTheMiddleValueOrTheMeanOfTheTwoMiddleOnes(double[] values, double median) =>
        Assert.Equal(median, SampleStatistics.Median(values));

    [Fact]
    public void TheMedianOfNothingIsRefused() =>
        Assert.StartsWith("no values", Assert.Throws<ArgumentException>(() => SampleStatistics.Median([])).Message);

    [Theory]
    [InlineData(1.06, 1.20, Verdict.Slower)] // wholly above 1.05
    [InlineData(1.05, 1.20, Verdict.Unsure)] // touches the band: not wholly beyond it
    [InlineData(0.90, 0.95, Verdict.Faster)] // wholly below 1/1.05 = 0.95238
    [InlineData(0.90, 0.953, Verdict.Unsure)]
    [InlineData(0.96, 1.04, Verdict.Same)] // wholly inside [0.95238, 1.05]
    [InlineData(0.9524, 1.05, Verdict.Same)]
    [InlineData(0.94, 1.04, Verdict.Unsure)]
    [InlineData(0.5, 2.0, Verdict.Unsure)]
    public void VerdictsFollowWhereTheIntervalLiesAgainstTheBand(double lower, double upper, Verdict expected) =>
        Assert.Equal(expected, LaunchVerdict.Judge(new Interval(Math.Sqrt(lower * upper), lower, upper, 0.1, 9), 5));

    [Fact]
    public void AnIntervalEndingExactlyOnTheBandIsNotBeyondItButIsWithinIt()
    {
        var band = 1 + 5 / 100.0;

        Assert.Equal(Verdict.Unsure, LaunchVerdict.Judge(new Interval(0.95, 0.9, 1 / band, 0.1, 9), 5));
        Assert.Equal(Verdict.Same, LaunchVerdict.Judge(new Interval(1, 1 / band, band, 0.1, 9), 5));
    }

    [Fact]
    public void MinimumDetectableEffectIsTheThresholdPlusTwoQuantilesOfStandardError()
    {
        var interval = new Interval(1, 0.9, 1.1, 0.02, 9);

        // ln 1.05 + (t(9, 0.975) + t(9, 0.8)) × 0.02, back on the ratio scale.
        var expected = Math.Exp(Math.Log(1.05) + (2.262157162798205 + 0.8830288072963295) * 0.02) - 1;
        Assert.Equal(expected, interval.MinimumDetectableEffect(5), 1e-5);
    }
}

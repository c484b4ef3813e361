using Perfolizer.Mathematics.Distributions.ContinuousDistributions;

namespace GeoAI.Report.Statistics;

/// <summary>
/// Statistics whose unit is the launch (one benchmark process), not the iteration. On a shared VM most of the variance
/// lies between launches and between minutes, so the iterations of one process are not independent samples of what a
/// rerun would measure (Kalibera and Jones, "Rigorous benchmarking in reasonable time", 2013). Each launch contributes
/// one number (the median of its iterations); times are compared on the log scale, where a slowdown is a shift and
/// ratios are symmetric; intervals are Student-t intervals over launches (over paired rounds for an A/B).
/// </summary>
public static class LaunchStatistics
{
    /// <summary>Confidence level of every launch-level interval.</summary>
    public const double LevelPercent = 95;

    /// <summary>Power at which the minimum detectable effect is stated.</summary>
    public const double Power = 0.8;

    /// <summary>
    /// Geometric mean of per-launch times with its t-interval. A bootstrap was not used: with the 3-20 launches a run
    /// can afford, a percentile bootstrap of the mean covers far less than its nominal level.
    /// </summary>
    public static Interval GeometricMean(IReadOnlyList<double> launchTimes)
    {
        var logs = Logs(launchTimes, nameof(launchTimes));
        var (mean, standardError, degrees) = (logs.Average(), StandardError(logs), logs.Length - 1.0);
        return Interval.FromLog(mean, standardError, degrees);
    }

    /// <summary>
    /// diff/base from rounds that ran each side once, close together in time: the per-round log ratios cancel the drift
    /// both sides shared (Bulej et al., "Duet benchmarking", 2020; asv's interleaved rounds).
    /// </summary>
    public static Interval PairedRatio(IReadOnlyList<double> baseTimes, IReadOnlyList<double> diffTimes)
    {
        if (baseTimes.Count != diffTimes.Count)
            throw new ArgumentException($"paired rounds need as many base as diff launches ({baseTimes.Count} against {diffTimes.Count})");
        var ratios = Logs(diffTimes, nameof(diffTimes)).Zip(Logs(baseTimes, nameof(baseTimes)), (d, b) => d - b).ToArray();
        return Interval.FromLog(ratios.Average(), StandardError(ratios), ratios.Length - 1.0);
    }

    /// <summary>diff/base from two independent sets of launches (Welch's t on the log scale, Welch–Satterthwaite df).</summary>
    public static Interval UnpairedRatio(IReadOnlyList<double> baseTimes, IReadOnlyList<double> diffTimes)
    {
        var (b, d) = (Logs(baseTimes, nameof(baseTimes)), Logs(diffTimes, nameof(diffTimes)));
        var (vb, vd) = (Variance(b) / b.Length, Variance(d) / d.Length);
        var standardError = Math.Sqrt(vb + vd);
        var degrees = b.Length < 2 || d.Length < 2 || standardError == 0
            ? Math.Max(Math.Min(b.Length, d.Length) - 1.0, 0)
            : (vb + vd) * (vb + vd) / (vb * vb / (b.Length - 1) + vd * vd / (d.Length - 1));
        return Interval.FromLog(d.Average() - b.Average(), standardError, degrees);
    }

    /// <summary>The Student-t quantile, with infinity where there are no degrees of freedom.</summary>
    public static double StudentQuantile(double probability, double degrees) =>
        degrees > 0 ? new StudentDistribution(degrees).Quantile(probability) : double.PositiveInfinity;

    private static double[] Logs(IReadOnlyList<double> times, string name)
    {
        if (times.Count == 0)
            throw new ArgumentException("no launches", name);
        if (times.Any(t => !(t > 0) || !double.IsFinite(t)))
            throw new ArgumentException("launch times must be positive and finite", name);
        return times.Select(t => Math.Log(t)).ToArray();
    }

    private static double Variance(double[] values)
    {
        if (values.Length < 2)
            return 0;
        var mean = values.Average();
        return values.Sum(v => (v - mean) * (v - mean)) / (values.Length - 1);
    }

    private static double StandardError(double[] values) =>
        values.Length < 2 ? double.PositiveInfinity : Math.Sqrt(Variance(values) / values.Length);
}

/// <summary>
/// An estimate on the ratio (or time) scale with its <see cref="LaunchStatistics.LevelPercent"/> interval, from a mean
/// of logs, its standard error and degrees of freedom. With one launch (or one round) nothing is known about the
/// spread: the interval is (0, ∞).
/// </summary>
public readonly record struct Interval(double Value, double Lower, double Upper, double LogStandardError, double Degrees)
{
    public static Interval FromLog(double logMean, double standardError, double degrees)
    {
        var half = double.IsFinite(standardError)
            ? LaunchStatistics.StudentQuantile(1 - (1 - LaunchStatistics.LevelPercent / 100) / 2, degrees) * standardError
            : double.PositiveInfinity;
        return new Interval(Math.Exp(logMean), Math.Exp(logMean - half), Math.Exp(logMean + half), standardError, degrees);
    }

    /// <summary>Whether the interval holds 1: no difference cannot be ruled out.</summary>
    public bool Includes(double value) => Lower <= value && value <= Upper;

    /// <summary>
    /// The smallest slowdown (as a fraction: 0.12 = 12 %) that would be called Slower at <paramref name="thresholdPercent"/>
    /// with <see cref="LaunchStatistics.Power"/> power, given the spread seen and the launches run: the threshold plus
    /// (t at the interval's level + t at the power) standard errors, on the log scale.
    /// </summary>
    public double MinimumDetectableEffect(double thresholdPercent)
    {
        if (!double.IsFinite(LogStandardError) || Degrees <= 0)
            return double.PositiveInfinity;
        var alpha = 1 - LaunchStatistics.LevelPercent / 100;
        var spread = (LaunchStatistics.StudentQuantile(1 - alpha / 2, Degrees) + LaunchStatistics.StudentQuantile(LaunchStatistics.Power, Degrees))
                     * LogStandardError;
        return Math.Exp(Math.Log(1 + thresholdPercent / 100) + spread) - 1;
    }
}

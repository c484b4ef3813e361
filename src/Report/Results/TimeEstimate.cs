using GeoAI.Report.Statistics;
using Perfolizer.Mathematics.Common;

namespace GeoAI.Report.Results;

/// <summary>
/// The centre and spread of one case's time per image, in nanoseconds: mean, median and a confidence interval of the mean.
/// <paramref name="N"/> counts the independent units behind the interval: iterations of one launch, or launches.
/// </summary>
public sealed record TimeEstimate(double Mean, double Median, double Lower, double Upper, double LevelPercent, int N)
{
    /// <summary>The confidence level BenchmarkDotNet reports, and the one used where the reporter computes an interval.</summary>
    public const double DefaultLevelPercent = 99.9;

    /// <summary>Half the width of the confidence interval (BenchmarkDotNet's "Error" column).</summary>
    public double Margin => (Upper - Lower) / 2;

    /// <summary>The same estimate for one of <paramref name="images"/> images processed per operation.</summary>
    public TimeEstimate PerImage(int images) =>
        images == 1 ? this : this with { Mean = Mean / images, Median = Median / images, Lower = Lower / images, Upper = Upper / images };

    /// <summary>What the interval spans, for chart captions: several launches, or one launch's iterations.</summary>
    public string IntervalName => LevelPercent == LaunchStatistics.LevelPercent
        ? $"{Numbers.Plain(LevelPercent)} % t-interval over launches"
        : $"{Numbers.Plain(LevelPercent)} % confidence interval within one launch";

    /// <summary>Images per second for a time per image in nanoseconds.</summary>
    public double ImagesPerSecond => 1e9 / Mean;

    /// <summary>
    /// Several launches of one case: the geometric mean of their times (each launch's median) and its
    /// <see cref="LaunchStatistics.LevelPercent"/> t-interval over launches; "Median" is the median launch.
    /// </summary>
    public static TimeEstimate FromLaunches(IReadOnlyList<Launch> launches)
    {
        var times = launches.Select(l => l.Time).ToList();
        var interval = LaunchStatistics.GeometricMean(times);
        return new TimeEstimate(interval.Value, SampleStatistics.Median(times), interval.Lower, interval.Upper, LaunchStatistics.LevelPercent, times.Count);
    }

    /// <summary>A 99.9 % Student-t interval of the mean, as BenchmarkDotNet computes it, for samples from elsewhere.</summary>
    public static TimeEstimate FromSamples(IReadOnlyList<double> samples)
    {
        if (samples.Count == 0)
            throw new ArgumentException("no samples", nameof(samples));
        var mean = samples.Average();
        var median = SampleStatistics.Median(samples);
        if (samples.Count < 2)
            return new TimeEstimate(mean, median, mean, mean, DefaultLevelPercent, samples.Count);
        var variance = samples.Sum(x => (x - mean) * (x - mean)) / (samples.Count - 1);
        var standardError = Math.Sqrt(variance / samples.Count);
        var interval = new ConfidenceIntervalEstimator(samples.Count, mean, standardError)
            .ConfidenceInterval(ConfidenceLevel.L999);
        return new TimeEstimate(mean, median, interval.Lower, interval.Upper, DefaultLevelPercent, samples.Count);
    }
}

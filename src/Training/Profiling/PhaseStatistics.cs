namespace GeoAI.Training.Profiling;

/// <summary>
/// Statistics of one phase (or of the whole step, or of the uncovered rest) over the recorded steps, in milliseconds.
/// <see cref="SharePercent"/> is the phase's mean over the mean step, so the phases' shares and the rest's add up to 100 %.
/// </summary>
public sealed record PhaseStatistics(string Key, string Name, double MeanMs, double MedianMs, double P90Ms, double MinMs,
    double MaxMs, double SharePercent)
{
    /// <summary>The statistics of <paramref name="milliseconds"/> with the share of <paramref name="meanStepMs"/>.</summary>
    public static PhaseStatistics Of(string key, string name, IReadOnlyList<double> milliseconds, double meanStepMs)
    {
        if (milliseconds.Count == 0)
            throw new ArgumentException("no steps to summarise", nameof(milliseconds));
        var sorted = milliseconds.Order().ToArray();
        var mean = sorted.Average();
        return new PhaseStatistics(key, name, mean, Quantile(sorted, 0.5), Quantile(sorted, 0.9), sorted[0], sorted[^1],
            meanStepMs > 0 ? mean / meanStepMs * 100 : 0);
    }

    /// <summary>The q-quantile by linear interpolation between the closest ranks (numpy's default), of sorted values.</summary>
    public static double Quantile(IReadOnlyList<double> sorted, double q)
    {
        var position = (sorted.Count - 1) * q;
        var below = (int)Math.Floor(position);
        var above = Math.Min(below + 1, sorted.Count - 1);
        return sorted[below] + (sorted[above] - sorted[below]) * (position - below);
    }
}

namespace GeoAI.Report.History;

/// <summary>
/// The settings of the change-point method, fixed here so every history is judged alike (history.json records them).
/// E-Divisive finds candidates; a candidate is reported only when it is also large against the threshold and against
/// the run-to-run noise either side of it, because a permutation test alone passes about 1 % of flat series at p ≤ 0.01
/// and a history holds hundreds of series.
/// </summary>
public sealed record ChangePointMethod(double ThresholdPercent, int Seed)
{
    public const string Name = "E-Divisive means";

    /// <summary>
    /// Permutations per test: p-values resolve to 0.001, so a clean step between 6 runs and 6 (exact p ≈ 0.002) passes at
    /// 0.01 whatever the seed. A test stops as soon as it cannot pass, so a quiet series costs a few dozen.
    /// </summary>
    public const int Permutations = 999;

    public const double Significance = 0.01;

    /// <summary>
    /// Runs each side of a change, so that each side's median ignores one outlying run: a slow run is an outlier until
    /// two more confirm it.
    /// </summary>
    public const int MinimumSegment = 3;

    /// <summary>The change in median must be at least this many standard deviations of the series' run-to-run noise.</summary>
    public const double NoiseMultiple = 4;
}

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

    /// <summary>Permutations per test: the smallest p-value possible is 1/200.</summary>
    public const int Permutations = 199;

    public const double Significance = 0.01;

    /// <summary>Runs each side of a change: one slow run is an outlier until a second one confirms it.</summary>
    public const int MinimumSegment = 2;

    /// <summary>The change in median must be at least this many times the robust spread of runs within its two sides.</summary>
    public const double NoiseMultiple = 3;
}

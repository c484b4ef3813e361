using GeoAI.Report.Statistics;

namespace GeoAI.Report.Results;

/// <summary>
/// One launch of a case: one benchmark process, in one round of a run. Its iterations are not independent samples of
/// what another launch would measure, so statistics across launches use one number per launch, <see cref="Time"/>.
/// </summary>
/// <param name="Round">The round of its run (1, 2, ...); null for a file written outside rounds.</param>
/// <param name="Samples">Its per-iteration times, nanoseconds per image.</param>
/// <param name="CpuStealPercent">CPU time stolen by the hypervisor during its measured iterations; null if not recorded.</param>
/// <param name="LoadAverage">The 1-minute load average at the end of its measured iterations; null if not recorded.</param>
/// <param name="RerunBecause">Why this launch replaced an earlier one (for example too much steal); null if it did not.</param>
public sealed record Launch(int? Round, IReadOnlyList<double> Samples, string SourceFile, double? CpuStealPercent = null,
    double? LoadAverage = null, string? RerunBecause = null)
{
    /// <summary>The launch's one number: the median of its iterations, robust to the odd slow one.</summary>
    public double Time { get; } = SampleStatistics.Median(Samples);
}

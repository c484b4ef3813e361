using GeoAI.Report.Compare;

namespace GeoAI.Tests.Report;

/// <summary>
/// The generated times and the comparison the Markdown tests render: samples whose medians are worked by hand, and
/// <c>compare</c> at a 5 % threshold with its default noise floor.
/// </summary>
internal static class GeneratedComparison
{
    /// <summary>Ten samples 1 ns apart from 1,000 ns: median 1,004.5 ns.</summary>
    public static readonly double[] Samples = Enumerable.Range(0, 10).Select(i => 1000 * (1 + 0.001 * i)).ToArray();

    public static double[] Scaled(double[] samples, double factor) => samples.Select(s => s * factor).ToArray();

    /// <summary>One launch's five samples, nanoseconds per batch of 40: 40 ms × (1, 1.001 … 1.004) × <paramref name="factor"/>.</summary>
    public static double[] Launch(double factor) => Enumerable.Range(0, 5).Select(i => 40e6 * (1 + 0.001 * i) * factor).ToArray();

    public static Comparison Compare(string basePath, string diffPath) =>
        ResultComparer.Compare(new CompareOptions { BasePath = basePath, DiffPath = diffPath, ThresholdPercent = 5 });
}

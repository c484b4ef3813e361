using Perfolizer.Horology;
using Perfolizer.Metrology;
using Pragmastat.Metrology;

namespace GeoAI.Report.Compare;

/// <summary>
/// What <see cref="ResultComparer.Compare"/> compares and how strictly.
/// </summary>
public sealed record CompareOptions
{
    /// <summary>Result files or folders of the baseline run.</summary>
    public required string BasePath { get; init; }

    /// <summary>Result files or folders of the run under test.</summary>
    public required string DiffPath { get; init; }

    /// <summary>Relative change that matters, in percent: the equivalence margin of the two one-sided tests.</summary>
    public required double ThresholdPercent { get; init; }

    /// <summary>
    /// Absolute noise floor, in nanoseconds per batch (one training or loading step). GeoAI.Bench times are per image,
    /// so a case's floor is this divided by its BatchSize parameter: 0.5 ms per batch is 12.5 µs per image at batch 40
    /// and 0.98 µs at batch 512. A difference must pass both the threshold and this floor to count. Cases without a
    /// BatchSize parameter (e.g. JPEG decoding) have no step to attach the floor to and are judged by the threshold alone.
    /// </summary>
    public double NoisePerBatchNanoseconds { get; init; } = DefaultNoisePerBatchNanoseconds;

    /// <summary>Rows shown per Slower/Faster table (largest ratios first); null shows all.</summary>
    public int? Top { get; init; }

    public const double DefaultNoisePerBatchNanoseconds = 500_000;

    /// <summary>Significance level of each one-sided test.</summary>
    public const double Alpha = 0.01;

    /// <summary>
    /// Fewer samples per side and the verdict is "not enough samples": with 4 against 4, even complete separation gives
    /// an exact one-sided Mann–Whitney p of 1/70 ≈ 0.014, which cannot pass α = 0.01; with 5 against 5 it is 1/252.
    /// </summary>
    public const int MinimumSamples = 5;

    /// <summary>"5%" or "5" → 5. Only relative thresholds: an absolute floor belongs in the noise option.</summary>
    public static double ParseThreshold(string text)
    {
        var trimmed = text.Trim();
        if (PerfolizerMeasurementFormatter.Instance.TryParse(trimmed, out var measurement) &&
            measurement.Unit is PercentUnit or NumberUnit && double.IsFinite(measurement.NominalValue) && measurement.NominalValue > 0)
            return measurement.NominalValue;
        throw new ReportException(
            $"--threshold '{text}' is not a positive percentage (e.g. 5%); absolute differences go in --noise");
    }

    /// <summary>"0.5ms", "500us", "500000ns", "0" → nanoseconds per batch.</summary>
    public static double ParseNoise(string text)
    {
        var trimmed = text.Trim();
        if (PerfolizerMeasurementFormatter.Instance.TryParse(trimmed, out var measurement) && double.IsFinite(measurement.NominalValue) &&
            measurement.NominalValue >= 0)
        {
            if (measurement.Unit is TimeUnit unit)
                return TimeUnit.Convert(measurement.NominalValue, unit, TimeUnit.Nanosecond);
            if (measurement.NominalValue == 0)
                return 0;
        }
        throw new ReportException($"--noise '{text}' is not a time (e.g. 0.5ms, 200us, 0)");
    }
}

using System.Globalization;
using System.Text.Json.Nodes;

namespace GeoAI.Tests.Bench;

/// <summary>
/// What the suite writes into a BenchmarkDotNet full JSON file: a benchmark's images/s metric (and the same figure worked
/// out again from its measurements) and the launch's start in the GeoAI environment block.
/// </summary>
internal static class FullJson
{
    public static double ImagesPerSecondMetric(JsonNode benchmark) =>
        benchmark["Metrics"]!.AsArray().Single(m => m!["Descriptor"]!["Id"]!.GetValue<string>() == "ImagesPerSecond")!["Value"]!
            .GetValue<double>();

    /// <summary>
    /// Batch × 10⁹ / mean ns per step over the Workload Result iterations written beside the metric (outliers included,
    /// unlike Statistics.Mean).
    /// </summary>
    public static double ImagesPerSecondFromMeasurements(JsonNode benchmark, int batch) =>
        batch * 1e9 / benchmark["Measurements"]!.AsArray()
            .Where(m => m!["IterationMode"]!.GetValue<string>() == "Workload" && m["IterationStage"]!.GetValue<string>() == "Result")
            .Average(m => m!["Nanoseconds"]!.GetValue<double>() / m["Operations"]!.GetValue<long>());

    /// <summary>The start of the launch, as the GeoAI block writes it (UTC, to the second).</summary>
    public static DateTime StartedUtc(JsonNode geoAi) =>
        DateTime.ParseExact(geoAi["StartedUtc"]!.GetValue<string>(), "yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture,
            DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
}

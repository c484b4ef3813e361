using System.Text.Json;
using System.Text.Json.Serialization;

namespace GeoAI.Report.Results;

// The parts of BenchmarkDotNet's full JSON export (JsonExporterBase, 0.15.x) the reporter reads; everything else is ignored.
// Property names are BenchmarkDotNet's own.

internal sealed class BdnResultFile
{
    public string? Title { get; set; }
    public BdnHostEnvironment? HostEnvironmentInfo { get; set; }
    public List<BdnBenchmark>? Benchmarks { get; set; }

    /// <summary>The GeoAI facts when an exporter writes them beside HostEnvironmentInfo instead of inside it.</summary>
    [JsonPropertyName("GeoAI")]
    public Dictionary<string, JsonElement>? GeoAI { get; set; }
}

internal sealed class BdnHostEnvironment
{
    public string? BenchmarkDotNetVersion { get; set; }
    public string? OsVersion { get; set; }
    public string? ProcessorName { get; set; }
    public int? PhysicalCoreCount { get; set; }
    public int? LogicalCoreCount { get; set; }
    public string? RuntimeVersion { get; set; }
    public string? Architecture { get; set; }

    /// <summary>What GeoAI.Bench's exporter adds (libtorch, CUDA, data source, machine label); absent in other files.</summary>
    [JsonPropertyName("GeoAI")]
    public Dictionary<string, JsonElement>? GeoAI { get; set; }
}

internal sealed class BdnBenchmark
{
    public string? Namespace { get; set; }
    public string? Type { get; set; }
    public string? Method { get; set; }
    public string? Parameters { get; set; }
    public string? FullName { get; set; }
    public BdnStatistics? Statistics { get; set; }
    public List<BdnMeasurement>? Measurements { get; set; }
    public List<BdnMetric>? Metrics { get; set; }
}

internal sealed class BdnStatistics
{
    /// <summary>Per-iteration times, nanoseconds per operation, after BenchmarkDotNet's outlier removal.</summary>
    public double[]? OriginalValues { get; set; }
    public int N { get; set; }
    public double Mean { get; set; }
    public double Median { get; set; }
    public double StandardError { get; set; }
    public BdnConfidenceInterval? ConfidenceInterval { get; set; }
}

internal sealed class BdnConfidenceInterval
{
    /// <summary>BenchmarkDotNet's LegacyConfidenceLevel as a number: 0 = 50 % ... 7 = 95 %, 11 = 99 %, 12 = 99.9 %.</summary>
    public int Level { get; set; }
    public double Margin { get; set; }
    public double Lower { get; set; }
    public double Upper { get; set; }
}

internal sealed class BdnMeasurement
{
    public string? IterationMode { get; set; }
    public string? IterationStage { get; set; }
    public long Operations { get; set; }
    public double Nanoseconds { get; set; }
}

internal sealed class BdnMetric
{
    public double Value { get; set; }
    public BdnMetricDescriptor? Descriptor { get; set; }
}

internal sealed class BdnMetricDescriptor
{
    public string? Id { get; set; }
    public string? Unit { get; set; }
}

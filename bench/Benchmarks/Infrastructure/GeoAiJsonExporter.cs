using BenchmarkDotNet.Environments;
using BenchmarkDotNet.Exporters.Json;
using BenchmarkDotNet.Reports;

namespace GeoAI.Bench.Benchmarks.Infrastructure;

/// <summary>
/// BenchmarkDotNet's full JSON (every measurement, which <c>report</c> and <c>compare</c> need) plus the suite's own
/// facts: a "GeoAI" object in the environment block and each case's device name. Files end in <c>-report-full.json</c>.
/// </summary>
public sealed class GeoAiJsonExporter(RunEnvironment environment) : JsonExporterBase(indentJson: true, excludeMeasurements: false)
{
    protected override string FileNameSuffix => "-full";

    protected override IReadOnlyDictionary<string, object> GetDataToSerialize(HostEnvironmentInfo environmentInfo) =>
        new Dictionary<string, object>(base.GetDataToSerialize(environmentInfo)) { ["GeoAI"] = environment.ToJson() };

    protected override IReadOnlyDictionary<string, object> GetDataToSerialize(BenchmarkReport report) =>
        new Dictionary<string, object>(base.GetDataToSerialize(report)) { ["DeviceName"] = environment.DeviceName(report.BenchmarkCase) };
}

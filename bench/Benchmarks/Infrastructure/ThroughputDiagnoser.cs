using BenchmarkDotNet.Analysers;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Exporters;
using BenchmarkDotNet.Loggers;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Validators;

namespace GeoAI.Bench.Benchmarks.Infrastructure;

/// <summary>
/// Turns each case's measurements into the suite's headline metrics, which BenchmarkDotNet then shows as columns and
/// writes into the full JSON: images/s (batch size × 10⁹ / mean ns per step over the measured iterations) and, for
/// CUDA cases, the peak GPU memory the benchmark process reported through <see cref="CaseMetrics"/>.
/// </summary>
public sealed class ThroughputDiagnoser(string metricsDirectory) : IDiagnoser
{
    private readonly Dictionary<BenchmarkCase, int> processIds = [];

    public IEnumerable<string> Ids => [nameof(ThroughputDiagnoser)];

    public IEnumerable<IExporter> Exporters => [];

    public IEnumerable<IAnalyser> Analysers => [];

    public RunMode GetRunMode(BenchmarkCase benchmarkCase) => RunMode.NoOverhead;

    public void Handle(HostSignal signal, DiagnoserActionParameters parameters)
    {
        if (signal == HostSignal.AfterAll && parameters.Process is { } process)
            processIds[parameters.BenchmarkCase] = process.Id;
    }

    public IEnumerable<Metric> ProcessResults(DiagnoserResults results)
    {
        var steps = results.Measurements
            .Where(m => m.IterationMode == IterationMode.Workload && m.IterationStage == IterationStage.Result)
            .ToList();
        if (steps.Count > 0)
        {
            var meanNanosecondsPerStep = steps.Average(m => m.Nanoseconds / m.Operations);
            yield return new Metric(ImagesPerSecond.Instance, ImagesPerStep(results.BenchmarkCase) * 1e9 / meanNanosecondsPerStep);
        }
        if (processIds.Remove(results.BenchmarkCase, out var processId)
            && CaseMetrics.Take(metricsDirectory, processId) is { PeakGpuMemoryMb: { } peak })
            yield return new Metric(PeakGpuMemory.Instance, peak);
    }

    /// <summary>A step processes one batch; benchmarks without a batch size (JPEG decoding) time one image per operation.</summary>
    public static int ImagesPerStep(BenchmarkCase benchmarkCase) => benchmarkCase.Parameters["BatchSize"] as int? ?? 1;

    public void DisplayResults(ILogger logger) { }

    public IEnumerable<ValidationError> Validate(ValidationParameters validationParameters) => [];

    private sealed class ImagesPerSecond : IMetricDescriptor
    {
        public static readonly ImagesPerSecond Instance = new();
        public string Id => "ImagesPerSecond";
        public string DisplayName => "images/s";
        public string Legend => "Images processed per second: batch size × 10⁹ / mean ns per step";
        public string NumberFormat => "N0";
        public UnitType UnitType => UnitType.Dimensionless;
        public string Unit => "img/s";
        public bool TheGreaterTheBetter => true;
        public int PriorityInCategory => 0;
        public bool GetIsAvailable(Metric metric) => true;
    }

    private sealed class PeakGpuMemory : IMetricDescriptor
    {
        public static readonly PeakGpuMemory Instance = new();
        public string Id => "PeakGpuMemoryMB";
        public string DisplayName => "Peak GPU MB";
        public string Legend => "GPU memory held by the benchmark process after the run (NVML); libtorch's caching allocator " +
                                "never returns memory, so this is its high-water mark (in-process: across all cases so far)";
        public string NumberFormat => "N0";
        public UnitType UnitType => UnitType.Dimensionless;
        public string Unit => "MB";
        public bool TheGreaterTheBetter => false;
        public int PriorityInCategory => 1;
        public bool GetIsAvailable(Metric metric) => true;
    }
}

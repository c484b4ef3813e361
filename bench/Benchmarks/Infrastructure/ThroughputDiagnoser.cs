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
/// writes into the full JSON: images/s (batch size × 10⁹ / mean ns per step over the measured iterations), for CUDA
/// cases the peak GPU memory the benchmark process reported through <see cref="CaseMetrics"/>, and what else the
/// machine did during the measured iterations (CPU steal, load average) so that a disturbed launch can be seen and rerun.
/// </summary>
public sealed class ThroughputDiagnoser(string metricsDirectory) : IDiagnoser
{
    private readonly Dictionary<BenchmarkCase, int> processIds = [];
    private readonly Dictionary<BenchmarkCase, CpuActivity> measuredFrom = [];
    private readonly Dictionary<BenchmarkCase, (double Steal, double? Load)> activity = [];

    public IEnumerable<string> Ids => [nameof(ThroughputDiagnoser)];

    public IEnumerable<IExporter> Exporters => [];

    public IEnumerable<IAnalyser> Analysers => [];

    public RunMode GetRunMode(BenchmarkCase benchmarkCase) => RunMode.NoOverhead;

    public void Handle(HostSignal signal, DiagnoserActionParameters parameters)
    {
        var benchmarkCase = parameters.BenchmarkCase;
        if (signal == HostSignal.BeforeActualRun && CpuActivity.Read() is { } start)
            measuredFrom[benchmarkCase] = start;
        if (signal == HostSignal.AfterActualRun && measuredFrom.Remove(benchmarkCase, out var from) && CpuActivity.Read() is { } end)
            activity[benchmarkCase] = (end.StealPercentSince(from), CpuActivity.LoadAverage());
        if (signal == HostSignal.AfterAll && parameters.Process is { } process)
            processIds[benchmarkCase] = process.Id;
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
        if (activity.Remove(results.BenchmarkCase, out var during))
        {
            yield return new Metric(CpuSteal.Instance, during.Steal);
            if (during.Load is { } load)
                yield return new Metric(LoadAverage.Instance, load);
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

    private sealed class CpuSteal : IMetricDescriptor
    {
        public static readonly CpuSteal Instance = new();
        public string Id => "CpuStealPercent";
        public string DisplayName => "Steal %";
        public string Legend => "CPU time the hypervisor gave to other guests during the measured iterations (/proc/stat), " +
                                "as a share of all CPU time";
        public string NumberFormat => "0.0";
        public UnitType UnitType => UnitType.Dimensionless;
        public string Unit => "%";
        public bool TheGreaterTheBetter => false;
        public int PriorityInCategory => 2;
        public bool GetIsAvailable(Metric metric) => true;
    }

    private sealed class LoadAverage : IMetricDescriptor
    {
        public static readonly LoadAverage Instance = new();
        public string Id => "LoadAverage";
        public string DisplayName => "Load";
        public string Legend => "1-minute load average at the end of the measured iterations (/proc/loadavg)";
        public string NumberFormat => "0.00";
        public UnitType UnitType => UnitType.Dimensionless;
        public string Unit => "";
        public bool TheGreaterTheBetter => false;
        public int PriorityInCategory => 3;
        public bool GetIsAvailable(Metric metric) => true;
    }
}

using GeoAI.Report.Results;

namespace GeoAI.Report.Analysis;

/// <summary>
/// Images per second of one workload, device and loader at each measured batch size on one machine: how throughput
/// scales with the batch. Only series with at least two batch sizes say anything about scaling.
/// </summary>
public sealed record ScalingSeries(string Machine, Workload Workload, string Device, LoaderConfig Loader,
    IReadOnlyList<BenchmarkResult> Points)
{
    public string Label => $"{CaseLabel.Device(Device)} · {Loader.Label}";

    /// <summary>Cases without a loader (inference) time a batch already on the device: compute alone, like FixedBatch.</summary>
    private static readonly LoaderConfig BatchOnDevice = new("FixedBatch", 0);

    public static IReadOnlyList<ScalingSeries> Find(ResultSet results) =>
        results.Results
            .Where(r => r.Parameters.Device is not null && r.Parameters.BatchSize is not null)
            .GroupBy(r => (r.Machine, r.Workload, Device: r.Parameters.Device!.ToLowerInvariant(), Loader: LoaderConfig.Of(r) ?? BatchOnDevice))
            .Select(g => new ScalingSeries(g.Key.Machine, g.Key.Workload, g.Key.Device, g.Key.Loader,
                g.OrderBy(r => r.Parameters.BatchSize).ToList()))
            .Where(s => s.Points.Select(p => p.Parameters.BatchSize).Distinct().Count() >= 2)
            .OrderBy(s => CpuCudaSpeedup.MachineOrder(results, s.Machine)).ThenBy(s => s.Workload.SortKey)
            .ThenBy(s => s.Device).ThenBy(s => s.Loader.SortKey)
            .ToList();
}

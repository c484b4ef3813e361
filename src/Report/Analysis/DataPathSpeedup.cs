using GeoAI.Report.Results;

namespace GeoAI.Report.Analysis;

/// <summary>
/// How much a way of feeding batches speeds up one workload on one device and batch size, against the host loader with 0
/// workers (= 1.0×): more workers, pinned-memory prefetch, or the whole set resident on the device.
/// </summary>
public sealed record DataPathSpeedup(string Machine, Workload Workload, string Device, int BatchSize, LoaderConfig Loader,
    BenchmarkResult Case, BenchmarkResult Baseline, Ratio Speedup)
{
    /// <summary>Every case that has a baseline to compare with, the baseline itself included (1.0×).</summary>
    public static IReadOnlyList<DataPathSpeedup> Find(ResultSet results)
    {
        var found = new List<DataPathSpeedup>();
        var groups = results.Results
            .Where(r => r.Parameters.Device is not null && r.Parameters.BatchSize is not null && LoaderConfig.Of(r) is not null)
            .GroupBy(r => (r.Machine, r.Workload, Device: r.Parameters.Device!.ToLowerInvariant(), Batch: r.Parameters.BatchSize!.Value));
        foreach (var group in groups)
        {
            var baseline = group.FirstOrDefault(r => LoaderConfig.Of(r)!.IsBaseline);
            if (baseline is null)
                continue;
            found.AddRange(group.Select(r => new DataPathSpeedup(group.Key.Machine, group.Key.Workload, group.Key.Device,
                group.Key.Batch, LoaderConfig.Of(r)!, r, baseline, Ratio.Speedup(baseline, r))));
        }
        return found
            .OrderBy(s => CpuCudaSpeedup.MachineOrder(results, s.Machine)).ThenBy(s => s.Workload.SortKey)
            .ThenBy(s => s.Device).ThenBy(s => s.BatchSize).ThenBy(s => s.Loader.SortKey)
            .ToList();
    }
}

using GeoAI.Report.Results;

namespace GeoAI.Report.Analysis;

/// <summary>
/// How much faster CUDA is than the CPU for one workload and batch size on one machine: the fastest CPU case (whatever
/// loader won) against the fastest CUDA case, as the chapter's CPU-vs-GPU comparison, now measured. Compute-only cases
/// (a fixed batch) are left out: the chapter compares training, and training reads its data.
/// </summary>
public sealed record CpuCudaSpeedup(string Machine, Workload Workload, int BatchSize, BenchmarkResult FastestCpu,
    BenchmarkResult FastestCuda, Ratio Speedup)
{
    public static IReadOnlyList<CpuCudaSpeedup> Find(ResultSet results) =>
        results.Results
            .Where(r => r.Parameters.BatchSize is not null && (r.Parameters.IsCpu || r.Parameters.IsCuda))
            .Where(r => LoaderConfig.Of(r) is not { IsComputeOnly: true })
            .GroupBy(r => (r.Machine, r.Workload, Batch: r.Parameters.BatchSize!.Value))
            .Select(g => (g.Key, Cpu: Fastest(g.Where(r => r.Parameters.IsCpu)), Cuda: Fastest(g.Where(r => r.Parameters.IsCuda))))
            .Where(x => x.Cpu is not null && x.Cuda is not null)
            .Select(x => new CpuCudaSpeedup(x.Key.Machine, x.Key.Workload, x.Key.Batch, x.Cpu!, x.Cuda!,
                Ratio.Speedup(x.Cpu!, x.Cuda!)))
            .OrderBy(s => MachineOrder(results, s.Machine)).ThenBy(s => s.Workload.SortKey).ThenBy(s => s.BatchSize)
            .ToList();

    private static BenchmarkResult? Fastest(IEnumerable<BenchmarkResult> cases) => cases.MinBy(r => r.Time.Mean);

    internal static int MachineOrder(ResultSet results, string machine) =>
        results.Machines.Select(m => m.Label).ToList().IndexOf(machine);
}

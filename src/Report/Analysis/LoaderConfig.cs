using GeoAI.Report.Results;

namespace GeoAI.Report.Analysis;

/// <summary>
/// How a case feeds its batches: the Loader parameter and its worker count, with a label and a fixed order (the plain
/// host loader first, the fastest paths last) so that charts and tables list them the same way everywhere.
/// </summary>
public sealed record LoaderConfig(string Loader, int Workers)
{
    public static LoaderConfig? Of(BenchmarkResult result) =>
        result.Parameters.Loader is { } loader ? new LoaderConfig(loader, result.Parameters.Workers ?? 0) : null;

    /// <summary>Host with 0 workers: the baseline every data-path speedup is measured against.</summary>
    public bool IsBaseline => Is("Host") && Workers == 0;

    /// <summary>One batch made once and trained on again and again: compute alone, the ceiling no data path can beat.</summary>
    public bool IsComputeOnly => Is("FixedBatch");

    public string Label => Kind switch
    {
        0 => $"host, {Workers} worker{(Workers == 1 ? "" : "s")}",
        1 => $"pinned prefetch, {Workers} worker{(Workers == 1 ? "" : "s")}",
        2 => Workers == 0 ? "device-resident" : $"device-resident, {Workers} workers",
        3 => "compute only (fixed batch)",
        _ => $"{Loader}, {Workers} workers",
    };

    public int SortKey => Kind * 1000 + Workers;

    private int Kind => Is("Host") ? 0 : Is("HostPinnedPrefetch") ? 1 : Is("GpuResident") ? 2 : IsComputeOnly ? 3 : 4;

    private bool Is(string name) => string.Equals(Loader, name, StringComparison.OrdinalIgnoreCase);
}

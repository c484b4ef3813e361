namespace GeoAI.Bench.Benchmarks.Infrastructure;

/// <summary>
/// Which parameter combinations run. Combinations that make no sense are never run (they do not appear as results);
/// combinations that make sense but would blow the CPU time budget are left out of the default sweep and run with
/// <c>--exhaustive</c>. Unit-tested, and applied to every benchmark class through <see cref="SweepFilter"/>.
/// </summary>
public static class SweepRules
{
    /// <summary>The chapter's batch size: the one VGG11-BN runs at on a CPU within the default budget.</summary>
    public const int ChapterBatchSize = 40;

    /// <summary>Why a combination makes no sense, or null when it does.</summary>
    public static string? WhyInvalid(ComputeDevice device, BatchLoader loader, int workers) => (device, loader) switch
    {
        (ComputeDevice.Cpu, BatchLoader.GpuResident or BatchLoader.HostPinnedPrefetch) =>
            "GPU-resident and pinned prefetch need a GPU: on the CPU the data is in host memory already",
        (_, BatchLoader.FixedBatch or BatchLoader.GpuResident) when workers > 0 =>
            "workers only feed the host loaders",
        _ => null,
    };

    /// <summary>Why a valid combination is left out of the default sweep, or null when it is in.</summary>
    public static string? WhyOutsideDefaultBudget(BenchModel model, ComputeDevice device, int batchSize) =>
        model == BenchModel.Vgg11Bn && device == ComputeDevice.Cpu && batchSize > ChapterBatchSize
            ? $"VGG11-BN on a CPU takes minutes per step above batch {ChapterBatchSize}"
            : null;
}

using GeoAI.Training;

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

    /// <summary>Why a precision makes no sense on a device, or null when it does.</summary>
    public static string? WhyInvalid(ComputeDevice device, Precision precision) =>
        new ComputeFormat(precision).WhyNotOn(device == ComputeDevice.Cuda);

    /// <summary>Why a valid combination is left out of the default sweep, or null when it is in.</summary>
    public static string? WhyOutsideDefaultBudget(BenchModel model, ComputeDevice device, int batchSize) =>
        model == BenchModel.Vgg11Bn && device == ComputeDevice.Cpu && batchSize > ChapterBatchSize
            ? $"VGG11-BN on a CPU takes minutes per step above batch {ChapterBatchSize}"
            : null;

    /// <summary>
    /// Why a case of the precision sweeps (<see cref="PrecisionTraining"/>, <see cref="PrecisionInference"/>) is left out
    /// of the default sweep, or null when it is in. On a CPU the default keeps four cases, the CNN's training step at the
    /// chapter's batch size in fp32 and bf16, contiguous and channels-last; on CUDA all of it runs.
    /// </summary>
    public static string? WhyPrecisionCaseOutsideDefaultBudget(bool training, BenchModel model, ComputeDevice device, int batchSize) =>
        device == ComputeDevice.Cpu && !(training && model == BenchModel.Cnn && batchSize == ChapterBatchSize)
            ? $"on a CPU the precision sweeps run only the CNN's training step at batch {ChapterBatchSize} by default"
            : null;
}

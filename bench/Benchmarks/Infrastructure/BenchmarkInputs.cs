using GeoAI.Data;
using GeoAI.Models;
using GeoAI.Runtime;
using TorchSharp;
using static TorchSharp.torch;

namespace GeoAI.Bench.Benchmarks.Infrastructure;

/// <summary>
/// What every benchmark process starts from: the tensor cache the benchmark command prepared (found through
/// environment variables, so BenchmarkDotNet's child processes open the same file), the seeded split, models,
/// devices and loaders. Built in [GlobalSetup], never inside a measured method.
/// </summary>
internal static class BenchmarkInputs
{
    /// <summary>The data spec (synthetic[:N], a EuroSAT folder or zip) the benchmark command prepared.</summary>
    public const string DataVariable = "GEOAI_BENCH_DATA";

    /// <summary>The folder of its tensor cache (empty: the default location).</summary>
    public const string CacheDirectoryVariable = "GEOAI_BENCH_CACHE_DIR";

    public const string WeightsVariable = "GEOAI_BENCH_WEIGHTS";

    /// <summary>One seed for split, shuffles and initialisation: runs are comparable with each other.</summary>
    public const long Seed = 42;

    public static string DataSpec =>
        Environment.GetEnvironmentVariable(DataVariable) is { Length: > 0 } spec
            ? spec
            : throw new InvalidOperationException(
                $"{DataVariable} is not set: start benchmarks through the GeoAI.Bench program (./geoai bench), which prepares the data");

    /// <summary>Opens the cache the benchmark command built; a benchmark process never spends minutes building one.</summary>
    public static EuroSatData OpenData() =>
        EuroSatData.Open(DataSpec, new EuroSatDataOptions
        {
            CacheDirectory = Environment.GetEnvironmentVariable(CacheDirectoryVariable),
            Mode = CacheMode.ExistingOnly,
        });

    public static Device ToDevice(ComputeDevice device) => device == ComputeDevice.Cuda ? CUDA : CPU;

    /// <summary>
    /// The model for a benchmark, seeded, on the device. A model that takes pretrained weights gets --weights when given
    /// and, as train does, says in one line what it loaded or that it runs from random initialisation (in the launch's log).
    /// </summary>
    public static nn.Module<Tensor, Tensor> CreateModel(IModelSpec spec, TrainingMode mode, int classes, ComputeDevice device)
    {
        var model = spec.Create(classes, mode, Seed);
        if (spec.HasPretrainedWeights)
            Console.WriteLine(ModelWeights.Apply(model, Environment.GetEnvironmentVariable(WeightsVariable)));
        return model.to(ToDevice(device));
    }

    /// <summary>
    /// Loads <paramref name="weights"/> into each model of the sweep that takes pretrained weights, as its launches
    /// will, and returns the line saying what each loaded. The benchmark command calls it once before launching any
    /// case, so a file that is bad or does not fit throws <see cref="WeightsFileException"/> there, not in every launch.
    /// </summary>
    public static IReadOnlyList<string> CheckWeights(string weights, int classes) =>
        Enum.GetValues<BenchModel>().Select(SpecOf).Where(spec => spec.HasPretrainedWeights).Select(spec =>
        {
            using var model = spec.Create(classes, TrainingMode.Full, Seed);
            return ModelWeights.Apply(model, weights);
        }).ToList();

    /// <summary>The registered model an inference case sweeps; a new <see cref="BenchModel"/> must be mapped here.</summary>
    public static IModelSpec SpecOf(BenchModel model) => model switch
    {
        BenchModel.Cnn => CnnSpec.Instance,
        BenchModel.Vgg11Bn => Vgg11BnSpec.Instance,
        _ => throw new ArgumentOutOfRangeException(nameof(model), model, "no model spec for this benchmark model"),
    };

    public static IBatchSource CreateSource(EuroSatData data, ComputeDevice device, int batchSize, LoaderKind kind, int workers) =>
        BatchSources.Create(data, DatasetSplit.RandomSplit(data.Count, Seed).Train, ToDevice(device),
            new LoaderOptions(kind, batchSize, workers, Seed: Seed));

    public static LoaderKind ToKind(BatchLoader loader) => loader switch
    {
        BatchLoader.GpuResident or BatchLoader.FixedBatch => LoaderKind.GpuResident,
        BatchLoader.Host => LoaderKind.Host,
        BatchLoader.HostPinnedPrefetch => LoaderKind.HostPinnedPrefetch,
        _ => throw new ArgumentOutOfRangeException(nameof(loader), loader, null),
    };

    /// <summary>GPU work is asynchronous: a measured operation ends only when the device has finished it.</summary>
    public static void Synchronize(ComputeDevice device)
    {
        if (device == ComputeDevice.Cuda)
            cuda.synchronize();
    }

    /// <summary>Hands this process's GPU memory high-water mark to the host's diagnoser (CUDA cases only).</summary>
    public static void ReportPeakGpuMemory(ComputeDevice device)
    {
        if (device != ComputeDevice.Cuda)
            return;
        using var nvml = Nvml.Open(out _);
        var bytes = nvml?.ProcessMemoryUsed(Environment.ProcessId);
        CaseMetrics.Write(new CaseMetrics.Values(bytes / (1024.0 * 1024.0)));
    }
}

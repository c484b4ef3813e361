using BenchmarkDotNet.Attributes;
using GeoAI.Bench.Benchmarks.Infrastructure;

namespace GeoAI.Bench.Benchmarks;

/// <summary>
/// The loaders alone, no model: one operation is one batch delivered on the device (and, on CUDA, its copy finished).
/// Set beside the training cases, it shows how much of a step the data path costs. Times are per batch.
/// </summary>
[BenchmarkCategory(Categories.DataPipeline)]
public class DataPipeline
{
    private PipelineSession? session;

    [Params(ComputeDevice.Cpu, ComputeDevice.Cuda, Priority = ParameterOrder.Device)]
    public ComputeDevice Device { get; set; }

    [Params(40, 128, 512, Priority = ParameterOrder.BatchSize)]
    public int BatchSize { get; set; }

    /// <summary>The three real loaders; FixedBatch delivers nothing, so it has no place here.</summary>
    [Params(BatchLoader.GpuResident, BatchLoader.Host, BatchLoader.HostPinnedPrefetch, Priority = ParameterOrder.Loader)]
    public BatchLoader Loader { get; set; }

    [Params(0, 2, 4, Priority = ParameterOrder.Workers)]
    public int Workers { get; set; }

    [GlobalSetup]
    public void Setup() => session = PipelineSession.Create(Device, BatchSize, Loader, Workers);

    [Benchmark]
    public void NextBatch() => session!.NextBatch();

    [GlobalCleanup]
    public void Cleanup() => session?.Dispose();
}

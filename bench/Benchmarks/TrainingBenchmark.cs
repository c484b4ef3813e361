using BenchmarkDotNet.Attributes;
using GeoAI.Bench.Benchmarks.Infrastructure;
using GeoAI.Models;

namespace GeoAI.Bench.Benchmarks;

/// <summary>
/// One training step (forward, loss, backward, SGD lr 0.01 momentum 0.9) per operation, fed by the loader under test
/// from the shared EuroSAT cache. Subclasses only name the model (and VGG its mode); setup lives in
/// <see cref="TrainingSession"/>, so every class measures the same work. Times are per step; images/s is a column.
/// </summary>
[BenchmarkCategory(Categories.Training)]
public abstract class TrainingBenchmark
{
    private TrainingSession? session;

    /// <summary>Cpu, or Cuda (skipped with one line when CUDA is not available).</summary>
    [Params(ComputeDevice.Cpu, ComputeDevice.Cuda, Priority = ParameterOrder.Device)]
    public ComputeDevice Device { get; set; }

    /// <summary>40 is the chapter's; 128 and 512 show how far batching moves the data-path overhead.</summary>
    [Params(40, 128, 512, Priority = ParameterOrder.BatchSize)]
    public int BatchSize { get; set; }

    /// <summary>FixedBatch is compute alone; the others are the three real data paths (see BatchLoader).</summary>
    [Params(BatchLoader.FixedBatch, BatchLoader.GpuResident, BatchLoader.Host, BatchLoader.HostPinnedPrefetch, Priority = ParameterOrder.Loader)]
    public BatchLoader Loader { get; set; }

    /// <summary>Host loader workers: 0 assembles batches in the training thread, as the chapter's num_workers=0 would.</summary>
    [Params(0, 2, 4, Priority = ParameterOrder.Workers)]
    public int Workers { get; set; }

    /// <summary>The model this class trains.</summary>
    protected abstract IModelSpec Spec { get; }

    protected virtual TrainingMode TrainingMode => TrainingMode.Full;

    [GlobalSetup]
    public void Setup() =>
        session = TrainingSession.Create(Spec, TrainingMode, Device, BatchSize, Loader, Workers);

    [Benchmark]
    public void Train() => session!.Step();

    [GlobalCleanup]
    public void Cleanup() => session?.Dispose();
}

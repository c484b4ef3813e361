using BenchmarkDotNet.Attributes;
using GeoAI.Bench.Benchmarks.Infrastructure;
using GeoAI.Models;
using GeoAI.Training;

namespace GeoAI.Bench.Benchmarks;

/// <summary>
/// One training step (the <see cref="TrainingStep"/> of <see cref="CnnTraining"/>; VGG11-BN in full mode) per operation
/// in each precision and memory layout, on a batch made once on the device (compute alone, the FixedBatch of the loader
/// sweeps). On a CPU only the CNN at batch 40 is in the default sweep; <c>--exhaustive</c> runs the rest.
/// </summary>
[BenchmarkCategory(Categories.Training)]
public class PrecisionTraining : PrecisionBenchmark
{
    private TrainingSession? session;

    [GlobalSetup]
    public void Setup() => session = TrainingSession.Create(BenchmarkInputs.SpecOf(Model), TrainingMode.Full, Device, BatchSize,
        BatchLoader.FixedBatch, workers: 0, Format);

    [Benchmark]
    public void Train() => session!.Step();

    [GlobalCleanup]
    public void Cleanup() => session?.Dispose();
}

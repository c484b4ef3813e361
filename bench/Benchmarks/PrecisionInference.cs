using BenchmarkDotNet.Attributes;
using GeoAI.Bench.Benchmarks.Infrastructure;

namespace GeoAI.Bench.Benchmarks;

/// <summary>
/// <see cref="Inference"/>'s forward pass (eval mode, no_grad, a batch already on the device) in each precision and
/// memory layout. On a CPU none of it is in the default sweep; <c>--exhaustive</c> runs it.
/// </summary>
[BenchmarkCategory(Categories.Inference)]
public class PrecisionInference : PrecisionBenchmark
{
    private InferenceSession? session;

    [GlobalSetup]
    public void Setup() => session = InferenceSession.Create(Model, Device, BatchSize, Format);

    [Benchmark]
    public void Infer() => session!.Forward();

    [GlobalCleanup]
    public void Cleanup() => session?.Dispose();
}

using BenchmarkDotNet.Attributes;
using GeoAI.Bench.Benchmarks.Infrastructure;

namespace GeoAI.Bench.Benchmarks;

/// <summary>
/// Forward passes only (eval mode, no_grad) on one batch already on the device: the compute floor of each model,
/// with no data path and no backward pass. Times are per batch.
/// </summary>
[BenchmarkCategory(Categories.Inference)]
public class Inference
{
    private InferenceSession? session;

    [Params(BenchModel.Cnn, BenchModel.Vgg11Bn, Priority = ParameterOrder.Model)]
    public BenchModel Model { get; set; }

    [Params(ComputeDevice.Cpu, ComputeDevice.Cuda, Priority = ParameterOrder.Device)]
    public ComputeDevice Device { get; set; }

    [Params(40, 128, 512, Priority = ParameterOrder.BatchSize)]
    public int BatchSize { get; set; }

    [GlobalSetup]
    public void Setup() => session = InferenceSession.Create(Model, Device, BatchSize);

    [Benchmark]
    public void Infer() => session!.Forward();

    [GlobalCleanup]
    public void Cleanup() => session?.Dispose();
}

using BenchmarkDotNet.Attributes;
using GeoAI.Training;

namespace GeoAI.Bench.Benchmarks;

/// <summary>
/// The axes of the precision sweeps: model × device × number format × memory layout × batch size, on one batch made once
/// on the device. Separate classes from the loader sweeps so that those classes' case names do not change.
/// <see cref="Infrastructure.SweepRules"/> drops what makes no sense (Tf32 on a CPU) and, on a CPU, what is outside the
/// default budget.
/// </summary>
[BenchmarkCategory(Categories.Precision)]
public abstract class PrecisionBenchmark
{
    [Params(BenchModel.Cnn, BenchModel.Vgg11Bn, Priority = ParameterOrder.Model)]
    public BenchModel Model { get; set; }

    [Params(ComputeDevice.Cpu, ComputeDevice.Cuda, Priority = ParameterOrder.Device)]
    public ComputeDevice Device { get; set; }

    /// <summary>Fp32 as the other classes run; Bf16 mixed precision; Tf32 (TF32 matmuls and convolutions) on CUDA only.</summary>
    [Params(Precision.Fp32, Precision.Bf16, Precision.Tf32, Priority = ParameterOrder.Precision)]
    public Precision Precision { get; set; }

    /// <summary>The layout of the convolution weights and of the batch.</summary>
    [Params(MemoryFormat.Contiguous, MemoryFormat.ChannelsLast, Priority = ParameterOrder.MemoryFormat)]
    public MemoryFormat MemoryFormat { get; set; }

    [Params(40, 128, 512, Priority = ParameterOrder.BatchSize)]
    public int BatchSize { get; set; }

    protected ComputeFormat Format => new(Precision, MemoryFormat);
}

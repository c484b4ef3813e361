using static TorchSharp.torch;

namespace GeoAI.Training;

/// <summary>
/// How a model computes: the number format of its arithmetic and the memory layout of its weights and inputs. The
/// default, fp32 and contiguous, is what the suite did before these were settings. <see cref="FormattedModel"/> applies
/// one to a model.
/// </summary>
public sealed record ComputeFormat(Precision Precision = Precision.Fp32, MemoryFormat MemoryFormat = MemoryFormat.Contiguous)
{
    public static ComputeFormat Default { get; } = new();

    /// <summary>Why this format cannot run on a CUDA or CPU device, or null when it can.</summary>
    public string? WhyNotOn(bool cuda) =>
        Precision == Precision.Tf32 && !cuda
            ? "tf32 is a mode of NVIDIA tensor cores (cuBLAS and cuDNN): a CPU has no TF32 arithmetic; use fp32 or bf16"
            : null;

    /// <summary>
    /// <paramref name="x"/> (NCHW) in this format's memory layout: a channels-last copy, or a new handle on the same
    /// tensor when no copy is needed (contiguous format, or channels-last already). The caller owns the result.
    /// </summary>
    public Tensor Layout(Tensor x) => MemoryFormat == MemoryFormat.ChannelsLast ? ChannelsLast.Of(x) : x.alias();

    /// <summary>For people and file names: "fp32", "bf16, channels-last".</summary>
    public override string ToString() =>
        Precision.ToString().ToLowerInvariant() + (MemoryFormat == MemoryFormat.ChannelsLast ? ", channels-last" : "");
}

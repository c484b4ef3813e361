namespace GeoAI.Training;

/// <summary>The number format a model computes in (<see cref="ComputeFormat"/>).</summary>
public enum Precision
{
    /// <summary>
    /// float32 throughout, with libtorch's default math modes: the suite's behaviour before this axis existed. On CUDA
    /// those defaults let cuDNN use TF32 for convolutions (<c>torch.backends.cudnn.allow_tf32</c> is true) and keep
    /// matrix products in full fp32 (<c>torch.backends.cuda.matmul.allow_tf32</c> is false), as PyTorch's do.
    /// </summary>
    Fp32,

    /// <summary>
    /// Mixed precision without autocast: bfloat16 forward and backward, fp32 master weights and optimiser state, the
    /// loss in fp32, batch norm in fp32 (see <see cref="MasterWeights"/> and <see cref="FormattedModel"/>).
    /// </summary>
    Bf16,

    /// <summary>float32 tensors with TF32 tensor-core math allowed in cuBLAS matrix products and cuDNN convolutions. CUDA only.</summary>
    Tf32,
}

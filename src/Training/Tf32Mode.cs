using static TorchSharp.torch;

namespace GeoAI.Training;

/// <summary>
/// Allows TF32 tensor-core math in cuBLAS matrix products and cuDNN convolutions (<c>torch.backends.cuda.matmul.allow_tf32</c>
/// and <c>torch.backends.cudnn.allow_tf32</c>, which TorchSharp 0.107 exposes) while it lives, and puts both switches back
/// as they were when disposed. The switches are process-wide: in one process, one model at a time should hold this.
/// </summary>
public sealed class Tf32Mode : IDisposable
{
    private readonly bool matmulBefore = backends.cuda.matmul.allow_tf32;
    private readonly bool cudnnBefore = backends.cudnn.allow_tf32;

    public Tf32Mode()
    {
        backends.cuda.matmul.allow_tf32 = true;
        backends.cudnn.allow_tf32 = true;
    }

    public void Dispose()
    {
        backends.cuda.matmul.allow_tf32 = matmulBefore;
        backends.cudnn.allow_tf32 = cudnnBefore;
    }
}

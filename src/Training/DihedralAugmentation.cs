using TorchSharp;
using static TorchSharp.torch;

namespace GeoAI.Training;

/// <summary>
/// Random flips and 90° rotations per sample, on the device: satellite tiles have no "up", so all eight symmetries of
/// the square are equally valid images of the same class. Each of horizontal flip, vertical flip and transpose is
/// applied to a random half of the batch, which together draw uniformly from the eight.
/// </summary>
public sealed class DihedralAugmentation(long seed) : IDisposable
{
    private readonly Generator generator = new((ulong)seed);

    /// <summary>Returns an augmented copy of x [B, C, H, W] (H = W), in the caller's dispose scope.</summary>
    public Tensor Apply(Tensor x)
    {
        var result = x;
        result = Maybe(result, t => t.flip(3));
        result = Maybe(result, t => t.flip(2));
        return Maybe(result, t => t.transpose(2, 3));
    }

    private Tensor Maybe(Tensor x, Func<Tensor, Tensor> transform)
    {
        var pick = rand(x.shape[0], generator: generator).lt(0.5).to(x.device).view(-1, 1, 1, 1);
        return where(pick, transform(x), x);
    }

    public void Dispose() => generator.Dispose();
}

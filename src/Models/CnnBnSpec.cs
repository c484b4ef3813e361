using static TorchSharp.torch;

namespace GeoAI.Models;

/// <summary>The improved recipe's model (<see cref="CnnBn"/>), trained from scratch: it has no frozen mode.</summary>
public sealed class CnnBnSpec : FromScratchSpec
{
    public static CnnBnSpec Instance { get; } = new();

    private CnnBnSpec() { }

    public override string Name => "cnn-bn";

    public override string DisplayName => "CNN-BN (improved)";

    protected override nn.Module<Tensor, Tensor> Build(int numClasses) => new CnnBn(numClasses);

    /// <summary>
    /// Multiply-adds of the four 3×3 convolutions (each at the side its block receives, 64, 32, 16, 8: padding keeps the
    /// side and the block's pool halves it afterwards) and the linear layer, counted as <see cref="Flops"/> says.
    /// </summary>
    public override long ForwardFlops(int numClasses)
    {
        long flops = 0, inChannels = 3, side = InputShape[1];
        foreach (var channels in CnnBn.Channels)
        {
            flops += Flops.Conv2d(inChannels, channels, 3, side, side);
            inChannels = channels;
            side /= 2;
        }
        return flops + Flops.Linear(CnnBn.ClassifierInputFeatures, numClasses);
    }
}

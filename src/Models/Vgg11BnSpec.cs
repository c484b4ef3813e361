using GeoAI.Runtime;
using static TorchSharp.torch;

namespace GeoAI.Models;

/// <summary>VGG11-BN (<see cref="Vgg11Bn"/>): the chapter's frozen fine-tune first, full training second.</summary>
public sealed class Vgg11BnSpec : IModelSpec
{
    public static Vgg11BnSpec Instance { get; } = new();

    private Vgg11BnSpec() { }

    public string Name => "vgg11bn";

    public string DisplayName => "VGG11-BN";

    public long[] InputShape => [3, 64, 64];

    public IReadOnlyList<TrainingMode> Modes { get; } = [TrainingMode.Frozen, TrainingMode.Full];

    /// <summary>The chapter fine-tunes torchvision's ImageNet VGG11-BN: <c>./geoai download --weights vgg11bn</c> fetches that file.</summary>
    public bool HasPretrainedWeights => true;

    public nn.Module<Tensor, Tensor> Create(int numClasses, TrainingMode mode)
    {
        TorchBackend.EnsureLoaded();
        var model = new Vgg11Bn(numClasses, mode);
        model.train();
        return model;
    }

    /// <summary>
    /// Multiply-adds of the eight 3×3 convolutions (padding keeps the side; each max-pool halves it: 64, 32, 16, 8, 4)
    /// and the three linear layers, counted as <see cref="Flops"/> says. The adaptive pooling from 2×2 to 7×7 copies
    /// values and is not counted.
    /// </summary>
    public long ForwardFlops(int numClasses)
    {
        long flops = 0, inChannels = 3, side = InputShape[1];
        foreach (var channels in Vgg11Bn.Configuration)
        {
            if (channels == 0)
            {
                side /= 2;
                continue;
            }
            flops += Flops.Conv2d(inChannels, channels, 3, side, side);
            inChannels = channels;
        }
        return flops
               + Flops.Linear(Vgg11Bn.ClassifierInputFeatures, Vgg11Bn.HiddenFeatures)
               + Flops.Linear(Vgg11Bn.HiddenFeatures, Vgg11Bn.HiddenFeatures)
               + Flops.Linear(Vgg11Bn.HiddenFeatures, numClasses);
    }

    /// <summary>The command-line name, as help texts show a default model.</summary>
    public override string ToString() => Name;
}

using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace GeoAI.Models;

/// <summary>
/// VGG11 with batch normalisation as torchvision's <c>vgg11_bn</c> builds it: <c>features</c> (cfg
/// [64,M,128,M,256,256,M,512,512,M,512,512,M], each conv 3×3 pad 1 + BatchNorm2d + ReLU), <c>avgpool</c>
/// (AdaptiveAvgPool2d 7×7: a 64×64 image leaves the features at 512×2×2, which it spreads to 7×7), and <c>classifier</c>
/// (Linear 25088→4096, ReLU, Dropout 0.5, Linear 4096→4096, ReLU, Dropout 0.5, Linear 4096→classes). Submodules sit in
/// Sequentials named "0", "1", …, so the state-dict keys are torchvision's (<c>features.1.running_mean</c>,
/// <c>classifier.6.bias</c>) and its weights load unchanged. 128,812,810 parameters with 10 classes.
/// </summary>
/// <remarks>
/// Initialisation is torchvision's, in its order: every layer is built with PyTorch's defaults, then convolutions get
/// kaiming-normal (fan_out, ReLU) with zero bias, batch norms weight 1 and bias 0, linear layers normal(0, 0.01) with
/// zero bias. <see cref="TrainingMode.Frozen"/> is the chapter's fine-tune: it then replaces <c>classifier.6</c> by a
/// fresh <c>nn.Linear</c> (PyTorch's default initialisation, as the chapter's <c>classifier[6] = nn.Linear(...)</c>) and
/// freezes every other parameter. Batch norms keep PyTorch semantics in both modes: in training mode they use batch
/// statistics and update their running statistics even when their parameters are frozen, as in the chapter.
/// </remarks>
public sealed class Vgg11Bn : nn.Module<Tensor, Tensor>
{
    /// <summary>torchvision's configuration "A": output channels of each 3×3 convolution, 0 for a 2×2 max-pool.</summary>
    public static IReadOnlyList<int> Configuration { get; } = [64, 0, 128, 0, 256, 256, 0, 512, 512, 0, 512, 512, 0];

    /// <summary>Features entering the classifier: 512 channels × 7 × 7 after the adaptive pooling.</summary>
    public const long ClassifierInputFeatures = 512 * 7 * 7;

    /// <summary>Width of the two hidden classifier layers.</summary>
    public const long HiddenFeatures = 4096;

    /// <summary>Name prefix of the last classifier layer: the only part that trains in <see cref="TrainingMode.Frozen"/>.</summary>
    public const string HeadPrefix = "classifier.6.";

    // Field names are the submodule names, and so the state-dict keys.
    private readonly Sequential features;
    private readonly AdaptiveAvgPool2d avgpool;
    private readonly Sequential classifier;

    public Vgg11Bn(int numClasses, TrainingMode mode) : base(nameof(Vgg11Bn))
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(numClasses, 1);
        var featureLayers = BuildFeatures();
        avgpool = nn.AdaptiveAvgPool2d((7, 7));
        var classifierLayers = new List<nn.Module<Tensor, Tensor>>
        {
            nn.Linear(ClassifierInputFeatures, HiddenFeatures),
            nn.ReLU(inplace: true),
            nn.Dropout(0.5),
            nn.Linear(HiddenFeatures, HiddenFeatures),
            nn.ReLU(inplace: true),
            nn.Dropout(0.5),
            nn.Linear(HiddenFeatures, numClasses),
        };
        foreach (var layer in featureLayers.Concat(classifierLayers))
            InitialiseAsTorchvision(layer);

        if (mode == TrainingMode.Frozen)
        {
            classifierLayers[^1].Dispose();
            classifierLayers[^1] = nn.Linear(HiddenFeatures, numClasses);
        }

        features = Numbered(featureLayers);
        classifier = Numbered(classifierLayers);
        RegisterComponents();

        if (mode == TrainingMode.Frozen)
            foreach (var (name, parameter) in named_parameters())
                parameter.requires_grad = name.StartsWith(HeadPrefix, StringComparison.Ordinal);
    }

    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        // call() rather than forward() so that forward hooks (the summary's) see every layer.
        var x = avgpool.call(features.call(input));
        return classifier.call(x.flatten(1)).MoveToOuterDisposeScope();
    }

    private static List<nn.Module<Tensor, Tensor>> BuildFeatures()
    {
        var layers = new List<nn.Module<Tensor, Tensor>>();
        long inChannels = 3;
        foreach (var channels in Configuration)
        {
            if (channels == 0)
            {
                layers.Add(nn.MaxPool2d(2, 2));
                continue;
            }
            layers.Add(nn.Conv2d(inChannels, channels, 3, padding: 1));
            layers.Add(nn.BatchNorm2d(channels));
            layers.Add(nn.ReLU(inplace: true));
            inChannels = channels;
        }
        return layers;
    }

    private static void InitialiseAsTorchvision(nn.Module<Tensor, Tensor> layer)
    {
        using var noGrad = no_grad();
        switch (layer)
        {
            case Conv2d conv:
                nn.init.kaiming_normal_(conv.weight, mode: nn.init.FanInOut.FanOut, nonlinearity: nn.init.NonlinearityType.ReLU);
                nn.init.zeros_(conv.bias!);
                break;
            case BatchNorm2d norm:
                nn.init.ones_(norm.weight);
                nn.init.zeros_(norm.bias!);
                break;
            case Linear linear:
                nn.init.normal_(linear.weight, 0, 0.01);
                nn.init.zeros_(linear.bias!);
                break;
        }
    }

    private static Sequential Numbered(IEnumerable<nn.Module<Tensor, Tensor>> layers) =>
        nn.Sequential(layers.Select((layer, index) => (index.ToString(System.Globalization.CultureInfo.InvariantCulture), layer)));
}

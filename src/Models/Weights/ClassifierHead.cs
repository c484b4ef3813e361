using TorchSharp;
using static TorchSharp.torch;

namespace GeoAI.Models;

/// <summary>
/// A model's classifier head, found by its shape rather than its name: the last layer with parameters, a
/// <c>P.weight</c> [classes, features] followed by <c>P.bias</c> [classes] (VGG11-BN's <c>classifier.6</c>, the CNN's
/// <c>fc3</c>). A file whose head has another number of classes (torchvision's 1,000 ImageNet classes) still loads
/// everything else, and the model keeps the fresh head it was created with, as the chapter's fine-tune does.
/// </summary>
internal sealed record ClassifierHead(string Prefix, long Classes, long Features)
{
    public string Weight => Prefix + "weight";

    public string Bias => Prefix + "bias";

    /// <summary>The layer's name for messages, "classifier.6".</summary>
    public string Layer => Prefix.TrimEnd('.');

    public static ClassifierHead? Of(nn.Module module)
    {
        var parameters = module.named_parameters().ToList();
        if (parameters.Count < 2)
            return null;
        var (weightName, weight) = parameters[^2];
        var (biasName, bias) = parameters[^1];
        if (!weightName.EndsWith(".weight", StringComparison.Ordinal) || biasName != weightName[..^"weight".Length] + "bias"
            || weight.dim() != 2 || bias.dim() != 1 || weight.shape[0] != bias.shape[0])
            return null;
        return new ClassifierHead(weightName[..^"weight".Length], weight.shape[0], weight.shape[1]);
    }

    /// <summary>The file's number of classes when it holds this head for another number of them, else null.</summary>
    public long? OtherClassesIn(IReadOnlyDictionary<string, StoredTensor> stored)
    {
        if (!stored.TryGetValue(Weight, out var weight) || !stored.TryGetValue(Bias, out var bias)
            || !weight.DType.IsFloating || !bias.DType.IsFloating
            || weight.Shape is not [var classes, var features] || bias.Shape is not [var biasClasses])
            return null;
        return features == Features && classes == biasClasses && classes != Classes ? classes : null;
    }
}

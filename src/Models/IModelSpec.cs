using TorchSharp;
using static TorchSharp.torch;

namespace GeoAI.Models;

/// <summary>Which parameters train: all of them, or (the chapter's fine-tune) only the new last classifier layer.</summary>
public enum TrainingMode
{
    Full,
    Frozen,
}

/// <summary>
/// What benchmarks, train and summary know of a model: they take a spec, never a concrete model type, so adding a
/// model is one file plus one registration in <see cref="ModelRegistry"/>.
/// </summary>
public interface IModelSpec
{
    /// <summary>Command-line name: "cnn", "vgg11bn".</summary>
    string Name { get; }

    /// <summary>Name for reports: "CNN (chapter)", "VGG11-BN".</summary>
    string DisplayName { get; }

    /// <summary>Input of one sample, [3, 64, 64].</summary>
    long[] InputShape { get; }

    /// <summary>The modes this model supports (the CNN only trains in full); the first is the chapter's.</summary>
    IReadOnlyList<TrainingMode> Modes { get; }

    /// <summary>
    /// Whether the chapter starts this model from pretrained (ImageNet) weights, which <c>--weights</c> loads: VGG11-BN
    /// yes, the CNNs no (trained from scratch). Benchmarks load --weights only into such a model; <c>train</c> says when
    /// one ran without them.
    /// </summary>
    bool HasPretrainedWeights { get; }

    /// <summary>A freshly initialised model on the CPU, in training mode, with requires_grad set for the mode.</summary>
    nn.Module<Tensor, Tensor> Create(int numClasses, TrainingMode mode);

    /// <summary>Floating-point operations of one forward pass for one image (a multiply-add counts as 2).</summary>
    long ForwardFlops(int numClasses);
}

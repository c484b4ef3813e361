using GeoAI.Runtime;
using TorchSharp;
using static TorchSharp.torch;

namespace GeoAI.Models;

/// <summary>Creation with a seed: the same seed gives bit-identical initial weights.</summary>
public static class ModelSpecExtensions
{
    /// <summary>
    /// Seeds torch's global generator with <paramref name="seed"/>, then creates the model. Throws, naming the modes
    /// the model has, when <paramref name="mode"/> is not one of them.
    /// </summary>
    public static nn.Module<Tensor, Tensor> Create(this IModelSpec spec, int numClasses, TrainingMode mode, long seed)
    {
        if (!spec.Modes.Contains(mode))
            throw new ArgumentException(
                $"model '{spec.Name}' has no mode {mode}; its modes: {string.Join(", ", spec.Modes)}");
        TorchBackend.EnsureLoaded();
        random.manual_seed(seed);
        return spec.Create(numClasses, mode);
    }
}

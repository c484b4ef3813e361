using static TorchSharp.torch;

namespace GeoAI.Models;

/// <summary>What <c>--weights FILE</c> does for train and the benchmarks, and what they say without it.</summary>
public static class ModelWeights
{
    /// <summary>The line to print when no weights file is given.</summary>
    public const string RandomInitialisation =
        "weights: running from random initialisation (no --weights given; ImageNet weights cannot be downloaded here: see tools/export_vgg11bn.py)";

    /// <summary>
    /// Loads <paramref name="path"/> into <paramref name="model"/> when a path is given (strictly, see
    /// <see cref="SafeTensors.Load"/>; a bad file throws <see cref="SafeTensorsException"/>). Prints nothing; returns the
    /// line to print: what was loaded, or <see cref="RandomInitialisation"/>.
    /// </summary>
    public static string Apply(nn.Module model, string? path) =>
        string.IsNullOrEmpty(path) ? RandomInitialisation : SafeTensors.Load(model, path).Describe();
}

using GeoAI.Data;
using GeoAI.Models;
using static TorchSharp.torch;

namespace GeoAI.Training;

/// <summary>
/// One training run as the <c>train</c> command describes it. <see cref="Seed"/> drives everything random: the 75/25
/// split, the per-epoch shuffle, the model's initial weights (torch's global generator) and the augmentation.
/// </summary>
/// <param name="TrainLimit">Train on the first N images of the split's training side (null: all of it).</param>
/// <param name="ValidationLimit">Validate on the first N images of the split's validation side (null: all of it).</param>
/// <param name="WeightsPath">
/// Weights loaded into the model before training: a .safetensors, .pth or .pt file, or <c>torchvision</c> (see
/// <see cref="ModelWeights.Locate"/>); null: random initialisation.
/// </param>
/// <param name="Precision">The number format of the training step (<see cref="ComputeFormat"/>); tf32 needs CUDA.</param>
public sealed record TrainingJobSettings(
    IModelSpec Model,
    TrainingMode Mode,
    Device Device,
    TrainingRecipe Recipe,
    LoaderKind Loader = LoaderKind.Host,
    int Workers = 0,
    long Seed = DatasetSplit.DefaultSeed,
    int? TrainLimit = null,
    int? ValidationLimit = null,
    string? WeightsPath = null,
    Precision Precision = Precision.Fp32);

namespace GeoAI.Training;

/// <summary>
/// Everything that decides how a model is trained, named so results can say which recipe produced them.
/// <see cref="Chapter"/> is the chapter's exact recipe; <see cref="Improved"/> changes only what its description says.
/// </summary>
public sealed record TrainingRecipe(
    string Name,
    string Description,
    int Epochs,
    int BatchSize,
    SgdSettings Sgd,
    bool Augment,
    double? OneCycleMaxLearningRate)
{
    public static readonly TrainingRecipe Chapter = new(
        "chapter",
        "the chapter's recipe: 10 epochs, batch 40, SGD lr 0.01 momentum 0.9, no augmentation, constant learning rate",
        Epochs: 10, BatchSize: 40, new SgdSettings(), Augment: false, OneCycleMaxLearningRate: null);

    public static readonly TrainingRecipe Improved = new(
        "improved",
        "flips and 90° rotations, weight decay 5e-4, one-cycle learning rate (peak 0.05) over 10 epochs, batch 64, " +
        "SGD momentum 0.9 (use with the cnn-bn model: the chapter's CNN widened a little, with batch norm)",
        Epochs: 10, BatchSize: 64, new SgdSettings(LearningRate: 0.05, Momentum: 0.9, WeightDecay: 5e-4),
        Augment: true, OneCycleMaxLearningRate: 0.05);

    public static IReadOnlyList<TrainingRecipe> All { get; } = [Chapter, Improved];

    public static TrainingRecipe Get(string name) =>
        All.FirstOrDefault(r => r.Name == name)
        ?? throw new ArgumentException($"unknown recipe '{name}'; known: {string.Join(", ", All.Select(r => r.Name))}");
}

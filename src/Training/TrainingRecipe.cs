using System.Globalization;

namespace GeoAI.Training;

/// <summary>
/// Everything that decides how a model is trained, named so results can say which recipe produced them.
/// <see cref="Chapter"/> is the chapter's exact recipe; <see cref="Improved"/> changes only what its description says.
/// With <see cref="LearningRateSchedule.OneCycle"/>, <see cref="SgdSettings.LearningRate"/> is the peak of the cycle.
/// </summary>
public sealed record TrainingRecipe(
    string Name,
    string Description,
    int Epochs,
    int BatchSize,
    SgdSettings Sgd,
    bool Augment,
    LearningRateSchedule Schedule)
{
    public static readonly TrainingRecipe Chapter = new(
        "chapter",
        "the chapter's recipe: 10 epochs, batch 40, SGD lr 0.01 momentum 0.9, no weight decay, constant learning rate, " +
        "no augmentation",
        Epochs: 10, BatchSize: 40, new SgdSettings(), Augment: false, LearningRateSchedule.Constant);

    public static readonly TrainingRecipe Improved = new(
        "improved",
        "changes to the chapter's recipe: random flips and 90° rotations of every training image (the 8 symmetries of the " +
        "square), weight decay 5e-4, one-cycle learning rate peaking at 0.05 (from 0.002, cosine, down to ~2e-7 at the " +
        "end), batch 64; unchanged: 10 epochs, SGD with momentum 0.9, cross-entropy, the same split and normalisation. " +
        "Meant for the cnn-bn model (the chapter's CNN as 4 conv blocks with batch norm, fewer parameters)",
        Epochs: 10, BatchSize: 64, new SgdSettings(LearningRate: 0.05, Momentum: 0.9, WeightDecay: 5e-4),
        Augment: true, LearningRateSchedule.OneCycle);

    public static IReadOnlyList<TrainingRecipe> All { get; } = [Chapter, Improved];

    public static TrainingRecipe Get(string name) =>
        All.FirstOrDefault(r => string.Equals(r.Name, name, StringComparison.OrdinalIgnoreCase))
        ?? throw new ArgumentException($"unknown recipe '{name}'; known recipes: {string.Join(", ", All.Select(r => r.Name))}");

    /// <summary>
    /// This recipe with the given settings replaced (null keeps the recipe's), and a line per setting that changed,
    /// e.g. "epochs 2 (recipe: 10)", so outputs can say what differs from the named recipe.
    /// </summary>
    public (TrainingRecipe Recipe, IReadOnlyList<string> Overrides) With(int? epochs = null, int? batchSize = null,
        double? learningRate = null, double? momentum = null, double? weightDecay = null)
    {
        var overrides = new List<string>();
        T Pick<T>(string name, T? given, T current) where T : struct, IEquatable<T>
        {
            if (given is not { } value || value.Equals(current))
                return current;
            overrides.Add(string.Create(CultureInfo.InvariantCulture, $"{name} {value} (recipe: {current})"));
            return value;
        }

        var recipe = this with
        {
            Epochs = Pick("epochs", epochs, Epochs),
            BatchSize = Pick("batch", batchSize, BatchSize),
            Sgd = new SgdSettings(
                Pick("lr", learningRate, Sgd.LearningRate),
                Pick("momentum", momentum, Sgd.Momentum),
                Pick("weight decay", weightDecay, Sgd.WeightDecay)),
        };
        return (recipe, overrides);
    }
}

using System.Text.Json.Serialization;

namespace GeoAI.Report.Training;

/// <summary>
/// What <c>train</c> writes to <c>train.json</c> (schema <see cref="SchemaName"/>): the settings actually used, the
/// data, the runtime, every epoch's metrics and the final evaluation. Plain records, so <c>report</c> reads training
/// runs without libtorch. Accuracies are fractions (0.75 = 75 %), times are seconds.
/// </summary>
public sealed record TrainRun
{
    public const string SchemaName = "geoai-train/1";

    public string Schema { get; init; } = SchemaName;

    /// <summary>The command line that produced the run, for rerunning it.</summary>
    public required string CommandLine { get; init; }

    public required DateTimeOffset StartedUtc { get; init; }

    public required TrainRunModel Model { get; init; }

    public required TrainRunRecipe Recipe { get; init; }

    public required TrainRunData Data { get; init; }

    public required TrainRunLoader Loader { get; init; }

    /// <summary>"cpu" or "cuda".</summary>
    public required string Device { get; init; }

    /// <summary>"fp32", "bf16" or "tf32": the training step's number format. Files from before it was a setting are fp32.</summary>
    public string Precision { get; init; } = "fp32";

    /// <summary>"cpu", or with the precision when it is not fp32: "cpu, bf16". Titles and captions say this.</summary>
    [JsonIgnore]
    public string DeviceAndPrecision => Precision == "fp32" ? Device : $"{Device}, {Precision}";

    /// <summary>Seeds the split, the shuffle, the initial weights and the augmentation.</summary>
    public required long Seed { get; init; }

    /// <summary>The weights line: the file loaded, or that the model ran from random initialisation.</summary>
    public required string Weights { get; init; }

    public required RuntimeRecord Runtime { get; init; }

    /// <summary>From the start of the first epoch to the end of the last validation pass.</summary>
    public required double TotalSeconds { get; init; }

    public required IReadOnlyList<TrainRunEpoch> Epochs { get; init; }

    public required IReadOnlyList<TimeToAccuracy> TimeToAccuracy { get; init; }

    public required TrainRunEvaluation Final { get; init; }

    /// <summary>Things a reader must not miss: synthetic data, subsets, random initialisation of a pretrained model.</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    public double FinalValidationAccuracy => Epochs.Count == 0 ? double.NaN : Epochs[^1].ValAccuracy;
}

/// <param name="Name">Command-line name: "cnn", "cnn-bn", "vgg11bn".</param>
/// <param name="Mode">"Full" or "Frozen".</param>
/// <param name="ForwardFlops">Per image, multiply-adds of convolutions and linear layers counted as 2.</param>
public sealed record TrainRunModel(string Name, string DisplayName, string Mode, long Parameters, long TrainableParameters, long ForwardFlops);

/// <param name="Name">"chapter" or "improved": the named recipe the settings started from.</param>
/// <param name="Description">What the named recipe is, and how it differs from the chapter's.</param>
/// <param name="LearningRate">The constant rate, or the one-cycle peak.</param>
/// <param name="Schedule">"Constant" or "OneCycle".</param>
/// <param name="Augmentation">"none" or what was applied to training images.</param>
/// <param name="Overrides">Settings given on the command line that differ from the named recipe, e.g. "epochs 2 (recipe: 10)".</param>
public sealed record TrainRunRecipe(
    string Name,
    string Description,
    int Epochs,
    int BatchSize,
    string Optimizer,
    double LearningRate,
    double Momentum,
    double WeightDecay,
    string Schedule,
    string Augmentation,
    string Loss,
    IReadOnlyList<string> Overrides);

/// <param name="Spec">What --data said: a path, or "synthetic[:N]".</param>
/// <param name="Synthetic">True for the generated stand-in images: speed is representative, accuracy is not.</param>
/// <param name="Images">Images in the whole data set.</param>
/// <param name="SplitTrainImages">The training side of the seeded 75/25 split, before any limit.</param>
/// <param name="TrainImages">Images actually trained on (the first TrainLimit of the split's side, or all).</param>
/// <param name="TrainLimit">--train-limit, null when not given.</param>
public sealed record TrainRunData(
    string Spec,
    string Description,
    bool Synthetic,
    int Images,
    IReadOnlyList<string> Classes,
    int SplitTrainImages,
    int SplitValidationImages,
    int TrainImages,
    int ValidationImages,
    int? TrainLimit,
    int? ValidationLimit,
    string Normalisation);

public sealed record TrainRunLoader(string Kind, int Workers, string Description);

/// <param name="Epoch">1-based.</param>
/// <param name="ElapsedSeconds">Since training started, at the end of this epoch's validation pass.</param>
public sealed record TrainRunEpoch(
    int Epoch,
    double TrainLoss,
    double TrainAccuracy,
    double ValLoss,
    double ValAccuracy,
    double TrainSeconds,
    double ValSeconds,
    double ElapsedSeconds,
    double TrainImagesPerSecond);

/// <summary>When validation accuracy first reached <paramref name="Threshold"/>; Epoch and Seconds are null if it never did.</summary>
/// <param name="Seconds">Elapsed training time (validation passes included) at the end of that epoch.</param>
public sealed record TimeToAccuracy(double Threshold, int? Epoch, double? Seconds);

/// <param name="Confusion">Rows: true class, columns: predicted class, in <see cref="Classes"/> order.</param>
public sealed record TrainRunEvaluation(
    double Accuracy,
    long Samples,
    IReadOnlyList<string> Classes,
    IReadOnlyList<IReadOnlyList<long>> Confusion,
    IReadOnlyList<TrainRunClassMetrics> PerClass);

/// <param name="Precision">Null when no sample was predicted as this class.</param>
/// <param name="Recall">Null when the validation set has no sample of this class.</param>
public sealed record TrainRunClassMetrics(string Class, long Support, double? Precision, double? Recall);

using System.Globalization;
using GeoAI.Data;
using GeoAI.Report.Training;
using GeoAI.Training;
using TorchSharp;

namespace GeoAI.Bench.Commands;

/// <summary>
/// Turns a finished training job into the plain <see cref="TrainRun"/> record that train.json, train.md and the report
/// are written from, and says what a reader of any output must not miss (notes, the weights line).
/// </summary>
internal sealed class TrainRunBuilder
{
    private readonly EuroSatData data;
    private readonly TrainingJob job;

    /// <param name="overrides">Settings given on the command line that differ from the named recipe.</param>
    public TrainRunBuilder(EuroSatData data, TrainingJob job, IReadOnlyList<string> overrides)
    {
        this.data = data;
        this.job = job;
        Overrides = overrides;
        WeightsLine = WeightsLineOf(job);
        Notes = NotesOf(data, job);
    }

    public IReadOnlyList<string> Overrides { get; }

    /// <summary>
    /// The weights line: for a model the chapter fine-tunes from pretrained weights, always what
    /// <see cref="GeoAI.Models.ModelWeights"/> says, so running without them is stated plainly; for the models it trains
    /// from scratch, that they were.
    /// </summary>
    public string WeightsLine { get; }

    /// <summary>What a reader of any output must not miss: synthetic data, a subset, a pretrained model without its weights.</summary>
    public IReadOnlyList<string> Notes { get; }

    public TrainRun Build(DateTimeOffset started, double totalSeconds, IReadOnlyList<EpochMetrics> metrics)
    {
        var settings = job.Settings;
        var recipe = settings.Recipe;
        var epochs = metrics.Select(m => new TrainRunEpoch(m.Epoch, m.TrainLoss, m.TrainAccuracy, m.ValLoss, m.ValAccuracy,
            m.TrainSeconds, m.ValSeconds, m.ElapsedSeconds, m.TrainImagesPerSecond)).ToList();
        var classes = data.ClassNames.ToList();
        return new TrainRun
        {
            CommandLine = CommandLine(),
            StartedUtc = started,
            Model = new TrainRunModel(settings.Model.Name, settings.Model.DisplayName, settings.Mode.ToString(), job.Parameters,
                job.TrainableParameters, settings.Model.ForwardFlops(job.Classes)),
            Recipe = new TrainRunRecipe(recipe.Name, recipe.Description, recipe.Epochs, recipe.BatchSize, "SGD",
                recipe.Sgd.LearningRate, recipe.Sgd.Momentum, recipe.Sgd.WeightDecay, recipe.Schedule.ToString(),
                recipe.Augment ? "random horizontal flip, vertical flip and transpose, each with probability 1/2 per image " +
                                 "(the 8 flips and 90° rotations of the square, uniformly)" : "none",
                "cross-entropy, mean over the batch", Overrides),
            Data = new TrainRunData(data.Source.DisplaySpec, data.Description, data.IsSynthetic, data.Count, classes,
                job.Subset.SplitTrainCount, job.Subset.SplitValidationCount, job.Subset.Train.Length, job.Subset.Validation.Length,
                settings.TrainLimit, settings.ValidationLimit, "x/255·2−1 per channel (the chapter's Normalize(0.5, 0.5))"),
            Loader = new TrainRunLoader(settings.Loader.ToString(), settings.Workers, job.LoaderDescription),
            Device = settings.Device.type == DeviceType.CUDA ? "cuda" : "cpu",
            Precision = settings.Precision.ToString().ToLowerInvariant(),
            Seed = settings.Seed,
            Weights = WeightsLine,
            Runtime = RuntimeRecords.Of(GeoAI.Runtime.RuntimeInfo.Current),
            TotalSeconds = totalSeconds,
            Epochs = epochs,
            TimeToAccuracy = TimeToAccuracyCalculator.Compute(epochs),
            Final = Evaluation(classes),
            Notes = Notes,
        };
    }

    private TrainRunEvaluation Evaluation(List<string> classes)
    {
        var confusion = job.Confusion;
        return new TrainRunEvaluation(confusion.Accuracy, confusion.Total, classes,
            confusion.ToRows().Select(row => (IReadOnlyList<long>)row).ToList(),
            Enumerable.Range(0, confusion.Classes).Select(c => new TrainRunClassMetrics(classes[c],
                Enumerable.Range(0, confusion.Classes).Sum(p => confusion[c, p]),
                NullIfNaN(confusion.Precision(c)), NullIfNaN(confusion.Recall(c)))).ToList());
    }

    private static string WeightsLineOf(TrainingJob job) =>
        job.Settings.WeightsPath is null && !job.Settings.Model.HasPretrainedWeights
            ? $"weights: PyTorch's default initialisation from seed {job.Settings.Seed} (trained from scratch, as in the chapter)"
            : job.WeightsLine;

    private static List<string> NotesOf(EuroSatData data, TrainingJob job)
    {
        var notes = new List<string>();
        var spec = job.Settings.Model;
        if (data.IsSynthetic)
            notes.Add($"**Synthetic data** ({data.Description}): generated images, not EuroSAT photographs. Speed is " +
                      "representative; accuracy says only that the pipeline learns, nothing about EuroSAT.");
        var subset = job.Subset;
        if (subset.IsLimited)
            notes.Add(string.Create(CultureInfo.InvariantCulture,
                $"**Subset**: trained on {subset.Train.Length:N0} of the split's {subset.SplitTrainCount:N0} training images and " +
                $"validated on {subset.Validation.Length:N0} of its {subset.SplitValidationCount:N0} validation images " +
                $"(--train-limit/--val-limit: the first N of each seeded side, so a random subset); times and accuracy are " +
                $"those of the subset, not of the full data set."));
        if (spec.HasPretrainedWeights && job.Settings.WeightsPath is null)
            notes.Add($"**Random initialisation**: {spec.DisplayName} ran without pretrained weights (no --weights; " +
                      "./geoai download --weights vgg11bn fetches the ImageNet weights). The chapter fine-tunes ImageNet weights; " +
                      (job.Settings.Mode == GeoAI.Models.TrainingMode.Frozen
                          ? "with frozen random features only the last layer learns, on random projections of the image, so " +
                            "accuracy stays far below the chapter's."
                          : "trained from scratch for a few epochs, it stays far below the chapter's accuracy."));
        return notes;
    }

    private static double? NullIfNaN(double value) => double.IsNaN(value) ? null : value;

    /// <summary>The command as typed after the program name, quoted for a POSIX shell where needed.</summary>
    private static string CommandLine() =>
        "./geoai " + string.Join(' ', Environment.GetCommandLineArgs().Skip(1).Select(arg =>
            arg.Length > 0 && arg.All(c => char.IsLetterOrDigit(c) || "-_./:=+,@%".Contains(c)) ? arg : $"'{arg.Replace("'", "'\\''")}'"));
}

using GeoAI.Data;
using GeoAI.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace GeoAI.Training;

/// <summary>
/// A training run made ready: the subset chosen, the model created from the seed (weights loaded when given) and moved
/// to the device, the two loaders (training shuffled per epoch, validation in order), the shared
/// <see cref="TrainingStep"/> with the recipe's schedule, and the <see cref="Trainer"/>. <see cref="Run"/> trains.
/// Owns everything it made; the data stays the caller's.
/// </summary>
public sealed class TrainingJob : IDisposable
{
    private readonly nn.Module<Tensor, Tensor> model;
    private readonly IBatchSource trainBatches;
    private readonly IBatchSource validationBatches;
    private readonly TrainingStep step;
    private readonly DihedralAugmentation? augmentation;
    private readonly Trainer trainer;

    /// <summary>
    /// Bad settings (a mode the model lacks, limits larger than the split, a bad weights file, tf32 on a CPU) throw
    /// before anything is trained: <see cref="ArgumentException"/>, or <see cref="WeightsFileException"/> for the weights.
    /// </summary>
    public TrainingJob(EuroSatData data, TrainingJobSettings settings)
    {
        Settings = settings;
        Subset = TrainingSubset.Select(data.Count, settings.Seed, settings.TrainLimit, settings.ValidationLimit);
        Classes = data.ClassNames.Count;
        var recipe = settings.Recipe;
        ArgumentOutOfRangeException.ThrowIfLessThan(recipe.Epochs, 1, "epochs");
        ArgumentOutOfRangeException.ThrowIfLessThan(recipe.BatchSize, 1, "batch");

        var created = settings.Model.Create(Classes, settings.Mode, settings.Seed);
        try
        {
            WeightsLine = ModelWeights.Apply(created, settings.WeightsPath);
            model = settings.Device.type == DeviceType.CPU ? created : created.to(settings.Device);
            Parameters = model.parameters().Sum(p => p.numel());
            TrainableParameters = model.parameters().Where(p => p.requires_grad).Sum(p => p.numel());
            trainBatches = BatchSources.Create(data, Subset.Train, settings.Device,
                new LoaderOptions(settings.Loader, recipe.BatchSize, settings.Workers, Shuffle: true, Seed: settings.Seed));
            validationBatches = BatchSources.Create(data, Subset.Validation, settings.Device,
                new LoaderOptions(settings.Loader, recipe.BatchSize, settings.Workers, Shuffle: false, Seed: settings.Seed));
            step = new TrainingStep(model, recipe.Sgd, LearningRateSchedules.For(recipe, recipe.Epochs * trainBatches.BatchesPerEpoch),
                new ComputeFormat(settings.Precision));
            // Its own stream of the seed, so augmenting draws nothing from the generator the model was made with.
            augmentation = recipe.Augment ? new DihedralAugmentation(settings.Seed + 1) : null;
            trainer = new Trainer(model, step, Classes, augmentation);
        }
        catch
        {
            trainBatches?.Dispose();
            validationBatches?.Dispose();
            created.Dispose();
            throw;
        }
    }

    public TrainingJobSettings Settings { get; }

    public TrainingSubset Subset { get; }

    public int Classes { get; }

    /// <summary>What <see cref="ModelWeights.Apply"/> said: the file loaded, or <see cref="ModelWeights.RandomInitialisation"/>.</summary>
    public string WeightsLine { get; }

    public long Parameters { get; }

    public long TrainableParameters { get; }

    public string LoaderDescription => trainBatches.Description;

    public int BatchesPerEpoch => trainBatches.BatchesPerEpoch;

    /// <summary>The confusion matrix of the latest validation pass.</summary>
    public ConfusionMatrix Confusion => trainer.LastConfusion;

    /// <summary>Trains epoch by epoch; each epoch's metrics come out as soon as its validation pass ends.</summary>
    public IEnumerable<EpochMetrics> Run(IProgress<TrainingProgress>? progress = null) =>
        trainer.Run(trainBatches, validationBatches, Settings.Recipe.Epochs, progress);

    public void Dispose()
    {
        augmentation?.Dispose();
        step.Dispose();
        trainBatches.Dispose();
        validationBatches.Dispose();
        model.Dispose();
    }
}

using GeoAI.Data;
using GeoAI.Models;
using GeoAI.Tests.Data;
using GeoAI.Tests.Models;
using GeoAI.Training;
using static TorchSharp.torch;

namespace GeoAI.Tests.Training;

/// <summary>
/// Training runs in-process on small synthetic sets. Model creation seeds libtorch's global generator, so these run
/// alone (a test elsewhere drawing from it in between would change the weights).
/// </summary>
[Collection(GlobalGeneratorCollection.Name)]
public sealed class TrainingJobTests : IDisposable
{
    private readonly TempDirectory temp = new();

    private EuroSatData Open(string spec) => EuroSatData.Open(spec, new EuroSatDataOptions { CacheDirectory = temp.Path });

    private static TrainingJobSettings Settings(TrainingRecipe recipe, long seed = 42, int? trainLimit = null, int? validationLimit = null,
        IModelSpec? model = null) =>
        new(model ?? CnnSpec.Instance, TrainingMode.Full, CPU, recipe, Seed: seed, TrainLimit: trainLimit, ValidationLimit: validationLimit);

    private static (List<EpochMetrics> Epochs, long[][] Confusion) Train(EuroSatData data, TrainingJobSettings settings)
    {
        using var job = new TrainingJob(data, settings);
        var epochs = job.Run().ToList();
        return (epochs, job.Confusion.ToRows());
    }

    [Fact]
    public void TheSameSeedGivesIdenticalNumbersAndAnotherSeedOthers()
    {
        using var data = Open("synthetic:400");
        var recipe = TrainingRecipe.Chapter.With(epochs: 2).Recipe;

        var first = Train(data, Settings(recipe, seed: 5, trainLimit: 200, validationLimit: 60));
        var second = Train(data, Settings(recipe, seed: 5, trainLimit: 200, validationLimit: 60));
        var other = Train(data, Settings(recipe, seed: 6, trainLimit: 200, validationLimit: 60));

        static object Numbers(EpochMetrics e) => (e.TrainLoss, e.TrainAccuracy, e.ValLoss, e.ValAccuracy);
        Assert.Equal(first.Epochs.Select(Numbers), second.Epochs.Select(Numbers));
        Assert.Equal(first.Confusion, second.Confusion);
        Assert.NotEqual(first.Epochs.Select(e => e.TrainLoss), other.Epochs.Select(e => e.TrainLoss));
    }

    [Fact]
    public void TheImprovedRecipeRunsItsScheduleToTheLastStepAndCountsEveryValidationImage()
    {
        using var data = Open("synthetic:400");
        // 2 epochs of 130 images in batches of 64: 3 steps each, the one cycle ends exactly on the last step.
        var recipe = TrainingRecipe.Improved.With(epochs: 2).Recipe;

        using var job = new TrainingJob(data, Settings(recipe, trainLimit: 130, validationLimit: 70, model: CnnBnSpec.Instance));
        var epochs = job.Run().ToList();

        Assert.Equal([1, 2], epochs.Select(e => e.Epoch));
        Assert.Equal(3, job.BatchesPerEpoch);
        Assert.Equal(70, job.Confusion.Total);
        Assert.All(epochs, e => Assert.True(double.IsFinite(e.TrainLoss) && double.IsFinite(e.ValLoss)));
    }

    [Fact]
    public void LimitsTakeTheFirstImagesOfEachSideOfTheSeededSplit()
    {
        var (train, validation) = DatasetSplit.RandomSplit(400, seed: 9);

        var subset = TrainingSubset.Select(400, seed: 9, trainLimit: 30, validationLimit: 100);

        Assert.Equal(train[..30], subset.Train);
        Assert.Equal(validation, subset.Validation);
        Assert.Equal((300, 100), (subset.SplitTrainCount, subset.SplitValidationCount));
        Assert.True(subset.IsLimited);
        Assert.False(TrainingSubset.Select(400, seed: 9, null, null).IsLimited);
    }

    [Theory]
    [InlineData(301, null, "--train-limit 301 is larger than the training side of the split (300 of 400 images)")]
    [InlineData(null, 101, "--val-limit 101 is larger than the validation side of the split (100 of 400 images)")]
    [InlineData(0, null, "--train-limit must be at least 1, not 0")]
    public void LimitsOutsideTheSplitAreRefused(int? trainLimit, int? validationLimit, string message)
    {
        var error = Assert.Throws<ArgumentException>(() => TrainingSubset.Select(400, 1, trainLimit, validationLimit));

        Assert.Equal(message, error.Message);
    }

    public void Dispose() => temp.Dispose();
}

using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using GeoAI.Data;
using GeoAI.Models;
using GeoAI.Report.Training;
using GeoAI.Training;
using TorchSharp;

namespace GeoAI.Bench.Commands;

/// <summary>
/// <c>train</c>: the chapter's training experiment, epoch by epoch with a progress bar (<see cref="EpochProgressView"/>),
/// then train.json, train.md and the loss, accuracy and confusion-matrix charts in <c>--out</c> (a
/// <see cref="TrainRunBuilder"/> record, written whole or not at all). The recipe's settings are the defaults; options
/// given override them and the outputs say which. Bad input exits 2 before anything is trained or written.
/// </summary>
internal sealed class TrainCommand : SubCommand
{
    private readonly ModelOptions model = CommonOptions.Model(CnnSpec.Instance);
    private readonly Option<DeviceChoice> device = CommonOptions.Device(DeviceChoice.Cpu);

    private readonly Option<TrainingRecipe> recipe = new("--recipe")
    {
        Description = $"Named recipe whose settings are the defaults: {string.Join(", ", TrainingRecipe.All.Select(r => r.Name))}",
        DefaultValueFactory = _ => TrainingRecipe.Chapter,
        CustomParser = result => CommonOptions.Check(result, () => TrainingRecipe.Get(result.Tokens[0].Value)),
    };

    private readonly Option<int?> epochs = new Option<int?>("--epochs") { Description = "Epochs (default: the recipe's; chapter 10)" }.AtLeast(1);
    private readonly Option<int?> batch = new Option<int?>("--batch") { Description = "Batch size (default: the recipe's; chapter 40)" }.AtLeast(1);

    private readonly Option<double?> learningRate = new("--lr") { Description = "SGD learning rate, the peak for a one-cycle recipe (chapter 0.01)" };
    private readonly Option<double?> momentum = new("--momentum") { Description = "SGD momentum (chapter 0.9)" };
    private readonly Option<double?> weightDecay = new("--weight-decay") { Description = "SGD weight decay (chapter 0)" };
    private readonly Option<string> data = CommonOptions.Data(defaultSpec: null);
    private readonly Option<string?> cacheDir = CommonOptions.CacheDir();
    private readonly Option<string?> weights = new("--weights")
    {
        Description = "Weights loaded into the model before training: a .safetensors, .pth or .pt file, or torchvision " +
                      "(torchvision's VGG11-BN file where torch.hub keeps it; ./geoai download --weights vgg11bn fetches it)",
        CustomParser = result => CommonOptions.Check(result, () => ModelWeights.Locate(result.Tokens[0].Value)),
    };
    private readonly Option<LoaderKind> loader = CommonOptions.Loader();
    private readonly Option<int> workers = CommonOptions.Workers(0);

    private readonly Option<long> seed = new("--seed")
    {
        Description = "Seeds the 75/25 split, the shuffle, the initial weights and the augmentation",
        DefaultValueFactory = _ => DatasetSplit.DefaultSeed,
    };

    private readonly Option<int?> trainLimit = new("--train-limit") { Description = "Train on the first N images of the split's training side" };
    private readonly Option<int?> valLimit = new("--val-limit") { Description = "Validate on the first N images of the split's validation side" };
    private readonly Option<string> output = CommonOptions.Out("Output folder: new, empty, or a previous run's (replaced whole)");

    private readonly Option<string> precision = new Option<string>("--precision")
    {
        Description = "fp32, bf16 (mixed precision: bf16 compute, fp32 master weights) or tf32 (CUDA only); docs/training.md",
        DefaultValueFactory = _ => "fp32",
    }.AcceptOnlyFromAmong("fp32", "bf16", "tf32");

    public TrainCommand()
        : base("train", "Train a model on EuroSAT as the chapter does; write per-epoch metrics, time to accuracy, the confusion matrix and charts.",
            needsLibTorch: true)
    {
        Require(learningRate, value => value > 0, "must be positive");
        Require(momentum, value => value is >= 0 and < 1, "must be in [0, 1)");
        Require(weightDecay, value => value >= 0, "must be 0 or more");
        Add(model.Model, model.Mode, device, recipe, epochs, batch, learningRate, momentum, weightDecay, data, cacheDir, weights, loader, workers,
            seed, trainLimit, valLimit, output, precision);
    }

    protected override int Run(ParseResult parse)
    {
        var spec = model.SpecOf(parse);
        var (chosen, overrides) = parse.GetValue(recipe)!.With(parse.GetValue(epochs), parse.GetValue(batch),
            parse.GetValue(learningRate), parse.GetValue(momentum), parse.GetValue(weightDecay));
        var target = parse.GetValue(output)!;
        TrainRunWriter.CheckTarget(target);

        using var dataSet = DataLoading.OpenWithProgressBar(parse.GetValue(data)!, new EuroSatDataOptions { CacheDirectory = parse.GetValue(cacheDir) });
        var settings = new TrainingJobSettings(spec, model.ModeOf(parse), new torch.Device(parse.GetValue(device).Resolve()),
            chosen, parse.GetValue(loader), parse.GetValue(workers), parse.GetValue(seed), parse.GetValue(trainLimit), parse.GetValue(valLimit),
            parse.GetValue(weights), Enum.Parse<Precision>(parse.GetValue(precision)!, ignoreCase: true));
        using var job = NewJob(dataSet, settings);

        var builder = new TrainRunBuilder(dataSet, job, overrides);
        Describe(dataSet, job, builder);
        var started = DateTimeOffset.UtcNow;
        var clock = Stopwatch.StartNew();
        var metrics = EpochProgressView.Train(job);
        var run = builder.Build(started, clock.Elapsed.TotalSeconds, metrics);
        Console.WriteLine($"final validation accuracy {TrainNumbers.Percent(run.FinalValidationAccuracy)} in {TrainNumbers.Fixed(run.TotalSeconds, 1)} s; " +
                          "time to accuracy: " + string.Join(", ", run.TimeToAccuracy.Select(t =>
                              $"{TrainNumbers.Percent(t.Threshold, 0)} {(t.Seconds is { } s ? TrainNumbers.Fixed(s, 1) + " s" : "never")}")));
        var files = TrainRunWriter.Write(run, target);
        Console.WriteLine($"written to {Path.GetFullPath(target)}: {string.Join(", ", files)}");
        return ExitCode.Ok;
    }

    /// <summary>The job, or bad input when the settings do not fit the data (a limit larger than the split's side).</summary>
    private static TrainingJob NewJob(EuroSatData data, TrainingJobSettings settings)
    {
        try
        {
            return new TrainingJob(data, settings);
        }
        catch (ArgumentException e)
        {
            throw new UsageException(e.Message);
        }
    }

    private static void Describe(EuroSatData data, TrainingJob job, TrainRunBuilder builder)
    {
        var settings = job.Settings;
        var recipe = settings.Recipe;
        var spec = settings.Model;
        Console.WriteLine(Invariant($"model: {spec.DisplayName} ({spec.Name}), mode {settings.Mode}: {job.Parameters:N0} parameters, {job.TrainableParameters:N0} trainable"));
        Console.WriteLine(builder.WeightsLine);
        Console.WriteLine($"recipe: {recipe.Name}: {recipe.Description}");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"settings: {recipe.Epochs} epochs, batch {recipe.BatchSize}, SGD lr {recipe.Sgd.LearningRate} " +
            $"momentum {recipe.Sgd.Momentum} weight decay {recipe.Sgd.WeightDecay}, schedule {recipe.Schedule}, " +
            $"augmentation {(recipe.Augment ? "flips and 90° rotations" : "none")}, seed {settings.Seed}, " +
            $"precision {settings.Precision.ToString().ToLowerInvariant()}"));
        if (builder.Overrides.Count > 0)
            Console.WriteLine($"changed from the recipe: {string.Join("; ", builder.Overrides)}");
        Console.WriteLine(Invariant($"data: {data.Description}; {job.Subset.Train.Length:N0} training / {job.Subset.Validation.Length:N0} validation images"));
        Console.WriteLine($"loader: {settings.Loader}, {settings.Workers} workers: {job.LoaderDescription}");
        foreach (var note in builder.Notes)
            Console.WriteLine($"note: {note.Replace("**", "")}");
    }

    /// <summary>Makes a given value that fails <paramref name="valid"/> a parse error: "--lr must be positive, not -1".</summary>
    private static void Require<T>(Option<T?> option, Func<T, bool> valid, string rule) where T : struct =>
        option.Validators.Add(result =>
        {
            if (CommonOptions.ValueOf<T?>(result) is { } value && !valid(value))
                result.AddError(string.Create(CultureInfo.InvariantCulture, $"{option.Name} {rule}, not {value}"));
        });

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

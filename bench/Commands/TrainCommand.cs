using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using GeoAI.Data;
using GeoAI.Models;
using GeoAI.Report;
using GeoAI.Report.Training;
using GeoAI.Runtime;
using GeoAI.Training;
using Spectre.Console;
using TorchSharp;
using static TorchSharp.torch;

namespace GeoAI.Bench.Commands;

/// <summary>
/// <c>train</c>: the chapter's training experiment, epoch by epoch with a progress bar, then train.json, train.md and
/// the loss, accuracy and confusion-matrix charts in <c>--out</c> (written whole or not at all). The recipe's settings
/// are the defaults; options given override them and the outputs say which. Bad input exits 2 before anything is
/// trained or written.
/// </summary>
internal static class TrainCommand
{
    // The options come first: static fields initialize in order, and Definition builds the command from them.
    private static readonly Option<string> Model = new("--model")
    {
        Description = $"Model: {string.Join(", ", ModelRegistry.All.Select(spec => spec.Name))}",
        DefaultValueFactory = _ => CnnSpec.Instance.Name,
    };

    private static readonly Option<string?> Mode = new("--mode")
    {
        Description = "frozen or full (default: the model's first mode: frozen for vgg11bn as in the chapter, full for the CNNs)",
    };

    private static readonly Option<string> DeviceName = new("--device")
    {
        Description = "cpu or cuda",
        DefaultValueFactory = _ => "cpu",
    };

    private static readonly Option<string> Recipe = new("--recipe")
    {
        Description = $"Named recipe whose settings are the defaults: {string.Join(", ", TrainingRecipe.All.Select(r => r.Name))}",
        DefaultValueFactory = _ => TrainingRecipe.Chapter.Name,
    };

    private static readonly Option<int?> Epochs = new("--epochs") { Description = "Epochs (default: the recipe's; chapter 10)" };
    private static readonly Option<int?> Batch = new("--batch") { Description = "Batch size (default: the recipe's; chapter 40)" };
    private static readonly Option<double?> LearningRate = new("--lr") { Description = "SGD learning rate, the peak for a one-cycle recipe (chapter 0.01)" };
    private static readonly Option<double?> Momentum = new("--momentum") { Description = "SGD momentum (chapter 0.9)" };
    private static readonly Option<double?> WeightDecay = new("--weight-decay") { Description = "SGD weight decay (chapter 0)" };

    private static readonly Option<string> Data = new("--data")
    {
        Description = "EuroSAT folder (torchvision layout) or EuroSAT.zip, or synthetic[:N[:SEED]] (generated images: accuracy means nothing)",
        Required = true,
    };

    private static readonly Option<string?> CacheDir = new("--cache-dir")
    {
        Description = $"Tensor cache folder (default ${CacheLocation.EnvironmentVariable}, else ~/.cache/geoai-bench/data)",
    };

    private static readonly Option<string> PrecisionOption = new Option<string>("--precision")
    {
        Description = "fp32, bf16 (mixed precision: bf16 compute, fp32 master weights) or tf32 (CUDA only); docs/training.md",
        DefaultValueFactory = _ => "fp32",
    }.AcceptOnlyFromAmong("fp32", "bf16", "tf32");

    private static readonly Option<string?> Weights = new("--weights")
    {
        Description = "Weights loaded into the model before training: a .safetensors, .pth or .pt file, or torchvision " +
                      "(torchvision's VGG11-BN file where torch.hub keeps it; ./geoai download --weights vgg11bn fetches it)",
    };

    private static readonly Option<string> Loader = new("--loader")
    {
        Description = "How batches reach the device: GpuResident, Host (the chapter's DataLoader path) or HostPinnedPrefetch",
        DefaultValueFactory = _ => nameof(LoaderKind.Host),
    };

    private static readonly Option<int> Workers = new("--workers")
    {
        Description = "Host loader workers (0: batches are made in the training thread)",
        DefaultValueFactory = _ => 0,
    };

    private static readonly Option<long> Seed = new("--seed")
    {
        Description = "Seeds the 75/25 split, the shuffle, the initial weights and the augmentation",
        DefaultValueFactory = _ => DatasetSplit.DefaultSeed,
    };

    private static readonly Option<int?> TrainLimit = new("--train-limit") { Description = "Train on the first N images of the split's training side" };
    private static readonly Option<int?> ValLimit = new("--val-limit") { Description = "Validate on the first N images of the split's validation side" };

    private static readonly Option<string> Out = new("--out")
    {
        Description = "Output folder: new, empty, or a previous run's (replaced whole)",
        Required = true,
    };

    public static SubCommand Definition { get; } = new(Create(), NeedsLibTorch: true);

    private static Command Create()
    {
        var command = new Command("train",
            "Train a model on EuroSAT as the chapter does; write per-epoch metrics, time to accuracy, the confusion matrix and charts.");
        foreach (var option in new Option[]
                 {
                     Model, Mode, DeviceName, Recipe, Epochs, Batch, LearningRate, Momentum, WeightDecay, Data, CacheDir,
                     Weights, Loader, Workers, Seed, TrainLimit, ValLimit, Out, PrecisionOption,
                 })
            command.Options.Add(option);
        command.Action = new TrainAction();
        return command;
    }

    private sealed class TrainAction : BadCommandLineExitsTwo
    {
        protected override int Run(ParseResult parseResult)
        {
            try
            {
                return Train(parseResult);
            }
            catch (BadInput e)
            {
                Console.Error.WriteLine($"error: {e.Message}");
                return 2;
            }
        }
    }

    /// <summary>Input the command refuses before training: exit code 2, nothing written.</summary>
    private sealed class BadInput(string message) : Exception(message);

    private static int Train(ParseResult parse)
    {
        var spec = Checked(() => ModelRegistry.Get(parse.GetValue(Model)!));
        var mode = ModeOf(spec, parse.GetValue(Mode));
        var (recipe, overrides) = Checked(() => TrainingRecipe.Get(parse.GetValue(Recipe)!)).With(parse.GetValue(Epochs),
            parse.GetValue(Batch), parse.GetValue(LearningRate), parse.GetValue(Momentum), parse.GetValue(WeightDecay));
        CheckRecipe(recipe);
        var loader = LoaderOf(parse.GetValue(Loader)!);
        var workers = parse.GetValue(Workers);
        if (workers < 0)
            throw new BadInput($"--workers must be 0 or more, not {workers}");
        var device = DeviceOf(parse.GetValue(DeviceName)!);
        var output = Path.GetFullPath(parse.GetValue(Out)!);
        Checked(() => TrainRunWriter.CheckTarget(output));
        var weights = parse.GetValue(Weights) is { } given ? Checked(() => ModelWeights.Locate(given)) : null;
        var dataSpec = parse.GetValue(Data)!;

        using var data = Checked(() => DataLoading.OpenWithProgressBar(dataSpec,
            new EuroSatDataOptions { CacheDirectory = parse.GetValue(CacheDir) }));
        var settings = new TrainingJobSettings(spec, mode, device, recipe, loader, workers, parse.GetValue(Seed),
            parse.GetValue(TrainLimit), parse.GetValue(ValLimit), weights,
            Enum.Parse<Precision>(parse.GetValue(PrecisionOption)!, ignoreCase: true));
        using var job = Checked(() => new TrainingJob(data, settings));

        var notes = Notes(data, job, spec);
        Describe(data, job, spec, overrides, notes);
        var started = DateTimeOffset.UtcNow;
        var clock = Stopwatch.StartNew();
        var epochs = TrainWithProgress(job);
        var totalSeconds = clock.Elapsed.TotalSeconds;

        var run = Record(parse, data, job, overrides, notes, started, totalSeconds, epochs);
        Console.WriteLine($"final validation accuracy {TrainNumbersText.Percent(run.FinalValidationAccuracy)} " +
                               $"in {Seconds(totalSeconds)}; time to accuracy: " +
                               string.Join(", ", run.TimeToAccuracy.Select(t =>
                                   $"{TrainNumbersText.Percent(t.Threshold, 0)} {(t.Seconds is { } s ? Seconds(s) : "never")}")));
        try
        {
            var files = TrainRunWriter.Write(run, output);
            Console.WriteLine($"written to {output}: {string.Join(", ", files)}");
            return 0;
        }
        catch (Exception e) when (e is ReportException or IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"error: the results could not be written to {output}: {e.Message}");
            return 1;
        }
    }

    /// <summary>Runs <paramref name="action"/>, turning the library's bad-input exceptions into <see cref="BadInput"/>.</summary>
    private static T Checked<T>(Func<T> action)
    {
        try
        {
            return action();
        }
        catch (Exception e) when (e is ArgumentException or DataSourceException or WeightsFileException or ReportException)
        {
            throw new BadInput(e.Message);
        }
    }

    private static void Checked(Action action) => Checked(() =>
    {
        action();
        return 0;
    });

    private static TrainingMode ModeOf(IModelSpec spec, string? name)
    {
        if (name is null)
            return spec.Modes[0];
        var mode = spec.Modes.Where(m => m.ToString().Equals(name, StringComparison.OrdinalIgnoreCase)).ToList();
        if (mode.Count == 0)
            throw new BadInput($"model '{spec.Name}' has no mode '{name}'; its modes: " +
                               string.Join(", ", spec.Modes.Select(m => m.ToString().ToLowerInvariant())));
        return mode[0];
    }

    private static void CheckRecipe(TrainingRecipe recipe)
    {
        if (recipe.Epochs < 1)
            throw new BadInput($"--epochs must be at least 1, not {recipe.Epochs}");
        if (recipe.BatchSize < 1)
            throw new BadInput($"--batch must be at least 1, not {recipe.BatchSize}");
        if (!(recipe.Sgd.LearningRate > 0))
            throw new BadInput(Invariant($"--lr must be positive, not {recipe.Sgd.LearningRate}"));
        if (!(recipe.Sgd.Momentum >= 0 && recipe.Sgd.Momentum < 1))
            throw new BadInput(Invariant($"--momentum must be in [0, 1), not {recipe.Sgd.Momentum}"));
        if (!(recipe.Sgd.WeightDecay >= 0))
            throw new BadInput(Invariant($"--weight-decay must be 0 or more, not {recipe.Sgd.WeightDecay}"));
    }

    private static LoaderKind LoaderOf(string name) =>
        Enum.GetValues<LoaderKind>().Where(k => k.ToString().Equals(name, StringComparison.OrdinalIgnoreCase)).Select(k => (LoaderKind?)k)
            .FirstOrDefault()
        ?? throw new BadInput($"unknown loader '{name}'; loaders: {string.Join(", ", Enum.GetNames<LoaderKind>())}");

    private static Device DeviceOf(string name)
    {
        switch (name.ToLowerInvariant())
        {
            case "cpu":
                return CPU;
            case "cuda":
                if (!cuda.is_available())
                    throw new BadInput($"--device cuda, but CUDA is not available here ({RuntimeInfo.Current.Build} build of libtorch, " +
                                       $"TorchBackend={RuntimeInfo.Current.Backend}); use --device cpu, or build with " +
                                       "-p:TorchBackend=cuda on a machine with an NVIDIA GPU");
                return CUDA;
            default:
                throw new BadInput($"unknown device '{name}'; devices: cpu, cuda");
        }
    }

    /// <summary>
    /// The weights line: for a model with pretrained weights in the chapter (VGG) always what <see cref="ModelWeights"/>
    /// says, so running without them is stated plainly; for the CNNs, which the chapter trains from scratch, that too.
    /// </summary>
    private static string WeightsLine(TrainingJob job) =>
        job.Settings.WeightsPath is null && !job.Settings.Model.Modes.Contains(TrainingMode.Frozen)
            ? $"weights: PyTorch's default initialisation from seed {job.Settings.Seed} (trained from scratch, as in the chapter)"
            : job.WeightsLine;

    /// <summary>What a reader of any output must not miss.</summary>
    private static List<string> Notes(EuroSatData data, TrainingJob job, IModelSpec spec)
    {
        var notes = new List<string>();
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
        if (spec.Modes.Contains(TrainingMode.Frozen) && job.Settings.WeightsPath is null)
            notes.Add($"**Random initialisation**: {spec.DisplayName} ran without pretrained weights (no --weights; " +
                      "./geoai download --weights vgg11bn fetches the ImageNet weights). The chapter fine-tunes ImageNet weights; " +
                      (job.Settings.Mode == TrainingMode.Frozen
                          ? "with frozen random features only the last layer learns, on random projections of the image, so " +
                            "accuracy stays far below the chapter's."
                          : "trained from scratch for a few epochs, it stays far below the chapter's accuracy."));
        return notes;
    }

    private static void Describe(EuroSatData data, TrainingJob job, IModelSpec spec, IReadOnlyList<string> overrides, List<string> notes)
    {
        var settings = job.Settings;
        var recipe = settings.Recipe;
        Console.WriteLine(Invariant($"model: {spec.DisplayName} ({spec.Name}), mode {settings.Mode}: {job.Parameters:N0} parameters, {job.TrainableParameters:N0} trainable"));
        Console.WriteLine(WeightsLine(job));
        Console.WriteLine($"recipe: {recipe.Name}: {recipe.Description}");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"settings: {recipe.Epochs} epochs, batch {recipe.BatchSize}, SGD lr {recipe.Sgd.LearningRate} " +
                                    $"momentum {recipe.Sgd.Momentum} weight decay {recipe.Sgd.WeightDecay}, schedule {recipe.Schedule}, " +
                                    $"augmentation {(recipe.Augment ? "flips and 90° rotations" : "none")}, seed {settings.Seed}, " +
                                    $"precision {settings.Precision.ToString().ToLowerInvariant()}"));
        if (overrides.Count > 0)
            Console.WriteLine($"changed from the recipe: {string.Join("; ", overrides)}");
        Console.WriteLine(Invariant($"data: {data.Description}; {job.Subset.Train.Length:N0} training / {job.Subset.Validation.Length:N0} validation images"));
        Console.WriteLine($"loader: {settings.Loader}, {settings.Workers} workers: {job.LoaderDescription}");
        foreach (var note in notes)
            Console.WriteLine($"note: {note.Replace("**", "")}");
    }

    /// <summary>Per epoch: a progress bar for training and one for validation (images/s and ETA), then a summary line.</summary>
    private static List<EpochMetrics> TrainWithProgress(TrainingJob job)
    {
        var epochs = new List<EpochMetrics>();
        var total = job.Settings.Recipe.Epochs;
        EpochTasks? current = null;
        using var run = job.Run(new TaskProgress(() => current)).GetEnumerator();
        for (var epoch = 1; epoch <= total; epoch++)
        {
            var moved = false;
            AnsiConsole.Progress()
                .AutoClear(true)
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(),
                    new RemainingTimeColumn())
                .Start(context =>
                {
                    current = new EpochTasks(context, epoch, total);
                    moved = run.MoveNext();
                    current = null;
                });
            if (!moved)
                break;
            var m = run.Current;
            epochs.Add(m);
            // Plain lines: Spectre would wrap them at 80 columns when the output is a file.
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"epoch {m.Epoch,2}/{total}  train loss {m.TrainLoss:F4} acc {TrainNumbersText.Percent(m.TrainAccuracy)}  |  " +
                $"val loss {m.ValLoss:F4} acc {TrainNumbersText.Percent(m.ValAccuracy)}  |  " +
                $"{m.TrainSeconds + m.ValSeconds:F1} s ({m.TrainImagesPerSecond:N0} images/s training), elapsed {m.ElapsedSeconds:F1} s"));
        }
        return epochs;
    }

    /// <summary>The two bars of one epoch; the trainer reports into them from the training thread.</summary>
    private sealed class EpochTasks(ProgressContext context, int epoch, int epochs)
    {
        private readonly Dictionary<string, ProgressTask> tasks = [];

        public void Report(TrainingProgress progress)
        {
            if (!tasks.TryGetValue(progress.Phase, out var task))
            {
                task = context.AddTask(Label(progress.Phase, double.NaN), maxValue: progress.Steps);
                tasks[progress.Phase] = task;
            }
            task.Value = progress.Step;
            task.Description = Label(progress.Phase, progress.ImagesPerSecond);
        }

        private string Label(string phase, double imagesPerSecond) =>
            Invariant($"epoch {epoch}/{epochs} {phase,-8}") +
            (double.IsFinite(imagesPerSecond) ? Invariant($" {imagesPerSecond,7:N0} images/s") : "");
    }

    private sealed class TaskProgress(Func<EpochTasks?> target) : IProgress<TrainingProgress>
    {
        public void Report(TrainingProgress value) => target()?.Report(value);
    }

    private static TrainRun Record(ParseResult parse, EuroSatData data, TrainingJob job, IReadOnlyList<string> overrides,
        IReadOnlyList<string> notes, DateTimeOffset started, double totalSeconds, List<EpochMetrics> metrics)
    {
        var settings = job.Settings;
        var recipe = settings.Recipe;
        var runtime = RuntimeInfo.Current;
        var epochs = metrics.Select(m => new TrainRunEpoch(m.Epoch, m.TrainLoss, m.TrainAccuracy, m.ValLoss, m.ValAccuracy,
            m.TrainSeconds, m.ValSeconds, m.ElapsedSeconds, m.TrainImagesPerSecond)).ToList();
        var confusion = job.Confusion;
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
                "cross-entropy, mean over the batch", overrides),
            Data = new TrainRunData(parse.GetValue(Data)!, data.Description, data.IsSynthetic, data.Count, classes,
                job.Subset.SplitTrainCount, job.Subset.SplitValidationCount, job.Subset.Train.Length, job.Subset.Validation.Length,
                settings.TrainLimit, settings.ValidationLimit, "x/255·2−1 per channel (the chapter's Normalize(0.5, 0.5))"),
            Loader = new TrainRunLoader(settings.Loader.ToString(), settings.Workers, job.LoaderDescription),
            Device = settings.Device.type == DeviceType.CUDA ? "cuda" : "cpu",
            Precision = settings.Precision.ToString().ToLowerInvariant(),
            Seed = settings.Seed,
            Weights = WeightsLine(job),
            Runtime = new TrainRunRuntime(runtime.ToLine(), runtime.Backend, runtime.LibTorchVersion, runtime.LibTorchSource,
                runtime.Build, runtime.CudaAvailable, runtime.CudaRuntime, runtime.Cudnn, runtime.Device, runtime.GpuDriver,
                runtime.Cpu, runtime.CpuThreads, runtime.LogicalCores, Environment.MachineName, RuntimeInformation.OSDescription,
                Environment.Version.ToString()),
            TotalSeconds = totalSeconds,
            Epochs = epochs,
            TimeToAccuracy = TimeToAccuracyCalculator.Compute(epochs),
            Final = new TrainRunEvaluation(confusion.Accuracy, confusion.Total, classes,
                confusion.ToRows().Select(row => (IReadOnlyList<long>)row).ToList(),
                Enumerable.Range(0, confusion.Classes).Select(c => new TrainRunClassMetrics(classes[c],
                    Enumerable.Range(0, confusion.Classes).Sum(p => confusion[c, p]),
                    NullIfNaN(confusion.Precision(c)), NullIfNaN(confusion.Recall(c)))).ToList()),
            Notes = notes,
        };
    }

    private static double? NullIfNaN(double value) => double.IsNaN(value) ? null : value;

    /// <summary>The command as typed after the program name, quoted for a POSIX shell where needed.</summary>
    private static string CommandLine() =>
        "./geoai " + string.Join(' ', Environment.GetCommandLineArgs().Skip(1).Select(arg =>
            arg.Length > 0 && arg.All(c => char.IsLetterOrDigit(c) || "-_./:=+,@%".Contains(c)) ? arg : $"'{arg.Replace("'", "'\\''")}'"));

    private static string Seconds(double seconds) => Invariant($"{seconds:F1} s");

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    /// <summary>Percentages as train.md prints them.</summary>
    private static class TrainNumbersText
    {
        public static string Percent(double fraction, int decimals = 2) =>
            (fraction * 100).ToString("F" + decimals, CultureInfo.InvariantCulture) + " %";
    }
}

using System.CommandLine;
using System.CommandLine.Parsing;
using GeoAI.Data;
using GeoAI.Models;

namespace GeoAI.Bench.Commands;

/// <summary>
/// The options several commands share, each declared once with its description and its checks. A value that cannot
/// be right (an unknown model, a negative worker count, data that does not exist) is a parse error naming the option,
/// so every command refuses it the same way, with exit code 2, before anything is opened or computed. Commands differ
/// only in defaults, which are parameters here.
/// </summary>
internal static class CommonOptions
{
    /// <summary><c>--data</c>: a synthetic spec, a EuroSAT folder or EuroSAT.zip; required when there is no default.</summary>
    public static Option<string> Data(string? defaultSpec = SyntheticSource.Name)
    {
        var option = new Option<string>("--data")
        {
            Description = "Data: synthetic, synthetic:N[:SEED] (generated images), a EuroSAT folder (torchvision layout) or EuroSAT.zip",
            Required = defaultSpec is null,
        };
        if (defaultSpec is not null)
            option.DefaultValueFactory = _ => defaultSpec;
        option.Validators.Add(result => Check(result, () => EuroSatSource.CheckSpec(ValueOf<string>(result))));
        return option;
    }

    /// <summary><c>--cache-dir</c>: where tensor caches live; null means the default location.</summary>
    public static Option<string?> CacheDir()
    {
        var option = new Option<string?>("--cache-dir")
        {
            Description = $"Tensor cache folder (default ${CacheLocation.EnvironmentVariable}, else ~/.cache/geoai-bench/data)",
        };
        option.Validators.Add(result =>
        {
            if (CacheDirProblem(ValueOf<string?>(result)) is { } problem)
                result.AddError(problem);
        });
        return option;
    }

    /// <summary>What is wrong with a <c>--cache-dir</c> value, or null; the bench command checks its own with this too.</summary>
    public static string? CacheDirProblem(string? folder) =>
        folder is not null && File.Exists(folder) ? $"--cache-dir {Path.GetFullPath(folder)}: is a file; give a folder" : null;

    /// <summary><c>--device</c>: cpu, cuda, or (where a command allows it) auto: cuda when available.</summary>
    public static Option<DeviceChoice> Device(DeviceChoice defaultChoice)
    {
        var choices = defaultChoice == DeviceChoice.Auto ? "cpu, cuda or auto (cuda when available)" : "cpu or cuda";
        return new Option<DeviceChoice>("--device")
        {
            Description = $"Device: {choices}",
            DefaultValueFactory = _ => defaultChoice,
            CustomParser = result => ParseEnum(result, "--device", "devices",
                defaultChoice == DeviceChoice.Auto ? Enum.GetValues<DeviceChoice>() : [DeviceChoice.Cpu, DeviceChoice.Cuda]),
        };
    }

    /// <summary><c>--loader</c>: how batches reach the device.</summary>
    public static Option<LoaderKind> Loader(LoaderKind defaultKind = LoaderKind.Host) => new("--loader")
    {
        Description = $"How batches reach the device: {string.Join(", ", Enum.GetNames<LoaderKind>())} (Host is the chapter's DataLoader path)",
        DefaultValueFactory = _ => defaultKind,
        CustomParser = result => ParseEnum(result, "--loader", "loaders", Enum.GetValues<LoaderKind>(), kind => kind.ToString()),
    };

    /// <summary><c>--workers</c>: host loader worker threads, 0 or more.</summary>
    public static Option<int> Workers(int defaultWorkers)
    {
        var option = new Option<int>("--workers")
        {
            Description = "Host loader worker threads (0: batches are made in the training thread; the chapter's DataLoader used 2)",
            DefaultValueFactory = _ => defaultWorkers,
        };
        return option.AtLeast(0);
    }

    /// <summary>
    /// <c>--model</c> (a registered model by name; required when there is no default) with its <c>--mode</c>: they
    /// only make sense together, since the mode must be one the model has.
    /// </summary>
    public static ModelOptions Model(IModelSpec? defaultModel)
    {
        var model = new Option<IModelSpec>("--model")
        {
            Description = $"Model: {string.Join(", ", ModelRegistry.All.Select(spec => spec.Name))}",
            Required = defaultModel is null,
            CustomParser = result => Check(result, () => ModelRegistry.Get(result.Tokens[0].Value)),
        };
        if (defaultModel is not null)
            model.DefaultValueFactory = _ => defaultModel;
        var mode = new Option<TrainingMode?>("--mode")
        {
            Description = "Training mode: frozen or full (default: the model's first mode: frozen for vgg11bn as in the chapter, full for the CNNs)",
            CustomParser = result => ParseEnum(result, "--mode", "modes", [TrainingMode.Frozen, TrainingMode.Full]),
        };
        mode.Validators.Add(result =>
        {
            if (ValueOf<TrainingMode?>(result) is { } chosen && ValueOf(() => result.GetValue(model)) is { } spec && !spec.Modes.Contains(chosen))
                result.AddError($"model '{spec.Name}' has no mode '{Lower(chosen)}'; its modes: {string.Join(", ", spec.Modes.Select(Lower))}");
        });
        return new ModelOptions(model, mode);
    }

    /// <summary><c>--out</c>: the output folder or file; required unless the command has a default place for it.</summary>
    public static Option<string> Out(string description, bool required = true) => new("--out") { Description = description, Required = required };

    /// <summary>
    /// Makes a token that looks like an option a parse error of <paramref name="argument"/>, which would otherwise take
    /// an unknown option (a typo) for one more file name.
    /// </summary>
    public static Argument<T> RefusingOptions<T>(this Argument<T> argument)
    {
        argument.Validators.Add(result =>
        {
            foreach (var token in result.Tokens.Where(t => t.Value.StartsWith('-')))
                result.AddError($"Unrecognized command or argument '{token.Value}'.");
        });
        return argument;
    }

    /// <summary>Makes a value below <paramref name="minimum"/> a parse error naming the option.</summary>
    public static Option<int> AtLeast(this Option<int> option, int minimum)
    {
        option.Validators.Add(result =>
        {
            if (ValueOf<int?>(() => result.GetValueOrDefault<int>()) is { } value)
                CheckMinimum(result, option.Name, value, minimum);
        });
        return option;
    }

    /// <summary>The same for an optional value: checked only when given.</summary>
    public static Option<int?> AtLeast(this Option<int?> option, int minimum)
    {
        option.Validators.Add(result =>
        {
            if (ValueOf<int?>(result) is { } value)
                CheckMinimum(result, option.Name, value, minimum);
        });
        return option;
    }

    /// <summary>
    /// An option's value inside a validator, or default when it did not convert: validators run even then, and reading
    /// the value would throw (its conversion error is already reported).
    /// </summary>
    public static T? ValueOf<T>(OptionResult result) => ValueOf(result.GetValueOrDefault<T>);

    /// <summary>The same for any read of a value inside a validator (another option's, or a non-nullable one's).</summary>
    public static T? ValueOf<T>(Func<T> read)
    {
        try
        {
            return read();
        }
        catch (InvalidOperationException)
        {
            return default;
        }
    }

    private static void CheckMinimum(SymbolResult result, string name, int value, int minimum)
    {
        if (value < minimum)
            result.AddError(minimum == 0 ? $"{name} must be 0 or more, not {value}" : $"{name} must be at least {minimum}, not {value}");
    }

    /// <summary>
    /// Runs a library call that refuses bad input with its own exception (an unknown name, a missing path), turning the
    /// message into a parse error of <paramref name="result"/>: the way a command's own option parses a name.
    /// </summary>
    public static T Check<T>(SymbolResult result, Func<T> check)
    {
        try
        {
            return check();
        }
        catch (Exception e) when (e is ArgumentException or DataSourceException or WeightsFileException)
        {
            result.AddError(e.Message);
            return default!;
        }
    }

    private static void Check(SymbolResult result, Action check) => Check(result, () =>
    {
        check();
        return 0;
    });

    /// <summary>A name among <paramref name="allowed"/>, case-insensitively; otherwise an error listing them.</summary>
    private static T ParseEnum<T>(ArgumentResult result, string option, string plural, IReadOnlyList<T> allowed,
        Func<T, string>? name = null) where T : struct, Enum
    {
        var text = result.Tokens[0].Value;
        foreach (var value in allowed)
            if (string.Equals(value.ToString(), text, StringComparison.OrdinalIgnoreCase))
                return value;
        result.AddError($"unknown {option.TrimStart('-')} '{text}'; valid {plural}: {string.Join(", ", allowed.Select(name ?? Lower))}");
        return default;
    }

    private static string Lower<T>(T value) where T : struct, Enum => value.ToString().ToLowerInvariant();
}

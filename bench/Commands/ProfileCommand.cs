using System.CommandLine;
using System.Globalization;
using GeoAI.Data;
using GeoAI.Models;
using GeoAI.Report.Profiling;
using GeoAI.Training.Profiling;
using Spectre.Console;
using TorchSharp;

namespace GeoAI.Bench.Commands;

/// <summary>
/// <c>profile</c>: trains a model for a few steps with one loader on one device and times each phase of every step
/// (data wait, host-to-device copy, forward, backward, optimizer), samples CPU and, through NVML, GPU utilisation, and
/// writes a Chrome trace, profile.json, profile.md naming the bottleneck, and a phase chart. Defaults are the chapter's
/// profiler setting (CNN, batch 40, host loader with 2 workers, 28 recorded steps).
/// </summary>
internal static class ProfileCommand
{
    public static SubCommand Definition { get; } = new(Create(), NeedsLibTorch: true);

    private sealed record Request(string Model, string? Mode, string? Device, string Loader, int Workers, int Batch, int Steps,
        int Warmup, double WarmupSeconds, long Seed, string Data, string? CacheDirectory, string Out);

    private static Command Create()
    {
        var model = new Option<string>("--model")
        {
            Description = $"Model: {string.Join(", ", ModelRegistry.All.Select(spec => spec.Name))}",
            DefaultValueFactory = _ => CnnSpec.Instance.Name,
        };
        var mode = new Option<string?>("--mode")
        {
            Description = "Training mode: frozen or full (default: the model's first mode, frozen for vgg11bn, full for cnn)",
        };
        var device = new Option<string?>("--device") { Description = "cpu or cuda (default: cuda when available, else cpu)" };
        var loader = new Option<string>("--loader")
        {
            Description = $"How batches reach the device: {string.Join(", ", Enum.GetNames<LoaderKind>())}",
            DefaultValueFactory = _ => nameof(LoaderKind.Host),
        };
        var workers = new Option<int>("--workers")
        {
            Description = "Loader worker threads (host loaders; the chapter's DataLoader used 2)",
            DefaultValueFactory = _ => ProfileSettings.DefaultWorkers,
        };
        var batch = new Option<int>("--batch") { Description = "Batch size", DefaultValueFactory = _ => ProfileSettings.DefaultBatchSize };
        var steps = new Option<int>("--steps")
        {
            Description = "Recorded steps (default: the chapter's (2 wait + 2 warmup + 3 active) x 4 = 28)",
            DefaultValueFactory = _ => ProfileSettings.DefaultSteps,
        };
        var warmup = new Option<int>("--warmup")
        {
            Description = "Steps run first and not recorded",
            DefaultValueFactory = _ => ProfileSettings.DefaultWarmup,
        };
        var warmupSeconds = new Option<double>("--warmup-seconds")
        {
            Description = "Warm up for at least this long too: a fresh process's first steps are slow for about 2 s",
            DefaultValueFactory = _ => DefaultWarmupSeconds,
        };
        var seed = new Option<long>("--seed") { Description = "Seed of split, shuffle and weights", DefaultValueFactory = _ => DatasetSplit.DefaultSeed };
        var data = new Option<string>("--data")
        {
            Description = "Data source: synthetic, synthetic:N[:SEED], a EuroSAT folder (torchvision layout) or EuroSAT.zip",
            DefaultValueFactory = _ => SyntheticSource.Name,
        };
        var cacheDir = new Option<string?>("--cache-dir")
        {
            Description = $"Tensor cache folder (default ${CacheLocation.EnvironmentVariable}, else ~/.cache/geoai-bench/data)",
        };
        var output = new Option<string>("--out")
        {
            Description = "Output folder: created, or replaced if it holds only a previous profile",
            Required = true,
        };
        var command = new Command("profile",
            "Time each phase of a few training steps (data wait, copy, forward, backward, optimizer), sample CPU/GPU " +
            "utilisation, and write a Chrome trace, profile.json, profile.md naming the bottleneck and a chart.");
        foreach (var option in new Option[] { model, mode, device, loader, workers, batch, steps, warmup, warmupSeconds, seed, data, cacheDir, output })
            command.Options.Add(option);
        command.SetAction(parsed => Run(new Request(parsed.GetValue(model)!, parsed.GetValue(mode), parsed.GetValue(device),
            parsed.GetValue(loader)!, parsed.GetValue(workers), parsed.GetValue(batch), parsed.GetValue(steps), parsed.GetValue(warmup),
            parsed.GetValue(warmupSeconds), parsed.GetValue(seed), parsed.GetValue(data)!, parsed.GetValue(cacheDir), parsed.GetValue(output)!)));
        return command;
    }

    private const double DefaultWarmupSeconds = 3;

    private static int Run(Request request)
    {
        var (settings, problems) = Validate(request);
        if (problems.Count > 0)
        {
            foreach (var problem in problems)
                Console.Error.WriteLine($"error: {problem}");
            return 2;
        }

        EuroSatData dataSet;
        try
        {
            dataSet = DataLoading.OpenWithProgressBar(request.Data, new EuroSatDataOptions { CacheDirectory = request.CacheDirectory });
        }
        catch (DataSourceException e)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return 1;
        }
        using (dataSet)
        {
            using var gpu = NvmlGpuMonitor.Open(out var gpuReason);
            Console.WriteLine($"data: {dataSet.Description} ({dataSet.CacheNote})");
            Console.WriteLine(GpuStatus.Of(gpu, gpuReason).Describe());
            var workers = settings!.Loader == LoaderKind.GpuResident ? "" : Invariant($" with {settings.Workers} workers");
            Console.WriteLine($"profiling {settings.Model.DisplayName} ({settings.Mode.ToString().ToLowerInvariant()}) on " +
                              $"{settings.Device.ToString().ToLowerInvariant()}, {settings.Loader} loader{workers}, " +
                              Invariant($"batch {settings.BatchSize}: at least {settings.Warmup} warm-up steps and {settings.MinimumWarmupTime.TotalSeconds:0.#} s, ") +
                              Invariant($"then {settings.Steps} recorded steps"));
            var run = TrainingProfiler.Run(dataSet, settings, gpu, gpuReason, new StepCounter(settings));
            string written;
            try
            {
                written = ProfileWriter.Write(run, request.Out, DrawChart(run));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                Console.Error.WriteLine($"error: the profile could not be written: {e.Message}");
                return 2;
            }
            Print(run, ProfileSummary.Of(run), written);
            return 0;
        }
    }

    /// <summary>Every problem with the request, found before any data is opened or any step runs.</summary>
    private static (ProfileSettings? Settings, List<string> Problems) Validate(Request request)
    {
        var problems = new List<string>();
        IModelSpec? spec = null;
        try
        {
            spec = ModelRegistry.Get(request.Model);
        }
        catch (ArgumentException e)
        {
            problems.Add(e.Message);
        }
        TrainingMode? mode = spec?.Modes[0];
        if (request.Mode is not null)
        {
            mode = Enum.GetValues<TrainingMode>().Cast<TrainingMode?>()
                .FirstOrDefault(m => string.Equals(m.ToString(), request.Mode, StringComparison.OrdinalIgnoreCase));
            if (mode is null)
                problems.Add($"unknown mode '{request.Mode}'; valid modes: frozen, full");
        }
        var cudaAvailable = torch.cuda.is_available();
        DeviceType? device = (request.Device ?? (cudaAvailable ? "cuda" : "cpu")).ToLowerInvariant() switch
        {
            "cpu" => DeviceType.CPU,
            "cuda" => DeviceType.CUDA,
            _ => null,
        };
        if (device is null)
            problems.Add($"unknown device '{request.Device}'; valid devices: cpu, cuda");
        else if (device == DeviceType.CUDA && !cudaAvailable)
            problems.Add("--device cuda was asked for, but CUDA is not available here (this libtorch build or machine has no " +
                         "usable GPU; `./geoai info` says which); use --device cpu");
        var loader = Enum.GetValues<LoaderKind>().Cast<LoaderKind?>()
            .FirstOrDefault(k => string.Equals(k.ToString(), request.Loader, StringComparison.OrdinalIgnoreCase));
        if (loader is null)
            problems.Add($"unknown loader '{request.Loader}'; valid loaders: {string.Join(", ", Enum.GetNames<LoaderKind>())}");
        if (ProfileWriter.TargetProblem(request.Out) is { } outProblem)
            problems.Add(outProblem);
        try
        {
            EuroSatSource.Parse(request.Data);
        }
        catch (DataSourceException e)
        {
            problems.Add(e.Message);
        }

        // TimeSpan.FromSeconds throws on NaN and overflows on huge values; an hour of warm-up is already absurd.
        var minimumWarmup = TimeSpan.Zero;
        if (request.WarmupSeconds is >= 0 and <= 3600)
            minimumWarmup = TimeSpan.FromSeconds(request.WarmupSeconds);
        else
            problems.Add(Invariant($"--warmup-seconds must be between 0 and 3600, not {request.WarmupSeconds}"));

        ProfileSettings? settings = null;
        if (spec is not null && mode is not null && device is not null && loader is not null)
        {
            settings = new ProfileSettings(spec, mode.Value, device.Value, loader.Value, request.Workers, request.Batch, request.Steps,
                request.Warmup, request.Seed) { MinimumWarmupTime = minimumWarmup };
            problems.AddRange(settings.Problems());
        }
        else
        {
            // Numeric options are checked even when a name was wrong, so one run reports every problem.
            var probe = new ProfileSettings(CnnSpec.Instance, TrainingMode.Full, DeviceType.CPU, LoaderKind.Host, request.Workers,
                request.Batch, request.Steps, request.Warmup, request.Seed) { MinimumWarmupTime = minimumWarmup };
            problems.AddRange(probe.Problems());
        }
        return (settings, problems);
    }

    private static Func<string, ProfileSummary, string> DrawChart(ProfileRun run) => (folder, summary) =>
    {
        var phases = summary.Phases.Select(p => new PhaseTime(p.Name, p.MeanMs, p.SharePercent, Group(p.Key))).ToList();
        var device = run.Settings.Device.ToString().ToLowerInvariant();
        var title = $"Where a training step goes: {run.ModelName} ({run.Settings.Mode.ToString().ToLowerInvariant()}), {device}, " +
                    $"{run.Settings.Loader} loader";
        var caption = Invariant($"Mean time per step of each phase over {run.Steps.Count} recorded steps (batch {run.Settings.BatchSize}), ") +
                      Invariant($"with its share of the mean step ({summary.Step.MeanMs:F1} ms). ") + run.TimingNote;
        var chart = PhaseTimeChart.Create(title, caption, phases, folder, ProfileWriter.ChartId);
        return Path.GetFileName(chart.PngPath);
    };

    private static PhaseGroup Group(string key) => key switch
    {
        "dataWait" or "hostToDevice" => PhaseGroup.DataPath,
        "forward" or "backward" => PhaseGroup.Compute,
        "optimizerStep" => PhaseGroup.Optimizer,
        _ => PhaseGroup.Other,
    };

    private static void Print(ProfileRun run, ProfileSummary summary, string written)
    {
        var table = new Table().AddColumns("phase", "mean ms", "median ms", "p90 ms", "share");
        foreach (var phase in summary.Phases)
            table.AddRow(Markup.Escape(phase.Name), Invariant($"{phase.MeanMs:F2}"), Invariant($"{phase.MedianMs:F2}"),
                Invariant($"{phase.P90Ms:F2}"), Invariant($"{phase.SharePercent:F1} %"));
        table.AddRow("[bold]step[/]", Invariant($"[bold]{summary.Step.MeanMs:F2}[/]"), Invariant($"{summary.Step.MedianMs:F2}"),
            Invariant($"{summary.Step.P90Ms:F2}"), "100 %");
        AnsiConsole.Write(table);
        Console.WriteLine(Invariant($"{summary.ImagesPerSecond:F0} images/s; ") + Capitalised(summary.Bottleneck.Sentence) + ".");
        var use = summary.Utilisation;
        Console.WriteLine(Invariant($"CPU (process, % of {use.LogicalCores} logical cores): mean {use.CpuMeanPercent:F0} %, max {use.CpuMaxPercent:F0} %; ") +
                          (use.Gpu.Available
                              ? Invariant($"GPU: mean {use.GpuMeanPercent:F0} %, max {use.GpuMaxPercent:F0} %, device memory peak {use.PeakDeviceMemoryMiB:F0} MiB")
                              : $"GPU: not sampled ({use.Gpu.UnavailableReason})"));
        Console.WriteLine(run.TimingNote);
        Console.WriteLine($"Machine: {run.MachineLoadNote}.");
        Console.WriteLine($"profile written to {written}: {ProfileWriter.MarkdownFile}, {ProfileWriter.JsonFile}, " +
                          $"{ProfileWriter.TraceFile} (open in https://ui.perfetto.dev), {ProfileWriter.ChartId}.png/.svg");
    }

    /// <summary>One line rewritten in place as steps finish (a VGG profile on a CPU runs for minutes); silent when redirected.</summary>
    private sealed class StepCounter(ProfileSettings settings) : IProgress<(string Stage, int Step)>
    {
        public void Report((string Stage, int Step) value)
        {
            if (Console.IsOutputRedirected)
                return;
            // Warm-up also runs for a minimum time, so its step count is not known ahead.
            if (value.Stage == "warm-up")
            {
                Console.Write(Invariant($"\rwarm-up step {value.Step}   "));
                return;
            }
            Console.Write(Invariant($"\r{value.Stage} step {value.Step}/{settings.Steps}   "));
            if (value.Step == settings.Steps)
                Console.WriteLine();
        }
    }

    private static string Capitalised(string sentence) => sentence.Length == 0 ? sentence : char.ToUpperInvariant(sentence[0]) + sentence[1..];

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

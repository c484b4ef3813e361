using System.CommandLine;
using System.Globalization;
using GeoAI.Data;
using GeoAI.Models;
using GeoAI.Report.Profiling;
using GeoAI.Training.Profiling;
using Spectre.Console;

namespace GeoAI.Bench.Commands;

/// <summary>
/// <c>profile</c>: trains a model for a few steps with one loader on one device and times each phase of every step
/// (data wait, host-to-device copy, forward, backward, optimizer), samples CPU and, through NVML, GPU utilisation, and
/// writes a Chrome trace, profile.json, profile.md naming the bottleneck, and a phase chart. Defaults are the chapter's
/// profiler setting (CNN, batch 40, host loader with 2 workers, 28 recorded steps).
/// </summary>
internal sealed class ProfileCommand : SubCommand
{
    private const double DefaultWarmupSeconds = 3;

    private readonly ModelOptions model = CommonOptions.Model(CnnSpec.Instance);
    private readonly Option<DeviceChoice> device = CommonOptions.Device(DeviceChoice.Auto);
    private readonly Option<LoaderKind> loader = CommonOptions.Loader();
    private readonly Option<int> workers = CommonOptions.Workers(ProfileSettings.DefaultWorkers);

    private readonly Option<int> batch =
        new Option<int>("--batch") { Description = "Batch size", DefaultValueFactory = _ => ProfileSettings.DefaultBatchSize }.AtLeast(1);

    private readonly Option<int> steps = new Option<int>("--steps")
    {
        Description = "Recorded steps (default: the chapter's (2 wait + 2 warmup + 3 active) x 4 = 28)",
        DefaultValueFactory = _ => ProfileSettings.DefaultSteps,
    }.AtLeast(1);

    private readonly Option<int> warmup = new Option<int>("--warmup")
    {
        Description = "Steps run first and not recorded",
        DefaultValueFactory = _ => ProfileSettings.DefaultWarmup,
    }.AtLeast(0);

    private readonly Option<double> warmupSeconds = new("--warmup-seconds")
    {
        Description = "Warm up for at least this long too: a fresh process's first steps are slow for about 2 s",
        DefaultValueFactory = _ => DefaultWarmupSeconds,
    };

    private readonly Option<long> seed = new("--seed") { Description = "Seed of split, shuffle and weights", DefaultValueFactory = _ => DatasetSplit.DefaultSeed };
    private readonly Option<string> data = CommonOptions.Data();
    private readonly Option<string?> cacheDir = CommonOptions.CacheDir();
    private readonly Option<string> output = CommonOptions.Out("Output folder: created, or replaced if it holds only a previous profile");

    public ProfileCommand()
        : base("profile",
            "Time each phase of a few training steps (data wait, copy, forward, backward, optimizer), sample CPU/GPU " +
            "utilisation, and write a Chrome trace, profile.json, profile.md naming the bottleneck and a chart.",
            needsLibTorch: true)
    {
        // TimeSpan.FromSeconds throws on NaN and overflows on huge values; an hour of warm-up is already absurd.
        warmupSeconds.Validators.Add(result =>
        {
            if (CommonOptions.ValueOf<double?>(() => result.GetValueOrDefault<double>()) is { } value && !(value is >= 0 and <= 3600))
                result.AddError(Invariant($"--warmup-seconds must be between 0 and 3600, not {value}"));
        });
        Add(model.Model, model.Mode, device, loader, workers, batch, steps, warmup, warmupSeconds, seed, data, cacheDir, output);
    }

    protected override int Run(ParseResult parse)
    {
        var spec = model.SpecOf(parse);
        var settings = new ProfileSettings(spec, model.ModeOf(parse), parse.GetValue(device).Resolve(),
            parse.GetValue(loader), parse.GetValue(workers), parse.GetValue(batch), parse.GetValue(steps), parse.GetValue(warmup),
            parse.GetValue(seed)) { MinimumWarmupTime = TimeSpan.FromSeconds(parse.GetValue(warmupSeconds)) };
        var target = parse.GetValue(output)!;
        ProfileWriter.CheckTarget(target);

        using var dataSet = DataLoading.OpenWithProgressBar(parse.GetValue(data)!, new EuroSatDataOptions { CacheDirectory = parse.GetValue(cacheDir) });
        using var gpu = NvmlGpuMonitor.Open(out var gpuReason);
        Console.WriteLine($"data: {dataSet.Description} ({dataSet.CacheNote})");
        Console.WriteLine(GpuStatus.Of(gpu, gpuReason).Describe());
        var workerText = settings.Loader == LoaderKind.GpuResident ? "" : Invariant($" with {settings.Workers} workers");
        Console.WriteLine($"profiling {settings.Model.DisplayName} ({settings.Mode.ToString().ToLowerInvariant()}) on " +
                          $"{settings.Device.ToString().ToLowerInvariant()}, {settings.Loader} loader{workerText}, " +
                          Invariant($"batch {settings.BatchSize}: at least {settings.Warmup} warm-up steps and {settings.MinimumWarmupTime.TotalSeconds:0.#} s, ") +
                          Invariant($"then {settings.Steps} recorded steps"));
        var run = TrainingProfiler.Run(dataSet, settings, gpu, gpuReason, new StepCounter(settings));
        var summary = ProfileSummary.Of(run);
        ProfileWriter.Write(ProfileRecords.Of(run, summary), target);
        Print(run, summary, Path.GetFullPath(target));
        return ExitCode.Ok;
    }

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

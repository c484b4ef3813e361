using System.Text.Json;

namespace GeoAI.Training.Profiling;

/// <summary>
/// <c>profile.json</c>: the settings, the runtime line and its facts, the timing caveat, per-phase statistics (mean,
/// median, p90, min, max in ms and share of the mean step; shares including "other" add up to 100 %), the bottleneck,
/// what to try, utilisation (GPU fields null and <c>gpu.available</c> false with the reason when NVML was absent) and
/// every recorded step's phase times.
/// </summary>
public static class ProfileJson
{
    private static readonly JsonSerializerOptions Options = new() { WriteIndented = true };

    public static void Write(ProfileRun run, ProfileSummary summary, Stream stream) =>
        JsonSerializer.Serialize(stream, Document(run, summary), Options);

    private static object Document(ProfileRun run, ProfileSummary summary)
    {
        var settings = run.Settings;
        var utilisation = summary.Utilisation;
        return new
        {
            tool = "GeoAI.Bench profile",
            settings = new
            {
                model = settings.Model.Name,
                modelName = run.ModelName,
                mode = settings.Mode.ToString().ToLowerInvariant(),
                device = settings.Device.ToString().ToLowerInvariant(),
                loader = settings.Loader.ToString(),
                loaderDescription = run.LoaderDescription,
                workers = settings.Workers,
                prefetchDepth = settings.PrefetchDepth,
                batch = settings.BatchSize,
                steps = settings.Steps,
                warmup = settings.Warmup,
                warmup_seconds_minimum = settings.MinimumWarmupTime.TotalSeconds,
                seed = settings.Seed,
                data = run.DataDescription,
                dataIsSynthetic = run.DataIsSynthetic,
                trainingImages = run.TrainingSamples,
                sampleIntervalMs = settings.SampleInterval.TotalMilliseconds,
            },
            runtime = run.Runtime.ToLine(),
            runtimeInfo = run.Runtime,
            machineLoad = new { before = run.LoadBefore, after = run.LoadAfter, logicalCores = run.LogicalCores, note = run.MachineLoadNote },
            timing = run.TimingNote,
            steps = run.Steps.Count,
            step = Statistics(summary.Step),
            imagesPerSecond = Round(summary.ImagesPerSecond),
            phases = summary.Phases.Select(Statistics),
            bottleneck = new
            {
                kind = summary.Bottleneck.Kind.ToString(),
                sentence = summary.Bottleneck.Sentence,
                dataPathPercent = Round(summary.Bottleneck.DataPathPercent),
                computePercent = Round(summary.Bottleneck.ComputePercent),
                optimizerPercent = Round(summary.Bottleneck.OptimizerPercent),
                dominantAtPercent = Bottleneck.DominantPercent,
            },
            advice = summary.Advice,
            utilisation = new
            {
                samples = utilisation.Samples,
                intervalMs = utilisation.IntervalMs,
                cpu = new
                {
                    basis = $"process CPU time / wall time, as % of all {utilisation.LogicalCores} logical cores",
                    logicalCores = utilisation.LogicalCores,
                    meanPercent = Round(utilisation.CpuMeanPercent),
                    maxPercent = Round(utilisation.CpuMaxPercent),
                },
                gpu = new
                {
                    available = utilisation.Gpu.Available,
                    device = utilisation.Gpu.Available ? utilisation.Gpu.DeviceName : null,
                    reason = utilisation.Gpu.Available ? null : utilisation.Gpu.UnavailableReason,
                    meanPercent = Round(utilisation.GpuMeanPercent),
                    maxPercent = Round(utilisation.GpuMaxPercent),
                    memoryControllerMeanPercent = Round(utilisation.GpuMemoryBusyMeanPercent),
                    peakDeviceMemoryMiB = Round(utilisation.PeakDeviceMemoryMiB),
                    peakProcessMemoryMiB = Round(utilisation.PeakProcessMemoryMiB),
                },
            },
            stepTimes = run.Steps.Select(step => new
            {
                step = step.Step,
                images = step.Images,
                totalMs = Round(step.DurationMicroseconds / 1000),
                phasesMs = step.Phases.ToDictionary(p => p.Phase.Key(), p => Round(p.DurationMicroseconds / 1000)),
            }),
        };
    }

    private static object Statistics(PhaseStatistics s) => new
    {
        key = s.Key,
        name = s.Name,
        meanMs = Round(s.MeanMs),
        medianMs = Round(s.MedianMs),
        p90Ms = Round(s.P90Ms),
        minMs = Round(s.MinMs),
        maxMs = Round(s.MaxMs),
        sharePercent = Round(s.SharePercent),
    };

    private static double Round(double value) => Math.Round(value, 3);

    private static double? Round(double? value) => value is { } v ? Math.Round(v, 3) : null;
}

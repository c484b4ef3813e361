using System.Text.Json;

namespace GeoAI.Report.Profiling;

/// <summary>
/// <c>profile.json</c>: the settings, the runtime line and its facts, the timing caveat, per-phase statistics (mean,
/// median, p90, min, max in ms and share of the mean step; shares including "other" add up to 100 %), the bottleneck,
/// what to try, utilisation (GPU fields null and <c>gpu.available</c> false with the reason when NVML was absent) and
/// every recorded step's phase times.
/// </summary>
public static class ProfileJson
{
    private static readonly JsonSerializerOptions Options = new() { WriteIndented = true };

    public static void Write(ProfileRecord run, Stream stream) => JsonSerializer.Serialize(stream, Document(run), Options);

    private static object Document(ProfileRecord run)
    {
        var settings = run.Settings;
        var summary = run.Summary;
        var utilisation = summary.Utilisation;
        return new
        {
            tool = "GeoAI.Bench profile",
            settings = new
            {
                model = settings.ModelKey,
                modelName = settings.ModelName,
                mode = settings.Mode,
                device = settings.Device,
                loader = settings.Loader,
                loaderDescription = settings.LoaderDescription,
                workers = settings.Workers,
                prefetchDepth = settings.PrefetchDepth,
                batch = settings.BatchSize,
                steps = settings.Steps,
                warmup = settings.Warmup,
                warmup_seconds_minimum = settings.MinimumWarmupSeconds,
                seed = settings.Seed,
                data = settings.Data,
                dataIsSynthetic = settings.DataIsSynthetic,
                trainingImages = settings.TrainingImages,
                sampleIntervalMs = settings.SampleIntervalMs,
            },
            runtime = run.Runtime.Line,
            runtimeInfo = run.Runtime,
            machineLoad = new { before = run.Load.Before, after = run.Load.After, logicalCores = run.Load.LogicalCores, note = run.Load.Note },
            timing = run.TimingNote,
            steps = run.Steps.Count,
            step = Statistics(summary.Step),
            imagesPerSecond = Round(summary.ImagesPerSecond),
            phases = summary.Phases.Select(Statistics),
            bottleneck = new
            {
                kind = summary.Bottleneck.Kind,
                sentence = summary.Bottleneck.Sentence,
                dataPathPercent = Round(summary.Bottleneck.DataPathPercent),
                computePercent = Round(summary.Bottleneck.ComputePercent),
                optimizerPercent = Round(summary.Bottleneck.OptimizerPercent),
                dominantAtPercent = summary.Bottleneck.DominantAtPercent,
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
                    available = run.Gpu.Available,
                    device = run.Gpu.Available ? run.Gpu.DeviceName : null,
                    reason = run.Gpu.Available ? null : run.Gpu.UnavailableReason,
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
                phasesMs = step.Phases.ToDictionary(p => p.Key, p => Round(p.DurationMicroseconds / 1000)),
            }),
        };
    }

    private static object Statistics(ProfilePhaseStatistics s) => new
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

using GeoAI.Report.Profiling;
using GeoAI.Training.Profiling;
using TorchSharp;

namespace GeoAI.Bench.Commands;

/// <summary>
/// Turns what the profiler measured (<see cref="ProfileRun"/>, with libtorch's types) and its summary into the plain
/// <see cref="ProfileRecord"/> the report library writes profile.json, profile.md, trace.json and the chart from.
/// </summary>
public static class ProfileRecords
{
    public static ProfileRecord Of(ProfileRun run, ProfileSummary summary)
    {
        var settings = run.Settings;
        var device = settings.Device.ToString().ToLowerInvariant();
        var deviceDescription = settings.Device == DeviceType.CPU ? $"CPU ({run.Runtime.Cpu})" : $"CUDA ({run.Runtime.Device})";
        var use = summary.Utilisation;
        return new ProfileRecord(
            new ProfileRecordSettings(settings.Model.Name, run.ModelName, settings.Mode.ToString().ToLowerInvariant(), device,
                deviceDescription, settings.Loader.ToString(), run.LoaderDescription, settings.Workers, settings.PrefetchDepth,
                settings.BatchSize, settings.Steps, settings.Warmup, settings.MinimumWarmupTime.TotalSeconds, settings.Seed, run.DataDescription,
                run.DataIsSynthetic, run.TrainingSamples, settings.SampleInterval.TotalMilliseconds,
                CopyInsideLoader: settings.Loader == Data.LoaderKind.HostPinnedPrefetch && settings.Device != DeviceType.CPU),
            RuntimeRecords.Of(run.Runtime),
            new ProfileLoad(run.LoadBefore, run.LoadAfter, run.LogicalCores, run.MachineLoadNote),
            run.TimingNote,
            new ProfileGpuStatus(run.Gpu.Available, run.Gpu.DeviceName, run.Gpu.UnavailableReason, run.Gpu.Describe()),
            new ProfileRecordSummary(summary.Phases.Select(Statistics).ToList(), Statistics(summary.Step), summary.ImagesPerSecond,
                new ProfileVerdict(summary.Bottleneck.Kind.ToString(), summary.Bottleneck.Sentence, summary.Bottleneck.DataPathPercent,
                    summary.Bottleneck.ComputePercent, summary.Bottleneck.OptimizerPercent, Bottleneck.DominantPercent),
                summary.Advice,
                new ProfileUtilisation(use.Samples, use.IntervalMs, use.LogicalCores, use.CpuMeanPercent, use.CpuMaxPercent,
                    use.GpuMeanPercent, use.GpuMaxPercent, use.GpuMemoryBusyMeanPercent, use.PeakDeviceMemoryMiB, use.PeakProcessMemoryMiB)),
            run.Steps.Select(step => new ProfileStep(step.Step, step.Images, step.StartMicroseconds, step.DurationMicroseconds,
                step.Phases.Select(p => new ProfilePhaseSpan(p.Phase.Key(), p.Phase.Name(), p.StartMicroseconds, p.DurationMicroseconds))
                    .ToList())).ToList(),
            run.Samples.Select(s => new ProfileSample(s.TimeMicroseconds, s.ProcessCpuPercent, s.Gpu is { } gpu
                ? new ProfileGpuSample(gpu.UtilizationPercent, gpu.MemoryUtilizationPercent, gpu.DeviceMemoryBytes, gpu.ProcessMemoryBytes)
                : null)).ToList());
    }

    private static ProfilePhaseStatistics Statistics(PhaseStatistics s) =>
        new(s.Key, s.Name, GroupOf(s.Key), s.MeanMs, s.MedianMs, s.P90Ms, s.MinMs, s.MaxMs, s.SharePercent);

    /// <summary>The chart's colour group of a phase key; "other" and "step" belong to no phase group.</summary>
    private static PhaseGroup GroupOf(string key) =>
        Enum.GetValues<ProfilePhase>().Where(p => p.Key() == key).Select(p => (ProfilePhase?)p).FirstOrDefault() switch
        {
            { } phase when phase.IsDataPath() => PhaseGroup.DataPath,
            { } phase when phase.IsCompute() => PhaseGroup.Compute,
            ProfilePhase.OptimizerStep => PhaseGroup.Optimizer,
            _ => PhaseGroup.Other,
        };
}

using GeoAI.Data;
using GeoAI.Models;
using TorchSharp;

namespace GeoAI.Training.Profiling;

/// <summary>
/// What one profile run trains and how it is recorded. The defaults are the chapter's profiler setting: its CNN, batch 40,
/// the host loader with 2 workers (its <c>DataLoader(num_workers=2)</c>) and (2 wait + 2 warm-up + 3 active) × 4 = 28
/// steps, taken here as 4 unrecorded warm-up steps followed by 28 recorded ones (every step is recorded, where the
/// chapter's profiler recorded 12 of its 28).
/// </summary>
public sealed record ProfileSettings(
    IModelSpec Model,
    TrainingMode Mode,
    DeviceType Device,
    LoaderKind Loader = LoaderKind.Host,
    int Workers = ProfileSettings.DefaultWorkers,
    int BatchSize = ProfileSettings.DefaultBatchSize,
    int Steps = ProfileSettings.DefaultSteps,
    int Warmup = ProfileSettings.DefaultWarmup,
    long Seed = DatasetSplit.DefaultSeed)
{
    public const int DefaultWorkers = 2;
    public const int DefaultBatchSize = 40;
    public const int DefaultSteps = (2 + 2 + 3) * 4;
    public const int DefaultWarmup = 4;

    /// <summary>
    /// Warm-up goes on until it has lasted this long as well as <see cref="Warmup"/> steps: a fresh process's first steps
    /// run up to twice as slow on a CPU, for about two seconds whatever the model (allocator, thread pools, kernel caches).
    /// </summary>
    public TimeSpan MinimumWarmupTime { get; init; } = TimeSpan.Zero;

    /// <summary>How often GPU and CPU utilisation are sampled during the recorded steps.</summary>
    public TimeSpan SampleInterval { get; init; } = TimeSpan.FromMilliseconds(50);

    /// <summary>Batches the loader keeps ready ahead of the step (its workers' queue depth, or copies in flight).</summary>
    public int PrefetchDepth { get; init; } = 2;

    /// <summary>The phases this run times, by <see cref="ProfilePhases.For"/>.</summary>
    public IReadOnlyList<ProfilePhase> Phases => ProfilePhases.For(Loader, Device);

    /// <summary>True when the profiler copies host batches to the device itself (the host-to-device phase).</summary>
    public bool CopiesInProfiler => Phases.Contains(ProfilePhase.HostToDevice);

    /// <summary>Every problem with these settings, as messages naming the option; empty when they are valid.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (!Model.Modes.Contains(Mode))
            problems.Add($"model '{Model.Name}' has no mode '{Mode.ToString().ToLowerInvariant()}'; its modes: " +
                         string.Join(", ", Model.Modes.Select(m => m.ToString().ToLowerInvariant())));
        if (Device is not (DeviceType.CPU or DeviceType.CUDA))
            problems.Add($"device '{Device}' is not supported; use cpu or cuda");
        if (!Enum.IsDefined(Loader))
            problems.Add($"unknown loader {Loader}");
        if (Workers < 0)
            problems.Add($"--workers must be 0 or more, not {Workers}");
        if (BatchSize < 1)
            problems.Add($"--batch must be at least 1, not {BatchSize}");
        if (Steps < 1)
            problems.Add($"--steps must be at least 1, not {Steps}");
        if (Warmup < 0)
            problems.Add($"--warmup must be 0 or more, not {Warmup}");
        if (MinimumWarmupTime < TimeSpan.Zero)
            problems.Add($"--warmup-seconds must be 0 or more, not {MinimumWarmupTime.TotalSeconds}");
        if (PrefetchDepth < 1)
            problems.Add($"the prefetch depth must be at least 1, not {PrefetchDepth}");
        if (SampleInterval <= TimeSpan.Zero)
            problems.Add($"the sample interval must be positive, not {SampleInterval}");
        return problems;
    }
}

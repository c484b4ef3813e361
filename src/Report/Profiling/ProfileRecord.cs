namespace GeoAI.Report.Profiling;

/// <summary>
/// What a <c>profile</c> run recorded and concluded, as plain records: the profiler (GeoAI.Training) measures with
/// libtorch, the program turns its run into this record, and the documents here (profile.json, profile.md, trace.json
/// and the phase chart) are written from it without libtorch, as training runs are from <c>TrainRun</c>.
/// </summary>
/// <param name="TimingNote">How the phases were timed and how that compares with the benchmarks: every output states it.</param>
public sealed record ProfileRecord(
    ProfileRecordSettings Settings,
    RuntimeRecord Runtime,
    ProfileLoad Load,
    string TimingNote,
    ProfileGpuStatus Gpu,
    ProfileRecordSummary Summary,
    IReadOnlyList<ProfileStep> Steps,
    IReadOnlyList<ProfileSample> Samples);

/// <summary>What ran: the model, loader, device and schedule.</summary>
/// <param name="ModelKey">Command-line name, e.g. "cnn".</param>
/// <param name="ModelName">Display name, e.g. "CNN (chapter)".</param>
/// <param name="Mode">"full" or "frozen".</param>
/// <param name="Device">"cpu" or "cuda".</param>
/// <param name="DeviceDescription">The device with its name, e.g. "CPU (AMD EPYC)".</param>
/// <param name="Loader">The loader kind, e.g. "Host".</param>
/// <param name="LoaderDescription">How batches reached the device, in the loader's own words.</param>
/// <param name="Data">The data source, named by file name, size and SHA-256 for real data.</param>
/// <param name="TrainingImages">Images in the training split the batches are drawn from.</param>
/// <param name="CopyInsideLoader">True when the loader copies batches to the device itself (pinned prefetch on a GPU),
/// so the copy is part of the data wait, not a phase of its own.</param>
public sealed record ProfileRecordSettings(
    string ModelKey,
    string ModelName,
    string Mode,
    string Device,
    string DeviceDescription,
    string Loader,
    string LoaderDescription,
    int Workers,
    int PrefetchDepth,
    int BatchSize,
    int Steps,
    int Warmup,
    double MinimumWarmupSeconds,
    long Seed,
    string Data,
    bool DataIsSynthetic,
    int TrainingImages,
    double SampleIntervalMs,
    bool CopyInsideLoader);

/// <summary>The machine's 1-minute load average before and after the recorded steps (null where unknown), and the sentence.</summary>
public sealed record ProfileLoad(double? Before, double? After, int LogicalCores, string Note);

/// <summary>Whether the GPU could be sampled: its name, or why not; <paramref name="Line"/> says it in one line.</summary>
public sealed record ProfileGpuStatus(bool Available, string DeviceName, string UnavailableReason, string Line);

/// <summary>The summary: per-phase statistics ("other" last), the whole step, throughput, verdict, advice and utilisation.</summary>
public sealed record ProfileRecordSummary(
    IReadOnlyList<ProfilePhaseStatistics> Phases,
    ProfilePhaseStatistics Step,
    double ImagesPerSecond,
    ProfileVerdict Bottleneck,
    IReadOnlyList<string> Advice,
    ProfileUtilisation Utilisation);

/// <summary>One phase's statistics over the recorded steps, in ms, with its share of the mean step.</summary>
/// <param name="Key">The JSON key: dataWait, hostToDevice, forward, backward, optimizerStep, other, or step.</param>
/// <param name="Group">Which part of the step the phase belongs to; decides its colour in the chart.</param>
public sealed record ProfilePhaseStatistics(
    string Key,
    string Name,
    PhaseGroup Group,
    double MeanMs,
    double MedianMs,
    double P90Ms,
    double MinMs,
    double MaxMs,
    double SharePercent);

/// <summary>The bottleneck: its kind, the sentence that names it, the three groups' shares and the threshold.</summary>
public sealed record ProfileVerdict(string Kind, string Sentence, double DataPathPercent, double ComputePercent, double OptimizerPercent,
    double DominantAtPercent);

/// <summary>Sampled utilisation: CPU as % of all logical cores; GPU values null when there was no GPU to read.</summary>
public sealed record ProfileUtilisation(
    int Samples,
    double IntervalMs,
    int LogicalCores,
    double CpuMeanPercent,
    double CpuMaxPercent,
    double? GpuMeanPercent,
    double? GpuMaxPercent,
    double? GpuMemoryBusyMeanPercent,
    double? PeakDeviceMemoryMiB,
    double? PeakProcessMemoryMiB);

/// <summary>One recorded step on the profile's clock (µs from the first recorded step) and its phases in order.</summary>
public sealed record ProfileStep(int Step, int Images, double StartMicroseconds, double DurationMicroseconds,
    IReadOnlyList<ProfilePhaseSpan> Phases);

public sealed record ProfilePhaseSpan(string Key, string Name, double StartMicroseconds, double DurationMicroseconds);

/// <summary>One utilisation sample: the process's CPU use as % of all cores, and the GPU reading (null without NVML).</summary>
public sealed record ProfileSample(double TimeMicroseconds, double ProcessCpuPercent, ProfileGpuSample? Gpu);

public sealed record ProfileGpuSample(uint UtilizationPercent, uint MemoryUtilizationPercent, ulong DeviceMemoryBytes, ulong? ProcessMemoryBytes);

namespace GeoAI.Training.Profiling;

/// <summary>
/// The sampled utilisation over the recorded steps. CPU: the process's CPU time over wall time as a percentage of all
/// logical cores (time-weighted, so the mean equals total CPU time / wall time / cores). GPU: the means and peaks of NVML's
/// readings, all null when there was no GPU to read (<see cref="Gpu"/> says why).
/// </summary>
public sealed record UtilisationSummary(
    int Samples,
    double IntervalMs,
    int LogicalCores,
    double CpuMeanPercent,
    double CpuMaxPercent,
    GpuStatus Gpu,
    double? GpuMeanPercent,
    double? GpuMaxPercent,
    double? GpuMemoryBusyMeanPercent,
    double? PeakDeviceMemoryMiB,
    double? PeakProcessMemoryMiB)
{
    public static UtilisationSummary Of(ProfileRun run)
    {
        var samples = run.Samples;
        double weighted = 0, wall = 0, previous = 0;
        foreach (var sample in samples)
        {
            var span = Math.Max(0, sample.TimeMicroseconds - previous);
            weighted += sample.ProcessCpuPercent * span;
            wall += span;
            previous = sample.TimeMicroseconds;
        }
        var cpuMean = wall > 0 ? weighted / wall : 0;
        var cpuMax = samples.Count > 0 ? samples.Max(s => s.ProcessCpuPercent) : 0;
        var gpu = samples.Where(s => s.Gpu is not null).Select(s => s.Gpu!.Value).ToList();
        var processMemory = gpu.Where(g => g.ProcessMemoryBytes is not null).Select(g => (double)g.ProcessMemoryBytes!.Value).ToList();
        const double mebibyte = 1024.0 * 1024.0;
        return new UtilisationSummary(samples.Count, run.Settings.SampleInterval.TotalMilliseconds, run.LogicalCores, cpuMean, cpuMax, run.Gpu,
            gpu.Count > 0 ? gpu.Average(g => (double)g.UtilizationPercent) : null,
            gpu.Count > 0 ? gpu.Max(g => (double)g.UtilizationPercent) : null,
            gpu.Count > 0 ? gpu.Average(g => (double)g.MemoryUtilizationPercent) : null,
            gpu.Count > 0 ? gpu.Max(g => (double)g.DeviceMemoryBytes) / mebibyte : null,
            processMemory.Count > 0 ? processMemory.Max() / mebibyte : null);
    }
}

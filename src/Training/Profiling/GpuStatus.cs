namespace GeoAI.Training.Profiling;

/// <summary>Whether GPU utilisation and memory could be sampled: the GPU's name, or why not.</summary>
public sealed record GpuStatus(bool Available, string DeviceName, string UnavailableReason)
{
    public static GpuStatus Of(IGpuMonitor? monitor, string unavailableReason) => monitor is null
        ? new GpuStatus(false, "", unavailableReason.Length > 0 ? unavailableReason : "no GPU monitor")
        : new GpuStatus(true, monitor.DeviceName, "");

    /// <summary>One line for the console and the reports.</summary>
    public string Describe() => Available
        ? $"GPU utilisation and memory sampled through NVML on {DeviceName}"
        : $"GPU utilisation and memory not sampled: {UnavailableReason}";
}

using GeoAI.Runtime;

namespace GeoAI.Training.Profiling;

/// <summary>GPU 0 read through <see cref="Nvml"/>; <see cref="Open"/> says why not when NVML is absent.</summary>
public sealed class NvmlGpuMonitor : IGpuMonitor, IDisposable
{
    private readonly Nvml nvml;

    private NvmlGpuMonitor(Nvml nvml) => this.nvml = nvml;

    public string DeviceName => nvml.DeviceName;

    /// <summary>The monitor, or null with the reason NVML cannot be used (e.g. no NVIDIA driver on this machine).</summary>
    public static NvmlGpuMonitor? Open(out string reason) =>
        Nvml.Open(out reason) is { } nvml ? new NvmlGpuMonitor(nvml) : null;

    public GpuReading Read(int processId)
    {
        var (gpu, memory) = nvml.UtilizationPercent();
        return new GpuReading(gpu, memory, nvml.DeviceMemoryUsed(), nvml.ProcessMemoryUsed(processId));
    }

    public void Dispose() => nvml.Dispose();
}

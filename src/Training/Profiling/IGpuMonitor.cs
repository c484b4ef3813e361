namespace GeoAI.Training.Profiling;

/// <summary>One reading of a GPU: NVML's busy percentages over its last sample period, and memory in use.</summary>
/// <param name="ProcessMemoryBytes">This process's GPU memory; null when the driver cannot say.</param>
public readonly record struct GpuReading(uint UtilizationPercent, uint MemoryUtilizationPercent, ulong DeviceMemoryBytes,
    ulong? ProcessMemoryBytes);

/// <summary>Where the profiler's sampler reads the GPU from: NVML on a real machine (<see cref="NvmlGpuMonitor"/>).</summary>
public interface IGpuMonitor
{
    string DeviceName { get; }

    /// <summary>Reads the GPU now; <paramref name="processId"/> names the process whose memory is asked for.</summary>
    GpuReading Read(int processId);
}

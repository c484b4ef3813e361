using GeoAI.Training.Profiling;

namespace GeoAI.Tests.Training.Profiling;

/// <summary>A GPU that always reads the same: stands in for NVML where no NVIDIA driver is installed.</summary>
internal sealed class FixedGpuMonitor(GpuReading reading) : IGpuMonitor
{
    public string DeviceName => "Fixed Test GPU";

    public GpuReading Read(int processId) => reading;
}

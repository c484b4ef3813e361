using System.Runtime.InteropServices;
using GeoAI.Report;
using GeoAI.Runtime;

namespace GeoAI.Bench.Commands;

/// <summary>The runtime facts train.json and profile.json record, as the report library's plain record.</summary>
internal static class RuntimeRecords
{
    /// <summary>A runtime of this process, on the machine labelled by <see cref="MachineLabel.Default"/>.</summary>
    public static RuntimeRecord Of(RuntimeInfo runtime) =>
        new RuntimeRecord(runtime.ToLine(), runtime.Backend, runtime.LibTorchVersion, runtime.LibTorchSource, runtime.Build,
            runtime.CudaAvailable, runtime.CudaRuntime, runtime.Cudnn, runtime.Device, runtime.GpuDriver, runtime.Cpu,
            runtime.CpuThreads, runtime.LogicalCores, MachineLabel.Default(runtime), RuntimeInformation.OSDescription,
            Environment.Version.ToString());
}

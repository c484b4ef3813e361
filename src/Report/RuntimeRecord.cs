namespace GeoAI.Report;

/// <summary>
/// The runtime line and its fields (GeoAI.Runtime.RuntimeInfo), plus the machine it ran on: what train.json and
/// profile.json record about where they ran, as a plain record so reports read it without libtorch.
/// </summary>
/// <param name="Machine">The machine's label: --machine, or by default its CPU family and logical cores, e.g. "epyc-2c".</param>
public sealed record RuntimeRecord(
    string Line,
    string Backend,
    string LibTorchVersion,
    string LibTorchSource,
    string Build,
    bool CudaAvailable,
    string CudaRuntime,
    string Cudnn,
    string DeviceName,
    string GpuDriver,
    string Cpu,
    int TorchThreads,
    int LogicalCores,
    string Machine,
    string Os,
    string DotNet);

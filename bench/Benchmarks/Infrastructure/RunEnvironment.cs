using BenchmarkDotNet.Running;
using GeoAI.Runtime;

namespace GeoAI.Bench.Benchmarks.Infrastructure;

/// <summary>
/// What a result file must say about where it came from beyond BenchmarkDotNet's own environment block: the libtorch
/// that ran, CUDA/cuDNN, GPU and driver, the CPU's bf16 features, and whether the data was real or synthetic.
/// </summary>
public sealed record RunEnvironment(RuntimeInfo Runtime, string DataSource, bool DataIsSynthetic, string Machine)
{
    /// <summary>The device a case ran on, by name: the GPU for CUDA cases, the CPU otherwise.</summary>
    public string DeviceName(BenchmarkCase benchmarkCase) =>
        benchmarkCase.Parameters["Device"] is ComputeDevice.Cuda ? Runtime.Device : Runtime.Cpu;

    /// <summary>The "GeoAI" object added to the environment block of every full JSON file.</summary>
    public IReadOnlyDictionary<string, object> ToJson() => new Dictionary<string, object>
    {
        ["LibTorch"] = Runtime.LibTorchVersion,
        ["LibTorchSource"] = Runtime.LibTorchSource,
        ["TorchBackend"] = Runtime.Backend,
        ["Build"] = Runtime.Build,
        ["CudaAvailable"] = Runtime.CudaAvailable,
        ["CudaRuntime"] = Runtime.CudaRuntime,
        ["Cudnn"] = Runtime.Cudnn,
        ["Device"] = Runtime.Device,
        ["GpuDriver"] = Runtime.GpuDriver,
        ["Cpu"] = Runtime.Cpu,
        ["TorchThreads"] = Runtime.CpuThreads,
        ["CpuBf16Features"] = Runtime.CpuBf16Features,
        ["DataSource"] = DataSource,
        ["DataIsSynthetic"] = DataIsSynthetic,
        ["Machine"] = Machine,
    };
}

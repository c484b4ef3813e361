using System.Globalization;
using BenchmarkDotNet.Running;
using GeoAI.Runtime;

namespace GeoAI.Bench.Benchmarks.Infrastructure;

/// <summary>
/// What a result file must say about where it came from beyond BenchmarkDotNet's own environment block: the libtorch
/// that ran, CUDA/cuDNN, GPU and driver, the CPU's bf16 features, whether the data was real or synthetic, and the
/// provenance a history of runs orders and groups by: the commit built (and whether its sources were changed), when the
/// run started, the machine.
/// </summary>
public sealed record RunEnvironment(
    RuntimeInfo Runtime, string DataSource, bool DataIsSynthetic, string Machine, SourceRevision Revision, DateTime StartedUtc)
{
    /// <summary>ISO 8601 in UTC to the second, e.g. 2026-12-03T09:41:07Z.</summary>
    public const string StartedFormat = "yyyy-MM-dd'T'HH:mm:ss'Z'";

    /// <summary>The device a case ran on, by name: the GPU for CUDA cases, the CPU otherwise.</summary>
    public string DeviceName(BenchmarkCase benchmarkCase) =>
        benchmarkCase.Parameters["Device"] is ComputeDevice.Cuda ? Runtime.Device : Runtime.Cpu;

    /// <summary>
    /// The "GeoAI" object added to the environment block of every full JSON file. Commit and CommitDirty are left out
    /// when the build could not tell them (no git checkout), rather than guessed.
    /// </summary>
    public IReadOnlyDictionary<string, object> ToJson()
    {
        var json = new Dictionary<string, object>
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
            ["LogicalCores"] = Runtime.LogicalCores,
            ["CpuBf16Features"] = Runtime.CpuBf16Features,
            ["DataSource"] = DataSource,
            ["DataIsSynthetic"] = DataIsSynthetic,
            ["Machine"] = Machine,
            ["StartedUtc"] = StartedUtc.ToUniversalTime().ToString(StartedFormat, CultureInfo.InvariantCulture),
        };
        if (Revision.Commit is { } commit)
            json["Commit"] = commit;
        if (Revision.Dirty is { } dirty)
            json["CommitDirty"] = dirty;
        return json;
    }
}

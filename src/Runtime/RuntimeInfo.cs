using System.Globalization;
using System.Runtime.InteropServices;
using TorchSharp;

namespace GeoAI.Runtime;

/// <summary>
/// What this process computes on: the libtorch that loaded, its build, CUDA and cuDNN, and the device. The one place
/// that knows these facts; benchmarks, reports and <c>train</c> all print or record this record.
/// </summary>
/// <param name="CpuBf16Features">The CPU features that decide bf16 speed (<see cref="CpuFeatures.Bf16"/>), e.g. "avx512_bf16" or "none".</param>
public sealed record RuntimeInfo(
    string Backend,
    string LibTorchVersion,
    string LibTorchSource,
    string Build,
    bool CudaAvailable,
    string CudaRuntime,
    string Cudnn,
    string Device,
    string GpuDriver,
    string Cpu,
    int CpuThreads,
    int LogicalCores,
    string CpuBf16Features = "unknown")
{
    private static RuntimeInfo? current;

    /// <summary>Detected once per process (loading NVML and probing CUDA costs a little).</summary>
    public static RuntimeInfo Current => current ??= Detect();

    /// <summary>
    /// Sets torch's intra-op threads for this process and for the processes it starts (OMP_NUM_THREADS, which libtorch
    /// reads at start-up), and records them, so every result says how many threads it ran with.
    /// </summary>
    public static void SetTorchThreads(int threads)
    {
        torch.set_num_threads(threads);
        Environment.SetEnvironmentVariable("OMP_NUM_THREADS", threads.ToString(CultureInfo.InvariantCulture));
        current = Current with { CpuThreads = torch.get_num_threads() };
    }

    /// <summary>The start-up line: libtorch version, build, CUDA availability, device name, cuDNN version.</summary>
    public string ToLine() =>
        $"libtorch {LibTorchVersion} ({Build} build, TorchBackend={Backend}) | CUDA available: {(CudaAvailable ? "yes" : "no")}" +
        $"{(CudaAvailable ? $" (runtime {CudaRuntime}, driver {GpuDriver})" : "")} | device: {Device} | cuDNN: {Cudnn}" +
        $" | CPU: {Cpu}, {CpuThreads} torch threads, bf16 features: {CpuBf16Features}";

    private static RuntimeInfo Detect()
    {
        TorchBackend.EnsureLoaded();
        var cudaBuild = TorchBackend.IsCudaBuild();
        var cudaAvailable = cudaBuild && torch.cuda.is_available();
        var (version, source) = DetectLibTorchVersion();
        var cpu = CpuModel();
        string device = cpu, driver = "n/a";
        if (cudaAvailable)
        {
            using var nvml = Nvml.Open(out _);
            device = nvml?.DeviceName ?? "CUDA device (name unknown: NVML unavailable)";
            driver = nvml?.DriverVersion ?? "unknown";
        }
        return new RuntimeInfo(
            TorchBackend.Name, version, source, cudaBuild ? "cuda" : "cpu", cudaAvailable,
            cudaBuild ? CudaRuntimeVersion() : "n/a",
            cudaBuild ? CudnnVersion() : "n/a",
            device, driver, cpu, torch.get_num_threads(), Environment.ProcessorCount, CpuFeatures.DetectBf16());
    }

    /// <summary>
    /// The NuGet backends carry the libtorch TorchSharp was built against. A system libtorch says its own version in
    /// PyTorch's <c>version.py</c> or a standalone libtorch's <c>build-version</c> file, next to its lib folder.
    /// </summary>
    private static (string Version, string Source) DetectLibTorchVersion()
    {
        var packaged = string.Join('.', torch.__version__.Split('.').Take(3));
        var dir = TorchBackend.SystemLibTorchDir;
        if (dir is null)
            return (packaged, "NuGet");
        var parent = Path.GetDirectoryName(Path.GetFullPath(dir).TrimEnd('/')) ?? dir;
        var versionPy = Path.Combine(parent, "version.py");
        if (File.Exists(versionPy))
        {
            var line = File.ReadLines(versionPy).FirstOrDefault(l => l.StartsWith("__version__", StringComparison.Ordinal));
            if (line is not null)
                return (line.Split('=', 2)[1].Trim().Trim('\'', '"'), dir);
        }
        var buildVersion = Path.Combine(parent, "build-version");
        if (File.Exists(buildVersion))
            return (File.ReadAllText(buildVersion).Trim(), dir);
        return ($"{packaged} (assumed: {dir} does not state its version)", dir);
    }

    private static string CpuModel()
    {
        const string cpuinfo = "/proc/cpuinfo";
        if (File.Exists(cpuinfo))
        {
            var model = File.ReadLines(cpuinfo).FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal));
            if (model is not null)
                return model.Split(':', 2)[1].Trim();
        }
        return RuntimeInformation.ProcessArchitecture.ToString();
    }

    private static unsafe string CudaRuntimeVersion()
    {
        if (!TryLoadCudaLibrary(["libcudart.so.13", "libcudart.so.12", "libcudart.so"], out var library))
            return "unknown";
        if (!NativeLibrary.TryGetExport(library, "cudaRuntimeGetVersion", out var export))
            return "unknown";
        int version;
        return ((delegate* unmanaged<int*, int>)export)(&version) == 0
            ? string.Create(CultureInfo.InvariantCulture, $"{version / 1000}.{version % 1000 / 10}")
            : "unknown";
    }

    private static unsafe string CudnnVersion()
    {
        if (!TryLoadCudaLibrary(["libcudnn.so.9", "libcudnn.so.8", "libcudnn.so"], out var library))
            return "not found";
        if (!NativeLibrary.TryGetExport(library, "cudnnGetVersion", out var export))
            return "unknown";
        var version = (long)((delegate* unmanaged<nuint>)export)();
        // cuDNN 9 encodes major*10000 + minor*100 + patch; cuDNN 8 used major*1000 + minor*100 + patch.
        var major = version >= 90000 ? version / 10000 : version / 1000;
        var rest = version >= 90000 ? version % 10000 : version % 1000;
        return string.Create(CultureInfo.InvariantCulture, $"{major}.{rest / 100}.{rest % 100}");
    }

    private static bool TryLoadCudaLibrary(string[] names, out IntPtr library)
    {
        foreach (var name in names)
            if (NativeLibrary.TryLoad(name, typeof(torch).Assembly, null, out library))
                return true;
        library = IntPtr.Zero;
        return false;
    }
}

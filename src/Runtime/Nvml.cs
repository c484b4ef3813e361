using System.Runtime.InteropServices;
using System.Text;

namespace GeoAI.Runtime;

/// <summary>
/// The few NVML queries the suite needs (GPU name, driver, memory, utilisation), bound at run time from
/// <c>libnvidia-ml.so.1</c>, which ships with the NVIDIA driver. Absent on machines without one: <see cref="Open"/>
/// then returns null with the reason, and callers say "n/a" instead of failing.
/// </summary>
public sealed unsafe class Nvml : IDisposable
{
    private const int Success = 0;

    [StructLayout(LayoutKind.Sequential)]
    private struct MemoryInfo { public ulong Total, Free, Used; }

    [StructLayout(LayoutKind.Sequential)]
    private struct Utilization { public uint Gpu, Memory; }

    // nvmlProcessInfo_v2_t: what nvmlDeviceGetComputeRunningProcesses_v2 fills.
    [StructLayout(LayoutKind.Sequential)]
    private struct ProcessInfo { public uint Pid; public ulong UsedGpuMemory; public uint GpuInstanceId, ComputeInstanceId; }

    private readonly IntPtr library;
    private readonly IntPtr device;
    private readonly delegate* unmanaged<int> shutdown;
    private readonly delegate* unmanaged<IntPtr, MemoryInfo*, int> getMemoryInfo;
    private readonly delegate* unmanaged<IntPtr, Utilization*, int> getUtilization;
    private readonly delegate* unmanaged<IntPtr, uint*, ProcessInfo*, int> getProcesses;

    public string DeviceName { get; }
    public string DriverVersion { get; }

    private Nvml(IntPtr library, uint index)
    {
        this.library = library;
        shutdown = (delegate* unmanaged<int>)NativeLibrary.GetExport(library, "nvmlShutdown");
        var getHandle = (delegate* unmanaged<uint, IntPtr*, int>)NativeLibrary.GetExport(library, "nvmlDeviceGetHandleByIndex_v2");
        var getName = (delegate* unmanaged<IntPtr, byte*, uint, int>)NativeLibrary.GetExport(library, "nvmlDeviceGetName");
        var getDriver = (delegate* unmanaged<byte*, uint, int>)NativeLibrary.GetExport(library, "nvmlSystemGetDriverVersion");
        getMemoryInfo = (delegate* unmanaged<IntPtr, MemoryInfo*, int>)NativeLibrary.GetExport(library, "nvmlDeviceGetMemoryInfo");
        getUtilization = (delegate* unmanaged<IntPtr, Utilization*, int>)NativeLibrary.GetExport(library, "nvmlDeviceGetUtilizationRates");
        getProcesses = NativeLibrary.TryGetExport(library, "nvmlDeviceGetComputeRunningProcesses_v2", out var processes)
            ? (delegate* unmanaged<IntPtr, uint*, ProcessInfo*, int>)processes
            : null;

        IntPtr handle;
        Check(getHandle(index, &handle), "nvmlDeviceGetHandleByIndex");
        device = handle;
        var buffer = stackalloc byte[96];
        DeviceName = getName(device, buffer, 96) == Success ? Utf8(buffer) : "unknown GPU";
        DriverVersion = getDriver(buffer, 96) == Success ? Utf8(buffer) : "unknown";
    }

    /// <summary>Opens NVML for GPU <paramref name="index"/>; null with <paramref name="reason"/> when unavailable.</summary>
    public static Nvml? Open(out string reason, uint index = 0)
    {
        if (!NativeLibrary.TryLoad("libnvidia-ml.so.1", out var library))
        {
            reason = "NVML (libnvidia-ml.so.1) not found: no NVIDIA driver on this machine";
            return null;
        }
        try
        {
            var init = (delegate* unmanaged<int>)NativeLibrary.GetExport(library, "nvmlInit_v2");
            var status = init();
            if (status != Success)
            {
                reason = $"nvmlInit failed with NVML error {status}";
                return null;
            }
            reason = "";
            return new Nvml(library, index);
        }
        catch (Exception e) when (e is EntryPointNotFoundException or InvalidOperationException)
        {
            reason = $"NVML unusable: {e.Message}";
            return null;
        }
    }

    /// <summary>Memory in use on the whole device, in bytes.</summary>
    public ulong DeviceMemoryUsed()
    {
        MemoryInfo info;
        return getMemoryInfo(device, &info) == Success ? info.Used : 0;
    }

    /// <summary>GPU and memory-controller busy percentages over NVML's last sample period.</summary>
    public (uint Gpu, uint Memory) UtilizationPercent()
    {
        Utilization rates;
        return getUtilization(device, &rates) == Success ? (rates.Gpu, rates.Memory) : (0, 0);
    }

    /// <summary>
    /// GPU memory held by process <paramref name="pid"/> in bytes, or null when the driver cannot say. libtorch's
    /// caching allocator never returns memory, so after a run this is the high-water mark of what it reserved.
    /// </summary>
    public ulong? ProcessMemoryUsed(int pid)
    {
        if (getProcesses is null)
            return null;
        const int capacity = 64;
        var processes = stackalloc ProcessInfo[capacity];
        uint count = capacity;
        if (getProcesses(device, &count, processes) != Success)
            return null;
        for (var i = 0; i < count; i++)
            if (processes[i].Pid == pid)
                return processes[i].UsedGpuMemory;
        return null;
    }

    public void Dispose()
    {
        shutdown();
        NativeLibrary.Free(library);
    }

    private static void Check(int status, string call)
    {
        if (status != Success)
            throw new InvalidOperationException($"{call} failed with NVML error {status}");
    }

    private static string Utf8(byte* text) => Encoding.UTF8.GetString(MemoryMarshal.CreateReadOnlySpanFromNullTerminated(text));
}

using System.Reflection;
using System.Runtime.InteropServices;
using TorchSharp;

namespace GeoAI.Runtime;

/// <summary>
/// The native libtorch this build was compiled for (<c>-p:TorchBackend=cpu|cuda|system</c>) and the one place that
/// loads it. Loading goes through here before any TorchSharp call, so a failure is a message, not a crash or
/// TorchSharp's 600 MB fallback copy of the native folder.
/// </summary>
public static class TorchBackend
{
    /// <summary>cpu, cuda or system, stamped into this assembly at build time.</summary>
    public static string Name { get; } = typeof(TorchBackend).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>()
        .FirstOrDefault(a => a.Key == "GeoAI.TorchBackend")?.Value ?? "cpu";

    /// <summary>For the system backend, the folder libtorch was loaded from; null otherwise.</summary>
    public static string? SystemLibTorchDir { get; private set; }

    private static readonly Lock Gate = new();
    /// <summary>True when loading failed only because the host's libstdc++ is older than libtorch needs.</summary>
    public static bool FailedOnOldLibStdCxx { get; private set; }

    private static string? loadError;
    private static bool loaded;

    /// <summary>Loads the native libraries once; on failure returns false with the loader's own message.</summary>
    public static bool TryLoad(out string error)
    {
        lock (Gate)
        {
            if (!loaded && loadError is null)
            {
                loadError = LoadNative();
                loaded = loadError is null;
            }
            error = loadError ?? "";
            return loaded;
        }
    }

    /// <summary>Loads the native libraries or throws with a message that says what to do.</summary>
    public static void EnsureLoaded()
    {
        if (!TryLoad(out var error))
            throw new InvalidOperationException(error);
    }

    private static string? LoadNative()
    {
        if (Name == "system")
        {
            var located = LibTorchLocator.Locate();
            if (located.Directory is null)
                return located.Explanation;
            SystemLibTorchDir = located.Directory;
            // Loaded by full path, libtorch's libraries are then found by soname when LibTorchSharp asks for them.
            foreach (var library in new[] { "libc10.so", "libtorch_cpu.so", "libc10_cuda.so", "libtorch_cuda.so", "libtorch.so" })
            {
                var path = Path.Combine(located.Directory, library);
                if (!File.Exists(path))
                    continue;
                try { NativeLibrary.Load(path); }
                catch (DllNotFoundException e) { return $"cannot load {path}: {e.Message}"; }
            }
        }

        try
        {
            NativeLibrary.Load("LibTorchSharp", typeof(torch).Assembly, null);
        }
        catch (DllNotFoundException e)
        {
            FailedOnOldLibStdCxx = e.Message.Contains("GLIBCXX", StringComparison.Ordinal);
            return FailedOnOldLibStdCxx
                ? $"{e.Message}\nThis host's libstdc++ is older than libtorch needs (GLIBCXX_3.4.32, GCC 13). " +
                  "Run through ./geoai (or compat.sh exec), which uses a Debian trixie runtime on such hosts."
                : e.Message;
        }
        torch.InitializeDeviceType(DeviceType.CPU);
        return null;
    }

    /// <summary>True when the loaded libtorch was built with CUDA (whether or not a GPU is present).</summary>
    public static bool IsCudaBuild()
    {
        EnsureLoaded();
        return NativeLibrary.TryLoad("libtorch_cuda.so", typeof(torch).Assembly, null, out _);
    }
}

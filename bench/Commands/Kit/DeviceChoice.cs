using GeoAI.Runtime;
using TorchSharp;

namespace GeoAI.Bench.Commands;

/// <summary>What <c>--device</c> asked for; <see cref="DeviceChoices.Resolve"/> turns it into a device that exists here.</summary>
internal enum DeviceChoice
{
    /// <summary>CUDA when it is available, else the CPU.</summary>
    Auto,
    Cpu,
    Cuda,
}

internal static class DeviceChoices
{
    /// <summary>
    /// The device to compute on. Checked when the command runs, not when it parses: whether CUDA is available is known
    /// only once libtorch has loaded. Asking for CUDA where there is none is bad input, with the way out in the message.
    /// </summary>
    public static DeviceType Resolve(this DeviceChoice choice)
    {
        var available = torch.cuda.is_available();
        return choice switch
        {
            DeviceChoice.Cpu => DeviceType.CPU,
            DeviceChoice.Auto => available ? DeviceType.CUDA : DeviceType.CPU,
            DeviceChoice.Cuda when available => DeviceType.CUDA,
            DeviceChoice.Cuda => throw new UsageException(
                $"--device cuda, but CUDA is not available here ({RuntimeInfo.Current.Build} build of libtorch, " +
                $"TorchBackend={RuntimeInfo.Current.Backend}); use --device cpu, or build with -p:TorchBackend=cuda on a " +
                "machine with an NVIDIA GPU (`./geoai info` says what loaded)"),
            _ => throw new ArgumentOutOfRangeException(nameof(choice), choice, null),
        };
    }
}

using System.CommandLine;

namespace GeoAI.Bench.Commands;

/// <summary><c>info</c>: prints the runtime line (libtorch, build, CUDA, device, cuDNN) and exits.</summary>
internal sealed class InfoCommand() : SubCommand("info", "Print which libtorch loaded, its build, CUDA and cuDNN, and the device.",
    needsLibTorch: true)
{
    /// <summary>Nothing to do: the runtime line is printed before every command that loads libtorch.</summary>
    protected override int Run(ParseResult parse) => ExitCode.Ok;
}

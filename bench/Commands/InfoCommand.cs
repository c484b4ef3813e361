using System.CommandLine;

namespace GeoAI.Bench.Commands;

/// <summary><c>info</c>: prints the runtime line (libtorch, build, CUDA, device, cuDNN) and exits.</summary>
internal static class InfoCommand
{
    public static SubCommand Definition { get; } = new(Create(), NeedsLibTorch: true);

    private static Command Create()
    {
        var command = new Command("info", "Print which libtorch loaded, its build, CUDA and cuDNN, and the device.");
        command.SetAction(_ => 0); // the runtime line is printed before every command that loads libtorch
        return command;
    }
}

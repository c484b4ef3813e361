using System.CommandLine;

namespace GeoAI.Bench.Commands;

/// <summary>
/// <c>weights</c>: the group of weights-file commands; alone it only says which subcommand to give (exit 2).
/// </summary>
internal sealed class WeightsCommand : SubCommand
{
    public WeightsCommand()
        : base("weights", "Weights files: convert torchvision's .pth and .safetensors into each other.", needsLibTorch: false) =>
        Command.Subcommands.Add(new WeightsConvertCommand().Command);

    protected override int Run(ParseResult parse)
    {
        Console.Error.WriteLine("error: weights needs a subcommand: weights convert IN OUT");
        return ExitCode.BadInput;
    }
}

using System.CommandLine;
using GeoAI.Models;

namespace GeoAI.Bench.Commands;

/// <summary>
/// <c>weights convert IN OUT</c>: a weights file from .pth/.pt to .safetensors or back, value for value, with the checks
/// loading makes; OUT appears only once written, read back and compared. Exit 2 on a bad input file or name, 1 when
/// OUT cannot be written. Needs no libtorch.
/// </summary>
internal static class WeightsCommand
{
    private static readonly Argument<string> Input = new("IN")
    {
        Description = $"The weights file to read ({WeightsFormats.Extensions}), or {TorchvisionWeights.CacheName} for " +
                      "torchvision's VGG11-BN file where torch.hub keeps it",
    };

    private static readonly Argument<string> Output = new("OUT")
    {
        Description = "The file to write; its extension chooses the format (.safetensors, or .pth/.pt for torch.save's zip)",
    };

    public static SubCommand Definition { get; } = new(Create(), NeedsLibTorch: false);

    private static Command Create()
    {
        var convert = new Command("convert", "Convert weights between .pth/.pt and .safetensors, value for value; OUT appears only when verified.");
        convert.Arguments.Add(Input);
        convert.Arguments.Add(Output);
        convert.Action = new ConvertAction();
        var command = new Command("weights", "Weights files: convert torchvision's .pth and .safetensors into each other.");
        command.Subcommands.Add(convert);
        command.Action = new NoSubcommandAction();
        return command;
    }

    private sealed class ConvertAction : BadCommandLineExitsTwo
    {
        protected override int Run(ParseResult parseResult)
        {
            var output = parseResult.GetValue(Output)!;
            try
            {
                Console.WriteLine(WeightsConverter.Convert(ModelWeights.Locate(parseResult.GetValue(Input)!), output).Describe());
                return 0;
            }
            catch (WeightsFileException e)
            {
                Console.Error.WriteLine($"error: {e.Message}");
                return 2;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                Console.Error.WriteLine($"error: {output} could not be written: {e.Message}");
                return 1;
            }
        }
    }

    private sealed class NoSubcommandAction : BadCommandLineExitsTwo
    {
        protected override int Run(ParseResult parseResult)
        {
            Console.Error.WriteLine("error: weights needs a subcommand: weights convert IN OUT");
            return 2;
        }
    }
}

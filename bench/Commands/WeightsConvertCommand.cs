using System.CommandLine;
using GeoAI.Models;
using GeoAI.Report;

namespace GeoAI.Bench.Commands;

/// <summary>
/// <c>weights convert IN OUT</c>: a weights file from .pth/.pt to .safetensors or back, value for value, with the checks
/// loading makes; OUT appears only once written, read back and compared. Exit 2 on a bad input file or name, or when OUT
/// cannot be written. Needs no libtorch.
/// </summary>
internal sealed class WeightsConvertCommand : SubCommand
{
    private readonly Argument<string> input = new("IN")
    {
        Description = $"The weights file to read ({WeightsFormats.Extensions}), or {TorchvisionWeights.CacheName} for " +
                      "torchvision's VGG11-BN file where torch.hub keeps it",
    };

    private readonly Argument<string> output = new("OUT")
    {
        Description = "The file to write; its extension chooses the format (.safetensors, or .pth/.pt for torch.save's zip)",
    };

    public WeightsConvertCommand()
        : base("convert", "Convert weights between .pth/.pt and .safetensors, value for value; OUT appears only when verified.",
            needsLibTorch: false)
    {
        Command.Arguments.Add(input.RefusingOptions());
        Command.Arguments.Add(output.RefusingOptions());
    }

    protected override int Run(ParseResult parse)
    {
        var target = parse.GetValue(output)!;
        try
        {
            Console.WriteLine(WeightsConverter.Convert(ModelWeights.Locate(parse.GetValue(input)!), target).Describe());
            return ExitCode.Ok;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new OutputException($"{Path.GetFullPath(target)}: could not be written: {e.Message}", e);
        }
    }
}

using System.CommandLine;
using System.Globalization;
using GeoAI.Models;

namespace GeoAI.Bench.Commands;

/// <summary>
/// <c>summary --model cnn|vgg11bn [--mode frozen|full] [--classes N]</c>: the torchsummary table of a freshly created
/// model (the chapter's tables for cnn and for vgg11bn in its default, frozen mode), then its forward FLOPs. Needs no data.
/// </summary>
internal sealed class SummaryCommand : SubCommand
{
    private readonly ModelOptions model = CommonOptions.Model(defaultModel: null);

    private readonly Option<int> classes =
        new Option<int>("--classes") { Description = "Number of output classes", DefaultValueFactory = _ => 10 }.AtLeast(1);

    public SummaryCommand()
        : base("summary", "Print a model's layer table in torchsummary's format, as the chapter shows it.", needsLibTorch: true)
    {
        Add(model.Model, model.Mode, classes);
    }

    protected override int Run(ParseResult parse)
    {
        var spec = model.SpecOf(parse);
        var count = parse.GetValue(classes);
        using var created = spec.Create(count, model.ModeOf(parse), seed: 0);
        Console.Write(ModelSummary.Of(created, spec.InputShape).ToText());
        var flops = spec.ForwardFlops(count);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Forward FLOPs per image: {flops:N0} ({flops / 1e9:F3} GFLOPs; multiply-adds of convolutions and linear layers, 2 FLOPs each)"));
        return ExitCode.Ok;
    }
}

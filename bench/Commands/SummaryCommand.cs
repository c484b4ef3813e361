using System.CommandLine;
using System.Globalization;
using GeoAI.Models;

namespace GeoAI.Bench.Commands;

/// <summary>
/// <c>summary --model cnn|vgg11bn [--mode frozen|full] [--classes N]</c>: the torchsummary table of a freshly created
/// model (the chapter's tables for cnn and for vgg11bn in its default, frozen mode), then its forward FLOPs. Needs no data.
/// </summary>
internal static class SummaryCommand
{
    public static SubCommand Definition { get; } = new(Create(), NeedsLibTorch: true);

    private static Command Create()
    {
        var model = new Option<string>("--model")
        {
            Description = $"Model to summarise: {string.Join(", ", ModelRegistry.All.Select(spec => spec.Name))}.",
            Required = true,
        };
        var mode = new Option<string?>("--mode")
        {
            Description = "Training mode, which decides the trainable count: frozen or full (default: the model's first mode, " +
                          "frozen for vgg11bn as in the chapter, full for cnn).",
        };
        var classes = new Option<int>("--classes")
        {
            Description = "Number of output classes.",
            DefaultValueFactory = _ => 10,
        };
        var command = new Command("summary", "Print a model's layer table in torchsummary's format, as the chapter shows it.");
        command.Options.Add(model);
        command.Options.Add(mode);
        command.Options.Add(classes);
        command.SetAction(parsed => Run(parsed.GetValue(model)!, parsed.GetValue(mode), parsed.GetValue(classes)));
        return command;
    }

    private static int Run(string modelName, string? modeName, int classes)
    {
        IModelSpec spec;
        try
        {
            spec = ModelRegistry.Get(modelName);
        }
        catch (ArgumentException e)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return 2;
        }
        var modes = spec.Modes.Where(m => modeName is null || m.ToString().Equals(modeName, StringComparison.OrdinalIgnoreCase)).ToList();
        if (modes.Count == 0)
        {
            Console.Error.WriteLine($"error: model '{spec.Name}' has no mode '{modeName}'; its modes: " +
                                    string.Join(", ", spec.Modes.Select(m => m.ToString().ToLowerInvariant())));
            return 2;
        }
        var mode = modes[0];
        if (classes < 1)
        {
            Console.Error.WriteLine($"error: --classes must be at least 1, not {classes}");
            return 2;
        }

        using var created = spec.Create(classes, mode, seed: 0);
        Console.Write(ModelSummary.Of(created, spec.InputShape).ToText());
        var flops = spec.ForwardFlops(classes);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Forward FLOPs per image: {flops:N0} ({flops / 1e9:F3} GFLOPs; multiply-adds of convolutions and linear layers, 2 FLOPs each)"));
        return 0;
    }
}

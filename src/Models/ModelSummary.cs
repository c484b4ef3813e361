using System.Globalization;
using System.Text;
using GeoAI.Runtime;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace GeoAI.Models;

/// <summary>One row of the summary: a layer call, its output shape (batch as -1), and its weight and bias count.</summary>
/// <param name="Layer">Type name and 1-based call index, e.g. "Conv2d-1".</param>
/// <param name="OutputShape">The output shape with the batch dimension written as -1.</param>
/// <param name="Parameters">Elements of the layer's own <c>weight</c> and <c>bias</c>.</param>
/// <param name="Trainable">Whether its weight requires grad; null for a layer without weight (never counted trainable).</param>
public sealed record SummaryRow(string Layer, IReadOnlyList<long> OutputShape, long Parameters, bool? Trainable);

/// <summary>
/// The table torchsummary's <c>summary(model, input_size)</c> prints, computed the same way: a forward hook on every
/// module except containers and the model itself records one row per call (a module called twice, like the CNN's
/// pool, gives two rows; functional ReLUs give none), a row's parameters are its own weight and bias, and the sizes
/// assume 4 bytes a number: input = prod(input)·4/1024², forward/backward = 2·Σ row outputs·4/1024², params = total·4/1024².
/// </summary>
public sealed class ModelSummary
{
    private const string Rule = "----------------------------------------------------------------";
    private const string DoubleRule = "================================================================";
    private const double BytesPerMb = 1024.0 * 1024.0;

    public IReadOnlyList<SummaryRow> Rows { get; }

    /// <summary>Input of one sample, without the batch dimension.</summary>
    public IReadOnlyList<long> InputShape { get; }

    private ModelSummary(IReadOnlyList<SummaryRow> rows, IReadOnlyList<long> inputShape)
    {
        Rows = rows;
        InputShape = inputShape;
    }

    public long TotalParameters => Rows.Sum(row => row.Parameters);

    public long TrainableParameters => Rows.Where(row => row.Trainable == true).Sum(row => row.Parameters);

    public long NonTrainableParameters => TotalParameters - TrainableParameters;

    public double InputSizeMb => Product(InputShape) * 4 / BytesPerMb;

    /// <summary>Every row's output for one sample, twice (activations and their gradients).</summary>
    public double ForwardBackwardSizeMb => 2.0 * Rows.Sum(row => Product(row.OutputShape.Skip(1))) * 4 / BytesPerMb;

    public double ParametersSizeMb => TotalParameters * 4 / BytesPerMb;

    public double EstimatedTotalSizeMb => InputSizeMb + ForwardBackwardSizeMb + ParametersSizeMb;

    /// <summary>
    /// Runs one forward pass of a batch of 2 zero images of <paramref name="inputShape"/> through
    /// <paramref name="model"/> with hooks attached. The pass runs without grad and in eval mode, and every module's
    /// training flag is restored afterwards, so the model (batch-norm running statistics included) is left unchanged.
    /// </summary>
    public static ModelSummary Of(nn.Module<Tensor, Tensor> model, IReadOnlyList<long> inputShape)
    {
        TorchBackend.EnsureLoaded();
        var rows = new List<SummaryRow>();
        var hooked = model.named_modules().Select(named => named.module)
            .Where(module => module is not Sequential && !IsModuleList(module))
            .OfType<nn.Module<Tensor, Tensor>>()
            .Select(module => module.register_forward_hook((layer, _, output) =>
            {
                rows.Add(RowOf(layer, output, rows.Count + 1));
                return output;
            }))
            .ToList();
        var trainingFlags = model.modules().Prepend(model).Select(module => (module, module.training)).ToList();
        try
        {
            using var scope = NewDisposeScope();
            using var noGrad = no_grad();
            model.eval();
            var device = model.parameters().FirstOrDefault()?.device ?? CPU;
            model.call(zeros([2, .. inputShape], device: device));
        }
        finally
        {
            // Parents come before their children in this list, so a parent's recursive train() never wins.
            foreach (var (module, training) in trainingFlags)
                module.train(training);
            foreach (var hook in hooked)
                hook.remove();
        }
        return new ModelSummary(rows, [.. inputShape]);
    }

    /// <summary>The table exactly as torchsummary prints it, lines ending in '\n'.</summary>
    public string ToText()
    {
        var text = new StringBuilder();
        text.Append(Rule).Append('\n');
        text.Append(Columns("Layer (type)", "Output Shape", "Param #")).Append('\n');
        text.Append(DoubleRule).Append('\n');
        foreach (var row in Rows)
            text.Append(Columns(row.Layer, $"[{string.Join(", ", row.OutputShape)}]", Thousands(row.Parameters))).Append('\n');
        text.Append(DoubleRule).Append('\n');
        text.Append($"Total params: {Thousands(TotalParameters)}\n");
        text.Append($"Trainable params: {Thousands(TrainableParameters)}\n");
        text.Append($"Non-trainable params: {Thousands(NonTrainableParameters)}\n");
        text.Append(Rule).Append('\n');
        text.Append($"Input size (MB): {Megabytes(InputSizeMb)}\n");
        text.Append($"Forward/backward pass size (MB): {Megabytes(ForwardBackwardSizeMb)}\n");
        text.Append($"Params size (MB): {Megabytes(ParametersSizeMb)}\n");
        text.Append($"Estimated Total Size (MB): {Megabytes(EstimatedTotalSizeMb)}\n");
        text.Append(Rule).Append('\n');
        return text.ToString();
    }

    private static SummaryRow RowOf(nn.Module layer, Tensor output, int index)
    {
        var own = layer.named_parameters(recurse: false).ToDictionary(named => named.name, named => named.parameter);
        own.TryGetValue("weight", out var weight);
        own.TryGetValue("bias", out var bias);
        var parameters = (weight?.numel() ?? 0) + (bias?.numel() ?? 0);
        long[] shape = [-1, .. output.shape.Skip(1)];
        return new SummaryRow($"{layer.GetType().Name}-{index}", shape, parameters, weight?.requires_grad);
    }

    private static bool IsModuleList(nn.Module module) =>
        module.GetType().IsGenericType && module.GetType().GetGenericTypeDefinition() == typeof(ModuleList<>);

    private static double Product(IEnumerable<long> values) => values.Aggregate(1.0, (product, value) => product * value);

    // torchsummary's "{:>20}  {:>25} {:>15}".
    private static string Columns(string layer, string shape, string parameters) =>
        $"{layer,20}  {shape,25} {parameters,15}";

    private static string Thousands(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string Megabytes(double value) => value.ToString("F2", CultureInfo.InvariantCulture);
}

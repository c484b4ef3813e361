using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace GeoAI.Training;

/// <summary>
/// Which parts of a model compute in bfloat16 under <see cref="Precision.Bf16"/>: every module without submodules
/// (convolutions, linear layers, activations, pooling, dropout) except the normalisation layers. Those keep fp32
/// parameters and running statistics and take bf16 activations, as under PyTorch's autocast, where the model's own
/// parameters stay fp32 and batch norm is not on the list of ops cast to bf16 (libtorch's mixed-type batch norm then
/// accumulates in fp32 and returns the input's dtype).
/// </summary>
public static class Bf16Model
{
    /// <summary>The modules <see cref="Convert"/> turns to bf16, with their names in the model.</summary>
    public static IReadOnlyList<(string Name, nn.Module Module)> Modules(nn.Module model) =>
        model.named_modules()
            .Where(m => !m.module.children().Any() && m.module is not (NormBase or LayerNorm or GroupNorm))
            .Select(m => (m.name, m.module))
            .ToList();

    /// <summary>Turns the parameters and buffers of <see cref="Modules"/> to bf16, in place; the rest stays as it is.</summary>
    public static void Convert(nn.Module model)
    {
        foreach (var (_, module) in Modules(model))
            module.to(ScalarType.BFloat16);
    }
}

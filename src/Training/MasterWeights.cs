using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace GeoAI.Training;

/// <summary>
/// Mixed-precision training the standard way, without autocast (TorchSharp 0.107 has none): the model's own parameters
/// become the bf16 working copy that forward and backward use (<see cref="Bf16Model"/>), and this keeps an fp32 master
/// copy of each trainable one, taken before the conversion. The optimiser updates the masters, so its state (momentum)
/// is fp32 too. Each step: the bf16 gradients are widened into the masters' gradients, the optimiser steps, and the
/// masters are rounded back into the working weights. Normalisation layers stay fp32 in the model, so their trainable
/// parameters go to the optimiser as they are. No loss scaling: bf16 has fp32's exponent range, so small gradients
/// do not underflow as fp16's would.
/// </summary>
public sealed class MasterWeights : IDisposable
{
    private readonly List<(string Name, Parameter Working, Parameter Master)> pairs;

    private MasterWeights(List<(string, Parameter, Parameter)> pairs, IReadOnlyList<Parameter> optimizerParameters)
    {
        this.pairs = pairs;
        OptimizerParameters = optimizerParameters;
    }

    /// <summary>What the optimiser updates: the fp32 masters and the trainable parameters that stayed fp32.</summary>
    public IReadOnlyList<Parameter> OptimizerParameters { get; }

    /// <summary>The fp32 master of each trainable bf16 parameter, by its name in the model.</summary>
    public IReadOnlyDictionary<string, Parameter> Masters => pairs.ToDictionary(p => p.Name, p => p.Master);

    /// <summary>Converts <paramref name="model"/> to bf16 (<see cref="Bf16Model.Convert"/>) and keeps fp32 masters of what it converted.</summary>
    public static MasterWeights Convert(nn.Module model)
    {
        var masters = new Dictionary<string, Parameter>();
        foreach (var (moduleName, module) in Bf16Model.Modules(model))
            foreach (var (name, parameter) in module.named_parameters().Where(p => p.parameter.requires_grad))
            {
                using var detached = parameter.detach();
                masters[moduleName.Length == 0 ? name : $"{moduleName}.{name}"] = new Parameter(detached.clone());
            }
        Bf16Model.Convert(model);

        var pairs = new List<(string, Parameter, Parameter)>();
        var optimizerParameters = new List<Parameter>();
        foreach (var (name, parameter) in model.named_parameters().Where(p => p.parameter.requires_grad))
        {
            if (masters.TryGetValue(name, out var master))
                pairs.Add((name, parameter, master));
            optimizerParameters.Add(master ?? parameter);
        }
        return new MasterWeights(pairs, optimizerParameters);
    }

    /// <summary>Before backward: the working weights' gradients start from zero (the optimiser zeroes only the masters').</summary>
    public void ZeroWorkingGradients()
    {
        foreach (var (_, working, _) in pairs)
        {
            using var gradient = working.grad;
            gradient?.zero_();
        }
    }

    /// <summary>After backward: each master's gradient is its working weight's, widened to fp32.</summary>
    public void GradientsToMasters()
    {
        using var noGrad = no_grad();
        foreach (var (_, working, master) in pairs)
        {
            using var gradient = working.grad;
            if (gradient is null)
                continue; // not reached by backward: the master keeps what the optimiser's zero_grad left
            using var widened = gradient.to(ScalarType.Float32);
            master.grad = widened;
        }
    }

    /// <summary>After the optimiser step: the updated masters, rounded to bf16, become the working weights.</summary>
    public void MastersToWorking()
    {
        using var noGrad = no_grad();
        foreach (var (_, working, master) in pairs)
            working.copy_(master); // returns the parameter itself: not to be disposed
    }

    public void Dispose()
    {
        foreach (var (_, _, master) in pairs)
            master.Dispose();
    }
}

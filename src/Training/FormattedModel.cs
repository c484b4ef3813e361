using TorchSharp;
using static TorchSharp.torch;

namespace GeoAI.Training;

/// <summary>
/// A model put into a <see cref="ComputeFormat"/> for as long as this lives: its convolution weights re-laid in
/// channels-last, its modules in bf16 (with fp32 <see cref="Masters"/> when it is to be trained), TF32 allowed on CUDA
/// (<see cref="Tf32Mode"/>, put back on dispose). Inputs go through <see cref="Forward"/>, which lays them out and casts
/// them as the model needs (an input laid out beforehand with <see cref="ComputeFormat.Layout"/> is not copied again)
/// and returns fp32 logits, so the loss is computed in fp32.
/// </summary>
public sealed class FormattedModel : IDisposable
{
    private readonly nn.Module<Tensor, Tensor> model;
    private readonly Tf32Mode? tf32;

    private FormattedModel(nn.Module<Tensor, Tensor> model, ComputeFormat format, MasterWeights? masters, Tf32Mode? tf32)
    {
        this.model = model;
        Format = format;
        Masters = masters;
        this.tf32 = tf32;
    }

    public ComputeFormat Format { get; }

    /// <summary>The fp32 master weights of a bf16 model made for training; null otherwise.</summary>
    public MasterWeights? Masters { get; }

    /// <summary>
    /// Converts <paramref name="model"/> (already on its device) in place. <paramref name="forTraining"/> keeps fp32
    /// master weights of what becomes bf16; inference needs none.
    /// </summary>
    /// <exception cref="ArgumentException">The format cannot run on the model's device (TF32 on a CPU).</exception>
    public static FormattedModel Apply(nn.Module<Tensor, Tensor> model, ComputeFormat format, bool forTraining)
    {
        var onCuda = model.parameters().Any(p => p.device_type == DeviceType.CUDA);
        if (format.WhyNotOn(onCuda) is { } reason)
            throw new ArgumentException(reason, nameof(format));
        if (format.MemoryFormat == MemoryFormat.ChannelsLast)
            ChannelsLast.Apply(model);
        MasterWeights? masters = null;
        if (format.Precision == Precision.Bf16)
        {
            if (forTraining)
                masters = MasterWeights.Convert(model);
            else
                Bf16Model.Convert(model);
        }
        return new FormattedModel(model, format, masters, format.Precision == Precision.Tf32 ? new Tf32Mode() : null);
    }

    /// <summary>The model's logits for <paramref name="x"/>, in fp32 whatever the model computes in.</summary>
    public Tensor Forward(Tensor x)
    {
        if (Format is { Precision: Precision.Fp32 or Precision.Tf32, MemoryFormat: MemoryFormat.Contiguous })
            return model.call(x);
        using var scope = NewDisposeScope();
        var input = Format.Layout(x);
        if (Format.Precision == Precision.Bf16)
            input = input.to(ScalarType.BFloat16);
        return model.call(input).to(ScalarType.Float32).MoveToOuterDisposeScope();
    }

    public void Dispose()
    {
        tf32?.Dispose();
        Masters?.Dispose();
    }
}

using TorchSharp;
using static TorchSharp.torch;

namespace GeoAI.Training;

/// <summary>
/// <see cref="MemoryFormat.ChannelsLast"/> for tensors and models. TorchSharp 0.107 has the <c>memory_format</c> enum but
/// neither <c>Tensor.contiguous(memory_format)</c> nor <c>Module.to(memory_format)</c>, so the layout is made the way
/// libtorch defines it: NHWC order made dense by <c>permute(0, 2, 3, 1).contiguous()</c>, then viewed back as NCHW, which
/// gives exactly the strides <c>x.contiguous(memory_format=torch.channels_last)</c> gives in PyTorch.
/// </summary>
public static class ChannelsLast
{
    /// <summary>True for a 4-D tensor whose strides are channels-last (an NHWC-dense tensor seen as NCHW).</summary>
    public static bool Is(Tensor x)
    {
        if (x.dim() != 4)
            return false;
        using var nhwc = x.permute(0, 2, 3, 1);
        return nhwc.is_contiguous();
    }

    /// <summary>
    /// <paramref name="x"/> (4-D) in channels-last layout: a copy, or a new view of the same memory when it is channels-last
    /// already. The caller owns the result.
    /// </summary>
    public static Tensor Of(Tensor x)
    {
        if (x.dim() != 4)
            throw new ArgumentException($"channels-last needs a 4-D tensor, not one of shape [{string.Join(", ", x.shape)}]", nameof(x));
        using var nhwc = x.permute(0, 2, 3, 1);
        using var dense = nhwc.contiguous();
        return dense.permute(0, 3, 1, 2);
    }

    /// <summary>
    /// Re-lays every 4-D parameter (the convolution weights) of <paramref name="model"/> in channels-last, in place: the
    /// parameters stay the same objects (an optimiser made before still holds them), as PyTorch's
    /// <c>model.to(memory_format=torch.channels_last)</c> leaves them.
    /// </summary>
    public static void Apply(nn.Module model)
    {
        using var noGrad = no_grad();
        foreach (var parameter in model.parameters().Where(p => p.dim() == 4))
        {
            using var relaid = Of(parameter);
            parameter.set_(relaid); // returns the parameter itself: not to be disposed
        }
    }
}

namespace GeoAI.Models;

/// <summary>
/// Forward floating-point operations of the layers that dominate: a multiply-add counts as 2 FLOPs, and only the
/// multiply-adds of convolution and linear weights are counted. Bias additions, batch norm, ReLU, pooling, dropout and
/// flattening are left out (together well under 1% of either model), so every count can be redone by hand.
/// </summary>
public static class Flops
{
    /// <summary>2 · C_in · k² · C_out · H_out · W_out: one k×k×C_in dot product per output element.</summary>
    public static long Conv2d(long inChannels, long outChannels, long kernelSize, long outHeight, long outWidth) =>
        2 * inChannels * kernelSize * kernelSize * outChannels * outHeight * outWidth;

    /// <summary>2 · in · out: one dot product of length <paramref name="inFeatures"/> per output feature.</summary>
    public static long Linear(long inFeatures, long outFeatures) => 2 * inFeatures * outFeatures;
}

namespace GeoAI.Training;

/// <summary>How the 4-D tensors of a model (convolution weights) and of its inputs lie in memory (<see cref="ComputeFormat"/>).</summary>
public enum MemoryFormat
{
    /// <summary>NCHW, libtorch's default: each channel's plane is contiguous.</summary>
    Contiguous,

    /// <summary>
    /// NHWC strides behind the same NCHW shape (PyTorch's <c>torch.channels_last</c>): a pixel's channels are contiguous,
    /// the layout oneDNN and cuDNN tensor-core kernels prefer.
    /// </summary>
    ChannelsLast,
}

using TorchSharp;
using static TorchSharp.torch;

namespace GeoAI.Data;

/// <summary>How a batch reaches the device (the data path the benchmarks sweep).</summary>
public enum LoaderKind
{
    /// <summary>The whole uint8 cache uploaded once; shuffle, gather and normalise happen on the device.</summary>
    GpuResident,

    /// <summary>Batches assembled and normalised on the CPU by W workers (0 = the caller), then copied: the chapter's path.</summary>
    Host,

    /// <summary>Host workers fill pinned buffers; non-blocking copies of batch k+1 overlap the step on batch k.</summary>
    HostPinnedPrefetch,
}

/// <summary>How a batch source is built. Seed drives the per-epoch shuffle.</summary>
public sealed record LoaderOptions(
    LoaderKind Kind,
    int BatchSize,
    int Workers = 0,
    int PrefetchDepth = 2,
    bool Shuffle = true,
    long Seed = 42);

/// <summary>
/// Batches for one epoch at a time, on a given device: x float32 [B,3,64,64] normalised as x/255*2-1, y int64 [B].
/// The yielded tensors belong to the caller, who disposes them (a dispose scope per step does). They come out of every
/// dispose scope (even one the caller had open while the loader made them), so dispose them or attach them to the
/// step's scope: <c>using var scope = torch.NewDisposeScope(); scope.Attach(x, y);</c>. The last batch of an
/// epoch may be smaller, as with PyTorch's DataLoader default. Breaking out of an epoch early is allowed.
/// </summary>
public interface IBatchSource : IDisposable
{
    LoaderOptions Options { get; }

    Device Device { get; }

    int SampleCount { get; }

    int BatchesPerEpoch { get; }

    /// <summary>One line for logs and reports, e.g. "host, 2 workers" or "pinned prefetch inactive on CPU".</summary>
    string Description { get; }

    IEnumerable<(Tensor X, Tensor Y)> Epoch(int epoch);
}

using GeoAI.Runtime;
using static TorchSharp.torch;

namespace GeoAI.Data;

/// <summary>
/// What the three loaders share: the samples (positions into <see cref="EuroSatData"/>), the per-epoch order from
/// <see cref="EpochOrder"/> and its split into batches, and a lease that keeps the mapped cache alive while they live.
/// </summary>
internal abstract class BatchSourceBase : IBatchSource
{
    private readonly IDisposable lease;
    private int disposed;

    protected BatchSourceBase(EuroSatData data, IReadOnlyList<int> indices, Device device, LoaderOptions options)
    {
        TorchBackend.EnsureLoaded();
        Data = data;
        Samples = indices.ToArray();
        Device = device;
        Options = options;
        lease = data.LeaseMapping();
    }

    public LoaderOptions Options { get; }

    public Device Device { get; }

    public int SampleCount => Samples.Length;

    public int BatchesPerEpoch => (SampleCount + Options.BatchSize - 1) / Options.BatchSize;

    public abstract string Description { get; }

    protected EuroSatData Data { get; }

    /// <summary>Data-set indices of the samples, in the order given.</summary>
    protected int[] Samples { get; }

    protected bool IsDisposed => Volatile.Read(ref disposed) != 0;

    public abstract IEnumerable<(Tensor X, Tensor Y)> Epoch(int epoch);

    /// <summary>The data-set indices of this epoch's samples in visiting order; batch k is [k*B, (k+1)*B).</summary>
    protected int[] EpochSamples(int epoch)
    {
        ObjectDisposedException.ThrowIf(IsDisposed, this);
        var order = EpochOrder.For(SampleCount, Options.Seed, epoch, Options.Shuffle);
        var samples = new int[order.Length];
        for (var i = 0; i < order.Length; i++)
            samples[i] = Samples[order[i]];
        return samples;
    }

    /// <summary>Batch <paramref name="batch"/> of an epoch's visiting order.</summary>
    protected ReadOnlySpan<int> BatchOf(int[] epochSamples, int batch)
    {
        var start = batch * Options.BatchSize;
        return epochSamples.AsSpan(start, Math.Min(Options.BatchSize, epochSamples.Length - start));
    }

    protected string DeviceName => Device.ToString();

    public void Dispose()
    {
        if (Interlocked.Exchange(ref disposed, 1) != 0)
            return;
        DisposeResources();
        lease.Dispose();
    }

    /// <summary>Stops running epochs and frees what the loader owns; the mapping lease is released afterwards.</summary>
    protected abstract void DisposeResources();
}

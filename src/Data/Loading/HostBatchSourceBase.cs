using System.Collections.Concurrent;
using static TorchSharp.torch;

namespace GeoAI.Data;

/// <summary>
/// The CPU side of the two host loaders: one epoch's batches assembled by <see cref="HostBatch"/>, in the caller
/// (0 workers) or by <see cref="EpochWorkers"/>, optionally copied into pinned memory by the worker that made them.
/// </summary>
internal abstract unsafe class HostBatchSourceBase : BatchSourceBase
{
    private readonly ConcurrentDictionary<EpochWorkers, byte> running = new();
    private readonly Action<int>? beforeBatch;

    /// <param name="beforeBatch">Called with the batch number before each batch is assembled (tests inject faults here).</param>
    protected HostBatchSourceBase(EuroSatData data, IReadOnlyList<int> indices, Device device, LoaderOptions options,
        Action<int>? beforeBatch)
        : base(data, indices, device, options)
    {
        this.beforeBatch = beforeBatch;
    }

    protected string WorkersText => Options.Workers == 0 ? "in the caller (0 workers)" : $"{Options.Workers} workers, prefetch {Options.PrefetchDepth}";

    /// <summary>The epoch's batches on the CPU, in order; each belongs to whoever takes it from the sequence.</summary>
    protected IEnumerable<(Tensor X, Tensor Y)> HostBatches(int epoch, bool pin)
    {
        var samples = EpochSamples(epoch);
        if (Options.Workers == 0)
        {
            for (var batch = 0; batch < BatchesPerEpoch; batch++)
            {
                ObjectDisposedException.ThrowIf(IsDisposed, this);
                yield return Produce(samples, batch, pin);
            }
            yield break;
        }

        using var workers = new EpochWorkers(Options.Workers, Options.PrefetchDepth, BatchesPerEpoch, batch => Produce(samples, batch, pin));
        running[workers] = 0;
        try
        {
            for (var batch = 0; batch < BatchesPerEpoch; batch++)
                yield return workers.Take(batch);
        }
        finally
        {
            running.TryRemove(workers, out _);
        }
    }

    protected override void DisposeResources()
    {
        foreach (var workers in running.Keys)
            workers.Dispose();
    }

    private (Tensor X, Tensor Y) Produce(int[] samples, int batch, bool pin)
    {
        beforeBatch?.Invoke(batch);
        var (x, y) = HostBatch.Assemble(Data.ImagePointer, Data.LabelPointer, BatchOf(samples, batch));
        if (!pin)
            return (x, y);
        using (x)
        using (y)
            return (x.pin_memory().DetachFromDisposeScope(), y.pin_memory().DetachFromDisposeScope());
    }
}

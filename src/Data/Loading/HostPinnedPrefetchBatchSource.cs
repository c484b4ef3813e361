using TorchSharp;
using static TorchSharp.torch;

namespace GeoAI.Data;

/// <summary>
/// Host batches, but the worker that makes a batch also copies it into pinned (page-locked) memory, and the caller
/// issues non-blocking copies to the device <c>PrefetchDepth</c> batches ahead of the one it yields, so the copy of
/// batch k+1 is queued before the step on batch k starts. TorchSharp exposes no side CUDA streams, so the copies are
/// queued on the current stream: the host never waits for them, the GPU runs them in order with the steps.
/// A pinned batch is released right after its copy is issued; libtorch's caching host allocator records an event for
/// every non-blocking copy and does not hand that pinned block out again until the copy has finished, so a buffer is
/// never overwritten while it is being read. Pinning needs CUDA (<c>pin_memory()</c> throws on a CPU build): on a CPU
/// device nothing is pinned or copied, the batches are the host loader's, and <see cref="Description"/> says so. Tests run
/// the in-flight queue on a CPU device (unpinned, each <c>.to()</c> a no-op) to cover its ordering and its disposal.
/// </summary>
internal sealed class HostPinnedPrefetchBatchSource : HostBatchSourceBase
{
    /// <param name="queueOnCpu">Run the in-flight queue even on a CPU device, without pinning (tests cover it that way).</param>
    public HostPinnedPrefetchBatchSource(EuroSatData data, IReadOnlyList<int> indices, Device device, LoaderOptions options,
        Action<int>? beforeBatch = null, bool queueOnCpu = false)
        : base(data, indices, device, options, beforeBatch)
    {
        PinningActive = device.type == DeviceType.CUDA && cuda.is_available();
        queueActive = PinningActive || queueOnCpu;
    }

    private readonly bool queueActive;

    /// <summary>True when batches really are pinned and copied asynchronously (a CUDA device).</summary>
    public bool PinningActive { get; }

    public override string Description => PinningActive
        ? $"host + pinned prefetch, {WorkersText}, {Options.PrefetchDepth} non-blocking copies to {DeviceName} in flight"
        : $"host + pinned prefetch, {WorkersText}: pinned memory and async copies inactive on {DeviceName} (they need CUDA), runs as the host loader";

    public override IEnumerable<(Tensor X, Tensor Y)> Epoch(int epoch)
    {
        if (!queueActive)
        {
            foreach (var batch in HostBatches(epoch, pin: false))
                yield return batch;
            yield break;
        }

        var inFlight = new Queue<(Tensor X, Tensor Y)>();
        try
        {
            foreach (var (x, y) in HostBatches(epoch, pin: PinningActive))
            {
                using (x)
                using (y)
                    inFlight.Enqueue((x.to(Device, non_blocking: true).DetachFromDisposeScope(),
                        y.to(Device, non_blocking: true).DetachFromDisposeScope()));
                if (inFlight.Count > Options.PrefetchDepth)
                    yield return inFlight.Dequeue();
            }
            while (inFlight.Count > 0)
                yield return inFlight.Dequeue();
        }
        finally
        {
            while (inFlight.TryDequeue(out var batch))
            {
                batch.X.Dispose();
                batch.Y.Dispose();
            }
        }
    }
}

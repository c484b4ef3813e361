using TorchSharp;
using static TorchSharp.torch;

namespace GeoAI.Data;

/// <summary>
/// The chapter's path: batches assembled and normalised on the CPU (in the caller, or by W workers), then copied to the
/// device with an ordinary blocking copy. On a CPU device the batches are yielded as made.
/// </summary>
internal sealed class HostBatchSource(EuroSatData data, IReadOnlyList<int> indices, Device device, LoaderOptions options,
    Action<int>? beforeBatch = null)
    : HostBatchSourceBase(data, indices, device, options, beforeBatch)
{
    public override string Description => Device.type == DeviceType.CPU
        ? $"host, {WorkersText}, on cpu (no copy)"
        : $"host, {WorkersText}, blocking copy to {DeviceName}";

    public override IEnumerable<(Tensor X, Tensor Y)> Epoch(int epoch)
    {
        foreach (var (x, y) in HostBatches(epoch, pin: false))
        {
            if (Device.type == DeviceType.CPU)
            {
                yield return (x, y);
                continue;
            }
            using (x)
            using (y)
                yield return (x.to(Device).DetachFromDisposeScope(), y.to(Device).DetachFromDisposeScope());
        }
    }
}

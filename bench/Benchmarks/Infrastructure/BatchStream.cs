using GeoAI.Data;
using static TorchSharp.torch;

namespace GeoAI.Bench.Benchmarks.Infrastructure;

/// <summary>
/// An endless sequence of batches from a loader, epoch after epoch, as a long training run sees it: one measured step
/// takes the next batch, and epoch boundaries (reshuffle, worker restart) cost what they cost in real training.
/// </summary>
internal sealed class BatchStream(IBatchSource source) : IDisposable
{
    private int epoch;
    private IEnumerator<(Tensor X, Tensor Y)> batches = source.Epoch(0).GetEnumerator();

    public IBatchSource Source => source;

    /// <summary>The next batch; the caller owns and disposes it.</summary>
    public (Tensor X, Tensor Y) Next()
    {
        while (!batches.MoveNext())
        {
            batches.Dispose();
            batches = source.Epoch(++epoch).GetEnumerator();
        }
        return batches.Current;
    }

    public void Dispose()
    {
        batches.Dispose();
        source.Dispose();
    }
}

using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;
using static TorchSharp.torch;

namespace GeoAI.Data;

/// <summary>
/// W worker threads producing one epoch's CPU batches: worker w makes batches w, w+W, w+2W, … into its own bounded
/// queue (depth D, like PyTorch's prefetch_factor), and the consumer takes batch k from queue k mod W, so batches
/// arrive in order and at most W·D wait at any time. A worker's exception is queued in its batch's place and rethrown
/// to the consumer as it was thrown. Disposing (an epoch left early, or the source disposed) cancels the workers, joins
/// them and frees every batch nobody took.
/// </summary>
internal sealed class EpochWorkers : IDisposable
{
    private readonly BlockingCollection<Item>[] queues;
    private readonly Thread[] threads;
    private readonly CancellationTokenSource stop = new();
    private int disposed;

    /// <param name="produce">Makes batch k on a worker thread; its tensors must be in no dispose scope.</param>
    public EpochWorkers(int workers, int depth, int batches, Func<int, (Tensor X, Tensor Y)> produce)
    {
        queues = Enumerable.Range(0, workers).Select(_ => new BlockingCollection<Item>(new ConcurrentQueue<Item>(), depth)).ToArray();
        threads = Enumerable.Range(0, workers)
            .Select(w => new Thread(() => Run(w, workers, batches, produce)) { IsBackground = true, Name = $"geoai-loader-{w}" })
            .ToArray();
        foreach (var thread in threads)
            thread.Start();
    }

    /// <summary>Batch <paramref name="batch"/>, waiting for its worker; rethrows the worker's exception in its place.</summary>
    public (Tensor X, Tensor Y) Take(int batch)
    {
        var item = queues[batch % queues.Length].Take(stop.Token);
        item.Error?.Throw();
        return item.Batch;
    }

    private void Run(int worker, int workers, int batches, Func<int, (Tensor X, Tensor Y)> produce)
    {
        for (var batch = worker; batch < batches && !stop.IsCancellationRequested; batch += workers)
        {
            Item item;
            try
            {
                item = new Item(produce(batch), null);
            }
            catch (Exception e)
            {
                item = new Item(default, ExceptionDispatchInfo.Capture(e));
            }
            try
            {
                queues[worker].Add(item, stop.Token);
            }
            catch (OperationCanceledException)
            {
                item.Dispose();
                return;
            }
            if (item.Error is not null)
                return;
        }
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref disposed, 1) != 0)
            return;
        stop.Cancel();
        foreach (var thread in threads)
            thread.Join();
        foreach (var queue in queues)
        {
            while (queue.TryTake(out var item))
                item.Dispose();
            queue.Dispose();
        }
        stop.Dispose();
    }

    private readonly record struct Item((Tensor X, Tensor Y) Batch, ExceptionDispatchInfo? Error) : IDisposable
    {
        public void Dispose()
        {
            Batch.X?.Dispose();
            Batch.Y?.Dispose();
        }
    }
}

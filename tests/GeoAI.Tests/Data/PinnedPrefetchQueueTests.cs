using GeoAI.Data;
using GeoAI.Runtime;
using TorchSharp;
using static TorchSharp.torch;

namespace GeoAI.Tests.Data;

/// <summary>
/// The pinned-prefetch loader's queue of copies in flight. On the CPU it runs through the test hook (unpinned, each copy a
/// no-op), so its ordering, look-ahead, errors and disposal are tested on every machine; the CUDA tests check what only a
/// GPU shows and skip elsewhere. The other loader tests run the hooked queue too (LoaderCase "pinned-queue-*"). Counts
/// live tensors and GPU memory, so it runs alone.
/// </summary>
[Collection(SerialCollection.Name)]
public class PinnedPrefetchQueueTests(SyntheticDataFixture fixture) : IClassFixture<SyntheticDataFixture>
{
    private IBatchSource Queue(int depth, Action<int>? beforeBatch = null, int workers = 0) =>
        BatchSources.Create(fixture.Data, fixture.Train, CPU, new LoaderOptions(LoaderKind.HostPinnedPrefetch, 16, workers, depth, Seed: 1),
            beforeBatch, tensorPathOnCpu: true);

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void EachBatchIsHandedOverWithDepthMoreAlreadyQueued(int depth)
    {
        // 0 workers: batches are assembled in the caller, so the count is exact. 225 images in batches of 16: 15 batches.
        var assembled = 0;
        using var source = Queue(depth, _ => assembled++);

        var seenAt = new List<int>();
        foreach (var (x, y) in source.Epoch(0))
        {
            seenAt.Add(assembled);
            x.Dispose();
            y.Dispose();
        }

        Assert.Equal(Enumerable.Range(0, 15).Select(k => Math.Min(k + depth + 1, 15)), seenAt);
    }

    [Fact]
    public void AnErrorSurfacesWhenItsBatchIsQueuedWithTheBatchesAheadOfItFreed()
    {
        var before = SettledTensorCount();
        using (var source = Queue(depth: 2, beforeBatch: batch =>
               {
                   if (batch == 5)
                       throw new InvalidOperationException("disk on fire while reading batch 5");
               }))
        {
            var seen = 0;
            var error = Assert.Throws<InvalidOperationException>(() =>
            {
                foreach (var (x, y) in source.Epoch(0))
                {
                    x.Dispose();
                    y.Dispose();
                    seen++;
                }
            });

            Assert.Equal("disk on fire while reading batch 5", error.Message);
            Assert.Equal(3, seen); // batches 3 and 4 were in flight when batch 5 failed
        }
        Assert.Equal(before, SettledTensorCount());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(2)]
    public void DisposingMidEpochFreesTheBatchesInFlight(int workers)
    {
        var before = SettledTensorCount();
        var source = Queue(depth: 3, workers: workers);
        var epoch = source.Epoch(0).GetEnumerator();
        Assert.True(epoch.MoveNext()); // batches 0..3 queued, batch 0 handed over
        epoch.Current.X.Dispose();
        epoch.Current.Y.Dispose();

        source.Dispose();

        Assert.Throws<ObjectDisposedException>(() => epoch.MoveNext());
        epoch.Dispose();
        Assert.Equal(before, SettledTensorCount());
    }

    [Fact]
    public void OnCudaTheBatchesEqualTheHostLoadersAndArriveOnTheGpu()
    {
        SkipWithoutCuda();
        using var host = BatchSources.Create(fixture.Data, fixture.Train, CPU, new LoaderOptions(LoaderKind.Host, 32, Seed: 5));
        using var pinned = BatchSources.Create(fixture.Data, fixture.Train, CUDA,
            new LoaderOptions(LoaderKind.HostPinnedPrefetch, 32, Workers: 2, PrefetchDepth: 2, Seed: 5));

        Assert.Contains("non-blocking copies to cuda", pinned.Description);
        foreach (var ((hx, hy), (px, py)) in host.Epoch(1).Zip(pinned.Epoch(1)))
            using (hx)
            using (hy)
            using (px)
            using (py)
            {
                Assert.Equal(DeviceType.CUDA, px.device_type);
                using var pxCpu = px.cpu();
                using var pyCpu = py.cpu();
                Assert.True(hx.equal(pxCpu).item<bool>());
                Assert.True(hy.equal(pyCpu).item<bool>());
            }
    }

    [Fact]
    public void OnCudaGpuMemoryIsFlatAfterManyEpochsAndAfterDisposalMidEpoch()
    {
        SkipWithoutCuda();
        using var nvml = Nvml.Open(out var reason) ?? throw new InvalidOperationException($"CUDA without NVML: {reason}");
        var pid = Environment.ProcessId;
        var options = new LoaderOptions(LoaderKind.HostPinnedPrefetch, 32, Workers: 2, PrefetchDepth: 2, Seed: 5);

        // libtorch's caching allocator keeps what it once held, so memory after the first epoch is the plateau.
        using (var warm = BatchSources.Create(fixture.Data, fixture.Train, CUDA, options))
            DrainAndDispose(warm.Epoch(0));
        var plateau = nvml.ProcessMemoryUsed(pid);
        Assert.SkipWhen(plateau is null, NotListed);
        for (var round = 0; round < 10; round++)
        {
            var source = BatchSources.Create(fixture.Data, fixture.Train, CUDA, options);
            DrainAndDispose(source.Epoch(round));
            var abandoned = source.Epoch(round + 1).GetEnumerator();
            abandoned.MoveNext();
            abandoned.Current.X.Dispose();
            abandoned.Current.Y.Dispose();
            source.Dispose();
            abandoned.Dispose();
        }

        Assert.Equal(plateau, nvml.ProcessMemoryUsed(pid));
    }

    [Fact]
    public void OnCudaNvmlReportsThisProcesssOwnGpuMemory()
    {
        SkipWithoutCuda();
        using var nvml = Nvml.Open(out var reason) ?? throw new InvalidOperationException($"CUDA without NVML: {reason}");
        using var held = zeros(256L << 20, ScalarType.Int8, CUDA); // 256 MiB in this process's CUDA context
        cuda.synchronize();

        var mine = nvml.ProcessMemoryUsed(Environment.ProcessId);

        Assert.SkipWhen(mine is null, NotListed);
        Assert.InRange(mine!.Value, 256UL << 20, nvml.DeviceMemoryUsed());
        Assert.Null(nvml.ProcessMemoryUsed(int.MaxValue)); // no such process on the GPU
    }

    private const string NotListed = "NVML lists no GPU process with this process's id (a PID namespace, as in a container)";

    private static void SkipWithoutCuda()
    {
        TorchBackend.EnsureLoaded();
        Assert.SkipUnless(cuda.is_available(), "no CUDA device here");
    }

    private static void DrainAndDispose(IEnumerable<(Tensor X, Tensor Y)> batches)
    {
        foreach (var (x, y) in batches)
        {
            x.Dispose();
            y.Dispose();
        }
    }

    /// <summary>The live tensor count once finalizers of tensors other tests left to the GC have run.</summary>
    private static long SettledTensorCount()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        return Tensor.TotalCount;
    }
}

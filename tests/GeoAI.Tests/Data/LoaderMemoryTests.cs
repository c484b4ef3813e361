using System.Diagnostics;
using GeoAI.Data;
using static TorchSharp.torch;

namespace GeoAI.Tests.Data;

[Collection(SerialCollection.Name)]
public class LoaderMemoryTests(SyntheticDataFixture fixture) : IClassFixture<SyntheticDataFixture>
{
    [Theory]
    [MemberData(nameof(LoaderCase.All), MemberType = typeof(LoaderCase))]
    public void ThousandStepsKeepTheTensorCountAndMemoryFlat(string loader)
    {
        var loaderCase = LoaderCase.Named(loader);
        // 16 images per batch: a leaked batch is 786 KB, so 900 leaked steps would add over 700 MB and 1,800 tensors.
        var before = SettledTensorCount();
        var source = LoaderCase.Named(loader).Create(fixture.Data, fixture.Train, 16);
        long tensorsAtStep100 = 0, mostTensors = 0, bytesAtStep100 = 0;
        var step = 0;
        for (var epoch = 0; step < 1000; epoch++)
            foreach (var (x, y) in source.Epoch(epoch))
            {
                using (x)
                using (y)
                    _ = x.shape[0] + y.shape[0];
                if (++step == 100)
                    (tensorsAtStep100, bytesAtStep100) = (Tensor.TotalCount, ResidentBytes());
                if (step > 100)
                    mostTensors = Math.Max(mostTensors, Tensor.TotalCount);
                if (step == 1000)
                    break;
            }
        var growth = ResidentBytes() - bytesAtStep100;
        source.Dispose();

        // Queued batches come and go with the workers' timing: at most workers × depth batches of 2 tensors, plus the
        // epoch's own order tensor, plus the pinned-prefetch queue's copies in flight (depth 2). Anything kept per step
        // would pile up far beyond that.
        var inFlight = loaderCase is { Kind: LoaderKind.HostPinnedPrefetch, TensorPathOnCpu: true } ? 2 * 2 : 0;
        var queued = 2 * (loaderCase.Workers + 1) * 2 + 1 + inFlight;
        Assert.InRange(mostTensors, 0, tensorsAtStep100 + queued);
        Assert.True(growth < 64L << 20, $"resident memory grew by {growth / 1e6:F0} MB over 900 steps");
        Assert.Equal(before, SettledTensorCount());
    }

    [Theory]
    [MemberData(nameof(LoaderCase.All), MemberType = typeof(LoaderCase))]
    public void BreakingOutAndDisposingLeavesNoTensorBehind(string loader)
    {
        var before = SettledTensorCount();
        var source = LoaderCase.Named(loader).Create(fixture.Data, fixture.Train, 8, prefetchDepth: 3);
        var taken = 0;
        foreach (var (x, y) in source.Epoch(0))
        {
            x.Dispose();
            y.Dispose();
            if (++taken == 3)
                break;
        }
        // An epoch left suspended mid-way: disposing the source stops its workers and frees the batches they queued.
        var abandoned = source.Epoch(1).GetEnumerator();
        abandoned.MoveNext();
        abandoned.Current.X.Dispose();
        abandoned.Current.Y.Dispose();
        Thread.Sleep(200); // let the workers fill their queues
        source.Dispose();
        abandoned.Dispose();

        Assert.Equal(before, SettledTensorCount());
    }

    [Fact]
    public void DefaultCacheFolderFollowsTheEnvironment()
    {
        var saved = new[] { CacheLocation.EnvironmentVariable, "GEOAI_CACHE_DIR", "XDG_CACHE_HOME" }
            .ToDictionary(v => v, Environment.GetEnvironmentVariable);
        try
        {
            foreach (var name in saved.Keys)
                Environment.SetEnvironmentVariable(name, null);
            var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
            Assert.Equal(Path.Combine(home, ".cache", "geoai-bench", "data"), CacheLocation.DefaultDirectory);

            Environment.SetEnvironmentVariable("XDG_CACHE_HOME", "/tmp/xdg");
            Assert.Equal("/tmp/xdg/geoai-bench/data", CacheLocation.DefaultDirectory);

            Environment.SetEnvironmentVariable("GEOAI_CACHE_DIR", "/tmp/geoai");
            Assert.Equal("/tmp/geoai/data", CacheLocation.DefaultDirectory);

            Environment.SetEnvironmentVariable(CacheLocation.EnvironmentVariable, "/tmp/tensors");
            Assert.Equal("/tmp/tensors", CacheLocation.DefaultDirectory);
            Assert.Equal("/tmp/other", CacheLocation.Directory("/tmp/other"));
        }
        finally
        {
            foreach (var (name, value) in saved)
                Environment.SetEnvironmentVariable(name, value);
        }
    }

    /// <summary>
    /// The live tensor count once the finalizers of tensors other tests left to the GC have run: counted before they
    /// ran, they would make this test's count drop by someone else's tensors.
    /// </summary>
    private static long SettledTensorCount()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        return Tensor.TotalCount;
    }

    private static long ResidentBytes()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        return process.WorkingSet64;
    }
}

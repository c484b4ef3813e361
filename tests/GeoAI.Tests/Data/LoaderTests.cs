using GeoAI.Data;
using GeoAI.Runtime;
using TorchSharp;
using static TorchSharp.torch;

namespace GeoAI.Tests.Data;

public class LoaderTests(SyntheticDataFixture fixture) : IClassFixture<SyntheticDataFixture>
{
    [Theory]
    [MemberData(nameof(LoaderCase.All), MemberType = typeof(LoaderCase))]
    public void EveryLoaderYieldsTheSameSamplesInTheSameOrderWithTheSameValues(string loader)
    {
        const int batchSize = 32;
        using var source = LoaderCase.Named(loader).Create(fixture.Data, fixture.Train, batchSize, seed: 7);

        Assert.Equal(225, source.SampleCount);
        Assert.Equal(8, source.BatchesPerEpoch);
        for (var epoch = 0; epoch < 2; epoch++)
        {
            // Expected: the training indices in EpochOrder's order, normalised straight from the cache.
            var order = EpochOrder.For(225, seed: 7, epoch, shuffle: true).Select(p => fixture.Train[p]).ToArray();
            var batches = 0;
            foreach (var (x, y) in source.Epoch(epoch))
                using (x)
                using (y)
                {
                    var samples = order.Skip(batches * batchSize).Take(batchSize).ToArray();
                    Assert.Equal(new long[] { samples.Length, 3, 64, 64 }, x.shape);
                    Assert.Equal(ScalarType.Float32, x.dtype);
                    Assert.Equal(ScalarType.Int64, y.dtype);
                    Assert.Equal(DeviceType.CPU, x.device_type);
                    Assert.Equal(samples.Select(s => (long)fixture.Data.Label(s)), y.data<long>().ToArray());
                    var pixels = x.data<float>().ToArray();
                    for (var k = 0; k < samples.Length; k++)
                    {
                        var expected = fixture.Data.Image(samples[k]).ToArray().Select(Normalization.Normalize);
                        Assert.True(expected.SequenceEqual(pixels.Skip(k * EuroSatClasses.BytesPerImage).Take(EuroSatClasses.BytesPerImage)),
                            $"{loader}: epoch {epoch} batch {batches} sample {k} differs");
                    }
                    batches++;
                }
            Assert.Equal(8, batches);
        }
    }

    [Fact]
    public void NormalisationIsTorchvisionsToTensorThenNormalize()
    {
        Assert.Equal(-1f, Normalization.Table[0]);
        Assert.Equal(1f, Normalization.Table[255]);
        for (var b = 0; b < 256; b++)
        {
            // ToTensor: b/255 in float32; Normalize(0.5, 0.5): (v - 0.5) / 0.5.
            var torchvision = ((float)b / 255f - 0.5f) / 0.5f;
            Assert.Equal(torchvision, Normalization.Table[b]);
        }
        var bytes = Enumerable.Range(0, 1000).Select(i => (byte)(i * 7)).ToArray();
        var floats = new float[1000];
        Normalization.Normalize(bytes, floats);
        Assert.Equal(bytes.Select(b => Normalization.Table[b]), floats);
    }

    [Fact]
    public void WithoutShuffleTheOrderIsTheIndexOrder()
    {
        using var source = BatchSources.Create(fixture.Data, fixture.Validation, CPU,
            new LoaderOptions(LoaderKind.Host, BatchSize: 100, Shuffle: false));

        var labels = new List<long>();
        foreach (var (x, y) in source.Epoch(3))
            using (x)
            using (y)
                labels.AddRange(y.data<long>().ToArray());

        Assert.Equal(fixture.Validation.Select(i => (long)fixture.Data.Label(i)), labels);
    }

    [Theory]
    [InlineData("host-0")]
    [InlineData("host-2")]
    [InlineData("pinned-2")]
    public void AWorkersExceptionReachesTheCallerWithItsMessage(string loader)
    {
        using var source = LoaderCase.Named(loader).Create(fixture.Data, fixture.Train, 16, beforeBatch: batch =>
            {
                if (batch == 5)
                    throw new InvalidOperationException("disk on fire while reading batch 5");
            });

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
        Assert.Equal(5, seen);
    }

    [Theory]
    [MemberData(nameof(LoaderCase.All), MemberType = typeof(LoaderCase))]
    public async Task BreakingOutEarlyDoesNotDeadlockAndTheNextEpochRuns(string loader)
    {
        await RunWithin(TimeSpan.FromSeconds(60), () =>
        {
            using var source = LoaderCase.Named(loader).Create(fixture.Data, fixture.Train, 8, prefetchDepth: 1);
            foreach (var (x, y) in source.Epoch(0))
            {
                x.Dispose();
                y.Dispose();
                break;
            }
            Assert.Equal(source.BatchesPerEpoch, CountAndDispose(source.Epoch(1)));
        });
    }

    [Theory]
    [MemberData(nameof(LoaderCase.All), MemberType = typeof(LoaderCase))]
    public async Task DisposingTheSourceMidEpochStopsItsWorkers(string loader)
    {
        await RunWithin(TimeSpan.FromSeconds(60), () =>
        {
            var source = LoaderCase.Named(loader).Create(fixture.Data, fixture.Train, 8, prefetchDepth: 1);
            using var epoch = source.Epoch(0).GetEnumerator();
            Assert.True(epoch.MoveNext());
            epoch.Current.X.Dispose();
            epoch.Current.Y.Dispose();

            source.Dispose();

            Assert.Throws<ObjectDisposedException>(() => epoch.MoveNext());
        });
    }

    [Fact]
    public void YieldedTensorsBelongToNoDisposeScope()
    {
        TorchBackend.EnsureLoaded();
        using var source = LoaderCase.Named("resident-device-path").Create(fixture.Data, fixture.Train, 50);
        var kept = new List<Tensor>();
        using (NewDisposeScope())
            foreach (var (x, y) in source.Epoch(0))
                kept.AddRange([x, y]);

        // The caller's scope ended, but the batches are still the caller's to dispose.
        Assert.All(kept, t => Assert.False(t.IsInvalid));
        kept.ForEach(t => t.Dispose());
    }

    [Fact]
    public void DescriptionsSayWhatRuns()
    {
        using var resident = BatchSources.Create(fixture.Data, fixture.Train, CPU, new LoaderOptions(LoaderKind.GpuResident, 32));
        using var host = BatchSources.Create(fixture.Data, fixture.Train, CPU, new LoaderOptions(LoaderKind.Host, 32, Workers: 2));
        using var pinned = BatchSources.Create(fixture.Data, fixture.Train, CPU, new LoaderOptions(LoaderKind.HostPinnedPrefetch, 32));

        Assert.Contains("resident in host memory", resident.Description);
        using var devicePath = LoaderCase.Named("resident-device-path").Create(fixture.Data, fixture.Train, 32);
        Assert.Contains("uploaded once", devicePath.Description);
        Assert.Contains("2 workers", host.Description);
        Assert.Contains("inactive", pinned.Description);
    }

    [Fact]
    public void BadOptionsAreRefused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            BatchSources.Create(fixture.Data, fixture.Train, CPU, new LoaderOptions(LoaderKind.Host, 0)));
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            BatchSources.Create(fixture.Data, fixture.Train, CPU, new LoaderOptions(LoaderKind.Host, 8, Workers: -1)));
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            BatchSources.Create(fixture.Data, [0, 300], CPU, new LoaderOptions(LoaderKind.Host, 8)));
    }

    private static int CountAndDispose(IEnumerable<(Tensor X, Tensor Y)> batches)
    {
        var count = 0;
        foreach (var (x, y) in batches)
        {
            x.Dispose();
            y.Dispose();
            count++;
        }
        return count;
    }

    /// <summary>Runs a check on another thread and fails, instead of hanging the suite, if it deadlocks.</summary>
    internal static async Task RunWithin(TimeSpan limit, Action check)
    {
        var run = Task.Run(check);
        var finished = await Task.WhenAny(run, Task.Delay(limit, TestContext.Current.CancellationToken));
        Assert.True(finished == run, $"did not finish within {limit.TotalSeconds} s: deadlock?");
        await run;
    }
}

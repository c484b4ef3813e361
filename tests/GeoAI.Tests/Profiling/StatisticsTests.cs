using GeoAI.Training.Profiling;

namespace GeoAI.Tests.Profiling;

/// <summary>Per-phase statistics and utilisation summaries against values worked out by hand.</summary>
public class StatisticsTests
{
    [Fact]
    public void PhaseStatisticsAreMeanMedianAndLinearP90WithShareOfTheMeanStep()
    {
        var summary = ProfileSummary.Of(HandMadeRuns.FourSteps());

        var data = summary.Phases.Single(p => p.Key == "dataWait");
        Assert.Equal(4.0, data.MeanMs, 9);
        Assert.Equal(2.5, data.MedianMs, 9);
        Assert.Equal(3 + (10 - 3) * 0.7, data.P90Ms, 9); // position (4-1)*0.9 = 2.7 between 3 and 10
        Assert.Equal(1.0, data.MinMs, 9);
        Assert.Equal(10.0, data.MaxMs, 9);
        Assert.Equal(4.0 / 39 * 100, data.SharePercent, 9);
        Assert.Equal(39.0, summary.Step.MeanMs, 9);
        Assert.Equal(1.0, summary.Phases.Single(p => p.Key == ProfileSummary.OtherKey).MeanMs, 9);
    }

    [Fact]
    public void PhasesAreThoseOfTheLoaderThenOtherEachWithItsShareOfTheMeanStep()
    {
        var summary = ProfileSummary.Of(HandMadeRuns.FourSteps());

        Assert.Equal(["dataWait", "forward", "backward", "optimizerStep", "other"], summary.Phases.Select(p => p.Key));
        // Means 4, 10, 20, 4 and 1 ms of a 39 ms mean step.
        double[] expected = [400.0 / 39, 1000.0 / 39, 2000.0 / 39, 400.0 / 39, 100.0 / 39];
        Assert.All(summary.Phases.Zip(expected), pair => Assert.Equal(pair.Second, pair.First.SharePercent, 9));
    }

    [Fact]
    public void ThroughputCountsTheImagesOfEveryStepOverTheirTime()
    {
        var summary = ProfileSummary.Of(HandMadeRuns.FourSteps());

        Assert.Equal((10 + 10 + 10 + 5) / 0.156, summary.ImagesPerSecond, 6); // 35 images in 36+37+38+45 ms
    }

    [Fact]
    public void CpuUtilisationIsTimeWeightedAndGpuFieldsAreNullWithoutAMonitor()
    {
        // 40 % over the first 50 ms, 60 % over the next 106 ms.
        var use = ProfileSummary.Of(HandMadeRuns.FourSteps()).Utilisation;

        Assert.Equal((40 * 50 + 60 * 106) / 156.0, use.CpuMeanPercent, 9);
        Assert.Equal(60, use.CpuMaxPercent);
        Assert.Equal(2, use.Samples);
        Assert.False(use.Gpu.Available);
        Assert.Equal("no NVML in this test", use.Gpu.UnavailableReason);
        Assert.Null(use.GpuMeanPercent);
        Assert.Null(use.PeakDeviceMemoryMiB);
        Assert.Null(use.PeakProcessMemoryMiB);
    }

    [Fact]
    public void GpuReadingsAreAveragedAndMemoryPeaksInMebibytes()
    {
        var samples = new[]
        {
            new UtilisationSample(50_000, 30, new GpuReading(10, 4, 1024UL * 1024 * 1024, 256UL * 1024 * 1024)),
            new UtilisationSample(100_000, 30, new GpuReading(30, 8, 2048UL * 1024 * 1024, null)),
        };

        var use = ProfileSummary.Of(HandMadeRuns.FourSteps(samples, new GpuStatus(true, "Test GPU", ""))).Utilisation;

        Assert.Equal(20, use.GpuMeanPercent);
        Assert.Equal(30, use.GpuMaxPercent);
        Assert.Equal(6, use.GpuMemoryBusyMeanPercent);
        Assert.Equal(2048, use.PeakDeviceMemoryMiB);
        Assert.Equal(256, use.PeakProcessMemoryMiB);
    }

    [Fact]
    public void ARunWithoutStepsIsRefused()
    {
        var run = HandMadeRuns.FourSteps() with { Steps = [] };

        Assert.Throws<ArgumentException>(() => ProfileSummary.Of(run));
    }
}

using GeoAI.Report.Training;
using static GeoAI.Tests.Report.Training.HandMadeRuns;

namespace GeoAI.Tests.Report.Training;

public class TimeToAccuracyTests
{
    [Fact]
    public void EachThresholdGetsTheFirstEpochThatReachedItAndItsElapsedTime()
    {
        TrainRunEpoch[] epochs = [Epoch(1, 0.62, 31.5), Epoch(2, 0.76, 60.25), Epoch(3, 0.74, 90), Epoch(4, 0.91, 121)];

        var times = TimeToAccuracyCalculator.Compute(epochs);

        Assert.Equal(
        [
            new TimeToAccuracy(0.75, 2, 60.25),
            new TimeToAccuracy(0.80, 4, 121),
            new TimeToAccuracy(0.90, 4, 121),
            new TimeToAccuracy(0.95, null, null),
        ], times);
    }

    [Fact]
    public void ReachingExactlyTheThresholdCounts()
    {
        // 5,063 of 6,750 is 75.007 %; 3 of 4 is exactly 75 %, however the division rounds.
        var times = TimeToAccuracyCalculator.Compute([Epoch(1, 3.0 / 4, 12)], [0.75]);

        Assert.Equal([new TimeToAccuracy(0.75, 1, 12)], times);
    }

    [Fact]
    public void NoEpochsMeansNeverReached()
    {
        var times = TimeToAccuracyCalculator.Compute([]);

        Assert.Equal(4, times.Count);
        Assert.All(times, t => Assert.Null(t.Seconds));
        Assert.Equal([0.75, 0.80, 0.90, 0.95], times.Select(t => t.Threshold));
    }
}

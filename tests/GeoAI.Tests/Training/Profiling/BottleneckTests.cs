using GeoAI.Training.Profiling;

namespace GeoAI.Tests.Training.Profiling;

/// <summary>The bottleneck decision on hand-made phase means (ms) and mean steps.</summary>
public class BottleneckTests
{
    [Fact]
    public void TheDataPathIsTheBottleneckWhenWaitAndCopyTakeHalfTheStep()
    {
        var verdict = Bottleneck.Decide(new Dictionary<ProfilePhase, double>
        {
            [ProfilePhase.DataWait] = 10, [ProfilePhase.HostToDevice] = 21, [ProfilePhase.Forward] = 8,
            [ProfilePhase.Backward] = 8, [ProfilePhase.OptimizerStep] = 3,
        }, meanStepMs: 50);

        Assert.Equal(BottleneckKind.DataPath, verdict.Kind);
        Assert.Equal(62, verdict.DataPathPercent, 9);
        Assert.Equal(32, verdict.ComputePercent, 9);
        Assert.Equal(6, verdict.OptimizerPercent, 9);
        Assert.Equal("the data path (waiting for data + host-to-device copy) takes 62 % of each step: it is the bottleneck", verdict.Sentence);
    }

    [Fact]
    public void WithoutACopyPhaseTheDataPathIsNamedAsWaitingOnly()
    {
        var verdict = Bottleneck.Decide(new Dictionary<ProfilePhase, double>
        {
            [ProfilePhase.DataWait] = 5, [ProfilePhase.Forward] = 2, [ProfilePhase.Backward] = 2, [ProfilePhase.OptimizerStep] = 1,
        }, meanStepMs: 10);

        Assert.Equal(BottleneckKind.DataPath, verdict.Kind);
        Assert.Equal("the data path (waiting for data) takes 50 % of each step: it is the bottleneck", verdict.Sentence);
    }

    [Fact]
    public void ComputeDominatesTheChaptersCpuProfile()
    {
        var verdict = Bottleneck.Decide(new Dictionary<ProfilePhase, double>
        {
            [ProfilePhase.DataWait] = 1, [ProfilePhase.Forward] = 10, [ProfilePhase.Backward] = 20, [ProfilePhase.OptimizerStep] = 4,
        }, meanStepMs: 35);

        Assert.Equal(BottleneckKind.Compute, verdict.Kind);
        Assert.Equal("compute (forward + backward) dominates: it takes 86 % of each step", verdict.Sentence);
    }

    [Fact]
    public void TheOptimizerCanBeTheBottleneck()
    {
        var verdict = Bottleneck.Decide(new Dictionary<ProfilePhase, double>
        {
            [ProfilePhase.DataWait] = 1, [ProfilePhase.Forward] = 2, [ProfilePhase.Backward] = 2, [ProfilePhase.OptimizerStep] = 15,
        }, meanStepMs: 20);

        Assert.Equal(BottleneckKind.Optimizer, verdict.Kind);
        Assert.Equal("the optimizer step takes 75 % of each step: it is the bottleneck", verdict.Sentence);
    }

    [Fact]
    public void BelowHalfNothingIsNamedAndThePartsAreListedLargestFirst()
    {
        // 10 ms of the 100 ms step are uncovered ("other"): the shares are of the whole step.
        var verdict = Bottleneck.Decide(new Dictionary<ProfilePhase, double>
        {
            [ProfilePhase.DataWait] = 45, [ProfilePhase.Forward] = 20, [ProfilePhase.Backward] = 15, [ProfilePhase.OptimizerStep] = 10,
        }, meanStepMs: 100);

        Assert.Equal(BottleneckKind.NoneDominant, verdict.Kind);
        Assert.Equal("no part takes half of each step: the data path (waiting for data) 45 %, compute (forward + backward) 35 %, " +
                     "the optimizer step 10 %", verdict.Sentence);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(double.NaN)]
    public void AStepWithoutTimeIsRefused(double meanStepMs) =>
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            Bottleneck.Decide(new Dictionary<ProfilePhase, double> { [ProfilePhase.Forward] = 1 }, meanStepMs));

    [Fact]
    public void AdviceForAGpuDataPathOnTheHostLoaderNamesTheResidentAndPrefetchLoaders()
    {
        var settings = HandMadeRuns.CpuHost with { Device = TorchSharp.DeviceType.CUDA };

        var advice = ProfileAdvice.For(settings, BottleneckKind.DataPath);

        Assert.Contains(advice, a => a.Contains("--loader GpuResident"));
        Assert.Contains(advice, a => a.Contains("--loader HostPinnedPrefetch"));
        Assert.DoesNotContain(ProfileAdvice.For(settings with { Loader = GeoAI.Data.LoaderKind.GpuResident }, BottleneckKind.DataPath),
            a => a.Contains("--loader GpuResident"));
    }
}

using GeoAI.Data;
using GeoAI.Training.Profiling;
using TorchSharp;

namespace GeoAI.Tests.Training.Profiling;

/// <summary>Which phases a loader has on a device: the copy is a phase only for the host loader on a GPU.</summary>
public class ProfilePhasesTests
{
    private static readonly ProfilePhase[] WithoutCopy =
        [ProfilePhase.DataWait, ProfilePhase.Forward, ProfilePhase.Backward, ProfilePhase.OptimizerStep];

    [Fact]
    public void TheHostLoaderOnAGpuHasAHostToDeviceCopyPhase() =>
        Assert.Equal(
            [ProfilePhase.DataWait, ProfilePhase.HostToDevice, ProfilePhase.Forward, ProfilePhase.Backward, ProfilePhase.OptimizerStep],
            ProfilePhases.For(LoaderKind.Host, DeviceType.CUDA));

    [Theory]
    [InlineData(LoaderKind.HostPinnedPrefetch, DeviceType.CUDA)] // the copy happens inside the loader: part of the data wait
    [InlineData(LoaderKind.GpuResident, DeviceType.CUDA)] // nothing is copied per step
    [InlineData(LoaderKind.Host, DeviceType.CPU)] // no copy exists on a CPU: the phase is left out, not recorded as 0
    [InlineData(LoaderKind.HostPinnedPrefetch, DeviceType.CPU)]
    [InlineData(LoaderKind.GpuResident, DeviceType.CPU)]
    public void OtherwiseThereIsNoCopyPhase(LoaderKind loader, DeviceType device) =>
        Assert.Equal(WithoutCopy, ProfilePhases.For(loader, device));

    [Fact]
    public void PhasesHaveDistinctNamesAndKeys()
    {
        var all = Enum.GetValues<ProfilePhase>();

        Assert.Equal(all.Length, all.Select(p => p.Name()).Distinct().Count());
        Assert.Equal(["dataWait", "hostToDevice", "forward", "backward", "optimizerStep"], all.Select(p => p.Key()));
        Assert.Equal([ProfilePhase.DataWait, ProfilePhase.HostToDevice], all.Where(p => p.IsDataPath()));
        Assert.Equal([ProfilePhase.Forward, ProfilePhase.Backward], all.Where(p => p.IsCompute()));
    }
}

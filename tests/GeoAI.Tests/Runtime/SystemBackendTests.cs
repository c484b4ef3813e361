namespace GeoAI.Tests.Runtime;

/// <summary>
/// The system backend takes libtorch from an existing install instead of NuGet. Here it is pointed at the CPU libtorch
/// in the NuGet cache, which exercises the same loading path a GPU box uses with PyTorch's lib folder.
/// </summary>
public class SystemBackendTests
{
    [Fact]
    [Trait("Category", "Integration")]
    public void BenchBuiltForSystemLibTorchLoadsItFromGeoaiLibtorch()
    {
        var libtorch = NuGetLibTorch.CpuFolder();
        var build = ProcessRunner.Run("dotnet",
            ["build", "bench", "-c", "Release", "-p:TorchBackend=system", "-nologo", "-v", "quiet"],
            timeout: TimeSpan.FromMinutes(10));
        Assert.True(build.ExitCode == 0, build.All);

        var program = Path.Combine(RepoPaths.Root, "bench", "bin", "system", "Release", "net10.0", "linux-x64", "GeoAI.Bench.dll");
        var withLibTorch = ProcessRunner.Run("dotnet", [program, "info"],
            new Dictionary<string, string?> { ["GEOAI_LIBTORCH"] = libtorch });
        var without = ProcessRunner.Run("dotnet", [program, "info"],
            new Dictionary<string, string?> { ["GEOAI_LIBTORCH"] = Path.GetTempPath() });

        Assert.True(withLibTorch.ExitCode == 0, withLibTorch.All);
        Assert.Matches(@"libtorch \d+\.\d+\.\d+.*TorchBackend=system", withLibTorch.StdOut);
        Assert.Equal(2, without.ExitCode);
        Assert.Contains("does not contain libtorch_cpu.so", without.StdErr);
    }
}

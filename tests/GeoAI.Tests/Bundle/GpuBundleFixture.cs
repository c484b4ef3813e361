using GeoAI.Tests.Runtime;
namespace GeoAI.Tests.Bundle;

/// <summary>
/// Builds the GPU bundle with tools/gpu-bundle.sh (into gpu-bundle/, where an unchanged archive is kept between runs)
/// and unpacks it into a temporary folder outside the checkout, as a GPU box would receive it. Runs of run.sh see the
/// CPU libtorch of the NuGet cache as GEOAI_LIBTORCH and a PATH without dotnet, like a box with no .NET SDK.
/// </summary>
public sealed class GpuBundleFixture : IDisposable
{
    public const string ArchiveName = "geoai-bench-gpu-linux-x64.tar.xz";

    public GpuBundleFixture()
    {
        var build = ProcessRunner.Run("bash", [Path.Combine(RepoPaths.Root, "tools", "gpu-bundle.sh")],
            timeout: TimeSpan.FromMinutes(10));
        Assert.True(build.ExitCode == 0, build.All);
        Archive = Path.Combine(RepoPaths.Root, "gpu-bundle", ArchiveName);

        Directory.CreateDirectory(Unpacked);
        var unpack = ProcessRunner.Run("tar", ["xf", Archive, "-C", Unpacked]);
        Assert.True(unpack.ExitCode == 0, unpack.All);
    }

    public string Archive { get; }

    /// <summary>The temporary folder the archive was unpacked into; also the working folder of every run.</summary>
    public string Unpacked { get; } = Path.Combine(Path.GetTempPath(), "geoai-bundle-tests", Guid.NewGuid().ToString("N"));

    public string BundleFolder => Path.Combine(Unpacked, "geoai-bench-gpu-linux-x64");

    public string LibTorch { get; } = NuGetLibTorch.CpuFolder();

    /// <summary>Runs the bundle's run.sh from <see cref="Unpacked"/> the way a GPU box would, with no dotnet reachable.</summary>
    internal ProcessRunner.Result RunSh(IEnumerable<string> args, string? libTorch = null) =>
        ProcessRunner.Run(Path.Combine(BundleFolder, "run.sh"), args,
            new Dictionary<string, string?>
            {
                ["GEOAI_LIBTORCH"] = libTorch ?? LibTorch,
                ["PATH"] = PathWithoutDotnet(),
                ["DOTNET_ROOT"] = null,
            },
            workingDirectory: Unpacked, timeout: TimeSpan.FromMinutes(3));

    public void Dispose()
    {
        if (Directory.Exists(Unpacked))
            Directory.Delete(Unpacked, recursive: true);
    }

    private static string PathWithoutDotnet() =>
        string.Join(':', (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':')
            .Where(folder => folder.Length > 0 && !File.Exists(Path.Combine(folder, "dotnet"))));
}

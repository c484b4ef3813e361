namespace GeoAI.Tests.Runtime;

/// <summary>The CPU libtorch that restore put in the NuGet cache: a real libtorch install for the `system` backend tests.</summary>
internal static class NuGetLibTorch
{
    public static string CpuFolder()
    {
        var packages = Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } configured
            ? configured
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        return Directory.EnumerateDirectories(Path.Combine(packages, "libtorch-cpu-linux-x64"))
            .Select(version => Path.Combine(version, "runtimes", "linux-x64", "native"))
            .First(folder => File.Exists(Path.Combine(folder, "libtorch_cpu.so")));
    }
}

namespace GeoAI.Tests;

/// <summary>The python3 the tests run (inside the compat rootfs under ./geoai test, where the tests add python3-torch).</summary>
internal static class Python3
{
    /// <summary>python3 on PATH, or null.</summary>
    public static string? Find() =>
        (Environment.GetEnvironmentVariable("PATH") ?? "")
        .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
        .Select(directory => Path.Combine(directory, "python3"))
        .FirstOrDefault(File.Exists);

    /// <summary>Whether <paramref name="python"/> can import every module named, e.g. "torch, torchvision".</summary>
    public static bool CanImport(string python, string modules) =>
        ProcessRunner.Run(python, ["-c", $"import {modules}"]).ExitCode == 0;
}

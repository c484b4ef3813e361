using System.Text.Json;

namespace GeoAI.Bench.Benchmarks.Infrastructure;

/// <summary>
/// Facts only the benchmark process can measure (its peak GPU memory), handed to the host process's
/// <see cref="ThroughputDiagnoser"/> through a small JSON file named after the benchmark process id. With the
/// in-process toolchain host and benchmark are one process; the file is taken (read and deleted) after each case.
/// </summary>
public static class CaseMetrics
{
    /// <summary>Set by the benchmark command for every benchmark process; no file is written without it.</summary>
    public const string DirectoryVariable = "GEOAI_BENCH_METRICS_DIR";

    public sealed record Values(double? PeakGpuMemoryMb);

    public static void Write(Values values)
    {
        var directory = Environment.GetEnvironmentVariable(DirectoryVariable);
        if (string.IsNullOrEmpty(directory))
            return;
        Directory.CreateDirectory(directory);
        var path = PathFor(directory, Environment.ProcessId);
        var temporary = path + ".tmp";
        File.WriteAllText(temporary, JsonSerializer.Serialize(values));
        File.Move(temporary, path, overwrite: true);
    }

    public static Values? Take(string directory, int processId)
    {
        var path = PathFor(directory, processId);
        if (!File.Exists(path))
            return null;
        var values = JsonSerializer.Deserialize<Values>(File.ReadAllText(path));
        File.Delete(path);
        return values;
    }

    private static string PathFor(string directory, int processId) => Path.Combine(directory, $"{processId}.json");
}

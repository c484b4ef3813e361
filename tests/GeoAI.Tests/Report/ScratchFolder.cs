using System.Text.Json;
using System.Text.Json.Nodes;

namespace GeoAI.Tests.Report;

/// <summary>
/// A temporary folder for variants of the fixtures: copies of a machine's results with one benchmark's times scaled,
/// samples cut, fields removed or the file broken. Works on any BenchmarkDotNet full JSON, so fixtures can be swapped.
/// </summary>
internal sealed class ScratchFolder : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("geoai-report-").FullName;

    public string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    /// <summary>Copies a fixture folder to <paramref name="name"/> inside the scratch folder.</summary>
    public string CopyOf(string folder, string name)
    {
        var target = Combine(name);
        foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
        {
            var destination = System.IO.Path.Combine(target, System.IO.Path.GetRelativePath(folder, file));
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(destination)!);
            File.Copy(file, destination);
        }
        return target;
    }

    /// <summary>Rewrites a result file after changing the benchmark with the given full name.</summary>
    public static void EditBenchmark(string file, string fullName, Action<JsonObject> edit) =>
        EditFile(file, root =>
        {
            var benchmark = root["Benchmarks"]!.AsArray().Select(b => b!.AsObject())
                .Single(b => b["FullName"]!.GetValue<string>() == fullName);
            edit(benchmark);
        });

    public static void EditFile(string file, Action<JsonObject> edit)
    {
        var root = JsonNode.Parse(File.ReadAllText(file))!.AsObject();
        edit(root);
        File.WriteAllText(file, root.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
    }

    /// <summary>Multiplies every time of a benchmark (samples, statistics, measurements) and divides its images/s.</summary>
    public static void ScaleTimes(JsonObject benchmark, double factor)
    {
        var statistics = benchmark["Statistics"]!.AsObject();
        Scale(statistics["OriginalValues"]!.AsArray(), factor);
        foreach (var name in new[] { "Min", "Q1", "Median", "Mean", "Q3", "Max", "StandardError" })
            statistics[name] = statistics[name]!.GetValue<double>() * factor;
        var interval = statistics["ConfidenceInterval"]!.AsObject();
        foreach (var name in new[] { "Mean", "StandardError", "Margin", "Lower", "Upper" })
            interval[name] = interval[name]!.GetValue<double>() * factor;
        foreach (var measurement in benchmark["Measurements"]!.AsArray())
            measurement!["Nanoseconds"] = measurement["Nanoseconds"]!.GetValue<double>() * factor;
        foreach (var metric in benchmark["Metrics"]?.AsArray() ?? [])
            if (metric!["Descriptor"]!["Id"]!.GetValue<string>() == "ImagesPerSecond")
                metric["Value"] = metric["Value"]!.GetValue<double>() / factor;
    }

    /// <summary>Keeps the first <paramref name="count"/> iterations: samples and Workload measurements alike.</summary>
    public static void KeepSamples(JsonObject benchmark, int count)
    {
        var statistics = benchmark["Statistics"]!.AsObject();
        var values = statistics["OriginalValues"]!.AsArray();
        while (values.Count > count)
            values.RemoveAt(values.Count - 1);
        statistics["N"] = count;
        var measurements = benchmark["Measurements"]!.AsArray();
        var kept = measurements.Where(m => m!["IterationIndex"]!.GetValue<int>() <= count).Select(m => m!.DeepClone()).ToList();
        measurements.Clear();
        foreach (var measurement in kept)
            measurements.Add(measurement);
    }

    private static void Scale(JsonArray values, double factor)
    {
        for (var i = 0; i < values.Count; i++)
            values[i] = values[i]!.GetValue<double>() * factor;
    }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}

using System.Globalization;
using System.Text.Json.Nodes;

namespace GeoAI.Tests.Report.KnownAnswers;

/// <summary>
/// Writes generated samples as BenchmarkDotNet full JSON, the only input <c>compare</c> reads: one file per side, one
/// case per named sample, the samples as <c>Statistics.OriginalValues</c> (nanoseconds per operation). Cases have no
/// BatchSize unless one is given, so no noise floor applies and the threshold alone decides.
/// </summary>
internal static class GeneratedResults
{
    public const string Type = "Generated";

    /// <summary>The full name of a generated case: <c>GeoAI.Bench.Benchmarks.Generated.Step(Case: name)</c>.</summary>
    public static string FullName(string name, int? batchSize = null) =>
        $"GeoAI.Bench.Benchmarks.{Type}.Step({Parameters(name, batchSize, ": ", ", ")})";

    /// <summary>
    /// Writes <paramref name="cases"/> into <paramref name="folder"/> as one result file of machine <paramref name="machine"/>,
    /// stamped as round <paramref name="round"/> of run <paramref name="runId"/> when given (as the rounds runner does).
    /// </summary>
    public static string Write(string folder, string machine, IEnumerable<(string Name, double[] Samples)> cases, int? batchSize = null,
        string fileName = "GeoAI.Bench.Benchmarks.Generated-report-full.json", string? runId = null, int? round = null)
    {
        var benchmarks = new JsonArray();
        foreach (var (name, samples) in cases)
            benchmarks.Add(new JsonObject
            {
                ["Namespace"] = "GeoAI.Bench.Benchmarks",
                ["Type"] = Type,
                ["Method"] = "Step",
                ["Parameters"] = Parameters(name, batchSize, "=", "&"),
                ["FullName"] = FullName(name, batchSize),
                ["Statistics"] = new JsonObject
                {
                    ["OriginalValues"] = new JsonArray(samples.Select(s => (JsonNode)JsonValue.Create(s)).ToArray()),
                    ["N"] = samples.Length,
                },
            });
        var root = new JsonObject
        {
            ["Title"] = "generated",
            ["HostEnvironmentInfo"] = new JsonObject
            {
                ["GeoAI"] = new JsonObject { ["Machine"] = machine, ["RunId"] = runId, ["Round"] = round },
            },
            ["Benchmarks"] = benchmarks,
        };
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, fileName);
        File.WriteAllText(path, root.ToJsonString());
        return path;
    }

    private static string Parameters(string name, int? batchSize, string equals, string separator) =>
        batchSize is { } batch
            ? string.Create(CultureInfo.InvariantCulture, $"Case{equals}{name}{separator}BatchSize{equals}{batch}")
            : $"Case{equals}{name}";
}

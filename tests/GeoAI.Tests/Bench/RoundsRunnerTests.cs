using System.Text.Json.Nodes;
using GeoAI.Bench.Rounds;
using GeoAI.Report.Results;
using GeoAI.Tests.Data;

namespace GeoAI.Tests.Bench;

/// <summary>
/// What <c>bench</c> does when a case fails in its launch (exit 1: the measured thing failed), with a stand-in program
/// so that the failure is certain: the other cases still run and keep their results, and the failed launch's log is
/// kept where the run says. (Bad input, weights that do not fit included, is refused before any launch: exit 2.)
/// </summary>
public sealed class RoundsRunnerTests : IDisposable
{
    private const string FailingCase =
        "GeoAI.Bench.Benchmarks.Vgg11BnTraining.Train(Mode: Frozen, Device: Cpu, BatchSize: 40, Loader: FixedBatch, Workers: 0)";

    private readonly TempDirectory temp = new();

    [Fact]
    public void AFailedLaunchMakesTheRunExitOneAndTheOtherCasesStillRun()
    {
        var (passingCase, resultJson) = OneCaseResult();
        // The launch arguments are: bench --inProcess --filter CASE --artifacts DIR ...; a launch's result is the one
        // *-report-full.json under DIR.
        var script = $"""
                      case "$4" in *Vgg11BnTraining*) echo "the case threw"; exit 1;; esac
                      mkdir -p "$6/results" && cp '{resultJson}' "$6/results/case-report-full.json"
                      """;
        var program = new BenchProgram("stand-in", ["/bin/sh", "-c", script, "stand-in"], new Dictionary<string, string?>());
        var settings = new LaunchSettings("run-1", [], [], temp.Combine("launches"));
        var results = temp.Combine("results");

        var exitCode = new RoundsRunner(program, settings, results).Run([FailingCase, passingCase], rounds: 2);

        Assert.Equal(1, exitCode);
        var kept = Directory.GetFiles(results, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(results, f)).Order();
        Assert.Equal([
            Path.Combine("round-01", "GeoAI.Bench.Benchmarks.CnnTraining-002-report-full.json"),
            Path.Combine("round-02", "GeoAI.Bench.Benchmarks.CnnTraining-002-report-full.json"),
        ], kept);
        var merged = Assert.Single(ResultReader.Read([results]).Results);
        Assert.Equal(passingCase, merged.FullName);
        Assert.Equal([1, 2], merged.Launches.Select(launch => launch.Round!.Value));
        foreach (var round in new[] { "round-01", "round-02" })
            Assert.Equal("the case threw",
                File.ReadAllText(temp.Combine("launches", round, "GeoAI.Bench.Benchmarks.Vgg11BnTraining-001.log")).Trim());
    }

    /// <summary>A committed launch result cut down to its first case, as one launch writes it.</summary>
    private (string CaseName, string Path) OneCaseResult()
    {
        var document = JsonNode.Parse(File.ReadAllText(Path.Combine(RepoPaths.Root, "tests", "GeoAI.Tests", "Report", "Fixtures",
            "history", "epyc-2core", "2026-12-03-7e24b2251e", "GeoAI.Bench.Benchmarks.CnnTraining-report-full.json")))!;
        var benchmarks = document["Benchmarks"]!.AsArray();
        while (benchmarks.Count > 1)
            benchmarks.RemoveAt(1);
        var path = temp.Combine("one-case-report-full.json");
        File.WriteAllText(path, document.ToJsonString());
        return (benchmarks[0]!["FullName"]!.GetValue<string>(), path);
    }

    public void Dispose() => temp.Dispose();
}

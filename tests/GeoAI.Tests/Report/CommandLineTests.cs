using GeoAI.Report.Compare;

namespace GeoAI.Tests.Report;

/// <summary>
/// The report and compare subcommands end to end, as a CI job runs them: exit codes (compare: 0 same or faster,
/// 1 slower, 2 bad input), messages, and that neither loads libtorch.
/// </summary>
public sealed class CommandLineTests : IDisposable
{
    private readonly ScratchFolder scratch = new();

    [Fact]
    public void CompareOfIdenticalRunsExitsZero()
    {
        var result = Run("compare", "--base", Fixtures.GpuMachine, "--diff", Fixtures.GpuMachine, "--threshold", "5%");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains($"| Same | {Fixtures.GpuMachineCases} | 1.000 |", result.StdOut);
        Assert.DoesNotContain("libtorch", result.All);
    }

    [Fact]
    public void CompareWithASlowerCaseExitsOne()
    {
        var diff = scratch.CopyOf(Fixtures.GpuMachine, "diff");
        ScratchFolder.EditBenchmark(Path.Combine(diff, Fixtures.CnnTrainingFile), Fixtures.CpuHostCase, b => ScratchFolder.ScaleTimes(b, 1.5));

        var result = Run("compare", "--base", Fixtures.GpuMachine, "--diff", diff, "--threshold", "5%", "--noise", "0.5ms");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("| CnnTraining.Train(Device: Cpu, BatchSize: 40, Loader: Host, Workers: 0) | 1.50 | – | 1 (iterations) | 99.9 | 150 | 12.5 |  |",
            result.StdOut);
        Assert.Contains(ComparisonMarkdown.SingleLaunchWarning, result.StdOut);
    }

    [Fact]
    public void CompareWithoutResultsExitsTwo()
    {
        var empty = Directory.CreateDirectory(scratch.Combine("empty")).FullName;

        var result = Run("compare", "--base", empty, "--diff", Fixtures.GpuMachine, "--threshold", "5%");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains($"error: no BenchmarkDotNet full JSON results (*-report-full.json) found in: {empty}", result.StdErr);
    }

    [Theory]
    [InlineData("--threshold", "5ms", "--threshold '5ms' is not a positive percentage")]
    [InlineData("--noise", "fast", "--noise 'fast' is not a time")]
    [InlineData("--top", "0", "--top must be positive")]
    [InlineData("--frobnicate", "1", "Unrecognized command or argument '--frobnicate'")]
    public void CompareWithABadCommandLineExitsTwo(string option, string value, string message)
    {
        string[] args = ["compare", "--base", Fixtures.GpuMachine, "--diff", Fixtures.GpuMachine];
        if (option != "--threshold")
            args = [.. args, "--threshold", "5%"];

        var result = Run([.. args, option, value]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(message, result.StdErr);
    }

    [Fact]
    public void CompareWithoutThresholdExitsTwo()
    {
        var result = Run("compare", "--base", Fixtures.GpuMachine, "--diff", Fixtures.GpuMachine);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--threshold", result.StdErr);
    }

    [Fact]
    public void ReportWritesTheFolder()
    {
        var output = scratch.Combine("report");

        var result = Run("report", Fixtures.CpuMachine, "--out", output, "--title", "Two cores");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains($"Report written to {output}: report.md, report.html and {Fixtures.ChartsOfCpuMachine} charts (PNG + SVG).", result.StdOut);
        Assert.StartsWith("# Two cores\n", File.ReadAllText(Path.Combine(output, "report.md")));
        Assert.DoesNotContain("libtorch", result.StdOut);
    }

    [Fact]
    public void ReportOfBadInputExitsTwoAndWritesNothing()
    {
        var broken = scratch.CopyOf(Fixtures.CpuMachine, "broken");
        var file = Path.Combine(broken, Fixtures.CnnTrainingFile);
        File.WriteAllText(file, "[1, 2");
        var output = scratch.Combine("report");

        var result = Run("report", broken, "--out", output);

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith($"error: {file}: malformed JSON", result.StdErr);
        Assert.False(Directory.Exists(output));
    }

    [Fact]
    public void HistoryOfTheFixtureFolderNamesItsOneChangePoint()
    {
        var output = scratch.Combine("history");

        var result = Run("history", HistoryFixture.Root, "--out", output);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains($"History written to {output}: history.md, history.html, history.json and 12 trend charts (PNG + SVG); " +
                        "36 runs, 1 change point.", result.StdOut);
        Assert.Contains($"  {HistoryFixture.StepMachine}: {HistoryFixture.StepCase} slower, time ×1.", result.StdOut);
        Assert.Contains($"from commit {HistoryFixture.StepCommit}", result.StdOut);
        Assert.DoesNotContain("libtorch", result.All);
    }

    [Fact]
    public void HistoryOfBadInputExitsTwoAndWritesNothing()
    {
        var run = scratch.CopyOf(HistoryFixture.RunFolders("epyc-2core")[0], "run");
        var file = Directory.GetFiles(run).Single();
        ScratchFolder.EditFile(file, root => root["HostEnvironmentInfo"]!["GeoAI"]!["StartedUtc"] = "soon");
        var output = scratch.Combine("history");

        var result = Run("history", run, "--out", output);

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith($"error: {file}: GeoAI.StartedUtc 'soon' is not an ISO 8601 time", result.StdErr);
        Assert.False(Directory.Exists(output));
    }

    [Theory]
    [InlineData("--threshold", "fast", "--threshold 'fast' is not a positive percentage (e.g. 5%)")]
    [InlineData("--seed", "x", "x")]
    public void HistoryWithABadOptionExitsTwo(string option, string value, string message)
    {
        var result = Run("history", HistoryFixture.Root, "--out", scratch.Combine("history"), option, value);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(message, result.StdErr);
        Assert.False(Directory.Exists(scratch.Combine("history")));
    }

    private static ProcessRunner.Result Run(params string[] args)
    {
        var program = Path.Combine(AppContext.BaseDirectory, "GeoAI.Bench.dll");
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";
        return ProcessRunner.Run(dotnet, [program, .. args], timeout: TimeSpan.FromMinutes(2));
    }

    public void Dispose() => scratch.Dispose();
}

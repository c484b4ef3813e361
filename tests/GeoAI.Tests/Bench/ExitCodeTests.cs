using GeoAI.Tests.Data;

namespace GeoAI.Tests.Bench;

/// <summary>
/// The exit-code table (docs/DESIGN.md) for every command, run as the program: an unknown option and data that do not
/// exist are bad input, exit code 2, one line on stderr naming the problem, nothing written.
/// </summary>
public sealed class ExitCodeTests : IDisposable
{
    private readonly TempDirectory temp = new();

    [Theory]
    [InlineData("bench")]
    [InlineData("info")]
    [InlineData("summary", "--model", "cnn")]
    [InlineData("report", "results", "--out", "report")]
    [InlineData("compare", "--base", "a", "--diff", "b", "--threshold", "5%")]
    [InlineData("ab", "--base", "HEAD", "--diff", "HEAD", "--out", "ab")]
    [InlineData("history", "results", "--out", "history")]
    [InlineData("download")]
    [InlineData("cache")]
    [InlineData("profile", "--out", "profile")]
    [InlineData("train", "--data", "synthetic:40", "--out", "run")]
    [InlineData("samples", "--data", "synthetic:40", "--out", "samples.png")]
    [InlineData("weights")]
    [InlineData("weights", "convert", "a", "b")]
    public void AnUnknownOptionExitsTwo(string command, params string[] required)
    {
        var result = Program([command, .. InTemp(required), "--bogus"]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(command == "bench" ? "Option 'bogus' is unknown." : "error: Unrecognized command or argument '--bogus'.", result.All);
        Assert.Empty(Directory.GetFileSystemEntries(temp.Path));
    }

    [Theory]
    [InlineData("bench")]
    [InlineData("ab", "--base", "HEAD", "--diff", "HEAD", "--out", "ab")]
    [InlineData("cache")]
    [InlineData("profile", "--out", "profile")]
    [InlineData("train", "--out", "run")]
    [InlineData("samples", "--out", "samples.png")]
    public void DataThatDoNotExistExitTwoNamingThem(string command, params string[] required)
    {
        var missing = temp.Combine("no-such", "EuroSAT.zip");

        var result = Program([command, .. InTemp(required), "--data", missing, "--cache-dir", temp.Combine("cache")]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains($"error: {missing}: no such file or folder", result.StdErr);
        Assert.Empty(Directory.GetFileSystemEntries(temp.Path));
    }

    [Theory]
    [InlineData("report", "--out", "report")]
    [InlineData("history", "--out", "history")]
    [InlineData("compare", "--diff", "results", "--threshold", "5%", "--base")]
    public void ResultsThatDoNotExistExitTwoNamingThem(string command, params string[] required)
    {
        var missing = temp.Combine("no-such-results");

        var result = Program([command, .. InTemp(required), missing]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(missing, result.StdErr);
        Assert.Empty(Directory.GetFileSystemEntries(temp.Path));
    }

    [Fact]
    public void AFilterThatMatchesNoCaseExitsTwoNamingTheClosestCases()
    {
        var result = Program(["bench", "--filter", "*CnnTrainig*", "--cache-dir", temp.Combine("cache")]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("error: --filter '*CnnTrainig*' matches no benchmark case; the closest are:\n" +
                        "  GeoAI.Bench.Benchmarks.CnnTraining.Train(Device: Cpu, BatchSize: 40, Loader: Host, Workers: 0)\n", result.StdErr);
        Assert.Empty(Directory.GetFileSystemEntries(temp.Path));
    }

    /// <summary>Relative output names go into the temporary folder.</summary>
    private string[] InTemp(string[] args) =>
        args.Select((arg, i) => i > 0 && args[i - 1] == "--out" || arg is "results" or "a" or "b" ? temp.Combine(arg) : arg).ToArray();

    private static ProcessRunner.Result Program(string[] args) =>
        ProcessRunner.Run("dotnet", [Path.Combine(AppContext.BaseDirectory, "GeoAI.Bench.dll"), .. args], timeout: TimeSpan.FromMinutes(2));

    public void Dispose() => temp.Dispose();
}

using System.Text.Json.Nodes;
using GeoAI.Bench.Ab;

namespace GeoAI.Tests.Bench;

/// <summary>
/// <c>ab</c> end to end as a developer runs it: an A/A of HEAD against itself on one tiny case with the quick job
/// (built once per commit under the cache), and every kind of bad input refused with exit code 2 before anything is
/// built or written. One class, so its tests never build the same commit at the same time.
/// </summary>
public sealed class AbCommandTests : IDisposable
{
    private const string TinyCase = "*DataPipeline.NextBatch(Device: Cpu, BatchSize: 40, Loader: Host, Workers: 0)";

    private readonly string folder = Directory.CreateTempSubdirectory("geoai-ab-").FullName;

    private string Out => Path.Combine(folder, "ab");

    [Fact]
    [Trait("Category", "Integration")]
    public void AnAaRunOfHeadOnOneCaseFindsNoDifferenceAndWritesEveryOutput()
    {
        var run = Ab("--base", "HEAD", "--diff", "HEAD", "--filter", TinyCase, "--quick", "--data", "synthetic:400", "--out", Out);

        Assert.True(run.ExitCode == 0, run.All);
        Assert.Contains("the same build: an A/A run", run.StdOut);
        var json = JsonNode.Parse(File.ReadAllText(Path.Combine(Out, "ab.json")))!;
        Assert.True(json["sameBuild"]!.GetValue<bool>());
        Assert.Equal(AbRunner.QuickRounds, json["rounds"]!.GetValue<int>());
        Assert.Equal("quick run", json["stopReason"]!.GetValue<string>());
        var onlyCase = Assert.Single(json["cases"]!.AsArray())!;
        Assert.Equal("GeoAI.Bench.Benchmarks.DataPipeline.NextBatch(Device: Cpu, BatchSize: 40, Loader: Host, Workers: 0)",
            onlyCase["name"]!.GetValue<string>());
        Assert.Contains(onlyCase["verdict"]!.GetValue<string>(), new[] { "Same", "Unsure" });
        Assert.Equal(AbRunner.QuickRounds, onlyCase["rounds"]!.GetValue<int>());
        Assert.True(onlyCase["paired"]!.GetValue<bool>());
        Assert.True(onlyCase["ciLow"]!.GetValue<double>() <= onlyCase["ratio"]!.GetValue<double>());
        foreach (var file in new[] { "ab.md", "ab.html", "charts/forest.png", "charts/forest.svg" })
            Assert.True(File.Exists(Path.Combine(Out, file)), file);
        foreach (var side in new[] { "base", "diff" })
            Assert.Equal(AbRunner.QuickRounds, Directory.GetFiles(Path.Combine(Out, side), "*-report-full.json", SearchOption.AllDirectories).Length);
        Assert.Contains("**A/A run**", File.ReadAllText(Path.Combine(Out, "ab.md")));
    }

    [Fact]
    public void AFolderThatIsNotACheckoutIsRefusedBeforeAnythingIsWritten()
    {
        var notACheckout = Directory.CreateDirectory(Path.Combine(folder, "plain")).FullName;

        var run = Ab("--base", notACheckout, "--diff", "HEAD", "--out", Out);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"error: {notACheckout}: is not a GeoAI.Bench checkout", run.StdErr);
        Assert.False(Directory.Exists(Out));
    }

    [Fact]
    public void ARevisionThatDoesNotExistIsRefused()
    {
        var run = Ab("--base", "no-such-branch-of-geoai", "--diff", "HEAD", "--out", Out);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("'no-such-branch-of-geoai' is neither a folder nor a revision", run.StdErr);
        Assert.False(Directory.Exists(Out));
    }

    [Fact]
    public void ACheckoutThatDoesNotBuildIsRefusedWithItsBuildError()
    {
        var broken = BrokenCheckout();

        var run = Ab("--base", broken, "--diff", "HEAD", "--out", Out);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("does not build:", run.StdErr);
        Assert.Contains("GeoAI.Bench.csproj", run.StdErr);
        Assert.False(Directory.Exists(Out));
    }

    [Theory]
    [InlineData("--threshold", "five", "--threshold 'five' is not a positive percentage")]
    [InlineData("--budget", "soon", "--budget 'soon' is not a duration")]
    [InlineData("--torch-threads", "0", "--torch-threads must be positive, not 0")]
    public void BadOptionsExitTwoWithTheReason(string option, string value, string message)
    {
        var run = Ab("--base", "HEAD", "--diff", "HEAD", option, value, "--out", Out);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(message, run.StdErr);
        Assert.False(Directory.Exists(Out));
    }

    [Fact]
    public void AnOutputFolderHoldingOtherFilesIsNotTouched()
    {
        Directory.CreateDirectory(Out);
        File.WriteAllText(Path.Combine(Out, "notes.txt"), "mine");

        var run = Ab("--base", "HEAD", "--diff", "HEAD", "--out", Out);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("holds files that are not an ab output (notes.txt)", run.StdErr);
        Assert.Equal(["notes.txt"], Directory.GetFileSystemEntries(Out).Select(Path.GetFileName));
    }

    [Theory]
    [InlineData("20m", 20 * 60)]
    [InlineData("90s", 90)]
    [InlineData("1h30m", 90 * 60)]
    [InlineData("2.5", 150)]
    public void BudgetsAreDurations(string text, double seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), AbRequest.ParseBudget(text));

    /// <summary>A git checkout with the solution's marker and a bench project that is not even XML.</summary>
    private string BrokenCheckout()
    {
        var path = Directory.CreateDirectory(Path.Combine(folder, "broken")).FullName;
        File.Copy(Path.Combine(RepoPaths.Root, Revision.SolutionFile), Path.Combine(path, Revision.SolutionFile));
        Directory.CreateDirectory(Path.Combine(path, "bench"));
        File.WriteAllText(Path.Combine(path, "bench", "GeoAI.Bench.csproj"), "<Project> this is not a project file");
        foreach (var args in new[] { new[] { "init", "-q" }, ["add", "."], ["-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "broken"] })
            Assert.Equal(0, ProcessRunner.Run("git", ["-C", path, .. args]).ExitCode);
        return path;
    }

    private static ProcessRunner.Result Ab(params string[] args) =>
        ProcessRunner.Run("dotnet", [Path.Combine(AppContext.BaseDirectory, "GeoAI.Bench.dll"), "ab", .. args], timeout: TimeSpan.FromMinutes(8));

    public void Dispose() => Directory.Delete(folder, recursive: true);
}

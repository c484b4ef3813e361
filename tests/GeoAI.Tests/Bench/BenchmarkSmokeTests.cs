using System.Text.Json.Nodes;
using GeoAI.Runtime;
using static TorchSharp.torch;

namespace GeoAI.Tests.Bench;

/// <summary>
/// One tiny case through the real program and BenchmarkDotNet's in-process toolchain with the quick job: the result
/// file must carry the suite's images/s metric and environment block, and the CUDA cases must be skipped with a line.
/// </summary>
public sealed class BenchmarkSmokeTests : IDisposable
{
    private const string OneCase = "*DataPipeline.NextBatch(Device: Cpu, BatchSize: 40, Loader: Host, Workers: 0)";

    private readonly string folder = Directory.CreateTempSubdirectory("geoai-smoke-").FullName;

    [Fact]
    [Trait("Category", "Integration")]
    public void OneQuickInProcessCaseWritesImagesPerSecondIntoTheFullJson()
    {
        var artifacts = Path.Combine(folder, "artifacts");
        var before = DateTime.UtcNow.AddSeconds(-1);
        var run = RunProgram("bench", "--quick", "--rounds", "1", "--data", "synthetic:400", "--cache-dir", Path.Combine(folder, "cache"),
            "--artifacts", artifacts, "--filter", OneCase, "--machine", "smoke-box");

        Assert.True(run.ExitCode == 0, run.All);
        if (CudaIsAvailable())
            Assert.DoesNotContain("Skipping CUDA cases", run.StdOut);
        else
            Assert.Contains("Skipping CUDA cases: CUDA is not available here", run.StdOut);
        var json = JsonNode.Parse(File.ReadAllText(
            Path.Combine(artifacts, "results", "round-01", "GeoAI.Bench.Benchmarks.DataPipeline-001-report-full.json")))!;
        var benchmark = Assert.Single(json["Benchmarks"]!.AsArray())!;
        Assert.Equal("Device=Cpu&BatchSize=40&Loader=Host&Workers=0", benchmark["Parameters"]!.GetValue<string>());
        Assert.Equal(FullJson.ImagesPerSecondFromMeasurements(benchmark, batch: 40), FullJson.ImagesPerSecondMetric(benchmark), 1e-6);
        var environment = json["HostEnvironmentInfo"]!["GeoAI"]!;
        Assert.True(environment["DataIsSynthetic"]!.GetValue<bool>());
        Assert.Matches(@"^\d+\.\d+\.\d+", environment["LibTorch"]!.GetValue<string>());
        AssertProvenance(environment, before);
    }

    /// <summary>
    /// A bf16 channels-last training step (bf16 model, fp32 master weights, NHWC batch) runs through BenchmarkDotNet:
    /// the result names the case with its Precision and MemoryFormat, and the GeoAI block says what the CPU has for bf16.
    /// </summary>
    [Fact]
    [Trait("Category", "Integration")]
    public void AQuickBf16ChannelsLastTrainingCaseRunsAndItsResultNamesTheFormat()
    {
        const string precisionCase =
            "GeoAI.Bench.Benchmarks.PrecisionTraining.Train(Model: Cnn, Device: Cpu, Precision: Bf16, MemoryFormat: ChannelsLast, BatchSize: 40)";
        var artifacts = Path.Combine(folder, "artifacts");

        var run = RunProgram("bench", "--quick", "--rounds", "1", "--data", "synthetic:400", "--cache-dir", Path.Combine(folder, "cache"),
            "--artifacts", artifacts, "--filter", precisionCase);

        Assert.True(run.ExitCode == 0, run.All);
        var json = JsonNode.Parse(File.ReadAllText(
            Path.Combine(artifacts, "results", "round-01", "GeoAI.Bench.Benchmarks.PrecisionTraining-001-report-full.json")))!;
        var benchmark = Assert.Single(json["Benchmarks"]!.AsArray())!;
        Assert.Equal(precisionCase, benchmark["FullName"]!.GetValue<string>());
        Assert.Equal("Model=Cnn&Device=Cpu&Precision=Bf16&MemoryFormat=ChannelsLast&BatchSize=40", benchmark["Parameters"]!.GetValue<string>());
        Assert.Equal(3, benchmark["Measurements"]!.AsArray() // the quick job's 3 measured iterations
            .Count(m => m!["IterationMode"]!.GetValue<string>() == "Workload" && m["IterationStage"]!.GetValue<string>() == "Actual"));
        Assert.Equal(CpuFeatures.DetectBf16(), json["HostEnvironmentInfo"]!["GeoAI"]!["CpuBf16Features"]!.GetValue<string>());
    }

    /// <summary>BenchmarkDotNet's information options are left to it: --version prints and exits 0, launching nothing.</summary>
    [Fact]
    [Trait("Category", "Integration")]
    public void AskingForTheVersionPrintsItAndLaunchesNothing()
    {
        var artifacts = Path.Combine(folder, "artifacts");

        var run = RunProgram("bench", "--version", "--data", "synthetic:400", "--cache-dir", Path.Combine(folder, "cache"),
            "--artifacts", artifacts);

        Assert.True(run.ExitCode == 0, run.All);
        Assert.Matches(@"GeoAI\.Bench \d+\.\d+\.\d+", run.StdOut);
        Assert.False(Directory.Exists(Path.Combine(artifacts, "results")));
    }

    /// <summary>The commit the program was built from (unless the checkout is a source archive), the dirty flag ./geoai passed, the start, the label.</summary>
    private static void AssertProvenance(JsonNode environment, DateTime before)
    {
        Assert.Equal("smoke-box", environment["Machine"]!.GetValue<string>());
        Assert.InRange(FullJson.StartedUtc(environment), before, DateTime.UtcNow);
        if (GitCheckout.HeadUnlessSourceArchive() is not { } head)
            return; // a source archive: no commit to compare with
        Assert.Equal(head, environment["Commit"]!.GetValue<string>());
        // ./geoai passes the host's answer to the build (the compat runtime has no git to ask): it must be what was baked.
        if (Environment.GetEnvironmentVariable("GEOAI_COMMIT_DIRTY") is "true" or "false")
            Assert.Equal(Environment.GetEnvironmentVariable("GEOAI_COMMIT_DIRTY") == "true", environment["CommitDirty"]!.GetValue<bool>());
    }

    [Fact]
    [Trait("Category", "Integration")]
    public void RoundsLaunchEachCaseOncePerRoundAndMergeIntoLaunchLevelResults()
    {
        var artifacts = Path.Combine(folder, "artifacts");
        var run = RunProgram("bench", "--quick", "--rounds", "2", "--torch-threads", "1", "--data", "synthetic:400",
            "--cache-dir", Path.Combine(folder, "cache"), "--artifacts", artifacts, "--filter", OneCase);

        Assert.True(run.ExitCode == 0, run.All);
        Assert.Contains("Rounds: 2 × 1 cases = 2 launches", run.StdOut);
        Assert.Contains("[round 2/2, 2/2,", run.StdOut);
        Assert.Contains("2 of 2 launches succeeded", run.StdOut);
        var result = Assert.Single(GeoAI.Report.Results.ResultReader.Read([Path.Combine(artifacts, "results")]).Results);
        Assert.Equal([1, 2], result.Launches.Select(l => l.Round!.Value));
        Assert.NotNull(result.RunId);
        Assert.Equal(2, result.Time.N);
        Assert.All(result.Launches, l => Assert.InRange(l.CpuStealPercent!.Value, 0, 100));
        var environment = JsonNode.Parse(File.ReadAllText(Directory.GetFiles(Path.Combine(artifacts, "results", "round-02"))[0]))!
            ["HostEnvironmentInfo"]!["GeoAI"]!;
        Assert.Equal(1, environment["TorchThreads"]!.GetValue<int>());
        Assert.Equal(2, environment["Round"]!.GetValue<int>());
    }

    [Fact]
    public void ListFlatNamesEveryCaseThatWouldRun()
    {
        var run = RunProgram("bench", "--list", "flat", "--filter", "*CnnTraining*");

        Assert.True(run.ExitCode == 0, run.All);
        Assert.Contains("GeoAI.Bench.Benchmarks.CnnTraining.Train(Device: Cpu, BatchSize: 40, Loader: Host, Workers: 2)", run.StdOut);
        // CPU: 3 batch sizes × (FixedBatch + Host with 0, 2, 4 workers); CUDA adds 3 × (FixedBatch + GpuResident + Host
        // and HostPinnedPrefetch with 0, 2, 4 workers).
        var cuda = CudaIsAvailable();
        var expected = cuda ? 36 : 12;
        if (cuda)
            Assert.Contains("GeoAI.Bench.Benchmarks.CnnTraining.Train(Device: Cuda, BatchSize: 512, Loader: HostPinnedPrefetch, Workers: 4)", run.StdOut);
        else
            Assert.DoesNotContain("Device: Cuda", run.StdOut);
        var lines = run.StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal(expected, lines.Count(l => l.StartsWith("GeoAI.Bench.Benchmarks.CnnTraining.Train(", StringComparison.Ordinal)));
        Assert.Equal($"{expected} cases", lines[^1]);
    }

    [Fact]
    public void UnknownDataSourceIsAClearErrorBeforeAnythingRuns()
    {
        var missing = Path.Combine(folder, "no-such.zip");
        var run = RunProgram("bench", "--data", missing, "--artifacts", Path.Combine(folder, "artifacts"));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(missing, run.StdErr);
        Assert.False(Directory.Exists(Path.Combine(folder, "artifacts")));
    }

    private static bool CudaIsAvailable()
    {
        TorchBackend.EnsureLoaded();
        return cuda.is_available();
    }

    private static ProcessRunner.Result RunProgram(params string[] args) =>
        ProcessRunner.Run("dotnet", [Path.Combine(AppContext.BaseDirectory, "GeoAI.Bench.dll"), .. args], timeout: TimeSpan.FromMinutes(5));

    public void Dispose() => Directory.Delete(folder, recursive: true);
}

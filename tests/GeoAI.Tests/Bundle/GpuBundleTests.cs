using System.Text.Json.Nodes;
using GeoAI.Report;
using GeoAI.Tests.Bench;

namespace GeoAI.Tests.Bundle;

/// <summary>
/// The GPU bundle, unpacked outside the checkout, runs with no .NET SDK on the system backend. The NuGet cache's CPU
/// libtorch stands in for a GPU box's PyTorch: the loading path is the same, only CUDA is missing.
/// </summary>
[Collection(BundleCollection.Name)]
[Trait("Category", "Integration")]
public sealed class GpuBundleTests(GpuBundleFixture bundle)
{
    /// <summary>One case, no CUDA, no model: a second of BenchmarkDotNet's quick job.</summary>
    private const string TinyCase = "*DataPipeline.NextBatch(Device: Cpu, BatchSize: 40, Loader: Host, Workers: 0)";

    [Fact]
    public void ArchiveIsUnderTheLimitAndCarriesNoLibTorch()
    {
        Assert.InRange(new FileInfo(bundle.Archive).Length, 1, 60L * 1024 * 1024);

        var app = Path.Combine(bundle.BundleFolder, "app");
        foreach (var file in new[] { "GeoAI.Bench", "compat.sh", "libLibTorchSharp.so", "TorchSharp.dll" })
            Assert.True(File.Exists(Path.Combine(app, file)), $"{file} is missing from the bundle");
        Assert.Contains("TorchBackend=system", File.ReadAllText(Path.Combine(bundle.BundleFolder, "BUNDLE.txt")));

        var names = Directory.EnumerateFiles(bundle.BundleFolder, "*", SearchOption.AllDirectories).Select(Path.GetFileName);
        Assert.DoesNotContain(names, name => name!.StartsWith("libtorch", StringComparison.Ordinal) ||
                                             name.StartsWith("libc10", StringComparison.Ordinal));

        // The fonts come from where the bundle was built (the publish runs where the tests run); no satellite resource
        // folders, no Windows-only helpers.
        var fontsHere = File.Exists("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf");
        Assert.Equal(fontsHere, File.Exists(Path.Combine(app, "fonts", "DejaVuSans.ttf")));
        string[] folders = fontsHere ? ["fonts"] : [];
        Assert.Equal(folders, Directory.GetDirectories(app).Select(Path.GetFileName));
    }

    [Fact]
    public void InfoNamesTheSystemBackendAndWhereLibTorchCameFrom()
    {
        var info = bundle.RunSh(["info"]);

        Assert.True(info.ExitCode == 0, info.All);
        Assert.Matches(@"^libtorch \d+\.\d+\.\d+.*TorchBackend=system\).*\| CUDA available: no", info.StdOut);
        Assert.Contains($"run.sh: libtorch: {bundle.LibTorch} (from GEOAI_LIBTORCH)", info.StdErr);
    }

    [Fact]
    public void QuickBenchmarkRunsInProcessAndWritesResultsAndReport()
    {
        var results = Path.Combine(bundle.Unpacked, $"results-{Environment.MachineName.Split('.')[0]}");
        var cache = Path.Combine(bundle.Unpacked, "cache");
        var before = DateTime.UtcNow.AddSeconds(-1);

        var run = bundle.RunSh(["--quick", "--rounds", "1", "--data", "synthetic:400", "--cache-dir", cache, "--filter", TinyCase]);

        Assert.True(run.ExitCode == 0, run.All);
        Assert.StartsWith("libtorch ", run.StdOut);
        Assert.Contains("TorchBackend=system", run.StdOut.Split('\n')[0]);
        Assert.Contains("Rounds: 1 × 1 cases = 1 launches", run.StdOut);
        // The launch is the bundle's own program again, running BenchmarkDotNet in-process: no SDK on a GPU box.
        var launchLog = Assert.Single(Directory.GetFiles(Path.Combine(results, "launches"), "*.log", SearchOption.AllDirectories));
        Assert.Contains("Toolchain=InProcessEmitToolchain", File.ReadAllText(launchLog));

        var json = Assert.Single(Directory.GetFiles(Path.Combine(results, "results"), "*-report-full.json", SearchOption.AllDirectories));
        var document = JsonNode.Parse(File.ReadAllText(json))!;
        var benchmark = Assert.Single(document["Benchmarks"]!.AsArray())!;
        Assert.Equal("GeoAI.Bench.Benchmarks.DataPipeline.NextBatch(Device: Cpu, BatchSize: 40, Loader: Host, Workers: 0)",
            benchmark["FullName"]!.GetValue<string>());
        Assert.Equal(FullJson.ImagesPerSecondFromMeasurements(benchmark, batch: 40), FullJson.ImagesPerSecondMetric(benchmark), 1e-6);
        // The box has no .git: the commit was baked into the bundle when it was built (unless the checkout it was built
        // from is a source archive, which has none to bake).
        var geoAi = document["HostEnvironmentInfo"]!["GeoAI"]!;
        if (GitCheckout.HeadUnlessSourceArchive() is { } head)
            Assert.Equal(head, geoAi["Commit"]!.GetValue<string>());
        Assert.InRange(FullJson.StartedUtc(geoAi), before, DateTime.UtcNow);

        Assert.True(File.Exists(Path.Combine(results, "report", ReportWriter.MarkdownFile)), run.All);
        Assert.True(File.Exists(Path.Combine(results, "report", ReportWriter.HtmlFile)), run.All);
        var environment = File.ReadAllText(Path.Combine(results, "environment.txt"));
        Assert.Contains($"GEOAI_LIBTORCH={bundle.LibTorch}", environment);
        Assert.Contains("TorchBackend=system", environment);
        Assert.True(File.Exists(Path.Combine(results, "run.log")));
        // Everything went to the results folder, nothing beside it.
        Assert.False(Directory.Exists(Path.Combine(bundle.Unpacked, "BenchmarkDotNet.Artifacts")));
    }

    [Fact]
    public void FolderWithoutLibTorchIsRefusedBeforeTheProgramStarts()
    {
        var empty = Directory.CreateTempSubdirectory("geoai-no-libtorch-").FullName;
        try
        {
            var run = bundle.RunSh(["info"], libTorch: empty);

            Assert.Equal(2, run.ExitCode);
            Assert.Contains($"run.sh: error: {empty} (from GEOAI_LIBTORCH) has no libtorch_cpu.so", run.StdErr);
            Assert.Equal("", run.StdOut);
        }
        finally
        {
            Directory.Delete(empty);
        }
    }
}

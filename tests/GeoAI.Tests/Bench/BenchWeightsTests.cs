using GeoAI.Models;
using GeoAI.Runtime;
using GeoAI.Training;

namespace GeoAI.Tests.Bench;

/// <summary>
/// <c>bench --weights</c> says what it loaded, as train does: once on the console when it checks the file before any
/// launch, and in the log of every launch of a model that loads it (VGG11-BN); the other models' launches say nothing.
/// </summary>
public sealed class BenchWeightsTests : IDisposable
{
    private const string VggCase = "GeoAI.Bench.Benchmarks.Inference.Infer(Model: Vgg11Bn, Device: Cpu, BatchSize: 40)";

    private const string DataCase = "GeoAI.Bench.Benchmarks.DataPipeline.NextBatch(Device: Cpu, BatchSize: 40, Loader: Host, Workers: 0)";

    private readonly string folder = Directory.CreateTempSubdirectory("geoai-bench-weights-").FullName;

    [Fact]
    [Trait("Category", "Integration")]
    public void TheLoadedLineIsPrintedOnceBeforeTheLaunchesAndInEachVggLaunchLog()
    {
        // VGG11-BN's state dict with its convolutions and linear layers in bf16 (half the bytes of fp32; bench converts).
        var weights = Path.Combine(folder, "vgg11bn-bf16.safetensors");
        TorchBackend.EnsureLoaded();
        using (var vgg = ModelRegistry.Get("vgg11bn").Create(10, TrainingMode.Full, seed: 1))
        {
            Bf16Model.Convert(vgg);
            ModelWeights.Save(vgg, weights);
        }
        var artifacts = Path.Combine(folder, "artifacts");

        var run = RunProgram("bench", "--quick", "--rounds", "1", "--data", "synthetic:400", "--cache-dir", Path.Combine(folder, "cache"),
            "--artifacts", artifacts, "--weights", weights, "--filter", VggCase, DataCase);

        Assert.True(run.ExitCode == 0, run.All);
        var loaded = Assert.Single(Lines(run.StdOut), line => line.StartsWith("weights: ", StringComparison.Ordinal));
        Assert.StartsWith($"weights: loaded 62 of 62 tensors from {weights} (safetensors; ", loaded);
        Assert.True(run.StdOut.IndexOf(loaded, StringComparison.Ordinal) < run.StdOut.IndexOf("Rounds:", StringComparison.Ordinal), run.StdOut);
        var launches = Path.Combine(artifacts, "launches", "round-01");
        Assert.Equal([loaded], Lines(File.ReadAllText(Path.Combine(launches, "GeoAI.Bench.Benchmarks.Inference-002.log")))
            .Where(line => line.StartsWith("weights: ", StringComparison.Ordinal)));
        Assert.DoesNotContain("weights: ", File.ReadAllText(Path.Combine(launches, "GeoAI.Bench.Benchmarks.DataPipeline-001.log")));
    }

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.TrimEntries);

    private static ProcessRunner.Result RunProgram(params string[] args) =>
        ProcessRunner.Run("dotnet", [Path.Combine(AppContext.BaseDirectory, "GeoAI.Bench.dll"), .. args], timeout: TimeSpan.FromMinutes(5));

    public void Dispose() => Directory.Delete(folder, recursive: true);
}

using GeoAI.Models;
using GeoAI.Runtime;

namespace GeoAI.Tests.Bench;

/// <summary>
/// The exit codes of <c>summary</c> and <c>bench</c> as a script sees them: 0 ok, 1 the measured thing failed, 2 bad
/// usage or input (an unknown option for every command is in the exit-code table's own tests).
/// </summary>
public sealed class SummaryAndBenchExitCodeTests : IDisposable
{
    private const string VggCase =
        "GeoAI.Bench.Benchmarks.Vgg11BnTraining.Train(Mode: Frozen, Device: Cpu, BatchSize: 40, Loader: FixedBatch, Workers: 0)";

    private const string DataCase = "GeoAI.Bench.Benchmarks.DataPipeline.NextBatch(Device: Cpu, BatchSize: 40, Loader: Host, Workers: 0)";

    private readonly string folder = Directory.CreateTempSubdirectory("geoai-exit-").FullName;

    [Fact]
    public void SummaryOfAKnownModelExitsZero()
    {
        var run = RunProgram("summary", "--model", "cnn");

        Assert.True(run.ExitCode == 0, run.All);
        Assert.Contains("Total params: 338,486", run.StdOut); // the chapter's torchsummary table
    }

    [Fact]
    public void SummaryOfAnUnknownModelExitsTwoNamingTheValidOnes()
    {
        var run = RunProgram("summary", "--model", "resnet50");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("unknown model 'resnet50'; valid models: cnn, vgg11bn, cnn-bn\n", run.StdErr);
        Assert.DoesNotContain("Total params", run.StdOut);
    }

    /// <summary>
    /// --weights names a valid safetensors file, but the chapter CNN's, which no VGG11-BN case can load. The file is
    /// loaded once before any launch, so the run exits 2 naming the file and what does not fit, and launches nothing
    /// (a case that fails in its launch makes the run exit 1: RoundsRunnerTests).
    /// </summary>
    [Fact]
    [Trait("Category", "Integration")]
    public void BenchRefusesWeightsThatDoNotFitBeforeLaunchingAnyCase()
    {
        var weights = Path.Combine(folder, "cnn.safetensors");
        TorchBackend.EnsureLoaded();
        using (var cnn = ModelRegistry.Get("cnn").Create(10, TrainingMode.Full))
            ModelWeights.Save(cnn, weights);
        var artifacts = Path.Combine(folder, "artifacts");

        var run = RunProgram("bench", "--quick", "--rounds", "1", "--data", "synthetic:400", "--cache-dir", Path.Combine(folder, "cache"),
            "--artifacts", artifacts, "--weights", weights, "--filter", VggCase, DataCase);

        Assert.True(run.ExitCode == 2, run.All);
        Assert.StartsWith($"error: --weights {weights}: does not match the model's state dict (62 tensors; the file has 10):\n", run.StdErr);
        Assert.Contains("\n  unexpected in the file (10): conv1.weight, conv1.bias, ", run.StdErr);
        Assert.DoesNotContain("Rounds:", run.StdOut);
        Assert.False(Directory.Exists(Path.Combine(artifacts, "launches")));
    }

    private static ProcessRunner.Result RunProgram(params string[] args) =>
        ProcessRunner.Run("dotnet", [Path.Combine(AppContext.BaseDirectory, "GeoAI.Bench.dll"), .. args], timeout: TimeSpan.FromMinutes(5));

    public void Dispose() => Directory.Delete(folder, recursive: true);
}
